import ArgumentParser
import CNMShell
import CNMProgress
import Foundation

/// `cnmlab report DB…`: one class table from several learners' progress databases.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: HelpLanguage.text(ko: "여러 진도 데이터베이스를 한 반의 표 하나로 합칩니다.", en: "Merge several progress databases into one class table."),
        discussion: HelpLanguage.text(ko: """
            각 데이터베이스를 읽기 전용으로 엽니다. 여러 파일에 있는 같은 학습자와 실습은 한 행이 됩니다. \
            읽을 수 없는 파일은 표준 오류에 보고하고 건너뛰며, 그때 종료 상태는 1입니다. \
            각 행은 그 시도들이 명령 로그를 실습으로 재실행한 결과와 맞는지 밝힙니다 \
            (verified 열: ok, 손으로 고친 시도나 단계 행 또는 끊긴 해시 체인이면 MISMATCH, \
            실습이 없거나 바뀌었으면 unknown).
            """, en: """
            Opens each database read-only. A learner and lab found in several files become one row. \
            A file that cannot be read is reported on standard error and skipped; the exit status is then 1. \
            Each row says whether its attempts agree with a replay of their command logs through their lab \
            (column verified: ok, MISMATCH for an attempt or step row edited by hand or a broken hash chain, \
            unknown when the lab is missing or changed).
            """)
    )

    @Argument(help: ArgumentHelp(HelpLanguage.text(ko: "진도 데이터베이스.", en: "Progress databases."), valueName: "DB"))
    var databases: [String]

    @Option(help: ArgumentHelp(HelpLanguage.text(ko: "csv, json 또는 table.", en: "csv, json or table."), valueName: "format"))
    var format: String = FormatOption.csv.rawValue

    @OptionGroup var labSource: LabSourceOption

    func validate() throws {
        if databases.isEmpty { throw ValidationError(ProgressMessage.noDatabasesGiven.text(ProgressCLI.language)) }
    }

    func run() throws {
        let format = try OptionChoice.pick(FormatOption.self, format, option: "--format", command: "report",
                                           locale: ProgressCLI.locale)
        // Rows are checked against a replay of their command logs through these labs (column `verified`).
        let labs = labSource.library().labs
        var sources: [[LabProgress]] = []
        var failed = false
        var seen = Set<String>()
        for path in databases {
            // The same file named twice (or through another path) is read once.
            let key = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard seen.insert(key).inserted else { continue }
            do {
                let store = try ProgressStore(path: path, mode: .readOnly)
                sources.append(try store.verifiedLabProgress(labs: labs))
            } catch {
                failed = true
                let reason = (error as? ProgressError)?.message.text(ProgressCLI.language) ?? "\(error)"
                Output.write("cnmlab: " + ProgressMessage.reportFileFailed(path: path, reason: reason).text(ProgressCLI.language) + "\n", to: 2)
            }
        }
        Output.write(ProgressReport.render(ProgressReport.merge(sources), format: format.format), to: 1)
        if failed { throw ExitCode(1) }
    }
}
