import Foundation
import XCTest
@testable import CNMLabs

/// What the lab format can now say: a rule's place, history output and failure, invariants for
/// the rest of the lab, roles bound for the whole lab; each with validation and mutants.
final class FormatAdditionTests: XCTestCase {
    func lab(_ yaml: String) throws -> Lab {
        let r = Fixture.decode(Fixture.header() + yaml)
        guard let lab = r.lab else { throw NSError(domain: "decode", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(r.diagnostics)"]) }
        return lab
    }

    func grade(_ lab: Lab, _ lines: [String]) -> GradeReport {
        Grader.grade(lab: lab, learner: nil, submission: Submission(lines: lines), limits: .none, audience: .instructor)
    }

    // MARK: iptables place

    func ruleLab(place: String) -> String {
        """
        setup: [iptables -A DOCKER-USER -j RETURN]
        steps:
          - id: drop
            title: {ko: 차단, en: Drop}
            text: {ko: remote를 RETURN 앞에서 막으세요, en: Drop remote before the RETURN}
            hints: [{tier: command, ko: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP, en: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP}]
            checks:
              - name: dropped-first
                iptables: {table: filter, chain: DOCKER-USER, contains: "-s 192.168.1.50/32 -j DROP"\(place)}
            solution: [iptables -I DOCKER-USER -s 192.168.1.50 -j DROP]
        """
    }

    func testARulesPlaceInItsChainIsChecked() throws {
        let lab = try lab(ruleLab(place: ", before: \"-j RETURN\""))
        XCTAssertEqual(grade(lab, ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP"]).steps[0].status, .passed)
        let appended = grade(lab, ["iptables -A DOCKER-USER -s 192.168.1.50 -j DROP"])
        XCTAssertEqual(appended.steps[0].status, .failed)
        XCTAssertEqual(appended.steps[0].checks[0].message,
                       "the rule containing '-s 192.168.1.50/32 -j DROP' is not before the rule containing '-j RETURN'")
        XCTAssertEqual(appended.steps[0].checks[0].actual,
                       "at position 2; 1: -j RETURN | 2: -s 192.168.1.50/32 -j DROP")
        // The decoy of the issue: a DROP in the raw table and a rule elsewhere.
        let decoy = grade(lab, ["iptables -t raw -I PREROUTING -s 192.168.1.50 -j DROP",
                                "iptables -I INPUT -s 192.168.1.50 -j DROP"])
        XCTAssertEqual(decoy.steps[0].status, .failed)
        XCTAssertEqual(decoy.steps[0].checks[0].message, "no rule in filter/DOCKER-USER contains '-s 192.168.1.50/32 -j DROP'")
        let at = try self.lab(ruleLab(place: ", position: 1"))
        XCTAssertEqual(grade(at, ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP"]).steps[0].status, .passed)
        XCTAssertEqual(grade(at, ["iptables -A DOCKER-USER -s 192.168.1.50 -j DROP"]).steps[0].status, .failed)
        let after = try self.lab(ruleLab(place: ", after: \"-j RETURN\""))
        XCTAssertEqual(grade(after, ["iptables -A DOCKER-USER -s 192.168.1.50 -j DROP"]).steps[0].status, .passed)
        let missingAnchor = try self.lab(ruleLab(place: ", before: \"-j LOG\""))
        XCTAssertEqual(grade(missingAnchor, ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP"]).steps[0].checks[0].message,
                       "no rule in filter/DOCKER-USER contains '-j LOG' to place the rule against")
    }

    func testValidateCatchesARuleCheckThatIgnoresThePlace() throws {
        let strict = try lab(ruleLab(place: ", before: \"-j RETURN\""))
        let (clean, counts) = LabValidator.validateCounting(strict, mutants: true)
        XCTAssertEqual(clean, [])
        XCTAssertGreaterThanOrEqual(counts.tried, 3, "drop, append, raw table")
        XCTAssertEqual(counts.caught, counts.tried)
        let weak = try lab(ruleLab(place: ""))
        let found = LabValidator.validate(weak, mutants: true)
        XCTAssertEqual(found.map(\.code), ["LAB030"])
        XCTAssertEqual(found.first?.text(), "step 'drop': mutant accepted (append the rule (-A) instead of inserting it in command 1): "
                       + "iptables -A DOCKER-USER -s 192.168.1.50 -j DROP")
        XCTAssertEqual(found.first?.position?.line, 15, "at the solution line")
    }

    func testTheRawTableMutantNeedsAChainCheck() throws {
        // Only a reachability check: a DROP in raw/PREROUTING drops the same packets and is accepted.
        let lab = try lab("""
            setup: [docker run -d --name web -p 8080:80 nginx]
            steps:
              - id: drop
                title: {ko: 차단, en: Drop}
                text: {ko: 막으세요, en: Drop remote}
                hints: [{tier: command, ko: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP, en: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP}]
                checks:
                  - unreachable: {from: remote, to: host, port: 8080}
                solution: [iptables -I DOCKER-USER -s 192.168.1.50 -j DROP]
            """)
        let found = LabValidator.validate(lab, mutants: true).map { $0.text() }
        XCTAssertTrue(found.contains { $0.contains("the rule in table raw, chain PREROUTING, instead of filter/DOCKER-USER") }, "\(found)")
    }

    func testPlaceKeysAreValidated() {
        let r = Fixture.decode(Fixture.header() + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks:
                  - iptables: {table: filtr, chain: DOCKER-USER, contains: DROP}
                  - iptables: {chain: DOCKER-USER, contains: DROP, absent: true, before: RETURN}
                  - iptables: {chain: DOCKER-USER, contains: DROP, position: 0}
            """)
        XCTAssertEqual(r.errors.map { $0.formatted() }, [
            "t.yaml:12:27: error LAB004: invalid iptables.table: 'filtr' (one of filter, nat, mangle, raw) — did you mean 'filter'?",
            "t.yaml:13:19: error LAB004: invalid iptables: absent: true cannot be combined with before, after or position",
            "t.yaml:14:66: error LAB004: invalid iptables.position: 0 (at least 1)",
        ])
    }

    // MARK: history

    func testHistoryOutputAndSuccessAreDecodedAndValidated() {
        let r = Fixture.decode(Fixture.header() + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks:
                  - history: {command: "curl*", output: "([unclosed"}
                  - history: {command: "curl*", success: maybe}
            """)
        XCTAssertEqual(r.errors.map(\.code), ["LAB004", "LAB003"])
        XCTAssertEqual(r.errors[1].text(), "'history.success' must be true, false or any")
        XCTAssertEqual(Fixture.lab("remote-curl.yaml").steps[0].checks[0].kind,
                       .history(HistoryPredicate(pattern: "ssh remote curl*192.168.1.100:8080*", output: "Welcome to nginx")))
        XCTAssertEqual(LabValidator.validate(Fixture.lab("remote-curl.yaml"), mutants: true), [])
    }

    // MARK: invariants

    let invariantLab = """
        setup: [docker run -d --name web -p 8080:80 nginx]
        steps:
          - id: block
            title: {ko: 차단, en: Block}
            text: {ko: remote를 막으세요, en: Block remote}
            points: 1
            hints: [{tier: command, ko: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP, en: iptables -I DOCKER-USER -s 192.168.1.50 -j DROP}]
            checks:
              - {name: rule, iptables: {chain: DOCKER-USER, contains: "-s 192.168.1.50/32 -j DROP"}}
            invariants:
              - {name: remote-cut-off, points: 2, unreachable: {from: remote, to: host, port: 8080}}
            solution: [iptables -I DOCKER-USER -s 192.168.1.50 -j DROP]
          - id: api
            title: {ko: api, en: api}
            text: {ko: api를 실행하세요, en: Run api}
            points: 1
            hints: [{tier: command, ko: docker run -d --name api -p 9090:80 nginx, en: docker run -d --name api -p 9090:80 nginx}]
            checks:
              - {name: api, container: {name: api, running: true, published: ["9090:80"]}}
            solution: [docker run -d --name api -p 9090:80 nginx]
        """

    func testAnInvariantHoldsEveryLaterStepBack() throws {
        let lab = try lab(invariantLab)
        XCTAssertEqual(lab.steps.map { $0.checks.map(\.name) }, [["rule", "remote-cut-off"], ["api", "remote-cut-off"]])
        XCTAssertEqual(lab.steps.map(\.maxPoints), [3, 1], "an invariant's points count once")
        XCTAssertEqual(lab.steps[1].checks[1].invariantOf, "block")
        let honest = grade(lab, ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP", "docker run -d --name api -p 9090:80 nginx"])
        XCTAssertTrue(honest.passed)
        XCTAssertEqual(honest.score, 4)
        // Undoing the block in step 2: step 2 does not complete until it holds again.
        let undone = grade(lab, ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP",
                                 "iptables -D DOCKER-USER -s 192.168.1.50 -j DROP",
                                 "docker run -d --name api -p 9090:80 nginx"])
        XCTAssertEqual(undone.steps.map(\.status), [.passed, .failed])
        XCTAssertEqual(undone.steps[1].message, "not complete: remote-cut-off: remote can reach host:8080/tcp")
    }

    func testValidateChecksInvariantsAfterEveryLaterStepAndUndoesTheirStep() throws {
        let good = try lab(invariantLab)
        let (found, counts) = LabValidator.validateCounting(good, mutants: true)
        XCTAssertEqual(found, [])
        XCTAssertGreaterThan(counts.tried, 0)
        // A later solution that breaks the invariant: LAB022 at the invariant.
        let breaking = try lab(invariantLab.replacingOccurrences(
            of: "solution: [docker run -d --name api -p 9090:80 nginx]",
            with: "solution: [iptables -F DOCKER-USER, docker run -d --name api -p 9090:80 nginx]"))
        XCTAssertEqual(LabValidator.validate(breaking).map(\.code), ["LAB022"])
        XCTAssertEqual(MutantGenerator.undo(["docker run -d --name x nginx", "iptables -t nat -I DOCKER 2 -p tcp -j RETURN",
                                             "ssh worker1 docker network connect --alias a net c", "docker stop a b"]),
                       ["docker start a b", "ssh worker1 docker network disconnect net c",
                        "iptables -t nat -D DOCKER -p tcp -j RETURN", "docker rm -f x"])
    }

    func testInvariantsMayUseOnlyLabRoles() {
        let r = Fixture.decode(Fixture.header() + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{network: {bind: N, driver: bridge}}]
                invariants: [{network: {name: $N}}]
            """)
        XCTAssertEqual(r.errors.map(\.code), ["LAB009"])
    }

    // MARK: lab-wide roles

    let rolesLab = """
        roles:
          N: {network: {driver: bridge, user_defined: true}}
          W: {container: {image: nginx, networks: [$N]}}
        steps:
          - id: net
            title: {ko: 네트워크, en: Network}
            text: {ko: 이름은 자유, en: Any name}
            hints: [{tier: command, ko: docker network create shop, en: docker network create shop}]
            checks: [{name: net, network: {name: $N}}]
            solution: [docker network create shop]
          - id: web
            title: {ko: web, en: web}
            text: {ko: 그 네트워크에 nginx, en: nginx on it}
            hints: [{tier: command, ko: docker run -d --network shop nginx, en: docker run -d --network shop nginx}]
            checks: [{name: web, container: {name: $W, running: true}}]
            solution: [docker run -d --name front --network shop nginx]
        """

    func testARoleBoundForTheWholeLab() throws {
        let lab = try lab(rolesLab)
        XCTAssertEqual(lab.roles.map(\.name), ["N", "W"])
        XCTAssertTrue(grade(lab, ["docker network create mine", "docker run -d --name anything --network mine nginx"]).passed)
        let wrongNet = grade(lab, ["docker network create mine", "docker run -d --name anything nginx"])
        XCTAssertEqual(wrongNet.steps[1].checks[0].message, "role W (bound for the whole lab) matches nothing yet")
        XCTAssertEqual(LabValidator.validate(lab, mutants: true), [])
        var s = LabSession(lab: lab)
        XCTAssertEqual(s.check().first?.message, "role N (bound for the whole lab) matches nothing yet")
        _ = s.input("docker network create x")
        XCTAssertEqual(s.currentStep, 1)
    }

    func testRolesAreDecodedStrictly() {
        let r = Fixture.decode(Fixture.header() + """
            roles:
              N: {network: {name: x}}
              M: {volume: {}}
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{network: {bind: N}}, {network: {name: $Q}}]
            """)
        XCTAssertEqual(r.errors.map { $0.formatted() }, [
            "t.yaml:7:17: error LAB004: invalid roles: a role's key binds it: leave out name and bind",
            "t.yaml:8:7: error LAB001: unknown key 'volume' (allowed here: network, container)",
            "t.yaml:8:6: error LAB004: invalid roles.M: give exactly one of network, container",
            "t.yaml:14:31: error LAB004: invalid network.bind: N is bound for the whole lab (roles:); pick another name",
            "t.yaml:14:53: error LAB009: role 'Q' is used before a check binds it",
        ])
    }
}
