import CNMCommands

/// Every sentence the shell itself says, in Korean and English.
public enum ShellText: Sendable {
    case welcome
    case sandboxBanner
    case helpHeader
    case helpLine(command: String, ko: String, en: String)
    case bye
    case languageSet
    case languageUsage
    case unknownLanguage(String)
    case historyEmpty
    case undoNothing
    case undone(String)
    case enteredContainer(String)
    case leftContainer(String)
    case notRunning(String)
    case noSuchContainer(String)
    case topologyUsage
    case interrupted
    case labsNotAvailable

    public func render(_ lang: Language) -> String {
        switch (self, lang) {
        case (.welcome, .ko): return "cnmlab — 시뮬레이션된 Docker 28.2 호스트입니다. 도움말은 help, 종료는 exit 또는 Ctrl-D."
        case (.welcome, .en): return "cnmlab — a simulated Docker 28.2 host. Type help for help, exit or Ctrl-D to leave."
        case (.sandboxBanner, .ko): return "샌드박스 모드: 실습 없이 자유롭게 명령을 실행합니다. 채점되지 않습니다."
        case (.sandboxBanner, .en): return "Sandbox mode: run any command without a lab. Nothing is graded."
        case (.helpHeader, .ko): return "cnmlab 셸 명령 (그 밖의 줄은 시뮬레이션된 호스트에서 실행됩니다):"
        case (.helpHeader, .en): return "cnmlab shell commands (any other line runs on the simulated host):"
        case (.helpLine(let c, let ko, _), .ko): return "  " + c.padding(to: 28) + ko
        case (.helpLine(let c, _, let en), .en): return "  " + c.padding(to: 28) + en
        case (.bye, .ko): return "안녕히 가세요."
        case (.bye, .en): return "Bye."
        case (.languageSet, .ko): return "언어: 한국어"
        case (.languageSet, .en): return "Language: English"
        case (.languageUsage, .ko): return "사용법: lang ko|en"
        case (.languageUsage, .en): return "usage: lang ko|en"
        case (.unknownLanguage(let l), .ko): return "지원하지 않는 언어: \(l) (ko 또는 en)"
        case (.unknownLanguage(let l), .en): return "unsupported language: \(l) (ko or en)"
        case (.historyEmpty, .ko): return "아직 실행한 명령이 없습니다."
        case (.historyEmpty, .en): return "No commands yet."
        case (.undoNothing, .ko): return "되돌릴 상태 변경 명령이 없습니다."
        case (.undoNothing, .en): return "Nothing to undo: no state-changing command yet."
        case (.undone(let c), .ko): return "되돌림: \(c)"
        case (.undone(let c), .en): return "Undone: \(c)"
        case (.enteredContainer(let n), .ko): return "컨테이너 \(n) 안의 셸입니다. 나가려면 exit."
        case (.enteredContainer(let n), .en): return "Shell inside container \(n). Type exit to leave."
        case (.leftContainer(let n), .ko): return "컨테이너 \(n)에서 나왔습니다."
        case (.leftContainer(let n), .en): return "Left container \(n)."
        case (.notRunning(let n), .ko): return "컨테이너 \(n)이(가) 실행 중이 아니어서 셸이 끝났습니다."
        case (.notRunning(let n), .en): return "Container \(n) is no longer running; its shell ended."
        case (.noSuchContainer(let n), .ko): return "그런 컨테이너가 없습니다: \(n)"
        case (.noSuchContainer(let n), .en): return "No such container: \(n)"
        case (.topologyUsage, .ko): return "사용법: topology [--mermaid|--dot]"
        case (.topologyUsage, .en): return "usage: topology [--mermaid|--dot]"
        case (.interrupted, .ko): return "^C"
        case (.interrupted, .en): return "^C"
        case (.labsNotAvailable, .ko): return "이 명령은 실습 중에만 쓸 수 있습니다. 실습 목록은 labs."
        case (.labsNotAvailable, .en): return "This command works inside a lab. List the labs with labs."
        }
    }
}

extension String {
    /// Pads with spaces to `width` terminal columns (Hangul counts two).
    func padding(to width: Int) -> String {
        let w = GoRuneWidth.stringWidth(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
