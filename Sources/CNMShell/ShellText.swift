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
    case finishedBefore(score: Int, max: Int, attempt: Int)
    case restarted(attempt: Int)
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
    case questionOpen
    case noVisibleChecks

    /// The Korean and English templates of each message (`MessageTemplate`: `{name}`, `{name:이}`),
    /// side by side so that neither can be missing.
    var templates: (ko: String, en: String) {
        switch self {
        case .welcome: return ("cnmlab — 시뮬레이션된 Docker 28.2 호스트입니다. 도움말은 help, 종료는 exit 또는 Ctrl-D.", "cnmlab — a simulated Docker 28.2 host. Type help for help, exit or Ctrl-D to leave.")
        case .sandboxBanner: return ("샌드박스 모드: 실습 없이 자유롭게 명령을 실행합니다. 채점되지 않습니다.", "Sandbox mode: run any command without a lab. Nothing is graded.")
        case .helpHeader: return ("cnmlab 셸 명령 (그 밖의 줄은 시뮬레이션된 호스트에서 실행됩니다):", "cnmlab shell commands (any other line runs on the simulated host):")
        case .bye: return ("안녕히 가세요.", "Bye.")
        case .languageSet: return ("언어: 한국어", "Language: English")
        case .languageUsage: return ("사용법: lang ko|en", "usage: lang ko|en")
        case .unknownLanguage: return ("지원하지 않는 언어: {language} (ko 또는 en)", "unsupported language: {language} (ko or en)")
        case .historyEmpty: return ("아직 실행한 명령이 없습니다.", "No commands yet.")
        case .undoNothing: return ("되돌릴 상태 변경 명령이 없습니다.", "Nothing to undo: no state-changing command yet.")
        case .undone: return ("되돌림: {command}", "Undone: {command}")
        case .enteredContainer: return ("컨테이너 {container} 안의 셸입니다. 나가려면 exit.", "Shell inside container {container}. Type exit to leave.")
        case .leftContainer: return ("컨테이너 {container}에서 나왔습니다.", "Left container {container}.")
        case .enteredRemote: return ("LAN의 다른 컴퓨터 remote({address})에 접속했습니다. ping과 curl을 쓸 수 있습니다. 나가려면 exit.", "Connected to remote ({address}), another machine on the LAN; ping and curl work there. Type exit to leave.")
        case .leftRemote: return ("remote에서 나왔습니다.", "Connection to remote closed.")
        case .enteredMachine: return ("LAN의 Docker 호스트 {machine}({address})에 접속했습니다. 이제 명령은 그 기기에서 실행됩니다. 나가려면 exit.", "Connected to {machine} ({address}), a Docker host on the LAN; commands now run there. Type exit to leave.")
        case .leftMachine: return ("{machine}에서 나왔습니다.", "Connection to {machine} closed.")
        case .notRunning: return ("컨테이너 {container}: 실행 중이 아니어서 셸이 끝났습니다.", "Container {container} is no longer running; its shell ended.")
        case .noSuchContainer: return ("그런 컨테이너가 없습니다: {container}", "No such container: {container}")
        case .topologyUsage: return ("사용법: topology [--mermaid|--dot] [기기]", "usage: topology [--mermaid|--dot] [MACHINE]")
        case .unknownMachine: return ("이 LAN에 그런 기기가 없습니다: {machine} (hosts로 목록을 보세요)", "no such machine on this LAN: {machine} (hosts lists them)")
        case .interrupted: return ("^C", "^C")
        case .labsNotAvailable: return ("이 명령은 실습 중에만 쓸 수 있습니다. 실습 목록은 labs.", "This command works inside a lab. List the labs with labs.")
        case .labHeader: return ("== {number} · {title} ==\n({place} · 단계 {steps}개 · 약 {minutes}분)", "== {number} · {title} ==\n({place} · {steps} steps · about {minutes} min)")
        case .stepHeader: return ("-- {lab} · {labTitle} --\n-- 단계 {index}/{total}: {title} ({points}점) --", "-- {lab} · {labTitle} --\n-- Step {index}/{total}: {title} ({points} points) --")
        case .answerHow: return ("(답하는 법: answer 답)", "(answer with: answer YOUR-ANSWER)")
        case .optionalStep: return ("(선택 단계입니다. 건너뛰려면 skip)", "(This step is optional. Type skip to skip it.)")
        case .noMoreHints: return ("이 단계의 힌트를 모두 보았습니다.", "No more hints for this step.")
        case .solutionConfirm: return ("모범 답안을 볼까요? 기록되고 점수가 줄 수 있습니다. [y/N] ", "Show the solution? It is recorded and may cost points. [y/N] ")
        case .solutionHeader: return ("모범 답안:", "Solution:")
        case .solutionDeclined: return ("답안을 보지 않았습니다.", "Solution not shown.")
        case .labFinished: return ("실습 완료: {score}/{max}점", "Lab finished: {score}/{max} points")
        case .practiceNote: return ("호스트는 그대로 있으니 계속 살펴봐도 됩니다. 이제부터 입력은 연습으로 기록되고 점수는 바뀌지 않습니다. 새 시도는 lab restart, 다른 실습은 labs.", "The host keeps running: explore as you like. What you type now is recorded as practice and leaves your score alone. lab restart starts a new attempt; labs lists the others.")
        case .restarted: return ("{attempt}번째 시도를 처음부터 시작합니다. 이전 시도는 닫혔고 그 점수는 그대로 남습니다.", "This starts attempt {attempt} from the beginning; the earlier attempts are closed and keep their scores.")
        case .finishedBefore: return ("이 실습은 이미 끝냈습니다 (가장 좋은 점수 {score}/{max}점). {attempt}번째 시도를 새로 시작합니다. 끝낸 시도의 점수는 그대로 남습니다.", "You finished this lab before (best score {score}/{max} points). This starts attempt {attempt}; the finished one keeps its score.")
        case .resumed(0): return ("이전 시도를 이어 갑니다 (다시 실행할 기록이 없습니다).", "Resuming your attempt (nothing logged to replay).")
        case .resumed(1): return ("이전 시도를 이어 갑니다 (기록된 줄 1개를 다시 실행했습니다).", "Resuming your attempt (1 logged line replayed).")
        case .resumed: return ("이전 시도를 이어 갑니다 (기록된 줄 {lines}개를 다시 실행했습니다).", "Resuming your attempt ({lines} logged lines replayed).")
        case .resumedUnchecked: return ("그중 {count}개는 이전 버전의 cnmlab이 기록해서 종료 코드만 확인했습니다.", "{count} of them were recorded by an older cnmlab: only their exit codes could be checked.")
        case .nothingToResume: return ("이어 할 실습이 없습니다. 목록은 labs.", "No unfinished lab to resume. List the labs with labs.")
        case .unfinishedLab: return ("끝내지 않은 실습: {number} · {title} — 단계 {step}/{steps}", "Unfinished lab: {number} · {title} — step {step}/{steps}")
        case .resumeHow(_, true): return ("이어 하려면 Enter를 누르거나 lab resume {id}.", "Press Enter to resume it, or type lab resume {id}.")
        case .resumeHow(_, false): return ("이어 하려면 lab resume {id}.", "Type lab resume {id} to continue.")
        case .promptDone: return ("완료", "done")
        case .promptResume: return ("(Enter: 이어 하기)", "(Enter: lab resume)")
        case .resumeMismatch: return ("기록된 줄 {sequence}({command})부터는 다시 실행한 결과가 기록과 다릅니다. 실습 파일이나 cnmlab이 바뀐 것 같습니다. 그 바로 앞에서 이어 갑니다. 처음부터 하려면 lab restart.", "From line {sequence} ({command}) on, the replay differs from the log: the lab file or cnmlab changed. You go on from just before it; lab restart starts over.")
        case .noSuchLab: return ("그런 실습이 없습니다: {lab} (목록은 labs)", "No such lab: {lab} (see labs)")
        case .labUsage: return ("사용법: lab start ID|번호 | lab resume [ID|번호] | lab restart [ID|번호] | lab quit", "usage: lab start ID|N | lab resume [ID|N] | lab restart [ID|N] | lab quit")
        case .labQuit: return ("실습에서 나왔습니다: {lab}. 진행 상황은 저장되어 있습니다.", "Left lab {lab}. Your progress is saved.")
        case .skipped: return ("선택 단계를 건너뛰었습니다.", "Optional step skipped.")
        case .cannotSkip: return ("이 단계는 건너뛸 수 없습니다.", "This step cannot be skipped.")
        case .resetUsage: return ("사용법: reset [step|lab]", "usage: reset [step|lab]")
        case .resetDone: return ("처음 상태로 되돌렸습니다 (본 힌트와 답안은 그대로 기록됩니다).", "Reset done (hints and solutions already shown stay recorded).")
        case .labListHeader: return ("실습 목록 (lab start ID 또는 번호로 시작):", "Labs (start one with lab start ID or its number):")
        case .labNotStarted: return ("시작 전", "not started")
        case .labInProgress: return ("진행 중 {done}/{steps}", "in progress {done}/{steps}")
        case .labDone: return ("완료 {score}/{max}점", "done {score}/{max}")
        case .labAbandoned: return ("중단", "abandoned")
        case .labCurrent: return (" (지금 하는 중)", " (current)")
        case .labSize: return ("단계 {steps}개, 약 {minutes}분", "{steps} steps, ~{minutes} min")
        case .theoryMissing: return ("이 단계의 이론 문서를 찾지 못했습니다: {section}", "No curriculum text found for {section}.")
        case .progressUnavailable: return ("진도 데이터베이스가 열려 있지 않습니다.", "No progress database is open.")
        case .storeError: return ("진도 저장 오류: {detail}", "progress store error: {detail}")
        case .allDone: return ("모든 단계를 마쳤습니다.", "Every step is done.")
        case .questionOpen: return ("이 단계는 질문에 답해야 끝납니다 (answer 답).", "This step ends when its question is answered (answer YOUR-ANSWER).")
        case .noVisibleChecks: return ("이 단계에는 보여 줄 점검이 없습니다.", "This step has no checks to show.")
        case .helpLine: return ("  {command}{description}", "  {command}{description}")
        case .hint: return ("힌트 [{tier}]: {text}", "Hint [{tier}]: {text}")
        case .explanation: return ("설명: {text}", "Why: {text}")
        }
    }

    /// The values the templates name.
    func values(_ lang: Language) -> [String: String] {
        switch self {
        case .helpLine(let command, let ko, let en):
            // The description is written in both languages where the command is declared (`MetaCommand`).
            return ["command": command.padding(to: 37), "description": lang == .ko ? ko : en]
        case .unknownLanguage(let language): return ["language": "\(language)"]
        case .undone(let command): return ["command": "\(command)"]
        case .enteredContainer(let container): return ["container": "\(container)"]
        case .leftContainer(let container): return ["container": "\(container)"]
        case .enteredRemote(let address): return ["address": "\(address)"]
        case .enteredMachine(let machine, let address): return ["machine": "\(machine)", "address": "\(address)"]
        case .leftMachine(let machine): return ["machine": "\(machine)"]
        case .notRunning(let container): return ["container": "\(container)"]
        case .noSuchContainer(let container): return ["container": "\(container)"]
        case .unknownMachine(let machine): return ["machine": "\(machine)"]
        case .labHeader(let number, let title, let place, let minutes, let steps): return ["number": "\(number)", "title": "\(title)", "place": "\(place)", "minutes": "\(minutes)", "steps": "\(steps)"]
        case .stepHeader(let lab, let labTitle, let index, let total, let title, let points): return ["lab": "\(lab)", "labTitle": "\(labTitle)", "index": "\(index)", "total": "\(total)", "title": "\(title)", "points": "\(points)"]
        case .hint(let tier, let text): return ["tier": lang == .ko ? Self.koreanTier[tier] ?? tier : tier, "text": text]
        case .explanation(let text): return ["text": "\(text)"]
        case .labFinished(let score, let max): return ["score": "\(score)", "max": "\(max)"]
        case .finishedBefore(let score, let max, let attempt): return ["score": "\(score)", "max": "\(max)", "attempt": "\(attempt)"]
        case .restarted(let attempt): return ["attempt": "\(attempt)"]
        case .resumed(let lines): return ["lines": "\(lines)"]
        case .resumedUnchecked(let count): return ["count": "\(count)"]
        case .unfinishedLab(let number, let title, let step, let steps): return ["number": "\(number)", "title": "\(title)", "step": "\(step)", "steps": "\(steps)"]
        case .resumeHow(let id, _): return ["id": id]
        case .resumeMismatch(let sequence, let command): return ["sequence": "\(sequence)", "command": "\(command)"]
        case .noSuchLab(let lab): return ["lab": "\(lab)"]
        case .labQuit(let lab): return ["lab": "\(lab)"]
        case .labInProgress(let done, let steps): return ["done": "\(done)", "steps": "\(steps)"]
        case .labDone(let score, let max): return ["score": "\(score)", "max": "\(max)"]
        case .labSize(let steps, let minutes): return ["steps": "\(steps)", "minutes": "\(minutes)"]
        case .theoryMissing(let section): return ["section": "\(section)"]
        case .storeError(let detail): return ["detail": "\(detail)"]
        default: return [:]
        }
    }

    public func render(_ lang: Language) -> String {
        MessageTemplate.fill(lang == .ko ? templates.ko : templates.en, values(lang))
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

    /// The Korean and English templates of each word (`MessageTemplate`), side by side.
    var templates: (ko: String, en: String) {
        switch self {
        case .network: return ("네트워크 {name} ({details})", "network {name} ({details})")
        case .noEndpoints: return ("(엔드포인트 없음)", "(no endpoints)")
        case .endpoint: return ("엔드포인트 {endpoint} → 컨테이너 {container}", "endpoint {endpoint} → container {container}")
        case .loose: return ("엔드포인트가 없는 컨테이너 (실행 중이 아님):", "containers without endpoints (not running):")
        case .gateway: return ("게이트웨이 {0}", "gateway {0}")
        case .bridge: return ("브리지 {0}", "bridge {0}")
        case .internalOnly: return ("내부 전용(internal)", "internal")
        case .encrypted: return ("암호화", "encrypted")
        case .alsoOn: return ("다른 노드: {0}", "also on {0}")
        case .aliases: return ("별칭 {0}", "aliases {0}")
        case .sharedStack: return ("공유 네트워크 스택", "shared stack")
        }
    }

    /// The values the templates name.
    var values: [String: String] {
        switch self {
        case .network(let name, let details): return ["name": name, "details": details]
        case .endpoint(let endpoint, let container): return ["endpoint": endpoint, "container": container]
        case .gateway(let v), .bridge(let v), .alsoOn(let v), .aliases(let v): return ["0": v]
        case .noEndpoints, .loose, .internalOnly, .encrypted, .sharedStack: return [:]
        }
    }

    public func render(_ lang: Language) -> String {
        MessageTemplate.fill(lang == .ko ? templates.ko : templates.en, values)
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
