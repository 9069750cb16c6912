import Foundation

/// One file of the course as it was in the package when cnmlab was built.
public struct CourseFile: Sendable, Equatable {
    /// The path inside the package, e.g. `Labs/w2d1s3-04-ipam.yaml` or `Curriculum/ko/1.3-ipam.md`.
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// A file as the generated source holds it (base64, so no text needs escaping); nil if it does not decode.
    init?(base64Path: String, base64Text: String) {
        guard let path = Data(base64Encoded: base64Path), let text = Data(base64Encoded: base64Text) else { return nil }
        self.init(path: String(decoding: path, as: UTF8.self), text: String(decoding: text, as: UTF8.self))
    }

    /// The file name without its folder.
    public var name: String { String(path.split(separator: "/").last ?? "") }
}

/// The labs and the curriculum built into the binary, so an installed `cnmlab` needs no files
/// beside it and finds its course from any folder. The lists are generated before every build from
/// `Labs/` and `Curriculum/` by the `EmbedCourse` plugin (never checked in, so never stale).
public enum BundledCourse {
    /// `Labs/*.yaml`, sorted by file name.
    public static let labs: [CourseFile] = generatedLabs.compactMap { $0 }.sorted { $0.name < $1.name }

    /// `Curriculum/ko/*.md` and `Curriculum/en/*.md`, sorted by path.
    public static let curriculum: [CourseFile] = generatedCurriculum.compactMap { $0 }.sorted { $0.path < $1.path }

    /// The curriculum files of one language (`ko` or `en`), sorted by file name.
    public static func curriculum(language: String) -> [CourseFile] {
        curriculum.filter { $0.path.hasPrefix("Curriculum/\(language)/") }
    }
}
