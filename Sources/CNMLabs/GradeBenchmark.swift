import Foundation

/// Timing for `make bench`: grading a class.
///
/// Why: an instructor grades every submission of a class in one CI job; 100 submissions of a
/// 20-command lab should take under a second in a release build.
public enum GradeBenchmark {
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
    public static var lab: Lab? { LabDecoder.decode(text: labText, file: "bench.yaml").lab }

    /// Submission `i` (20 command lines): every third learner makes a mistake and fixes it, every
    /// fifth gives up half-way, the rest finish.
    public static func submission(_ i: Int) -> String {
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

    /// Grades `submissions` generated 20-command transcripts of `lab` (one learner each, so each has
    /// its own seed) and returns the seconds spent: reading, replaying, scoring and rendering JUnit.
    /// Returns -1 if the benchmark lab does not decode.
    public static func run(submissions count: Int) -> Double {
        guard let lab else { return -1 }
        let inputs = (0..<max(0, count)).map { Array(submission($0).utf8) }
        let start = DispatchTime.now().uptimeNanoseconds
        for (i, bytes) in inputs.enumerated() {
            guard case .success(let s) = Submission.parse(bytes) else { continue }
            let report = Grader.grade(lab: lab, learner: "learner-\(i)", submission: s)
            _ = JUnitWriter.render(report, locale: .en)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
