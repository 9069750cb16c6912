import ArgumentParser
import CNMShell
import CNMCommands
import CNMLabs
import Foundation

/// `cnmlab validate`: checks lab files the way CI does before learners see them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check lab files: schema, solvability, hints, locales (and mutants).",
        discussion: """
        Reads lab files and folders (default: Labs). Reports schema errors with file:line:column and a \
        stable code, steps that pass before their reference solution or fail after it, steps without a \
        hint and texts missing a locale. With --mutants, also runs near-miss versions of each reference \
        solution and reports every one the checks wrongly accept.
        Exit status: 0 only when every lab is clean; 1 otherwise.
        """
    )

    @Argument(help: "Lab files or folders (default: Labs).")
    var paths: [String] = []

    @Flag(help: "Also generate near-miss solutions and report those the checks accept.")
    var mutants = false

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "Language of the messages (en or ko).")
    var lang: String = "en"

    func run() throws {
        let locale = LabLocale(rawValue: lang) ?? .en
        let report = LabValidator.validate(paths: paths.isEmpty ? ["Labs"] : paths, mutants: mutants)
        if json {
            Output.write(LabJSON.encode(ValidationJSON(report, locale)) + "\n", to: 1)
        } else {
            for d in report.diagnostics { Output.write(d.formatted(locale) + "\n", to: 1) }
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let warnings = report.diagnostics.count - errors
            let verdict = report.isClean ? "clean" : "NOT clean"
            Output.write("\(report.files.count) file(s), \(errors) error(s), \(warnings) warning(s): \(verdict)\n", to: 1)
        }
        if !report.isClean { throw ExitCode(1) }
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

    @Option(help: "Language (en or ko).")
    var lang: String = "en"

    var locale: LabLocale { LabLocale(rawValue: lang) ?? .en }
}

struct LabsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the labs (id, title, section, steps, minutes).")

    @OptionGroup var options: LabOptions

    @Flag(help: "Print a JSON array.")
    var json = false

    func run() throws {
        let locale = options.locale
        let labs = try options.source.labs(locale)
        if json {
            let rows = labs.map { LabSummaryJSON(id: $0.id, version: $0.version, title: ["en": $0.title.resolve(.en), "ko": $0.title.resolve(.ko)],
                                                 section: $0.place.label, steps: $0.steps.count, minutes: $0.minutes, points: $0.maxPoints) }
            Output.write(LabJSON.encode(rows) + "\n", to: 1)
            return
        }
        var rows = [["ID", "TITLE", "SECTION", "STEPS", "MINUTES"]]
        for lab in labs {
            rows.append([lab.id, lab.title.resolve(locale), lab.place.label, String(lab.steps.count), String(lab.minutes)])
        }
        Output.write(TextTable.render(rows, width: TerminalSize.columns(environment: ProcessInfo.processInfo.environment)), to: 1)
    }
}

struct LabsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a lab; with --solution, its reference solution as a transcript.",
        discussion: """
        With --solution, prints one command per line (quiz answers as 'answer VALUE'), for the variant of \
        --learner, or without it for the default variant that grading uses when no learner is named.
        """
    )

    @OptionGroup var options: LabOptions

    @Argument(help: "The lab's id.")
    var id: String

    @Flag(help: "Print the whole reference solution as a transcript.")
    var solution = false

    @Option(help: "Show this learner's variant.")
    var learner: String?

    func run() throws {
        let locale = options.locale
        let library = options.source.library()
        guard let lab = library.labs.first(where: { $0.id == id }) else {
            let places = library.searched.joined(separator: ", ")
            Output.write("cnmlab: " + (locale == .ko ? "ID가 \(id)인 실습이 없습니다. 찾아본 곳: \(places)" : "no lab with id \(id); looked in: \(places)") + "\n", to: 2)
            throw ExitCode(1)
        }
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
    var clean: Bool
    var files: [File]

    init(_ report: ValidationReport, _ locale: LabLocale) {
        clean = report.isClean
        files = report.files.map { f in
            File(file: f.file, lab: f.labID, clean: f.diagnostics.isEmpty, diagnostics: f.diagnostics.map {
                Diagnostic(code: $0.code, severity: $0.severity.rawValue, file: $0.position?.file ?? $0.file,
                           line: $0.position?.line, column: $0.position?.column, message: $0.text(locale))
            })
        }
    }
}

enum LabJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
