#if canImport(Glibc)
import Glibc
#endif

/// Finds and renders the curriculum text a lab step refers to.
enum CurriculumText {
    /// `ROOT/<lang>/<section>.md`, else a file in that folder whose name starts with the section id.
    static func section(_ section: String, language: Language, root: String) -> String? {
        for lang in [language.rawValue, language == .ko ? "en" : "ko"] {
            let dir = root + "/" + lang
            if let text = read(dir + "/" + section + ".md") { return text }
            for name in list(dir).sorted() where name.hasPrefix(section) && name.hasSuffix(".md") {
                if let text = read(dir + "/" + name) { return text }
            }
        }
        return nil
    }

    /// Markdown for a terminal: fenced Mermaid blocks dropped, other fences unwrapped.
    static func forTerminal(_ markdown: String) -> String {
        var out: [Substring] = []
        var inFence = false, dropping = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if inFence { inFence = false; dropping = false } else {
                    inFence = true
                    dropping = line.dropFirst(3).hasPrefix("mermaid")
                }
                continue
            }
            if !dropping { out.append(line) }
        }
        var text = out.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        return text
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
