import CNMSim

/// `docker service update [--replicas N] SERVICE` (docker/cli cli/command/service/update.go):
/// prints the argument as given, then — unless `-d` — the convergence progress.
/// Only the replica count can be changed here; every other change (image,
/// ports, networks, rollback, force…) rolls tasks and is not simulated.
enum ServiceUpdateCommand {
    static let spec = DockerCommandSpec(
        path: "docker service update", useLine: "docker service update [OPTIONS] SERVICE",
        flags: ServiceFlagSpecs.update, arity: .exact(1))

    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        let term = flags.positionals[0]
        let store: Swarm
        switch SwarmLookup.managerStore(engine) {
        case .failure(let e): return DaemonError.output(e)
        case .success(let s): store = s
        }
        let service: SwarmService
        switch SwarmLookup.service(term, in: store) {
        case .failure(let e): return DaemonError.output(e)
        case .success(let s): service = s
        }
        if let name = ServiceFlagSpecs.firstUnsimulated(flags, among: ServiceFlagSpecs.update, simulated: ["detach", "quiet", "replicas", "with-registry-auth", "no-resolve-image"]) {
            return NotSimulated.feature("docker service update --\(name)")
        }
        let replicas = flags.wasSet("replicas") ? ServiceFlagValues.uintValue(flags.string("replicas")) : UInt64(service.replicas)
        if replicas > ServiceCreateCommand.maxReplicas {
            return NotSimulated.feature("a service of more than \(ServiceCreateCommand.maxReplicas) replicas")
        }
        let running = SwarmLookup.runningTasks(of: service, in: store).count
        switch engine.scaleService(service.id, replicas: Int(replicas)) {
        case .failure(let e): return DaemonError.output(e)
        case .success: break
        }
        var out = CommandOutput(stdout: term + "\n")
        if !flags.bool("detach") && !flags.bool("quiet") {
            out.stdout += ServiceProgress.replicated(reference: term, replicas: Int(replicas), runningAtFirstPoll: running)
        }
        return out
    }
}
