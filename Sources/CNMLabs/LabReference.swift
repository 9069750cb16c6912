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

    /// A lab file (see `looksLikeFile`), else the lab with id `ref` in `directory` (or the file
    /// named `ref.yaml` there when it did not decode, so that its errors are shown).
    public static func find(_ ref: String, in directory: String) -> Outcome {
        if looksLikeFile(ref) { return .found(LabCatalog.read(ref)) }
        let entries = LabCatalog.load(paths: [directory])
        if let entry = entries.first(where: { $0.lab?.id == ref }) { return .found(entry) }
        if let entry = entries.first(where: { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == ref }),
           entry.lab == nil {
            return .found(entry)
        }
        let lone = entries.count == 1 && entries[0].lab == nil ? entries[0].diagnostics.first : nil
        return .notFound { locale in
            var message = GradeText.labNotFound.format(locale, [ref, directory])
            if let lone { message += ": " + lone.formatted(locale) }
            return message
        }
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
