import Foundation

/// `cnmlab grade --submissions DIR`: grades a class, one learner per transcript file.
///
/// Only regular files directly inside DIR with a transcript extension are read (a symbolic link,
/// a FIFO or a device is refused with a note, never followed); two files for one learner are both
/// refused; reports never land inside DIR. Submissions are graded concurrently, and reports and
/// `summary.csv` come out in file-name order, byte for byte as a serial run writes them.
enum GradeBatch {
    /// The extensions of transcript files (`ana.sh` → learner `ana`).
    static let extensions = ["sh", "txt", "transcript"]

    /// One learner's row, as graded or refused.
    struct Outcome: Sendable {
        var learner: String
        var report: GradeReport?
        var rendered: String?
        /// Why the submission was not graded (refused, unreadable, duplicate).
        var problem: String?
        /// The report file written by the worker that graded it, when it could not be written.
        var unwritten: String?
    }

    static func run(_ lab: Lab, _ dir: String, _ options: GradeOptions, _ settings: GradeSettings,
                    files: any GradeFiles) -> GradeRun {
        let locale = settings.locale
        var run = GradeRun(exitCode: GradeJob.passed, stdout: "", stderr: "")
        func bad(_ message: String) -> GradeRun {
            run.stderr += "cnmlab grade: " + message + "\n"
            run.exitCode = GradeJob.badInput
            return run
        }
        guard files.kind(dir) == .directory || (files.kind(dir) == .link && files.isDirectory(dir)),
              let names = files.names(in: dir) else {
            return bad(GradeText.notAFolder.format(locale, [dir]))
        }
        if let out = options.outputDirectory {
            // Reports must never be read back as submissions, nor overwrite one.
            if files.resolved(out) == files.resolved(dir) { return bad(GradeText.sameFolder.format(locale, [out])) }
            if files.contains(dir, out) { return bad(GradeText.outputInsideSubmissions.format(locale, [out, dir])) }
            if files.contains(out, dir) { return bad(GradeText.submissionsInsideOutput.format(locale, [out, dir])) }
            guard files.makeDirectory(out) else { return bad(GradeText.writeFailed.format(locale, [out])) }
        }

        // Which files are submissions, and of whom.
        var candidates: [String: [(name: String, kind: FileKind)]] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (dir as NSString).appendingPathComponent(name)
            let k = files.kind(path)
            if k == .directory { continue }
            let learner = (name as NSString).deletingPathExtension
            guard extensions.contains((name as NSString).pathExtension), !learner.isEmpty else {
                run.stderr += "cnmlab grade: " + GradeText.notTranscript.format(locale, [name]) + "\n"
                continue
            }
            candidates[learner, default: []].append((name, k))
        }
        var byLearner: [String: String] = [:]
        var refused: [String: String] = [:]
        for (learner, files) in candidates {
            if files.count > 1 {
                refused[learner] = GradeText.duplicateNote.format(locale, [files.map(\.name).joined(separator: ", ")])
            } else if files[0].kind == .link {
                refused[learner] = GradeText.symlinkRefused.format(locale, [files[0].name])
            } else if files[0].kind != .regular {
                refused[learner] = GradeText.unreadableNote.format(locale, [GradeText.notRegularFile.format(locale)])
            } else {
                byLearner[learner] = files[0].name
            }
        }
        let learners = Set(byLearner.keys).union(refused.keys).sorted()

        // Grade concurrently; each outcome goes to its own slot, so the order is the input order.
        let jobs = learners.compactMap { l in byLearner[l].map { (l, (dir as NSString).appendingPathComponent($0)) } }
        let slots = Slots<Outcome>(count: jobs.count)
        // Each worker also writes its learner's report (one file per learner: creating a thousand
        // files one after the other cost as much as grading them); failures are told in input order below.
        let work: @Sendable (Int) -> Void = { i in
            var outcome = grade(lab, learner: jobs[i].0, path: jobs[i].1, settings, files: files)
            if let out = options.outputDirectory, outcome.report != nil, let text = outcome.rendered {
                let file = (out as NSString).appendingPathComponent(jobs[i].0 + "." + settings.format.fileExtension)
                if !files.write(text, to: file, atomically: false) { outcome.unwritten = file }
            }
            slots[i] = outcome
        }
        if options.serial {
            for i in jobs.indices { work(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
        }
        var outcomes: [String: Outcome] = [:]
        for (i, job) in jobs.enumerated() { outcomes[job.0] = slots[i] }
        for (learner, note) in refused { outcomes[learner] = Outcome(learner: learner, problem: note) }

        var rows: [[String]] = [["learner", "score", "max", "passed", "note"]]
        var counts = (passed: 0, failed: 0, bad: 0)
        for learner in learners {
            guard let o = outcomes[learner] else { continue }
            guard let report = o.report, o.rendered != nil else {
                let note = o.problem ?? ""
                run.stderr += "cnmlab grade: " + learner + ": " + Safe.line(note) + "\n"
                rows.append([learner, "", String(lab.maxPoints), "false", note])
                counts.bad += 1
                continue
            }
            if report.passed { counts.passed += 1 } else { counts.failed += 1 }
            let note = report.failingFindings.first.map { $0.message(locale) } ?? ""
            rows.append([learner, String(report.score), String(report.max), report.passed ? "true" : "false", note])
            if let file = o.unwritten {
                run.stderr += "cnmlab grade: " + GradeText.writeFailed.format(locale, [file]) + "\n"
                counts.bad += 1
            }
        }
        let csv = CSV.render(rows)
        if let out = options.outputDirectory {
            let file = (out as NSString).appendingPathComponent("summary.csv")
            if !files.write(csv, to: file, atomically: true) {
                run.stderr += "cnmlab grade: " + GradeText.writeFailed.format(locale, [file]) + "\n"
                counts.bad += 1
            }
            run.stdout += GradeText.batchSummary.format(locale, [String(learners.count), String(counts.passed),
                                                                 String(counts.failed), String(counts.bad)]) + "\n"
        } else {
            run.stdout += csv
        }
        run.exitCode = counts.bad > 0 ? GradeJob.badInput : counts.failed > 0 ? GradeJob.failed : GradeJob.passed
        return run
    }

    /// Reads (without following a link), grades and renders one learner's transcript.
    static func grade(_ lab: Lab, learner: String, path: String, _ settings: GradeSettings, files: any GradeFiles) -> Outcome {
        let locale = settings.locale
        let bytes: [UInt8]
        switch files.read(path, limit: Submission.maxBytes, followLinks: false) {
        case .failure(let p): return Outcome(learner: learner, problem: GradeText.unreadableNote.format(locale, [p.text(locale)]))
        case .success(let b): bytes = b
        }
        let submission: Submission
        switch Submission.parse(bytes) {
        case .failure(let p): return Outcome(learner: learner, problem: GradeText.unreadableNote.format(locale, [p.text(locale)]))
        case .success(let s): submission = s
        }
        let report = Grader.grade(lab: lab, learner: learner, submission: submission, locale: locale,
                                  passMark: settings.passMark, limits: settings.limits, audience: settings.audience)
        return Outcome(learner: learner, report: report, rendered: settings.format.render(report, locale: locale))
    }
}

/// Results written by concurrent workers, one slot each, read once they are all done.
final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return items[i] }
        set { lock.lock(); items[i] = newValue; lock.unlock() }
    }
}
