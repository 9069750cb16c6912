import CNMCommands
import CNMLabs
import CNMFileSystem
import Foundation

/// `make bench`: grading a class (1,000 submissions of 20 commands, concurrently, ≤ 1 s on the
/// 2-core course machine) and one long transcript (10,000 lines, ≤ 2 s), with what the simulation
/// alone costs beside it, so that grading's own share shows.
enum GradeBench {
    /// A five-step lab in the style of the shipped ones (state, role-free names, packet path, DNS).
    static let labText = """
        id: bench-web-db
        version: 1
        title: {ko: 벤치마크, en: Benchmark}
        place: {week: 1, day: 1, session: 1, section: bench}
        minutes: 10
        steps:
          - id: net
            title: {ko: 네트워크, en: Network}
            text: {ko: appnet을 만드세요., en: Create appnet.}
            points: 2
            hints: [{tier: command, ko: docker network create, en: docker network create}]
            checks:
              - {name: net-exists, points: 1, network: {name: appnet, driver: bridge}}
              - {name: net-subnet, points: 1, network: {name: appnet, subnet: 10.20.30.0/24}}
            solution: [docker network create --subnet 10.20.30.0/24 appnet]
          - id: db
            title: {ko: db, en: db}
            text: {ko: db를 실행하세요., en: Run db.}
            points: 2
            hints: [{tier: command, ko: docker run, en: docker run}]
            checks:
              - {name: db-running, points: 1, container: {name: db, running: true, image: mysql}}
              - {name: db-on-net, points: 1, container: {name: db, networks: [appnet]}}
            solution: [docker run -d --name db --network appnet -e MYSQL_ROOT_PASSWORD=secret mysql]
          - id: web
            title: {ko: web, en: web}
            text: {ko: web을 실행하세요., en: Run web.}
            points: 2
            hints: [{tier: command, ko: docker run, en: docker run}]
            checks:
              - {name: web-running, points: 1, container: {name: web, running: true, networks: [appnet], published: ["8080:80"]}}
              - {name: web-reaches-db, points: 1, reachable: {from: web, to: db, port: 3306}}
              - {name: web-resolves-db, hidden: true, points: 1, resolves: {from: web, name: db, to: [db]}}
            solution: [docker run -d --name web --network appnet -p 8080:80 nginx]
          - id: inspect
            title: {ko: 확인, en: Inspect}
            text: {ko: appnet을 살펴보세요., en: Inspect appnet.}
            points: 1
            hints: [{tier: command, ko: docker network inspect, en: docker network inspect}]
            checks:
              - {name: inspected, history: {command: "docker network inspect*appnet*"}}
            solution: [docker network inspect appnet]
          - id: gateway
            title: {ko: 게이트웨이, en: Gateway}
            text: {ko: 게이트웨이는?, en: The gateway?}
            points: 1
            hints: [{tier: command, ko: inspect, en: inspect}]
            quiz:
              question: {ko: appnet의 게이트웨이는?, en: appnet's gateway?}
              accept: ["10.20.30.1"]
        """

    /// The lab the benchmark grades.
    static var lab: Lab? { LabDecoder.decode(text: labText, file: "bench.yaml").lab }

    /// Submission `i` (20 command lines): every third learner makes a mistake and fixes it, every
    /// fifth gives up half-way, the rest finish.
    static func submission(_ i: Int) -> String {
        var lines = ["# submission \(i)", "docker network ls", "docker ps -a"]
        if i % 3 == 0 {
            lines += ["docker network create appnet", "docker network inspect appnet", "docker network rm appnet"]
        } else {
            lines += ["docker network ls --no-trunc", "docker network inspect bridge", "docker ps"]
        }
        lines += ["docker network create --subnet 10.20.30.0/24 appnet",
                  "docker run -d --name db --network appnet -e MYSQL_ROOT_PASSWORD=secret mysql",
                  "docker ps -a", "docker network inspect appnet --format '{{json .Containers}}'"]
        if i % 5 == 4 {
            lines += (0..<11).map { "docker ps --filter name=db\($0)" }
        } else {
            lines += ["docker run -d --name web --network appnet -p 8080:80 nginx", "docker ps",
                      "docker port web", "docker inspect web --format '{{.State.Status}}'",
                      "docker network inspect appnet", "docker network ls", "docker ps -a",
                      "docker inspect db --format '{{.Name}}'", "docker network ls -q", "docker ps -q",
                      "answer 10.20.30.1"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A learner who explores at length: the lab done right, then `lines` lines in all of listing,
    /// inspecting, pinging and starting and removing throw-away containers (never more than a few
    /// at once), the kind of transcript a long session exports.
    static func longSubmission(lines count: Int) -> String {
        var lines = ["docker network create --subnet 10.20.30.0/24 appnet",
                     "docker run -d --name db --network appnet -e MYSQL_ROOT_PASSWORD=secret mysql",
                     "docker run -d --name web --network appnet -p 8080:80 nginx",
                     "docker network inspect appnet", "answer 10.20.30.1"]
        let cycle = ["docker ps", "docker network ls", "docker exec web ping -c 1 db", "docker network inspect appnet",
                     "docker run -d --name tmp%d --network appnet busybox sleep 1d", "docker inspect tmp%d --format '{{.State.Status}}'",
                     "docker rm -f tmp%d", "docker port web", "docker ps -a --filter name=db", "iptables -S DOCKER-USER"]
        var k = 0
        while lines.count < count {
            lines.append(cycle[k % cycle.count].replacingOccurrences(of: "%d", with: String(k / cycle.count)))
            k += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The issue's worst case: one `docker run` per line, so the host fills up with containers.
    static func runPerLine(lines count: Int) -> String {
        (0..<count).map { "docker run -d --name c\($0) busybox sleep 1d" }.joined(separator: "\n") + "\n"
    }

    /// Seconds to grade one transcript (reading, replaying, scoring, rendering JUnit), bounds lifted.
    static func gradeOne(_ text: String) -> Double {
        guard let lab, case .success(let s) = Submission.parse(Array(text.utf8)) else { return -1 }
        let start = now()
        let report = Grader.grade(lab: lab, learner: "long", submission: s,
                                  limits: Grader.Limits(maxCommands: .max, timeout: 3_600))
        _ = JUnitWriter.render(report, locale: .en)
        return now() - start
    }

    /// Seconds the same lines take on a bare simulator (no lab, no checks): what the simulation
    /// costs, so that grading's own share shows.
    static func simulateOnly(_ text: String) -> Double {
        guard case .success(let s) = Submission.parse(Array(text.utf8)) else { return -1 }
        var sim = Simulator(seed: 1)
        let start = now()
        for line in s.lines where !line.hasPrefix("answer ") { _ = sim.run(line: line) }
        return now() - start
    }

    /// What grading a class cost: wall and CPU seconds (the whole process's CPU, every thread).
    struct Cost {
        var seconds: Double
        var cpu: Double
    }

    /// A class graded as `cnmlab grade bench.yaml --submissions DIR --output-dir OUT --format junit`
    /// does it: through `GradeJob` (the code the executable runs), reading every transcript from
    /// disk and writing every report and summary.csv to disk, concurrently; then the same with
    /// `serial` into a second folder; then, when the release `cnmlab` sits beside this benchmark,
    /// the binary itself as a CI job runs it (a fresh process, the lab's validation cached on disk
    /// by a first run). `identical`: every file of the concurrent run is byte for byte the serial
    /// run's, and the reports and summary.csv are what `Grader` and `JUnitWriter` give one by one.
    /// Nil if files cannot be written.
    static func gradeClass(submissions count: Int)
        -> (validation: Double, concurrent: Cost, serial: Cost, process: Cost?, identical: Bool)? {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("cnmlab-bench-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        let subs = root + "/subs", out = root + "/out", serialOut = root + "/serial", processOut = root + "/process"
        do {
            try fm.createDirectory(atPath: subs, withIntermediateDirectories: true)
            try labText.write(toFile: root + "/bench.yaml", atomically: false, encoding: .utf8)
            for i in 0..<count {
                try submission(i).write(toFile: subs + "/learner-\(i).sh", atomically: false, encoding: .utf8)
            }
        } catch {
            return nil
        }
        // The lab is validated once (a second run finds the verdict in the cache by content hash).
        let validationStart = now()
        _ = GradeJob.run(GradeOptions(lab: root + "/bench.yaml", submission: subs + "/learner-0.sh"), files: DiskFiles())
        let validation = now() - validationStart
        func timed(_ options: GradeOptions) -> Cost {
            let cpu0 = processCPU(), start = now()
            _ = GradeJob.run(options, files: DiskFiles())
            return Cost(seconds: now() - start, cpu: processCPU() - cpu0)
        }
        let concurrent = timed(GradeOptions(lab: root + "/bench.yaml", submissionsDirectory: subs, format: "junit", outputDirectory: out))
        let serial = timed(GradeOptions(lab: root + "/bench.yaml", submissionsDirectory: subs, format: "junit",
                                        outputDirectory: serialOut, serial: true))
        var identical = true
        let names = ((try? fm.contentsOfDirectory(atPath: out)) ?? []).sorted()
        if names.count != count + 1 || names != ((try? fm.contentsOfDirectory(atPath: serialOut)) ?? []).sorted() { identical = false }
        for name in names where fm.contents(atPath: out + "/" + name) != fm.contents(atPath: serialOut + "/" + name) {
            identical = false
        }
        // Independently of GradeJob: each report and the summary as Grader and JUnitWriter give them.
        guard let lab else { return nil }
        var rows = ["learner,score,max,passed,note"]
        for name in ((try? fm.contentsOfDirectory(atPath: subs)) ?? []).sorted() {
            let learner = (name as NSString).deletingPathExtension
            guard let data = fm.contents(atPath: subs + "/" + name), case .success(let s) = Submission.parse([UInt8](data)) else {
                identical = false
                continue
            }
            let report = Grader.grade(lab: lab, learner: learner, submission: s)
            if fm.contents(atPath: out + "/" + learner + ".xml") != Data(JUnitWriter.render(report, locale: .en).utf8) { identical = false }
            rows.append([learner, String(report.score), String(report.max), report.passed ? "true" : "false", ""].joined(separator: ","))
        }
        if fm.contents(atPath: out + "/summary.csv") != Data((rows.joined(separator: "\r\n") + "\r\n").utf8) { identical = false }
        // The binary, as a CI job runs it (its validation cache in a folder of its own, filled by a first run).
        var process: Cost? = nil
        if CnmlabProcess.binary != nil {
            setenv("XDG_CACHE_HOME", root + "/cache", 1)
            defer { unsetenv("XDG_CACHE_HOME") }
            _ = CnmlabProcess.run(["grade", root + "/bench.yaml", subs + "/learner-0.sh"])
            if let r = CnmlabProcess.run(["grade", root + "/bench.yaml", "--submissions", subs, "--output-dir", processOut,
                                          "--format", "junit"]) {
                process = Cost(seconds: r.seconds, cpu: r.cpu)
                for name in names where fm.contents(atPath: out + "/" + name) != fm.contents(atPath: processOut + "/" + name) {
                    identical = false
                }
            }
        }
        return (validation, concurrent, serial, process, identical)
    }
}

/// CPU seconds (user + system) this process has used so far, all threads together.
func processCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Prints the grading figures beside their targets.
func gradeScenarios() {
    if let c = GradeBench.gradeClass(submissions: 1_000) {
        target("grade a class of 1,000 submissions of 20 commands, concurrently", c.concurrent.seconds, "s", atMost: 1)
        print(classDetail(c))
    } else {
        print("  grade a class: skipped, the temporary folder cannot be written")
    }
    let long = GradeBench.longSubmission(lines: 10_000)
    target("grade one 10,000-line submission", GradeBench.gradeOne(long), "s", atMost: 2)
    print("    the same lines on a bare simulator: \(format3(GradeBench.simulateOnly(long))) s")
    // The issue's worst case, at two sizes: linear grading takes four times as long for four times the lines.
    let quarter = GradeBench.gradeOne(GradeBench.runPerLine(lines: 2_500))
    let runs = GradeBench.runPerLine(lines: 10_000)
    let full = GradeBench.gradeOne(runs)
    print("  grade 10,000 lines of docker run (10,000 containers): \(format3(full)) s; on a bare simulator: "
          + "\(format3(GradeBench.simulateOnly(runs))) s; 2,500 lines: \(format3(quarter)) s (ratio \(format3(full / quarter)), linear: 4)")
}

/// The lines under the class figure: CPU, the serial run, the binary, identity, validation.
func classDetail(_ c: (validation: Double, concurrent: GradeBench.Cost, serial: GradeBench.Cost,
                       process: GradeBench.Cost?, identical: Bool)) -> String {
    var text = "    concurrently \(format3(c.concurrent.seconds)) s [\(format3(c.concurrent.cpu)) s CPU]; "
        + "one by one \(format3(c.serial.seconds)) s [\(format3(c.serial.cpu)) s CPU]"
    if let p = c.process {
        text += "; `cnmlab grade --submissions` as a process \(format3(p.seconds)) s [\(format3(p.cpu)) s CPU]"
    } else {
        text += "; the cnmlab binary is not beside CNMBench (the process figure is skipped)"
    }
    return text + "\n    reports and summary.csv identical: \(c.identical ? "yes" : "NO"); "
        + "validating the lab first (once, then cached): \(format3(c.validation)) s"
}
