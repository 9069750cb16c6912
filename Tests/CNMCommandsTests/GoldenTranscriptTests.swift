import XCTest

/// The golden layout reads back exactly what it was given, and is what a reviewer expects to read.
final class GoldenTranscriptTests: XCTestCase {
    func record(_ command: String, _ stdout: String = "", _ stderr: String = "", _ exitCode: Int32 = 0) -> GoldenRecord {
        GoldenRecord(command: command, exitCode: exitCode, stdout: stdout, stderr: stderr)
    }

    func testLayout() {
        let text = GoldenTranscript.render([
            record("docker network create mynet", "6c66\n"),
            record("docker network connect nosuch web", "", "Error response from daemon: network nosuch not found\n", 1),
            record("printf 'a\\n\\nb'", "a\n\nb"),
            record("echo 'one\ntwo'", "one\ntwo\n"),
        ])
        XCTAssertEqual(text, """
        \(GoldenTranscript.header)

        $ docker network create mynet
        | 6c66

        $ docker network connect nosuch web
        ! Error response from daemon: network nosuch not found
        [exit 1]

        $ printf 'a\\n\\nb'
        | a
        |
        | b
        \\ no newline at end

        $ echo 'one
        > two'
        | one
        | two

        """)
    }

    func testControlCharactersAreEscapedOnTheirLineOnly() {
        let text = GoldenTranscript.render([record("clear", "\u{1B}[H\u{1B}[2J", "", 0), record("docker exec w ls /x", "a\\b\r\nplain\\\n", "", 1)])
        XCTAssertEqual(text, """
        \(GoldenTranscript.header)

        $ clear
        |~\\x1b[H\\x1b[2J
        \\ no newline at end

        $ docker exec w ls /x
        |~a\\\\b\\r
        | plain\\
        [exit 1]

        """)
    }

    func testEveryShapeReadsBackExactly() throws {
        let shapes = ["", "x", "x\n", "\n", "\n\n", "a\r\n", "\r", "\\", "\\x1b", "tab\there\n", "  trailing  \n", "| looks like a marker\n",
                      "\\ no newline at end\n", "[exit 3]\n", "$ not a command\n", "\u{7F}\u{1}\n", "한국어\n", "\u{1B}[0m"]
        var records: [GoldenRecord] = []
        for (i, out) in shapes.enumerated() {
            for err in ["", shapes[shapes.count - 1 - i]] {
                records.append(record(["docker ps", "", "a\nb", "x\r", "#c"][i % 5], out, err, Int32(i % 4 == 0 ? 0 : 100 + i)))
            }
        }
        let text = GoldenTranscript.render(records)
        XCTAssertEqual(try GoldenTranscript.parse(text), records)
    }

    func testMalformedFilesAreRefusedWithTheirLine() {
        let h = GoldenTranscript.header
        for (text, line) in [("no header\n", 1), ("\(h)\n| before any command\n", 2), ("\(h)\n$ a\n[exit 0]\n", 3),
                             ("\(h)\n$ a\n|~\\q\n", 3), ("\(h)\n$ a\n!x\n", 3), ("\(h)\n$ a\n\\ no newline at end\n", 3),
                             ("\(h)\n$ a\n| x\n\\ no newline at end\n| y\n", 5)] {
            XCTAssertThrowsError(try GoldenTranscript.parse(text), text) { error in
                XCTAssertEqual((error as? GoldenTranscript.ParseError)?.line, line, text)
            }
        }
    }

    func testTheFirstLayoutIsRecognisedAndRead() throws {
        let json = #"{"command":"docker ps","exitCode":0,"stdout":"CONTAINER ID   IMAGE\n","stderr":""}"# + "\n"
            + #"{"command":"x","exitCode":127,"stdout":"","stderr":"x: command not found\n"}"# + "\n"
        XCTAssertTrue(GoldenTranscript.isJSONLines(json))
        XCTAssertFalse(GoldenTranscript.isJSONLines(GoldenTranscript.header + "\n"))
        XCTAssertEqual(try GoldenTranscript.records(json), [record("docker ps", "CONTAINER ID   IMAGE\n"), record("x", "", "x: command not found\n", 127)])
    }

    func testChangedCommandsNamesEachDifferenceByPosition() {
        let a = [record("a", "1\n"), record("b", "2\n")]
        XCTAssertEqual(GoldenTests.changedCommands(before: a, after: a), [])
        XCTAssertEqual(GoldenTests.changedCommands(before: a, after: [record("a", "1\n"), record("b", "3\n"), record("c")]), ["#2 b", "#3 c"])
    }
}
