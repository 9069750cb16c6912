import CNMSim
import CNMCommands
import CNMLabs
import CNMProgress

/// What the shell shows after one line: output, whether the line needs a
/// continuation, and whether the learner asked to leave.
public struct ShellReply: Sendable, Equatable {
    public var stdout: String = ""
    public var stderr: String = ""
    public var needsContinuation = false
    public var exit = false
    /// Long reading (`theory`): shown through the pager when it is taller than the terminal.
    public var paged = false

    public init(stdout: String = "", stderr: String = "", needsContinuation: Bool = false, exit: Bool = false) {
        self.stdout = stdout; self.stderr = stderr; self.needsContinuation = needsContinuation; self.exit = exit
    }
}

/// The heart of `cnmlab shell`, free of any terminal: takes typed lines, runs
/// meta-commands itself and everything else on the simulated host (or inside
/// the container a nested shell is attached to), and keeps the history and
/// the snapshots `undo` needs. Tests drive it directly; `ShellRunner` wires it
/// to libedit or to plain standard input.
public struct ShellSession: Sendable {
    public internal(set) var simulator: Simulator
    public var language: Language
    /// Lines typed, in order (meta-commands included), for `history`.
    public private(set) var history: [String] = []
    /// The container a nested shell (`docker exec -it C sh`) is attached to.
    public internal(set) var attachedContainer: String?
    /// The machine that container runs on, when it is not docker-host (`ssh worker1`, then `docker exec -it C sh`).
    public internal(set) var attachedContainerMachine: String?
    /// The shell opened in the attached container (`sh`, `bash`), which sets the prompt.
    public internal(set) var attachedShellProgram = "sh"
    /// The machine a nested `ssh HOST` session is open on (`remote` or one of the LAN's Docker hosts).
    public internal(set) var attachedMachine: String?
    /// States before each state-changing command, for `undo`.
    private var undoStack: [(command: String, cluster: Cluster)] = []
    /// The start of a line still waiting for its continuation.
    private var pending: String?
    /// The labs this shell offers, in curriculum order.
    public let labs: [Lab]
    /// Where progress is committed (nil: nothing is recorded).
    let store: ProgressStore?
    public let learner: String
    /// The folder holding the curriculum texts (`ko/`, `en/`) for `theory`; nil: the built-in course.
    let curriculumDir: String?
    /// The lab in progress, if any.
    var active: ActiveLab?
    /// Waiting for the y/N answer to `solution`.
    var confirmingSolution = false
    /// The terminal's width for the shell's own texts (nil: not wrapped); see `TextWrap`.
    public var textWidth: Int?
    /// Bold and underline in `theory` (a terminal without NO_COLOR).
    public var styledText = false

    public static let metaCommands = ["help", "exit", "quit", "lang", "history", "undo", "topology", "labs", "lab",
                                      "step", "check", "hint", "solution", "reset", "theory", "progress", "engine"]

    public init(seed: UInt64 = 0, language: Language, labs: [Lab] = [], store: ProgressStore? = nil,
                learner: String = "learner", curriculumDir: String? = nil, hosts: [HostSpec] = Cluster.courseHosts) {
        simulator = Simulator(seed: seed, hosts: hosts)
        simulator.language = language.rawValue
        self.language = language
        self.labs = labs.sorted { ($0.place.section, $0.id) < ($1.place.section, $1.id) }
        self.store = store
        self.learner = learner
        self.curriculumDir = curriculumDir
    }

    /// The simulated world the learner sees: the lab's, or the sandbox's.
    public var engine: Engine { active?.session.engine ?? simulator.engine }

    /// The lab in progress, if any.
    public var labSession: LabSession? { active?.session }

    /// The prompt for the next line.
    public var prompt: String {
        if pending != nil { return "> " }
        if confirmingSolution { return ShellText.solutionConfirm.render(language) }
        if let id = attachedContainer {
            let c = engine(on: attachedContainerMachine)?.containers[id]
            return c.flatMap { ContainerShell.open(attachedShellProgram, in: $0)?.prompt } ?? "/ # "
        }
        if let machine = attachedMachine { return "\(machine)$ " }
        var p = "\(engine.host.hostname)$ "
        if let s = active?.session {
            p = "[\(s.lab.id) · \(min(s.currentStep + 1, s.lab.steps.count))/\(s.lab.steps.count)] " + p
        }
        return p
    }

    public var completer: Completer {
        let cluster = active?.session.simulator.cluster ?? simulator.cluster
        return Completer(metaCommands: Self.metaCommands + ["skip"], labIDs: labs.map(\.id),
                         machines: cluster.machines.dropFirst().map(\.name))
    }

    /// Handles one typed line.
    public mutating func handle(_ raw: String) -> ShellReply {
        if confirmingSolution { return confirmSolution(raw) }
        let line = pending.map { $0 + "\n" + raw } ?? raw
        if case .incomplete = ShellLine.parse(line) {
            pending = line
            return ShellReply(needsContinuation: true)
        }
        pending = nil
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty { return ShellReply() }
        history.append(line)
        if let id = attachedContainer {
            return handleInContainer(trimmed, line: line, id: id)
        }
        if let machine = attachedMachine {
            if trimmed == "exit" || trimmed.hasPrefix("exit ") || trimmed == "logout" {
                attachedMachine = nil
                return ShellReply(stdout: text(machine == "remote" ? ShellText.leftRemote : ShellText.leftMachine(machine)))
            }
            if machine != "remote", words(of: trimmed).first == "topology" { return topology(words(of: trimmed)) }
            if machine != "remote", let target = Self.nestedShellTarget(words(of: trimmed)) { return attach(target.container, shell: target.shell, on: machine) }
            // remote runs only ping and curl, word by word; a Docker host gets the line as typed.
            let forwarded = machine == "remote" ? "ssh remote " + line : "ssh \(machine) " + Self.singleQuoted(line)
            if active != nil { return labInput(forwarded) }
            if Self.changesState(["ssh", machine] + words(of: trimmed)) { pushUndo(forwarded) }
            let out = simulator.run(line: forwarded)
            return ShellReply(stdout: out.stdout, stderr: out.stderr)
        }
        let words = words(of: trimmed)
        switch words[0] {
        case "exit", "quit", "logout": return ShellReply(stdout: ShellText.bye.render(language) + "\n", exit: true)
        case "help": return ShellReply(stdout: help())
        case "lang": return lang(words)
        case "history": return ShellReply(stdout: historyText())
        case "undo": return active != nil ? labUndo() : undo()
        case "topology": return topology(words)
        case "labs": return listLabs()
        case "lab": return labCommand(words)
        case "progress": return progressReport()
        case "step", "check", "hint", "solution", "reset", "theory", "skip":
            guard active != nil else { return ShellReply(stderr: ShellText.labsNotAvailable.render(language) + "\n") }
            return labMeta(words)
        default: break
        }
        if let target = Self.nestedShellTarget(words) {
            return attach(target.container, shell: target.shell)
        }
        if words.count == 2, words[0] == "ssh" {
            let target = String(words[1].split(separator: "@").last ?? "")
            if ["remote", "192.168.1.50"].contains(target) {
                attachedMachine = "remote"
                return ShellReply(stdout: text(.enteredRemote))
            }
            let cluster = currentCluster
            if let k = cluster.machineIndex(target), k != 0 {
                let m = cluster.machines[k]
                attachedMachine = m.name
                return ShellReply(stdout: text(.enteredMachine(m.name, m.address.description)))
            }
        }
        if active != nil { return labInput(line) }
        // Only a command that may change the state keeps the world before it (a copy-on-write snapshot).
        if Self.changesState(words) { pushUndo(line) }
        let out = simulator.run(line: line)
        return ShellReply(stdout: out.stdout, stderr: out.stderr)
    }

    func words(of trimmed: String) -> [String] {
        trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    mutating func pushUndo(_ line: String) {
        undoStack.append((line, simulator.cluster))
        if undoStack.count > 200 { undoStack.removeFirst() }
    }

    /// `docker exec -it C sh` (or bash, ash, /bin/sh): the container to attach to.
    static func nestedShellTarget(_ words: [String]) -> (container: String, shell: String)? {
        guard words.count >= 4, words[0] == "docker" else { return nil }
        var rest = Array(words.dropFirst())
        if rest.first == "container" { rest.removeFirst() }
        guard rest.first == "exec" else { return nil }
        rest.removeFirst()
        var interactive = false, tty = false
        while let flag = rest.first, flag.hasPrefix("-") {
            if flag == "--interactive" { interactive = true } else if flag == "--tty" { tty = true }
            else if !flag.hasPrefix("--") {
                if flag.contains("i") { interactive = true }
                if flag.contains("t") { tty = true }
            }
            rest.removeFirst()
        }
        guard interactive, tty, rest.count == 2, ProcessPlan.shells.contains(rest[1]) else { return nil }
        return (rest[0], rest[1])
    }

    /// The cluster the learner types into: the lab's, or the sandbox's.
    var currentCluster: Cluster { active?.session.simulator.cluster ?? simulator.cluster }

    /// The engine of the machine a nested prompt is on (docker-host when none).
    func engine(on machine: String?) -> Engine? {
        guard let machine else { return engine }
        let cluster = currentCluster
        return cluster.machineIndex(machine).map { cluster.machines[$0].engine }
    }

    mutating func attach(_ term: String, shell program: String = "sh", on machine: String? = nil) -> ShellReply {
        guard let engine = engine(on: machine), case .success(let c) = engine.findContainer(term) else {
            return ShellReply(stderr: "Error response from daemon: No such container: \(term)\n")
        }
        guard c.isRunning else {
            return ShellReply(stderr: "Error response from daemon: container \(c.id) is not running\n")
        }
        guard ContainerShell.open(program, in: c) != nil else {
            return ShellReply(stdout: "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown\r\n")
        }
        attachedContainer = c.id
        attachedShellProgram = program
        attachedContainerMachine = machine
        return ShellReply(stdout: ShellText.enteredContainer(c.name).render(language) + "\n")
    }

    mutating func handleInContainer(_ trimmed: String, line: String, id: String) -> ShellReply {
        let machine = attachedContainerMachine
        let here = engine(on: machine)
        let name = here?.containers[id]?.name ?? String(id.prefix(12))
        if trimmed == "exit" || trimmed.hasPrefix("exit ") {
            attachedContainer = nil
            attachedContainerMachine = nil
            return ShellReply(stdout: ShellText.leftContainer(name).render(language) + "\n")
        }
        guard here?.containers[id]?.isRunning == true else {
            attachedContainer = nil
            attachedContainerMachine = nil
            return ShellReply(stderr: ShellText.notRunning(name).render(language) + "\n")
        }
        let exec = "docker exec \(name) \(attachedShellProgram) -c " + Self.singleQuoted(line)
        if active != nil {
            // In a lab, the nested line is recorded as what it is: a command run in the container (on its machine).
            return labInput(machine.map { "ssh \($0) " + Self.singleQuoted(exec) } ?? exec)
        }
        let k = machine.flatMap { simulator.cluster.machineIndex($0) } ?? simulator.machine
        var inside = Simulator(cluster: simulator.cluster, machine: k, site: .container(id: id))
        inside.shell = here?.containers[id].flatMap { ContainerShell.open(attachedShellProgram, in: $0) }
        simulator.cluster = Cluster(seed: 0)
        let out = inside.run(line: line)
        simulator.cluster = inside.cluster
        return ShellReply(stdout: out.stdout, stderr: out.stderr)
    }

    /// A word quoted for `sh -c`.
    static func singleQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Commands that may change the simulated state (what `undo` can revert).
    static func changesState(_ words: [String]) -> Bool {
        guard let program = words.first else { return false }
        switch program {
        case "ssh":
            return words.count > 2 && changesState(Array(words.dropFirst(2)))
        case "docker":
            let rest = words.dropFirst().filter { !$0.hasPrefix("-") }
            guard let sub = rest.first else { return false }
            let second = rest.dropFirst().first
            if sub == "swarm" { return second != "join-token" }
            if sub == "service" { return ["create", "rm", "remove", "scale", "update"].contains(second ?? "") }
            if sub == "network" || sub == "container" {
                return ["create", "rm", "remove", "connect", "disconnect", "prune", "run", "start", "stop", "restart"]
                    .contains(second ?? "")
            }
            return ["run", "create", "start", "stop", "restart", "rm", "exec"].contains(sub)
        case "iptables":
            return words.contains { ["-A", "-I", "-D", "-R", "-F", "-N", "-X", "-P", "-Z"].contains($0) }
        case "sleep":
            return true
        default:
            return false
        }
    }

    mutating func undo() -> ShellReply {
        guard let last = undoStack.popLast() else { return ShellReply(stderr: ShellText.undoNothing.render(language) + "\n") }
        simulator.cluster = last.cluster
        return ShellReply(stdout: ShellText.undone(last.command).render(language) + "\n")
    }

    mutating func lang(_ words: [String]) -> ShellReply {
        guard words.count == 2 else { return ShellReply(stderr: ShellText.languageUsage.render(language) + "\n") }
        guard let l = Language(rawValue: words[1]) else {
            return ShellReply(stderr: ShellText.unknownLanguage(words[1]).render(language) + "\n")
        }
        language = l
        simulator.language = l.rawValue
        active?.setLocale(l == .ko ? .ko : .en)
        return ShellReply(stdout: ShellText.languageSet.render(language) + "\n")
    }

    func historyText() -> String {
        let shown = history.dropLast()
        if shown.isEmpty { return ShellText.historyEmpty.render(language) + "\n" }
        let width = String(shown.count).count
        return shown.enumerated().map { i, l in
            let n = String(i + 1)
            return String(repeating: " ", count: max(0, width - n.count) + 2) + n + "  " + l + "\n"
        }.joined()
    }

    /// `topology [--mermaid|--dot] [MACHINE]`: the diagram of docker-host, or of another machine of the LAN.
    func topology(_ words: [String]) -> ShellReply {
        var style = Topology.Style.text
        var machine: String?
        for word in words.dropFirst() {
            switch word {
            case "--mermaid": style = .mermaid
            case "--dot": style = .dot
            default:
                guard machine == nil, !word.hasPrefix("-") else {
                    return ShellReply(stderr: ShellText.topologyUsage.render(language) + "\n")
                }
                machine = word
            }
        }
        let cluster = active?.session.simulator.cluster ?? simulator.cluster
        var target = engine
        if let name = machine ?? attachedMachine.flatMap({ $0 == "remote" ? nil : $0 }) {
            guard let k = cluster.machineIndex(name) else {
                return ShellReply(stderr: ShellText.unknownMachine(name).render(language) + "\n")
            }
            target = cluster.machines[k].engine
        }
        return ShellReply(stdout: Topology.render(target, style: style, lang: language))
    }

    func help() -> String {
        let lines: [ShellText] = [
            .helpLine(command: "help", ko: "이 도움말", en: "this help"),
            .helpLine(command: "labs", ko: "실습 목록", en: "list the labs"),
            .helpLine(command: "lab start|restart|quit ID", ko: "실습 시작·다시 시작·그만두기", en: "start, restart or leave a lab"),
            .helpLine(command: "step", ko: "현재 단계의 설명", en: "show the current step"),
            .helpLine(command: "check", ko: "현재 단계 점검 (PASS/FAIL과 기대값)", en: "check the step (PASS/FAIL, expected vs actual)"),
            .helpLine(command: "hint", ko: "다음 단계의 힌트", en: "the next hint"),
            .helpLine(command: "solution", ko: "모범 답안 (확인 후, 기록됨)", en: "the reference solution (asks first; recorded)"),
            .helpLine(command: "reset [step|lab]", ko: "단계 또는 실습을 처음 상태로", en: "reset the step or the lab"),
            .helpLine(command: "undo", ko: "마지막 상태 변경 명령 되돌리기", en: "revert the last state-changing command"),
            .helpLine(command: "history", ko: "입력한 명령 목록", en: "commands typed so far"),
            .helpLine(command: "topology [--mermaid|--dot] [MACHINE]", ko: "네트워크·엔드포인트·컨테이너 그림 (다른 기기도)", en: "networks, endpoints and containers (of any machine)"),
            .helpLine(command: "why FROM TO[:PORT]", ko: "패킷 경로와 판정 설명", en: "explain a packet's path and verdict"),
            .helpLine(command: "theory", ko: "현재 단계의 이론", en: "the theory behind the step"),
            .helpLine(command: "progress", ko: "진도", en: "your progress"),
            .helpLine(command: "engine [stop]", ko: "다른 터미널의 실제 docker 클라이언트용 Docker Engine API", en: "the Docker Engine API, for the real docker client in another terminal"),
            .helpLine(command: "lang ko|en", ko: "언어 바꾸기", en: "switch language"),
            .helpLine(command: "exit", ko: "종료 (Ctrl-D도 가능)", en: "leave (or Ctrl-D)"),
        ]
        return text(.helpHeader) + lines.map { TextWrap.wrapRow($0.render(language), width: textWidth, hangingIndent: 30) + "\n" }.joined()
    }
}
