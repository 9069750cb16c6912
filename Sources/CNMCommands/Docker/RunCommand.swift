import CNMSim

/// `docker run` (docker/cli cli/command/container/run.go) and, with
/// `create: true`, `docker create` (create.go).
enum RunCommand {
    static let runSpec = DockerCommandSpec(
        path: "docker run", useLine: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
        flags: ContainerOptions.flags + [.bool("detach", "d"), .string("detach-keys"), .bool("sig-proxy", default: true)],
        arity: .atLeast(1), interspersed: false)
    static let createSpec = DockerCommandSpec(
        path: "docker create", useLine: "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]",
        flags: ContainerOptions.flags, arity: .atLeast(1), interspersed: false)

    static func withHelp(_ message: String, _ command: String) -> String {
        "docker: \(message)\n\nRun 'docker \(command) --help' for more information\n"
    }

    /// A daemon error: `docker run` prints it after `docker: ` with the help pointer (exit 125);
    /// `docker create` returns it as it came (exit 1; docker/cli cli/command/container/create.go).
    static func daemonError(_ message: String, _ command: String) -> (text: String, code: Int32) {
        command == "create" ? (message + "\n", 1) : (withHelp(message, command), 125)
    }

    static func run(_ args: [String], engine: inout Engine, create: Bool = false, path: String? = nil) -> CommandOutput {
        let spec = (create ? createSpec : runSpec).at(path)
        let name = create ? "create" : "run"
        let flags: ParsedFlags
        switch spec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        let detach = !create && flags.bool("detach")
        let request: ContainerCreateRequest
        switch ContainerOptions.request(from: flags, detach: detach) {
        case .failure(let m):
            if m.text.hasPrefix("cnmlab: ") { return CommandOutput(stderr: m.text + "\n", exitCode: 127) }
            if m.text.hasPrefix("Error response from daemon: ") {
                let e = daemonError(m.text, name)
                return .fail(e.text, code: e.code)
            }
            return .fail(withHelp(m.text, name), code: 125)
        case .success(let (r, _)): request = r
        }
        var out = CommandOutput()
        // Image: catalogue images count as pulled; anything else fails like a denied pull.
        if request.image != request.image.lowercased() && !request.image.contains(":") {
            return .fail(withHelp("invalid reference format: repository name (library/\(request.image)) must be lowercase", name), code: 125)
        }
        if ImageCatalogue.find(request.image) == nil {
            let ref = ImageCatalogue.normalise(request.image)
            let shown = ref.map { "\($0.repository):\($0.tag)" } ?? request.image
            out.stderr += "Unable to find image '\(shown)' locally\n"
            let repo = ref?.repository ?? request.image
            let e = daemonError("Error response from daemon: pull access denied for \(repo), repository does not exist or may require 'docker login': denied: requested access to the resource is denied", name)
            out.stderr += e.text
            out.exitCode = e.code
            return out
        }
        if request.networkMode == "host" && !request.portBindings.isEmpty {
            out.stderr += "WARNING: Published ports are discarded when using host network mode\n"
        }
        let container: Container
        switch engine.createContainer(request) {
        case .failure(let e):
            if e.kind == .notSimulated { return DaemonError.output(e) }
            let failure = daemonError("Error response from daemon: " + e.message, name)
            out.stderr += failure.text
            out.exitCode = failure.code
            return out
        case .success(let c): container = c
        }
        if create {
            out.stdout += container.id + "\n"
            return out
        }
        if detach { out.stdout += container.id + "\n" }
        switch engine.startContainer(container.id) {
        case .failure(let e):
            let code: Int32 = e.message.contains("executable file not found") || e.message.contains("no such file or directory") ? 127 : 125
            out.stderr += withHelp("Error response from daemon: " + e.message, name)
            out.exitCode = code
            return out
        case .success(let plan):
            if detach { return out }
            let attached = foreground(plan, container: container, engine: &engine)
            out.stdout += attached.stdout
            out.stderr += attached.stderr
            out.exitCode = attached.exitCode
            return out
        }
    }

    /// What an attached client sees once the container started (`docker run` without `-d`,
    /// `docker start -a`): a command that ends prints its output and gives its exit code.
    static func foreground(_ plan: ProcessPlan, container: Container, engine: inout Engine) -> CommandOutput {
        var out = CommandOutput()
        switch plan {
        case .oneShot:
            // Attached: what the process prints is shown, and kept in its log.
            var result = ContainerProcess.runToEnd(container, engine: &engine)
            if container.tty { result = Terminal.output(result) }
            out.stdout += result.stdout
            out.stderr += result.stderr
            out.exitCode = result.exitCode
        case .exitsAtOnce(let code):
            out.exitCode = Int32(code)
            // What the entrypoint wrote before it gave up (start wrote it to the log).
            let logged = container.image.repository == "mysql"
            for line in ImageLogs.startup(container, plan: plan, at: engine.clock) {
                if line.stream == .stdout { out.stdout += line.text + "\n" } else { out.stderr += line.text + "\n" }
            }
            if !logged && (container.image.repository == "postgres" || container.image.repository == "haproxy") {
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
