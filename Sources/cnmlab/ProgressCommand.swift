import CNMSim
import ArgumentParser
import CNMCommands
import CNMLabs
import CNMProgress
import CNMShell
import Foundation

/// `--db PATH`, shared by every command that reads or writes progress.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        HelpLanguage.text(ko: "진도 데이터베이스 (기본값: $XDG_DATA_HOME/cnmlab/progress.sqlite).", en: "The progress database (default: $XDG_DATA_HOME/cnmlab/progress.sqlite)."), valueName: "PATH"))
    var path: String?

    var resolved: String { path ?? ProgressStore.defaultPath() }
}

/// Output formats of `cnmlab progress` and `cnmlab report`.
enum FormatOption: String, CaseIterable {
    case table, json, csv

    var format: ProgressFormat {
        switch self {
        case .table: return .table
        case .json: return .json
        case .csv: return .csv
        }
    }
}

/// Prints a progress message as `cnmlab: …` on standard error.
enum ProgressCLI {
    /// The language of messages and table headings: `Language.fromEnvironment`.
    static var language: String { Language.fromEnvironment(ProcessInfo.processInfo.environment).rawValue }
    /// The same language as a lab locale, for the messages `CNMLabs` words.
    static var locale: LabLocale { language == "ko" ? .ko : .en }

    static func fail(_ message: ProgressMessage) -> ExitCode {
        Output.write("cnmlab: \(message.text(language))\n", to: 2)
        return ExitCode(1)
    }

    static func fail(_ error: any Error) -> ExitCode {
        if let e = error as? ProgressError { return fail(e.message) }
        Output.write("cnmlab: \(error)\n", to: 2)
        return ExitCode(1)
    }

    static func open(_ path: String, mode: ProgressStore.Mode) throws -> ProgressStore {
        do {
            return try ProgressStore(path: path, mode: mode)
        } catch {
            throw fail(error)
        }
    }
}

/// `cnmlab progress`: what learners have done, lab by lab, and the tools around the log.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: HelpLanguage.text(ko: "학습자의 진도를 보여 주고, 내보내고, 검증하고, 기록합니다.", en: "Show, export, verify and record learners' progress."),
        subcommands: [ProgressShowCommand.self, ProgressExportCommand.self, ProgressVerifyCommand.self,
                      ProgressRecordCommand.self],
        defaultSubcommand: ProgressShowCommand.self
    )
}

/// `cnmlab progress [show]`: one row per learner and lab.
struct ProgressShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: HelpLanguage.text(ko: "실습마다: 상태, 점수, 끝낸 단계, 힌트, 본 풀이, 명령, 걸린 시간.", en: "Per lab: status, score, steps done, hints, solutions shown, commands, time spent."),
        discussion: HelpLanguage.text(ko: "걸린 시간은 5분이 넘는 멈춤을 5분으로 셉니다.", en: "Time spent counts pauses of more than 5 minutes as 5 minutes.")
    )

    @Option(help: HelpLanguage.help(ko: "이 학습자만.", en: "Only this learner."))
    var learner: String?

    @Option(help: ArgumentHelp(HelpLanguage.text(ko: "table, json 또는 csv.", en: "table, json or csv."), valueName: "format"))
    var format: String = FormatOption.table.rawValue

    @OptionGroup var db: DatabaseOption

    func run() throws {
        let format = try OptionChoice.pick(FormatOption.self, format, option: "--format", command: "progress",
                                           locale: ProgressCLI.locale)
        let path = db.resolved
        if db.path == nil, !FileManager.default.fileExists(atPath: path) {
            Output.write(ProgressMessage.noProgressYet(path: path).text(ProgressCLI.language) + "\n", to: 2)
            return
        }
        let store = try ProgressCLI.open(path, mode: .readOnly)
        do {
            if let learner, try store.learner(named: learner) == nil {
                throw ProgressCLI.fail(.unknownLearner(learner))
            }
            let rows = try store.labProgress(learner: learner)
            if format == .table {
                // Fitted to the terminal (or COLUMNS): narrower columns, or one block per row.
                let cells = ProgressReport.tableCells(rows, language: ProgressCLI.language)
                Output.write(TextTable.render(cells, width: TerminalSize.columns(environment: ProcessInfo.processInfo.environment)), to: 1)
            } else {
                Output.write(ProgressReport.render(rows, format: format.format, language: ProgressCLI.language), to: 1)
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            throw ProgressCLI.fail(error)
        }
    }
}

/// `cnmlab progress export`: an attempt's transcript, input for `cnmlab grade`.
struct ProgressExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: HelpLanguage.text(ko: "시도의 명령을 명령 기록으로 씁니다 ('#' 머리말 다음에 한 줄에 명령 하나).", en: "Write an attempt's commands as a transcript (a '#' header, then one command per line)."),
        discussion: HelpLanguage.text(ko: "--attempt가 없으면 가장 최근 시도를 내보냅니다.", en: "Exports the latest attempt unless --attempt is given.")
    )

    @Option(help: HelpLanguage.help(ko: "학습자.", en: "The learner."))
    var learner: String

    @Option(help: HelpLanguage.help(ko: "실습 ID.", en: "The lab ID."))
    var lab: String

    @Option(help: HelpLanguage.help(ko: "시도 번호 (기본값: 이 실습의 가장 최근 시도).", en: "An attempt number (default: the latest at this lab)."))
    var attempt: Int64?

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpLanguage.text(ko: "표준 출력 대신 이 파일에 씁니다.", en: "Write to this file instead of standard output."), valueName: "FILE"))
    var output: String?

    @OptionGroup var db: DatabaseOption

    func run() throws {
        let store = try ProgressCLI.open(db.resolved, mode: .readOnly)
        let transcript: Transcript
        do {
            transcript = try store.transcript(learner: learner, labID: lab, attemptID: attempt)
        } catch {
            throw ProgressCLI.fail(error)
        }
        let bytes = transcript.render()
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw ProgressCLI.fail(.cannotWriteFile(path: output))
            }
        } else {
            Output.write(String(decoding: bytes, as: UTF8.self), to: 1)
        }
    }
}

/// `cnmlab progress verify`: checks the file and the command log's hash chain.
struct ProgressVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: HelpLanguage.text(ko: "데이터베이스, 명령 로그의 해시 체인, 그리고 모든 시도를 그 로그와 대조해 검사합니다.", en: "Check the database, the command log's hash chain, and every attempt against its log."),
        discussion: HelpLanguage.text(ko: """
            각 시도의 명령 로그를 그 실습(내장 실습, CNMLAB_LABS 또는 --labs)으로 재실행하고, \
            기록된 점수, 만점, 끝낸 단계, 힌트, 본 풀이가 재실행 결과와 같아야 합니다: \
            손으로 고친 시도나 단계 행은 체인이 온전해도 찾아냅니다. \
            실습이 없거나 바뀐 시도는 검증할 수 없다고 밝힙니다.
            종료 상태: 온전하면 0, 행이 바뀌었거나 지워졌거나, 시도가 로그와 맞지 않거나, \
            파일이 손상되었으면 1.
            """, en: """
            Each attempt's command log is replayed through its lab (the built-in labs, CNMLAB_LABS or --labs) \
            and the recorded score, maximum, completed steps, hints and solutions shown must be what the \
            replay gives: an attempt or step row edited by hand is found even when the chain is intact. \
            An attempt whose lab is missing or changed is named as not verifiable.
            Exit status: 0 when intact, 1 when a row was changed or removed, an attempt does not match its \
            log, or the file is damaged.
            """)
    )

    @OptionGroup var db: DatabaseOption
    @OptionGroup var labSource: LabSourceOption

    func run() throws {
        let language = ProgressCLI.language
        let store = try ProgressCLI.open(db.resolved, mode: .readOnly)
        let report: ChainReport
        let attempts: [AttemptVerification]
        do {
            report = try store.verifyChain()
            attempts = try store.verifyAttempts(labs: labSource.library().labs)
        } catch {
            throw ProgressCLI.fail(error)
        }
        var failed = !report.isIntact
        if report.isIntact {
            Output.write(report.message.text(language) + "\n", to: 1)
        } else {
            Output.write("cnmlab: \(report.message.text(language))\n", to: 2)
        }
        for a in attempts where a.outcome != .verified {
            let details = a.details.map { $0.text(language) }.joined(separator: "; ")
            if a.outcome == .mismatch {
                failed = true
                Output.write("cnmlab: " + VerifyText.attemptLine(attempt: a.attempt.id, learner: a.learner, lab: a.attempt.labID,
                                                                 details: details).text(language) + "\n", to: 2)
            } else {
                Output.write(VerifyText.attemptUnverifiable(attempt: a.attempt.id, learner: a.learner, lab: a.attempt.labID,
                                                            details: details).text(language) + "\n", to: 1)
            }
        }
        let count = { (o: AttemptVerification.Outcome) in attempts.filter { $0.outcome == o }.count }
        Output.write(VerifyText.summary(verified: count(.verified), mismatched: count(.mismatch),
                                        unverifiable: count(.unverifiable)).text(language) + "\n", to: 1)
        if failed { throw ExitCode(1) }
    }
}

/// `cnmlab progress record`: runs command lines like `cnmlab sim`, recording each in the learner's attempt.
struct ProgressRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: HelpLanguage.text(ko: "시뮬레이션한 호스트에서 명령을 실행하고 학습자의 시도에 기록합니다.", en: "Run commands on the simulated host and record them in a learner's attempt."),
        discussion: HelpLanguage.text(ko: """
            학습자가 그 실습에서 열어 둔 시도를 이어 가거나 (그 명령을 먼저 재실행하며, \
            기록된 상태와 같아야 합니다) 새로 시작합니다. 각 명령은 다음 명령을 실행하기 전에 기록합니다. \
            종료 상태: 재실행이 맞지 않거나 기록을 쓸 수 없으면 1, 아니면 \
            마지막 명령 줄의 종료 코드.
            """, en: """
            Continues the learner's open attempt at the lab (its commands are replayed first and must \
            give the recorded states), or starts one. Each command is committed before the next runs. \
            Exit status: 1 when the replay does not match or a record cannot be written, else the exit \
            code of the last command line.
            """)
    )

    @Option(help: HelpLanguage.help(ko: "학습자.", en: "The learner."))
    var learner: String

    @Option(help: HelpLanguage.help(ko: "실습 ID.", en: "The lab ID."))
    var lab: String

    @Option(help: HelpLanguage.help(ko: "실습의 버전 (새 시도용).", en: "The lab's version (for a new attempt)."))
    var labVersion: String = "1"

    @Option(help: HelpLanguage.help(ko: "새 시도의 시드.", en: "Seed for a new attempt."))
    var seed: UInt64 = 0

    @Flag(help: HelpLanguage.help(ko: "열린 시도를 버리고 새로 시작합니다.", en: "Abandon an open attempt and start a new one."))
    var new = false

    @Argument(help: HelpLanguage.help(ko: "명령 파일, 또는 표준 입력을 뜻하는 '-'.", en: "A file of commands, or '-' for standard input."))
    var file: String?

    @OptionGroup var db: DatabaseOption

    func run() throws {
        let input: [UInt8]
        if let file, file != "-" {
            guard let bytes = InputReader.readFile(file) else { throw ProgressCLI.fail(.cannotReadInput(path: file)) }
            input = bytes
        } else {
            input = InputReader.readStandardInput()
        }
        let store = try ProgressCLI.open(db.resolved, mode: .readWrite)
        var session: RecordedSession
        do {
            if let point = try store.resumePoint(learner: learner, labID: lab), !new {
                let (resumed, result) = RecordedSession.resume(store: store, point: point)
                if result.mismatch != nil {
                    Output.write("cnmlab: \(result.message.text(ProgressCLI.language))\n", to: 2)
                    throw ProgressCLI.fail(.startOverHint)
                }
                session = resumed
            } else {
                if let open = try store.openAttempt(learner: learner, labID: lab) {
                    try store.abandonAttempt(open.id)
                }
                session = try RecordedSession.start(store: store, learner: learner, labID: lab,
                                                    labVersion: labVersion, seed: seed)
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            throw ProgressCLI.fail(error)
        }
        var lastCode: Int32 = 0
        for line in LineSplitter.commandLines(input) {
            let out: CommandOutput
            do {
                out = try session.run(bytes: line)
            } catch {
                throw ProgressCLI.fail(error)
            }
            lastCode = out.exitCode
            for s in out.segments { Output.write(s.text, to: s.stream == .stdout ? 1 : 2) }
        }
        if lastCode != 0 { throw ExitCode(lastCode) }
    }
}
