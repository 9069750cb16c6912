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

    /// Whether `ref` is meant as a file: it exists as a file, contains `/` or ends in .yaml/.yml.
    public static func looksLikeFile(_ ref: String) -> Bool {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: ref, isDirectory: &isDir)
        return ref.hasSuffix(".yaml") || ref.hasSuffix(".yml") || ref.contains("/") || (exists && !isDir.boolValue)
    }

    /// A lab file (see `looksLikeFile`), else the lab with id `ref` among the library's labs (or a
    /// file of the library named `ref.yaml` that did not decode, so that its errors are shown).
    public static func find(_ ref: String, in library: LabLibrary) -> Outcome {
        if looksLikeFile(ref) { return .found(LabCatalog.read(ref)) }
        // The last source wins, as in `LabLibrary.labs` (CNMLAB_LABS replaces a built-in lab).
        if let entry = library.entries.last(where: { $0.lab?.id == ref }) { return .found(entry) }
        if let entry = library.entries.first(where: {
            (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == ref
        }), entry.lab == nil {
            return .found(entry)
        }
        let places = library.searched.joined(separator: ", ")
        let lone = library.entries.count == 1 && library.entries[0].lab == nil ? library.entries[0].diagnostics.first : nil
        return .notFound { locale in
            var message = GradeText.labNotFound.format(locale, [ref, places])
            if let lone { message += ": " + lone.formatted(locale) }
            return message
        }
    }

    /// The bytes a lab entry was read from: the file, or the copy built into the binary.
    public static func bytes(of entry: LabCatalog.Entry) -> [UInt8]? {
        if entry.file.hasPrefix("built-in:") {
            let path = String(entry.file.dropFirst("built-in:".count))
            return BundledCourse.labs.first { $0.path == path }.map { Array($0.text.utf8) }
        }
        return FileManager.default.contents(atPath: entry.file).map { [UInt8]($0) }
    }
}

/// Where a path leads once symlinks and `..` are resolved, for telling whether two folders are the
/// same or one lies inside the other (a path that does not exist yet is resolved through its
/// nearest existing parent).
enum PathPlace {
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var url = existing.resolvingSymlinksInPath()
        for part in rest { url = url.appendingPathComponent(part) }
        return url.standardizedFileURL.path
    }

    /// Whether `inner` is `outer` or lies inside it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        let o = resolved(outer), i = resolved(inner)
        return i == o || i.hasPrefix(o.hasSuffix("/") ? o : o + "/")
    }
}
