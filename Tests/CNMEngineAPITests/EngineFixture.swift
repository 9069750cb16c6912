import CNMCommands
import Foundation
@testable import CNMEngineAPI

/// An engine served from this test process on a private socket, and the real docker CLI pointed at it.
final class EngineFixture {
    let dir: String
    let socket: String
    let server: EngineServer
    let host: SimulatorHost

    init(seed: UInt64, simulator: Simulator? = nil) throws {
        dir = Spawn.temporaryDirectory("engine")
        socket = dir + "/docker.sock"
        try? FileManager.default.createDirectory(atPath: dir + "/config", withIntermediateDirectories: true)
        host = SimulatorHost(simulator: simulator ?? Simulator(seed: seed))
        server = EngineServer(host: host, socketPath: socket, seed: seed)
        try server.start()
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    var environment: [String: String] {
        ["DOCKER_HOST": "unix://" + socket, "DOCKER_CONFIG": dir + "/config", "TZ": "UTC",
         "DOCKER_CLI_HINTS": "false", "NO_COLOR": "1", "DOCKER_API_VERSION": ""]
    }

    /// Runs the real docker CLI with `args` (bounded; SIGKILL after the deadline, as the CLI ignores SIGTERM).
    func docker(_ args: [String], stdin: String = "", timeout: Double = 15) -> Spawn.Result {
        Spawn.run(["docker"] + args, environment: environment, stdin: stdin, timeout: timeout)
    }
}
