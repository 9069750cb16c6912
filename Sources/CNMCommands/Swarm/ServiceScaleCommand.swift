import CNMSim

/// `docker service scale SERVICE=REPLICAS…` (docker/cli v28.2.2 cli/command/service/scale.go):
/// prints `NAME scaled to N` for each service it updated, then — unless `-d` —
/// waits for each in turn (`ServiceProgress`). Failures are collected as
/// `NAME: error` and printed together at the end, exit 1.
enum ServiceScaleCommand {
    static let spec = DockerCommandSpec(
        path: "docker service scale", useLine: "docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]",
        flags: [.bool("detach", "d")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        // scaleArgs: every argument must be KEY=VALUE with both parts non-empty.
        for arg in flags.positionals {
            let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count < 2 || parts[0].isEmpty || parts[1].isEmpty {
                throw .refused("invalid scale specifier '\(arg)'.\nSee 'docker service scale --help'.\n\nUsage:  \(spec.useLine)\n\nScale one or multiple replicated services")
            }
            if let n = parseReplicas(String(parts[1])), n > ServiceCreateCommand.maxReplicas {
                throw .notSimulated("a service of more than \(ServiceCreateCommand.maxReplicas) replicas")
            }
        }
        var out = CommandOutput()
        var errors: [String] = []
        var waits: [(reference: String, replicas: Int, running: Int)] = []
        for arg in flags.positionals {
            let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0], value = parts[1]
            guard let replicas = parseReplicas(value) else {
                errors.append("\(name): invalid replicas value \(value): \(replicasError(value))")
                continue
            }
            let before = engine.swarm.flatMap { s in s.findService(name).map { SwarmLookup.runningTasks(of: $0, in: s).count } } ?? 0
            switch engine.scaleService(name, replicas: Int(replicas)) {
            case .failure(let e):
                errors.append("\(name): " + DaemonError.line(e).dropLast())
                out.errors.append(e)
            case .success:
                out.stdout += "\(name) scaled to \(replicas)\n"
                waits.append((name, Int(replicas), before))
            }
        }
        if !flags.bool("detach") {
            for w in waits {
                out.stdout += ServiceProgress.replicated(reference: w.reference, replicas: w.replicas, runningAtFirstPoll: w.running)
            }
        }
        if !errors.isEmpty {
            out.stderr += errors.joined(separator: "\n") + "\n"
            out.exitCode = 1
        }
        return out
    }

    /// `strconv.ParseUint(s, 10, 64)`.
    static func parseReplicas(_ s: String) -> UInt64? {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt64(s)
    }

    /// The `*strconv.NumError` text for a value `parseReplicas` refused.
    static func replicasError(_ s: String) -> String {
        let digits = !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        return GoNumError(function: "ParseUint", input: s, kind: digits ? .range : .syntax).description
    }
}
