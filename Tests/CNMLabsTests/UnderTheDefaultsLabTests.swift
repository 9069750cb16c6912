import CNMFileSystem
import XCTest
@testable import CNMLabs

/// The lab `w2d1s3-under-the-defaults`, default variant (shop on 8080, routed subnet 10.88.0.0/24, MTU
/// 1400, edge at 192.168.1.210), played as a learner would: the right moves finish it with full marks,
/// and the mistakes met while trying it (a network in the default nat mode, an ipvlan container at
/// another address, a piped curl without -s) hold their step back.
final class UnderTheDefaultsLabTests: XCTestCase {
    func lab() throws -> Lab {
        try XCTUnwrap(LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles())
            .first { $0.id == "w2d1s3-under-the-defaults" })
    }

    func failing(_ s: LabSession) -> [String] { s.check().filter { !$0.passed }.map(\.name) }

    /// Steps 1 and 2: FORWARD's policy and docker-proxy.
    func upToRouted() throws -> LabSession {
        var s = LabSession(lab: try lab())
        for line in ["iptables -S FORWARD", "answer DROP",
                     "why cli 192.168.1.100:8080", "answer docker-proxy"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 2)
        return s
    }

    func testTheRightMovesFinishTheLabWithFullMarks() throws {
        var s = try upToRouted()
        for line in ["docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet 10.88.0.0/24 direct",
                     "docker run -d --name api --network direct -p 80 nginx",
                     "ssh remote curl -s http://10.88.0.2 | head -3",
                     "iptables -t nat -S", "answer 아니요",
                     "docker network create -o com.docker.network.driver.mtu=1400 slim",
                     "docker run -d --name tiny --network slim alpine sleep 1d",
                     "ip link show", "answer 1400",
                     "answer 1424",
                     "docker exec cli cat /etc/resolv.conf", "answer options ndots:0",
                     "answer no",
                     "docker network create -d ipvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan",
                     "docker run -d --name edge --network lan --ip 192.168.1.210 alpine sleep 1d",
                     "docker exec edge ip link show eth0", "answer 52:54:00:12:34:56"] {
            _ = s.input(line)
        }
        XCTAssertTrue(s.isComplete, "stuck at step \(s.currentStep): \(failing(s))")
        XCTAssertEqual(s.score.earned, s.score.max)
    }

    func testANetworkInTheDefaultNatModeIsNotTheRoutedOne() throws {
        var s = try upToRouted()
        _ = s.input("docker network create --subnet 10.88.0.0/24 direct")
        _ = s.input("docker run -d --name api --network direct -p 80 nginx")
        XCTAssertEqual(s.currentStep, 2)
        XCTAssertEqual(failing(s), ["routed-network"])
    }

    func testAPipedCurlWithoutDashSPrintsNoPageAndDoesNotCount() throws {
        var s = try upToRouted()
        for line in ["docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet 10.88.0.0/24 direct",
                     "docker run -d --name api --network direct -p 80 nginx",
                     "ssh remote curl http://10.88.0.2 | head -3",
                     "iptables -t nat -S POSTROUTING", "answer no"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 3)
        XCTAssertEqual(failing(s), ["remote-reached-api"])
        _ = s.input("ssh remote curl -s http://10.88.0.2 | head -3")
        _ = s.input("answer no")
        XCTAssertEqual(s.currentStep, 4)
    }

    func testEdgeAtAnotherAddressHoldsTheIpvlanStepBack() throws {
        var s = try upToRouted()
        for line in ["docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet 10.88.0.0/24 direct",
                     "docker run -d --name api --network direct -p 80 nginx",
                     "ssh remote curl -s http://10.88.0.2", "iptables -t nat -S POSTROUTING", "answer no",
                     "docker network create -o com.docker.network.driver.mtu=1400 slim",
                     "docker run -d --name tiny --network slim alpine sleep 1d", "ip link", "answer 1400",
                     "answer 1424", "docker exec cli cat /etc/resolv.conf", "answer ndots:0", "answer 아니요",
                     "docker network create -d ipvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan",
                     "docker run -d --name edge --network lan --ip 192.168.1.230 alpine sleep 1d",
                     "docker exec edge ip link show eth0", "answer 52:54:00:12:34:56"] {
            _ = s.input(line)
        }
        XCTAssertFalse(s.isComplete)
        XCTAssertEqual(s.currentStep, 8)
        XCTAssertEqual(failing(s), ["edge-on-lan"])
    }
}
