import XCTest
@testable import CNMCommands

/// `TemplateFormat.parse` remembers formats it parsed: a remembered one renders exactly as a fresh
/// parse, and a format that does not parse is refused every time (errors are never remembered).
final class ParsedFormatsTests: XCTestCase {
    func testARememberedFormatRendersAsAFreshParse() throws {
        let format = TemplateFormat("{{.Name}}/{{.Driver}} {{json .Name}}")
        let row = TemplateValue.object([("Name", "bridge"), ("Driver", "bridge")], type: "row")
        let header = TemplateValue.object([("Name", "NAME"), ("Driver", "DRIVER")], type: "header")
        let first = try format.render(rows: [row], header: header)
        XCTAssertEqual(first, "bridge/bridge \"bridge\"\n")
        XCTAssertNotNil(ParsedFormats.shared.withLock { $0[format.raw] }, "the format is remembered")
        XCTAssertEqual(try format.render(rows: [row], header: header), first)
        XCTAssertEqual(try GoTemplate(format.templateText).execute(row) + "\n", first)
    }

    func testABrokenFormatIsRefusedEveryTime() {
        let format = TemplateFormat("{{.Name")
        XCTAssertThrowsError(try format.parse())
        XCTAssertThrowsError(try format.parse())
        XCTAssertNil(ParsedFormats.shared.withLock { $0[format.raw] })
    }
}
