import CNMCommands

/// What a command line run for a request printed, read back as the daemon's answer:
/// `Error response from daemon: X` is the daemon's error X; a `cnmlab: … not simulated`
/// line is cnmlab saying so; any other failure is a value the CLI itself refused.
struct LineResult {
    let output: CommandOutput

    init(_ output: CommandOutput) { self.output = output }

    static let daemonPrefix = "Error response from daemon: "

    /// The failure, if the line failed, with moby's status for it.
    var failure: APIError? {
        let err = output.stderr
        if let r = err.range(of: Self.daemonPrefix) {
            let message = Self.trimTrailer(String(err[r.upperBound...]))
            return APIError(Self.status(for: message), message)
        }
        if err.contains("not simulated") {
            let line = err.split(separator: "\n").first { $0.contains("not simulated") }.map(String.init) ?? err
            return APIError(HTTPStatus.notImplemented, line)
        }
        guard output.exitCode != 0 else { return nil }
        var message = Self.trimTrailer(err)
        if message.hasPrefix("docker: ") { message = String(message.dropFirst("docker: ".count)) }
        if message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
        return APIError(HTTPStatus.badRequest, message.isEmpty ? "invalid request" : message)
    }

    /// Drops what the CLI adds after the daemon's message: the help pointer, `exit status 1`,
    /// the `failed to start containers` summary, and the final newline.
    static func trimTrailer(_ text: String) -> String {
        var s = text
        for marker in ["\n\nRun 'docker ", "\nexit status ", "\nError: failed to start containers:", "\nError response from daemon: "] {
            if let r = s.range(of: marker) { s = String(s[..<r.lowerBound]) }
        }
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// The errdefs class moby gives a daemon message (api/server/httpstatus/status.go), by its wording.
    static func status(for message: String) -> Int {
        let m = message
        if m.hasPrefix("No such ") || m.hasSuffix(" not found") || m.contains("not found: ") && !m.contains("executable file not found") {
            return HTTPStatus.notFound
        }
        if m.contains("executable file not found") || m.contains("no such file or directory") { return HTTPStatus.badRequest }
        if m.hasPrefix("Conflict.") || m.contains("already exists") && m.hasPrefix("network with name")
            || m.contains("is not running") || m.contains("container is running") || m.contains("is already in use") {
            return HTTPStatus.conflict
        }
        if m.contains("has active endpoints") || m.contains("pre-defined network") || m.contains("already exists in network")
            || m.contains("cannot be removed") {
            return HTTPStatus.forbidden
        }
        if m.hasPrefix("failed to") || m.contains("port is already allocated") || m.contains("address already in use") {
            return HTTPStatus.serverError
        }
        return HTTPStatus.badRequest
    }
}

extension String {
    func range(of target: String) -> Range<String.Index>? {
        Substring(self).range(of: target)
    }
}
