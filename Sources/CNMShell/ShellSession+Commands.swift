/// One command the shell knows by name, in the one table that the dispatcher, `help` and TAB
/// completion all read — so a command cannot be dispatched without being listed, or listed
/// without being completed.
struct MetaCommand: Sendable {
    /// Names (the first is the one `help` shows).
    let names: [String]
    /// What follows the name in `help`.
    let arguments: String
    let ko: String
    let en: String
    /// Words TAB offers right after the name.
    let subcommands: [String]
    /// Only meaningful in a lab (outside one, the shell says so).
    let labOnly: Bool
    /// Runs the command; nil when the line is not the shell's after all (it then runs on the
    /// simulated host, or as lab input, exactly as typed: `why`, `hosts`, `ssh HOST CMD`, `answer`).
    let run: @Sendable (inout ShellSession, _ words: [String], _ line: String) -> ShellReply?

    init(_ names: [String], _ arguments: String = "", ko: String, en: String, subcommands: [String] = [],
         labOnly: Bool = false, run: @escaping @Sendable (inout ShellSession, [String], String) -> ShellReply?) {
        self.names = names; self.arguments = arguments; self.ko = ko; self.en = en
        self.subcommands = subcommands; self.labOnly = labOnly; self.run = run
    }

    /// `lab start|restart|resume|quit [ID]` as `help` shows it.
    var usage: String { arguments.isEmpty ? names[0] : names[0] + " " + arguments }
}

extension ShellSession {
    /// Every command the shell knows by name, in `help` order.
    static let commandTable: [MetaCommand] = [
        MetaCommand(["help"], ko: "이 도움말", en: "this help") { s, _, _ in ShellReply(stdout: s.help()) },
        MetaCommand(["labs"], ko: "실습 목록 (번호, 상태)", en: "list the labs (number, state)") { s, _, _ in s.listLabs() },
        MetaCommand(["lab"], "start|restart|resume|quit [ID|N]", ko: "실습 시작·다시 시작(새 시도)·이어 하기·나가기",
                    en: "start, restart (a new attempt), resume or leave a lab",
                    subcommands: ["start", "restart", "resume", "quit"]) { s, w, _ in s.labCommand(w) },
        MetaCommand(["step"], ko: "현재 단계의 설명", en: "show the current step", labOnly: true) { s, _, _ in
            ShellReply(stdout: s.currentStepText())
        },
        MetaCommand(["check"], ko: "현재 단계 점검 (PASS/FAIL과 기대값)", en: "check the step (PASS/FAIL, expected vs actual)",
                    labOnly: true) { s, _, _ in s.checkStep() },
        MetaCommand(["hint"], ko: "다음 힌트 (기록되며 점수가 줄 수 있음)", en: "the next hint (recorded; may cost points)",
                    labOnly: true) { s, _, _ in s.labLine(.hint) },
        MetaCommand(["solution"], ko: "모범 답안 (확인 후, 기록됨)", en: "the reference solution (asks first; recorded)",
                    labOnly: true) { s, _, _ in
            // Once every step is done there is nothing to reveal: say so, as hint and check do, rather
            // than ask a question that warns of a cost.
            if s.active?.session.step == nil { return ShellReply(stdout: s.text(.allDone)) }
            s.confirmingSolution = true
            return ShellReply()
        },
        MetaCommand(["answer"], "TEXT", ko: "질문 단계에 답하기", en: "answer the step's question", labOnly: true) { _, _, _ in nil },
        MetaCommand(["skip"], ko: "선택 단계 건너뛰기", en: "skip an optional step", labOnly: true) { s, _, _ in s.labLine(.skip) },
        MetaCommand(["reset"], "[step|lab]", ko: "단계나 실습을 처음 상태로 (본 힌트는 그대로 기록)",
                    en: "back to where the step or lab began (hints stay recorded)", subcommands: ["step", "lab"],
                    labOnly: true) { s, w, _ in s.reset(w) },
        MetaCommand(["undo"], ko: "마지막 상태 변경 명령 되돌리기", en: "take back the last state-changing command") { s, _, _ in
            s.active != nil ? s.labLine(.undo) : s.undo()
        },
        MetaCommand(["history"], ko: "입력한 명령 목록", en: "the lines typed so far") { s, _, _ in ShellReply(stdout: s.historyText()) },
        MetaCommand(["topology"], "[--mermaid|--dot] [MACHINE]", ko: "네트워크·엔드포인트·컨테이너 그림 (다른 기기도)",
                    en: "networks, endpoints and containers (of any machine)",
                    subcommands: ["--mermaid", "--dot"]) { s, w, _ in s.topology(w) },
        MetaCommand(["why"], "FROM TO[:PORT]", ko: "패킷 경로와 판정 설명", en: "explain a packet's path and verdict") { _, _, _ in nil },
        MetaCommand(["hosts"], ko: "LAN의 기기 목록", en: "the machines of the LAN") { _, _, _ in nil },
        MetaCommand(["ssh"], "MACHINE [COMMAND]", ko: "LAN의 다른 기기에 접속 (또는 거기서 명령 하나 실행)",
                    en: "open a prompt on another machine of the LAN (or run one command there)") { s, w, _ in s.ssh(w) },
        MetaCommand(["theory"], ko: "현재 실습의 이론", en: "the theory behind the lab", labOnly: true) { s, _, _ in
            s.theory(s.active?.lab.place.section ?? "")
        },
        MetaCommand(["progress"], ko: "진도", en: "your progress") { s, _, _ in s.progressReport() },
        MetaCommand(["engine"], "[start [SOCKET]|stop|status]", ko: "다른 터미널의 실제 docker 클라이언트용 Docker Engine API",
                    en: "the Docker Engine API, for the real docker client in another terminal",
                    subcommands: ["start", "stop", "status"]) { s, w, _ in s.engineCommand(w) },
        MetaCommand(["lang"], "ko|en", ko: "언어 바꾸기", en: "switch language", subcommands: ["ko", "en"]) { s, w, _ in s.lang(w) },
        MetaCommand(["exit", "quit", "logout"], ko: "종료 (Ctrl-D도 가능)", en: "leave (or Ctrl-D)") { s, _, _ in
            ShellReply(stdout: ShellText.bye.render(s.language) + "\n", exit: true)
        },
    ]

    /// Every name of the table (what TAB offers at the start of a line besides programs).
    public static var metaCommands: [String] { commandTable.flatMap(\.names) }

    /// The table's entry for a first word.
    static func metaCommand(_ name: String) -> MetaCommand? { commandTable.first { $0.names.contains(name) } }

    /// `help`: generated from the table.
    func help() -> String {
        let lines = Self.commandTable.map {
            TextWrap.wrapRow(ShellText.helpLine(command: $0.usage, ko: $0.ko, en: $0.en).render(language), width: textWidth,
                             hangingIndent: 39) + "\n"
        }
        return text(.helpHeader) + lines.joined()
    }
}
