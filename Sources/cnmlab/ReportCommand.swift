import ArgumentParser
import CNMShell
import CNMProgress
import Foundation

/// `cnmlab report DB…`: one class table from several learners' progress databases.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Merge several progress databases into one class table.",
        discussion: """
        Opens each database read-only. A learner and lab found in several files become one row. \
        A file that cannot be read is reported on standard error and skipped; the exit status is then 1. \
        Each row says whether its attempts agree with a replay of their command logs through their lab \
        (column verified: ok, MISMATCH for an attempt or step row edited by hand or a broken hash chain, \
        unknown when the lab is missing or changed).
        """
    )

    @Argument(help: ArgumentHelp("Progress databases.", valueName: "DB"))
    var databases: [String]

    @Option(help: ArgumentHelp("csv, json or table.", valueName: "format"))
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
