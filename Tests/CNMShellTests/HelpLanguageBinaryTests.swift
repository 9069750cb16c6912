import XCTest
import Foundation

/// `--help` of the real binary speaks the detected language: the abstracts, discussions and option
/// helps follow `LANG` (and `--lang` on the command line), and so do ArgumentParser's own words
/// (`USAGE:`, `OPTIONS:`, `Show help information.`).
final class HelpLanguageBinaryTests: XCTestCase {
    /// `cnmlab ARGS` from /tmp with only `LANG` choosing the language.
    func help(_ args: [String], lang: String) -> String {
        let quoted = args.map { "'" + $0 + "'" }.joined(separator: " ")
        let r = Spawn.run(["sh", "-c", "cd /tmp && exec env -u CNMLAB_LANG -u LC_ALL -u LC_MESSAGES LANG=\(lang) COLUMNS=200 '\(Spawn.cnmlab)' \(quoted) 2>&1"], stdin: "")
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 0, r.stdout)
        return r.stdout
    }

    func testShellHelpInKorean() {
        let text = help(["shell", "--help"], lang: "ko_KR.UTF-8")
        XCTAssertTrue(text.contains("시뮬레이션한 Docker 호스트에서 대화형 셸을 엽니다."), text)
        XCTAssertTrue(text.contains("진도를 기록할 학습자 이름"), text)
        XCTAssertTrue(text.contains("내장 실습 대신 쓸 실습 파일 폴더"), "the shared --labs option too")
        XCTAssertFalse(text.contains("Open the interactive shell"), text)
    }

    func testTheLibraryWordsFollowKoreanToo() {
        let text = help(["labs", "--help"], lang: "ko_KR.UTF-8")
        for ko in ["개요:", "사용법:", "옵션:", "도움말을 보여 줍니다."] { XCTAssertTrue(text.contains(ko), text) }
        for en in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information."] { XCTAssertFalse(text.contains(en), text) }
        let root = help(["help"], lang: "ko_KR.UTF-8")
        XCTAssertTrue(root.contains("하위 명령:"), root)
        XCTAssertTrue(help(["labs", "--help"], lang: "en_US.UTF-8").contains("USAGE:"))
    }

    /// The parser's own errors speak Korean too, with the same exit status (64).
    func testParserErrorsInKorean() {
        let r = Spawn.run(["sh", "-c", "cd /tmp && exec env -u CNMLAB_LANG -u LC_ALL -u LC_MESSAGES LANG=ko_KR.UTF-8 '\(Spawn.cnmlab)' labs --bogus"], stdin: "")
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("오류: 알 수 없는 옵션입니다: '--bogus'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("사용법: cnmlab labs"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Error:"), r.stderr)
        let en = Spawn.run(["sh", "-c", "cd /tmp && exec env -u CNMLAB_LANG -u LC_ALL -u LC_MESSAGES LANG=C '\(Spawn.cnmlab)' labs --bogus"], stdin: "")
        XCTAssertEqual(en.status, 64)
        XCTAssertTrue(en.stderr.contains("Error: Unknown option '--bogus'"), en.stderr)
    }

    func testShellHelpInEnglish() {
        let text = help(["shell", "--help"], lang: "en_US.UTF-8")
        XCTAssertTrue(text.contains("Open the interactive shell on a simulated Docker host."), text)
        XCTAssertTrue(text.contains("Learner name under which progress is recorded"), text)
        XCTAssertFalse(text.contains("대화형"), text)
    }

    func testRootAndNestedHelpFollowTheLanguage() {
        XCTAssertTrue(help(["--help"], lang: "ko_KR.UTF-8").contains("Docker 네트워킹을 배웁니다"))
        XCTAssertTrue(help(["--help"], lang: "C").contains("Learn Docker networking by doing"))
        XCTAssertTrue(help(["progress", "verify", "--help"], lang: "ko_KR.UTF-8").contains("해시 체인"))
        XCTAssertTrue(help(["progress", "verify", "--help"], lang: "en_US.UTF-8").contains("hash chain"))
    }

    /// `--lang` on the command line wins over the environment, as it does for the messages.
    func testLangOptionChoosesTheHelpLanguage() {
        XCTAssertTrue(help(["grade", "--lang", "ko", "--help"], lang: "en_US.UTF-8").contains("CI용으로 학습자의 명령 기록"))
        XCTAssertTrue(help(["grade", "--lang=en", "--help"], lang: "ko_KR.UTF-8").contains("Grade a learner's transcript"))
    }
}
