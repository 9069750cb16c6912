import CNMFileSystem
import XCTest
@testable import CNMLabs

final class ValidatorTests: XCTestCase {
    func testValidLabIsCleanWithMutants() {
        let report = LabValidator.validate(paths: [Fixture.path("valid.yaml")], mutants: true, files: DiskFiles())
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertTrue(report.isClean)
    }

    func testShippedLabsAreCleanWithMutants() {
        let report = LabValidator.validate(paths: [Fixture.labsDirectory.path], mutants: true, files: DiskFiles())
        XCTAssertEqual(report.diagnostics.map { $0.formatted() }, [])
        XCTAssertGreaterThanOrEqual(report.files.count, 3)
        XCTAssertTrue(report.isClean)
    }

    func testStepThatPassesBeforeItsSolution() {
        let report = LabValidator.validate(paths: [Fixture.path("passes-before.yaml")], files: DiskFiles())
        XCTAssertEqual(report.diagnostics.map { $0.formatted() }, [
            Fixture.path("passes-before.yaml") + ":13:9: error LAB021: step 'bridge-exists' already passes before its solution (nothing to do)",
        ])
        XCTAssertFalse(report.isClean)
    }

    func testStepThatFailsAfterItsSolution() {
        let report = LabValidator.validate(paths: [Fixture.path("not-solvable.yaml")], files: DiskFiles())
        XCTAssertEqual(report.diagnostics.map { $0.formatted() }, [
            Fixture.path("not-solvable.yaml") + ":13:9: error LAB022: step 'net' does not pass after its reference solution: "
                + "right-subnet: network testnet: subnet differs (expected subnet=10.9.0.0/24, actual subnet=172.18.0.0/16)",
        ])
    }

    func testStepWithoutHint() {
        let report = LabValidator.validate(paths: [Fixture.path("no-hint.yaml")], files: DiskFiles())
        XCTAssertEqual(report.diagnostics.map { $0.formatted() }, [
            Fixture.path("no-hint.yaml") + ":7:5: error LAB023: step 'net' has no hint",
        ])
    }

    func testMissingLocaleMakesValidationFail() {
        let report = LabValidator.validate(paths: [Fixture.path("missing-locale.yaml")], files: DiskFiles())
        XCTAssertEqual(report.diagnostics.map(\.code), ["LAB010"])
        XCTAssertFalse(report.isClean)
    }

    func testSetupFailureIsReported() {
        let text = Fixture.header("""
        setup:
          - docker network rm nosuchnet
        steps:
          - id: s
            title: {ko: x, en: x}
            text: {ko: x, en: x}
            hints: [{tier: nudge, ko: x, en: x}]
            checks: [{network: {name: a}}]
            solution: [docker network create a]
        """)
        let lab = try! XCTUnwrap(Fixture.decode(text).lab)
        XCTAssertEqual(LabValidator.validate(lab).map { $0.formatted() },
                       ["t.yaml:7:5: error LAB020: setup command failed (exit 1): docker network rm nosuchnet"])
    }

    func testSolutionRefusedByOwnRules() {
        let text = Fixture.header("""
        rules:
          forbid:
            - {pattern: "docker network create*", reason: {ko: 안 됨, en: not here}}
        steps:
          - id: s
            title: {ko: x, en: x}
            text: {ko: x, en: x}
            hints: [{tier: nudge, ko: x, en: x}]
            checks: [{network: {name: a}}]
            solution: [docker network create a]
        """)
        let lab = try! XCTUnwrap(Fixture.decode(text).lab)
        let codes = LabValidator.validate(lab).map(\.code)
        // One error per mistake: the refusal explains why the step cannot pass, so no LAB022 follows it.
        XCTAssertEqual(codes, ["LAB024"])
    }

    func testMutantsCatchAWeakCheck() {
        let clean = LabValidator.validate(paths: [Fixture.path("weak-check.yaml")], mutants: false, files: DiskFiles())
        XCTAssertTrue(clean.isClean, "without --mutants the weak check looks fine")
        let report = LabValidator.validate(paths: [Fixture.path("weak-check.yaml")], mutants: true, files: DiskFiles())
        let accepted = report.diagnostics.filter { $0.code == "LAB030" }.map { $0.text() }
        XCTAssertEqual(accepted, [
            "step 'web': mutant accepted (default bridge instead of appnet in command 1): docker run -d --name web --network bridge nginx",
        ])
        XCTAssertFalse(report.isClean)
    }

    func testMutantGeneratorOperators() {
        let session = LabSession(lab: Fixture.lab("weak-check.yaml"))
        let mutants = MutantGenerator.mutants(of: [
            "docker network create --subnet 10.1.0.0/24 other",
            "docker run -d --name web --network appnet --network-alias www -p 8080:80 nginx",
        ], engine: session.engine)
        let descriptions = mutants.map(\.description)
        XCTAssertTrue(descriptions.contains("drop command 1: docker network create --subnet 10.1.0.0/24 other"))
        XCTAssertTrue(descriptions.contains("default bridge instead of appnet in command 2"))
        XCTAssertTrue(descriptions.contains("network other instead of appnet in command 2"))
        XCTAssertTrue(descriptions.contains("forget alias www in command 2"))
        XCTAssertTrue(descriptions.contains("misspell name 'web' as 'wbe' in command 2"))
        XCTAssertTrue(descriptions.contains("misspell network 'other' as 'othre' in command 1"))
        XCTAssertTrue(descriptions.contains("publish 8081:80 instead of 8080:80 in command 2"))
        XCTAssertTrue(descriptions.contains("publish 8080:81 instead of 8080:80 in command 2"))
        let forgotten = try! XCTUnwrap(mutants.first { $0.description == "forget alias www in command 2" })
        XCTAssertEqual(forgotten.lines[1], "docker run -d --name web --network appnet -p 8080:80 nginx")
    }

    func testUnknownPrerequisiteAndDuplicateLabID() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-labs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: Fixture.path("valid.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "minutes: 5", with: "minutes: 5\nprerequisites: [nope]")
        try text.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try text.write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let codes = LabValidator.validate(paths: [dir.path], files: DiskFiles()).diagnostics.map(\.code)
        XCTAssertEqual(codes, ["LAB013", "LAB007", "LAB013"])
    }

    func testSymlinkOutsideTheFolderIsNotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("evil.yaml").path,
                                                   withDestinationPath: Fixture.path("valid.yaml"))
        let entries = LabCatalog.load(paths: [dir.path], files: DiskFiles())
        XCTAssertEqual(entries.count, 1)
        XCTAssertNil(entries[0].lab)
        XCTAssertEqual(entries[0].diagnostics.map(\.code), ["LAB014"])
    }
}
