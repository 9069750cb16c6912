import CNMSim
import CNMCourse
#if canImport(Glibc)
import Glibc
#endif

/// Finds the curriculum text a lab step refers to: in the course built into the binary, or in a
/// folder given with `--curriculum DIR` (laid out like the package's `Curriculum/`: `DIR/ko`, `DIR/en`).
enum CurriculumText {
    /// `<lang>/<section>.md`, else a file of that language whose name starts with the section id;
    /// the other language when this one has none. `root` nil: the built-in course.
    static func section(_ section: String, language: Language, root: String?) -> String? {
        guard !section.isEmpty, !section.contains("/") else { return nil }
        for lang in [language.rawValue, language == .ko ? "en" : "ko"] {
            let files = self.files(language: lang, root: root)
            if let file = files.first(where: { $0.name == section + ".md" }) { return file.text }
            if let file = files.first(where: { $0.name.hasPrefix(section) }) { return file.text }
        }
        return nil
    }

    /// The `.md` files of one language, sorted by name (from the folder, or built in).
    static func files(language lang: String, root: String?) -> [CourseFile] {
        guard let root else { return BundledCourse.curriculum(language: lang) }
        let dir = root + "/" + lang
        return list(dir).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            read(dir + "/" + name).map { CourseFile(path: "Curriculum/\(lang)/\(name)", text: $0) }
        }
    }

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > 4 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func list(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
