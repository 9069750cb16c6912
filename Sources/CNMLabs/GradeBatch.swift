import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    }

    /// What one file is, looked at without following links.
    enum Kind { case regular, directory, link, other, missing }

    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    static func run(_ lab: Lab, _ dir: String, _ options: GradeOptions, _ settings: GradeSettings) -> GradeRun {
        let locale = settings.locale
        var run = GradeRun(exitCode: GradeJob.passed, stdout: "", stderr: "")
        func bad(_ message: String) -> GradeRun {
            run.stderr += "cnmlab grade: " + message + "\n"
            run.exitCode = GradeJob.badInput
            return run
        }
        guard kind(dir) == .directory || (kind(dir) == .link && FileManager.default.isDirectory(dir)),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            return bad(GradeText.notAFolder.format(locale, [dir]))
        }
        if let out = options.outputDirectory {
            // Reports must never be read back as submissions, nor overwrite one.
            if PathPlace.resolved(out) == PathPlace.resolved(dir) { return bad(GradeText.sameFolder.format(locale, [out])) }
            if PathPlace.contains(dir, out) { return bad(GradeText.outputInsideSubmissions.format(locale, [out, dir])) }
            if PathPlace.contains(out, dir) { return bad(GradeText.submissionsInsideOutput.format(locale, [out, dir])) }
            let created = (try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)) != nil
            guard created, FileManager.default.isDirectory(out) else { return bad(GradeText.writeFailed.format(locale, [out])) }
        }

        // Which files are submissions, and of whom.
        var candidates: [String: [(name: String, kind: Kind)]] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (dir as NSString).appendingPathComponent(name)
            let k = kind(path)
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
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            slots[i] = grade(lab, learner: jobs[i].0, path: jobs[i].1, settings)
        }
        var outcomes: [String: Outcome] = [:]
        for (i, job) in jobs.enumerated() { outcomes[job.0] = slots[i] }
        for (learner, note) in refused { outcomes[learner] = Outcome(learner: learner, problem: note) }

        var rows: [[String]] = [["learner", "score", "max", "passed", "note"]]
        var counts = (passed: 0, failed: 0, bad: 0)
        for learner in learners {
            guard let o = outcomes[learner] else { continue }
            guard let report = o.report, let text = o.rendered else {
                let note = o.problem ?? ""
                run.stderr += "cnmlab grade: " + learner + ": " + Safe.line(note) + "\n"
                rows.append([learner, "", String(lab.maxPoints), "false", note])
                counts.bad += 1
                continue
            }
            if report.passed { counts.passed += 1 } else { counts.failed += 1 }
            let note = report.failingFindings.first.map { $0.message(locale) } ?? ""
            rows.append([learner, String(report.score), String(report.max), report.passed ? "true" : "false", note])
            if let out = options.outputDirectory {
                let file = (out as NSString).appendingPathComponent(learner + "." + settings.format.fileExtension)
                if !writeReport(text, to: file) {
                    run.stderr += "cnmlab grade: " + GradeText.writeFailed.format(locale, [file]) + "\n"
                    counts.bad += 1
                }
            }
        }
        let csv = CSV.render(rows)
        if let out = options.outputDirectory {
            let file = (out as NSString).appendingPathComponent("summary.csv")
            if !GradeJob.write(csv, to: file) {
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
    static func grade(_ lab: Lab, learner: String, path: String, _ settings: GradeSettings) -> Outcome {
        let locale = settings.locale
        let bytes: [UInt8]
        switch readRegularFile(path) {
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

    /// The bytes of a regular file, opened without following a symbolic link (O_NOFOLLOW) and
    /// checked again once open, so that a file swapped for a link meanwhile is refused too.
    static func readRegularFile(_ path: String) -> Result<[UInt8], GradeJob.FileProblem> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : errno == ELOOP ? .notRegular : .unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        if Int(st.st_size) > Submission.maxBytes { return .failure(.tooLarge) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while out.count <= Submission.maxBytes {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return .failure(.unreadable) }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out.count > Submission.maxBytes ? .failure(.tooLarge) : .success(out)
    }
}

/// Writes one learner's report in place (open, write, close: a third of the system calls of an
/// atomic write, which a class of a thousand feels); `summary.csv`, written last, is atomic.
func writeReport(_ text: String, to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 { if errno == EINTR { continue }; return false }
        done += n
    }
    return true
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

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
