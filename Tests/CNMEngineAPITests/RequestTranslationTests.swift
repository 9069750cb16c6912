import CNMCommands
import CNMSim
import Foundation
import Testing
@testable import CNMEngineAPI

/// The pieces between the wire and the simulator: JSON as Go reads it, the command lines
/// requests become, and the routes as moby's mux matches them.
struct RequestTranslationTests {
    @Test func goDecoderMessages() {
        func message(_ s: String) -> String? {
            if case .failure(let e) = JSONParser.decodeRequestBody(Array(s.utf8)) { return e.message }
            return nil
        }
        #expect(message("") == "invalid JSON: got EOF while reading request body")
        #expect(message("  \n") == "invalid JSON: got EOF while reading request body")
        #expect(message("[1,") == "invalid JSON: unexpected EOF")
        #expect(message("{\"a\":tru}") == "invalid JSON: invalid character '}' in literal true (expecting 'e')")
        #expect(message("{\"a\" 1}") == "invalid JSON: invalid character '1' after object key")
        #expect(message("{\"a\":1 \"b\":2}") == "invalid JSON: invalid character '\"' after object key:value pair")
        #expect(message("[1 2]") == "invalid JSON: invalid character '2' after array element")
        #expect(message("{1:2}") == "invalid JSON: invalid character '1' looking for beginning of object key string")
        #expect(message("\"a\tb\"") == "invalid JSON: invalid character '\\t' in string literal")
        #expect(message("-x") == "invalid JSON: invalid character 'x' in numeric literal")
        #expect(message("{} {}") == "unexpected content after JSON")
        #expect(message("{} ]") == nil)
        #expect(message("{\"a\":\"\\u00e9\\ud83d\\ude00\"}") == nil)
        if case .success(let v) = JSONParser.decodeRequestBody(Array("{\"a\":\"\\u00e9\\ud83d\\ude00\"}".utf8)) {
            #expect(v["a"] == .string("é😀"))
        }
        if case .success(let v) = JSONParser.decodeRequestBody(Array("{\"Name\":\"\\u00e9\\ud83d\\ude00\",\"name\":\"x\"}".utf8)) {
            // Go: keys match the field case-insensitively, the last one wins.
            #expect(v["Name"] == .string("x"))
            #expect(v["NAME"] == .string("x"))
        } else {
            Issue.record("valid JSON refused")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        if case .success = JSONParser.decodeRequestBody(Array(deep.utf8)) { Issue.record("accepted 100000 levels") }
    }

    @Test func linesQuoteWhatTheShellWouldSplit() {
        let words = ["docker", "run", "--label", "a b=c'd", "--env", "X=$HOME", "busybox", "sh", "-c", "echo hi; exit 3", "", "{{.Name}}"]
        let line = CommandLineText.join(words)
        #expect(line == "docker run --label 'a b=c'\\''d' --env 'X=$HOME' busybox sh -c 'echo hi; exit 3' '' '{{.Name}}'")
        guard case .complete(let parsed) = ShellLine.parse(bytes: Array(line.utf8)) else {
            Issue.record("line does not parse")
            return
        }
        #expect(parsed.items.count == 1)
    }

    @Test func networkCreateBecomesTheCLILine() throws {
        let body = """
        {"Name":"mynet","Driver":"bridge","Scope":"","IPAM":{"Driver":"default","Options":{},"Config":[{"Subnet":"10.10.0.0/24","Gateway":"10.10.0.1","IPRange":"10.10.0.128/25"}]},\
        "Internal":true,"Attachable":false,"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":{"com.docker.network.bridge.enable_icc":"false"},"Labels":{"env":"test"}}
        """
        guard case .success(let v) = JSONParser.decodeRequestBody(Array(body.utf8)) else { Issue.record("bad fixture"); return }
        let words = try Router.networkCreateWords(JSONFields(v, typeName: "CreateRequest"))
        #expect(CommandLineText.join(words) == "docker network create --internal --subnet 10.10.0.0/24 --ip-range 10.10.0.128/25 --gateway 10.10.0.1 --opt com.docker.network.bridge.enable_icc=false --label env=test mynet")
    }

    @Test func containerCreateBecomesTheCLILine() throws {
        // What docker 28.2.2 sends for `docker run -d --name web --network mynet --network-alias api -p 8080:80 -e A=1 nginx`.
        let body = """
        {"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"ExposedPorts":{"80/tcp":{}},\
        "Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["A=1"],"Cmd":null,"Image":"nginx","Volumes":null,"WorkingDir":"","Entrypoint":null,\
        "OnBuild":null,"Labels":{},"HostConfig":{"Binds":null,"NetworkMode":"mynet","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},\
        "RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"Links":null},\
        "NetworkingConfig":{"EndpointsConfig":{"mynet":{"IPAMConfig":null,"Links":null,"Aliases":["api"],"MacAddress":"","DriverOpts":null}}}}
        """
        guard case .success(let v) = JSONParser.decodeRequestBody(Array(body.utf8)) else { Issue.record("bad fixture"); return }
        let words = try ContainerCreateWords.words(name: "web", JSONFields(v, typeName: "CreateConfig"))
        #expect(CommandLineText.join(words) == "docker create --name web --env A=1 --publish 8080:80/tcp --network mynet --network-alias api nginx")
    }

    @Test func routesMatchAsMobysMux() {
        #expect(Router.match(["networks", "{}", "connect"], ["networks", "x", "connect"]) == ["x"])
        #expect(Router.match(["networks", "{}"], ["networks", ""]) == nil)
        #expect(Router.match(["images", "{*}", "json"], ["images", "library", "nginx", "json"]) == ["library/nginx"])
        #expect(Router.match(["images", "{*}", "json"], ["images", "json"]) == nil)
        let r = APIRequest(method: "GET", uri: "/v1.41/networks/my%20net?filters=%7B%22a%22%3A%7B%22b%22%3Atrue%7D%7D&all=1")
        #expect(r.version == "1.41")
        #expect(r.path == "/networks/my net")
        #expect(r.query("filters") == "{\"a\":{\"b\":true}}")
        #expect(r.flag("all"))
        #expect(!APIRequest(method: "GET", uri: "/_ping").versioned)
        #expect(APIRequest(method: "GET", uri: "/vx/_ping").path == "/vx/_ping")
    }

    /// Each change a client makes is one line; the world after them equals the world after typing them.
    @Test func equivalentLinesRebuildTheSameWorld() throws {
        let lines = LineLog()
        let host = SimulatorHost(simulator: Simulator(seed: 5)) { line, _ in lines.add(line) }
        let router = Router(host: host, state: EngineState(seed: 5), pool: .singleton)
        _ = router.handle(APIRequest(method: "HEAD", uri: "/_ping"))
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/networks/create", headers: [("Content-Type", "application/json")],
                                         body: Array("{\"Name\":\"app\"}".utf8))).status == 201)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/create?name=web", headers: [("Content-Type", "application/json")],
                                         body: Array("{\"Image\":\"nginx\",\"HostConfig\":{\"NetworkMode\":\"app\"}}".utf8))).status == 201)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/web/start")).status == 204)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/web/start")).status == 304)
        #expect(lines.all == ["docker network create app", "docker create --name web --network app nginx", "docker start web", "docker start web"])
        var replay = Simulator(seed: 5)
        replay.secondsPerLine = 0
        for k in replay.cluster.machines.indices { replay.cluster.machines[k].engine.advance(seconds: 2) }
        for line in lines.all { _ = replay.run(line: line) }
        let a = host.snapshot.engine, b = replay.engine
        #expect(a.allContainers.map(\.id) == b.allContainers.map(\.id))
        #expect(a.allNetworks.map(\.id) == b.allNetworks.map(\.id))
        #expect(a.clock == b.clock)
        #expect(EngineAPIBodies.containerInspect(a.allContainers[0], engine: a) == EngineAPIBodies.containerInspect(b.allContainers[0], engine: b))
    }
}

final class LineLog: @unchecked Sendable {
    private let lock = NSLockish()
    private var lines: [String] = []
    func add(_ l: String) { lock.run { lines.append(l) } }
    var all: [String] { lock.run { lines } }
}

/// A tiny lock (tests only).
final class NSLockish: @unchecked Sendable {
    private var m = pthread_mutex_t()
    init() { pthread_mutex_init(&m, nil) }
    func run<T>(_ body: () -> T) -> T { pthread_mutex_lock(&m); defer { pthread_mutex_unlock(&m) }; return body() }
}

/// Renderer fixes the differential test led to, checked without the docker CLI.
struct RendererRegressionTests {
    @Test func terminalOutputIsOneStreamWithCRLF() {
        var sim = Simulator(seed: 1)
        _ = sim.run(line: "docker run -d --name web busybox sleep 1000")
        let plain = sim.run(line: "docker exec web ping -c 1 nosuch")
        #expect(plain.stdout == "" && plain.stderr == "ping: bad address 'nosuch'\n")
        let tty = sim.run(line: "docker exec -t web ping -c 1 nosuch")
        #expect(tty.stdout == "ping: bad address 'nosuch'\r\n" && tty.stderr == "" && tty.exitCode == 1)
        let run = sim.run(line: "docker run -t --rm busybox echo hi")
        #expect(run.stdout == "hi\r\n")
    }

    @Test func restartRunsACommandThatEndsAgain() {
        var sim = Simulator(seed: 1)
        _ = sim.run(line: "docker run --name once busybox echo hi")
        #expect(sim.run(line: "docker restart once").stdout == "once\n")
        #expect(sim.engine.findContainer("once").successValue?.state == .exited(code: 0))
    }

    @Test func createReturnsDaemonErrorsAsTheyCame() {
        var sim = Simulator(seed: 1)
        _ = sim.run(line: "docker create --name db nginx")
        let again = sim.run(line: "docker create --name db nginx")
        #expect(again.exitCode == 1)
        #expect(again.stderr.hasPrefix("Error response from daemon: Conflict. The container name \"/db\" is already in use"))
        #expect(!again.stderr.contains("--help"))
        let run = sim.run(line: "docker run --name db nginx")
        #expect(run.exitCode == 125 && run.stderr.hasPrefix("docker: Error response from daemon: Conflict."))
    }

    @Test func forcedRemovalOfAMissingContainerPrintsTheErrorAndSucceeds() {
        var sim = Simulator(seed: 1)
        let out = sim.run(line: "docker rm -f nosuch")
        #expect(out.exitCode == 0 && out.stderr == "Error response from daemon: No such container: nosuch\n")
    }

    @Test func autoRemoveContainerThatFailsToStartIsRemoved() {
        var sim = Simulator(seed: 1)
        let out = sim.run(line: "docker run --rm --name x busybox nosuchcommand")
        #expect(out.exitCode == 127)
        #expect(sim.engine.findContainer("x").successValue == nil)
    }
}

/// The long poll and attach bookkeeping behind `docker run`, driven through the router.
struct ForegroundRunTests {
    final class Collected: @unchecked Sendable {
        private let lock = NSLockish()
        private var bytes: [UInt8] = []
        private var ended = false
        func add(_ e: ByteStream.Event) {
            lock.run {
                switch e {
                case .bytes(let b): bytes += b
                case .end: ended = true
                }
            }
        }
        var text: String { lock.run { String(decoding: bytes, as: UTF8.self) } }
        var finished: Bool { lock.run { ended } }
    }

    func collect(_ response: APIResponse) -> Collected? {
        let c = Collected()
        switch response {
        case .stream(_, _, let s): s.bind { c.add($0) }
        case .hijack(let h): h.output.bind { c.add($0) }
        default: return nil
        }
        return c
    }

    func json(_ text: String) -> [(String, String)] { [("Content-Type", "application/json")] }

    /// `docker run -it --rm busybox sh`: the shell keeps running (its output is not simulated), so the
    /// attached stream ends with cnmlab's note and the run's wait — even for removal — ends at once.
    @Test func aForegroundRunOfALongProcessEndsWithTheNote() throws {
        let router = Router(host: SimulatorHost(simulator: Simulator(seed: 3)), state: EngineState(seed: 3), pool: .singleton)
        let body = "{\"Image\":\"busybox\",\"Cmd\":[\"sh\"],\"Tty\":true,\"OpenStdin\":true,\"HostConfig\":{\"AutoRemove\":true}}"
        let created = router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/create?name=it", headers: json(body), body: Array(body.utf8)))
        #expect(created.status == 201)
        let attach = try #require(collect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/it/attach?stream=1&stdin=1&stdout=1&stderr=1"))))
        let wait = try #require(collect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/it/wait?condition=removed"))))
        #expect(!wait.finished)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/it/start")).status == 204)
        #expect(attach.finished && attach.text.hasSuffix("(use -d)\r\n"))
        #expect(wait.finished && wait.text == "{\"StatusCode\":0}\n")
    }

    /// `docker run --rm busybox echo hi`: output on the attached stream, framed; the wait gives the exit code after removal.
    @Test func aForegroundRunOfACommandThatEnds() throws {
        let host = SimulatorHost(simulator: Simulator(seed: 3))
        let router = Router(host: host, state: EngineState(seed: 3), pool: .singleton)
        let body = "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo hi; false\"],\"HostConfig\":{\"AutoRemove\":true}}"
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/create?name=once", headers: json(body), body: Array(body.utf8))).status == 201)
        let attach = try #require(collect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/once/attach?stream=1&stdout=1&stderr=1"))))
        let wait = try #require(collect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/once/wait?condition=removed"))))
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/once/start")).status == 204)
        #expect(attach.finished && Array(attach.text.utf8) == StdCopy.frame(StdCopy.stdout, Array("hi\n".utf8)))
        #expect(wait.finished && wait.text == "{\"StatusCode\":1}\n")
        #expect(host.snapshot.engine.containers.isEmpty)
        #expect(Router.crlf("a\nb\r\nc\n") == "a\r\nb\r\nc\r\n")
    }
}

/// Seeded random requests — routes, versions, queries and JSON bodies with fields of every kind —
/// never crash the engine and always get an HTTP status moby uses.
struct RequestFuzzTests {
    @Test func randomRequestsAreAnswered() {
        var g = CommandSequence.Generator(seed: 99)
        let router = Router(host: SimulatorHost(simulator: Simulator(seed: 9)), state: EngineState(seed: 9), pool: .singleton)
        let paths = ["/networks/create", "/networks/x", "/networks/x/connect", "/networks/x/disconnect", "/networks/prune",
                     "/containers/create?name=c", "/containers/c/start", "/containers/c/stop?t=x", "/containers/c/wait?condition=bogus",
                     "/containers/c/exec", "/exec/x/start", "/containers/json?filters=%7Bx", "/networks?filters=%5B%5D",
                     "/swarm/init", "/services/create", "/services/x/update", "/images/create?fromImage=", "/events?since=abc",
                     "/containers/c/attach", "/containers/c?force=1", "/tasks?filters=%7B%22node%22%3A%7B%22nope%22%3Atrue%7D%7D"]
        let keys = ["Name", "Image", "Cmd", "HostConfig", "NetworkingConfig", "EndpointsConfig", "PortBindings", "IPAM", "Config",
                    "Subnet", "Container", "EndpointConfig", "Aliases", "Mode", "Replicated", "Replicas", "TaskTemplate",
                    "ContainerSpec", "Env", "Labels", "Internal", "AutoRemove", "NetworkMode", "ExposedPorts", "Tty", "Detach"]
        func value(_ depth: Int) -> String {
            switch g.int(depth > 2 ? 5 : 8) {
            case 0: return "null"
            case 1: return g.chance(50) ? "true" : "false"
            case 2: return g.pick(["0", "-1", "18446744073709551616", "1.5", "80", "99999999999999999999"])
            case 3: return JSONText.quote(g.pick(["", "x", "nginx", "busybox", "80/tcp", "10.0.0.0/8", "bridge", "c", "host", "a b", "é"]))
            case 4: return "\"" + String(repeating: "z", count: g.int(300)) + "\""
            case 5: return "[" + (0..<g.int(3)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            default: return "{" + (0..<g.int(4)).map { _ in JSONText.quote(g.pick(keys)) + ":" + value(depth + 1) }.joined(separator: ",") + "}"
            }
        }
        var statuses: Set<Int> = []
        for _ in 0..<2000 {
            let method = g.pick(["GET", "POST", "DELETE", "HEAD", "PUT"])
            let version = g.pick(["/v1.50", "/v1.24", "/v1.12", "/v9.9", "", "/v1.41"])
            let body = g.chance(80) ? value(0) : String(value(0).dropLast())
            let r = router.handle(APIRequest(method: method, uri: version + g.pick(paths), headers: [("Content-Type", "application/json")],
                                             body: Array(body.utf8)))
            statuses.insert(r.status)
        }
        #expect(statuses.isSubset(of: [101, 200, 201, 204, 304, 400, 403, 404, 409, 413, 500, 501, 503]), "\(statuses.sorted())")
        #expect(statuses.contains(400) && statuses.contains(404))
    }
}
