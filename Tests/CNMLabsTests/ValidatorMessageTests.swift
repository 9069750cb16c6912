import CNMFileSystem
import Foundation
import XCTest
@testable import CNMLabs
import CNMSim

/// `cnmlab validate` as an author meets it: every value exercised, mutants counted, positions at the
/// culprit, one error per mistake, YAML mistakes explained, all of it in Korean too.
final class ValidatorMessageTests: XCTestCase {
    let stepYAML = """
        steps:
          - id: net
            title: {ko: n, en: n}
            text: {ko: t, en: t}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{name: exists, network: {name: "{{net}}"}}]
            solution: ["docker network create {{net}}"]
        """

    func testEveryValueOfEveryChoiceIsExercised() throws {
        let lab = try XCTUnwrap(Fixture.decode(Fixture.header("""
            parameters:
              net: {choice: [appnet, backend, shopnet, frontnet, edgenet], default: appnet}
              port: {integer: [8000, 8099], default: "8080"}
            """) + "\n" + stepYAML).lab)
        let learners = LabValidator.sampleLearners(for: lab)
        XCTAssertLessThanOrEqual(learners.count, LabValidator.maxSampleVariants)
        let values = Set(learners.map { LabVariant.make(for: lab, learner: $0).values["net"]! } + ["appnet"])
        XCTAssertEqual(values, ["appnet", "backend", "shopnet", "frontnet", "edgenet"])
        let ports = Set(learners.map { LabVariant.make(for: lab, learner: $0).values["port"]! }).subtracting(["8080"])
        XCTAssertGreaterThanOrEqual(ports.count, 2)
        // A value that breaks the lab is found, and named once with the variants that have it.
        let broken = try XCTUnwrap(Fixture.decode(Fixture.header("""
            parameters:
              net: {choice: [appnet, bridge], default: appnet}
            """) + "\n" + stepYAML).lab)
        let found = LabValidator.validate(broken)
        XCTAssertEqual(found.map(\.code), ["LAB021"], "'bridge' already exists: only a variant shows it")
        XCTAssertTrue(found[0].text().hasPrefix("step 'net' already passes before its solution (nothing to do) [variant"),
                      found[0].text())
        XCTAssertEqual(found[0].variants.map { LabVariant.make(for: broken, learner: $0).values["net"] }, found[0].variants.map { _ in "bridge" })
        XCTAssertTrue(found[0].text(.ko).contains("의 변형]"), found[0].text(.ko))
    }

    func testMutantsAreCounted() throws {
        let report = LabValidator.validate(paths: [Fixture.path("valid.yaml")], mutants: true, files: DiskFiles())
        XCTAssertTrue(report.isClean, "\(report.diagnostics)")
        XCTAssertGreaterThan(report.mutants.tried, 0)
        XCTAssertEqual(report.mutants.caught, report.mutants.tried)
        let weak = LabValidator.validate(paths: [Fixture.path("weak-check.yaml")], mutants: true, files: DiskFiles())
        XCTAssertEqual(weak.mutants.accepted, weak.diagnostics.filter { $0.code == "LAB030" }.count)
        XCTAssertGreaterThan(weak.mutants.accepted, 0)
        XCTAssertEqual(LabValidator.validate(paths: [Fixture.path("valid.yaml")], files: DiskFiles()).mutants.tried, 0)
    }

    func testOneErrorPerBadParameterDefault() {
        let r = Fixture.decode(Fixture.header("""
            parameters:
              subnet: {subnet: {within: 10.30.0.0/16, prefix: 24}, default: 10.30.1.0/33}
            """) + "\n" + """
            steps:
              - id: net
                title: {ko: "{{subnet}}", en: "{{subnet}}"}
                text: {ko: "{{subnet}}", en: "{{subnet.gateway}}"}
                hints: [{tier: nudge, ko: "{{subnet}}", en: "{{subnet}}"}]
                checks: [{network: {name: n, subnet: "{{subnet}}"}}]
                solution: ["docker network create --subnet {{subnet}} n"]
            """)
        XCTAssertEqual(r.errors.map { $0.formatted() }, [
            "t.yaml:7:65: error LAB004: invalid parameters.subnet.default: '10.30.1.0/33' is not a /24 inside 10.30.0.0/16",
        ])
    }

    func testUnquotedTemplatesGetAHint() {
        let r = Fixture.decode(Fixture.header("parameters: {net: {choice: [a, b], default: a}}") + "\n" + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{network: {name: {{net}}}}]
                solution: [docker network create a]
            """)
        XCTAssertEqual(r.errors.map { $0.text() },
                       ["'network.name' must be a string; YAML reads an unquoted {{…}} as a mapping: write \"{{net}}\" in quotes"])
        XCTAssertEqual(r.errors.first?.text(.ko),
                       "'network.name'은 문자열이어야 합니다. YAML은 따옴표 없는 {{…}}를 매핑으로 읽습니다: \"{{net}}\"처럼 따옴표로 감싸세요")
    }

    func testMisspeltKeysGetASuggestionAndNoCascade() {
        let r = Fixture.decode(Fixture.header() + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                hintz: [{tier: nudge, ko: 힌트, en: hint}]
                checks:
                  - {name: a, network: {name: x}}
                  - {name: b, hidden: true, reachble: {from: a, to: b}}
            """)
        XCTAssertEqual(r.errors.map { $0.text() }, [
            "unknown key 'hintz' — did you mean 'hints'? (allowed here: id, title, text, points, optional, hints, checks, invariants, solution, quiz, rules)",
            "unknown key 'reachble' — did you mean 'reachable'? (allowed here: name, points, message, hints, hidden, network, container, history, all, any, not, reachable, unreachable, resolves, iptables, swarm, service, file)",
        ])
        XCTAssertEqual(LabText.closest("contianer", ["container", "network"]), "container")
        XCTAssertNil(LabText.closest("volume", ["container", "network"]))
    }

    func testCommonYAMLMistakesAreExplainedWhereTheyAre() {
        func first(_ text: String) -> LabDiagnostic? { LabDecoder.decode(text: text, file: "y.yaml").diagnostics.first }
        let colon = first("id: c\nversion: 1\ntitle:\n  en: Note: this breaks\n")
        XCTAssertEqual(colon?.formatted(), "y.yaml:4:7: error LAB005: YAML syntax error: a ': ' inside an unquoted value; "
                       + "quote the whole value, e.g. en: \"Note: this breaks\"")
        let tab = first("id: t\nversion: 1\nsteps:\n\t- id: s\n")
        XCTAssertEqual(tab?.position?.line, 4)
        XCTAssertEqual(tab?.text(), "YAML syntax error: a tab in the indentation; YAML indents with spaces only (replace the tab with spaces)")
        let brace = first("id: b\nversion: 1\ntitle: {ko: a, en: a\nplace: {week: 1}\n")
        XCTAssertEqual(brace?.formatted(), "y.yaml:3:8: error LAB005: YAML syntax error: this '{' is never closed; "
                       + "add '}' where it should end (line 3 at the latest)")
        let quote = first("id: q\ntitle: {ko: a, en: \"a}\nminutes: 5\n")
        XCTAssertEqual(quote?.position?.line, 2)
        XCTAssertEqual(quote?.position?.column, 20)
        XCTAssertEqual(brace?.text(.ko), "YAML 문법 오류: 이 '{'가 닫히지 않았습니다. 끝나야 할 곳(늦어도 3번째 줄)에 '}'를 넣으세요")
    }

    func testAFileThatIsNoMappingIsToldWhatALabLooksLike() {
        func first(_ text: String) -> LabDiagnostic? { LabDecoder.decode(text: text, file: "r.yaml").diagnostics.first }
        XCTAssertEqual(first("- a\n- b\n")?.formatted(), "r.yaml:1:1: error LAB003: a lab file is a mapping of keys "
                       + "(id:, version:, title:, place:, minutes:, steps:), but this one is a list")
        XCTAssertEqual(first("just words\n")?.text(), "a lab file is a mapping of keys (id:, version:, title:, place:, minutes:, steps:), "
                       + "but this one is a single value")
        XCTAssertEqual(first("")?.text(.ko), "실습 파일은 키의 매핑(id:, version:, title:, place:, minutes:, steps:)이어야 하는데, "
                       + "이 파일은 빈 파일입니다")
        XCTAssertEqual(first("# only a comment\n")?.code, "LAB003")
    }

    func testAnInvariantOnAStepsOwnRoleSaysWhyAndWhatToDo() {
        let r = Fixture.decode(Fixture.header() + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{name: any-net, network: {bind: N, driver: bridge, user_defined: true}}]
                invariants: [{name: keep, network: {name: $N}}, {name: other, network: {name: $M}}]
                solution: ["docker network create a"]
            """)
        XCTAssertEqual(r.errors.map(\.code), ["LAB009", "LAB009"])
        XCTAssertEqual(r.errors.first?.text(), "an invariant cannot use role 'N': this step's checks bind it, and the later steps "
                       + "that check the invariant do not have it; declare N under roles: for the whole lab")
        XCTAssertEqual(r.errors.last?.text(), "role 'M' is used before a check binds it", "a role nobody binds keeps the plain message")
        XCTAssertTrue(r.errors.first?.text(.ko).hasPrefix("불변 조건에는 역할 'N'을 쓸 수 없습니다") ?? false, r.errors.first?.text(.ko) ?? "")
    }

    func testALinkThatLeadsNowhereIsNamedSo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-links-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.yaml", withDestinationPath: "a.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/c.yaml", withDestinationPath: "gone.yaml")
        let broken = "cannot read the lab file: a symbolic link that leads nowhere (its target is missing, or links point at each other)"
        let scanned = LabCatalog.load(paths: [dir], files: DiskFiles())
        XCTAssertEqual(scanned.map { $0.diagnostics.map { $0.text() } }, [[broken], [broken], [broken]])
        let named = LabCatalog.load(paths: [dir + "/a.yaml", dir + "/c.yaml", dir + "/none.yaml"], files: DiskFiles())
        XCTAssertEqual(named.map { $0.diagnostics.map { $0.text() } },
                       [[broken], [broken], ["cannot read the lab file: no such file or folder"]])
        XCTAssertEqual(named[0].diagnostics.first?.text(.ko),
                       "실습 파일을 읽을 수 없습니다: 가리키는 곳이 없는 심볼릭 링크입니다(대상이 없거나 링크끼리 서로 가리킵니다)")
    }

    func testEveryFindingHasAPositionAndDuplicateIDsNameTheOtherFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-dup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: Fixture.path("valid.yaml"), encoding: .utf8)
        try text.write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
        try (text + "prerequisites: [nowhere]\n").write(toFile: dir + "/b.yaml", atomically: true, encoding: .utf8)
        let report = LabValidator.validate(paths: [dir], files: DiskFiles())
        let b = try XCTUnwrap(report.files.last)
        XCTAssertEqual(b.diagnostics.map(\.code), ["LAB007", "LAB013"])
        XCTAssertEqual(b.diagnostics[0].text(), "duplicate lab id '\(report.files[0].labID ?? "")' (also in \(dir)/a.yaml)")
        for d in report.diagnostics { XCTAssertNotNil(d.position, d.formatted()) }
        XCTAssertEqual(b.diagnostics[0].position?.line, 1)
        XCTAssertNotEqual(b.diagnostics[1].position?.line, 1, "at the prerequisite")
        XCTAssertEqual(LabDiagnostic(.unreadableFile, ["x"], at: nil, file: "f.yaml").formatted(),
                       "f.yaml:1:1: error LAB014: cannot read the lab file: x")
    }

    func testEveryMessageIsInBothLanguages() {
        // `{0}` and `{0:이}` name the same value.
        func placeholders(_ s: String) -> [String] { MessageTemplate.placeholderNames(s) }
        for p in LabPhrase.allCases {
            XCTAssertFalse(p.ko.isEmpty, "\(p)")
            XCTAssertEqual(placeholders(p.en), placeholders(p.ko), "\(p)")
        }
        for m in LabMessage.allCases {
            XCTAssertFalse(m.ko.isEmpty, "\(m)")
            XCTAssertEqual(placeholders(m.en), placeholders(m.ko), "\(m)")
        }
        for g in GradeText.allCases {
            XCTAssertFalse(g.ko.isEmpty, "\(g)")
            XCTAssertEqual(placeholders(g.en), placeholders(g.ko), "\(g)")
        }
        // A diagnostic with phrases is Korean all through, names and values aside.
        let r = Fixture.decode(Fixture.header("minutes2: 5") + "\nsteps: oops\n")
        for d in r.diagnostics {
            let ko = d.text(.ko)
            for english in ["must be", "unknown key", "allowed here", "a non-empty list", "did you mean"] {
                XCTAssertFalse(ko.contains(english), ko)
            }
        }
    }
}
