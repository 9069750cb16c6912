import Foundation
import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport

final class ShellLineTests: XCTestCase {
    /// Parses and expands; returns pipelines as [[words]] per item plus connectors.
    private func run(_ input: String, env: [String: String] = [:], status: Int32 = 0,
                     substitute: ((String) -> String)? = nil,
                     file: StaticString = #filePath, line: UInt = #line) -> [ShellLine.ExpandedItem]? {
        switch ShellLine.parse(input) {
        case .complete(let parsed):
            switch parsed.expanded(environment: env, lastExitCode: status, substitute: substitute) {
            case .success(let items): return items
            case .failure(let e): XCTFail("expansion failed: \(e.message)", file: file, line: line)
            }
        case .incomplete(let r): XCTFail("incomplete: \(r)", file: file, line: line)
        case .failure(let e): XCTFail("error: \(e.message)", file: file, line: line)
        }
        return nil
    }

    /// The words of a single-command line.
    private func words(_ input: String, env: [String: String] = [:], status: Int32 = 0,
                       substitute: ((String) -> String)? = nil,
                       file: StaticString = #filePath, line: UInt = #line) -> [String]? {
        guard let items = run(input, env: env, status: status, substitute: substitute, file: file, line: line) else {
            return nil
        }
        guard items.count == 1, let only = items.first, only.pipeline.count == 1 else {
            XCTFail("expected one command, got \(items)", file: file, line: line)
            return nil
        }
        return only.pipeline.first
    }

    private func failure(_ input: String) -> String? {
        if case .failure(let e) = ShellLine.parse(input) { return e.message }
        return nil
    }

    private func item(_ words: [String]..., then connector: ShellLine.Connector) -> ShellLine.ExpandedItem {
        ShellLine.ExpandedItem(pipeline: words, connector: connector)
    }

    // MARK: Quoting

    func testPlainWords() {
        XCTAssertEqual(words("docker network create --subnet 10.1.0.0/24 mynet"),
                       ["docker", "network", "create", "--subnet", "10.1.0.0/24", "mynet"])
        XCTAssertEqual(words("  docker\t run  -dp 8080:80   nginx  "), ["docker", "run", "-dp", "8080:80", "nginx"])
    }

    func testQuotes() {
        XCTAssertEqual(words("docker run --name=\"a b\"c x"), ["docker", "run", "--name=a bc", "x"])
        XCTAssertEqual(words("a '' b \"\" ''\"\""), ["a", "", "b", "", ""])
        XCTAssertEqual(words("echo 'a\\b \"$HOME\"'", env: ["HOME": "/root"]), ["echo", "a\\b \"$HOME\""])
        XCTAssertEqual(words("echo \"a\\\"b\\\\c\\$d\\`e\\n\""), ["echo", "a\"b\\c$d`e\\n"])
        XCTAssertEqual(words("echo a\\ b \\'c\\\""), ["echo", "a b", "'c\""])
        XCTAssertEqual(words("echo 'multi\nline'"), ["echo", "multi\nline"])
        XCTAssertEqual(words("echo \"x\\\ny\""), ["echo", "xy"])
        XCTAssertEqual(words("echo $'a\\tb\\x41\\101\\n\\'q\\u00e9\\cA\\z'"), ["echo", "a\tbAA\n'qé\u{1}\\z"])
        XCTAssertEqual(words("echo $\"hi $X\"", env: ["X": "there"]), ["echo", "hi there"])
    }

    func testLineContinuationAndComments() {
        XCTAssertEqual(words("docker run \\\n  -d \\\n  nginx"), ["docker", "run", "-d", "nginx"])
        XCTAssertEqual(words("ab\\\ncd"), ["abcd"])
        XCTAssertEqual(words("echo a#b #c && d"), ["echo", "a#b"])
        XCTAssertEqual(words("echo '#x' \"#y\" \\#z"), ["echo", "#x", "#y", "#z"])
        XCTAssertEqual(run("# only a comment"), [])
        XCTAssertEqual(run(""), [])
        XCTAssertEqual(run(" \n\n\t"), [])
    }

    // MARK: Lists and pipelines

    func testListsAndPipelines() {
        XCTAssertEqual(run("a 1; b && c || d | e f"), [
            item(["a", "1"], then: .sequence), item(["b"], then: .and), item(["c"], then: .or),
            item(["d"], ["e", "f"], then: .end),
        ])
        XCTAssertEqual(run("a;b&&c||d|e"), [
            item(["a"], then: .sequence), item(["b"], then: .and), item(["c"], then: .or), item(["d"], ["e"], then: .end),
        ])
        XCTAssertEqual(run("a\n\nb;\n"), [item(["a"], then: .sequence), item(["b"], then: .sequence)])
        XCTAssertEqual(run("a &&\n\n b |\n c"), [item(["a"], then: .and), item(["b"], ["c"], then: .end)])
        XCTAssertEqual(run("a;"), [item(["a"], then: .sequence)])
        XCTAssertEqual(run("a '&&' \";\" \\|"), [item(["a", "&&", ";", "|"], then: .end)])
    }

    func testSyntaxErrors() {
        XCTAssertEqual(failure(";;"), "syntax error near unexpected token `;;'")
        XCTAssertEqual(failure("a ;; b"), "syntax error near unexpected token `;;'")
        XCTAssertEqual(failure("&& a"), "syntax error near unexpected token `&&'")
        XCTAssertEqual(failure("a && || b"), "syntax error near unexpected token `||'")
        XCTAssertEqual(failure("; a"), "syntax error near unexpected token `;'")
        XCTAssertEqual(failure("a; ;"), "syntax error near unexpected token `;'")
        XCTAssertEqual(failure("a | ; b"), "syntax error near unexpected token `;'")
        XCTAssertEqual(failure("| a"), "syntax error near unexpected token `|'")
        XCTAssertEqual(failure("echo )"), "syntax error near unexpected token `)'")
        XCTAssertEqual(failure("echo a("), "syntax error near unexpected token `('")
        XCTAssertEqual(failure("a ;& b"), "syntax error near unexpected token `;&'")
        XCTAssertEqual(failure("echo ${a b}"), "${a b}: bad substitution")
        XCTAssertEqual(failure("echo ${}"), "${}: bad substitution")
        // The error is reported before anything is expanded or run.
        var calls = 0
        if case .failure = ShellLine.parse("echo $(one) && ;") {} else { XCTFail("expected failure") }
        _ = ShellLine.parse("echo $(one)").mapComplete { line in line.expanded(substitute: { _ in calls += 1; return "" }) }
        XCTAssertEqual(calls, 1)
    }

    func testNotSimulated() {
        // `>`, `>>`, `<`, here-documents, `2>`, `2>>`, `2>&1` and `>&2` are simulated (RedirectionTests);
        // other descriptor numbers and forms are not.
        XCTAssertEqual(ShellLine.parse("echo hi 3> f"), .failure(.notSimulated(.redirection("3>"))))
        XCTAssertEqual(failure("echo hi 3> f"), "redirection `3>' is not simulated")
        XCTAssertEqual(ShellLine.parse("docker logs x 2>&1 | grep a").mapComplete { $0.items[0].pipeline[0].redirections.map(\.kind) },
                       [.errorToOutput])
        XCTAssertEqual(ShellLine.parse("echo 1>&2 2>&-"), .failure(.notSimulated(.redirection("2>&-"))))
        XCTAssertEqual(ShellLine.parse("a &> f"), .failure(.notSimulated(.redirection("&>"))))
        XCTAssertEqual(ShellLine.parse("a |& b"), .failure(.notSimulated(.redirection("|&"))))
        XCTAssertEqual(ShellLine.parse("a2>f").mapComplete { $0.items[0].pipeline[0].redirections.count }, 1)
        XCTAssertEqual(ShellLine.parse("docker run -d nginx &"), .failure(.notSimulated(.background)))
        XCTAssertEqual(failure("sleep 1 &"), "background jobs (`&') are not simulated")
        XCTAssertEqual(ShellLine.parse("(cd x; ls)"), .failure(.notSimulated(.subshell)))
        XCTAssertEqual(ShellLine.parse("a && (b)"), .failure(.notSimulated(.subshell)))
        XCTAssertEqual(ShellLine.parse("echo $((1+2))"), .failure(.notSimulated(.arithmetic)))
        XCTAssertEqual(ShellLine.parse("echo ${x:-d}"), .failure(.notSimulated(.parameterOperator("${x:-d}"))))
        XCTAssertEqual(failure("echo ${#x}"), "parameter expansion `${#x}' is not simulated")
        XCTAssertEqual(words("echo '>' \">\" \\> a\\&b"), ["echo", ">", ">", ">", "a&b"])
    }

    func testIncomplete() {
        XCTAssertEqual(ShellLine.parse("echo 'abc"), .incomplete(.singleQuote))
        XCTAssertEqual(ShellLine.parse("echo $'abc\\'"), .incomplete(.singleQuote))
        XCTAssertEqual(ShellLine.parse("echo \"abc"), .incomplete(.doubleQuote))
        XCTAssertEqual(ShellLine.parse("echo \"abc\\"), .incomplete(.doubleQuote))
        XCTAssertEqual(ShellLine.parse("echo abc\\"), .incomplete(.backslash))
        XCTAssertEqual(ShellLine.parse("echo `ls"), .incomplete(.backquote))
        XCTAssertEqual(ShellLine.parse("echo $(ls"), .incomplete(.commandSubstitution))
        XCTAssertEqual(ShellLine.parse("echo $(ls ')'"), .incomplete(.commandSubstitution))
        XCTAssertEqual(ShellLine.parse("echo ${HOME"), .incomplete(.parameterBrace))
        XCTAssertEqual(ShellLine.parse("a &&"), .incomplete(.operatorPending("&&")))
        XCTAssertEqual(ShellLine.parse("a ||  # comment"), .incomplete(.operatorPending("||")))
        XCTAssertEqual(ShellLine.parse("a |\n\n"), .incomplete(.operatorPending("|")))
        // Joining the continuation completes the line, as an interactive shell does.
        XCTAssertEqual(words("echo 'abc" + "\n" + "def'"), ["echo", "abc\ndef"])
        XCTAssertEqual(words("echo abc\\" + "\n" + "def"), ["echo", "abcdef"])
        XCTAssertEqual(run("a &&" + "\n" + "b"), [item(["a"], then: .and), item(["b"], then: .end)])
        // A syntax error before the open quote wins (bash reads tokens left to right).
        XCTAssertEqual(ShellLine.parse(";; 'abc"), .failure(.unexpectedToken(";;")))
    }

    // MARK: Expansion

    func testParameters() {
        let env = ["HOME": "/root", "NET": "front back", "EMPTY": ""]
        XCTAssertEqual(words("echo $HOME/x ${HOME}y \"$HOME\" '$HOME' \\$HOME", env: env),
                       ["echo", "/root/x", "/rooty", "/root", "$HOME", "$HOME"])
        XCTAssertEqual(words("echo a$NET \"a$NET\"", env: env), ["echo", "afront", "back", "afront back"])
        XCTAssertEqual(words("echo $EMPTY $MISSING x \"$EMPTY\" ''$EMPTY", env: env), ["echo", "x", "", ""])
        XCTAssertEqual(words("echo $? ${?} \"$?\"", status: 125), ["echo", "125", "125", "125"])
        XCTAssertEqual(words("echo $ a$ $-x $1 $@", env: ["-": "hB"]), ["echo", "$", "a$", "hBx"])
    }

    func testCommandSubstitution() {
        var seen: [String] = []
        let sub: (String) -> String = { text in
            seen.append(text)
            switch text {
            case "docker network ls -q": return "net1\nnet2\n\n"
            case "empty": return "\n\n"
            default: return "<\(text)>"
            }
        }
        XCTAssertEqual(words("docker network rm $(docker network ls -q) x", substitute: sub),
                       ["docker", "network", "rm", "net1", "net2", "x"])
        XCTAssertEqual(words("echo \"$(docker network ls -q)\"", substitute: sub), ["echo", "net1\nnet2"])
        XCTAssertEqual(words("echo a$(empty)b $(empty) \"$(empty)\"", substitute: sub), ["echo", "ab", ""])
        XCTAssertEqual(words("echo `docker network ls -q`", substitute: sub), ["echo", "net1", "net2"])
        XCTAssertEqual(words("echo $(a $(b \")\") ')' c)", substitute: sub), ["echo", "<a", "$(b", "\")\")", "')'", "c>"])
        XCTAssertEqual(seen.last, "a $(b \")\") ')' c")
        XCTAssertEqual(words("echo `a \\`b\\` \\$x`", substitute: sub), ["echo", "<a", "`b`", "$x>"])
        XCTAssertEqual(seen.last, "a `b` $x")
        XCTAssertEqual(words("echo $(echo (x) # ) comment\n)", substitute: sub), ["echo", "<echo", "(x)", "#", ")", "comment", ">"])

        // Without a closure, substitution is an error at expansion time.
        guard case .complete(let line) = ShellLine.parse("echo $(x)") else { return XCTFail("expected complete") }
        XCTAssertEqual(line.expanded(), .failure(.commandSubstitutionUnavailable))
        XCTAssertEqual(line.items.first?.pipeline.first?.words.first?.literalText, "echo")
        XCTAssertEqual(line.items.first?.pipeline.first?.words.last?.literalText, nil)
        XCTAssertEqual(line.items.first?.pipeline.first?.words.last?.hasCommandSubstitution, true)
    }

    func testExpansionIsDeferredPerCommand() {
        guard case .complete(let line) = ShellLine.parse("docker network create n && docker run --network $(id n) x")
        else { return XCTFail("expected complete") }
        var calls = 0
        XCTAssertEqual(line.items.count, 2)
        XCTAssertEqual(line.items.first?.pipeline.first?.expand(substitute: { _ in calls += 1; return "" }),
                       .success(["docker", "network", "create", "n"]))
        XCTAssertEqual(calls, 0)
        XCTAssertEqual(line.items.last?.pipeline.first?.expand(substitute: { _ in calls += 1; return "abc\n" }),
                       .success(["docker", "run", "--network", "abc", "x"]))
        XCTAssertEqual(calls, 1)
    }

    func testNestingDepth() {
        let depth = ShellLine.maxSubstitutionDepth
        let ok = String(repeating: "$(", count: depth) + "x" + String(repeating: ")", count: depth)
        XCTAssertEqual(words(ok, substitute: { _ in "r" }), ["r"])
        let tooDeep = String(repeating: "$(", count: depth + 1) + "x" + String(repeating: ")", count: depth + 1)
        XCTAssertEqual(ShellLine.parse(tooDeep), .failure(.substitutionTooDeep(limit: 32)))
        XCTAssertEqual(failure(tooDeep), "command substitution nested more than 32 levels deep")
        let quoted = String(repeating: "\"$(", count: depth + 1)
        XCTAssertEqual(ShellLine.parse(quoted), .failure(.substitutionTooDeep(limit: 32)))
    }

    func testBytesInput() {
        guard case .complete(let line) = ShellLine.parse(bytes: [0x61, 0xFF, 0x20, 0x00, 0x62, 0x20, 0x27, 0xC3, 0x27])
        else { return XCTFail("expected complete") }
        XCTAssertEqual(line.expanded(), .success([item(["a\u{FFFD}", "\u{0}b", "\u{FFFD}"], then: .end)]))
        XCTAssertEqual(words("echo $'\\xff'"), ["echo", "\u{FFFD}"])
    }

    // MARK: Robustness

    /// Random words, single-quoted the way a shell user would, always come back unchanged.
    func testRoundTripOfQuotedRandomWords() {
        var rng = seededGenerator(default: 7)
        let alphabet = Array(" \t\n'\"\\$`#;&|<>(){}*?~=,-_abcXYZ019é😀".unicodeScalars)
        for _ in 0..<2000 {
            var original: [String] = []
            for _ in 0..<Int(rng.next() % 6) {
                var w = ""
                for _ in 0..<Int(rng.next() % 8) {
                    w.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
                }
                original.append(w)
            }
            let line = original.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            if original.isEmpty {
                XCTAssertEqual(run(line), [])
            } else {
                XCTAssertEqual(words(line), original, line)
            }
            let doubleQuoted = original.map { word -> String in
                var s = "\""
                for ch in word {
                    if "\"\\$`".contains(ch) { s.append("\\") }
                    s.append(ch)
                }
                return s + "\""
            }.joined(separator: " ; ")
            if !original.isEmpty {
                XCTAssertEqual(run(doubleQuoted)?.flatMap { $0.pipeline.flatMap { $0 } }, original, doubleQuoted)
            }
        }
    }

    /// Seeded random and mutated lines: always a result, deterministic, and
    /// complete lines expand without error when a substitution closure is given.
    func testRandomAndMutatedLines() {
        var rng = seededGenerator(default: 2024)
        let seeds = [
            "docker run -dp 8080:80 --name web nginx",
            "docker network create --subnet 10.1.0.0/24 mynet && docker network ls",
            "echo \"$(docker ps -q)\" 'x y' `id` ${HOME} $? # c",
            "a | b || c; d\n e \\\n f $'\\x41'",
        ]
        let fragments = ["'", "\"", "\\", "$(", ")", "`", "${", "}", "&&", "||", "|", ";", ";;", "\n", "#", " ",
                         "$", ">", "<", "&", "(", "\u{0}", "é", "\\\n", "$'", "$((", "2>&1"]
        var counts = [0, 0, 0]
        for round in 0..<4000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = Array(seeds[Int(rng.next() % UInt64(seeds.count))].utf8)
                for _ in 0..<Int(1 + rng.next() % 4) {
                    let pos = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
                    switch rng.next() % 3 {
                    case 0: bytes.insert(contentsOf: Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8), at: pos)
                    case 1: if pos < bytes.count { bytes.remove(at: pos) }
                    default: if pos < bytes.count { bytes[pos] = UInt8(truncatingIfNeeded: rng.next()) }
                    }
                }
            } else {
                bytes = []
                for _ in 0..<Int(rng.next() % 12) {
                    if rng.next() % 4 == 0 {
                        bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                    } else {
                        bytes.append(contentsOf: Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8))
                    }
                }
            }
            let result = ShellLine.parse(bytes: bytes)
            XCTAssertEqual(result, ShellLine.parse(bytes: bytes))
            switch result {
            case .complete(let line):
                counts[0] += 1
                guard case .success = line.expanded(environment: ["HOME": "/h"], substitute: { "<\($0)>\n" }) else {
                    return XCTFail("expansion failed for \(bytes)")
                }
            case .incomplete: counts[1] += 1
            case .failure: counts[2] += 1
            }
        }
        XCTAssertEqual(counts.reduce(0, +), 4000)
        XCTAssertTrue(counts.allSatisfy { $0 > 200 }, "\(counts)")
    }

    /// 1 MiB inputs of pathological shapes parse to the right result (in linear time: `make bench`, parser limits).
    func testLargeInputs() {
        let mib = 1 << 20
        guard case .complete(let many) = ShellLine.parse(String(repeating: "a ", count: mib / 2)) else {
            return XCTFail("expected complete")
        }
        XCTAssertEqual(many.items.first?.pipeline.first?.words.count, mib / 2)
        XCTAssertEqual(ShellLine.parse("'" + String(repeating: "x", count: mib)), .incomplete(.singleQuote))
        XCTAssertEqual(ShellLine.parse(String(repeating: "$(", count: mib / 2)), .failure(.substitutionTooDeep(limit: 32)))
        XCTAssertEqual(ShellLine.parse(String(repeating: "$(\"", count: mib / 3)), .failure(.substitutionTooDeep(limit: 32)))
        XCTAssertEqual(ShellLine.parse(String(repeating: "${", count: mib / 2)), .incomplete(.parameterBrace))
        XCTAssertEqual(ShellLine.parse(String(repeating: "\\", count: mib)), .complete(ShellLine(items: [
            ShellLine.Item(pipeline: [ShellCommand(words: [ShellWord(parts: [.literal(Array(repeating: 0x5C, count: mib / 2))])])],
                           connector: .end),
        ])))
        guard case .complete(let subs) = ShellLine.parse(String(repeating: "$()", count: mib / 3)) else {
            return XCTFail("expected complete")
        }
        var calls = 0
        XCTAssertEqual(subs.expanded(substitute: { _ in calls += 1; return "" }), .success([item([], then: .end)]))
        XCTAssertEqual(calls, mib / 3)
        guard case .complete(let lines) = ShellLine.parse(String(repeating: "a;", count: mib / 2)) else {
            return XCTFail("expected complete")
        }
        XCTAssertEqual(lines.items.count, mib / 2)
        XCTAssertEqual(ShellLine.parse(String(repeating: "`", count: mib + 1)), .incomplete(.backquote))
        XCTAssertEqual(ShellLine.parse(Array(repeating: "$(`", count: mib / 3).joined()), .failure(.substitutionTooDeep(limit: 32)))
        XCTAssertEqual(ShellLine.parse("$( " + String(repeating: "(", count: mib)), .incomplete(.commandSubstitution))
    }
}

extension ShellParseResult {
    /// Test helper: apply `f` to a complete line.
    fileprivate func mapComplete<T>(_ f: (ShellLine) -> T) -> T? {
        if case .complete(let line) = self { return f(line) }
        return nil
    }
}
