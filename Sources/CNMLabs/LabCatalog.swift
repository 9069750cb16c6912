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

    /// Reads every lab in `paths` (files as given, folders scanned one level deep, sorted by name).
    public static func load(paths: [String]) -> [Entry] {
        var out: [Entry] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                out.append(Entry(file: path, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.noSuchFileOrFolder)], at: nil, file: path)]))
                continue
            }
            if isDir.boolValue {
                let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let file = (path as NSString).appendingPathComponent(name)
                    let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
                    guard real.hasPrefix(root + "/") else {
                        out.append(Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.pointsOutside, path)], at: nil, file: file)]))
                        continue
                    }
                    out.append(read(file))
                }
            } else {
                out.append(read(path))
            }
        }
        return out
    }

    /// Reads one lab file.
    public static func read(_ file: String) -> Entry {
        // Follow symlinks first: only a regular file is read (never a FIFO or a device).
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: real)
        guard let type = attributes?[.type] as? FileAttributeType, type == .typeRegular else {
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.notRegularFile)], at: nil, file: file)])
        }
        if let size = attributes?[.size] as? Int, size > YAMLGuard.maxBytes {
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex, [LabText.phrase(.largerThan, String(YAMLGuard.maxBytes))],
                                                                         at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        }
        guard let data = FileManager.default.contents(atPath: real), data.count <= YAMLGuard.maxBytes else {
            return Entry(file: file, lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.cannotOpen)], at: nil, file: file)])
        }
        let result = LabDecoder.decode(bytes: [UInt8](data), file: file)
        return Entry(file: file, lab: result.lab, diagnostics: result.diagnostics)
    }

    /// The labs of `paths` that decoded, in file order.
    public static func labs(paths: [String]) -> [Lab] { load(paths: paths).compactMap(\.lab) }
}
