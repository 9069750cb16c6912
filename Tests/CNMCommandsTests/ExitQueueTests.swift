import XCTest
@testable import CNMSim
import CNMCommands

/// `sleep N` processes end in time order through the engine's exit queue, whatever was stopped,
/// removed or restarted in between, and the queue leaves no stale bound behind.
final class ExitQueueTests: XCTestCase {
    func testSleepersEndInTimeOrderAndRemovedOnesAreSkipped() {
        var sim = Simulator(seed: 4)
        sim.secondsPerLine = 0
        for i in 0..<30 { XCTAssertEqual(sim.run(line: "docker run -d --name s\(i) busybox sleep \(30 - i)").exitCode, 0) }
        XCTAssertEqual(sim.run(line: "docker rm -f s3").exitCode, 0)
        XCTAssertEqual(sim.engine.verifyViews(), [])
        XCTAssertEqual(sim.run(line: "sleep 15").exitCode, 0)
        let running = Set(sim.engine.containers.values.filter(\.isRunning).map(\.name))
        // s(i) sleeps 30 - i s from a start moments after s(i-1)'s: the ones still running are the
        // longest sleepers, s0…s(k) (s3 removed), and s15…s29 (15 s or less) have all ended.
        let k = (0..<30).filter { $0 != 3 && running.contains("s\($0)") }.max() ?? -1
        XCTAssertGreaterThanOrEqual(k, 0, "the longest sleepers still run")
        XCTAssertLessThan(k, 15, "every sleep of 15 s or less has ended")
        XCTAssertEqual(running, Set((0...k).filter { $0 != 3 }.map { "s\($0)" }))
        XCTAssertEqual(sim.engine.verifyViews(), [])
        XCTAssertEqual(sim.run(line: "sleep 60").exitCode, 0)
        XCTAssertTrue(sim.engine.containers.values.allSatisfy { !$0.isRunning })
        XCTAssertNil(sim.engine.views.pendingExitBound)
        XCTAssertEqual(sim.engine.views.exitQueue.count, 0)
        // Started again, it sleeps again and ends again.
        XCTAssertEqual(sim.run(line: "docker start s29").exitCode, 0)
        XCTAssertEqual(sim.engine.views.exitQueue.count, 1)
        XCTAssertEqual(sim.run(line: "sleep 5").exitCode, 0)
        XCTAssertEqual(sim.engine.containers.values.filter(\.isRunning).count, 0)
        XCTAssertEqual(sim.engine.verifyViews(), [])
    }

    func testTheQueueGivesEqualTimesInIDOrder() {
        var q = ExitQueue()
        let t = SimTime(nanoseconds: 5)
        for id in ["c", "a", "b"] { q.insert(.init(until: t, id: id)) }
        q.insert(.init(until: SimTime(nanoseconds: 1), id: "z"))
        var order: [String] = []
        while let e = q.removeFirst() { order.append(e.id) }
        XCTAssertEqual(order, ["z", "a", "b", "c"])
    }
}
