import Foundation

/// Finds and reads lab files (`*.yaml`, `*.yml`) in files and folders.
///
/// Only regular files are read, and a file found by scanning a folder must
/// resolve (symlinks followed) to a place inside that folder: a lab set cannot
/// make cnmlab read anything outside it.
public enum LabCatalog {
    /// One file read: its lab (when it decoded) and its diagnostics.
    public struct Entry: Sendable {
        public var file: String
        public var lab: Lab?
        public var diagnostics: [LabDiagnostic]
    }

    /// Reads every lab in `paths` (files as given, folders scanned one level deep, sorted by name)
    /// from `files` (the real file system in the executables).
    public static func load(paths: [String], files: any GradeFiles) -> [Entry] {
        var out: [Entry] = []
        for path in paths {
            guard files.exists(path) else {
                let why: LabPhrase = files.kind(path) == .link ? .brokenLink : .noSuchFileOrFolder
                out.append(Entry(file: path, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(why)], at: nil, file: path)]))
                continue
            }
            if files.isDirectory(path) {
                let root = files.resolved(path)
                let names = (files.names(in: path) ?? [])
                    .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let file = (path as NSString).appendingPathComponent(name)
                    guard files.resolved(file).hasPrefix(root + "/") else {
                        out.append(Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.pointsOutside, path)], at: nil, file: file)]))
                        continue
                    }
                    out.append(read(file, files: files))
                }
            } else {
                out.append(read(path, files: files))
            }
        }
        return out
    }

    /// Reads one lab file (symlinks followed; a regular file of at most `YAMLGuard.maxBytes`).
    public static func read(_ file: String, files: any GradeFiles) -> Entry {
        switch files.read(file, limit: YAMLGuard.maxBytes, followLinks: true) {
        case .success(let bytes):
            let result = LabDecoder.decode(bytes: bytes, file: file)
            return Entry(file: file, lab: result.lab, diagnostics: result.diagnostics)
        case .failure(.tooLarge):
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex, [LabText.phrase(.largerThan, String(YAMLGuard.maxBytes))],
                                                                         at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        case .failure(.notRegular), .failure(.missing):
            let broken = files.isBrokenLink(file)
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(broken ? .brokenLink : .notRegularFile)],
                                                                         at: nil, file: file)])
        case .failure(.unreadable):
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.cannotOpen)], at: nil, file: file)])
        }
    }

    /// The labs of `paths` that decoded, in file order.
    public static func labs(paths: [String], files: any GradeFiles) -> [Lab] { load(paths: paths, files: files).compactMap(\.lab) }
}
