import ArgumentParser
import CNMCommands
import CNMEngineAPI
import CNMLabs
import CNMShell
import CNMSim
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `cnmlab engine`: serves the Docker Engine API on a unix socket over a fresh simulated
/// host, so the real docker CLI (or docker-py) can drive it from another terminal.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: HelpLanguage.text(ko: "시뮬레이션한 Docker 호스트의 Docker Engine API를 유닉스 소켓으로 제공합니다.", en: "Serve the Docker Engine API for a simulated Docker host on a unix socket."),
        discussion: HelpLanguage.text(ko: """
            출력되는 DOCKER_HOST 줄로 docker 클라이언트가 이 엔진을 가리키게 하세요. 클라이언트가 \
            바꾸는 것은 모두 같은 뜻의 명령 줄로 실행되고, 실행될 때 '$ ' 뒤에 출력됩니다 (--quiet: \
            출력하지 않음). 같은 시드는 'cnmlab sim'과 같은 ID를 줍니다. Ctrl-C는 엔진을 멈추고 \
            소켓을 지웁니다. docs/engine-api.md를 보세요.
            """, en: """
            Point a docker client at it with the printed DOCKER_HOST line. Every change a client \
            makes runs as the equivalent command line, printed after '$ ' as it runs (--quiet: not \
            printed). The same seed gives the same IDs as 'cnmlab sim'. Ctrl-C stops the engine and \
            removes the socket. See docs/engine-api.md.
            """)
    )

    @Option(help: HelpLanguage.help(ko: "소켓 경로 (기본값: $XDG_RUNTIME_DIR/cnmlab-docker.sock, 또는 /tmp/cnmlab-UID.sock).", en: "Socket path (default: $XDG_RUNTIME_DIR/cnmlab-docker.sock, or /tmp/cnmlab-UID.sock)."))
    var socket: String?

    @Option(help: HelpLanguage.help(ko: "ID, MAC 주소, 무작위 포트를 만드는 시드.", en: "Seed for IDs, MAC addresses and random ports."))
    var seed: UInt64 = 0

    @Flag(help: HelpLanguage.help(ko: "과정에서 쓰는 추가 머신 manager1, worker1, worker2(192.168.1.101-103)를 LAN에 더합니다.", en: "Add the course's extra machines manager1, worker1 and worker2 (192.168.1.101-103) to the LAN."))
    var hosts = false

    @Option(name: .customLong("host"), help: ArgumentHelp(
        HelpLanguage.text(ko: "LAN에 머신을 더합니다. NAME 또는 NAME=IP (여러 번 쓸 수 있음. --hosts와 함께 쓰면 과정의 세 머신 다음에 옵니다).", en: "Add a machine to the LAN, NAME or NAME=IP (repeatable; with --hosts, after the course's three)."),
        valueName: "name[=ip]"))
    var extraHosts: [String] = []

    @Flag(help: HelpLanguage.help(ko: "엔진이 실행하는 명령 줄을 출력하지 않습니다.", en: "Do not print the command lines the engine runs."))
    var quiet = false

    static func defaultSocket() -> String {
        if let dir = getenv("XDG_RUNTIME_DIR").map({ String(cString: $0) }), !dir.isEmpty {
            return dir + "/cnmlab-docker.sock"
        }
        return "/tmp/cnmlab-\(getuid()).sock"
    }

    func run() throws {
        var machines: [HostSpec] = []
        if hosts || !extraHosts.isEmpty {
            switch HostList.parse((hosts ? Cluster.courseHosts.map(\.name) : []) + extraHosts) {
            case .success(let list): machines = list
            case .failure(let e): throw ValidationError("--host: \(e)")
            }
        }
        var path = socket ?? Self.defaultSocket()
        // The export line is pasted in another terminal, maybe in another folder: make it absolute.
        if !path.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            path = String(cString: cwd) + "/" + path
            free(cwd)
        }
        let quiet = self.quiet
        let host = SimulatorHost(simulator: Simulator(seed: seed, hosts: machines)) { line, out in
            guard !quiet else { return }
            Output.write("$ " + line + (out.exitCode == 0 ? "" : "   # exit \(out.exitCode)") + "\n", to: 1)
        }
        let server = EngineServer(host: host, socketPath: path, seed: seed)
        do {
            try server.start()
        } catch let e as SocketFile.Problem {
            Output.write("cnmlab engine: \(e)\n", to: 2)
            throw ExitCode(1)
        } catch {
            Output.write("cnmlab engine: cannot listen on \(path): \(error)\n", to: 2)
            throw ExitCode(1)
        }
        Output.write("cnmlab engine: Docker Engine API \(EngineVersion.api) for a simulated host (seed \(seed)) on unix://\(path)\n", to: 2)
        Output.write("export DOCKER_HOST=unix://\(path)\n", to: 1)
        let stopper = SignalStopper(server: server)
        stopper.install()
        server.waitUntilClosed()
    }
}

/// Stops the server on SIGINT, SIGTERM and SIGHUP, so the socket file is removed.
final class SignalStopper: @unchecked Sendable {
    let server: EngineServer
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "cnmlab.engine.signals")

    init(server: EngineServer) { self.server = server }

    func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [server] in server.stop() }
            source.resume()
            sources.append(source)
        }
    }
}
