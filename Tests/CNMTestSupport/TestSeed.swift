import Foundation
import XCTest
import CNMSim

/// The one source of randomness in cnmlab's tests: CNMSim's `SeededGenerator`, seeded by the test or by
/// `CNMLAB_TEST_SEED`, so that a failing random test can be run again with the very same inputs.
///
/// A test asks for its generator with `seededGenerator(default:)`; when the test fails, the seed it ran
/// with is printed with the line that reproduces the failure:
///
///     CNMLAB_TEST_SEED=1234 swift test --filter GoldenTests/testRandomLinesNeverCrash
public enum TestSeed {
    /// The environment variable that overrides every random test's seed.
    public static let variable = "CNMLAB_TEST_SEED"

    /// The seed a test runs with: `CNMLAB_TEST_SEED` (decimal, or hexadecimal after `0x`) when it is set,
    /// else the test's own default.
    public static func seed(default fallback: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64 {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return fallback }
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) ?? fallback }
        return UInt64(text) ?? fallback
    }

    /// The line printed for a failed test: its seed and how to run it again with it.
    public static func reproduction(seed: UInt64, test: String) -> String {
        "random test \(test) ran with seed \(seed); reproduce with: \(variable)=\(seed) swift test --filter \(filter(test))"
    }

    /// `-[GoldenTests testX]` (Darwin) or `GoldenTests.testX` (Linux) as `swift test --filter` takes it.
    static func filter(_ name: String) -> String {
        var s = name
        s.removeAll { $0 == "-" || $0 == "[" || $0 == "]" }
        return s.replacingOccurrences(of: " ", with: "/").replacingOccurrences(of: ".", with: "/")
    }
}

extension XCTestCase {
    /// This test's generator (see `TestSeed`): the seed is `CNMLAB_TEST_SEED` or `fallback`, and it is
    /// printed if the test fails.
    public func seededGenerator(default fallback: UInt64) -> SeededGenerator {
        let seed = TestSeed.seed(default: fallback)
        let name = self.name
        addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.totalFailureCount > 0 {
                print(TestSeed.reproduction(seed: seed, test: name))
            }
        }
        return SeededGenerator(seed: seed)
    }
}

extension SeededGenerator {
    /// A number in `0..<n` (0 when `n` is not positive), for picking among `n` things.
    public mutating func below(_ n: Int) -> Int { n > 0 ? Int(next() % UInt64(n)) : 0 }
}
