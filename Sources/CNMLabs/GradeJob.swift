import CNMSim
import Foundation

/// What `cnmlab grade` was asked to do (its command line, parsed but not yet checked).
public struct GradeOptions: Sendable {
    /// A lab id (looked up as `labPaths` says) or a lab file.
    public var lab: String
    /// A transcript file, or `-` for standard input (single mode).
    public var submission: String?
    /// A folder of transcripts, one per learner (batch mode).
    public var submissionsDirectory: String?
    public var learner: String?
    /// `text`, `json`, `junit` or `tap`.
    public var format: String
    /// Write the report here instead of standard output (single mode).
    public var output: String?
    /// Write one report per learner and `summary.csv` here (batch mode).
    public var outputDirectory: String?
    /// Points (`12`) or a percentage of the maximum (`80%`); nil: every required step must pass.
    public var minScore: String?
    /// `--labs`: folders or lab files read instead of the built-in labs (empty: the built-in labs
    /// and the folders of `CNMLAB_LABS` in `environment`), as for every subcommand.
    public var labPaths: [String]
    public var environment: [String: String]
    public var locale: LabLocale
    /// `--max-commands`: most command lines replayed per submission (nil: the default, 2,000).
    public var maxCommands: String?
    /// `--timeout`: most seconds per submission (nil: the default, 10).
    public var timeout: String?
    /// `--instructor`: reports show hidden checks' names, expected and actual values.
    public var instructor: Bool
    /// Where the validation of a lab is remembered between runs (by content hash); nil: in memory only.
    public var cacheDirectory: String?
    /// Part of the cache key besides the lab's bytes: the cnmlab version, so an upgrade validates again.
    public var cacheSalt: String
    /// Batch mode: grade the submissions one after the other on this thread instead of concurrently
    /// (the same files come out; tests and `CNMBench` compare both).
    public var serial: Bool

    public init(lab: String, submission: String? = nil, submissionsDirectory: String? = nil, learner: String? = nil,
                format: String = "text", output: String? = nil, outputDirectory: String? = nil, minScore: String? = nil,
                labPaths: [String] = [], environment: [String: String] = [:], locale: LabLocale = .en,
                maxCommands: String? = nil,
                timeout: String? = nil, instructor: Bool = false, cacheDirectory: String? = nil, cacheSalt: String = "",
                serial: Bool = false) {
        self.lab = lab; self.submission = submission; self.submissionsDirectory = submissionsDirectory
        self.learner = learner; self.format = format; self.output = output; self.outputDirectory = outputDirectory
        self.minScore = minScore; self.labPaths = labPaths; self.environment = environment; self.locale = locale
        self.maxCommands = maxCommands; self.timeout = timeout; self.instructor = instructor
        self.cacheDirectory = cacheDirectory; self.cacheSalt = cacheSalt; self.serial = serial
    }

    /// The language from the environment (`Language.fromEnvironment`: CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG).
    public static func locale(environment env: [String: String]) -> LabLocale {
        Language.fromEnvironment(env)
    }
}

/// The checked settings of one grading run, shared by single and batch mode.
struct GradeSettings: Sendable {
    var format: GradeFormat
    var passMark: Grader.PassMark
    var limits: Grader.Limits
    var audience: Grader.Audience
    var locale: LabLocale
}

/// What a grading run printed and how it ended.
public struct GradeRun: Sendable, Equatable {
    /// 0 passed, 1 failed, 2 bad input.
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

/// `cnmlab grade` without the argument parser: finds the lab, reads the submission(s), grades,
/// writes the reports, and decides the exit status. Why here and not in the executable: so tests
/// can run every path (exit codes included) without spawning a process. The files themselves are
/// read and written through `files`, which the executable provides.
public enum GradeJob {
    public static let passed: Int32 = 0
    public static let failed: Int32 = 1
    public static let badInput: Int32 = 2

    /// Runs a grading job; standard input is read only for the submission `-`.
    public static func run(_ options: GradeOptions, files: any GradeFiles) -> GradeRun {
        var run = GradeRun(exitCode: passed, stdout: "", stderr: "")
        let locale = options.locale
        func bad(_ message: String) -> GradeRun {
            run.stderr += "cnmlab grade: " + message + "\n"
            run.exitCode = badInput
            return run
        }
        let settings: GradeSettings
        switch checkSettings(options) {
        case .failure(let problem): return bad(problem.message)
        case .success(let s): settings = s
        }
        if options.submission != nil && options.submissionsDirectory != nil {
            return bad(GradeText.submissionsAndFile.format(locale))
        }
        if options.submissionsDirectory != nil && (options.learner != nil || options.output != nil) {
            return bad(GradeText.batchOptions.format(locale))
        }
        if options.submissionsDirectory == nil && options.submission == nil {
            return bad(GradeText.noSubmission.format(locale))
        }
        let found: FoundLab
        // A lab named by its file needs no library: the built-in labs are not decoded for nothing.
        let library = LabReference.looksLikeFile(options.lab, files: files) ? LabLibrary(entries: [], searched: [])
            : LabLibrary.load(options: options.labPaths, environment: options.environment, files: files)
        switch findLab(options.lab, in: library, locale: locale, files: files) {
        case .failure(let problem): return bad(problem.message)
        case .success(let l): found = l
        }
        // A lab that `cnmlab validate` rejects is never graded: its grades would mean nothing.
        let errors = LabValidationCache.errors(of: found.lab, bytes: found.bytes, salt: options.cacheSalt,
                                               directory: options.cacheDirectory, files: files)
        if !errors.isEmpty {
            let shown = errors.prefix(20).map { $0.formatted(locale) }
            return bad(([GradeText.labHasErrors.format(locale, [options.lab])] + shown).joined(separator: "\n"))
        }
        let lab = found.lab
        if let dir = options.submissionsDirectory {
            return GradeBatch.run(lab, dir, options, settings, files: files)
        }
        guard let path = options.submission else { return bad(GradeText.noSubmission.format(locale)) }
        if let output = options.output, output != "-", path != "-", files.resolved(output) == files.resolved(path) {
            return bad(GradeText.sameFolder.format(locale, [output]))
        }
        let submission: Submission
        switch readSubmission(path, locale: locale, files: files) {
        case .failure(let problem): return bad(problem.message)
        case .success(let s): submission = s
        }
        if let named = submission.headerLearner, named != (options.learner ?? "") {
            run.stderr += GradeText.learnerMismatch.format(locale, [path, Safe.line(named),
                options.learner ?? GradeText.defaultVariant.format(locale)]) + "\n"
        }
        let report = Grader.grade(lab: lab, learner: options.learner, submission: submission, locale: locale,
                                  passMark: settings.passMark, limits: settings.limits, audience: settings.audience)
        let text = settings.format.render(report, locale: locale)
        if let output = options.output, output != "-" {
            guard files.write(text, to: output, atomically: true) else { return bad(GradeText.writeFailed.format(locale, [output])) }
            run.stdout += GradeText.reportWritten.format(locale, [report.lab, String(report.score), String(report.max),
                                                                  GradeVerdict.word(report, locale), output]) + "\n"
        } else {
            run.stdout += text
        }
        run.exitCode = report.passed ? passed : failed
        return run
    }

    /// Checks every option value (a bad one is an "invalid value" error, exit 2).
    static func checkSettings(_ options: GradeOptions) -> Result<GradeSettings, InputProblem> {
        let locale = options.locale
        func invalid(_ option: String, _ value: String, _ expected: GradeText) -> Result<GradeSettings, InputProblem> {
            .failure(InputProblem(invalidValue(option, value, expected.format(locale), locale)))
        }
        guard let format = GradeFormat(rawValue: options.format.lowercased()) else {
            return invalid("--format", options.format, .expectedFormat)
        }
        var passMark = Grader.PassMark.everyRequiredStep
        if let m = options.minScore {
            guard let mark = Grader.PassMark(m) else { return invalid("--min-score", m, .expectedMinScore) }
            passMark = mark
        }
        var limits = Grader.Limits()
        if let m = options.maxCommands {
            guard let n = Int(m.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                return invalid("--max-commands", m, .expectedPositiveInteger)
            }
            limits.maxCommands = n
        }
        if let t = options.timeout {
            guard let s = Double(t.trimmingCharacters(in: .whitespaces)), s > 0, s.isFinite, s <= 86_400 else {
                return invalid("--timeout", t, .expectedSeconds)
            }
            limits.timeout = s
        }
        return .success(GradeSettings(format: format, passMark: passMark, limits: limits,
                                      audience: options.instructor ? .instructor : .learner, locale: locale))
    }

    /// `invalid value X for --option (what is expected)`.
    public static func invalidValue(_ option: String, _ value: String, _ expected: String, _ locale: LabLocale) -> String {
        GradeText.invalidValue.format(locale, [option, "'" + Safe.line(value) + "'", expected])
    }

    // MARK: Lab and submissions

    /// Why the lab or a submission cannot be graded (exit 2), already in the run's language.
    struct InputProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// A lab and the bytes it was read from (for the validation cache; nil when unknown).
    struct FoundLab {
        var lab: Lab
        var bytes: [UInt8]?
    }

    /// A lab file (a path that exists, or ends in .yaml/.yml), else the lab with this id in `directory`.
    static func findLab(_ ref: String, in library: LabLibrary, locale: LabLocale, files: any GradeFiles) -> Result<FoundLab, InputProblem> {
        switch LabReference.find(ref, in: library, files: files) {
        case .found(let entry):
            return labOrErrors(entry, ref, locale).map { FoundLab(lab: $0, bytes: LabReference.bytes(of: entry, files: files)) }
        case .notFound(let message):
            return .failure(InputProblem(message(locale)))
        }
    }

    static func labOrErrors(_ entry: LabCatalog.Entry, _ ref: String, _ locale: LabLocale) -> Result<Lab, InputProblem> {
        let errors = entry.diagnostics.filter { $0.severity == .error }
        guard let lab = entry.lab, errors.isEmpty else {
            let shown = (errors.isEmpty ? entry.diagnostics : errors).prefix(20).map { $0.formatted(locale) }
            return .failure(InputProblem(([GradeText.labInvalid.format(locale, [ref])] + shown).joined(separator: "\n")))
        }
        return .success(lab)
    }

    /// Reads and parses a transcript (never more than `Submission.maxBytes` + 1 bytes, never a FIFO or a device).
    static func readSubmission(_ path: String, locale: LabLocale, files: any GradeFiles) -> Result<Submission, InputProblem> {
        func fail(_ why: String) -> Result<Submission, InputProblem> {
            .failure(InputProblem(GradeText.submissionUnreadable.format(locale, [path, why])))
        }
        let bytes: [UInt8]
        if path == "-" {
            bytes = files.standardInput(limit: Submission.maxBytes)
        } else {
            // A link is followed only within its own folder (`latest.sh -> attempt3.sh`): a submission
            // that points at a file elsewhere (`-> /etc/passwd`, a CI secret) would have that file's
            // lines run and echoed in its report.
            if files.isBrokenLink(path) { return fail(GradeText.brokenLink.format(locale)) }
            if files.kind(path) == .link {
                let folder = (path as NSString).deletingLastPathComponent
                guard files.contains(folder.isEmpty ? "." : folder, path) else { return fail(GradeText.linkLeavesFolder.format(locale)) }
            }
            switch files.read(path, limit: Submission.maxBytes, followLinks: true) {
            case .failure(let problem): return fail(problem.text(locale))
            case .success(let b): bytes = b
            }
        }
        switch Submission.parse(bytes) {
        case .failure(let p): return fail(p.text(locale))
        case .success(let s): return .success(s)
        }
    }
}
