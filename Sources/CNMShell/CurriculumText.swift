import CNMSim
import CNMCourse
import CNMLabs

/// A curriculum folder given with `--curriculum DIR` (laid out like the package's `Curriculum/`:
/// `DIR/ko`, `DIR/en`) and the file system to read it through: the executable hands in the disk
/// (`DiskFiles` in CNMFileSystem), so the shell library itself does no file I/O.
public struct CurriculumFolder: Sendable {
    public let root: String
    public let files: any GradeFiles

    public init(root: String, files: any GradeFiles) {
        self.root = root
        self.files = files
    }
}

/// Finds the curriculum text a lab step refers to: in the course built into the binary, or in a
/// `CurriculumFolder`.
enum CurriculumText {
    /// The most of one curriculum file that is read (the course's largest is far smaller).
    static let maxBytes = 4 << 20

    /// `<lang>/<section>.md`, else a file of that language whose name starts with the section id;
    /// the other language when this one has none. `folder` nil: the built-in course.
    static func section(_ section: String, language: Language, folder: CurriculumFolder?) -> String? {
        guard !section.isEmpty, !section.contains("/") else { return nil }
        for lang in [language.rawValue, language == .ko ? "en" : "ko"] {
            let files = self.files(language: lang, folder: folder)
            if let file = files.first(where: { $0.name == section + ".md" }) { return file.text }
            if let file = files.first(where: { $0.name.hasPrefix(section) }) { return file.text }
        }
        return nil
    }

    /// The `.md` files of one language, sorted by name (from the folder, or built in).
    static func files(language lang: String, folder: CurriculumFolder?) -> [CourseFile] {
        guard let folder else { return BundledCourse.curriculum(language: lang) }
        let dir = folder.root + "/" + lang
        let names = folder.files.names(in: dir) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            guard case .success(let bytes) = folder.files.read(dir + "/" + name, limit: maxBytes, followLinks: true) else { return nil }
            return CourseFile(path: "Curriculum/\(lang)/\(name)", text: String(decoding: bytes, as: UTF8.self))
        }
    }
}
