import CNMFileSystem
import XCTest
@testable import CNMLabs

/// The labs `w2d1s3-docker-user` and `w2d1s3-troubleshooting-2`, played as learners would: the right
/// moves finish them, and the usual mistakes (a rule that blocks too much, an exception appended after
/// the rule it excepts, a right answer before the work is done, a neighbour rule deleted) hold a step back.
final class DockerUserAndTroubleshootingLabTests: XCTestCase {
    func lab(_ id: String) throws -> Lab {
        try XCTUnwrap(LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()).first { $0.id == id })
    }

    func failing(_ s: LabSession) -> [String] { s.check().filter { !$0.passed }.map(\.name) }

    /// Steps 1 and 2 of the DOCKER-USER lab, default variant (web on 8080, docs on 8181).
    func dockerUserUpToStep3() throws -> LabSession {
        var s = LabSession(lab: try lab("w2d1s3-docker-user"))
        for line in ["docker run -d --name web --network webnet -p 8080:80 nginx",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -p tcp --dport 8080 -j DROP",
                     "why remote host:8080", "answer 80"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 2)
        return s
    }

    func testDockerUserLabFinishesWithConntrackRulesInTheRightPlaces() throws {
        var s = try dockerUserUpToStep3()
        for line in ["iptables -D DOCKER-USER 1",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -p tcp -m conntrack --ctorigdstport 8080 -j DROP",
                     "iptables -I DOCKER-USER -i eth0 -p tcp -m conntrack --ctorigdstport 8181 -j DROP",
                     "iptables -I DOCKER-USER -s 192.168.1.101 -p tcp -m conntrack --ctorigdst 192.168.1.100 --ctorigdstport 8181 -j RETURN",
                     "why host host:8080", "answer no"] { _ = s.input(line) }
        XCTAssertTrue(s.isComplete)
        XCTAssertEqual(s.score.earned, s.score.max)
    }

    func testDropAllOfRemoteOrContainerPort80BlocksDocsToo() throws {
        for rule in ["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -p tcp --dport 80 -j DROP"] {
            var s = try dockerUserUpToStep3()
            _ = s.input("iptables -D DOCKER-USER 1")
            _ = s.input(rule)
            XCTAssertEqual(s.currentStep, 2, rule)
            XCTAssertTrue(failing(s).contains("remote-reaches-docs"), "\(rule): \(failing(s))")
        }
    }

    func testAnExceptionAppendedAfterTheFinalReturnHoldsStep4Back() throws {
        var s = try dockerUserUpToStep3()
        for line in ["iptables -D DOCKER-USER 1",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -p tcp -m conntrack --ctorigdstport 8080 -j DROP",
                     "iptables -A DOCKER-USER -i eth0 -p tcp -m conntrack --ctorigdstport 8181 -j DROP",
                     "iptables -A DOCKER-USER -s 192.168.1.101 -p tcp -m conntrack --ctorigdst 192.168.1.100 --ctorigdstport 8181 -j RETURN"] {
            _ = s.input(line)
        }
        XCTAssertEqual(s.currentStep, 3)
        XCTAssertEqual(failing(s), ["exception-at-top", "remote-blocked-from-docs"],
                       "appended after -j RETURN, the DROP is never reached and the exception is not first")
    }

    func testTroubleshooting2FinishesAndARightAnswerBeforeTheFixDoesNotCompleteTheStep() throws {
        var s = LabSession(lab: try lab("w2d1s3-troubleshooting-2"))
        for line in ["docker logs db", "answer MYSQL_ROOT_PASSWORD", "docker rm db",
                     "docker run -d --name db --network backnet -e MYSQL_ROOT_PASSWORD=secret mysql",
                     "why api db:3306"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 2)
        XCTAssertFalse(s.input("answer backnet").verdict?.correct ?? true, "api is not on backnet yet")
        XCTAssertEqual(s.currentStep, 2)
        for line in ["docker network connect backnet api", "answer backnet",
                     "iptables -Z DOCKER-USER", "ssh remote curl -m 2 http://192.168.1.100:8080",
                     "iptables -L DOCKER-USER -n -v --line-numbers", "answer 2",
                     "iptables -D DOCKER-USER 2",
                     "ssh remote curl -s http://192.168.1.100:8080", "docker logs web", "answer 192.168.1.50"] {
            _ = s.input(line)
        }
        XCTAssertTrue(s.isComplete)
    }

    func testDeletingTheWrongDockerUserRuleKeepsTheLanOutAndIsNamed() throws {
        var s = LabSession(lab: try lab("w2d1s3-troubleshooting-2"))
        for line in ["docker logs db", "answer MYSQL_ROOT_PASSWORD", "docker rm db",
                     "docker run -d --name db --network backnet -e MYSQL_ROOT_PASSWORD=secret mysql",
                     "why api db:3306", "docker network connect backnet api", "answer backnet",
                     "iptables -Z DOCKER-USER", "ssh remote curl -m 2 http://192.168.1.100:8080",
                     "iptables -L DOCKER-USER -n -v --line-numbers", "answer 2",
                     "iptables -D DOCKER-USER 1"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 4)
        XCTAssertEqual(failing(s), ["culprit-gone", "vpn-rule-kept", "lan-reaches-web"])
    }
}
