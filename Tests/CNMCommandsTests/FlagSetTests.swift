import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport
import CNMSim

final class FlagSetTests: XCTestCase {
    // `docker run`: flags stop at the image; `-h` is --hostname; own --help.
    let run = FlagSet([
        .bool("detach", "d"),
        .bool("interactive", "i"),
        .bool("tty", "t"),
        .stringArray("publish", "p"),
        .string("name"),
        .string("hostname", "h"),
        .stringArray("network", aliases: ["net"]),
        .stringArray("network-alias", aliases: ["net-alias"]),
        .int("cpu-shares", "c"),
        .stringArray("env", "e"),
        .bool("help"),
    ], interspersed: false)

    // `docker network ls`: flags anywhere; docker's root help flag is merged in.
    let ls = FlagSet([
        .stringArray("filter", "f", validator: { value in
            value.isEmpty || value.contains("=") ? nil : "bad format of filter (expected name=value)"
        }),
        .bool("quiet", "q"),
        .string("format"),
        .bool("no-trunc"),
    ])

    // `docker network create`.
    let create = FlagSet([
        .string("driver", "d", default: "bridge"),
        .stringSlice("subnet", default: ["default-subnet"]),
        .bool("internal"),
        .stringArray("opt", "o"),
        .int("mtu"),
    ])

    private func parsed(_ set: FlagSet, _ args: [String], file: StaticString = #filePath, line: UInt = #line) -> ParsedFlags? {
        switch set.parse(args) {
        case .parsed(let p): return p
        case .help: XCTFail("unexpected help", file: file, line: line)
        case .failure(let e): XCTFail("unexpected error: \(e.message)", file: file, line: line)
        }
        return nil
    }

    private func error(_ set: FlagSet, _ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        if case .failure(let e) = set.parse(args) { return e.message }
        XCTFail("expected an error for \(args)", file: file, line: line)
        return nil
    }

    // MARK: Forms

    func testLongForms() throws {
        let p = try XCTUnwrap(parsed(run, ["--name=web", "--hostname", "box", "--cpu-shares=512", "nginx"]))
        XCTAssertEqual(p.string("name"), "web")
        XCTAssertEqual(p.string("hostname"), "box")
        XCTAssertEqual(p.int("cpu-shares"), 512)
        XCTAssertEqual(p.positionals, ["nginx"])
        XCTAssertTrue(p.wasSet("name"))
        XCTAssertFalse(p.wasSet("detach"))
        XCTAssertFalse(p.bool("detach"))
    }

    func testShorthandClusters() throws {
        let p = try XCTUnwrap(parsed(run, ["-dit", "-h", "myhost", "nginx"]))
        XCTAssertTrue(p.bool("detach") && p.bool("interactive") && p.bool("tty"))
        XCTAssertEqual(p.string("hostname"), "myhost")
        XCTAssertEqual(p.positionals, ["nginx"])

        let q = try XCTUnwrap(parsed(run, ["-dp", "8080:80", "-p8443:443", "-p=53:53/udp", "nginx"]))
        XCTAssertEqual(q.strings("publish"), ["8080:80", "8443:443", "53:53/udp"])
        XCTAssertTrue(q.bool("detach"))

        // A bool followed by `=value` inside a shorthand.
        let r = try XCTUnwrap(parsed(run, ["-d=false", "nginx"]))
        XCTAssertFalse(r.bool("detach"))
        XCTAssertTrue(r.wasSet("detach"))
        // `-p=` takes "=" as the value (pflag: only `-p=x` with a non-empty x strips the `=`).
        let s = try XCTUnwrap(parsed(run, ["-p=", "nginx"]))
        XCTAssertEqual(s.strings("publish"), ["="])
    }

    func testInterspersedOff() throws {
        let p = try XCTUnwrap(parsed(run, ["-d", "nginx", "-p", "80", "--help"]))
        XCTAssertEqual(p.positionals, ["nginx", "-p", "80", "--help"])
        XCTAssertEqual(p.strings("publish"), [])
        let dash = try XCTUnwrap(parsed(run, ["-", "-d"]))
        XCTAssertEqual(dash.positionals, ["-", "-d"])
        XCTAssertFalse(dash.bool("detach"))
    }

    func testInterspersedOn() throws {
        let p = try XCTUnwrap(parsed(ls, ["extra", "-q", "-", "--filter", "driver=bridge", "-f", "name=x"]))
        XCTAssertEqual(p.positionals, ["extra", "-"])
        XCTAssertTrue(p.bool("quiet"))
        XCTAssertEqual(p.strings("filter"), ["driver=bridge", "name=x"])
        XCTAssertEqual(p.occurrences(of: "filter").map(\.value), ["driver=bridge", "name=x"])
    }

    func testDoubleDash() throws {
        let p = try XCTUnwrap(parsed(ls, ["a", "--", "-q", "--foo"]))
        XCTAssertEqual(p.positionals, ["a", "-q", "--foo"])
        XCTAssertEqual(p.argsLenAtDash, 1)
        XCTAssertFalse(p.bool("quiet"))
        XCTAssertNil(try XCTUnwrap(parsed(ls, ["a"])).argsLenAtDash)
    }

    func testBoolNeverConsumesNextArgument() throws {
        let p = try XCTUnwrap(parsed(create, ["--internal", "false", "mynet"]))
        XCTAssertTrue(p.bool("internal"))
        XCTAssertEqual(p.positionals, ["false", "mynet"])
        let q = try XCTUnwrap(parsed(create, ["--internal=false", "mynet"]))
        XCTAssertFalse(q.bool("internal"))
        XCTAssertTrue(q.wasSet("internal"))
        for (text, value) in [("1", true), ("t", true), ("T", true), ("TRUE", true), ("true", true), ("True", true),
                              ("0", false), ("f", false), ("F", false), ("FALSE", false), ("false", false), ("False", false)] {
            XCTAssertEqual(try XCTUnwrap(parsed(create, ["--internal=\(text)"])).bool("internal"), value, text)
        }
    }

    func testDefaultsAndRepeatables() throws {
        let p = try XCTUnwrap(parsed(create, ["mynet"]))
        XCTAssertEqual(p.string("driver"), "bridge")
        XCTAssertEqual(p.strings("subnet"), ["default-subnet"])
        XCTAssertEqual(p.int("mtu"), 0)
        XCTAssertFalse(p.wasSet("subnet"))

        let q = try XCTUnwrap(parsed(create, ["--subnet", "10.1.0.0/24,10.2.0.0/24", "--subnet=10.3.0.0/24",
                                              "-o", "a=1,b=2", "-o", "c=3", "-d", "overlay", "-d", "macvlan", "n"]))
        XCTAssertEqual(q.strings("subnet"), ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24"])
        XCTAssertEqual(q.strings("opt"), ["a=1,b=2", "c=3"])
        XCTAssertEqual(q.string("driver"), "macvlan")
        XCTAssertEqual(q.occurrences.map(\.name), ["subnet", "subnet", "opt", "opt", "driver", "driver"])
    }

    func testStringSliceCSV() throws {
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "\"a,b\",c"])).strings("subnet"), ["a,b", "c"])
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "\"say \"\"hi\"\"\""])).strings("subnet"), ["say \"hi\""])
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "a,,b,"])).strings("subnet"), ["a", "", "b", ""])
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "a,b\nc,d"])).strings("subnet"), ["a", "b"])
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "\n\nx\r\n"])).strings("subnet"), ["x"])
        XCTAssertEqual(try XCTUnwrap(parsed(create, ["--subnet", "\"a\nb\",c"])).strings("subnet"), ["a\nb", "c"])
        let empty = try XCTUnwrap(parsed(create, ["--subnet", ""]))
        XCTAssertEqual(empty.strings("subnet"), [])
        XCTAssertTrue(empty.wasSet("subnet"))

        XCTAssertEqual(error(create, ["--subnet", "a\"b"]),
                       "invalid argument \"a\\\"b\" for \"--subnet\" flag: parse error on line 1, column 2: bare \" in non-quoted-field")
        XCTAssertEqual(error(create, ["--subnet", "x,\"ab"]),
                       "invalid argument \"x,\\\"ab\" for \"--subnet\" flag: parse error on line 1, column 6: extraneous or missing \" in quoted-field")
        XCTAssertEqual(error(create, ["--subnet", "\"a\"b"]),
                       "invalid argument \"\\\"a\\\"b\" for \"--subnet\" flag: parse error on line 1, column 3: extraneous or missing \" in quoted-field")
        XCTAssertEqual(error(create, ["--subnet", "\"a\nb\"x"]),
                       "invalid argument \"\\\"a\\nb\\\"x\" for \"--subnet\" flag: record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field")
        XCTAssertEqual(error(create, ["--subnet", "\n"]), "invalid argument \"\\n\" for \"--subnet\" flag: EOF")
    }

    func testHiddenAliasesShareTheValue() throws {
        let p = try XCTUnwrap(parsed(run, ["--net", "a", "--network=b", "--net-alias", "x", "--network-alias", "y", "img"]))
        XCTAssertEqual(p.strings("network"), ["a", "b"])
        XCTAssertEqual(p.strings("net"), ["a", "b"])
        XCTAssertEqual(p.strings("network-alias"), ["x", "y"])
        XCTAssertEqual(p.occurrences(of: "net").map(\.spelled), ["net", "network"])
        XCTAssertTrue(p.wasSet("net-alias"))
        XCTAssertEqual(error(run, ["--net"]), "flag needs an argument: --net")
    }

    // MARK: Errors (pflag texts)

    func testUnknownFlags() {
        XCTAssertEqual(error(run, ["--foo"]), "unknown flag: --foo")
        XCTAssertEqual(error(run, ["--foo=bar", "nginx"]), "unknown flag: --foo")
        XCTAssertEqual(error(run, ["-xyz"]), "unknown shorthand flag: 'x' in -xyz")
        XCTAssertEqual(error(run, ["-dx"]), "unknown shorthand flag: 'x' in -x")
        XCTAssertEqual(error(run, ["-d'"]), "unknown shorthand flag: '\\'' in -'")
        XCTAssertEqual(error(run, ["-é"]), "unknown shorthand flag: 'Ã' in -é")
        XCTAssertEqual(error(ls, ["a", "--bar", "b"]), "unknown flag: --bar")
    }

    func testMissingArguments() {
        XCTAssertEqual(error(run, ["--name"]), "flag needs an argument: --name")
        XCTAssertEqual(error(run, ["-p"]), "flag needs an argument: 'p' in -p")
        XCTAssertEqual(error(run, ["-dp"]), "flag needs an argument: 'p' in -p")
        XCTAssertEqual(error(create, ["-d"]), "flag needs an argument: 'd' in -d")
    }

    func testBadSyntax() {
        XCTAssertEqual(error(run, ["---x"]), "bad flag syntax: ---x")
        XCTAssertEqual(error(run, ["--=x"]), "bad flag syntax: --=x")
    }

    func testInvalidArguments() {
        XCTAssertEqual(error(run, ["--cpu-shares", "abc"]),
                       "invalid argument \"abc\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")
        XCTAssertEqual(error(run, ["-c", "99999999999999999999"]),
                       "invalid argument \"99999999999999999999\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range")
        XCTAssertEqual(error(run, ["-c="]),
                       "invalid argument \"=\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"=\": invalid syntax")
        XCTAssertEqual(error(run, ["--cpu-shares="]),
                       "invalid argument \"\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"\": invalid syntax")
        XCTAssertEqual(error(create, ["--internal=maybe"]),
                       "invalid argument \"maybe\" for \"--internal\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")
        XCTAssertEqual(error(create, ["--mtu", "1e3"]),
                       "invalid argument \"1e3\" for \"--mtu\" flag: strconv.ParseInt: parsing \"1e3\": invalid syntax")
        XCTAssertEqual(error(run, ["-d=yes"]),
                       "invalid argument \"yes\" for \"-d, --detach\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax")
        XCTAssertEqual(error(ls, ["-f", "foo"]),
                       "invalid argument \"foo\" for \"-f, --filter\" flag: bad format of filter (expected name=value)")
        XCTAssertEqual(error(run, ["-c", "\u{7f}\t\"\\é\u{a0}"]),
                       "invalid argument \"\\x7f\\t\\\"\\\\é\\u00a0\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"\\x7f\\t\\\"\\\\é\\u00a0\": invalid syntax")
        // The first error stops parsing, later flags are not examined.
        XCTAssertEqual(error(run, ["--cpu-shares=x", "--foo"]),
                       "invalid argument \"x\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"x\": invalid syntax")
    }

    func testIntegerSyntaxFollowsGoBaseZero() throws {
        let cases: [(String, Int)] = [("0x1F", 31), ("010", 8), ("0o17", 15), ("0b101", 5), ("1_000", 1000),
                                      ("0x_1f", 31), ("+7", 7), ("-42", -42), ("0", 0),
                                      ("-9223372036854775808", Int(Int64.min)), ("9223372036854775807", Int(Int64.max))]
        for (text, value) in cases {
            XCTAssertEqual(try XCTUnwrap(parsed(create, ["--mtu", text])).int("mtu"), value, text)
        }
        let syntax = ["_1", "1_", "1__0", "0x", "08", "0b2", "+", "-", " 1", "1 ", "0x1g"]
        for text in syntax {
            XCTAssertEqual(GoStrconv.parseInt64(text), .failure(GoNumError(function: "ParseInt", input: text, kind: .syntax)), text)
        }
        let range = ["9223372036854775808", "-9223372036854775809", "0x10000000000000000", "99999999999999999999x"]
        for text in range {
            XCTAssertEqual(GoStrconv.parseInt64(text), .failure(GoNumError(function: "ParseInt", input: text, kind: .range)), text)
        }
    }

    // MARK: Help

    func testDockerHelpFlag() throws {
        guard case .help(let p) = ls.parse(["-h"]) else { return XCTFail("expected help") }
        XCTAssertEqual(p.warnings, ["Flag shorthand -h has been deprecated, use --help"])
        guard case .help(let q) = ls.parse(["x", "--help", "-q"]) else { return XCTFail("expected help") }
        XCTAssertEqual(q.warnings, [])
        XCTAssertTrue(q.bool("quiet"))
        guard case .help = ls.parse(["-qh"]) else { return XCTFail("expected help") }
        guard case .parsed(let r) = ls.parse(["--help=false"]) else { return XCTFail("expected parsed") }
        XCTAssertEqual(r.positionals, [])
        // Errors win over help (cobra checks help only after a successful parse).
        XCTAssertEqual(error(ls, ["--help", "--nope"]), "unknown flag: --nope")
        XCTAssertEqual(error(ls, ["--help=maybe"]),
                       "invalid argument \"maybe\" for \"--help\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")
        // docker run declares --help itself, -h is --hostname.
        guard case .help = run.parse(["--help"]) else { return XCTFail("expected help") }
        XCTAssertEqual(try XCTUnwrap(parsed(run, ["-h", "x", "img"])).string("hostname"), "x")
    }

    func testCobraAndNoHelpFlag() {
        let cobra = FlagSet([.bool("all", "a")], helpFlag: .cobra)
        guard case .help(let p) = cobra.parse(["-ah"]) else { return XCTFail("expected help") }
        XCTAssertEqual(p.warnings, [])
        XCTAssertTrue(p.bool("all"))

        let bare = FlagSet([.bool("all", "a")], helpFlag: .none)
        guard case .help = bare.parse(["--help", "--zzz"]) else { return XCTFail("expected help (pflag ErrHelp)") }
        guard case .help = bare.parse(["-ah"]) else { return XCTFail("expected help (pflag ErrHelp)") }
        XCTAssertEqual(error(bare, ["-xh"]), "unknown shorthand flag: 'x' in -xh")
        XCTAssertNil(bare.spec(named: "help"))
    }

    // MARK: Misc

    func testNoOptDefValForString() throws {
        let set = FlagSet([FlagSpec(name: "color", kind: .string, defaultValue: .string("never"), noOptDefVal: "auto")])
        XCTAssertEqual(try XCTUnwrap(parsed(set, ["--color", "x"])).string("color"), "auto")
        XCTAssertEqual(try XCTUnwrap(parsed(set, ["--color", "x"])).positionals, ["x"])
        XCTAssertEqual(try XCTUnwrap(parsed(set, ["--color=x"])).string("color"), "x")
        XCTAssertEqual(try XCTUnwrap(parsed(set, [])).string("color"), "never")
    }

    func testDeprecationWarningsAndTestFlags() throws {
        let set = FlagSet([FlagSpec(name: "old", kind: .bool, deprecated: "use --new"), .bool("new")])
        let p = try XCTUnwrap(parsed(set, ["--old", "--old", "-test.v", "x"]))
        XCTAssertEqual(p.warnings, ["Flag --old has been deprecated, use --new", "Flag --old has been deprecated, use --new"])
        XCTAssertEqual(p.positionals, ["x"])
    }

    func testDeclarationConflictsAreIgnored() throws {
        let set = FlagSet([.bool("a", "x"), .string("a"), .string("b", "x"), .string("c", "é")])
        XCTAssertEqual(set.spec(named: "a")?.kind, .bool)
        XCTAssertNil(set.spec(named: "b")?.shorthand)
        XCTAssertNil(set.spec(named: "c")?.shorthand)
        XCTAssertEqual(try XCTUnwrap(parsed(set, ["-x"])).bool("a"), true)
    }

    func testDockerUsageText() {
        XCTAssertEqual(FlagError.unknownFlag(name: "foo").dockerUsageText(useLine: "docker network ls [OPTIONS]",
                                                                        commandPath: "docker network ls"),
                       "unknown flag: --foo\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information")
        XCTAssertEqual(FlagError.dockerExitStatus, 125)
    }

    func testGoQuote() {
        XCTAssertEqual(GoQuote.quote("plain"), "\"plain\"")
        XCTAssertEqual(GoQuote.quote(bytes: [0x61, 0xFF, 0xED, 0xA0, 0x80, 0x00]), "\"a\\xff\\xed\\xa0\\x80\\x00\"")
        XCTAssertEqual(GoQuote.quote("\u{7}\u{8}\u{c}\n\r\t\u{b}\u{1b}"), "\"\\a\\b\\f\\n\\r\\t\\v\\x1b\"")
        XCTAssertEqual(GoQuote.quote("😀\u{200b}\u{e000}\u{f0000}\u{301}'"), "\"😀\\u200b\\ue000\\U000f0000\u{301}'\"")
        XCTAssertEqual(GoQuote.quoteRune(UInt32(UInt8(ascii: "\""))), "'\"'")
        XCTAssertEqual(GoQuote.quoteRune(0xD800), "'\u{fffd}'")
        XCTAssertEqual(GoQuote.quoteRune(0x0A), "'\\n'")
    }

    /// Random argument vectors never crash the parser and parsing is a pure function.
    func testRandomArguments() {
        var rng = seededGenerator(default: 42)
        let pieces = ["-", "--", "-d", "-p", "-dp", "-x", "--name", "--name=", "=", "80", "--net", "-h", "--help",
                      "-c", "0x", "é", "\u{0}", "---", "-test.", "--cpu-shares", "a,b", "\"", "-dit", "-e"]
        var outcomes = [0, 0, 0]
        for _ in 0..<3000 {
            let count = Int(rng.next() % 6)
            var args: [String] = []
            for _ in 0..<count {
                let a = pieces[Int(rng.next() % UInt64(pieces.count))]
                let b = rng.next() % 3 == 0 ? pieces[Int(rng.next() % UInt64(pieces.count))] : ""
                args.append(a + b)
            }
            for set in [run, ls, create] {
                let result = set.parse(args)
                XCTAssertEqual(result, set.parse(args))
                switch result {
                case .parsed: outcomes[0] += 1
                case .help: outcomes[1] += 1
                case .failure: outcomes[2] += 1
                }
            }
        }
        XCTAssertEqual(outcomes.reduce(0, +), 9000)
        XCTAssertTrue(outcomes.allSatisfy { $0 > 100 }, "\(outcomes)")
    }
}
