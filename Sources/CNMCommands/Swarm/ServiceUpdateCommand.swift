import CNMSim

/// `docker service update [--replicas N] SERVICE` (docker/cli v28.2.2 cli/command/service/update.go):
/// prints the argument as given, then — unless `-d` — the convergence progress.
/// Only the replica count can be changed here; every other change (image,
/// ports, networks, rollback, force…) rolls tasks and is not simulated.
enum ServiceUpdateCommand {
    static let spec = DockerCommandSpec(
        path: "docker service update", useLine: "docker service update [OPTIONS] SERVICE",
        flags: ServiceFlagSpecs.update, arity: .exact(1),
        unsimulatedFlags: Set(ServiceFlagSpecs.update.map(\.name)).subtracting(simulated))

    /// The flags whose effect the simulation reproduces: only the replica count changes here.
    static let simulated: Set<String> = ["detach", "quiet", "replicas", "with-registry-auth", "no-resolve-image"]

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let term = flags.positionals[0]
        let store = try SwarmLookup.managerStore(engine).orDaemonError()
        let service = try SwarmLookup.service(term, in: store).orDaemonError()
        if let name = ServiceFlagSpecs.firstUnsimulated(flags, among: ServiceFlagSpecs.update, simulated: simulated) {
            throw .notSimulated("docker service update --\(name)")
        }
        let replicas = flags.wasSet("replicas") ? ServiceFlagValues.uintValue(flags.string("replicas")) : UInt64(service.replicas)
        if replicas > ServiceCreateCommand.maxReplicas {
            throw .notSimulated("a service of more than \(ServiceCreateCommand.maxReplicas) replicas")
        }
        let running = SwarmLookup.runningTasks(of: service, in: store).count
        switch engine.scaleService(service.id, replicas: Int(replicas)) {
        case .failure(let e): throw .daemon(e)
        case .success: break
        }
        var out = CommandOutput(stdout: term + "\n")
        if !flags.bool("detach") && !flags.bool("quiet") {
            out.stdout += ServiceProgress.replicated(reference: term, replicas: Int(replicas), runningAtFirstPoll: running)
        }
        return out
    }
}
