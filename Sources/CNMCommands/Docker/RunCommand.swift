import CNMSim

/// `docker run` (docker/cli v28.2.2 cli/command/container/run.go) and, with
/// `create: true`, `docker create` (create.go).
enum RunCommand {
    static let runSpec = DockerCommandSpec(
        path: "docker run", useLine: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
        flags: ContainerOptions.flags + [.bool("detach", "d"), .string("detach-keys"), .bool("sig-proxy", default: true)],
        arity: .atLeast(1), interspersed: false, unsimulatedFlags: ContainerOptions.unmodelledNames)
    static let createSpec = DockerCommandSpec(
        path: "docker create", useLine: "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]",
        flags: ContainerOptions.flags, arity: .atLeast(1), interspersed: false,
        unsimulatedFlags: ContainerOptions.unmodelledNames)

    static func run(_ args: [String], engine: inout Engine, create: Bool = false, path: String? = nil) throws(CommandError) -> CommandOutput {
        let spec = (create ? createSpec : runSpec).at(path)
        let name = create ? "create" : "run"
        let flags = try spec.parse(args)
        let request: ContainerCreateRequest
        do throws(CommandError) {
            request = try ContainerOptions.request(from: flags)
        } catch .refused(let message) {
            throw .reported(message, command: name)
        }
        var out = CommandOutput()
        do throws(CommandError) {
            try pullIfMissing(request.image, into: &out)
            if request.networkMode == "host" && !request.portBindings.isEmpty {
                out.stderr += "WARNING: Published ports are discarded when using host network mode\n"
            }
            let container = try engine.createContainer(request).orDaemonError()
            if create {
                out.stdout += container.id + "\n"
                return out
            }
            let detach = flags.bool("detach")
            if detach { out.stdout += container.id + "\n" }
            let plan: ProcessPlan
            switch engine.startContainer(container.id) {
            case .failure(let e): throw CommandError.startFailed(e, command: name)
            case .success(let p): plan = p
            }
            if !detach { out.append(foreground(plan, container: container, engine: &engine)) }
            return out
        } catch {
            out.append(reported(error, command: name))
            return out
        }
    }

    /// Image: catalogue images count as pulled; anything else fails like a denied pull (what docker/cli
    /// v28.2.2 cli/command/container/create.go prints before the daemon's error).
    static func pullIfMissing(_ image: String, into out: inout CommandOutput) throws(CommandError) {
        if image != image.lowercased() && !image.contains(":") {
            throw .refused("invalid reference format: repository name (library/\(image)) must be lowercase")
        }
        guard ImageCatalogue.find(image) == nil else { return }
        let ref = ImageCatalogue.normalise(image)
        let shown = ref.map { "\($0.repository):\($0.tag)" } ?? image
        out.stderr += "Unable to find image '\(shown)' locally\n"
        let repo = ref?.repository ?? image
        throw .daemon(EngineError(.notFound, "pull access denied for \(repo), repository does not exist or may require 'docker login': denied: requested access to the resource is denied"))
    }

    /// How `docker run` and `docker create` report an error (docker/cli v28.2.2 cli/command/container/run.go
    /// and create.go): the CLI's own refusals and, for `run`, the daemon's errors come after `docker: `
    /// with the help pointer (exit 125); `create` prints the daemon's error as it came (exit 1).
    static func reported(_ error: CommandError, command: String) -> CommandOutput {
        switch error {
        case .refused(let message): return CommandError.reported(message, command: command).output
        case .daemon(let e) where e.kind != .notSimulated && command != "create":
            var out = CommandError.reported(DaemonError.text(e), command: command).output
            out.errors = [e]
            return out
        default: return error.output
        }
    }

    /// What an attached client sees once the container started (`docker run` without `-d`,
    /// `docker start -a`): a command that ends prints its output and gives its exit code.
    static func foreground(_ plan: ProcessPlan, container: Container, engine: inout Engine) -> CommandOutput {
        var out = CommandOutput()
        switch plan {
        case .oneShot:
            // Attached: what the process prints is shown, and kept in its log.
            // Without -t the process writes into the docker CLI's pipe, not a terminal.
            var result = OutputTerminal.$isTerminal.withValue(OutputTerminal.isTerminal && container.tty) {
                ContainerProcess.runToEnd(container, engine: &engine)
            }
            if container.tty { result = Terminal.output(result) }
            // Both streams in the order the process wrote them.
            for piece in result.segments {
                if piece.stream == .stdout { out.stdout += piece.text } else { out.stderr += piece.text }
            }
            out.exitCode = result.exitCode
        case .exitsAtOnce(let code):
            out.exitCode = Int32(code)
            // What the entrypoint wrote before it gave up (start wrote it to the log).
            let logged = container.image.repository == "mysql"
            // A proxy that refused its configuration wrote its lines when it started: those are shown.
            let now = engine.containers[container.id]
            let lines = Engine.proxySoftware(of: container) != nil
                ? (now?.logs ?? []).filter { $0.time >= (now?.startedAt ?? $0.time) }
                : ImageLogs.startup(container, plan: plan, at: engine.clock, host: engine.host)
            for line in lines {
                if line.stream == .stdout { out.stdout += line.text + "\n" } else { out.stderr += line.text + "\n" }
            }
            if !logged && container.image.repository == "postgres" {
                out.stderr += "cnmlab: the container exited with code \(code) at once (its entrypoint needs configuration; the log lines it prints are not simulated)\n"
            }
        case .runsFor(let seconds):
            // A process that ends by itself: the terminal waits for it.
            engine.advance(seconds: seconds)
        case .runsUntilStopped:
            out.stderr += "cnmlab: attaching to a running container's output is not simulated; the container keeps running in the background (use -d)\n"
        case .notFound:
            break
        }
        return out
    }
}
