import XCTest
@testable import CNMCommands
import CNMSim

/// Redirections and here-documents: how the line parses (and when it is incomplete, so that the
/// shell, `sim` scripts and transcripts read on), and what they do to the simulated files.
final class RedirectionTests: XCTestCase {
    func testHereDocumentIsIncompleteUntilItsDelimiter() {
        XCTAssertEqual(ShellLine.parse("cat > f <<'EOF'"), .incomplete(.hereDocument("EOF")))
        XCTAssertEqual(ShellLine.parse("cat > f <<'EOF'\nline"), .incomplete(.hereDocument("EOF")))
        XCTAssertEqual(ShellLine.parse("cat <<-END\n\tx\n\tEOF"), .incomplete(.hereDocument("END")))
        guard case .complete(let line) = ShellLine.parse("cat > f <<'EOF'\na $x\nEOF") else { return XCTFail("not complete") }
        XCTAssertEqual(line.items.count, 1)
        XCTAssertEqual(line.items[0].pipeline[0].redirections.count, 2)
        XCTAssertTrue(line.writesFiles)
    }

    func testSplitterJoinsAHereDocumentIntoOneCommand() {
        let script = "cat > a.conf <<'EOF'\nevents {}\nhttp {}\nEOF\ncat a.conf\n"
        let lines = LineSplitter.commandLines(Array(script.utf8)).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(lines, ["cat > a.conf <<'EOF'\nevents {}\nhttp {}\nEOF", "cat a.conf"])
    }

    func testALongHereDocumentIsOneCommandAndOnlyItsDelimiterEndsIt() {
        var script = "cat > big.conf <<-'END'\n"
        for k in 0..<2000 { script += "\tserver 10.0.0.\(k % 250):80; # END? not yet\n" }
        script += "ENDING\n\tEND\ncat big.conf | wc -l\n"
        let lines = LineSplitter.commandLines(Array(script.utf8))
        XCTAssertEqual(lines.count, 2)
        var sim = Simulator(seed: 0)
        _ = sim.run(bytes: lines[0])
        XCTAssertEqual(sim.run(bytes: lines[1]).stdout, "2001\n")
    }

    func testAHereDocumentThatNeverEndsRunsNothing() {
        var sim = Simulator(seed: 0)
        let out = sim.run(line: "cat > f <<EOF\nabc")
        XCTAssertEqual(out.stderr, "cnmlab: syntax error: unexpected end of file (the here-document has no `EOF` line)\n")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(sim.run(line: "ls f").exitCode, 2)
        // Many here-documents on one line: each body in turn, in order.
        XCTAssertEqual(sim.run(line: "cat <<A <<B\na\nA\nb\nB").stdout, "b\n")
        let many = "cat " + String(repeating: "<<A ", count: 20000)
        XCTAssertEqual(ShellLine.parse(many), .incomplete(.hereDocument("A")))
    }

    func testRedirectionSyntaxErrorsAreBashs() {
        XCTAssertEqual(ShellLine.parse("echo >"), .failure(.unexpectedToken("newline")))
        XCTAssertEqual(ShellLine.parse("echo > | x"), .failure(.unexpectedToken("|")))
        XCTAssertEqual(ShellLine.parse("echo 2>&3"), .failure(.notSimulated(.redirection("2>&3"))))
        XCTAssertEqual(ShellLine.parse("echo 2>"), .failure(.unexpectedToken("newline")))
        XCTAssertEqual(ShellLine.parse("cat <<< x"), .failure(.notSimulated(.redirection("<<<"))))
    }

    func testStandardErrorRedirectionsAndDevNullAsBashTreatsThem() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "ls /nosuch 2>/dev/null"), CommandOutput(exitCode: 2))
        XCTAssertEqual(sim.run(line: "echo gone >/dev/null"), CommandOutput())
        XCTAssertEqual(sim.run(line: "cat < /dev/null").stdout, "")
        // 2>&1 into a pipe: the error is counted as a line of standard output.
        XCTAssertEqual(sim.run(line: "ls /nosuch 2>&1 | wc -l").stdout, "1\n")
        // Left to right: `> f 2>&1` sends both to f; `2>&1 > g` sends only standard output to g.
        let both = sim.run(line: "echo one > f 2>&1; ls /nosuch >> f 2>&1; cat f")
        XCTAssertEqual(both.stdout, "one\nls: cannot access '/nosuch': No such file or directory\n")
        XCTAssertEqual(both.stderr, "")
        let split = sim.run(line: "ls /nosuch 2>&1 >g")
        XCTAssertEqual(split.stdout, "ls: cannot access '/nosuch': No such file or directory\n")
        XCTAssertEqual(sim.run(line: "cat g").stdout, "")
        XCTAssertEqual(sim.run(line: "ls /a 2>e; ls /b 2>>e; cat e").stdout,
                       "ls: cannot access '/a': No such file or directory\nls: cannot access '/b': No such file or directory\n")
        XCTAssertEqual(sim.run(line: "echo hi >&2"), CommandOutput(stderr: "hi\n"))
        XCTAssertEqual(sim.run(line: "echo x 1>h; cat h").stdout, "x\n")
    }

    func testQuotedDelimiterKeepsTheBodyAndUnquotedExpandsIt() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "cat <<'EOF'\n$HOME $remote_addr\nEOF").stdout, "$HOME $remote_addr\n")
        XCTAssertEqual(sim.run(line: "cat <<EOF\n$HOME [$remote_addr] \\$x\nEOF").stdout, "/root [] $x\n")
        XCTAssertEqual(sim.run(line: "cat <<-EOF\n\t\tin\n\tEOF").stdout, "in\n")
    }

    func testOutputGoesToTheSimulatedFile() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "echo one > f.txt; echo two >> f.txt").stdout, "")
        XCTAssertEqual(sim.run(line: "cat f.txt").stdout, "one\ntwo\n")
        XCTAssertEqual(sim.run(line: "cat /root/f.txt | wc -l").stdout.trimmingCharacters(in: .whitespaces), "2\n")
        XCTAssertEqual(sim.run(line: "cat < f.txt").stdout, "one\ntwo\n")
        let missing = sim.run(line: "echo x > /nope/f")
        XCTAssertEqual(missing.stderr, "bash: /nope/f: No such file or directory\n")
        XCTAssertEqual(missing.exitCode, 1)
        XCTAssertEqual(sim.run(line: "cat < nothere").stderr, "bash: nothere: No such file or directory\n")
        XCTAssertEqual(sim.run(line: "echo x > /etc/hosts").exitCode, 127)
    }

    func testFilePrograms() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "mkdir -p conf/d && printf '%s\\n' a b > conf/d/x && cp conf/d/x y")
        XCTAssertEqual(sim.run(line: "ls").stdout, "conf  y\n")
        XCTAssertEqual(sim.run(line: "cat y").stdout, "a\nb\n")
        XCTAssertEqual(sim.run(line: "ls -1 /root/conf/d").stdout, "x\n")
        XCTAssertEqual(sim.run(line: "mkdir conf").stderr, "mkdir: cannot create directory 'conf': File exists\n")
        XCTAssertEqual(sim.run(line: "cp conf z").stderr, "cp: -r not specified; omitting directory 'conf'\n")
        XCTAssertEqual(sim.run(line: "rm conf").stderr, "rm: cannot remove 'conf': Is a directory\n")
        XCTAssertEqual(sim.run(line: "rm -r conf && ls").stdout, "y\n")
        let ls = sim.run(line: "ls nope")
        XCTAssertEqual(ls.stderr, "ls: cannot access 'nope': No such file or directory\n")
        XCTAssertEqual(ls.exitCode, 2)
        XCTAssertEqual(sim.run(line: "cat nope").stderr, "cat: nope: No such file or directory\n")
        let vi = sim.run(line: "vi nginx.conf")
        XCTAssertEqual(vi.exitCode, 127)
        XCTAssertTrue(vi.stderr.contains("cat > nginx.conf <<'EOF'"), vi.stderr)
        XCTAssertEqual(vi.stderr.split(separator: "\n").count, 1)
    }

    func testLsColumnsFollowGNULayout() {
        XCTAssertEqual(ListProgram.layout(["a", "bb", "c"], terminal: true), "a  bb  c\n")
        let many = (1...30).map { "file-number-\($0)" }
        let out = ListProgram.layout(many, terminal: true)
        XCTAssertTrue(out.split(separator: "\n").allSatisfy { $0.count < 80 })
        XCTAssertEqual(out.split(separator: "\n").count, 6)  // 5 columns of 13–14 characters fit in 80
        XCTAssertEqual(ListProgram.layout(["a", "b"], terminal: false), "a\nb\n")
    }

    func testDockerCpBothWays() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name web nginx")
        let out = sim.run(line: "docker cp web:/etc/nginx/nginx.conf .")
        XCTAssertEqual(out.stderr, "Successfully copied 2.56kB to /root/.\n")
        XCTAssertTrue(sim.run(line: "cat nginx.conf").stdout.contains("worker_processes  auto;"))
        _ = sim.run(line: "echo 'server { listen 81; }' > lb.conf")
        XCTAssertEqual(sim.run(line: "docker cp lb.conf web:/etc/nginx/conf.d/").stderr,
                       "Successfully copied 2.05kB to web:/etc/nginx/conf.d/\n")
        XCTAssertEqual(sim.run(line: "docker exec web cat /etc/nginx/conf.d/lb.conf").stdout, "server { listen 81; }\n")
        XCTAssertEqual(sim.run(line: "docker cp web:/nope .").stderr, "Error response from daemon: Could not find the file /nope in container web\n")
        XCTAssertEqual(sim.run(line: "docker cp gone web:/tmp").stderr, "lstat /root/gone: no such file or directory\n")
        XCTAssertEqual(sim.run(line: "docker cp a b").stderr, "must specify at least one container source\n")
        XCTAssertEqual(CpCommand.humanSize(1536), "1.54kB")
        XCTAssertEqual(CpCommand.humanSize(999), "999B")
    }

    func testHugeHereDocumentStaysBounded() {
        var sim = Simulator(seed: 0)
        let body = String(repeating: "x", count: FileLimits.maxFileBytes + 10)
        let out = sim.run(line: "cat > big <<'EOF'\n\(body)\nEOF")
        XCTAssertEqual(out.stderr, "cat: write error: No space left on device\n")
        XCTAssertEqual(sim.run(line: "cat big").stdout, "")
    }
}
