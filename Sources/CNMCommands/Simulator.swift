import CNMSim

/// The terminal a learner types into: parses each line like a shell (quotes,
/// `;`, `&&`, `||`, pipes, `$(…)`) and runs its commands on one machine of the
/// simulated LAN (`ssh HOST …` runs them on another), then lets the swarm catch up.
public struct Simulator: Sendable {
    /// Every machine of the LAN (docker-host first) and their swarm.
    public var cluster: Cluster
    /// The machine typed commands run on (an index into `cluster.machines`).
    public private(set) var machine = 0

    /// The engine of the machine commands run on.
    public var engine: Engine {
        get { cluster.machines[machine].engine }
        _modify { yield &cluster.machines[machine].engine }
    }
    public private(set) var lastExitCode: Int32 = 0
    /// Each simple command of the last line run, in the order the shell reached them: whether it
    /// ran, its own exit status and output (grading checks these, not the line's status).
    public private(set) var lastCommands: [SimpleCommandRun] = []
    /// The shell variables `$NAME` expands (a root shell on the simulated host).
    public var environment: [String: String] = [
        "HOME": "/root", "USER": "root", "SHELL": "/bin/bash",
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]
    /// Language of cnmlab's own explanations (`why`): `en` or `ko`.
    public var language = "en"
    /// Seconds of simulated time that pass with each command line typed.
    public var secondsPerLine: Int64 = 2

    /// Where typed commands run: the host, or a container (`sh -c`, `docker exec -it … sh`).
    public var site: ExecutionSite = .host
    /// The container's shell that reads the lines when `site` is a container (its not-found texts).
    public var shell: ContainerShell?

    public init(seed: UInt64 = 0, hosts: [HostSpec] = []) {
        cluster = Cluster(seed: seed, extraHosts: hosts)
    }

    public init(engine: Engine, site: ExecutionSite) {
        cluster = Cluster(engine: engine)
        self.site = site
    }

    /// A simulator typing on machine `machine` of `cluster`.
    public init(cluster: Cluster, machine: Int, site: ExecutionSite = .host) {
        self.cluster = cluster
        self.machine = cluster.machines.indices.contains(machine) ? machine : 0
        self.site = site
    }

    /// Runs one (possibly multi-command) line and returns what the terminal shows.
    public mutating func run(line: String) -> CommandOutput {
        run(bytes: Array(line.utf8))
    }

    public mutating func run(bytes: [UInt8]) -> CommandOutput {
        lastCommands = []
        let parsed: ShellLine
        switch ShellLine.parse(bytes: bytes) {
        case .complete(let l): parsed = l
        case .incomplete(.hereDocument(let delimiter)):
            // bash reads to the end and warns; cnmlab runs nothing of a line whose here-document never ends.
            lastExitCode = 2
            return localized(CommandOutput(stderr: "cnmlab: syntax error: unexpected end of file (the here-document has no `\(delimiter)` line)\n", exitCode: 2))
        case .incomplete:
            lastExitCode = 2
            return localized(CommandOutput(stderr: "cnmlab: syntax error: unexpected end of file (an open quote, `\\`, `|`, `&&` or `$(` is not closed)\n", exitCode: 2))
        case .failure(let e):
            lastExitCode = 2
            return localized(CommandOutput(stderr: "cnmlab: \(e.message)\n", exitCode: 2))
        }
        if parsed.items.isEmpty { return CommandOutput(exitCode: lastExitCode) }
        for k in cluster.machines.indices { cluster.machines[k].engine.advance(seconds: secondsPerLine) }
        var total = CommandOutput()
        var runs: [SimpleCommandRun] = []
        var skip = false
        var previousConnector: ShellLine.Connector? = nil
        for item in parsed.items {
            if let c = previousConnector {
                switch c {
                case .and: skip = lastExitCode != 0
                case .or: skip = lastExitCode == 0
                default: skip = false
                }
            }
            previousConnector = item.connector
            if skip {
                runs += item.pipeline.map { SimpleCommandRun(skipped: $0, environment: environment) }
                continue
            }
            var stdin: String? = nil
            var result = CommandOutput()
            for (index, command) in item.pipeline.enumerated() {
                // A `$(…)` runs on a copy that is folded back; without one no copy of the world is made.
                let box = SubstitutionBox(self)
                var expanded = command.expand(environment: environment, lastExitCode: lastExitCode) { box.run($0) }
                var redirections: [ShellRedirection.Expanded] = []
                if case .success = expanded, !command.redirections.isEmpty {
                    switch command.expandRedirections(environment: environment, lastExitCode: lastExitCode, substitute: { box.run($0) }) {
                    case .success(let r): redirections = r
                    case .failure(let e): expanded = .failure(e)
                    }
                }
                if box.used, let sim = box.sim { cluster = sim.cluster }
                box.sim = nil
                runs += box.runs
                switch expanded {
                case .failure(let e):
                    result = CommandOutput(stderr: "cnmlab: \(e.message)\n", exitCode: 2)
                    runs.append(SimpleCommandRun(skipped: command, environment: environment, exitCode: 2))
                case .success(let words):
                    let last = index == item.pipeline.count - 1
                    // Output into a file is not a terminal either (curl then shows its meter).
                    let toFile = redirections.contains { $0.kind == .output || $0.kind == .append }
                    let out = last && !toFile ? runRedirected(words, redirections, stdin: stdin)
                        : OutputTerminal.$isTerminal.withValue(false) { runRedirected(words, redirections, stdin: stdin) }
                    runs.append(SimpleCommandRun(text: words.joined(separator: " "), ran: true, exitCode: out.exitCode,
                                                 output: out.stdout + out.stderr))
                    if last {
                        // The last command's streams reach the terminal in the order it wrote them.
                        result.append(out)
                    } else {
                        result.stderr += out.stderr
                        result.errors += out.errors
                        result.exitCode = out.exitCode
                        stdin = out.stdout
                    }
                }
            }
            lastExitCode = result.exitCode
            total.append(result)
        }
        total.exitCode = lastExitCode
        lastCommands = runs
        return localized(total)
    }

    /// `out` with cnmlab's own notes in the session's language (`NotSimulated.localize`).
    func localized(_ out: CommandOutput) -> CommandOutput {
        guard language != "en" else { return out }
        var out = out
        out.mapStderr { NotSimulated.localize($0, language: language) }
        return out
    }

    /// The commands the simulator answers itself on the host, besides the programs of `ProgramRegistry`.
    static let hostCommands = ["docker", "sudo", "hosts", "clear"]

    /// Runs one command with its words already expanded; the swarm catches up afterwards.
    mutating func runSimple(_ words: [String], stdin: String?) -> CommandOutput {
        guard let program = words.first else { return CommandOutput() }
        if case .host = site {
            // The learner is root: `sudo CMD` runs CMD and prints nothing of its own.
            if program == "sudo" { return sudo(Array(words.dropFirst()), stdin: stdin) }
            if program == "ssh", let out = runOnOtherMachine(words) { return out }
            if program == "hosts" { return HostsListing.run(Array(words.dropFirst()), cluster: cluster, current: machine, language: language) }
        }
        let out: CommandOutput
        if cluster.machines.count > 1 {
            let others = cluster.machines.enumerated().filter { $0.offset != machine }.map(\.element)
            let tally = LanTally()
            out = LanContext.$current.withValue(LanView(others: others, index: machine, tally: tally)) { runLocal(words, stdin: stdin) }
            // What the command sent into other machines moves their counters, as their netfilter saw it.
            for entry in tally.entries {
                guard let k = cluster.machines.firstIndex(where: { $0.name == entry.machine }) else { continue }
                cluster.machines[k].engine.count(entry.result, as: entry.exchange)
            }
        } else {
            out = runLocal(words, stdin: stdin)
        }
        if cluster.swarm != nil { cluster.reconcile(after: machine) }
        // Docker programs its rules as it acts: each command leaves every machine's rules in step,
        // so that the next command (and a lab check) reads them without re-deriving anything.
        for k in cluster.machines.indices { cluster.machines[k].engine.syncFirewall() }
        return out
    }

    /// `sudo CMD…` as root: CMD runs as typed. sudo's own options and a bare `sudo` are not simulated.
    mutating func sudo(_ rest: [String], stdin: String?) -> CommandOutput {
        guard let first = rest.first else { return NotSimulated.feature("sudo without a command (its usage text)") }
        if first.hasPrefix("-") { return NotSimulated.feature("sudo option \(first)") }
        return runSimple(rest, stdin: stdin)
    }

    /// `ssh HOST CMD…` to another simulated machine: the words after the host run there as one line.
    mutating func runOnOtherMachine(_ words: [String]) -> CommandOutput? {
        guard words.count >= 2, !words[1].hasPrefix("-") else { return nil }
        let target = String(words[1].split(separator: "@").last ?? "")
        guard let k = cluster.machineIndex(target) else { return nil }
        let line = words.dropFirst(2).joined(separator: " ")
        guard !line.isEmpty else { return NotSimulated.feature("an interactive ssh session outside the cnmlab shell") }
        if k == machine {
            let saved = secondsPerLine
            secondsPerLine = 0
            defer { secondsPerLine = saved }
            return run(line: line)
        }
        var there = Simulator(cluster: cluster, machine: k)
        cluster = Cluster(seed: 0)
        there.language = language
        there.secondsPerLine = 0
        let out = there.run(line: line)
        cluster = there.cluster
        return out
    }

    /// Runs one command on this machine (or inside the container the site names).
    mutating func runLocal(_ words: [String], stdin: String?) -> CommandOutput {
        guard let program = words.first else { return CommandOutput() }
        let args = Array(words.dropFirst())
        if case .container(let id) = site {
            if let shell, let c = engine.containers[id], let answer = shell.lookup(program, in: c) { return answer }
            return ContainerProcess.run(argv: words, in: id, engine: &engine, stdin: stdin ?? "")
        }
        if program == "docker" { return DockerCommand.run(args, cluster: &cluster, machine: machine, stdin: stdin) }
        if program == "clear" { return ClearProgram.run(args) }
        guard let tool = ProgramRegistry.find(program), tool.onHost else {
            if HostCommandNames.isKnown(program) { return NotSimulated.program(program) }
            return NotSimulated.commandNotFound(program)
        }
        var ctx = ProgramContext(engine: Engine.placeholder, site: .host, stdin: stdin ?? "", language: language,
                                 invokedAs: String(program.split(separator: "/").last ?? ""))
        // Lend the engine to the program rather than copy it: a copy would make the first change
        // (a counter, a sync) duplicate whole tables.
        swap(&ctx.engine, &cluster.machines[machine].engine)
        let out = tool.run(args, &ctx)
        swap(&ctx.engine, &cluster.machines[machine].engine)
        return out
    }
}

/// Holds the world while `$(…)` substitutions run, and lets go of it before the
/// command itself runs, so that no copy of the engine is made on the common path.
private final class SubstitutionBox {
    var sim: Simulator?
    var used = false
    /// The simple commands the substitutions ran, one level deeper.
    var runs: [SimpleCommandRun] = []

    init(_ sim: Simulator) { self.sim = sim }

    func run(_ line: String) -> String {
        guard var s = sim else { return "" }
        let out = s.run(line: line).stdout
        runs += s.lastCommands.map { var r = $0; r.depth += 1; return r }
        sim = s
        used = true
        return out
    }
}
