import XCTest
@testable import CNMCommands

/// `ss -ltn` and `netstat -tln` list the sockets Docker binds for published ports.
final class SocketsTests: XCTestCase {
    func testPublishedPortsAppearAsListeningSockets() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "ss -ltn").stdout, "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n")
        _ = sim.run(line: "docker run -d -p 8080:80 --name a nginx")
        _ = sim.run(line: "docker run -d -p 127.0.0.1:9000:80 --name b nginx")
        XCTAssertEqual(sim.run(line: "ss -ltn").stdout, """
            State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
            LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \("")
            LISTEN 0      4096       127.0.0.1:9000      0.0.0.0:*          \("")
            LISTEN 0      4096            [::]:8080         [::]:*   \("")

            """)
        XCTAssertEqual(sim.run(line: "netstat -tln").stdout, """
            Active Internet connections (only servers)
            Proto Recv-Q Send-Q Local Address           Foreign Address         State      \("")
            tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     \("")
            tcp        0      0 127.0.0.1:9000          0.0.0.0:*               LISTEN     \("")
            tcp6       0      0 :::8080                 :::*                    LISTEN     \("")

            """)
        _ = sim.run(line: "docker stop a")
        XCTAssertFalse(sim.run(line: "ss -ltn").stdout.contains(":8080"), "a stopped container's ports are released")
    }

    func testOtherFormsSayTheyAreNotSimulated() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "ss -a").exitCode, 127)
        XCTAssertEqual(sim.run(line: "docker run -d --network host --name r redis").exitCode, 0)
        XCTAssertEqual(sim.run(line: "ss -ltn").exitCode, 127, "redis's own listener on the host network is not modelled")
    }
}
