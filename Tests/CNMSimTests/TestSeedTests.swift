import XCTest
import CNMSim
import CNMTestSupport

/// The random tests' seed: the test's own unless `CNMLAB_TEST_SEED` gives another, and the line that
/// reproduces a failure.
final class TestSeedTests: XCTestCase {
    func testTheEnvironmentOverridesTheDefaultSeed() {
        XCTAssertEqual(TestSeed.seed(default: 7, environment: [:]), 7)
        XCTAssertEqual(TestSeed.seed(default: 7, environment: ["CNMLAB_TEST_SEED": "1234"]), 1234)
        XCTAssertEqual(TestSeed.seed(default: 7, environment: ["CNMLAB_TEST_SEED": "0x5EED"]), 0x5EED)
        XCTAssertEqual(TestSeed.seed(default: 7, environment: ["CNMLAB_TEST_SEED": " 42 "]), 42)
        XCTAssertEqual(TestSeed.seed(default: 7, environment: ["CNMLAB_TEST_SEED": "seven"]), 7, "an unreadable seed is ignored")
        XCTAssertEqual(TestSeed.seed(default: 7, environment: ["CNMLAB_TEST_SEED": ""]), 7)
    }

    func testTheReproductionLineNamesTheSeedAndTheTest() {
        XCTAssertEqual(TestSeed.reproduction(seed: 99, test: "GoldenTests.testRandomLinesNeverCrash"),
                       "random test GoldenTests.testRandomLinesNeverCrash ran with seed 99; reproduce with: "
                       + "CNMLAB_TEST_SEED=99 swift test --filter GoldenTests/testRandomLinesNeverCrash")
        XCTAssertTrue(TestSeed.reproduction(seed: 1, test: "-[GoldenTests testX]").hasSuffix("--filter GoldenTests/testX"))
    }

    /// The generator is CNMSim's, seeded as given: the same seed draws the same numbers.
    func testTheGeneratorIsTheSimulatorsSeededOne() {
        var a = seededGenerator(default: 5)
        var b = SeededGenerator(seed: TestSeed.seed(default: 5))
        XCTAssertEqual((0..<4).map { _ in a.next() }, (0..<4).map { _ in b.next() })
    }
}
