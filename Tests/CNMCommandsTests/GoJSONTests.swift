import XCTest
@testable import CNMCommands
import CNMSim

final class GoJSONTests: XCTestCase {
    func testCompact() throws {
        let v: TemplateValue = .object([
            ("Name", "bridge"), ("Count", 3), ("Ratio", 0.5), ("On", true), ("Nil", nil),
            ("List", ["a", 1]), ("Empty", []), ("NilList", .nilList), ("Map", ["z": 1, "a": "x"]),
            ("EmptyMap", .map([:])), ("NilMap", .nilMap),
        ])
        XCTAssertEqual(try GoJSON.encode(v),
                       #"{"Name":"bridge","Count":3,"Ratio":0.5,"On":true,"Nil":null,"List":["a",1],"Empty":[],"NilList":null,"Map":{"a":"x","z":1},"EmptyMap":{},"NilMap":null}"#)
    }

    func testIndentedLikeDockerInspect() throws {
        let v: TemplateValue = [
            .object([
                ("Name", "bridge"),
                ("IPAM", .object([("Driver", "default"), ("Options", .nilMap),
                                   ("Config", [.object([("Subnet", "172.17.0.0/16"), ("Gateway", "172.17.0.1")])])])),
                ("Containers", .map([:])),
                ("Labels", .stringMap([:])),
                ("Ports", []),
            ]),
        ]
        XCTAssertEqual(try GoJSON.encodeIndented(v), """
            [
                {
                    "Name": "bridge",
                    "IPAM": {
                        "Driver": "default",
                        "Options": null,
                        "Config": [
                            {
                                "Subnet": "172.17.0.0/16",
                                "Gateway": "172.17.0.1"
                            }
                        ]
                    },
                    "Containers": {},
                    "Labels": {},
                    "Ports": []
                }
            ]
            """)
        XCTAssertEqual(try GoJSON.encodeIndented([]), "[]")
        XCTAssertEqual(try GoJSON.encodeIndented(.map([:])), "{}")
    }

    func testStringEscaping() {
        XCTAssertEqual(GoJSON.quote("a\"b\\c\nd\re\tf\u{01}g\u{1F}<>&\u{2028}\u{2029}é🙂"),
                       #""a\"b\\c\nd\re\tf\u0001g\u001f<>&\u2028\u2029é🙂""#)
        XCTAssertEqual(GoJSON.quote("<a>&", escapeHTML: true), #""\u003ca\u003e\u0026""#)
        XCTAssertEqual(GoJSON.quote("\u{7F}\u{08}\u{0C}"), "\"\u{7F}\\u0008\\u000c\"")
    }

    func testNumbers() throws {
        let cases: [(Double, String)] = [
            (1, "1"), (0.5, "0.5"), (-2.25, "-2.25"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (1e-7, "1e-7"), (0.000001, "0.000001"), (123456789.125, "123456789.125"), (0, "0"), (-0.0, "-0"),
            (1.5e300, "1.5e+300"), (5e-324, "5e-324"),
        ]
        for (d, s) in cases { XCTAssertEqual(try GoJSON.encode(.float(d)), s, "\(d)") }
        XCTAssertEqual(try GoJSON.encode(.int(Int64.min)), "-9223372036854775808")
        XCTAssertEqual(try GoJSON.encode(.uint(UInt64.max)), "18446744073709551615")
        XCTAssertThrowsError(try GoJSON.encode(.float(.nan))) { e in
            XCTAssertEqual((e as? GoJSON.UnsupportedValue)?.message, "json: unsupported value: NaN")
        }
    }

    func testTime() throws {
        XCTAssertEqual(try GoJSON.encode(.date(year: 2025, month: 6, day: 1, hour: 10, nanosecond: 123_456_789)),
                       #""2025-06-01T10:00:00.123456789Z""#)
        XCTAssertEqual(try GoJSON.encode(.date(year: 2025, month: 6, day: 1, hour: 10, nanosecond: 120_000_000)),
                       #""2025-06-01T10:00:00.12Z""#)
        XCTAssertEqual(try GoJSON.encode(.date(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)),
                       #""2024-02-29T23:59:59Z""#)
        XCTAssertEqual(try GoJSON.encode(.time(0)), #""1970-01-01T00:00:00Z""#)
        XCTAssertEqual(try GoJSON.encode(.time(-1)), #""1969-12-31T23:59:59.999999999Z""#)
        XCTAssertEqual(GoTime.string(0), "1970-01-01 00:00:00 +0000 UTC")
        XCTAssertEqual(GoFormat.value(.date(year: 2025, month: 6, day: 1, hour: 10, nanosecond: 500)),
                       "2025-06-01 10:00:00.0000005 +0000 UTC")
    }

    func testJSONNamesAndOmitEmpty() throws {
        let s = TemplateValue.structure(TemplateStruct(typeName: "container.Summary", fields: [
            TemplateField("ID", "abc", jsonName: "Id"),
            TemplateField("Peers", .nilList, jsonName: "Peers", omitEmpty: true),
            TemplateField("Names", ["/web"]),
        ]))
        XCTAssertEqual(try GoJSON.encode(s), #"{"Id":"abc","Names":["/web"]}"#)
        XCTAssertEqual(try GoTemplate("{{.ID}} {{json .}}").execute(s), #"abc {"Id":"abc","Names":["/web"]}"#)
    }

    // MARK: fmt %v

    func testGoFormatValue() {
        let cfg = TemplateValue.object([("Subnet", "172.17.0.0/16"), ("IPRange", ""), ("Gateway", "172.17.0.1"),
                                        ("AuxiliaryAddresses", .nilStringMap)])
        XCTAssertEqual(GoFormat.value(cfg), "{172.17.0.0/16  172.17.0.1 map[]}")
        XCTAssertEqual(GoFormat.value(["b": 1, "a": [1, 2], "c": nil]), "map[a:[1 2] b:1 c:<nil>]")
        XCTAssertEqual(GoFormat.value(.float(1)), "1")
        XCTAssertEqual(GoFormat.value(.float(1e6)), "1e+06")
        XCTAssertEqual(GoFormat.value(.float(123456.5)), "123456.5")
        XCTAssertEqual(GoFormat.value(.float(0.0001)), "0.0001")
        XCTAssertEqual(GoFormat.value(.float(0.00001)), "1e-05")
        XCTAssertEqual(GoFormat.value(.float(1e21)), "1e+21")
        XCTAssertEqual(GoFormat.value(.float(.infinity)), "+Inf")
        XCTAssertEqual(GoFormat.value(.uint(7)), "7")
        XCTAssertEqual(GoFormat.value(.null), "<nil>")
        XCTAssertEqual(GoFormat.value(.nilList), "[]")
    }

    func testSprintf() {
        XCTAssertEqual(GoFormat.sprintf("%5.2f|%-6d|%06d|%+d|%x|%#x|%o|%b|%c|%U|%e|%g",
                                        [3.14159, 42, -42, 5, 255, 255, 8, 5, 65, 0x1F600, 1234.5678, 0.000012]),
                       " 3.14|42    |-00042|+5|ff|0xff|10|101|A|U+1F600|1.234568e+03|1.2e-05")
        XCTAssertEqual(GoFormat.sprintf("%q %v %s %5t %.2s %%", ["a\"b\n", .null, ["x", "y"], true, "héllo"]),
                       "\"a\\\"b\\n\" <nil> [x y]  true hé %")
        XCTAssertEqual(GoFormat.sprintf("%z %d", [1, "s"]), "%!z(int=1) %!d(string=s)")
        XCTAssertEqual(GoFormat.sprintf("%[2]d %[1]d", [1, 2]), "2 1")
        XCTAssertEqual(GoFormat.sprintf("%", []), "%!(NOVERB)")
        XCTAssertEqual(GoFormat.sprintf("%*d|%-*d|", [4, 7, 3, 1]), "   7|1  |")
        XCTAssertEqual(GoFormat.sprintf("%d", [.list([1, "a"])]), "[1 %!d(string=a)]")
        XCTAssertEqual(GoFormat.sprint(["a", 1, 2, "b", "c", nil]), "a1 2bc<nil>")
        XCTAssertEqual(GoFormat.quote("\u{00A0}é\u{7F}\u{10FFFF}"), "\"\\u00a0é\\x7f\\U0010ffff\"")
    }
}
