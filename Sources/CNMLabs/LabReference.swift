import CNMCourse
import Foundation

/// What a lab argument on the command line names: a lab file, or the id of a lab in a folder.
///
/// Why one rule: every subcommand that takes a lab (`grade`, `labs show`, `shell --lab`,
/// `progress verify`) accepts the same two spellings, so an instructor never has to remember
/// which one takes which.
public enum LabReference {
    public enum Outcome: Sendable {
        /// The file read (its lab is nil when it did not decode; its diagnostics say why).
        case found(LabCatalog.Entry)
        /// Nothing matched; the message in a language.
        case notFound(@Sendable (LabLocale) -> String)
    }

    /// Whether `ref` is meant as a file: it exists in `files` as a file, contains `/` or ends in .yaml/.yml.
    public static func looksLikeFile(_ ref: String, files: any GradeFiles) -> Bool {
        ref.hasSuffix(".yaml") || ref.hasSuffix(".yml") || ref.contains("/") || (files.exists(ref) && !files.isDirectory(ref))
    }

    /// A lab file (see `looksLikeFile`), else the lab with id `ref` among the library's labs (or a
    /// file of the library named `ref.yaml` that did not decode, so that its errors are shown).
    public static func find(_ ref: String, in library: LabLibrary, files: any GradeFiles) -> Outcome {
        if looksLikeFile(ref, files: files) { return .found(LabCatalog.read(ref, files: files)) }
        // The last source wins, as in `LabLibrary.labs` (CNMLAB_LABS replaces a built-in lab).
        if let entry = library.entries.last(where: { $0.lab?.id == ref }) { return .found(entry) }
        if let entry = library.entries.first(where: {
            (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == ref
        }), entry.lab == nil {
            return .found(entry)
        }
        let lone = library.entries.count == 1 && library.entries[0].lab == nil ? library.entries[0].diagnostics.first : nil
        return .notFound { locale in
            var message = GradeText.labNotFound.format(locale, [ref, library.places(locale)])
            if let lone { message += ": " + lone.formatted(locale) }
            return message
        }
    }

    /// The bytes a lab entry was read from: the file (in `files`), or the copy built into the binary.
    public static func bytes(of entry: LabCatalog.Entry, files: any GradeFiles) -> [UInt8]? {
        if entry.file.hasPrefix("built-in:") {
            let path = String(entry.file.dropFirst("built-in:".count))
            return BundledCourse.labs.first { $0.path == path }.map { Array($0.text.utf8) }
        }
        return try? files.read(entry.file, limit: YAMLGuard.maxBytes, followLinks: true).get()
    }
}
