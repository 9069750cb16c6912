import CNMCommands
import CNMSim
import XCTest
@testable import CNMLabs

/// The `file:` check: decoded and validated from YAML, evaluated on the simulated files of the host
/// or of a container; a line that writes a file is one `undo` takes back.
final class FileCheckTests: XCTestCase {
    func testFileCheckOnHostAndContainer() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "cat > nginx.conf <<'EOF'\nupstream app { least_conn; }\nEOF")
        _ = sim.run(line: "docker run -d --name lb nginx")
        var en = CheckEvaluator(engine: sim.engine, history: [], locale: .en)
        XCTAssertTrue(en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "nginx.conf", contains: "least_conn")))).passed)
        XCTAssertTrue(en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "/root/nginx.conf")))).passed)
        let lacks = en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "nginx.conf", contains: "ip_hash"))))
        XCTAssertFalse(lacks.passed)
        XCTAssertEqual(lacks.message, "file nginx.conf does not contain 'ip_hash'")
        let missing = en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "haproxy.cfg"))))
        XCTAssertEqual(missing.message, "no file haproxy.cfg")
        XCTAssertTrue(en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "haproxy.cfg", exists: false)))).passed)
        XCTAssertTrue(en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "/etc/nginx/conf.d/default.conf",
                                                                                   container: "lb", contains: "listen")))).passed)
        let dir = en.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "/tmp"))))
        XCTAssertEqual(dir.message, "/tmp is a folder, not a file")
        var ko = CheckEvaluator(engine: sim.engine, history: [], locale: .ko)
        XCTAssertEqual(ko.evaluate(Check(name: "f", kind: .file(FilePredicate(path: "x.conf")))).message, "x.conf 파일이 없습니다")
    }

    func testFileCheckDecodesAndRefusesContainsWithAbsence() {
        let good = """
        id: files-demo
        version: 1
        title: {ko: 파일, en: Files}
        place: {week: 1, day: 1, session: 1, section: test}
        minutes: 5
        steps:
          - id: write
            title: {ko: 쓰기, en: Write}
            text: {ko: nginx.conf를 쓰세요., en: Write nginx.conf.}
            checks:
              - file: {path: nginx.conf, contains: upstream}
            solution:
              - echo 'upstream a {}' > nginx.conf
        """
        let ok = LabDecoder.decode(bytes: Array(good.utf8), file: "f.yaml")
        XCTAssertEqual(ok.errors.map(\.code), [], "\(ok.errors)")
        let bad = good.replacingOccurrences(of: "{path: nginx.conf, contains: upstream}",
                                            with: "{path: nginx.conf, exists: false, contains: upstream}")
        XCTAssertEqual(LabDecoder.decode(bytes: Array(bad.utf8), file: "f.yaml").errors.map(\.code), ["LAB004"])
    }

    func testWritingAFileIsUndoable() {
        XCTAssertTrue(CommandEffect.mayChangeState("echo hi > f"))
        XCTAssertTrue(CommandEffect.mayChangeState("cat > nginx.conf <<'EOF'\nx\nEOF"))
        XCTAssertTrue(CommandEffect.mayChangeState("docker cp web:/etc/hosts ."))
        XCTAssertTrue(CommandEffect.mayChangeState("rm f"))
        XCTAssertFalse(CommandEffect.mayChangeState("cat f"))
    }
}
