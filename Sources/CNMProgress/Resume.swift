import CNMCommands
import CNMLabs
import CNMSim

/// A learner's unfinished attempt and what they typed in it, ready to replay.
public struct ResumePoint: Sendable, Equatable {
    public let learner: Learner
    public let attempt: Attempt
    /// The logged commands in the order they were typed.
    public let commands: [CommandRecord]
}

/// Where a replay first parted from the log.
public struct ReplayMismatch: Sendable, Equatable {
    public let sequence: Int
    public let command: String
    public let recordedHash: String
    public let replayedHash: String
    public let recordedExitCode: Int32
    public let replayedExitCode: Int32

    /// One line for a person.
    public var message: ProgressMessage {
        if recordedExitCode != replayedExitCode {
            return .replayExitMismatch(sequence: sequence, command: command, recorded: recordedExitCode,
                                       now: replayedExitCode)
        }
        return .replayMismatch(sequence: sequence, command: command)
    }
}


/// The world rebuilt from a log.
public struct ReplayResult: Sendable {
    /// The simulator after the last command that matched its record (so a shell can go on from there).
    public let simulator: Simulator
    /// Commands that replayed to their recorded state.
    public let matched: Int
    /// Of those, commands recorded with another form of state hash (an older cnmlab): only their
    /// exit codes could be checked.
    public let unchecked: Int
    /// The first command whose state hash or exit code differs, or nil.
    public let mismatch: ReplayMismatch?

    public var message: ProgressMessage { mismatch?.message ?? .replayMatched(commands: matched) }
}

/// Rebuilds a simulated world by running logged commands again.
///
/// Why: the simulation is deterministic for a seed, so the log is the save game;
/// the state hash of each record proves the rebuilt world is the one the learner
/// left. A mismatch (the lab file or cnmlab changed) stops the replay there.
///
/// A record whose hash is of another canonical form (`StateFingerprint.isOtherForm`: written by
/// a cnmlab whose fingerprint did not cover the whole model) is checked by its exit code alone.
/// A `#` comment's exit code is not compared (older cnmlab logged the previous command's).
public enum Replay {
    /// Replays `commands` on `start` (a lab's prepared simulator, or `Simulator(seed:)`).
    public static func run(_ commands: [CommandRecord], from start: Simulator) -> ReplayResult {
        var cache = FingerprintCache()
        let outcome = run(commands, from: start) { (sim: inout Simulator, line: [UInt8], wantHash: Bool) in
            let out = sim.run(bytes: line)
            return (out.exitCode, wantHash ? StateFingerprint.hash(simulator: sim, cache: &cache) : nil)
        }
        return ReplayResult(simulator: outcome.state, matched: outcome.matched, unchecked: outcome.unchecked,
                            mismatch: outcome.mismatch)
    }

    /// Replays `commands` through any runner (for example a lab session that checks steps as
    /// commands run): `step` runs one line and returns its exit code and, when asked, the state
    /// hash after it. Returns the state after the last matching command, the number matched, how
    /// many of them were checked by exit code only, and the first mismatch.
    public static func run<State>(_ commands: [CommandRecord], from start: State,
                                  step: (inout State, [UInt8], _ wantHash: Bool) -> (exitCode: Int32, stateHash: String?))
        -> (state: State, matched: Int, unchecked: Int, mismatch: ReplayMismatch?) {
        var state = start
        var matched = 0, unchecked = 0
        for record in commands {
            var next = state
            let comparable = StateFingerprint.isComparable(record.stateHash)
            let (exitCode, hash) = step(&next, record.command, comparable)
            let comment = record.command.first(where: { $0 != 32 && $0 != 9 }) == UInt8(ascii: "#")
                && !LabLine(record.commandText).isMarker
            if (comparable && hash != record.stateHash) || (!comment && exitCode != record.exitCode) {
                let mismatch = ReplayMismatch(sequence: record.sequence, command: record.commandText,
                                              recordedHash: record.stateHash, replayedHash: hash ?? "",
                                              recordedExitCode: record.exitCode, replayedExitCode: exitCode)
                return (state, matched, unchecked, mismatch)
            }
            state = next
            matched += 1
            if !comparable { unchecked += 1 }
        }
        return (state, matched, unchecked, nil)
    }

    /// Replays an attempt's log on a fresh `Simulator(seed:hosts:)` with the attempt's seed
    /// (and the LAN's extra machines, when the attempt was made on several).
    public static func run(_ point: ResumePoint, hosts: [HostSpec] = []) -> ReplayResult {
        run(point.commands, from: Simulator(seed: point.attempt.seed, hosts: hosts))
    }

    /// Replays an attempt at `lab` on the lab's prepared simulator for the attempt's learner:
    /// its machines (`hosts:`) built and its setup applied, as when the attempt started.
    public static func run(_ point: ResumePoint, lab: Lab) -> ReplayResult {
        run(point.commands, from: simulator(for: lab, learner: point.learner.name))
    }

    /// The simulator a lab attempt starts from: the learner's variant, the lab's machines, setup applied.
    public static func simulator(for lab: Lab, learner: String?) -> Simulator {
        LabSession(lab: lab, learner: learner).simulator
    }
}

extension ProgressStore {
    /// The learner's latest open attempt (at `labID`, or at any lab) with its commands, or nil.
    public func resumePoint(learner name: String, labID: String? = nil) throws -> ResumePoint? {
        guard let learner = try learner(named: name),
              let attempt = try openAttempt(learner: name, labID: labID) else { return nil }
        return ResumePoint(learner: learner, attempt: attempt, commands: try commands(attempt: attempt.id))
    }
}

/// A simulator whose every command line is logged, with its state hash, and
/// committed before `run` returns.
///
/// Why: `cnmlab shell` and scripted runs record the same way, so any of them can
/// be resumed, exported and verified. If the record cannot be written, the world
/// is put back as it was before the line and the error is thrown: the log and the
/// world never disagree.
public struct RecordedSession: Sendable {
    public let store: ProgressStore
    public let attempt: Attempt
    public private(set) var simulator: Simulator
    /// Commands logged in this attempt so far.
    public private(set) var commandCount: Int
    /// What the last state hash walked (the next one walks only what changed).
    private var cache = FingerprintCache()

    init(store: ProgressStore, attempt: Attempt, simulator: Simulator, commandCount: Int) {
        self.store = store; self.attempt = attempt; self.simulator = simulator; self.commandCount = commandCount
    }

    /// Starts a new attempt on `simulator` (default: a fresh simulator with `seed`).
    public static func start(store: ProgressStore, learner: String, labID: String, labVersion: String,
                             seed: UInt64, stepsTotal: Int? = nil, simulator: Simulator? = nil) throws -> RecordedSession {
        let attempt = try store.startAttempt(learner: learner, labID: labID, labVersion: labVersion, seed: seed,
                                             stepsTotal: stepsTotal)
        return RecordedSession(store: store, attempt: attempt, simulator: simulator ?? Simulator(seed: seed),
                               commandCount: 0)
    }

    /// Continues an open attempt: replays its log on `start` (default: `Simulator(seed:)` with the
    /// attempt's seed). On a mismatch the session goes on from the last matching state, and
    /// the result says where the replay parted.
    public static func resume(store: ProgressStore, point: ResumePoint,
                              from start: Simulator? = nil) -> (RecordedSession, ReplayResult) {
        let result = Replay.run(point.commands, from: start ?? Simulator(seed: point.attempt.seed))
        let session = RecordedSession(store: store, attempt: point.attempt, simulator: result.simulator,
                                      commandCount: point.commands.count)
        return (session, result)
    }

    /// Runs one command line and commits its record (command, exit code, state hash).
    /// A blank line changes nothing and is not logged.
    public mutating func run(bytes: [UInt8]) throws -> CommandOutput {
        let before = simulator
        let out = simulator.run(bytes: bytes)
        if isBlank(bytes) { return out }
        do {
            try store.recordCommand(attempt: attempt.id, command: bytes, exitCode: out.exitCode,
                                    stateHash: StateFingerprint.hash(simulator: simulator, cache: &cache))
        } catch {
            simulator = before
            throw error
        }
        commandCount += 1
        return out
    }

    /// Runs one command line given as text.
    public mutating func run(line: String) throws -> CommandOutput { try run(bytes: Array(line.utf8)) }
}

extension RecordedSession {
    /// Continues after a mismatch: closes the old attempt as abandoned and starts a new one
    /// at the same lab and seed that re-records the commands that still replay as before
    /// (`result.matched` of them). The learner goes on from there, e.g. to redo the step.
    public static func restart(store: ProgressStore, point: ResumePoint, result: ReplayResult,
                               from start: Simulator? = nil) throws -> RecordedSession {
        try store.abandonAttempt(point.attempt.id)
        let learner = point.learner.name
        var session = try RecordedSession.start(store: store, learner: learner, labID: point.attempt.labID,
                                                labVersion: point.attempt.labVersion, seed: point.attempt.seed,
                                                stepsTotal: point.attempt.stepsTotal, simulator: start)
        for record in point.commands.prefix(result.matched) {
            _ = try session.run(bytes: record.command)
        }
        return session
    }
}

/// Whether a line holds only spaces, tabs and carriage returns (nothing to log).
func isBlank<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
}
