import XCTest
@testable import CNMSim

/// `MessageTemplate.match` reads a line written from a template back into its values: the inverse
/// of `fill`, used to give cnmlab's English "not simulated" lines their Korean form.
final class MessageTemplateMatchTests: XCTestCase {
    func testMatchIsTheInverseOfFill() {
        let template = "{x} option {y}"
        let values = ["x": "curl", "y": "-Q"]
        XCTAssertEqual(MessageTemplate.match(template, MessageTemplate.fill(template, values)), values)
    }

    func testLiteralsMustAgreeAndValuesAreNotEmpty() {
        XCTAssertNil(MessageTemplate.match("{x} option {y}", "curl options -Q"))
        XCTAssertNil(MessageTemplate.match("'{x}' on remote", "'' on remote"))
        XCTAssertNil(MessageTemplate.match("listing {x}", "listing"))
        XCTAssertEqual(MessageTemplate.match("no placeholder", "no placeholder"), [:])
        XCTAssertNil(MessageTemplate.match("no placeholder", "no placeholder!"))
    }

    /// Braces that are not a placeholder stay literal, as `fill` keeps them.
    func testBracesThatAreNotPlaceholdersAreLiteral() {
        XCTAssertEqual(MessageTemplate.match("curl -w variable %{{x}}", "curl -w variable %{nosuch}"), ["x": "nosuch"])
    }

    /// A name used twice must take the same value both times.
    func testARepeatedNameTakesOneValue() {
        XCTAssertEqual(MessageTemplate.match("{a} and {a}", "x and x"), ["a": "x"])
        XCTAssertNil(MessageTemplate.match("{a} and {a}", "x and y"))
    }
}
