import CNMCommands
import CNMSim
import NIOConcurrencyHelpers

/// The simulated host an Engine API server serves, and the one door to it.
///
/// Every change a client asks for is made by running its equivalent command line
/// (`docker network create …`, `docker start -a web`) through the host, so whoever
/// owns the simulator — `cnmlab engine` alone, or the shell with a lab running — sees,
/// records and checks it like a typed command. Reads look at the simulator as it is.
/// The server calls the host from one worker thread at a time, never from an event loop,
/// so an implementation may block (the shell hands the step to its main loop).
public protocol EngineHost: AnyObject, Sendable {
    /// Runs `body` with exclusive access to the simulated host.
    func withSession<T>(_ body: (any EngineSession) throws -> T) rethrows -> T
}

/// Exclusive access to the simulated host for one API step.
public protocol EngineSession: AnyObject {
    /// The simulator as it is now.
    var simulator: Simulator { get }
    /// Runs a command line as if typed (recorded, checked), and returns what it printed.
    func run(_ line: String) -> CommandOutput
    /// A docker client started a new command (its `HEAD /_ping`): time moves on as between two typed lines.
    func clientCommandStarted()
}

/// The host of `cnmlab engine`: one simulator behind a lock. Time moves when a client
/// pings (each docker CLI command starts with `HEAD /_ping`), not per line, so a
/// `docker run` (create, then start) takes as long as one typed `docker run` in `cnmlab sim`.
public final class SimulatorHost: EngineHost, @unchecked Sendable {
    private let lock = NIOLock()
    private var simulator: Simulator
    private let secondsPerCommand: Int64
    /// Called with every command line the engine runs and its exit code (the engine's log).
    private let log: (@Sendable (String, CommandOutput) -> Void)?

    public init(simulator: Simulator, log: (@Sendable (String, CommandOutput) -> Void)? = nil) {
        var sim = simulator
        secondsPerCommand = sim.secondsPerLine
        sim.secondsPerLine = 0
        self.simulator = sim
        self.log = log
    }

    /// The simulator's state now (a copy).
    public var snapshot: Simulator { lock.withLock { simulator } }

    public func withSession<T>(_ body: (any EngineSession) throws -> T) rethrows -> T {
        try lock.withLock {
            let session = Session(host: self)
            return try body(session)
        }
    }

    private final class Session: EngineSession {
        let host: SimulatorHost
        init(host: SimulatorHost) { self.host = host }

        var simulator: Simulator { host.simulator }

        func run(_ line: String) -> CommandOutput {
            let out = host.simulator.run(line: line)
            host.log?(line, out)
            return out
        }

        func clientCommandStarted() {
            let seconds = host.secondsPerCommand
            for k in host.simulator.cluster.machines.indices {
                host.simulator.cluster.machines[k].engine.advance(seconds: seconds)
            }
        }
    }
}
