import CNMSim

/// What the simulated machines run, by name, read from the tables the dispatchers themselves use:
/// the programs of `ProgramRegistry`, the `docker` commands of `DockerCommand.commands` (their flags
/// from their specs) and the image catalogue. TAB completion and `CommandEffect` ask here, so a
/// command added to a table is completed and judged without being listed again.
public enum CommandCatalog {
    /// What a learner can type at the simulated host's prompt: the simulator's own commands
    /// (`docker`, `sudo`, `hosts`, `clear`) and the programs the host has on PATH.
    public static var hostCommands: [String] {
        let programs = ProgramRegistry.programs.filter { $0.onHost }.flatMap { $0.names }
        return (Simulator.hostCommands + programs).filter(isWord)
    }

    /// The programs of container `c`'s image that cnmlab runs, and its shells.
    public static func containerCommands(_ c: Container) -> [String] {
        c.image.tools.filter { ProgramRegistry.byName[$0] != nil || ProcessPlan.shells.contains($0) }.sorted()
    }

    /// The images `docker run` and `docker service create` know (`nginx`, `nginx:alpine`…).
    public static var images: [String] {
        ImageCatalogue.all.map { $0.tag == "latest" ? $0.repository : "\($0.repository):\($0.tag)" }
    }

    /// Candidates for the last (possibly empty) word of a host command line, `words[0]` being the
    /// program: docker's subcommands, flags and operands, or the operands of a program.
    public static func completions(_ words: [String], engine: Engine) -> [String] {
        guard let program = words.first, words.count > 1 else { return [] }
        if program == "docker" { return dockerCompletions(Array(words.dropFirst()), engine: engine) }
        if let tool = ProgramRegistry.find(program), tool.takesDestination {
            return names(.containers, engine) + ["host", "remote"]
        }
        return []
    }

    /// Whether one simple command (its words) may change the world: a docker command its table marks
    /// so, or a program that says so for these arguments. (`sudo CMD` and `ssh HOST LINE` wrap another
    /// command: the caller, which knows a line's syntax, looks inside them.)
    public static func mayChangeState(_ words: [String]) -> Bool {
        guard let program = words.first else { return false }
        let args = Array(words.dropFirst())
        switch program {
        case "docker":
            var entries = DockerCommand.commands
            for word in args where !word.hasPrefix("-") {
                guard let entry = DockerSubcommand.find(word, in: entries) else { return false }
                if case .group(let subs) = entry.action { entries = subs; continue }
                return entry.changesState
            }
            return false
        default:
            return ProgramRegistry.find(program)?.mayChangeState(args) ?? false
        }
    }

    /// A name worth offering (not `:`).
    static func isWord(_ name: String) -> Bool { name.first.map { $0.isLetter } ?? false }

    // MARK: docker

    /// `words` are the words after `docker`, the last one being completed.
    static func dockerCompletions(_ words: [String], engine: Engine) -> [String] {
        let current = words.last ?? ""
        var entries = DockerCommand.commands
        var index = 0
        // Walk down the groups the words name; at a group, offer its subcommands.
        while true {
            guard index < words.count - 1 else { return entries.filter(\.isSimulated).map { $0.names[0] } }
            guard let entry = DockerSubcommand.find(words[index], in: entries) else { return [] }
            index += 1
            if case .group(let subs) = entry.action { entries = subs; continue }
            return operandCompletions(entry, Array(words[index...].dropLast()), current: current, engine: engine)
        }
    }

    /// What may follow a command's path: its flags for `-…`, a flag's value, or the next operand.
    static func operandCompletions(_ entry: DockerSubcommand, _ before: [String], current: String, engine: Engine) -> [String] {
        guard let spec = entry.spec else { return [] }
        if current.hasPrefix("-") { return spec.completedFlags }
        if let last = before.last, last.hasPrefix("-"), !last.contains("="), let flag = spec.flag(spelled: last),
           flag.kind != .bool {
            return entry.flagValues[flag.name].map { names($0, engine) } ?? []
        }
        guard !entry.operands.isEmpty else { return [] }
        let position = spec.positionalCount(before)
        return names(entry.operands[min(position, entry.operands.count - 1)], engine)
    }

    static func names(_ operand: DockerSubcommand.Operand, _ engine: Engine) -> [String] {
        switch operand {
        case .containers: return engine.allContainers.map(\.name)
        case .networks: return engine.allNetworks.map(\.name)
        case .containersAndNetworks: return engine.allContainers.map(\.name) + engine.allNetworks.map(\.name)
        case .networkModes:
            let networks = engine.allNetworks.map(\.name)
            return networks + ["bridge", "host", "none"].filter { !networks.contains($0) }
        case .images: return images
        case .services: return engine.swarm?.services.map(\.name) ?? []
        case .nodes: return engine.swarm?.nodes.map(\.hostname) ?? []
        case .words(let words): return words
        }
    }
}
