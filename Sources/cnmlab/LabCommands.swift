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
        abstract: "Check lab files: schema, solvability, hints, locales (and mutants).",
        discussion: """
        Reads lab files and folders (default: Labs). Reports schema errors with file:line:column and a \
        stable code, steps that pass before their reference solution or fail after it, steps without a \
        hint and texts missing a locale, for the default variant and for sample variants that show \
        every value of every parameter. With --mutants, also runs near-miss versions of each reference \
        solution, says how many ran and were caught, and reports every one the checks wrongly accept.
        Exit status: 0 only when every lab is clean; 1 otherwise; 2 for an invalid option value.
        """
    )

    @Argument(help: "Lab files or folders (default: Labs).")
    var paths: [String] = []

    @Flag(help: "Also generate near-miss solutions and report those the checks accept.")
    var mutants = false

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(parsing: .unconditional, help: "Language of the messages (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG).")
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
        abstract: "List the labs.",
        subcommands: [LabsListCommand.self, LabsShowCommand.self],
        defaultSubcommand: LabsListCommand.self
    )
}

struct LabOptions: ParsableArguments {
    @OptionGroup var source: LabSourceOption

    @Option(parsing: .unconditional, help: "Language (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG).")
    var lang: String?

    func locale(_ command: String) throws -> LabLocale { try LabCLI.locale(lang, command: command) }
}

struct LabsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the labs in course order (number, id, title, section, steps, minutes).",
        discussion: "A file that cannot be read is named on standard error, and the exit status is then 1."
    )

    @OptionGroup var options: LabOptions

    @Flag(help: "Print a JSON array.")
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
        abstract: "Print a lab; with --solution, its reference solution as a transcript.",
        discussion: """
        LAB is a lab id (looked up in --labs) or a lab file. With --solution, prints one command per \
        line (quiz answers as 'answer VALUE'), for the variant of --learner, or without it for the \
        default variant that grading uses when no learner is named.
        """
    )

    @OptionGroup var options: LabOptions

    @Argument(help: "A lab id or a lab file.")
    var id: String

    @Flag(help: "Print the whole reference solution as a transcript.")
    var solution = false

    @Option(help: "Show this learner's variant.")
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
        var out = "\(l.title.resolve(locale)) (\(l.id) v\(l.version))\n"
        out += "\(l.place.label) · \(l.minutes) min · \(l.maxPoints) points\n"
        if !l.summary.isEmpty { out += "\n" + l.summary.resolve(locale) + "\n" }
        if !l.prerequisites.isEmpty { out += "\nPrerequisites: " + l.prerequisites.joined(separator: ", ") + "\n" }
        if !session.variant.values.isEmpty {
            out += "\nVariant" + (learner.map { " for \($0)" } ?? " (default)") + ": "
            out += session.variant.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "\n"
        }
        for (i, step) in l.steps.enumerated() {
            out += "\n\(i + 1). \(step.title.resolve(locale)) [\(step.maxPoints) points\(step.optional ? ", optional" : "")]\n"
            out += "   " + step.text.resolve(locale) + "\n"
            if let quiz = step.quiz { out += "   ? " + quiz.question.resolve(locale) + "\n" }
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
