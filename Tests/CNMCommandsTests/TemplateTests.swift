import XCTest
@testable import CNMCommands

final class TemplateTests: XCTestCase {
    // MARK: fixtures

    static let ipamConfig = TemplateValue.object([
        ("Subnet", "172.17.0.0/16"), ("IPRange", ""), ("Gateway", "172.17.0.1"), ("AuxiliaryAddresses", .nilStringMap),
    ], type: "network.IPAMConfig")

    static let network: TemplateValue = .structure(TemplateStruct(typeName: "network.Inspect", fields: [
        TemplateField("Name", "bridge"),
        TemplateField("ID", "7fca4eb8c647e57e", jsonName: "Id"),
        TemplateField("Created", .date(year: 2025, month: 6, day: 1, hour: 10, nanosecond: 123_456_789)),
        TemplateField("Scope", "local"),
        TemplateField("Driver", "bridge"),
        TemplateField("EnableIPv6", false),
        TemplateField("IPAM", .object([
            ("Driver", "default"), ("Options", .nilStringMap), ("Config", [ipamConfig]),
        ], type: "network.IPAM")),
        TemplateField("Internal", false),
        TemplateField("Containers", .map([
            "abc": .object([("Name", "web"), ("IPv4Address", "172.17.0.2/16")], type: "network.EndpointResource"),
        ])),
        TemplateField("Options", .stringMap(["com.docker.network.bridge.name": "docker0", "b": "2"])),
        TemplateField("Labels", .stringMap([:])),
        TemplateField("Ports", [80, 443]),
        TemplateField("Empty", .nilList),
        TemplateField("Gone", .null),
    ]))

    func run(_ text: String, _ data: TemplateValue = network, options: GoTemplate.ExecuteOptions = .init(),
             file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try GoTemplate(text).execute(data, options: options)
        } catch let e as TemplateError {
            return "ERR " + e.message
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return ""
        }
    }

    func check(_ text: String, _ expected: String, _ data: TemplateValue = network,
               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run(text, data, file: file, line: line), expected, text, file: file, line: line)
    }

    // MARK: fields and printing

    func testFieldsAndPrinting() {
        check("{{.Name}}", "bridge")
        check("{{ .Name }}/{{.Driver}}", "bridge/bridge")
        check("{{.IPAM.Driver}}", "default")
        check("{{.IPAM.Config}}", "[{172.17.0.0/16  172.17.0.1 map[]}]")
        check("{{.IPAM}}", "{default map[] [{172.17.0.0/16  172.17.0.1 map[]}]}")
        check("{{.Created}}", "2025-06-01 10:00:00.123456789 +0000 UTC")
        check("{{.Options}}", "map[b:2 com.docker.network.bridge.name:docker0]")
        check("{{.Ports}}", "[80 443]")
        check("{{.Empty}}", "[]")
        check("{{.Gone}}", "<nil>")
        check("{{.EnableIPv6}}", "false")
        check("{{.Containers.abc.Name}}", "web")
        check("{{.Containers.nope.Name}}", "<no value>")
        check("{{.Options.missing}}", "<no value>")
        check("{{.}}", "{bridge 7fca4eb8c647e57e 2025-06-01 10:00:00.123456789 +0000 UTC local bridge false {default map[] [{172.17.0.0/16  172.17.0.1 map[]}]} false map[abc:{web 172.17.0.2/16}] map[b:2 com.docker.network.bridge.name:docker0] map[] [80 443] [] <nil>}")
        check("{{$}}", run("{{.}}"))
        check("{{1.5}} {{3}} {{-2}} {{0x10}} {{'a'}} {{1e3}} {{true}} {{\"s\"}} {{`r\\n`}}", "1.5 3 -2 16 97 1000 true s r\\n")
    }

    func testMapNilInterfaceValuePrintsNoValue() {
        let raw: TemplateValue = ["A": nil, "B": ["C": 1]]
        check("{{.A}}", "<no value>", raw)
        check("{{.B.C}}", "1", raw)
        check("{{.A.X}}", "ERR template: :1:4: executing \"\" at <.A.X>: nil pointer evaluating interface {}.X", raw)
        check("{{index . \"A\"}}|{{index . \"Z\"}}", "<no value>|<no value>", raw)
    }

    func testTrimMarkersAndComments() {
        check("a  {{- .Name -}}  b", "abridgeb")
        check("a\n\t{{- .Name}}\n", "abridge\n")
        check("{{.Name -}}\n\n  x", "bridgex")
        check("x {{/* hidden */}} y", "x  y")
        check("x {{- /* hidden */ -}} y", "xy")
        check("{{- /* only */ -}}", "")
        check("{{-3}}", "-3")
        check("{{3 -}} 4", "34")
    }

    // MARK: control flow

    func testIfElse() {
        check("{{if .Internal}}int{{else}}ext{{end}}", "ext")
        check("{{if .Labels}}L{{else if .Options}}O{{else}}N{{end}}", "O")
        check("{{if not .Ports}}none{{else}}{{len .Ports}}{{end}}", "2")
        check("{{if and .Name .Ports}}y{{end}}", "y")
        check("{{if or .Labels .Empty}}y{{else}}n{{end}}", "n")
        check("{{with .IPAM}}{{.Driver}}{{end}}", "default")
        check("{{with .Labels}}has{{else}}empty{{end}}", "empty")
        check("{{with .Labels}}a{{else with .Options}}{{len .}}{{end}}", "2")
        check("{{if 0}}a{{else if 0.0}}b{{else if \"\"}}c{{else if .Created}}d{{end}}", "d")
    }

    func testRange() {
        check("{{range .Ports}}<{{.}}>{{end}}", "<80><443>")
        check("{{range $i, $p := .Ports}}{{$i}}={{$p}} {{end}}", "0=80 1=443 ")
        check("{{range $k, $v := .Options}}{{$k}}={{$v}};{{end}}", "b=2;com.docker.network.bridge.name=docker0;")
        check("{{range $v := .Options}}{{$v}};{{end}}", "2;docker0;")
        check("{{range .Empty}}x{{else}}none{{end}}", "none")
        check("{{range .Labels}}x{{else}}none{{end}}", "none")
        check("{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "web 172.17.0.2/16")
        check("{{range $i, $e := .Ports}}{{if eq $i 1}}{{break}}{{end}}{{$e}}{{end}}", "80")
        check("{{range .Ports}}{{if eq . 80}}{{continue}}{{end}}{{.}}{{end}}", "443")
        check("{{range 3}}{{.}}{{end}}", "012")
        check("{{range $i := 2}}[{{$i}}]{{end}}", "[0][1]")
        check("{{range .Name}}{{end}}", "ERR template: :1:8: executing \"\" at <.Name>: range can't iterate over bridge")
        check("{{range $a, $b := 3}}{{end}}", "ERR template: :1:18: executing \"\" at <3>: can't use 3 to iterate over more than one variable")
        check("{{range .Missing}}{{end}}", "ERR template: :1:8: executing \"\" at <.Missing>: can't evaluate field Missing in type network.Inspect")
    }

    func testVariables() {
        check("{{$x := .Name}}{{$x}}", "bridge")
        check("{{$x := 1}}{{$x = 2}}{{$x}}", "2")
        check("{{$n := .Name}}{{range .Ports}}{{$n}}{{.}} {{end}}", "bridge80 bridge443 ")
        check("{{range .Ports}}{{$.Name}}{{end}}", "bridgebridge")
        check("{{with $x := .IPAM}}{{$x.Driver}}{{end}}", "default")
        check("{{$c := index .IPAM.Config 0}}{{$c.Subnet}}", "172.17.0.0/16")
        check("{{(index .IPAM.Config 0).Gateway}}", "172.17.0.1")
    }

    // MARK: functions

    func testBuiltins() {
        check("{{len .Name}} {{len .Ports}} {{len .Options}}", "6 2 2")
        check("{{index .Ports 1}} {{index .Options \"b\"}} {{index .Labels \"nope\"}}|", "443 2 |")
        check("{{index .Containers \"abc\" | printf \"%v\"}}", "{web 172.17.0.2/16}")
        check("{{slice .Name 1 3}} {{slice .Ports 1}}", "ri [443]")
        check("{{eq .Name \"bridge\"}} {{eq .Driver \"a\" \"b\" \"bridge\"}} {{ne 1 2}}", "true true true")
        check("{{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}}", "true true true false")
        check("{{and 1 0 2}} {{or 0 \"\" \"x\"}} {{not 0}}", "0 x true")
        check("{{print 1 2 \"a\" \"b\" 3}}", "1 2ab3")
        check("{{println 1 \"a\"}}", "1 a\n")
        check("{{printf \"%-10s|%5d|%05.1f|%q|%t|%x|%X|%v\" \"ab\" 42 3.14159 \"q\" true 255 \"hi\" .Ports}}",
              "ab        |   42|003.1|\"q\"|true|ff|6869|[80 443]")
        check("{{printf \"%d\" \"s\"}} {{printf \"%d %d\" 1}} {{printf \"%d\" 1 2}}",
              "%!d(string=s) 1 %!d(MISSING) 1%!(EXTRA int=2)")
        check("{{printf \"%s\" .Gone}} {{printf \"%v\" .Missingkey}}", "%!s(<nil>) <nil>", ["Gone": .null])
        check("{{printf \"%+v\" (index .IPAM.Config 0)}}", "{Subnet:172.17.0.0/16 IPRange: Gateway:172.17.0.1 AuxiliaryAddresses:map[]}")
        check("{{html \"<a href='x'>&\"}} {{urlquery \"a b&c\"}} {{js \"it's <b>\"}}",
              "&lt;a href=&#39;x&#39;&gt;&amp; a+b%26c it\\'s \\u003Cb\\u003E")
        check("{{.Name | printf \"%s!\"}} {{\"x\" | printf \"%s%s\" \"y\"}}", "bridge! yx")
        check("{{.Ports | len}}", "2")
    }

    func testDockerFunctions() {
        check("{{json .IPAM.Config}}", "[{\"Subnet\":\"172.17.0.0/16\",\"IPRange\":\"\",\"Gateway\":\"172.17.0.1\",\"AuxiliaryAddresses\":null}]")
        check("{{json .Options}}", "{\"b\":\"2\",\"com.docker.network.bridge.name\":\"docker0\"}")
        check("{{json .Name}} {{json .Created}} {{json .Missing.X}}", "ERR template: :1:48: executing \"\" at <.Missing.X>: can't evaluate field Missing in type network.Inspect")
        check("{{json .Name}} {{json .Created}}", "\"bridge\" \"2025-06-01T10:00:00.123456789Z\"")
        check("{{join (split \"a,b,c\" \",\") \"-\"}}", "a-b-c")
        check("{{split \"a,b\" \",\"}} {{len (split \"\" \",\")}} {{split \"héy\" \"\"}}", "[a b] 1 [h é y]")
        check("{{upper .Name}} {{lower \"ÀB\"}} {{title \"hello wide-world_x\"}}", "BRIDGE àb Hello Wide-World_x")
        check("[{{pad .Name 2 1}}][{{pad \"\" 2 2}}]", "[  bridge ][]")
        check("{{truncate .ID 4}} {{truncate \"ab\" 5}}", "7fca ab")
        check("{{join .Ports \",\"}}", "ERR template: :1:7: executing \"\" at <.Ports>: wrong type for value; expected []string; got []interface {}")
        check("{{upper 1}}", "ERR template: :1:8: executing \"\" at <1>: expected string; found 1")
        check("{{truncate .Name -1}}", "ERR template: :1:2: executing \"\" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]")
    }

    func testHeaderFunctions() {
        let t = try! GoTemplate("{{upper .Name}}\t{{json .Labels}}\t{{truncate .ID 3}}")
        let header: TemplateValue = ["Name": "NAME", "Labels": "LABELS", "ID": "NETWORK ID"]
        XCTAssertEqual(try t.execute(header, options: .init(headerFunctions: true)), "NAME\tLABELS\tNETWORK ID")
        XCTAssertEqual(try t.execute(header), "NAME\t\"LABELS\"\tNET")
    }

    func testMethods() {
        let labels = ["com.example": "yes"]
        let row = TemplateValue.structure(TemplateStruct(typeName: "*formatter.NetworkContext", fields: [
            TemplateField("Name", "n1"),
        ], methods: [
            "Label": TemplateMethod(parameters: [.string]) { args in
                if case .string(let k)? = args.first { return .string(labels[k] ?? "") }
                return .string("")
            },
            "ID": TemplateMethod { _ in .string("abc") },
            "Fail": TemplateMethod { _ in throw TemplateError("boom") },
        ]))
        check("{{.Label \"com.example\"}}|{{.ID}}|{{\"com.example\" | .Label}}", "yes|abc|yes", row)
        check("{{.Label}}", "ERR template: :1:2: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0", row)
        check("{{.Label 1}}", "ERR template: :1:9: executing \"\" at <1>: expected string; found 1", row)
        check("{{.Fail}}", "ERR template: :1:2: executing \"\" at <.Fail>: error calling Fail: boom", row)
        check("{{.Name \"x\"}}", "ERR template: :1:2: executing \"\" at <.Name>: Name has arguments but cannot be invoked as function", row)
        check("{{.Nope}}", "ERR template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.NetworkContext", row)
    }

    func testDefineAndTemplate() {
        check("{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .Name}}{{template \"x\" 1}}", "[bridge][1]")
        check("{{block \"b\" .Driver}}<{{.}}>{{end}}", "<bridge>")
        check("{{template \"nope\"}}", "ERR template: :1:11: executing \"\" at <{{template \"nope\"}}>: template \"nope\" not defined")
    }

    // MARK: errors

    func parseError(_ text: String) -> String {
        do {
            _ = try GoTemplate(text)
            return "parsed"
        } catch let e as TemplateError {
            XCTAssertEqual(e.phase, .parse)
            return e.message
        } catch {
            return "other"
        }
    }

    func testParseErrors() {
        XCTAssertEqual(parseError("{{foo}}"), "template: :1: function \"foo\" not defined")
        XCTAssertEqual(parseError("{{ \"x\" }"), "template: :1: unexpected \"}\" in operand")
        XCTAssertEqual(parseError("{{.Name}"), "template: :1: bad character U+007D '}'")
        XCTAssertEqual(parseError("{{.Name"), "template: :1: unclosed action")
        XCTAssertEqual(parseError("{{.Name\n"), "template: :2: unclosed action started at :1")
        XCTAssertEqual(parseError("a\n{{if .X}}"), "template: :2: unexpected EOF")
        XCTAssertEqual(parseError("{{end}}"), "template: :1: unexpected {{end}}")
        XCTAssertEqual(parseError("{{else}}"), "template: :1: unexpected {{else}}")
        XCTAssertEqual(parseError("{{}}"), "template: :1: missing value for command")
        XCTAssertEqual(parseError("{{$x}}"), "template: :1: undefined variable \"$x\"")
        XCTAssertEqual(parseError("{{break}}"), "template: :1: {{break}} outside {{range}}")
        XCTAssertEqual(parseError("{{(1}}"), "template: :1: unclosed left paren")
        XCTAssertEqual(parseError("{{1)}}"), "template: :1: unexpected right paren")
        XCTAssertEqual(parseError("{{\"abc}}"), "template: :1: unterminated quoted string")
        XCTAssertEqual(parseError("{{/* x }}"), "template: :1: unclosed comment")
        XCTAssertEqual(parseError("{{.A | 1}}"), "template: :1: non executable command in pipeline stage 2")
        XCTAssertEqual(parseError("{{1.A}}"), "template: :1: bad number syntax: \"1.A\"")
        XCTAssertEqual(parseError("{{\"a\".B}}"), "template: :1: unexpected . after term \"\\\"a\\\"\"")
        XCTAssertEqual(parseError("{{99999999999999999999}}"), "template: :1: integer overflow: 99999999999999999999")
        XCTAssertEqual(parseError("{{if}}{{end}}"), "template: :1: missing value for if")
        XCTAssertEqual(parseError("{{range $a, $b, $c := .}}{{end}}"), "template: :1: too many declarations in range")
        XCTAssertEqual(parseError("{{with .A}}{{else}}{{else}}{{end}}"), "template: :1: expected end; found {{else}}")
        XCTAssertEqual(parseError("{{ % }}"), "template: :1: unexpected \"%\" in command")
        XCTAssertEqual(parseError("{{.A}}{{.B \"abcdefghijklmn\" | }}"), "parsed")
        XCTAssertEqual(parseError("{{ | .A}}"), "template: :1: unexpected \"|\" in command")
        XCTAssertEqual(parseError("{{.A \"abcdefghijklmn\"}"), "template: :1: unexpected \"}\" in operand")
        XCTAssertEqual(parseError("{{.A = \"abcdefghijklmn\"}}"), "template: :1: unexpected \"=\" in operand")
        XCTAssertEqual(parseError("{{printf \"abcdefghijklmn\" }"), "template: :1: unexpected \"}\" in operand")
        XCTAssertEqual(parseError("{{if .A \"abcdefghijklm\"}}"), "template: :1: unexpected EOF")
        XCTAssertEqual(parseError("{{template .X}}"), "template: :1: unexpected \".X\" in template clause")
        XCTAssertEqual(parseError(String(repeating: "(", count: 200)), "parsed")
        XCTAssertEqual(parseError("{{" + String(repeating: "(", count: 30) + "1" + String(repeating: ")", count: 30) + "}}"),
                       "template: :1: max expression depth exceeded")
    }

    func testExecErrors() {
        check("{{.Foo}}", "ERR template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type network.Inspect")
        check("{{.IPAM.Foo}}", "ERR template: :1:7: executing \"\" at <.IPAM.Foo>: can't evaluate field Foo in type network.IPAM")
        check("x\n  {{.Foo}}", "ERR template: :2:4: executing \"\" at <.Foo>: can't evaluate field Foo in type network.Inspect")
        check("{{.Name.X}}", "ERR template: :1:7: executing \"\" at <.Name.X>: can't evaluate field X in type string")
        check("{{index .Ports 5}}", "ERR template: :1:2: executing \"\" at <index .Ports 5>: error calling index: index out of range: 5")
        check("{{index}}", "ERR template: :1:2: executing \"\" at <index>: wrong number of args for index: want at least 1 got 0")
        check("{{len 1 2}}", "ERR template: :1:2: executing \"\" at <len>: wrong number of args for len: want 1 got 2")
        check("{{len 3}}", "ERR template: :1:2: executing \"\" at <len 3>: error calling len: len of type int")
        check("{{eq .Name 1}}", "ERR template: :1:2: executing \"\" at <eq .Name 1>: error calling eq: incompatible types for comparison")
        check("{{lt .Ports 1}}", "ERR template: :1:2: executing \"\" at <lt .Ports 1>: error calling lt: invalid type for comparison")
        check("{{upper .Ports}}", "ERR template: :1:8: executing \"\" at <.Ports>: wrong type for value; expected string; got []interface {}")
        check("{{upper .Options.zz}}", "ERR template: :1:16: executing \"\" at <.Options.zz>: invalid value; expected string")
        check("{{index .Options 1}}", "ERR template: :1:2: executing \"\" at <index .Options 1>: error calling index: value has type int; should be string")
        check("{{printf \"%s %s %s %s\" .Name .Name .Name .Name | upper | lower | len | printf \"%d\" | nope}}", "ERR template: :1: function \"nope\" not defined")
        check("{{nil}}", "ERR template: :1:2: executing \"\" at <nil>: nil is not a command")
        check("{{. 1}}", "ERR template: :1:2: executing \"\" at <.>: can't give argument to non-function .")
        check("{{.IPAM.Config.Subnet}}", "ERR template: :1:7: executing \"\" at <.IPAM.Config.Subnet>: can't evaluate field Subnet in type []network.IPAMConfig")
        check("{{index .Containers.abc \"x\"}}", "ERR template: :1:2: executing \"\" at <index .Containers.abc \"x\">: error calling index: can't index item of type network.EndpointResource")
    }

    func testMissingKeyError() {
        let raw: TemplateValue = ["Name": "bridge", "IPAM": ["Driver": "default"]]
        XCTAssertEqual(run("{{.Foo}}", raw, options: .init(missingKeyError: true)),
                       "ERR template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"")
        XCTAssertEqual(run("{{.IPAM.Driver}}", raw, options: .init(missingKeyError: true)), "default")
        XCTAssertEqual(run("{{.Foo}}", raw), "<no value>")
    }

    /// Go 1.24 (the docker 28.2.2 CLI) prints the whole node, as the real CLI shows.
    func testErrorContextIsTheWholeNode() {
        check("{{index .Ports 1 2 3 4 5 6 7}}",
              "ERR template: :1:2: executing \"\" at <index .Ports 1 2 3 4 5 6 7>: error calling index: can't index item of type int")
        XCTAssertEqual(TemplateError("x").dockerMessage, "template parsing error: x")
    }

    func testLimitsProduceErrorsNotHangs() {
        let out = run("{{range 100000000}}x{{end}}")
        XCTAssertTrue(out.hasPrefix("ERR template: :1:"), out)
        XCTAssertTrue(out.hasSuffix("execution step limit exceeded"), out)
        let pad = run("{{pad \"x\" 100000000000 1}}")
        XCTAssertEqual(pad, "ERR template: :1:2: executing \"\" at <pad \"x\" 100000000000 1>: error calling pad: strings: Repeat output length overflow")
        check("{{define \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}",
              "ERR template: :1:25: executing \"r\" at <{{template \"r\"}}>: exceeded maximum template depth (100)")
    }

    // MARK: docker format helpers

    func testTemplateFormat() {
        let f = TemplateFormat("table {{.ID}}\\t{{.Name}}\\n")
        XCTAssertTrue(f.isTable)
        XCTAssertFalse(f.isJSON)
        XCTAssertEqual(f.templateText, "{{.ID}}\t{{.Name}}\n")
        XCTAssertTrue(TemplateFormat("tablefoo").isTable)
        XCTAssertEqual(TemplateFormat("tablefoo").templateText, "foo")
        XCTAssertTrue(TemplateFormat("json").isJSON)
        XCTAssertFalse(TemplateFormat(" json").isJSON)
        XCTAssertEqual(TemplateFormat("json").templateText, "{{json .}}")
        XCTAssertEqual(TemplateFormat("  {{.Name}} \\\\t ").templateText, "{{.Name}} \\\t")
    }

    func testDockerNetworkLsTable() throws {
        let format = TemplateFormat("table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}")
        let header: TemplateValue = .stringMap(["ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE"])
        let rows: [TemplateValue] = [
            .object([("ID", "7fca4eb8c647"), ("Name", "bridge"), ("Driver", "bridge"), ("Scope", "local")]),
            .object([("ID", "9f2c3d4e5a6b"), ("Name", "host"), ("Driver", "host"), ("Scope", "local")]),
            .object([("ID", "0a1b2c3d4e5f"), ("Name", "my-long-network"), ("Driver", "bridge"), ("Scope", "local")]),
        ]
        XCTAssertEqual(try format.render(rows: rows, header: header), """
            NETWORK ID     NAME              DRIVER    SCOPE
            7fca4eb8c647   bridge            bridge    local
            9f2c3d4e5a6b   host              host      local
            0a1b2c3d4e5f   my-long-network   bridge    local

            """)
        XCTAssertEqual(try format.render(rows: [], header: header), "NETWORK ID   NAME      DRIVER    SCOPE\n")
        XCTAssertEqual(try TemplateFormat("{{.Name}}").render(rows: rows, header: header), "bridge\nhost\nmy-long-network\n")
        XCTAssertEqual(try TemplateFormat("json").render(rows: [rows[0]], header: header),
                       "{\"ID\":\"7fca4eb8c647\",\"Name\":\"bridge\",\"Driver\":\"bridge\",\"Scope\":\"local\"}\n")
    }

    func testTabWriter() {
        XCTAssertEqual(GoTabWriter.format("NETWORK ID\tNAME\tDRIVER\tSCOPE\n7fca4eb8c647\tbridge\tbridge\tlocal\n"),
                       "NETWORK ID     NAME      DRIVER    SCOPE\n7fca4eb8c647   bridge    bridge    local\n")
        // A line without the cell ends the column block.
        XCTAssertEqual(GoTabWriter.format("a\tb\nplain\nlonger-cell\tc\n"),
                       "a         b\nplain\nlonger-cell   c\n")
        // Wide characters count 2 columns.
        XCTAssertEqual(GoTabWriter.format("网络名称网络名称\tX\nab\tY\n"),
                       "网络名称网络名称   X\nab                 Y\n")
        // Trailing tab: the empty last cell is padded into the column.
        XCTAssertEqual(GoTabWriter.format("a\t\nbb\tc\n"), "a         \nbb        c\n")
        XCTAssertEqual(GoTabWriter.format("no newline\tat end"), "no newline   at end")
        XCTAssertEqual(GoRuneWidth.stringWidth("e\u{301}🙂a"), 4)
    }

    // MARK: robustness

    func testFuzzNeverCrashes() {
        let seeds = [
            "{{.Name}}", "{{range $i, $v := .Ports}}{{$i}}{{$v}}{{else}}e{{end}}", "{{if .A}}x{{else if .B}}y{{end}}",
            "{{with .IPAM}}{{.Driver}}{{end}}", "{{index .Options \"b\"}}", "{{printf \"%-5s|%3d|%x\" .Name 7 .Name}}",
            "{{json .}}", "{{- .Name -}}", "{{/* c */}}", "{{(index .IPAM.Config 0).Subnet}}", "{{slice .Name 1 2}}",
            "{{range 5}}{{break}}{{end}}", "{{$x := 1}}{{$x = 2}}{{$x}}", "{{define \"a\"}}{{.}}{{end}}{{template \"a\" .}}",
            "{{eq 1 1 2}}{{lt \"a\" \"b\"}}{{and 1 0}}{{or 0 1}}{{not 1}}", "{{'a'}}{{0x1F}}{{1e3}}{{-1.5}}{{`raw`}}",
            "{{pad .Name 1 2}}{{truncate .Name 3}}{{split .Name \"i\"}}{{join (split \"a,b\" \",\") \"+\"}}",
            "{{.Containers.abc.Name}}{{title (lower (upper .Name))}}", "{{println 1 2}}{{print nil}}{{len .Ports}}",
        ]
        let tokens: [String] = ["{{", "}}", "{{- ", " -}}", "(", ")", "|", ".", "$", "$x", ":=", "=", ",", " ", "\"s\"",
                                "`r`", "'c'", "1", "-2", "3.5", "0x10", "1e400", "99999999999999999999", "range", "if",
                                "else", "end", "with", "break", "continue", "define", "template", "block", "nil", "true",
                                ".Name", ".Ports", ".IPAM.Config", ".Options", ".Missing", "index", "slice", "len",
                                "printf", "print", "json", "pad", "truncate", "split", "join", "eq", "lt", "and", "or",
                                "not", "/*", "*/", "\n", "é", "网", "%", "\"%d %s %v\"", "\\", "'", "\"", "`", "}", "{"]
        var rng = seededGenerator(default: 0xC0FFEE)
        var outputs = 0, errors = 0
        for iteration in 0..<4000 {
            var text: String
            if iteration % 2 == 0 {
                // Mutate a seed.
                var chars = Array(seeds[rng.below(seeds.count)].unicodeScalars)
                for _ in 0..<(1 + rng.below(4)) {
                    let op = rng.below(3)
                    let at = rng.below(chars.count + 1)
                    switch op {
                    case 0 where !chars.isEmpty: chars.remove(at: min(at, chars.count - 1))
                    case 1: chars.insert(contentsOf: tokens[rng.below(tokens.count)].unicodeScalars, at: at)
                    default:
                        if !chars.isEmpty { chars.swapAt(min(at, chars.count - 1), rng.below(chars.count)) }
                    }
                }
                var v = String.UnicodeScalarView(); v.append(contentsOf: chars); text = String(v)
            } else {
                text = (0..<(1 + rng.below(14))).map { _ in tokens[rng.below(tokens.count)] }.joined()
            }
            do {
                let t = try GoTemplate(text)
                do {
                    _ = try t.execute(TemplateTests.network, options: .init(maxOutputBytes: 1 << 16, maxSteps: 20_000))
                    outputs += 1
                } catch let e as TemplateError {
                    XCTAssertTrue(e.message.hasPrefix("template: "), "\(text): \(e.message)")
                    errors += 1
                }
            } catch let e as TemplateError {
                XCTAssertTrue(e.message.hasPrefix("template: :"), "\(text): \(e.message)")
                errors += 1
            } catch {
                XCTFail("unexpected error \(error) for \(text)")
            }
        }
        XCTAssertEqual(outputs + errors, 4000)
        XCTAssertGreaterThan(outputs, 200)
        XCTAssertGreaterThan(errors, 200)
    }
}

final class TemplateStackTests: XCTestCase {
    /// Swift concurrency threads have 512 KiB stacks; the deepest template
    /// the parser accepts must parse and run there (even in debug builds).
    func testDeepestAcceptedNestingRunsOnSmallStack() {
        let p = TemplateParser.maxParenDepth
        let parens = "{{" + String(repeating: "(print ", count: p) + "1" + String(repeating: ")", count: p) + "}}"
        let tooDeep = "{{" + String(repeating: "(", count: p + 1) + "1" + String(repeating: ")", count: p + 1) + "}}"
        let c = TemplateParser.maxDepth / 2 - 1
        let ifs = String(repeating: "{{if 1}}{{range $.L}}", count: c / 2) + "x" + String(repeating: "{{end}}{{end}}", count: c / 2)
        let tooManyIfs = String(repeating: "{{if 1}}", count: c + 2) + String(repeating: "{{end}}", count: c + 2)
        let result = ResultBox()
        let thread = Thread {
            result.parens = (try? GoTemplate(parens).execute(.null)) ?? "error"
            result.ifs = (try? GoTemplate(ifs).execute(["L": [1]])) ?? "error"
            do { _ = try GoTemplate(tooDeep) } catch { result.errors.append((error as? TemplateError)?.message ?? "") }
            do { _ = try GoTemplate(tooManyIfs) } catch { result.errors.append((error as? TemplateError)?.message ?? "") }
            result.done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        result.done.wait()
        XCTAssertEqual(result.parens, "1")
        XCTAssertEqual(result.ifs, "x")
        XCTAssertEqual(result.errors, ["template: :1: max expression depth exceeded", "template: :1: max expression depth exceeded"])
    }

    final class ResultBox: @unchecked Sendable {
        var parens = ""
        var ifs = ""
        var errors: [String] = []
        let done = DispatchSemaphore(value: 0)
    }
}
