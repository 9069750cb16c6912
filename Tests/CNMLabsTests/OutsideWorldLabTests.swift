import CNMSim
import XCTest
@testable import CNMLabs

/// A lab's `outside:` — names added to the outside world's DNS and names declared missing.
final class OutsideWorldLabTests: XCTestCase {
    static let steps = """
    steps:
      - id: look
        title: {ko: 조회, en: Look up}
        text: {ko: 이름을 조회하세요, en: Look the name up}
        points: 2
        hints: [{tier: command, ko: "host api.example.com", en: "host api.example.com"}]
        checks:
          - {history: {command: "host api.example.com"}}
          - {resolves: {from: host, name: api.example.com, to: [203.0.113.7]}}
        solution: [host api.example.com]
    """

    func lab(_ outside: String, extra: String = "") throws -> Lab {
        let r = Fixture.decode(Fixture.header(extra + outside) + "\n" + Self.steps)
        return try XCTUnwrap(r.lab, "\(r.diagnostics)")
    }

    static let outside = """
    outside:
      names:
        api.example.com: 203.0.113.7
        CDN.Example.com.: [203.0.113.8, 203.0.113.9]
      missing: [old.corp.com, naver.com]
    """

    func testDecodesNamesWithOneOrSeveralAddressesAndMissingNames() throws {
        let lab = try lab(Self.outside)
        XCTAssertEqual(lab.outside.names, [.init(name: "api.example.com", addresses: ["203.0.113.7"]),
                                           .init(name: "CDN.Example.com.", addresses: ["203.0.113.8", "203.0.113.9"])])
        XCTAssertEqual(lab.outside.missing, ["old.corp.com", "naver.com"])
        let names = lab.outside.outsideNames
        XCTAssertEqual(names.added["cdn.example.com"], [IPv4Address(203, 0, 113, 8), IPv4Address(203, 0, 113, 9)],
                       "names are kept lower case without their final dot")
        XCTAssertEqual(names.missing, ["old.corp.com", "naver.com"])
    }

    func testTheSessionResolvesAddedNamesAndAnswersNXDOMAINForMissingOnes() throws {
        var session = LabSession(lab: try lab(Self.outside))
        XCTAssertEqual(session.simulator.run(line: "host api.example.com").stdout, "api.example.com has address 203.0.113.7\n")
        XCTAssertEqual(session.simulator.run(line: "host cdn.example.com").stdout,
                       "cdn.example.com has address 203.0.113.8\ncdn.example.com has address 203.0.113.9\n")
        let gone = session.simulator.run(line: "host naver.com")
        XCTAssertEqual(gone.stdout + gone.stderr, "Host naver.com not found: 3(NXDOMAIN)\n", "a well-known name the lab declares missing")
        XCTAssertEqual(gone.exitCode, 1)
        XCTAssertEqual(session.simulator.run(line: "host old.corp.com").stderr, "Host old.corp.com not found: 3(NXDOMAIN)\n")
        _ = session.simulator.run(line: "docker run -d --name b busybox sleep 1000")
        let ns = session.simulator.run(line: "docker exec b nslookup api.example.com")
        XCTAssertTrue(ns.stdout.contains("Name:\tapi.example.com\nAddress: 203.0.113.7\n"), ns.stdout)
        XCTAssertEqual(session.simulator.run(line: "host 203.0.113.7").stdout,
                       "7.113.0.203.in-addr.arpa domain name pointer api.example.com.\n")
    }

    func testWithoutTheKeyTheOpenWorldAnswers() throws {
        var session = LabSession(lab: try lab(""))
        XCTAssertFalse(session.simulator.run(line: "host api.example.com").stdout.contains("203.0.113.7"),
                       "without the lab, the name gets the open world's derived address")
        XCTAssertEqual(session.simulator.run(line: "host naver.com").exitCode, 0)
    }

    func testEveryMachineOfTheLanSeesTheSameOutsideWorld() throws {
        let lab = try lab(Self.outside, extra: "hosts: [worker1]\n")
        var session = LabSession(lab: lab)
        XCTAssertEqual(session.cluster.machines.count, 2)
        XCTAssertEqual(session.cluster.machines[1].engine.outsideNames, session.engine.outsideNames)
        XCTAssertEqual(session.simulator.run(line: "ssh worker1 host api.example.com").stdout,
                       "api.example.com has address 203.0.113.7\n")
    }

    func testGradingUndoAndResetKeepTheLabsNames() throws {
        let lab = try lab(Self.outside)
        let (graded, score) = LabSession.grade(lab: lab, transcript: ["host api.example.com"])
        XCTAssertTrue(graded.isComplete, "the resolves check holds only with the lab's name")
        XCTAssertEqual(score.earned, lab.maxPoints)
        let report = Grader.grade(lab: lab, learner: "ana", submission: Submission(lines: ["host api.example.com"]))
        XCTAssertEqual(report.score, lab.maxPoints)
        XCTAssertTrue(report.passed, "the grader sees the same names")

        var session = LabSession(lab: lab)
        _ = session.apply(LabLine("docker network create n"))
        _ = session.apply(LabLine("#cnmlab undo"))
        _ = session.apply(LabLine("#cnmlab reset lab"))
        XCTAssertEqual(session.engine.outsideNames, lab.outside.outsideNames, "a rebuilt world keeps the lab's outside names")
    }

    func testTemplatesRenderPerVariant() throws {
        let lab = try lab("""
        outside:
          names:
            "{{svc}}.example.com": "{{ip}}"
        """, extra: """
        parameters:
          svc: {choice: [api, shop], default: api}
          ip: {choice: [203.0.113.7, 198.51.100.7], default: 203.0.113.7}

        """)
        for learner in ["ana", "bo", "cy", "di"] {
            let session = LabSession(lab: lab, learner: learner)
            let svc = try XCTUnwrap(session.variant.values["svc"]), ip = try XCTUnwrap(session.variant.values["ip"])
            XCTAssertEqual(session.engine.outsideNames.added, ["\(svc).example.com": [try XCTUnwrap(IPv4Address(ip))]])
        }
    }

    func testProblemsAreReportedAtTheirPlace() {
        func errors(_ outside: String, extra: String = "") -> [String] {
            Fixture.decode(Fixture.header(extra + outside) + "\n" + Self.steps).diagnostics.map { $0.formatted() }
        }
        XCTAssertEqual(errors("outside:\n  names:\n    api.example.com: 203.0.113.300\n"),
                       ["t.yaml:8:22: error LAB004: invalid outside.names.api.example.com: '203.0.113.300' (an IPv4 address such as 203.0.113.7)"])
        XCTAssertEqual(errors("outside:\n  names:\n    api.example.com: [127.0.0.1]\n"),
                       ["t.yaml:8:23: error LAB004: invalid outside.names.api.example.com: '127.0.0.1' (an address off the host (not loopback 127.0.0.0/8))"])
        XCTAssertEqual(errors("outside:\n  names:\n    api.example.com: 224.0.0.1\n").first?.contains("unicast"), true)
        XCTAssertEqual(errors("outside:\n  names:\n    api.example.com: []\n").first?.contains("0 addresses (1 to 8)"), true)
        XCTAssertEqual(errors("outside:\n  names:\n    api_x.example.com: 203.0.113.7\n").first?.hasPrefix("t.yaml:8:5: error LAB004: invalid outside.names: 'api_x.example.com'"), true)
        XCTAssertEqual(errors("outside:\n  missing: [localhost]\n"),
                       ["t.yaml:7:13: error LAB004: invalid outside.missing: 'localhost' (a DNS name with a domain (two labels or more, e.g. api.example.com))"])
        XCTAssertEqual(errors("outside:\n  names: {a.example.com: 203.0.113.7}\n  missing: [A.example.com]\n"),
                       ["t.yaml:8:13: error LAB004: invalid outside.missing: 'a.example.com' is already added under outside.names or listed twice"])
        XCTAssertEqual(errors("outside:\n  nmes: {}\n").first?.contains("LAB001: unknown key 'nmes'"), true)
        XCTAssertEqual(errors("outside: [a.com]\n").filter { $0.contains("LAB003: 'outside' must be a mapping") }.count, 1, "\(errors("outside: [a.com]\n"))")
        XCTAssertEqual(errors("outside:\n  missing: old.corp.com\n").first?.contains("LAB003: 'outside.missing' must be a list of DNS names"), true)
        XCTAssertEqual(errors("outside:\n  names: {a.example.com: {ip: 1.2.3.4}}\n").first?.contains("LAB003"), true)
        // Templates: an unknown parameter, and a value the default variant renders badly.
        XCTAssertEqual(errors("outside:\n  names: {a.example.com: \"{{nope}}\"}\n").first?.contains("LAB008: unknown parameter '{{nope}}'"), true)
        XCTAssertEqual(errors("outside:\n  names: {a.example.com: \"10.0.{{n}}.1\"}\n",
                              extra: "parameters:\n  n: {integer: [1, 300], default: \"300\"}\n"),
                       ["t.yaml:9:26: error LAB004: invalid outside.names.a.example.com: '10.0.300.1' (an IPv4 address such as 203.0.113.7)"])
    }

    func testAVariantValueThatDoesNotParseIsLeftOutNeverTrappedOn() {
        let world = OutsideWorld(names: [.init(name: "a.example.com", addresses: ["10.0.300.1"]),
                                         .init(name: "b.example.com", addresses: ["10.0.0.2"]),
                                         .init(name: "bad_name", addresses: ["10.0.0.3"])],
                                 missing: ["", "ok.example.com"])
        XCTAssertEqual(world.outsideNames.added, ["b.example.com": [IPv4Address(10, 0, 0, 2)]])
        XCTAssertEqual(world.outsideNames.missing, ["ok.example.com"])
    }
}
