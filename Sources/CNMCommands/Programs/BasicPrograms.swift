import CNMSim

/// `echo [-n] WORDS…`
enum EchoProgram: SimulatedProgram {
    static let names = ["echo"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var words = args
        var newline = true
        if words.first == "-n" { newline = false; words.removeFirst() }
        return .ok(words.joined(separator: " ") + (newline ? "\n" : ""))
    }
}

/// `true` and `:`
enum TrueProgram: SimulatedProgram {
    static let names = ["true", ":"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput { .ok() }
}

/// `false`
enum FalseProgram: SimulatedProgram {
    static let names = ["false"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput { CommandOutput(exitCode: 1) }
}

/// `sleep DURATION…` (`1d 3h`, `10m`, `1.5`; `SleepDuration`): moves the simulated clock. busybox's
/// texts in containers (coreutils/sleep.c, `invalid number`), GNU coreutils' on the host.
enum SleepProgram: SimulatedProgram {
    static let names = ["sleep"]
    /// Time passes: containers that run for a while end.
    static func mayChangeState(_ args: [String]) -> Bool { true }
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let busybox = ctx.container.map { !$0.image.tools.contains("bash") } ?? false
        if args.isEmpty {
            return busybox ? NotSimulated.feature("busybox sleep's usage text")
                : .fail("sleep: missing operand\nTry 'sleep --help' for more information.\n")
        }
        if args[0].lowercased().hasPrefix("inf") { return NotSimulated.feature("sleep infinity in the foreground (it never ends)") }
        guard let n = SleepDuration.nanoseconds(args) else {
            let bad = SleepDuration.firstInvalid(args) ?? args[0]
            return busybox ? .fail("sleep: invalid number '\(bad)'\n")
                : .fail("sleep: invalid time interval '\(bad)'\nTry 'sleep --help' for more information.\n")
        }
        let capped = min(n, 100 * 365 * 86_400 * 1_000_000_000)
        ctx.engine.advance(seconds: capped / 1_000_000_000, nanoseconds: capped % 1_000_000_000)
        return .ok()
    }
}

/// `hostname`: the host's name, or the container's.
enum HostnameProgram: SimulatedProgram {
    static let names = ["hostname"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.isEmpty else { return HostnameAddresses.run(args, &ctx) }
        return .ok((ctx.container?.hostname ?? ctx.engine.host.hostname) + "\n")
    }
}

/// `cat FILE…` for the files the simulation knows; with no file, copies standard input.
enum CatProgram: SimulatedProgram {
    static let names = ["cat"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        if args.isEmpty { return .ok(ctx.stdin) }
        var out = CommandOutput()
        for path in args {
            if let text = SimulatedFiles.read(path, ctx) {
                out.stdout += text
            } else {
                return NotSimulated.feature("reading \(path)")
            }
        }
        return out
    }
}

/// The files whose contents the simulation derives (`/etc/hostname`, and more as
/// the kernel and DNS views grow).
enum SimulatedFiles {
    static func read(_ path: String, _ ctx: ProgramContext) -> String? {
        switch path {
        case "/etc/hostname": return (ctx.container?.hostname ?? ctx.engine.host.hostname) + "\n"
        case "/etc/hosts", "/etc/resolv.conf": return ctx.resolutionFile(path)
        case "/proc/1/environ":
            // The main process's environment, NUL-terminated entries: its link variables are those of its start.
            guard let c = ctx.container,
                  let env = ProcessEnvironment.of(c, tty: c.tty, linkEnv: c.startLinkEnvironment, engine: ctx.engine) else { return nil }
            return env.map { $0 + "\u{0}" }.joined()
        default: return nil
        }
    }
}
