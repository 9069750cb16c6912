import ArgumentParser
import CNMFileSystem
import CNMLabs
import CNMShell
import Foundation

/// `--labs DIR`, for every subcommand that reads labs: which labs it sees is `LabLibrary`'s rule
/// (built in, plus `CNMLAB_LABS` folders; `--labs` replaces them).
struct LabSourceOption: ParsableArguments {
    @Option(name: [.customLong("labs"), .customLong("dir")], help: ArgumentHelp(
        HelpLanguage.text(ko: "내장 실습 대신 쓸 실습 파일 폴더나 실습 파일 하나 (여러 번 쓸 수 있음). CNMLAB_LABS=DIR[:DIR…]는 대신 내장 실습에 폴더를 더합니다.", en: "A folder of lab files, or one lab file, used instead of the built-in labs (repeatable). CNMLAB_LABS=DIR[:DIR…] adds folders to the built-in labs instead."),
        valueName: "DIR"))
    var paths: [String] = []

    func library() -> LabLibrary {
        LabLibrary.load(options: paths, environment: ProcessInfo.processInfo.environment, files: DiskFiles())
    }

    /// The labs found; when there is none, says where it looked on standard error and exits 1.
    /// Files that did not decode are named on standard error (they are skipped).
    func labs(_ locale: LabLocale) throws -> [Lab] {
        let library = library()
        for entry in library.entries where entry.lab == nil {
            let first = entry.diagnostics.first.map { $0.formatted(locale) } ?? entry.file
            Output.write("cnmlab: " + LabSourceText.skipped(first, locale) + "\n", to: 2)
        }
        let labs = library.labs
        if labs.isEmpty {
            Output.write("cnmlab: " + library.notFoundMessage(locale) + "\n", to: 2)
            throw ExitCode(1)
        }
        return labs
    }
}

enum LabSourceText {
    static func skipped(_ diagnostic: String, _ locale: LabLocale) -> String {
        LabMessage.skippingUnloadable.text(locale, diagnostic)
    }
}
