import ArgumentParser
import CNMShell
import CNMCommands
import CNMFileSystem
import CNMLabs
import CNMSim
import Foundation

/// `cnmlab validate`: checks lab files the way CI does before learners see them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: HelpLanguage.text(ko: "실습 파일을 검사합니다: 스키마, 풀 수 있는지, 힌트, 언어(그리고 변이).", en: "Check lab files: schema, solvability, hints, locales (and mutants)."),
        discussion: HelpLanguage.text(ko: """
            실습 파일과 폴더를 읽습니다 (기본값: Labs). 스키마 오류를 file:line:column과 \
            고정된 코드로 보고하고, 모범 풀이 전에 통과하거나 풀이 뒤에 실패하는 단계, 힌트가 없는 \
            단계, 한 언어가 빠진 글을 기본 변형과, 모든 매개변수의 모든 값을 보여 주는 \
            표본 변형에 대해 보고합니다. --mutants이면 모범 풀이마다 거의 맞는 변형도 실행해 \
            몇 개를 실행했고 몇 개를 잡았는지 말하고, 검사가 잘못 통과시키는 것을 모두 보고합니다.
            종료 상태: 모든 실습이 깨끗할 때만 0, 아니면 1, 옵션 값이 잘못되면 2.
            """, en: """
            Reads lab files and folders (default: Labs). Reports schema errors with file:line:column and a \
            stable code, steps that pass before their reference solution or fail after it, steps without a \
            hint and texts missing a locale, for the default variant and for sample variants that show \
            every value of every parameter. With --mutants, also runs near-miss versions of each reference \
            solution, says how many ran and were caught, and reports every one the checks wrongly accept.
            Exit status: 0 only when every lab is clean; 1 otherwise; 2 for an invalid option value.
            """)
    )

    @Argument(help: HelpLanguage.help(ko: "실습 파일 또는 폴더 (기본값: Labs).", en: "Lab files or folders (default: Labs)."))
    var paths: [String] = []

    @Flag(help: HelpLanguage.help(ko: "거의 맞는 풀이도 만들어 보고, 검사가 통과시키는 것을 보고합니다.", en: "Also generate near-miss solutions and report those the checks accept."))
    var mutants = false

    @Flag(help: HelpLanguage.help(ko: "JSON 객체 하나를 출력합니다.", en: "Print one JSON object."))
    var json = false

    @Option(parsing: .unconditional, help: HelpLanguage.help(ko: "메시지 언어 (en 또는 ko. 기본값은 CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG에서 정합니다).", en: "Language of the messages (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG)."))
    var lang: String?

    func run() throws {
        let locale = try LabCLI.locale(lang, command: "validate")
        let report = LabValidator.validate(paths: paths.isEmpty ? ["Labs"] : paths, mutants: mutants, files: DiskFiles())
        if json {
            Output.write(ReportJSON.encode(ValidationJSON(report, locale, mutants: mutants)) + "\n", to: 1)
        } else {
            for d in report.diagnostics { Output.write(d.formatted(locale) + "\n", to: 1) }
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let warnings = report.diagnostics.count - errors
            if mutants {
                let m = report.mutants
                Output.write(LabText.phrase(.mutantsSummary, String(m.tried), String(m.caught), String(m.accepted))
                    .resolve(locale) + "\n", to: 1)
            }
            let verdict = LabText.phrase(report.isClean ? .clean : .notClean).resolve(locale)
            Output.write(LabText.phrase(.validateSummary, String(report.files.count), String(errors), String(warnings), verdict)
                .resolve(locale) + "\n", to: 1)
        }
        if !report.isClean { throw ExitCode(1) }
    }
}

/// What every lab-reading subcommand shares: the language check and the lab lookup.
enum LabCLI {
    /// `en` or `ko`, or the environment's language when `lang` is nil; anything else is an
    /// "invalid value" error (exit 2).
    static func locale(_ lang: String?, command: String) throws -> LabLocale {
        guard let lang else { return Language.fromEnvironment(ProcessInfo.processInfo.environment) }
        if let l = Language.named(lang) { return l }
        let env = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let message = GradeJob.invalidValue("--lang", lang, GradeText.expectedLanguage.format(env), env)
        Output.write("cnmlab \(command): " + message + "\n", to: 2)
        throw ExitCode(GradeJob.badInput)
    }

    /// The lab a LAB argument names (an id in the library, or a lab file); prints why not and exits 1.
    static func lab(_ ref: String, library: LabLibrary, locale: LabLocale, command: String) throws -> Lab {
        switch LabReference.find(ref, in: library, files: DiskFiles()) {
        case .found(let entry):
            if let lab = entry.lab { return lab }
            Output.write("cnmlab \(command): " + GradeText.labInvalid.format(locale, [ref]) + "\n", to: 2)
            for d in entry.diagnostics.prefix(20) { Output.write(d.formatted(locale) + "\n", to: 2) }
            throw ExitCode(1)
        case .notFound(let message):
            Output.write("cnmlab \(command): " + message(locale) + "\n", to: 2)
            throw ExitCode(1)
        }
    }
}

/// `cnmlab labs`: lists the labs, or shows one (`labs show ID`).
struct LabsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labs",
        abstract: HelpLanguage.text(ko: "실습 목록을 보여 줍니다.", en: "List the labs."),
        subcommands: [LabsListCommand.self, LabsShowCommand.self],
        defaultSubcommand: LabsListCommand.self
    )
}

struct LabOptions: ParsableArguments {
    @OptionGroup var source: LabSourceOption

    @Option(parsing: .unconditional, help: HelpLanguage.help(ko: "언어 (en 또는 ko. 기본값은 CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG에서 정합니다).", en: "Language (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG)."))
    var lang: String?

    func locale(_ command: String) throws -> LabLocale { try LabCLI.locale(lang, command: command) }
}

struct LabsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: HelpLanguage.text(ko: "실습을 과정 순서대로 보여 줍니다 (번호, ID, 제목, 절, 단계, 분).", en: "List the labs in course order (number, id, title, section, steps, minutes)."),
        discussion: HelpLanguage.text(ko: "읽을 수 없는 파일은 표준 오류에 이름을 밝히고, 그때 종료 상태는 1입니다.", en: "A file that cannot be read is named on standard error, and the exit status is then 1.")
    )

    @OptionGroup var options: LabOptions

    @Flag(help: HelpLanguage.help(ko: "JSON 배열을 출력합니다.", en: "Print a JSON array."))
    var json = false

    func run() throws {
        let locale = try options.locale("labs")
        let library = options.source.library()
        let entries = library.entries
        let labs = CurriculumPlace.courseOrder(library.labs)
        if labs.isEmpty {
            Output.write("cnmlab labs: " + library.notFoundMessage(locale) + "\n", to: 2)
            throw ExitCode(1)
        }
        if json {
            let rows = labs.map { LabSummaryJSON(id: $0.id, version: $0.version, title: ["en": $0.title.resolve(.en), "ko": $0.title.resolve(.ko)],
                                                 section: $0.place.label, steps: $0.steps.count, minutes: $0.minutes, points: $0.maxPoints) }
            Output.write(ReportJSON.encode(rows) + "\n", to: 1)
        } else {
            // `#` is the number the shell's `lab start N` takes.
            var rows = [["#", "ID"] + [LabMessage.headingTitle, .headingSection, .headingSteps, .headingMinutes].map { $0.text(locale) }]
            for (i, lab) in labs.enumerated() {
                rows.append([String(i + 1), lab.id, lab.title.resolve(locale), lab.place.label, String(lab.steps.count), String(lab.minutes)])
            }
            Output.write(TextTable.render(rows, width: TerminalSize.columns(environment: ProcessInfo.processInfo.environment)), to: 1)
        }
        // A lab that does not read is not silently left out of the list.
        let broken = entries.filter { $0.lab == nil }
        for entry in broken {
            let first = entry.diagnostics.first { $0.severity == .error }
            Output.write("cnmlab labs: " + (first?.formatted(locale) ?? entry.file) + "\n", to: 2)
        }
        if !broken.isEmpty { throw ExitCode(1) }
    }
}

struct LabsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: HelpLanguage.text(ko: "실습을 출력합니다. --solution이 있으면 모범 풀이를 명령 기록으로 출력합니다.", en: "Print a lab; with --solution, its reference solution as a transcript."),
        discussion: HelpLanguage.text(ko: """
            LAB은 실습 ID(--labs에서 찾음) 또는 실습 파일입니다. --solution이면 한 줄에 명령 \
            하나씩 (퀴즈 답은 'answer VALUE') 출력합니다. --learner의 변형으로, 없으면 \
            학습자를 밝히지 않은 채점이 쓰는 기본 변형으로 출력합니다.
            """, en: """
            LAB is a lab id (looked up in --labs) or a lab file. With --solution, prints one command per \
            line (quiz answers as 'answer VALUE'), for the variant of --learner, or without it for the \
            default variant that grading uses when no learner is named.
            """)
    )

    @OptionGroup var options: LabOptions

    @Argument(help: HelpLanguage.help(ko: "실습 ID 또는 실습 파일.", en: "A lab id or a lab file."))
    var id: String

    @Flag(help: HelpLanguage.help(ko: "모범 풀이 전체를 명령 기록으로 출력합니다.", en: "Print the whole reference solution as a transcript."))
    var solution = false

    @Option(help: HelpLanguage.help(ko: "이 학습자의 변형을 보여 줍니다.", en: "Show this learner's variant."))
    var learner: String?

    func run() throws {
        let locale = try options.locale("labs show")
        let lab = try LabCLI.lab(id, library: options.source.library(), locale: locale, command: "labs show")
        let session = LabSession(lab: lab, learner: learner, locale: locale)
        if solution {
            for line in session.solutionTranscript { Output.write(line + "\n", to: 1) }
            return
        }
        let l = session.lab
        // In the reader's language, wrapped to the terminal (or COLUMNS) as the shell wraps texts; a
        // step's text stays indented under its title on every line, not only the first.
        let width = TerminalSize.columns(fd: 1, environment: ProcessInfo.processInfo.environment)
        func prose(_ text: String, indent: String = "") -> String {
            TextWrap.wrap(text, width: width.map { max(20, $0 - indent.count) })
                .split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n") + "\n"
        }
        var out = prose("\(l.title.resolve(locale)) (\(l.id) v\(l.version))")
        out += "\(l.place.label) · " + LabMessage.showSize.text(locale, "\(l.minutes)", "\(l.maxPoints)") + "\n"
        if !l.summary.isEmpty { out += "\n" + prose(l.summary.resolve(locale).trimmingCharacters(in: .newlines)) }
        if !l.prerequisites.isEmpty {
            out += "\n" + prose(LabMessage.showPrerequisites.text(locale, l.prerequisites.joined(separator: ", ")))
        }
        if !session.variant.values.isEmpty {
            let values = session.variant.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            out += "\n" + prose(learner.map { LabMessage.showVariantFor.text(locale, $0, values) }
                              ?? LabMessage.showVariantDefault.text(locale, values))
        }
        for (i, step) in l.steps.enumerated() {
            let points = (step.optional ? LabMessage.showStepPointsOptional : .showStepPoints).text(locale, "\(step.maxPoints)")
            out += "\n" + prose("\(i + 1). \(step.title.resolve(locale)) " + points)
            out += prose(step.text.resolve(locale).trimmingCharacters(in: .newlines), indent: "   ")
            if let quiz = step.quiz { out += prose("? " + quiz.question.resolve(locale), indent: "   ") }
        }
        Output.write(out, to: 1)
    }
}

struct LabSummaryJSON: Encodable {
    var id: String
    var version: Int
    var title: [String: String]
    var section: String
    var steps: Int
    var minutes: Int
    var points: Int
}

struct ValidationJSON: Encodable {
    struct Diagnostic: Encodable {
        var code: String
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var message: String
    }
    struct File: Encodable {
        var file: String
        var lab: String?
        var clean: Bool
        var diagnostics: [Diagnostic]

        /// `lab` is always there, `null` for a file that did not load, as `docs/lab-format.md` lists it
        /// (a synthesized encoder would leave the key out).
        enum Keys: String, CodingKey { case file, lab, clean, diagnostics }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(file, forKey: .file)
            try c.encode(lab, forKey: .lab)
            try c.encode(clean, forKey: .clean)
            try c.encode(diagnostics, forKey: .diagnostics)
        }
    }
    struct Mutants: Encodable {
        var tried: Int
        var caught: Int
        var accepted: Int
    }
    var clean: Bool
    var files: [File]
    /// Mutants tried, caught and accepted over every file (null without --mutants).
    var mutants: Mutants?

    init(_ report: ValidationReport, _ locale: LabLocale, mutants withMutants: Bool) {
        clean = report.isClean
        let m = report.mutants
        mutants = withMutants ? Mutants(tried: m.tried, caught: m.caught, accepted: m.accepted) : nil
        files = report.files.map { f in
            File(file: f.file, lab: f.labID, clean: f.diagnostics.isEmpty, diagnostics: f.diagnostics.map {
                Diagnostic(code: $0.code, severity: $0.severity.rawValue, file: $0.position?.file ?? $0.file,
                           line: $0.position?.line, column: $0.position?.column, message: $0.text(locale))
            })
        }
    }
}
