import CNMCommands

import CNMSim

/// What a command line run for a request printed, read back as the daemon's answer: the status comes
/// from the typed error the output carries (`CommandOutput.errors`), the message from what the CLI
/// printed (`Error response from daemon: X` is the daemon's error X; a `cnmlab: … not simulated` line
/// is cnmlab saying so); any other failure is a value the CLI itself refused (400).
struct LineResult {
    let output: CommandOutput

    init(_ output: CommandOutput) { self.output = output }

    static let daemonPrefix = "Error response from daemon: "

    /// The failure, if the line failed, with moby's status for it.
    var failure: APIError? {
        let err = output.stderr
        if let first = output.errors.first, first.kind == .notSimulated {
            let line = err.split(separator: "\n").first { $0.contains("not simulated") }.map(String.init) ?? err
            return APIError(first.kind.status, line)
        }
        if let r = err.range(of: Self.daemonPrefix) {
            let message = Self.trimTrailer(String(err[r.upperBound...]))
            return APIError(Self.status(of: output), message)
        }
        guard output.exitCode != 0 else { return nil }
        var message = Self.trimTrailer(err)
        if message.hasPrefix("docker: ") { message = String(message.dropFirst("docker: ".count)) }
        if message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
        return APIError(HTTPStatus.badRequest, message.isEmpty ? "invalid request" : message)
    }

    /// The HTTP status of the first daemon error an output reports (`EngineError.Kind.status`); 500 for
    /// one that came without its type, as moby answers an error no errdefs class marks (moby v28.2.2
    /// api/server/httpstatus/status.go `FromError`).
    static func status(of output: CommandOutput) -> Int {
        output.errors.first?.kind.status ?? HTTPStatus.serverError
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
}

extension String {
    func range(of target: String) -> Range<String.Index>? {
        Substring(self).range(of: target)
    }
}
