import CNMFileSystem
import XCTest
@testable import CNMLabs

/// The lab `w2d1s3-external-load-balancing`, default variant (lbnet, nginx on 8080, HAProxy on 8180),
/// played as a learner would: other moves than the reference solution finish it with full marks
/// (a reload by SIGHUP), and the mistakes a learner makes — a typo in nginx.conf, an edit without a
/// reload, a request without the cookie — hold their step back.
final class ExternalLoadBalancingLabTests: XCTestCase {
    static let nginxConf = """
    cat > nginx.conf <<'EOF'
    events {}
    http {
      upstream app {
        %ALGO%
        server web1:80;
        server web2:80;
      }
      server {
        listen 80;
        location / {
          proxy_pass http://app;
          proxy_set_header X-Forwarded-For $remote_addr;
        }
      }
    }
    EOF
    """

    static let haproxyCfg = """
    cat > haproxy.cfg <<'EOF'
    defaults
      mode http
    frontend web
      bind :80
      default_backend apps
    backend apps
      balance roundrobin
      cookie SERVERID insert indirect nocache
      server w1 web1:80 check cookie w1
      server w2 web2:80 check cookie w2
    EOF
    """

    func lab() throws -> Lab {
        try XCTUnwrap(LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles())
            .first { $0.id == "w2d1s3-external-load-balancing" })
    }

    func failing(_ s: LabSession) -> [String] { s.check().filter { !$0.passed }.map(\.name) }

    func nginx(_ algorithm: String = "") -> String { Self.nginxConf.replacingOccurrences(of: "%ALGO%", with: algorithm) }

    /// Steps 1 to 3: the backends, the file, the running proxy.
    func upToRoundRobin() throws -> LabSession {
        var s = LabSession(lab: try lab())
        for line in ["docker network create lbnet",
                     "docker run -d --name web1 --hostname web1 --network lbnet traefik/whoami",
                     "docker run -d --name web2 --hostname web2 --network lbnet traefik/whoami",
                     nginx(),
                     "docker run -d --name lb --network lbnet -p 8080:80 -v ./nginx.conf:/etc/nginx/nginx.conf:ro nginx",
                     "docker exec lb nginx -t"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 3, "\(failing(s))")
        return s
    }

    /// Steps 4 to 7: round robin, the quiz, failover, the quiz.
    func upToIpHash() throws -> LabSession {
        var s = try upToRoundRobin()
        for line in ["curl -s localhost:8080", "curl -s localhost:8080", "answer lb",
                     "docker stop web2", "curl -s localhost:8080", "curl -s localhost:8080", "docker logs lb",
                     "answer 0"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 7, "\(failing(s))")
        return s
    }

    func testOtherMovesThanTheSolutionFinishWithFullMarks() throws {
        var s = try upToIpHash()
        for line in ["docker start web2", nginx("ip_hash;"), "docker kill -s HUP lb",
                     Self.haproxyCfg,
                     "docker run -d --name hap --network lbnet -p 8180:80 -v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro haproxy",
                     "curl -si localhost:8180", "curl -s -b SERVERID=w2 localhost:8180",
                     "docker stop web2", "sleep 10", "curl -s -b SERVERID=w2 localhost:8180",
                     "docker start web2", "sleep 10", "docker logs hap",
                     "answer 아니요"] { _ = s.input(line) }
        XCTAssertTrue(s.isComplete, "stuck at step \(s.currentStep): \(failing(s))")
        XCTAssertEqual(s.score.earned, s.score.max)
    }

    func testATypoInNginxConfStopsTheProxyAndItsLogSaysWhy() throws {
        var s = LabSession(lab: try lab())
        for line in ["docker network create lbnet",
                     "docker run -d --name web1 --hostname web1 --network lbnet traefik/whoami",
                     "docker run -d --name web2 --hostname web2 --network lbnet traefik/whoami",
                     nginx().replacingOccurrences(of: "server web2:80;", with: "sever web2:80;")] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 2, "the file still names web1, web2 and proxy_pass")
        _ = s.input("docker run -d --name lb --network lbnet -p 8080:80 -v ./nginx.conf:/etc/nginx/nginx.conf:ro nginx")
        XCTAssertTrue(failing(s).contains("lb-running"), "\(failing(s))")
        let logs = s.input("docker logs lb")
        let text = logs.output.stdout + logs.output.stderr
        XCTAssertTrue(text.contains("unknown directive \"sever\""), text)
    }

    func testAnEditWithoutAReloadIsNotEnough() throws {
        var s = try upToIpHash()
        _ = s.input("docker start web2")
        _ = s.input(nginx("ip_hash;"))
        XCTAssertEqual(s.currentStep, 7)
        XCTAssertEqual(failing(s), ["reloaded"])
    }

    func testARequestWithoutTheCookieDoesNotShowPersistence() throws {
        var s = try upToIpHash()
        for line in ["docker start web2", nginx("ip_hash;"), "docker exec lb nginx -s reload", Self.haproxyCfg,
                     "docker run -d --name hap --network lbnet -p 8180:80 -v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro haproxy",
                     "curl -si localhost:8180", "curl -s localhost:8180"] { _ = s.input(line) }
        XCTAssertEqual(s.currentStep, 8)
        XCTAssertEqual(failing(s), ["pinned-to-web2"])
    }

    /// whoami echoes the request's headers: a `Hostname: web2` header cannot stand in for web2's
    /// answer (the checks look for whoami's own `Hostname:` line, followed by its `IP:` line).
    func testHeadersAndPathsDoNotFakeWhatTheChecksLookFor() throws {
        var s = try upToRoundRobin()
        _ = s.input("curl -s -H 'Hostname: web2' localhost:8080")   // web1 answers, echoing the header
        _ = s.input("curl -s -H 'Hostname: web2' localhost:8080/x")  // web2 answers: now it counts
        XCTAssertEqual(s.currentStep, 4, "\(failing(s))")
        var t = try upToRoundRobin()
        _ = t.input("curl -s -H 'Hostname: web2' localhost:8080")
        XCTAssertEqual(failing(t), ["saw-web2"])
    }
}
