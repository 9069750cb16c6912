import CNMCommands
import CNMLabs
import CNMSim
import XCTest
@testable import CNMProgress

/// State hashes and replays of labs on several machines; single-machine hashes stay as they were.
final class MultiHostReplayTests: XCTestCase {
    static let join = "docker swarm join --token $(ssh manager1 docker swarm join-token -q worker) 192.168.1.101:2377"

    static let historicalLines = [
        "docker network create --subnet 10.10.0.0/24 front",
        "docker run -d --name web --network front -p 8080:80 nginx",
        "docker network create back",
        "docker run -d --name db --network back --network-alias database redis",
        "docker network connect back web",
        "docker stop db",
    ]

    /// Hashes of the `cnmlab-state-v1` form (commit de92525, `hash(engine:)`, seed 7): a log that holds
    /// them replays, checked by exit codes, and reports how many lines could not be checked further.
    func testALogWithVersionOneHashesReplaysByExitCodes() throws {
        let recorded = [
            "f5892df320df062c731aba58daca9f4558a3204d69002bb1d50723504eb46522",
            "d42e3cab75678f561e47c23d93895b7ce9bad1bda3248695ea17f8aca66a627a",
            "7d7d048db59a3addb3a42c9ba098b7aa896aa483e53a8239db00d83612770dc0",
            "3ce9794e3bbe975ec9b945cc72b99db53e58a2f0abdfc1d0a0a6048efc98b250",
            "0c666613434cc7ccc66c393786fc6564144f1961a3160cd59b5346242f1b160e",
            "6e2405b3d534df2a1948738583300db6f0584f2cb68133cc30ede6ba0e6094d4",
        ]
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let attempt = try store.startAttempt(learner: "ana", labID: "sandbox", labVersion: "1", seed: 7)
        for (line, hash) in zip(Self.historicalLines, recorded) {
            try store.recordCommand(attempt: attempt.id, command: line, exitCode: 0, stateHash: hash)
        }
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana"))
        let result = Replay.run(point)
        XCTAssertNil(result.mismatch)
        XCTAssertEqual(result.matched, 6)
        XCTAssertEqual(result.unchecked, 6)
        var live = Simulator(seed: 7)
        for line in Self.historicalLines { _ = live.run(line: line) }
        XCTAssertEqual(StateFingerprint.hash(simulator: result.simulator), StateFingerprint.hash(simulator: live))
    }

    /// The canonical form, pinned. If this fails, a model type gained, lost or renamed a stored field
    /// (or the encoding changed): hashes recorded by earlier builds no longer match.
    /// * A derived cache or index added to the model: exclude it (its type conforms to
    ///   `FingerprintExcluded`, or `"Type.field"` goes into `StateFingerprint.excludedFields`); the pin holds again.
    /// * A real change of the model: bump `StateFingerprint.formatVersion` (module CNMSim), so that older
    ///   hashes are checked by exit code instead of reported as a changed world, and update the pin.
    func testTheCanonicalFormIsPinned() {
        var sim = Simulator(seed: 7)
        for line in Self.historicalLines + ["iptables -I DOCKER-USER -s 10.9.0.0/16 -j DROP"] {
            XCTAssertEqual(sim.run(line: line).exitCode, 0, line)
        }
        XCTAssertEqual(StateFingerprint.formatVersion, "cnmlab-state-v7")
        XCTAssertEqual(StateFingerprint.hash(simulator: sim), "cnmlab-state-v7:150587c32e26956e1bc9e42138bd7e438e973a90ced0a8efb208d81d0cac0301",
                       "the canonical form changed: exclude a derived cache, or bump the format version (see above)")
    }

    func testClusterHashCoversEveryMachineAndTheSwarm() {
        var a = Simulator(seed: 3, hosts: Cluster.courseHosts), b = Simulator(seed: 3, hosts: Cluster.courseHosts)
        let h0 = StateFingerprint.hash(simulator: a)
        XCTAssertNotEqual(h0, StateFingerprint.hash(engine: a.engine), "several machines hash as a cluster")
        XCTAssertTrue(StateFingerprint.canonicalText(cluster: a.cluster).hasPrefix(StateFingerprint.formatVersion + "\n"))
        _ = a.run(line: "ssh worker1 docker network create x")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: a), h0, "a change on worker1 changes the hash")
        XCTAssertEqual(StateFingerprint.hash(engine: a.engine), StateFingerprint.hash(engine: b.engine), "docker-host did not change")
        _ = b.run(line: "ssh worker1 docker network create x")
        XCTAssertEqual(StateFingerprint.hash(simulator: a), StateFingerprint.hash(simulator: b))
        for line in ["ssh manager1 docker swarm init", "ssh worker2 " + Self.join,
                     "ssh manager1 docker network create -d overlay appnet",
                     "ssh manager1 docker service create --name web --replicas 2 --network appnet nginx"] {
            let before = StateFingerprint.hash(simulator: a)
            XCTAssertEqual(a.run(line: line).exitCode, 0, line)
            _ = b.run(line: line)
            XCTAssertNotEqual(StateFingerprint.hash(simulator: a), before, line)
            XCTAssertEqual(StateFingerprint.hash(simulator: a), StateFingerprint.hash(simulator: b), line)
        }
        let text = StateFingerprint.canonicalText(cluster: a.cluster)
        XCTAssertTrue(text.contains("s7:worker2"), "each machine is named")
        let tasks = a.cluster.swarm?.tasks ?? []
        XCTAssertEqual(tasks.count, 2)
        for t in tasks { XCTAssertTrue(text.contains(t.id), "task \(t.id) is in the swarm store's bytes") }
        let before = StateFingerprint.hash(simulator: a)
        _ = a.run(line: "ssh manager1 docker service scale web=3")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: a), before, "a replica more changes the hash")
    }

    func testOneMachineInASwarmHashesItsStoreToo() {
        var sim = Simulator(seed: 1)
        let before = StateFingerprint.hash(simulator: sim)
        _ = sim.run(line: "docker swarm init")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: sim), before, "a swarm store is part of the state")
    }

    private func lab() throws -> Lab {
        let yaml = """
        id: multi
        version: 1
        title: {ko: 여러 머신, en: Several machines}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        hosts: [manager1, worker1, worker2]
        setup:
          - ssh manager1 docker swarm init
        steps:
          - id: join
            title: {ko: 합류, en: Join}
            text: {ko: 합류하세요, en: Join}
            hints: [{tier: nudge, ko: 힌트, en: a hint}]
            checks: [{swarm: {nodes: 3}}]
            solution:
              - ssh worker1 \(Self.join)
              - ssh worker2 \(Self.join)
          - id: svc
            title: {ko: 서비스, en: Service}
            text: {ko: 서비스, en: Service}
            hints: [{tier: nudge, ko: 힌트, en: a hint}]
            checks: [{service: {name: web, replicas: 3, spread: 3}}]
            solution:
              - ssh manager1 docker network create -d overlay --attachable appnet
              - ssh manager1 docker service create --name web --replicas 3 --network appnet nginx
        """
        let result = LabDecoder.decode(text: yaml, file: "multi.yaml")
        return try XCTUnwrap(result.lab, "\(result.diagnostics)")
    }

    func testReplayOfAMultiHostLabAttemptReproducesTheFingerprint() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let lab = try lab()
        var rec = try LabRecorder.start(store: store, lab: lab, learner: "ana")
        XCTAssertEqual(rec.session.cluster.machines.count, 4)
        for line in LabSession(lab: lab, learner: "ana").solutionTranscript { _ = try rec.input(line) }
        _ = try rec.input("ssh worker1 docker run -d --name client --network appnet busybox sleep 3600")
        XCTAssertTrue(rec.session.isComplete)
        let finalHash = StateFingerprint.hash(simulator: rec.session.simulator)
        let attempt = try XCTUnwrap(rec.recordedAttempt)
        XCTAssertEqual(attempt.status, .finished, "the lab's last step closed the attempt; the last line is practice")
        let commands = try store.commands(attempt: attempt.id)
        XCTAssertEqual(commands.last?.stateHash, finalHash)
        let point = ResumePoint(learner: try XCTUnwrap(try store.learner(named: "ana")), attempt: attempt, commands: commands)

        let replayed = LabRecorder.replay(commands, lab: lab, learner: "ana")
        XCTAssertNil(replayed.mismatch)
        XCTAssertEqual(StateFingerprint.hash(simulator: replayed.state.simulator), finalHash)
        XCTAssertEqual(replayed.state.cluster.machines.map(\.name), ["docker-host", "manager1", "worker1", "worker2"])

        // The plain replay of the same log, on the lab's prepared simulator, arrives at the same world.
        let replay = Replay.run(point, lab: lab)
        XCTAssertNil(replay.mismatch)
        XCTAssertEqual(replay.matched, point.commands.count)
        XCTAssertEqual(StateFingerprint.hash(simulator: replay.simulator), finalHash)
        // Without the lab's machines the first ssh to a worker already parts from the log.
        XCTAssertEqual(Replay.run(point).mismatch?.sequence, point.commands.first?.sequence)
    }
}
