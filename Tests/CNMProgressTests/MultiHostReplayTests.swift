import CNMCommands
import CNMLabs
import CNMSim
import XCTest
@testable import CNMProgress

/// State hashes and replays of labs on several machines; single-machine hashes stay as they were.
final class MultiHostReplayTests: XCTestCase {
    static let join = "docker swarm join --token $(ssh manager1 docker swarm join-token -q worker) 192.168.1.101:2377"

    /// Hashes computed by cnmlab before several machines existed (commit de92525, `hash(engine:)`, seed 7).
    func testSingleMachineHashIsTheHistoricalOne() {
        let lines = [
            "docker network create --subnet 10.10.0.0/24 front",
            "docker run -d --name web --network front -p 8080:80 nginx",
            "docker network create back",
            "docker run -d --name db --network back --network-alias database redis",
            "docker network connect back web",
            "docker stop db",
        ]
        let recorded = [
            "f5892df320df062c731aba58daca9f4558a3204d69002bb1d50723504eb46522",
            "d42e3cab75678f561e47c23d93895b7ce9bad1bda3248695ea17f8aca66a627a",
            "7d7d048db59a3addb3a42c9ba098b7aa896aa483e53a8239db00d83612770dc0",
            "3ce9794e3bbe975ec9b945cc72b99db53e58a2f0abdfc1d0a0a6048efc98b250",
            "0c666613434cc7ccc66c393786fc6564144f1961a3160cd59b5346242f1b160e",
            "6e2405b3d534df2a1948738583300db6f0584f2cb68133cc30ede6ba0e6094d4",
        ]
        var sim = Simulator(seed: 7)
        for (line, hash) in zip(lines, recorded) {
            XCTAssertEqual(sim.run(line: line).exitCode, 0, line)
            XCTAssertEqual(StateFingerprint.hash(simulator: sim), hash, line)
            XCTAssertEqual(StateFingerprint.hash(engine: sim.engine), hash, line)
        }
    }

    func testClusterHashCoversEveryMachineAndTheSwarm() {
        var a = Simulator(seed: 3, hosts: Cluster.courseHosts), b = Simulator(seed: 3, hosts: Cluster.courseHosts)
        let h0 = StateFingerprint.hash(simulator: a)
        XCTAssertNotEqual(h0, StateFingerprint.hash(engine: a.engine), "several machines hash as a cluster")
        XCTAssertTrue(StateFingerprint.canonicalText(cluster: a.cluster).hasPrefix(StateFingerprint.clusterFormatVersion + "\n"))
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
        XCTAssertTrue(text.contains("\nmachine 7:worker2 "), "each machine is named")
        XCTAssertEqual(text.components(separatedBy: "\ntask ").count - 1, 2, "both tasks are in the swarm records")
        let before = StateFingerprint.hash(simulator: a)
        _ = a.run(line: "ssh manager1 docker service scale web=3")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: a), before, "a replica more changes the hash")
    }

    func testOneMachineInASwarmHashesItsStoreToo() {
        var sim = Simulator(seed: 1)
        let engineOnly = { StateFingerprint.hash(engine: sim.engine) }
        XCTAssertEqual(StateFingerprint.hash(simulator: sim), engineOnly())
        _ = sim.run(line: "docker swarm init")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: sim), engineOnly(), "a swarm store is part of the state")
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
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana", labID: lab.id))
        XCTAssertEqual(point.commands.last?.stateHash, finalHash)

        let (resumed, mismatch) = try XCTUnwrap(try LabRecorder.resume(store: store, lab: lab, learner: "ana"))
        XCTAssertNil(mismatch)
        XCTAssertEqual(StateFingerprint.hash(simulator: resumed.session.simulator), finalHash)
        XCTAssertEqual(resumed.session.cluster.machines.map(\.name), ["docker-host", "manager1", "worker1", "worker2"])

        // The plain replay of the same log, on the lab's prepared simulator, arrives at the same world.
        let replay = Replay.run(point, lab: lab)
        XCTAssertNil(replay.mismatch)
        XCTAssertEqual(replay.matched, point.commands.count)
        XCTAssertEqual(StateFingerprint.hash(simulator: replay.simulator), finalHash)
        // Without the lab's machines the first ssh to a worker already parts from the log.
        XCTAssertEqual(Replay.run(point).mismatch?.sequence, point.commands.first?.sequence)
    }
}
