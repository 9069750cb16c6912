import CNMCommands
import Foundation
import XCTest
@testable import CNMEngineAPI
#if canImport(Glibc)
import Glibc
#endif

/// What no well-behaved client sends: moby's status codes and error bodies, clients that
/// vanish mid-stream, many clients at once, and the socket file's life.
final class RobustnessTests: XCTestCase {
    func testUnknownRoutesAnswerAsMobyDoes() throws {
        let f = try EngineFixture(seed: 1)
        for (method, path) in [("GET", "/v1.50/volumes"), ("GET", "/nope"), ("PUT", "/v1.50/networks"), ("DELETE", "/v1.50/_ping")] {
            let c = try XCTUnwrap(RawClient(path: f.socket))
            let r = c.request(method, path)
            XCTAssertEqual(r.status, 404, "\(method) \(path)")
            XCTAssertEqual(r.body, "{\"message\":\"page not found\"}\n")
        }
    }

    func testUnsupportedAPIVersions() throws {
        let f = try EngineFixture(seed: 1)
        let c = try XCTUnwrap(RawClient(path: f.socket))
        let new = c.request("GET", "/v1.51/version")
        XCTAssertEqual(new.status, 400)
        XCTAssertEqual(new.body, "{\"message\":\"client version 1.51 is too new. Maximum supported API version is 1.50\"}\n")
        let old = c.request("GET", "/v1.12/networks")
        XCTAssertEqual(old.status, 400)
        XCTAssertTrue(old.head.lowercased().contains("content-type: text/plain"), old.head)
        XCTAssertEqual(old.body, "client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version\n")
        let lower = c.request("GET", "/v1.41/networks")
        XCTAssertEqual(lower.status, 200)
        XCTAssertTrue(lower.body.contains("\"Name\":\"bridge\""))
        XCTAssertTrue(lower.head.contains("Api-Version: 1.50"), lower.head)
    }

    func testMalformedBodiesGetMobysErrors() throws {
        let f = try EngineFixture(seed: 1)
        let cases: [(String, String)] = [
            ("{", "invalid JSON: unexpected EOF"),
            ("nope", "invalid JSON: invalid character 'o' in literal null (expecting 'u')"),
            ("{\"Name\":1}", "invalid JSON: json: cannot unmarshal number into Go struct field CreateRequest.Name of type string"),
            ("{\"Name\":\"x\",\"Internal\":\"yes\"}", "invalid JSON: json: cannot unmarshal string into Go struct field CreateRequest.Internal of type bool"),
            ("{\"Name\":\"x\"} x", "unexpected content after JSON"),
            ("[1,2]", "invalid JSON: json: cannot unmarshal array into Go value of type network.CreateRequest"),
            ("{\"Name\" \"x\"}", "invalid JSON: invalid character '\"' after object key"),
        ]
        for (body, message) in cases {
            let c = try XCTUnwrap(RawClient(path: f.socket))
            let r = c.request("POST", "/v1.50/networks/create", body: body)
            XCTAssertEqual(r.status, 400, body)
            XCTAssertEqual(r.body, "{\"message\":\(JSONText.quote(message))}\n", body)
        }
        let c = try XCTUnwrap(RawClient(path: f.socket))
        c.send("POST /v1.50/networks/create HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}")
        let r = RawClient.parse(c.read { RawClient.complete($0) })
        XCTAssertEqual(r.status, 400)
        XCTAssertEqual(r.body, "{\"message\":\"unsupported Content-Type header (text/plain): must be 'application/json'\"}\n")
        // Nothing was created by any of them.
        XCTAssertEqual(f.host.snapshot.engine.allNetworks.map(\.name), ["bridge", "host", "none"])
    }

    func testOversizedBodyIsRefusedAndTheEngineGoesOn() throws {
        let f = try EngineFixture(seed: 1)
        let c = try XCTUnwrap(RawClient(path: f.socket))
        let big = "{\"Name\":\"" + String(repeating: "x", count: 2 << 20) + "\"}"
        let r = c.request("POST", "/v1.50/networks/create", body: big)
        XCTAssertEqual(r.status, 413)
        XCTAssertEqual(r.body, "{\"message\":\"http: request body too large\"}\n")
        let d = try XCTUnwrap(RawClient(path: f.socket))
        XCTAssertEqual(d.request("GET", "/_ping").body, "OK")
    }

    func testGarbageIsABadRequest() throws {
        let f = try EngineFixture(seed: 1)
        let c = try XCTUnwrap(RawClient(path: f.socket))
        c.send("NOT HTTP AT ALL\r\n\r\n")
        let r = RawClient.parse(c.read())
        XCTAssertEqual(r.status, 400)
        let d = try XCTUnwrap(RawClient(path: f.socket))
        XCTAssertEqual(d.request("GET", "/_ping").status, 200)
    }

    /// Clients that go away in the middle of a stream, a long poll or a hijack never bring the engine down.
    func testDisconnectsMidStream() throws {
        let f = try EngineFixture(seed: 1)
        let setup = try XCTUnwrap(RawClient(path: f.socket))
        let create = setup.request("POST", "/v1.50/containers/create?name=web", body: "{\"Image\":\"nginx\"}")
        XCTAssertEqual(create.status, 201, create.body)
        XCTAssertEqual(setup.request("POST", "/v1.50/containers/web/start").status, 204)
        do {
            let events = try XCTUnwrap(RawClient(path: f.socket))
            events.send("GET /v1.50/events HTTP/1.1\r\nHost: x\r\n\r\n")
            let waiter = try XCTUnwrap(RawClient(path: f.socket))
            waiter.send("POST /v1.50/containers/web/wait HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            let head = String(decoding: waiter.read { String(decoding: $0, as: UTF8.self).contains("\r\n\r\n") }, as: UTF8.self)
            XCTAssertTrue(head.hasPrefix("HTTP/1.1 200"), head)
            let exec = try XCTUnwrap(RawClient(path: f.socket))
            let e = exec.request("POST", "/v1.50/containers/web/exec", body: "{\"Cmd\":[\"cat\",\"/etc/hosts\"],\"AttachStdout\":true}")
            XCTAssertEqual(e.status, 201)
            let id = try XCTUnwrap(e.body.split(separator: "\"").dropFirst(3).first.map(String.init))
            exec.send("POST /v1.50/exec/\(id)/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: 29\r\n\r\n{\"Detach\":false,\"Tty\":false}\n")
            // All three leave here without reading what is coming.
        }
        usleep(100_000)
        let after = try XCTUnwrap(RawClient(path: f.socket))
        XCTAssertEqual(after.request("POST", "/v1.50/containers/web/stop").status, 204)
        XCTAssertEqual(after.request("GET", "/_ping").status, 200)
        XCTAssertEqual(f.host.snapshot.engine.containers.values.first?.isRunning, false)
    }

    /// The hijacked exec stream: 101, stdcopy frames, end of output, then the final exit code.
    func testExecHijackFramesAndExitCode() throws {
        let f = try EngineFixture(seed: 1)
        let c = try XCTUnwrap(RawClient(path: f.socket))
        XCTAssertEqual(c.request("POST", "/v1.50/containers/create?name=box", body: "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}").status, 201)
        XCTAssertEqual(c.request("POST", "/v1.50/containers/box/start").status, 204)
        let e = c.request("POST", "/v1.50/containers/box/exec", body: "{\"Cmd\":[\"ping\",\"-c\",\"1\",\"nosuch\"],\"AttachStdout\":true,\"AttachStderr\":true}")
        let id = try XCTUnwrap(e.body.split(separator: "\"").dropFirst(3).first.map(String.init))
        let h = try XCTUnwrap(RawClient(path: f.socket))
        h.send("POST /v1.50/exec/\(id)/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: 29\r\n\r\n{\"Detach\":false,\"Tty\":false}\n")
        shutdown(h.fd, Int32(SHUT_WR))  // as the docker CLI does when it has no standard input
        let raw = h.read()
        let text = String(decoding: raw, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 101 UPGRADED\r\n"), text)
        XCTAssertTrue(text.contains("Content-Type: application/vnd.docker.multiplexed-stream"), text)
        let headEnd = try XCTUnwrap(text.range(of: "\r\n\r\n"))
        let payload = Array(raw[text[..<headEnd.upperBound].utf8.count...])
        let expected = Array("ping: bad address 'nosuch'\n".utf8)
        XCTAssertEqual(payload, StdCopy.frame(StdCopy.stderr, expected))
        let inspect = c.request("GET", "/v1.50/exec/\(id)/json")
        XCTAssertTrue(inspect.body.contains("\"Running\":false,\"ExitCode\":1,"), inspect.body)
        XCTAssertEqual(c.request("GET", "/v1.50/exec/nosuch/json").body, "{\"message\":\"No such exec instance: nosuch\"}\n")
    }

    /// (24 networks: the default address pools hold 31, as dockerd's do.)
    func testConcurrentClientsAreAllServed() throws {
        let f = try EngineFixture(seed: 1)
        let group = DispatchGroup()
        let statuses = Statuses()
        let path = f.socket
        for worker in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                guard let c = RawClient(path: path) else { return }
                for k in 0..<4 {
                    let r = c.request("POST", "/v1.50/networks/create", body: "{\"Name\":\"n\(worker)-\(k)\"}")
                    _ = c.request("GET", "/v1.50/networks")
                    statuses.add(r.status)
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        let all = statuses.all
        XCTAssertEqual(all.count, 24)
        XCTAssertTrue(all.allSatisfy { $0 == 201 }, "\(all)")
        XCTAssertEqual(f.host.snapshot.engine.allNetworks.count, 3 + 24)
    }

    func testSocketIsPrivateAndRemovedOnStop() throws {
        let f = try EngineFixture(seed: 1)
        var st = stat()
        XCTAssertEqual(lstat(f.socket, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFSOCK)
        f.server.stop()
        XCTAssertNotEqual(lstat(f.socket, &st), 0, "socket file left behind")
    }

    func testLiveSocketIsKeptAndStaleSocketReplaced() throws {
        let f = try EngineFixture(seed: 1)
        let second = EngineServer(host: SimulatorHost(simulator: Simulator(seed: 2)), socketPath: f.socket)
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertEqual(error as? SocketFile.Problem, .inUse(f.socket))
        }
        XCTAssertEqual(try XCTUnwrap(RawClient(path: f.socket)).request("GET", "/_ping").status, 200, "the live engine lost its socket")

        // A socket file nobody listens on (an engine that was killed) is replaced.
        let stalePath = f.dir + "/stale.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in for (i, b) in Array(stalePath.utf8).enumerated() { raw[i] = b } }
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        XCTAssertFalse(SocketFile.isListening(stalePath))
        let third = EngineServer(host: SimulatorHost(simulator: Simulator(seed: 3)), socketPath: stalePath)
        XCTAssertNoThrow(try third.start())
        XCTAssertEqual(try XCTUnwrap(RawClient(path: stalePath)).request("GET", "/_ping").status, 200)
        third.stop()

        // Anything that is not a socket is left alone.
        let filePath = f.dir + "/file"
        _ = FileManager.default.createFile(atPath: filePath, contents: Data("keep".utf8))
        XCTAssertThrowsError(try EngineServer(host: SimulatorHost(simulator: Simulator(seed: 4)), socketPath: filePath).start()) { error in
            XCTAssertEqual(error as? SocketFile.Problem, .notASocket(filePath))
        }
        XCTAssertEqual(FileManager.default.contents(atPath: filePath), Data("keep".utf8))
    }
}

final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func add(_ s: Int) { lock.lock(); items.append(s); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return items }
}
