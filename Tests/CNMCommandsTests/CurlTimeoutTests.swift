import XCTest
@testable import CNMCommands

final class CurlTimeoutTests: XCTestCase {
    /// The host cannot reach its own macvlan child: ARP fails after about 3 s, unless --max-time fires first.
    func testMaxTimeShorterThanTheArpFailure() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 macnet")
        _ = sim.run(line: "docker run -d --name m --network macnet --ip 192.168.1.200 nginx")
        let short = sim.run(line: "curl -m 2 http://192.168.1.200/")
        XCTAssertEqual(short.stderr, "curl: (28) Connection timed out after 2001 milliseconds\n")
        XCTAssertEqual(short.exitCode, 28)
        let long = sim.run(line: "curl -m 5 http://192.168.1.200/")
        XCTAssertEqual(long.exitCode, 7)
    }
}
