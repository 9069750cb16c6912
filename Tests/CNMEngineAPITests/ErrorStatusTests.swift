import CNMCommands
import CNMSim
import Testing
@testable import CNMEngineAPI

/// The Engine API answers a failed command line with the HTTP status of the typed error behind it
/// (`CommandOutput.errors`, `EngineError.Kind.status`), as moby maps its errdefs classes (moby v28.2.2
/// api/server/httpstatus/status.go `FromError`), never by reading the message.
struct ErrorStatusTests {
    /// The status and message the API answers after running `setup`, then `line`.
    func failure(_ line: String, after setup: [String] = [], hosts: Bool = false) -> (Int, String)? {
        var sim = hosts ? Simulator(seed: 1, hosts: Cluster.courseHosts) : Simulator(seed: 1)
        for s in setup { #expect(sim.run(line: s).exitCode == 0, "setup: \(s)") }
        return LineResult(sim.run(line: line)).failure.map { ($0.status, $0.message) }
    }

    @Test func eachErrorClassGivesItsStatus() {
        // NotFound.
        #expect(failure("docker network rm nosuch")?.0 == 404)
        #expect(failure("docker rm nosuch")?.0 == 404)
        // Conflict: libnetwork NetworkNameError.
        #expect(failure("docker network create a", after: ["docker network create a"])! == (409, "network with name a already exists"))
        // Forbidden: daemon PredefinedNetworkError, libnetwork ActiveEndpointsError.
        #expect(failure("docker network rm bridge")?.0 == 403)
        #expect(failure("docker network rm a", after: ["docker network create a", "docker run -d --name w --network a nginx"])?.0 == 403)
        // InvalidParameter: runconfig's network-mode validation errors.
        #expect(failure("docker network connect host w", after: ["docker run -d --name w nginx"])?.0 == 400)
        // Unavailable: the swarm's refusals on a node outside it (daemon/cluster/errors.go notAvailableError).
        #expect(failure("docker service rm web")?.0 == 503)
        #expect(failure("docker swarm leave")?.0 == 503)
        // NotImplemented: what cnmlab does not simulate.
        #expect(LineResult(NotSimulated.feature("docker checkpoint")).failure?.status == 501)
    }

    /// Statuses the text-matching mapping got wrong (each now as moby gives it).
    @Test func statusesTheTextMappingGotWrong() {
        // A plain fmt.Errorf in daemon/container_operations.go: no class, 500 (was 400).
        #expect(failure("docker network disconnect a w", after: ["docker network create a", "docker run -d --name w nginx"])?.0 == 500)
        // "port is already allocated" inside the Internal "driver failed programming external connectivity": 500.
        let port = failure("docker run -d --name b -p 8080:80 nginx", after: ["docker run -d --name a -p 8080:80 nginx"])
        #expect(port?.0 == 500)
        #expect(port?.1.contains("port is already allocated") == true)
        // ipamapi ErrIPAlreadyAllocated is Forbidden: 403 (was 400).
        #expect(failure("docker run -d --name b --network n --ip 10.9.0.5 nginx",
                        after: ["docker network create --subnet 10.9.0.0/24 n", "docker run -d --name a --network n --ip 10.9.0.5 nginx"])?.0 == 403)
    }

    @Test func aDaemonErrorWithoutItsTypeIsA500AndTheCLIsOwnRefusalA400() {
        let untyped = CommandOutput(stderr: "Error response from daemon: No such container: x\n", exitCode: 1)
        #expect(LineResult(untyped).failure?.status == 500, "the text is not read: only the type counts")
        #expect(LineResult(CommandOutput(stderr: "Error response from daemon: x\n", exitCode: 1, errors: [.noSuchContainer("x")])).failure?.status == 404)
        let refused = failure("docker network create")
        #expect(refused?.0 == 400)
        #expect(LineResult(CommandOutput(stdout: "ok\n")).failure == nil)
    }

    /// `GET /containers/{id}/logs`: 501 for a form cnmlab does not simulate (its typed error); logs whose
    /// text says "not simulated" are only logs.
    @Test func logsAnswer501OnlyForWhatIsNotSimulated() {
        let host = SimulatorHost(simulator: Simulator(seed: 5))
        let router = Router(host: host, state: EngineState(seed: 5), pool: .singleton)
        let json = [("Content-Type", "application/json")]
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/create?name=talk", headers: json,
                                         body: Array(#"{"Image":"busybox","Cmd":["echo","cnmlab: this is not simulated"]}"#.utf8))).status == 201)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/talk/start")).status == 204)
        #expect(router.handle(APIRequest(method: "GET", uri: "/v1.50/containers/talk/logs?stdout=1&stderr=1")).status == 200)
        #expect(router.handle(APIRequest(method: "GET", uri: "/v1.50/containers/talk/logs?stdout=1&since=yesterday")).status == 501)
    }

    /// Swarm reads outside a swarm: moby's 503 "not a swarm manager" (daemon/cluster/errors.go), as
    /// docs/engine-api.md says; the engine's refusal was Forbidden, so they answered 403.
    @Test func swarmReadsOutsideASwarmAnswer503() {
        let router = Router(host: SimulatorHost(simulator: Simulator(seed: 5)), state: EngineState(seed: 5), pool: .singleton)
        for path in ["/v1.50/nodes", "/v1.50/services", "/v1.50/tasks"] {
            #expect(router.handle(APIRequest(method: "GET", uri: path)).status == 503, "\(path)")
        }
    }

    @Test func errorsTravelThroughSequencesAndPipelines() {
        var sim = Simulator(seed: 1)
        let out = sim.run(line: "docker network rm nosuch; docker network rm bridge | cat")
        #expect(out.errors.map(\.kind) == [.notFound, .forbidden])
        #expect(LineResult(out).failure?.status == 404)
        #expect(out == CommandOutput(stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode), "equality is what the terminal shows")
    }
}
