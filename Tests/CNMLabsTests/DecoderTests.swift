import CNMFileSystem
import XCTest
@testable import CNMLabs
import CNMSim
import CNMTestSupport

final class DecoderTests: XCTestCase {
    func testValidFixtureDecodes() throws {
        let entry = LabCatalog.read(Fixture.path("valid.yaml"), files: DiskFiles())
        XCTAssertEqual(entry.diagnostics, [])
        let lab = try XCTUnwrap(entry.lab)
        XCTAssertEqual(lab.id, "fixture-valid")
        XCTAssertEqual(lab.place.label, "W2 › D1 › S3 › test")
        XCTAssertEqual(lab.steps.count, 1)
        XCTAssertEqual(lab.steps[0].hints.map(\.tier), [.command])
        XCTAssertEqual(lab.maxPoints, 4)
    }

    func testUnknownKeyHasPositionAndCode() {
        let entry = LabCatalog.read(Fixture.path("unknown-key.yaml"), files: DiskFiles())
        XCTAssertNil(entry.lab)
        XCTAssertEqual(entry.diagnostics.map { $0.formatted() }, [
            Fixture.path("unknown-key.yaml") + ":13:34: error LAB001: unknown key 'drivr' — did you mean 'driver'? (allowed here: name, bind, "
                + "absent, driver, subnet, subnet_within, gateway, internal, attachable, user_defined, options, labels, holds, host)",
        ])
    }

    func testMissingKey() {
        let r = Fixture.decode("id: t\nversion: 1\n")
        XCTAssertNil(r.lab)
        XCTAssertEqual(r.errors.map(\.code), ["LAB002", "LAB002", "LAB002", "LAB002"])
        XCTAssertEqual(r.errors.first?.formatted(), "t.yaml:1:1: error LAB002: missing key 'title'")
    }

    func testWrongType() {
        let r = Fixture.decode("""
        id: t
        version: 1
        title: {ko: 티, en: T}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: many
        steps: []
        """)
        XCTAssertEqual(r.errors.map { $0.formatted() }, [
            "t.yaml:5:10: error LAB003: 'minutes' must be a whole number",
            "t.yaml:6:8: error LAB003: 'steps' must be a non-empty list of steps",
        ])
    }

    func testSyntaxErrorHasLineAndColumn() {
        let r = Fixture.decode("id: t\nversion: [1\n")
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertEqual(r.errors[0].code, "LAB005")
        // At the culprit: the '[' that is never closed, with the fix.
        XCTAssertEqual(r.errors[0].position?.line, 2)
        XCTAssertEqual(r.errors[0].position?.column, 10)
        XCTAssertEqual(r.errors[0].text(), "YAML syntax error: this '[' is never closed; add ']' where it should end (line 2 at the latest)")
    }

    func testUnknownTemplateParameter() {
        let r = Fixture.decode(Fixture.header("""
        parameters:
          net: {choice: [a, b], default: a}
        steps:
          - id: s
            title: {ko: "{{net}}", en: "{{nett}}"}
            text: {ko: x, en: "{{.Name}} {{end}} {{net.gateway}}"}
            checks: [{network: {name: "{{net}}"}}]
        """))
        XCTAssertEqual(r.errors.map { $0.formatted() }, ["t.yaml:10:32: error LAB008: unknown parameter '{{nett}}'"])
    }

    func testParameterDefaultMustFit() {
        let r = Fixture.decode(Fixture.header("""
        parameters:
          port: {integer: [1, 10], default: "99"}
          sn: {subnet: {within: 10.0.0.0/8, prefix: 24}, default: 192.168.0.0/24}
        steps:
          - id: s
            title: {ko: x, en: x}
            text: {ko: x, en: x}
            checks: [{network: {name: x}}]
        """))
        XCTAssertEqual(r.errors.map(\.code), ["LAB004", "LAB004"])
    }

    func testMissingLocaleIsAWarningAndFallsBack() throws {
        let entry = LabCatalog.read(Fixture.path("missing-locale.yaml"), files: DiskFiles())
        XCTAssertEqual(entry.diagnostics.map { $0.formatted() }, [
            Fixture.path("missing-locale.yaml") + ":8:12: warning LAB010: no 'ko' text for steps[net].title (falls back to 'en')",
        ])
        let lab = try XCTUnwrap(entry.lab)
        XCTAssertEqual(lab.steps[0].title.resolve(.ko), "Network")
    }

    func testRoleUsedBeforeBinding() {
        let r = Fixture.decode(Fixture.header("""
        steps:
          - id: s
            title: {ko: x, en: x}
            text: {ko: x, en: x}
            checks:
              - container: {name: web, networks: [$N]}
              - network: {bind: N, holds: [web]}
        """))
        XCTAssertEqual(r.errors.map { $0.formatted() }, ["t.yaml:11:43: error LAB009: role 'N' is used before a check binds it"])
    }

    func testCheckNeedsExactlyOneKind() {
        let r = Fixture.decode(Fixture.header("""
        steps:
          - id: s
            title: {ko: x, en: x}
            text: {ko: x, en: x}
            checks:
              - {name: two, network: {name: a}, container: {name: b}}
        """))
        XCTAssertEqual(r.errors.map(\.code), ["LAB004"])
    }

    func testDuplicateStepID() {
        let r = Fixture.decode(Fixture.header("""
        steps:
          - {id: s, title: {ko: x, en: x}, text: {ko: x, en: x}, checks: [{network: {name: a}}]}
          - {id: s, title: {ko: x, en: x}, text: {ko: x, en: x}, checks: [{network: {name: b}}]}
        """))
        XCTAssertEqual(r.errors.map { $0.formatted() }, ["t.yaml:8:5: error LAB007: duplicate id 's'"])
    }

    /// Refused before any expansion (how fast: `make bench`, parser limits).
    func testBillionLaughsIsRefused() {
        let entry = LabCatalog.read(Fixture.path("billion-laughs.yaml"), files: DiskFiles())
        XCTAssertNil(entry.lab)
        XCTAssertEqual(entry.diagnostics.map(\.code), ["LAB006"])
        XCTAssertTrue(entry.diagnostics[0].text().contains("more than 64 aliases"), entry.diagnostics[0].text())
    }

    func testAliasExpansionIsBounded() {
        // Few enough aliases to pass the text scan, but 10^5 nodes once expanded (how fast: `make bench`).
        let entry = LabCatalog.read(Fixture.path("small-laughs.yaml"), files: DiskFiles())
        XCTAssertEqual(entry.diagnostics.map(\.code), ["LAB006"])
        XCTAssertTrue(entry.diagnostics[0].text().contains("expands to more than"), entry.diagnostics[0].text())
    }

    func testAliasAsKeyIsRefused() {
        let r = Fixture.decode("a: &k x\n*k : y\n")
        XCTAssertEqual(r.errors.map { $0.formatted() }, ["t.yaml:2:1: error LAB006: refused: an alias may not be a mapping key"])
    }

    func testModestAliasesAreAccepted() throws {
        let r = Fixture.decode(Fixture.header("""
        steps:
          - id: s
            title: &t {ko: x, en: x}
            text: *t
            checks: [{network: {name: a}}]
        """))
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(try XCTUnwrap(r.lab).steps[0].text.resolve(.en), "x")
    }

    func testGarbageNeverCrashes() {
        var rng = seededGenerator(default: 0xDEC0DE)
        let base = Array((try? String(contentsOfFile: Fixture.path("valid.yaml"), encoding: .utf8))?.utf8 ?? "".utf8)
        let alphabet = Array("{}[]:&*!|>-?#'\"\n \t,%@`abc12".utf8)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...8, using: &rng) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
            }
            let r = LabDecoder.decode(bytes: bytes, file: "fuzz.yaml")
            XCTAssertTrue(r.lab != nil || !r.errors.isEmpty)
        }
        XCTAssertEqual(LabDecoder.decode(bytes: [0xff, 0xfe, 0x00], file: "b.yaml").errors.map(\.code), ["LAB014"])
    }

    func testDeepBlockNestingIsRefused() {
        var text = ""
        for depth in 0..<300 { text += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let r = LabDecoder.decode(bytes: Array(text.utf8), file: "deep.yaml")
        XCTAssertEqual(r.errors.map { $0.formatted() },
                       ["deep.yaml:130:1: error LAB006: refused: a line is indented deeper than 128 columns"])
    }

    func testExtremeIntegerRangeDoesNotTrap() throws {
        let r = Fixture.decode(Fixture.header("""
        parameters:
          n: {integer: [-9223372036854775808, 9223372036854775807], default: "0"}
        steps:
          - {id: s, title: {ko: x, en: x}, text: {ko: x, en: x}, checks: [{network: {name: "n{{n}}"}}]}
        """))
        let lab = try XCTUnwrap(r.lab)
        let v = LabVariant.make(for: lab, learner: "x")
        XCTAssertNotNil(Int(v.values["n"] ?? ""))
    }

    func testStepWithEmptyChecksIsAnError() {
        let r = Fixture.decode(Fixture.header("""
        steps:
          - {id: s, title: {ko: x, en: x}, text: {ko: x, en: x}, checks: []}
        """))
        XCTAssertNil(r.lab)
        XCTAssertEqual(r.errors.map { $0.formatted() }, ["t.yaml:7:5: error LAB012: step 's' has neither checks nor a quiz"])
    }
}
