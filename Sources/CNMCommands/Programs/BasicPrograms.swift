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

/// `cat [FILE…]`: the simulated files of the site it runs on (`Engine+Files`: what the learner
/// wrote, the image's modelled files, and `/etc/hosts`, `/etc/resolv.conf`, `/etc/hostname` as
/// Docker writes them); `-` or no file copies standard input.
enum CatProgram: SimulatedProgram {
    static let names = ["cat"]
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (_, operands, bad) = FileProgramArguments.split(args, allowed: [])
        if let bad { return NotSimulated.feature("cat \(bad)") }
        if operands.isEmpty { return .ok(ctx.stdin) }
        var out = CommandOutput()
        let files = ctx.files
        for name in operands {
            if name == "-" { out.stdout += ctx.stdin; continue }
            guard let path = ctx.resolve(name) else {
                out.stderr += "cat: \(name): File name too long\n"
                out.exitCode = 1
                continue
            }
            if let text = ProcFiles.read(path, ctx) { out.stdout += text; continue }
            switch files?.node(path) {
            case .file(let text)?: out.stdout += text
            case .directory?:
                out.stderr += ctx.busybox ? "cat: read error: Is a directory\n" : "cat: \(name): Is a directory\n"
                out.exitCode = 1
            case nil:
                out.stderr += "cat: \(name): No such file or directory\n"
                out.exitCode = 1
            }
        }
        return out
    }
}

/// `/proc/1/environ`: the main process's environment, NUL-terminated entries; its link variables are
/// those of its start (moby v28.2.2 daemon/container_operations_unix.go), unlike `docker exec … env`.
enum ProcFiles {
    static func read(_ path: String, _ ctx: ProgramContext) -> String? {
        guard path == "/proc/1/environ", let c = ctx.container,
              let env = ProcessEnvironment.of(c, tty: c.tty, linkEnv: c.startLinkEnvironment, engine: ctx.engine) else { return nil }
        return env.map { $0 + "\u{0}" }.joined()
    }
}
