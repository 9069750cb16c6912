import Foundation

/// What `cnmlab grade` was asked to do (its command line, parsed but not yet checked).
public struct GradeOptions: Sendable {
    /// A lab id (looked up in `labsDirectory`) or a lab file.
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
    public var labsDirectory: String
    public var locale: LabLocale

    public init(lab: String, submission: String? = nil, submissionsDirectory: String? = nil, learner: String? = nil,
                format: String = "text", output: String? = nil, outputDirectory: String? = nil, minScore: String? = nil,
                labsDirectory: String = "Labs", locale: LabLocale = .en) {
        self.lab = lab; self.submission = submission; self.submissionsDirectory = submissionsDirectory
        self.learner = learner; self.format = format; self.output = output; self.outputDirectory = outputDirectory
        self.minScore = minScore; self.labsDirectory = labsDirectory; self.locale = locale
    }

    /// The language from the environment: LC_ALL, then LC_MESSAGES, then LANG (`ko_KR.UTF-8` → Korean).
    public static func locale(environment env: [String: String]) -> LabLocale {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("ko") ? .ko : .en }
        }
        return .en
    }
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
/// can run every path (exit codes included) without spawning a process.
public enum GradeJob {
    public static let passed: Int32 = 0
    public static let failed: Int32 = 1
    public static let badInput: Int32 = 2

    /// Runs a grading job. `standardInput` is called only for the submission `-`.
    public static func run(_ options: GradeOptions, standardInput: () -> [UInt8] = { readStandardInput() }) -> GradeRun {
        var run = GradeRun(exitCode: passed, stdout: "", stderr: "")
        let locale = options.locale
        func bad(_ message: String) -> GradeRun {
            run.stderr += "cnmlab grade: " + message + "\n"
            run.exitCode = badInput
            return run
        }
        guard let format = GradeFormat(rawValue: options.format.lowercased()) else {
            return bad(GradeText.badFormat.format(locale, [options.format]))
        }
        var passMark = Grader.PassMark.everyRequiredStep
        if let m = options.minScore {
            guard let mark = Grader.PassMark(m) else { return bad(GradeText.badMinScore.format(locale, [m])) }
            passMark = mark
        }
        if options.submission != nil && options.submissionsDirectory != nil {
            return bad(GradeText.submissionsAndFile.format(locale))
        }
        if options.submissionsDirectory != nil && (options.learner != nil || options.output != nil) {
            return bad(GradeText.batchOptions.format(locale))
        }
        let lab: Lab
        switch findLab(options.lab, in: options.labsDirectory, locale: locale) {
        case .failure(let problem): return bad(problem.message)
        case .success(let l): lab = l
        }
        if let dir = options.submissionsDirectory {
            return batch(lab, dir, options, format, passMark)
        }
        guard let path = options.submission else { return bad(GradeText.noSubmission.format(locale)) }
        let submission: Submission
        switch readSubmission(path, locale: locale, standardInput: standardInput) {
        case .failure(let problem): return bad(problem.message)
        case .success(let s): submission = s
        }
        if let named = submission.headerLearner, named != (options.learner ?? "") {
            run.stderr += GradeText.learnerMismatch.format(locale, [path, Safe.line(named),
                options.learner ?? GradeText.defaultVariant.format(locale)]) + "\n"
        }
        let report = Grader.grade(lab: lab, learner: options.learner, submission: submission, locale: locale,
                                  passMark: passMark)
        let text = format.render(report, locale: locale)
        if let output = options.output, output != "-" {
            guard write(text, to: output) else { return bad(GradeText.writeFailed.format(locale, [output])) }
            run.stdout += GradeText.reportWritten.format(locale, [report.lab, String(report.score), String(report.max),
                                                                  GradeVerdict.word(report, locale), output]) + "\n"
        } else {
            run.stdout += text
        }
        run.exitCode = report.passed ? passed : failed
        return run
    }

    // MARK: Lab and submissions

    /// Why the lab or a submission cannot be graded (exit 2), already in the run's language.
    struct InputProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// A lab file (a path that exists, or ends in .yaml/.yml), else the lab with this id in `directory`.
    static func findLab(_ ref: String, in directory: String, locale: LabLocale) -> Result<Lab, InputProblem> {
        let looksLikeFile = ref.hasSuffix(".yaml") || ref.hasSuffix(".yml") || ref.contains("/")
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: ref, isDirectory: &isDir)
        if looksLikeFile || (exists && !isDir.boolValue) {
            let entry = LabCatalog.read(ref)
            return labOrErrors(entry, ref, locale)
        }
        let entries = LabCatalog.load(paths: [directory])
        if let entry = entries.first(where: { $0.lab?.id == ref }) { return labOrErrors(entry, ref, locale) }
        // A file that did not decode may be the lab asked for: say so rather than "not found".
        if let entry = entries.first(where: { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == ref }),
           entry.lab == nil {
            return labOrErrors(entry, ref, locale)
        }
        var message = GradeText.labNotFound.format(locale, [ref, directory])
        if let d = entries.first?.diagnostics.first, entries.count == 1, entries[0].lab == nil { message += ": " + d.formatted(locale) }
        return .failure(InputProblem(message))
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
    static func readSubmission(_ path: String, locale: LabLocale, standardInput: () -> [UInt8]) -> Result<Submission, InputProblem> {
        func fail(_ why: String) -> Result<Submission, InputProblem> {
            .failure(InputProblem(GradeText.submissionUnreadable.format(locale, [path, why])))
        }
        let bytes: [UInt8]
        if path == "-" {
            bytes = standardInput()
        } else {
            switch readFile(path) {
            case .failure(let problem): return fail(problem.text(locale))
            case .success(let b): bytes = b
            }
        }
        switch Submission.parse(bytes) {
        case .failure(let p): return fail(p.text(locale))
        case .success(let s): return .success(s)
        }
    }

    enum FileProblem: Error {
        case missing, notRegular, tooLarge, unreadable

        func text(_ locale: LabLocale) -> String {
            switch self {
            case .missing: return GradeText.noSuchFile.format(locale)
            case .notRegular: return GradeText.notRegularFile.format(locale)
            case .tooLarge: return GradeText.tooLarge.format(locale, [String(Submission.maxBytes)])
            case .unreadable: return GradeText.cannotOpen.format(locale)
            }
        }
    }

    /// The bytes of a regular file (symlinks followed), refused past the size limit.
    static func readFile(_ path: String) -> Result<[UInt8], FileProblem> {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real) else { return .failure(.missing) }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else { return .failure(.notRegular) }
        if let size = attributes[.size] as? Int, size > Submission.maxBytes { return .failure(.tooLarge) }
        guard let handle = FileHandle(forReadingAtPath: real) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Submission.maxBytes + 1) else { return .success([]) }
        if data.count > Submission.maxBytes { return .failure(.tooLarge) }
        return .success([UInt8](data))
    }

    /// Standard input, at most `Submission.maxBytes` + 1 bytes (more is refused as too large).
    public static func readStandardInput() -> [UInt8] {
        var out: [UInt8] = []
        while out.count <= Submission.maxBytes {
            guard let chunk = try? FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty else { break }
            out += chunk
        }
        return out
    }

    /// Writes a file atomically (a temporary file renamed over it).
    static func write(_ text: String, to path: String) -> Bool {
        (try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil
    }

    // MARK: Batch

    static func batch(_ lab: Lab, _ dir: String, _ options: GradeOptions, _ format: GradeFormat,
                      _ passMark: Grader.PassMark) -> GradeRun {
        let locale = options.locale
        var run = GradeRun(exitCode: passed, stdout: "", stderr: "")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            run.stderr = "cnmlab grade: " + GradeText.notAFolder.format(locale, [dir]) + "\n"
            run.exitCode = badInput
            return run
        }
        if let out = options.outputDirectory {
            let created = (try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)) != nil
            var outIsDir: ObjCBool = false
            guard created, FileManager.default.fileExists(atPath: out, isDirectory: &outIsDir), outIsDir.boolValue else {
                run.stderr = "cnmlab grade: " + GradeText.writeFailed.format(locale, [out]) + "\n"
                run.exitCode = badInput
                return run
            }
        }
        var rows: [[String]] = [["learner", "score", "max", "passed"]]
        var seen: [String: String] = [:]
        var counts = (passed: 0, failed: 0, unreadable: 0)
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (dir as NSString).appendingPathComponent(name)
            var entryIsDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDir), entryIsDir.boolValue { continue }
            let learner = (name as NSString).deletingPathExtension.isEmpty ? name : (name as NSString).deletingPathExtension
            if let other = seen[learner] {
                run.stderr += "cnmlab grade: " + GradeText.duplicateLearner.format(locale, [learner, other + ", " + name]) + "\n"
                counts.unreadable += 1
                continue
            }
            seen[learner] = name
            let submission: Submission
            switch readSubmission(path, locale: locale, standardInput: { [] }) {
            case .failure(let problem):
                run.stderr += "cnmlab grade: " + problem.message + "\n"
                counts.unreadable += 1
                rows.append([learner, "", String(lab.maxPoints), "false"])
                continue
            case .success(let s): submission = s
            }
            let report = Grader.grade(lab: lab, learner: learner, submission: submission, locale: locale, passMark: passMark)
            if report.passed { counts.passed += 1 } else { counts.failed += 1 }
            rows.append([learner, String(report.score), String(report.max), report.passed ? "true" : "false"])
            if let out = options.outputDirectory {
                let file = (out as NSString).appendingPathComponent(learner + "." + format.fileExtension)
                if !write(format.render(report, locale: locale), to: file) {
                    run.stderr += "cnmlab grade: " + GradeText.writeFailed.format(locale, [file]) + "\n"
                    counts.unreadable += 1
                }
            }
        }
        let csv = CSV.render(rows)
        if let out = options.outputDirectory {
            let file = (out as NSString).appendingPathComponent("summary.csv")
            if !write(csv, to: file) {
                run.stderr += "cnmlab grade: " + GradeText.writeFailed.format(locale, [file]) + "\n"
                counts.unreadable += 1
            }
            run.stdout += GradeText.batchSummary.format(locale, [String(counts.passed + counts.failed + counts.unreadable),
                String(counts.passed), String(counts.failed), String(counts.unreadable)]) + "\n"
        } else {
            run.stdout += csv
        }
        run.exitCode = counts.unreadable > 0 ? badInput : counts.failed > 0 ? failed : passed
        return run
    }
}

/// RFC 4180 CSV with CRLF, as `cnmlab progress` writes it: a field with a comma, quote or line
/// break is quoted, and one starting with `=`, `+`, `-` or `@` gets a leading `'` so a
/// spreadsheet never runs it as a formula.
enum CSV {
    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
