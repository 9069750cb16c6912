import CNMSim
import CNMCourse
import Foundation

/// Where `cnmlab` finds its labs, for every subcommand that reads them (one rule, one place):
///
/// - `--labs DIR` (repeatable; a folder or a lab file) **replaces** the built-in labs: only those are read.
///   CI and instructors testing their own lab set use it.
/// - Otherwise the labs built into the binary, plus every folder of `CNMLAB_LABS` (colon-separated),
///   which **adds** labs: a lab there whose id is also built in replaces the built-in one (a newer
///   version from the instructor).
///
/// Labs are built in from the package's `Labs/` folder (see `BundledCourse`), so an installed
/// binary finds them from any folder.
public struct LabLibrary: Sendable {
    /// Every file read (built-in files are named `built-in:Labs/NAME.yaml`), with its diagnostics.
    public var entries: [LabCatalog.Entry]
    /// Where labs were looked for, in order, for the message shown when none is found.
    public var searched: [String]

    /// The labs that decoded; a later source's lab replaces an earlier one with the same id.
    public var labs: [Lab] {
        var order: [String] = []
        var byID: [String: Lab] = [:]
        for lab in entries.compactMap(\.lab) {
            if byID[lab.id] == nil { order.append(lab.id) }
            byID[lab.id] = lab
        }
        return order.compactMap { byID[$0] }
    }

    /// The name of the environment variable that adds lab folders.
    public static let environmentKey = "CNMLAB_LABS"

    /// The labs `--labs` (the `options` given) or, without it, the built-in labs and `CNMLAB_LABS` name;
    /// folders and files are read from `files` (the real file system in the executables).
    public static func load(options: [String], environment: [String: String], files: any GradeFiles) -> LabLibrary {
        if !options.isEmpty {
            return LabLibrary(entries: LabCatalog.load(paths: options, files: files), searched: options)
        }
        var entries = builtIn()
        var searched = [LabLibraryText.builtInPlace]
        let extra = (environment[environmentKey] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for dir in extra {
            entries += LabCatalog.load(paths: [dir], files: files)
            searched.append("\(environmentKey)=\(dir)")
        }
        return LabLibrary(entries: entries, searched: searched)
    }

    /// The labs built into the binary.
    public static func builtIn() -> [LabCatalog.Entry] {
        BundledCourse.labs.map { file in
            let name = "built-in:" + file.path
            let result = LabDecoder.decode(bytes: Array(file.text.utf8), file: name)
            return LabCatalog.Entry(file: name, lab: result.lab, diagnostics: result.diagnostics)
        }
    }

    /// "no lab found in …", naming every place looked in, for standard error.
    public func notFoundMessage(_ locale: LabLocale) -> String {
        LabLibraryText.noLabFound(places(locale), locale)
    }

    /// Every place looked in, the built-in labs named in `locale` ("the built-in labs", "내장 실습").
    public func places(_ locale: LabLocale) -> String {
        searched.map { LabLibraryText.place($0, locale) }.joined(separator: ", ")
    }
}

/// The messages of lab discovery, in Korean and English.
enum LabLibraryText {
    static let builtInPlace = "built-in"

    /// A place as a reader sees it: the built-in labs in words of `locale`, a folder as it is.
    static func place(_ place: String, _ locale: LabLocale) -> String {
        guard place == builtInPlace else { return place }
        return locale == .ko ? "내장 실습" : "the built-in labs"
    }

    static func noLabFound(_ places: String, _ locale: LabLocale) -> String {
        MessageTemplate.fill(locale == .ko ? "실습을 찾지 못했습니다. 찾아본 곳: {places} (*.yaml, *.yml 파일)"
                                           : "no lab found; looked in: {places} (*.yaml and *.yml files)", ["places": places])
    }
}
