import CNMSim
import CNMCommands
import CNMLabs
import CNMProgress

/// The heart of `cnmlab shell`, free of any terminal: takes typed lines, decides between a
/// command of its own (the table in `ShellSession+Commands.swift`) and lab input (everything
/// else, which goes through `LabAttempt.apply` in a lab, or straight to the simulated host in the
/// sandbox), and renders what came back. Tests drive it directly; `ShellRunner` wires it to
/// libedit or to plain standard input.
public struct ShellSession: Sendable {
    /// The sandbox's world (a lab brings its own, in `active`).
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
    /// States before each state-changing command, for `undo` in the sandbox (a lab's undo replays its journal).
    private var undoStack: [(command: String, cluster: Cluster)] = []
    /// The start of a line still waiting for its continuation.
    private var pending: String?
    /// The delimiter of the here-document `pending` is inside, if any (its body lines are taken without re-parsing).
    private var pendingHereDocument: [UInt8]?
    /// The labs this shell offers, in curriculum order (a lab's number is its place here, from 1).
    public let labs: [Lab]
    /// Where progress is committed (nil: nothing is recorded).
    let store: ProgressStore?
    public let learner: String
    /// The folder holding the curriculum texts (`ko/`, `en/`) for `theory`; nil: the built-in course.
    let curriculum: CurriculumFolder?
    /// The lab in progress, if any.
    var active: ActiveLab?
    /// Waiting for the y/N answer to `solution`.
    var confirmingSolution = false
    /// An unfinished attempt that Enter on an empty line resumes (offered once, when the shell opens).
    var resumeOffer: String?
    /// The terminal's width for the shell's own texts (nil: not wrapped); see `TextWrap`.
    public var textWidth: Int?
    /// Bold and underline in `theory` (a terminal without NO_COLOR).
    public var styledText = false

    public init(seed: UInt64 = 0, language: Language, labs: [Lab] = [], store: ProgressStore? = nil,
                learner: String = "learner", curriculum: CurriculumFolder? = nil, hosts: [HostSpec] = Cluster.courseHosts) {
        simulator = Simulator(seed: seed, hosts: hosts)
        simulator.language = language.rawValue
        self.language = language
        self.labs = CurriculumPlace.courseOrder(labs)
        self.store = store
        self.learner = learner
        self.curriculum = curriculum
    }

    /// The simulated world the learner sees: the lab's, or the sandbox's.
    public var engine: Engine { active?.session.engine ?? simulator.engine }

    /// The lab in progress, if any.
    public var labSession: LabSession? { active?.session }

    /// The prompt for the next line; in a lab at most about 40 columns: `[3 · 2/5] docker-host$ `.
    public var prompt: String {
        if pending != nil { return "> " }
        if confirmingSolution { return ShellText.solutionConfirm.render(language) }
        if let id = attachedContainer {
            let c = engine(on: attachedContainerMachine)?.containers[id]
            return c.flatMap { ContainerShell.open(attachedShellProgram, in: $0)?.prompt } ?? "/ # "
        }
        var p = "\(attachedMachine ?? engine.host.hostname)$ "
        if let a = active {
            let s = a.session
            let where_ = s.finished ? ShellText.promptDone.render(language) : "\(s.currentStep + 1)/\(s.lab.steps.count)"
            p = "[\(a.number) · \(where_)] " + p
        } else if resumeOffer != nil {
            p = ShellText.promptResume.render(language) + " " + p
        }
        return p
    }

    public var completer: Completer {
        var subcommands: [String: [String]] = [:]
        for c in Self.commandTable where !c.subcommands.isEmpty { for n in c.names { subcommands[n] = c.subcommands } }
        // Inside a container only its image's programs run, and `exit` leaves.
        if let id = attachedContainer, let c = engine(on: attachedContainerMachine)?.containers[id] {
            return Completer(metaCommands: ["exit"], programs: CommandCatalog.containerCommands(c), fileSite: .container(id))
        }
        return Completer(metaCommands: Self.metaCommands, labIDs: labs.map(\.id),
                         machines: currentCluster.machines.dropFirst().map(\.name), subcommands: subcommands,
                         fileSite: attachedMachine == "remote" ? nil : .host)
    }

    /// The engine TAB completes against: that of the machine the prompt is on (a nested `ssh` or
    /// container prompt's), so its containers and files are offered.
    public var completionEngine: Engine {
        engine(on: attachedContainer != nil ? attachedContainerMachine : attachedMachine.flatMap { $0 == "remote" ? nil : $0 }) ?? engine
    }

    /// Handles one typed line.
    public mutating func handle(_ raw: String) -> ShellReply {
        let whyLine = attachedContainer == nil && pending == nil && Self.isWhyLine(raw)
        var reply = reply(to: raw)
        reply.wrapNotes(width: textWidth)
        if whyLine { reply.wrapWhy(width: textWidth) }
        return reply
    }

    /// Ctrl-C: forgets a command still waiting for its continuation (an open quote, a trailing `|` or
    /// `&&`, a here-document) and an unanswered `solution` question, so the next prompt is the shell's
    /// own again, as bash does. Nothing is recorded.
    public mutating func abandonLine() {
        pending = nil
        pendingHereDocument = nil
        confirmingSolution = false
    }

    /// Ctrl-D at a nested prompt (a container's shell, `ssh MACHINE`) leaves it as `exit` typed there
    /// does, as sh and ssh do; nil at the shell's own prompt, where Ctrl-D ends cnmlab.
    public mutating func endOfInput() -> ShellReply? {
        guard pending == nil, !confirmingSolution, attachedContainer != nil || attachedMachine != nil else { return nil }
        return handle("exit")
    }

    /// Whether a typed line is `why …` alone (no pipe or redirection, whose bytes must stay as printed).
    static func isWhyLine(_ raw: String) -> Bool {
        let t = raw.trimmingSpaces
        return (t == "why" || t.hasPrefix("why ")) && !t.contains { "|>;&<$`".contains($0) }
    }

    /// `handle` before cnmlab's notes in program output are wrapped to the terminal.
    mutating func reply(to raw: String) -> ShellReply {
        if confirmingSolution { return confirmSolution(raw) }
        let line = pending.map { $0 + "\n" + raw } ?? raw
        if let delimiter = pendingHereDocument, pending != nil, !HereDocumentLine.mayEnd(Array(raw.utf8), delimiter: delimiter) {
            pending = line
            return ShellReply(needsContinuation: true)
        }
        pendingHereDocument = nil
        if case .incomplete(let reason) = ShellLine.parse(line) {
            pending = line
            if case .hereDocument(let d) = reason { pendingHereDocument = Array(d.utf8) }
            return ShellReply(needsContinuation: true)
        }
        pending = nil
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty {
            // Enter at the prompt that offers it resumes the unfinished lab.
            if let id = resumeOffer, active == nil {
                resumeOffer = nil
                return startLab(id)
            }
            return ShellReply()
        }
        resumeOffer = nil
        history.append(line)
        if let id = attachedContainer { return handleInContainer(trimmed, line: line, id: id) }
        if let machine = attachedMachine { return handleOnMachine(machine, trimmed: trimmed, line: line) }
        let words = words(of: trimmed)
        if let command = Self.metaCommand(words[0]) {
            if command.labOnly && active == nil { return ShellReply(stderr: text(.labsNotAvailable)) }
            if let reply = command.run(&self, words, line) { return reply }
        }
        if let target = Self.nestedShellTarget(words) { return attach(target.container, shell: target.shell) }
        return hostLine(line, words: words)
    }

    /// A line for the simulated host: lab input in a lab, else run in the sandbox (undo keeps the world before it).
    mutating func hostLine(_ line: String, words: [String]) -> ShellReply {
        if active != nil { return labLine(LabLine(line)) }
        if CommandEffect.mayChangeState(line) { pushUndo(line) }
        let out = simulator.run(line: line)
        return ShellReply(out)
    }

    /// A line typed at a nested `ssh HOST` prompt.
    mutating func handleOnMachine(_ machine: String, trimmed: String, line: String) -> ShellReply {
        let words = words(of: trimmed)
        if trimmed == "exit" || trimmed.hasPrefix("exit ") || trimmed == "logout" {
            attachedMachine = nil
            return ShellReply(stdout: (machine == "remote" ? ShellText.leftRemote : ShellText.leftMachine(machine)).render(language) + "\n")
        }
        if machine != "remote", words.first == "topology" { return topology(words) }
        if machine != "remote", let target = Self.nestedShellTarget(words) {
            return attach(target.container, shell: target.shell, on: machine)
        }
        // remote runs only ping and curl, word by word; a Docker host gets the line as typed.
        let forwarded = machine == "remote" ? "ssh remote " + line : "ssh \(machine) " + Self.singleQuoted(line)
        return hostLine(forwarded, words: ["ssh", machine] + words)
    }

    /// `ssh MACHINE` opens a nested prompt there; `ssh MACHINE CMD` is left to the host (nil).
    mutating func ssh(_ words: [String]) -> ShellReply? {
        guard words.count == 2 else { return nil }
        let target = String(words[1].split(separator: "@").last ?? "")
        let remote = KernelView.remoteAddress.description
        if target == "remote" || target == remote {
            attachedMachine = "remote"
            return ShellReply(stdout: text(.enteredRemote(remote)))
        }
        let cluster = currentCluster
        guard let k = cluster.machineIndex(target), k != 0 else { return nil }
        let m = cluster.machines[k]
        attachedMachine = m.name
        return ShellReply(stdout: text(.enteredMachine(m.name, m.address.description)))
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
        let c: Container
        switch ContainerShell.container(term, for: program, on: engine(on: machine)) {
        case .failure(let refusal): return ShellReply(refusal.output)
        case .success(let found): c = found
        }
        attachedContainer = c.id
        attachedShellProgram = program
        attachedContainerMachine = machine
        return ShellReply(stdout: text(.enteredContainer(c.name)))
    }

    mutating func handleInContainer(_ trimmed: String, line: String, id: String) -> ShellReply {
        let machine = attachedContainerMachine
        let here = engine(on: machine)
        let name = here?.containers[id]?.name ?? String(id.prefix(12))
        if trimmed == "exit" || trimmed.hasPrefix("exit ") {
            attachedContainer = nil
            attachedContainerMachine = nil
            return ShellReply(stdout: text(.leftContainer(name)))
        }
        guard here?.containers[id]?.isRunning == true else {
            attachedContainer = nil
            attachedContainerMachine = nil
            return ShellReply(stderr: text(.notRunning(name)))
        }
        let exec = "docker exec \(name) \(attachedShellProgram) -c " + Self.singleQuoted(line)
        if active != nil {
            // In a lab, the nested line is recorded as what it is: a command run in the container (on its machine).
            return labLine(.command(machine.map { "ssh \($0) " + Self.singleQuoted(exec) } ?? exec))
        }
        let k = machine.flatMap { simulator.cluster.machineIndex($0) } ?? simulator.machine
        var inside = Simulator(cluster: simulator.cluster, machine: k, site: .container(id: id))
        inside.shell = here?.containers[id].flatMap { ContainerShell.open(attachedShellProgram, in: $0) }
        simulator.cluster = Cluster(seed: 0)
        let out = inside.run(line: line)
        simulator.cluster = inside.cluster
        return ShellReply(out)
    }

    /// A word quoted for `sh -c`.
    static func singleQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// `undo` in the sandbox: the world before the last state-changing command.
    mutating func undo() -> ShellReply {
        guard let last = undoStack.popLast() else { return ShellReply(stderr: text(.undoNothing)) }
        simulator.cluster = last.cluster
        return ShellReply(stdout: text(.undone(last.command)))
    }

    mutating func lang(_ words: [String]) -> ShellReply {
        guard words.count == 2 else { return ShellReply(stderr: text(.languageUsage)) }
        guard let l = Language.named(words[1]) else { return ShellReply(stderr: text(.unknownLanguage(words[1]))) }
        language = l
        simulator.language = l.rawValue
        active?.attempt.setLocale(l)
        return ShellReply(stdout: text(.languageSet))
    }

    func historyText() -> String {
        let shown = history.dropLast()
        if shown.isEmpty { return text(.historyEmpty) }
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
                guard machine == nil, !word.hasPrefix("-") else { return ShellReply(stderr: text(.topologyUsage)) }
                machine = word
            }
        }
        let cluster = currentCluster
        var target = engine
        if let name = machine ?? attachedMachine.flatMap({ $0 == "remote" ? nil : $0 }) {
            guard let k = cluster.machineIndex(name) else { return ShellReply(stderr: text(.unknownMachine(name))) }
            target = cluster.machines[k].engine
        }
        let drawing = Topology.render(target, style: style, lang: language)
        // The text form is cnmlab's prose (wrapped by words, continuing under the name); Mermaid and dot
        // are source text for other tools and stay whole.
        return ShellReply(stdout: style == .text ? prose(drawing, hangingIndent: 4) : drawing)
    }

    /// A sentence of the shell's, wrapped to the terminal's width, with its newline.
    func text(_ t: ShellText) -> String { prose(t.render(language)) + "\n" }

    /// Lab or shell prose wrapped to the terminal's width (`TextWrap`; commands and indented lines kept whole).
    func prose(_ s: String, hangingIndent: Int = 0) -> String { TextWrap.wrap(s, width: textWidth, hangingIndent: hangingIndent) }
}
