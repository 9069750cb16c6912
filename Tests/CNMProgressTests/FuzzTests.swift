import Foundation
import XCTest
@testable import CNMProgress
import CNMSim
import CNMTestSupport

/// No database file may crash cnmlab: damaged copies are opened and read; each either works or throws.
final class FuzzTests: XCTestCase {
    func testDamagedCopiesThrowOrWorkButNeverCrash() throws {
        let dir = TempDir()
        let good = dir.file("good.sqlite")
        do {
            let store = try Fixture.store(good)
            var s = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 1)
            for line in Fixture.commands { _ = try s.run(line: line) }
            try store.recordHint(attempt: s.attempt.id, step: "a", tier: 2)
            try store.recordQuizAnswer(attempt: s.attempt.id, question: "q", answer: "x", correct: false)
        }
        let original = try XCTUnwrap(Fixture.bytes(good))
        var rng = seededGenerator(default: 0x9E37_79B9_7F4A_7C15)
        func next() -> Int { Int(truncatingIfNeeded: rng.next() >> 33) }
        var refused = 0, opened = 0
        for round in 0..<60 {
            var bytes = original
            for _ in 0..<(1 + next() % 8) {
                // Mostly inside page 1 (header and schema), sometimes anywhere.
                let limit = round % 3 == 0 ? bytes.count : min(bytes.count, 4096)
                bytes[next() % limit] = UInt8(truncatingIfNeeded: next())
            }
            let path = dir.file("fuzz\(round).sqlite")
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                let store = try ProgressStore(path: path, mode: .readOnly)
                _ = try? store.labProgress()
                _ = try? store.verifyChain()
                _ = try? store.transcript(learner: "ana", labID: "l")
                if let point = try? store.resumePoint(learner: "ana") { _ = Replay.run(point) }
                opened += 1
            } catch {
                XCTAssertTrue(error is ProgressError, "round \(round): \(error)")
                refused += 1
            }
        }
        print("fuzz: \(refused) refused, \(opened) opened")
        XCTAssertEqual(refused + opened, 60)
        XCTAssertGreaterThan(refused, 0, "some damage must be detected")
    }
}
