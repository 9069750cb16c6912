import CNMSim
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
    case enteredRemote(String)
    case leftRemote
    case enteredMachine(String, String)
    case leftMachine(String)
    case notRunning(String)
    case noSuchContainer(String)
    case topologyUsage
    case unknownMachine(String)
    case interrupted
    case labsNotAvailable
    case labHeader(number: Int, title: String, place: String, minutes: Int, steps: Int)
    case stepHeader(lab: Int, labTitle: String, index: Int, total: Int, title: String, points: Int)
    case answerHow
    case optionalStep
    case hint(tier: String, text: String)
    case noMoreHints
    case solutionConfirm
    case solutionHeader
    case explanation(String)
    case solutionDeclined
    case labFinished(score: Int, max: Int)
    case practiceNote
    case resumed(lines: Int)
    case resumedUnchecked(Int)
    case nothingToResume
    case unfinishedLab(number: Int, title: String, step: Int, steps: Int)
    case resumeHow(id: String, enter: Bool)
    case promptDone
    case promptResume
    case resumeMismatch(sequence: Int, command: String)
    case noSuchLab(String)
    case labUsage
    case labQuit(String)
    case skipped
    case cannotSkip
    case resetUsage
    case resetDone
    case labListHeader
    case labNotStarted
    case labInProgress(done: Int, steps: Int)
    case labDone(score: Int, max: Int)
    case labAbandoned
    case labCurrent
    case labSize(steps: Int, minutes: Int)
    case theoryMissing(String)
    case progressUnavailable
    case storeError(String)
    case allDone

    public func render(_ lang: Language) -> String {
        switch (self, lang) {
        case (.welcome, .ko): return "cnmlab — 시뮬레이션된 Docker 28.2 호스트입니다. 도움말은 help, 종료는 exit 또는 Ctrl-D."
        case (.welcome, .en): return "cnmlab — a simulated Docker 28.2 host. Type help for help, exit or Ctrl-D to leave."
        case (.sandboxBanner, .ko): return "샌드박스 모드: 실습 없이 자유롭게 명령을 실행합니다. 채점되지 않습니다."
        case (.sandboxBanner, .en): return "Sandbox mode: run any command without a lab. Nothing is graded."
        case (.helpHeader, .ko): return "cnmlab 셸 명령 (그 밖의 줄은 시뮬레이션된 호스트에서 실행됩니다):"
        case (.helpHeader, .en): return "cnmlab shell commands (any other line runs on the simulated host):"
        case (.helpLine(let c, let ko, _), .ko): return "  " + c.padding(to: 37) + ko
        case (.helpLine(let c, _, let en), .en): return "  " + c.padding(to: 37) + en
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
        case (.enteredRemote(let ip), .ko): return "LAN의 다른 컴퓨터 remote(\(ip))에 접속했습니다. ping과 curl을 쓸 수 있습니다. 나가려면 exit."
        case (.enteredRemote(let ip), .en): return "Connected to remote (\(ip)), another machine on the LAN; ping and curl work there. Type exit to leave."
        case (.leftRemote, .ko): return "remote에서 나왔습니다."
        case (.leftRemote, .en): return "Connection to remote closed."
        case (.enteredMachine(let n, let ip), .ko): return "LAN의 Docker 호스트 \(n)(\(ip))에 접속했습니다. 이제 명령은 그 기기에서 실행됩니다. 나가려면 exit."
        case (.enteredMachine(let n, let ip), .en): return "Connected to \(n) (\(ip)), a Docker host on the LAN; commands now run there. Type exit to leave."
        case (.leftMachine(let n), .ko): return "\(n)에서 나왔습니다."
        case (.leftMachine(let n), .en): return "Connection to \(n) closed."
        case (.notRunning(let n), .ko): return "컨테이너 \(n): 실행 중이 아니어서 셸이 끝났습니다."
        case (.notRunning(let n), .en): return "Container \(n) is no longer running; its shell ended."
        case (.noSuchContainer(let n), .ko): return "그런 컨테이너가 없습니다: \(n)"
        case (.noSuchContainer(let n), .en): return "No such container: \(n)"
        case (.topologyUsage, .ko): return "사용법: topology [--mermaid|--dot] [기기]"
        case (.topologyUsage, .en): return "usage: topology [--mermaid|--dot] [MACHINE]"
        case (.unknownMachine(let n), .ko): return "이 LAN에 그런 기기가 없습니다: \(n) (hosts로 목록을 보세요)"
        case (.unknownMachine(let n), .en): return "no such machine on this LAN: \(n) (hosts lists them)"
        case (.interrupted, .ko): return "^C"
        case (.interrupted, .en): return "^C"
        case (.labHeader(let k, let t, let p, let m, let n), .ko): return "== \(k) · \(t) ==\n(\(p) · 단계 \(n)개 · 약 \(m)분)"
        case (.labHeader(let k, let t, let p, let m, let n), .en): return "== \(k) · \(t) ==\n(\(p) · \(n) steps · about \(m) min)"
        case (.stepHeader(let k, let lt, let i, let n, let t, let p), .ko): return "-- \(k) · \(lt) --\n-- 단계 \(i)/\(n): \(t) (\(p)점) --"
        case (.stepHeader(let k, let lt, let i, let n, let t, let p), .en): return "-- \(k) · \(lt) --\n-- Step \(i)/\(n): \(t) (\(p) points) --"
        case (.answerHow, .ko): return "(답은 answer 답 으로 입력)"
        case (.answerHow, .en): return "(answer with: answer YOUR-ANSWER)"
        case (.optionalStep, .ko): return "(선택 단계입니다. 건너뛰려면 skip)"
        case (.optionalStep, .en): return "(This step is optional. Type skip to skip it.)"
        case (.hint(let tier, let text), .ko): return "힌트 [\(Self.koreanTier[tier] ?? tier)]: \(text)"
        case (.hint(let tier, let text), .en): return "Hint [\(tier)]: \(text)"
        case (.noMoreHints, .ko): return "이 단계의 힌트를 모두 보았습니다."
        case (.noMoreHints, .en): return "No more hints for this step."
        case (.solutionConfirm, .ko): return "모범 답안을 볼까요? 기록되고 점수가 줄 수 있습니다. [y/N] "
        case (.solutionConfirm, .en): return "Show the solution? It is recorded and may cost points. [y/N] "
        case (.solutionHeader, .ko): return "모범 답안:"
        case (.solutionHeader, .en): return "Solution:"
        case (.explanation(let why), .ko): return "설명: " + why
        case (.explanation(let why), .en): return "Why: " + why
        case (.solutionDeclined, .ko): return "답안을 보지 않았습니다."
        case (.solutionDeclined, .en): return "Solution not shown."
        case (.labFinished(let s, let m), .ko): return "실습 완료: \(s)/\(m)점"
        case (.labFinished(let s, let m), .en): return "Lab finished: \(s)/\(m) points"
        case (.practiceNote, .ko): return "호스트는 그대로 있으니 계속 살펴봐도 됩니다. 이제부터 입력은 연습으로 기록되고 점수는 바뀌지 않습니다. 새 시도는 lab restart, 다른 실습은 labs."
        case (.practiceNote, .en): return "The host keeps running: explore as you like. What you type now is recorded as practice and leaves your score alone. lab restart starts a new attempt; labs lists the others."
        case (.resumed(let n), .ko): return "이전 시도를 이어 갑니다 (기록된 줄 \(n)개를 다시 실행했습니다)."
        case (.resumed(let n), .en): return "Resuming your attempt (\(n) logged lines replayed)."
        case (.resumedUnchecked(let n), .ko): return "그중 \(n)개는 이전 버전의 cnmlab이 기록해서 종료 코드만 확인했습니다."
        case (.resumedUnchecked(let n), .en): return "\(n) of them were recorded by an older cnmlab: only their exit codes could be checked."
        case (.nothingToResume, .ko): return "이어 할 실습이 없습니다. 목록은 labs."
        case (.nothingToResume, .en): return "No unfinished lab to resume. List the labs with labs."
        case (.unfinishedLab(let k, let t, let i, let n), .ko): return "끝내지 않은 실습: \(k) · \(t) — 단계 \(i)/\(n)"
        case (.unfinishedLab(let k, let t, let i, let n), .en): return "Unfinished lab: \(k) · \(t) — step \(i)/\(n)"
        case (.resumeHow(let id, true), .ko): return "이어 하려면 Enter를 누르거나 lab resume \(id)."
        case (.resumeHow(let id, true), .en): return "Press Enter to resume it, or type lab resume \(id)."
        case (.resumeHow(let id, false), .ko): return "이어 하려면 lab resume \(id)."
        case (.resumeHow(let id, false), .en): return "Type lab resume \(id) to continue."
        case (.promptDone, .ko): return "완료"
        case (.promptDone, .en): return "done"
        case (.promptResume, .ko): return "(Enter: 이어 하기)"
        case (.promptResume, .en): return "(Enter: lab resume)"
        case (.resumeMismatch(let q, let c), .ko): return "기록된 줄 \(q)(\(c))부터는 다시 실행한 결과가 기록과 다릅니다. 실습 파일이나 cnmlab이 바뀐 것 같습니다. 그 바로 앞에서 이어 갑니다. 처음부터 하려면 lab restart."
        case (.resumeMismatch(let q, let c), .en): return "From line \(q) (\(c)) on, the replay differs from the log: the lab file or cnmlab changed. You go on from just before it; lab restart starts over."
        case (.noSuchLab(let id), .ko): return "그런 실습이 없습니다: \(id) (목록은 labs)"
        case (.noSuchLab(let id), .en): return "No such lab: \(id) (see labs)"
        case (.labUsage, .ko): return "사용법: lab start ID|번호 | lab resume [ID|번호] | lab restart [ID|번호] | lab quit"
        case (.labUsage, .en): return "usage: lab start ID|N | lab resume [ID|N] | lab restart [ID|N] | lab quit"
        case (.labQuit(let id), .ko): return "실습에서 나왔습니다: \(id). 진행 상황은 저장되어 있습니다."
        case (.labQuit(let id), .en): return "Left lab \(id). Your progress is saved."
        case (.skipped, .ko): return "선택 단계를 건너뛰었습니다."
        case (.skipped, .en): return "Optional step skipped."
        case (.cannotSkip, .ko): return "이 단계는 건너뛸 수 없습니다."
        case (.cannotSkip, .en): return "This step cannot be skipped."
        case (.resetUsage, .ko): return "사용법: reset [step|lab]"
        case (.resetUsage, .en): return "usage: reset [step|lab]"
        case (.resetDone, .ko): return "처음 상태로 되돌렸습니다 (본 힌트와 답안은 그대로 기록됩니다)."
        case (.resetDone, .en): return "Reset done (hints and solutions already shown stay recorded)."
        case (.labListHeader, .ko): return "실습 목록 (lab start ID 또는 번호로 시작):"
        case (.labListHeader, .en): return "Labs (start one with lab start ID or its number):"
        case (.labNotStarted, .ko): return "시작 전"
        case (.labNotStarted, .en): return "not started"
        case (.labInProgress(let d, let n), .ko): return "진행 중 \(d)/\(n)"
        case (.labInProgress(let d, let n), .en): return "in progress \(d)/\(n)"
        case (.labDone(let s, let m), .ko): return "완료 \(s)/\(m)점"
        case (.labDone(let s, let m), .en): return "done \(s)/\(m)"
        case (.labAbandoned, .ko): return "중단"
        case (.labAbandoned, .en): return "abandoned"
        case (.labCurrent, .ko): return " (지금 하는 중)"
        case (.labCurrent, .en): return " (current)"
        case (.labSize(let n, let m), .ko): return "\(n)단계, 약 \(m)분"
        case (.labSize(let n, let m), .en): return "\(n) steps, ~\(m) min"
        case (.theoryMissing(let sec), .ko): return "이 단계의 이론 문서를 찾지 못했습니다: \(sec)"
        case (.theoryMissing(let sec), .en): return "No curriculum text found for \(sec)."
        case (.progressUnavailable, .ko): return "진도 데이터베이스가 열려 있지 않습니다."
        case (.progressUnavailable, .en): return "No progress database is open."
        case (.storeError(let m), .ko): return "진도 저장 오류: \(m)"
        case (.storeError(let m), .en): return "progress store error: \(m)"
        case (.allDone, .ko): return "모든 단계를 마쳤습니다."
        case (.allDone, .en): return "Every step is done."
        case (.labsNotAvailable, .ko): return "이 명령은 실습 중에만 쓸 수 있습니다. 실습 목록은 labs."
        case (.labsNotAvailable, .en): return "This command works inside a lab. List the labs with labs."
        }
    }
}

/// The words of `topology` as text, in Korean and English (the Mermaid and dot diagrams keep
/// English labels: they are source text for other tools).
public enum TopologyText: Sendable {
    case network(name: String, details: String)
    case noEndpoints
    case endpoint(endpoint: String, container: String)
    case loose
    case gateway(String)
    case bridge(String)
    case internalOnly
    case encrypted
    case alsoOn(String)
    case aliases(String)
    case sharedStack

    public func render(_ lang: Language) -> String {
        switch (self, lang) {
        case (.network(let n, let d), .ko): return "네트워크 \(n) (\(d))"
        case (.network(let n, let d), .en): return "network \(n) (\(d))"
        case (.noEndpoints, .ko): return "(엔드포인트 없음)"
        case (.noEndpoints, .en): return "(no endpoints)"
        case (.endpoint(let e, let c), .ko): return "엔드포인트 \(e) → 컨테이너 \(c)"
        case (.endpoint(let e, let c), .en): return "endpoint \(e) → container \(c)"
        case (.loose, .ko): return "엔드포인트가 없는 컨테이너 (실행 중이 아님):"
        case (.loose, .en): return "containers without endpoints (not running):"
        case (.gateway(let g), .ko): return "게이트웨이 \(g)"
        case (.gateway(let g), .en): return "gateway \(g)"
        case (.bridge(let d), .ko): return "브리지 \(d)"
        case (.bridge(let d), .en): return "bridge \(d)"
        case (.internalOnly, .ko): return "내부 전용(internal)"
        case (.internalOnly, .en): return "internal"
        case (.encrypted, .ko): return "암호화"
        case (.encrypted, .en): return "encrypted"
        case (.alsoOn(let m), .ko): return "다른 노드: \(m)"
        case (.alsoOn(let m), .en): return "also on \(m)"
        case (.aliases(let a), .ko): return "별칭 \(a)"
        case (.aliases(let a), .en): return "aliases \(a)"
        case (.sharedStack, .ko): return "공유 네트워크 스택"
        case (.sharedStack, .en): return "shared stack"
        }
    }
}

extension ShellText {
    /// The hint tiers of a lab (`nudge`, `concept`, `command`) as a Korean learner reads them.
    static let koreanTier = ["nudge": "방향", "concept": "개념", "command": "명령"]
}

extension String {
    /// Pads with spaces to `width` terminal columns (Hangul counts two).
    func padding(to width: Int) -> String {
        let w = GoRuneWidth.stringWidth(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
