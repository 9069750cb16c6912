import CNMCommands
import CNMSim
import XCTest
@testable import CNMLabs

/// Command-level history: each simple command of a line counts on its own, with its own status.
final class HistoryCheckTests: XCTestCase {
    func testHistoryFailureSaysWhatWasRequiredAndTheNearestMiss() {
        let history = [HistoryEntry(command: "docker ps", exitCode: 0)]
        var ko = CheckEvaluator(engine: Engine(seed: 0), history: history, locale: .ko)
        let any = ko.evaluate(Check(name: "h", kind: .history(HistoryPredicate(pattern: "docker network inspect *", success: .any))))
        XCTAssertFalse(any.passed)
        XCTAssertEqual(any.message, "docker network inspect *에 맞는 명령이 없습니다")
        XCTAssertEqual(any.actual, "마지막 명령: docker ps (종료 코드 0)")
        var en = CheckEvaluator(engine: Engine(seed: 0), history: history, locale: .en)
        let ok = en.evaluate(Check(name: "h", kind: .history(HistoryPredicate(pattern: "docker network inspect *"))))
        XCTAssertEqual(ok.message, "no successful command matches docker network inspect *")
        let failing = en.evaluate(Check(name: "h", kind: .history(HistoryPredicate(pattern: "docker ps", success: .failed))))
        XCTAssertEqual(failing.message, "no failed command matches docker ps")
        XCTAssertEqual(failing.actual, "matching command: docker ps (exit 0)")
    }
}
