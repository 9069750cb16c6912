import XCTest
@testable import CNMShell
import CNMCourse

/// `theory`: the course's Markdown rendered for a terminal.
final class MarkdownTerminalTests: XCTestCase {
    func render(_ md: String, width: Int? = 80, styled: Bool = false) -> String {
        MarkdownTerminal.render(md, width: width, styled: styled)
    }

    func testHeadingsEmphasisLinksAndTheOtherLanguageLink() {
        let md = """
        # 2.2 iptables, NAT and port mapping

        > section id `2.2-iptables` · [한국어](../ko/2.2-iptables.md) · lab: `w2d1s3-port-mapping-iptables`

        The chain layout is **Docker 28**'s, see [IPAM](1.3-ipam.md) and *the* [docs](https://docs.docker.com/network/).
        Keep snake_case_names and 2 * 3 as they are.
        """
        XCTAssertEqual(render(md), """
        2.2 iptables, NAT and port mapping
        ==================================

        │ section id `2.2-iptables` · lab: `w2d1s3-port-mapping-iptables`

        The chain layout is Docker 28's, see IPAM and the docs
        <https://docs.docker.com/network/>. Keep snake_case_names and 2 * 3 as they are.

        """)
        let styled = render("## Title\n\nSome **bold** text.", styled: true)
        XCTAssertEqual(styled, "\u{1B}[1mTitle\u{1B}[0m\n-----\n\nSome \u{1B}[1mbold\u{1B}[0m text.\n")
    }

    func testCodeBlocksStayVerbatimAndMermaidIsLeftOut() {
        let md = """
        Before.

        ```mermaid
        graph TD
            A --> B
        ```

        ```text
        -A DOCKER -d 172.18.0.2/32 ! -i br-3c1a9d8f6e2b -o br-3c1a9d8f6e2b -p tcp -m tcp --dport 80 -j ACCEPT
        ```
        """
        XCTAssertEqual(render(md, width: 40), """
        Before.

            -A DOCKER -d 172.18.0.2/32 ! -i br-3c1a9d8f6e2b -o br-3c1a9d8f6e2b -p tcp -m tcp --dport 80 -j ACCEPT

        """)
    }

    func testListsHangAndTablesAlignByDisplayWidth() {
        let list = """
        - **Inbound (DNAT)**: in `PREROUTING`, traffic to a host address goes
          to nat `DOCKER`.
        - second item
        """
        XCTAssertEqual(render(list, width: 40), """
        - Inbound (DNAT): in `PREROUTING`,
          traffic to a host address goes to nat
          `DOCKER`.
        - second item

        """)
        let table = """
        | 섹션 ID | 한국어 | min |
        | --- | --- | --- |
        | `1.3-ipam` | [IPAM: 주소 관리](ko/1.3-ipam.md) | 5 |
        | `2.1-isolation` | 네임스페이스와 격리 | 5 |
        """
        XCTAssertEqual(render(table, width: 60), """
        섹션 ID           한국어                min
        `1.3-ipam`        IPAM: 주소 관리       5
        `2.1-isolation`   네임스페이스와 격리   5

        """)
    }

    /// Every page of the built-in course, in both languages, at 80 columns: no Markdown syntax left
    /// (link targets, `**`), no link to the other language, and every line fits unless it is code.
    func testEveryCurriculumPageRendersForEightyColumns() {
        let pages = BundledCourse.curriculum
        XCTAssertGreaterThan(pages.count, 20)
        for page in pages {
            let out = render(page.text)
            XCTAssertFalse(out.contains("](../"), page.path)
            XCTAssertFalse(out.contains("[English]") || out.contains("[한국어]") || out.contains("English ·") || out.contains("· 한국어"), page.path)
            XCTAssertFalse(out.contains("```"), page.path)
            XCTAssertFalse(out.contains("graph TD") || out.contains("sequenceDiagram"), page.path)
            for line in out.split(separator: "\n") where TextWrap.width(line) > 80 {
                XCTAssertTrue(line.hasPrefix("    ") || !line.contains(" ") || line.contains("`"), "\(page.path): \(line)")
            }
            let prose = out.split(separator: "\n").filter { !$0.hasPrefix("    ") }.joined(separator: "\n")
            XCTAssertFalse(prose.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression).contains("**"), page.path)
        }
    }
}

/// The pager: only for text taller than the terminal; `$PAGER`, else `less -R`; printed when it cannot run.
final class PagerTests: XCTestCase {
    func testPagedOnlyWhenTallerThanTheTerminal() {
        let text = String(repeating: "line\n", count: 30)
        XCTAssertTrue(Pager.wanted(text, rows: 24))
        XCTAssertFalse(Pager.wanted(text, rows: 40))
        XCTAssertFalse(Pager.wanted(text, rows: nil), "not a terminal: never paged")
        XCTAssertEqual(Pager.command(environment: [:]), "less -R")
        XCTAssertEqual(Pager.command(environment: ["PAGER": "more"]), "more")
        XCTAssertNil(Pager.command(environment: ["PAGER": "cat"]))
    }

    func testThePagerGetsTheWholeTextAndAMissingOneIsReported() throws {
        let out = NSTemporaryDirectory() + "cnmlab-pager-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let text = String(repeating: "네트워크 line\n", count: 5_000)
        XCTAssertTrue(Pager.show(text, command: "cat > '\(out)'"))
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), text)
        XCTAssertFalse(Pager.show(text, command: "no-such-pager-cnmlab"))
        // A pager that quits at once (as after q in less) does not kill the shell with SIGPIPE.
        XCTAssertTrue(Pager.show(text, command: "true"))
    }

    /// The text is UTF-8: less is told so, since a locale the machine lacks (LANG=ko_KR.UTF-8 in a slim
    /// image) makes it show Hangul as <EB><8A><94>; a charset the learner chose is left alone.
    func testThePagerIsToldTheTextIsUTF8() throws {
        let out = NSTemporaryDirectory() + "cnmlab-pager-charset-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let saved = getenv("LESSCHARSET").map { String(cString: $0) }
        defer { if let saved { setenv("LESSCHARSET", saved, 1) } else { unsetenv("LESSCHARSET") } }
        unsetenv("LESSCHARSET")
        if getenv("LESSCHARDEF") == nil {
            XCTAssertTrue(Pager.show("네트워크\n", command: "cat >/dev/null; printf %s \"$LESSCHARSET\" > '\(out)'"))
            XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "utf-8")
        }
        setenv("LESSCHARSET", "latin1", 1)
        XCTAssertTrue(Pager.show("x\n", command: "cat >/dev/null; printf %s \"$LESSCHARSET\" > '\(out)'"))
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "latin1")
    }

    /// NO_COLOR as no-color.org defines it: set and not empty turns colour off; so does --no-color.
    func testNoColorCountsWhenSetAndNotEmpty() {
        XCTAssertTrue(ShellRunner.wantsColor(noColorFlag: false, environment: [:]))
        XCTAssertFalse(ShellRunner.wantsColor(noColorFlag: false, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ShellRunner.wantsColor(noColorFlag: false, environment: ["NO_COLOR": ""]))
        XCTAssertFalse(ShellRunner.wantsColor(noColorFlag: true, environment: [:]))
    }

    func testTheWidthOfAPipeIsColumnsOrNothing() {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertNil(TerminalSize.columns(fd: fds[1], environment: [:]))
        XCTAssertEqual(TerminalSize.columns(fd: fds[1], environment: ["COLUMNS": "100"]), 100)
        XCTAssertNil(TerminalSize.rows(fd: fds[1], environment: ["LINES": "30"]))
    }
}
