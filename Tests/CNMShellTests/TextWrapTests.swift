import CNMFileSystem
import XCTest
@testable import CNMShell
import CNMLabs

/// Wrapping by display width: Hangul counts two, breaks only at spaces, commands kept whole.
final class TextWrapTests: XCTestCase {
    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func testDisplayWidthCountsHangulTwiceAndEscapesNotAtAll() {
        XCTAssertEqual(TextWrap.width("docker"), 6)
        XCTAssertEqual(TextWrap.width("네트워크"), 8)
        XCTAssertEqual(TextWrap.width("web이"), 5)
        XCTAssertEqual(TextWrap.width("\u{1B}[1m굵게\u{1B}[0m"), 4)
    }

    func testKoreanWrapsAtSpacesWithinTheWidth() {
        let text = "사용자 정의 bridge 네트워크(이름 frontnet)를 만들고, 그 위에서 nginx 컨테이너 web을 실행하세요. LAN의 다른 PC가 호스트의 8080번 포트로 web의 80번 포트에 닿아야 합니다."
        let wrapped = TextWrap.wrap(text, width: 30)
        for line in lines(wrapped) { XCTAssertLessThanOrEqual(TextWrap.width(line), 30, line) }
        XCTAssertGreaterThan(lines(wrapped).count, 4)
        // Only spaces became line breaks: no word or syllable was cut.
        XCTAssertEqual(wrapped.replacingOccurrences(of: "\n", with: " "), text)
    }

    func testEnglishAtEightyColumnsNeverBreaksAWord() {
        let text = "Run api (the httpd image, listening on 80) on a new user-defined front-end network (not internal), and attach it to db's back-end network as well."
        let wrapped = TextWrap.wrap(text, width: 80)
        XCTAssertEqual(lines(wrapped), [
            "Run api (the httpd image, listening on 80) on a new user-defined front-end",
            "network (not internal), and attach it to db's back-end network as well.",
        ])
    }

    func testACodeSpanAndAnIndentedCommandLineStayWhole() {
        let text = "Check, then type `answer 포트번호` when you know it.\n    docker network create --subnet 10.50.0.0/16 clash-with-a-long-name"
        let wrapped = lines(TextWrap.wrap(text, width: 24))
        XCTAssertTrue(wrapped.contains("`answer 포트번호` when"), "\(wrapped)")
        XCTAssertEqual(wrapped.last, "    docker network create --subnet 10.50.0.0/16 clash-with-a-long-name")
    }

    func testABracketedStateStaysTogether() {
        XCTAssertEqual(TextWrap.wrapRow("  example-publish-port   예시 실습 - 포트 매핑 (단계 3개, 약 10분) [시작 전]", width: 70, hangingIndent: 25),
                       "  example-publish-port   예시 실습 - 포트 매핑 (단계 3개, 약 10분)\n                         [시작 전]")
    }

    func testListItemsContinueUnderTheirTextAndHangingIndent() {
        XCTAssertEqual(TextWrap.wrap("- gateway 10.50.7.254 (the last address, not the first)", width: 30),
                       "- gateway 10.50.7.254 (the\n  last address, not the first)")
        XCTAssertEqual(TextWrap.wrap("✔ Step 1 complete: the network exists", width: 20, hangingIndent: 2),
                       "✔ Step 1 complete:\n  the network exists")
    }

    func testAWordWiderThanTheLineStaysWholeOnItsOwnLine() {
        let url = "http://192.168.1.100:8080/a/very/long/path/that/is/longer/than/the/line"
        XCTAssertEqual(lines(TextWrap.wrap("open \(url) now", width: 20)), ["open", url, "now"])
    }

    func testNoWidthLeavesTextAlone() {
        let text = "a long line " + String(repeating: "word ", count: 40)
        XCTAssertEqual(TextWrap.wrap(text, width: nil), text)
    }

    func testRowsKeepTheirPaddingAndHangUnderTheSecondColumn() {
        let row = "  topology [--mermaid|--dot] [MACHINE] networks, endpoints and containers (of any machine)"
        let wrapped = lines(TextWrap.wrapRow(row, width: 60, hangingIndent: 30))
        XCTAssertTrue(wrapped[0].hasPrefix("  topology [--mermaid|--dot] [MACHINE] networks,"))
        XCTAssertTrue(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 30)) && TextWrap.width($0) <= 60 })
    }

    /// Every step text, question and hint of every built-in lab, in both languages, at 80 columns:
    /// every line fits unless it is indented (a command) or one unbreakable word.
    func testEveryLabTextFitsEightyColumns() throws {
        let labs = LabLibrary.load(options: [], environment: [:], files: DiskFiles()).labs
        XCTAssertGreaterThan(labs.count, 10)
        var checked = 0
        for lab in labs {
            for step in lab.steps {
                for locale in [LabLocale.ko, .en] {
                    var texts = [step.text.resolve(locale)] + step.hints.map { $0.text.resolve(locale) }
                    if let q = step.quiz { texts.append(q.question.resolve(locale)) }
                    for text in texts {
                        for line in lines(TextWrap.wrap(text, width: 80)) where TextWrap.width(line) > 80 {
                            XCTAssertTrue(line.hasPrefix(" ") || !line.contains(" "), "\(lab.id) \(step.id): \(line)")
                        }
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 200)
    }
}

/// Tables fitted to a width: narrower columns with wrapped cells, or one block per row.
final class TextTableTests: XCTestCase {
    let rows = [["ID", "TITLE", "STEPS"],
                ["w2d1s3-ipam", "IPAM - subnets, gateways, ranges and static IPs", "6"],
                ["w2d1s3-macvlan", "macvlan: 컨테이너를 LAN에 직접 붙이기", "5"]]

    func testWithoutAWidthColumnsAreAsWideAsTheirCells() {
        XCTAssertEqual(TextTable.render(rows, width: nil), """
        ID               TITLE                                             STEPS
        w2d1s3-ipam      IPAM - subnets, gateways, ranges and static IPs   6
        w2d1s3-macvlan   macvlan: 컨테이너를 LAN에 직접 붙이기             5

        """)
    }

    func testANarrowTerminalNarrowsTheWidestColumnAndWrapsItsCells() {
        let out = TextTable.render(rows, width: 50)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { TextWrap.width($0) <= 50 }, out)
        XCTAssertGreaterThan(lines.count, 3)
        // The STEPS column starts at the same display column on every row.
        let col = TextWrap.width(lines[0].components(separatedBy: "STEPS")[0])
        for line in lines where line.hasSuffix(" 6") || line.hasSuffix(" 5") {
            XCTAssertEqual(TextWrap.width(String(line.dropLast())), col, out)
        }
    }

    func testTheGapsShrinkToTwoSpacesBeforeRowsBecomeBlocks() {
        XCTAssertEqual(TextTable.render([["AAAA", "BBBB"], ["x", "y"]], width: 10), "AAAA  BBBB\nx     y\n")
        XCTAssertEqual(TextTable.render([["AAAA", "BBBB"], ["x", "y"]], width: 11), "AAAA   BBBB\nx      y\n")
    }

    func testWhenNothingCanFitEachRowBecomesABlock() {
        let out = TextTable.render(rows, width: 20)
        XCTAssertEqual(out.split(separator: "\n", omittingEmptySubsequences: false).prefix(4).map(String.init),
                       ["ID     w2d1s3-ipam", "TITLE  IPAM - subnets, gateways, ranges and static IPs", "STEPS  6", ""])
    }
}
