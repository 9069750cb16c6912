import CNMSim

/// `uname [-snrvmoa]`: the host's kernel as the machine declares it (`HostConfig.kernel`), seen
/// alike from the host and every container (they share the kernel); the node name is the host's
/// or the container's hostname. GNU coreutils 9.1 `src/uname.c` on the host and in Debian-based
/// images, busybox 1.36.1 `coreutils/uname.c` in the busybox images: the same fields in the same
/// order (`-a` leaves out the unknown processor and hardware platform; the OS is `GNU/Linux`).
enum UnameProgram: SimulatedProgram {
    static let names = ["uname"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var wanted: Set<Character> = []
        for a in args {
            let long = ["--all": "a", "--kernel-name": "s", "--nodename": "n", "--kernel-release": "r",
                        "--kernel-version": "v", "--machine": "m", "--operating-system": "o"]
            if let f = long[a] { wanted.insert(Character(f)); continue }
            guard a.hasPrefix("-"), a.count > 1, !a.hasPrefix("--") else {
                if ctx.container.map({ !$0.image.tools.contains("bash") }) ?? false { return NotSimulated.feature("busybox uname's usage text") }
                return .fail("uname: extra operand '\(a)'\nTry 'uname --help' for more information.\n")
            }
            for f in a.dropFirst() {
                guard "snrvmoa".contains(f) else {
                    if ctx.container.map({ !$0.image.tools.contains("bash") }) ?? false { return NotSimulated.feature("busybox uname -\(f)") }
                    if "pi".contains(f) { return NotSimulated.feature("uname -\(f)") }
                    return .fail("uname: invalid option -- '\(f)'\nTry 'uname --help' for more information.\n")
                }
                wanted.insert(f)
            }
        }
        if wanted.isEmpty { wanted = ["s"] }
        if wanted.contains("a") { wanted = ["s", "n", "r", "v", "m", "o"] }
        let k = ctx.engine.host.kernel
        let node = ctx.container.map { $0.sharesHostNetwork ? ctx.engine.host.hostname : $0.hostname } ?? ctx.engine.host.hostname
        let fields: [(Character, String)] = [("s", "Linux"), ("n", node), ("r", k.release), ("v", k.version), ("m", k.machine),
                                             ("o", "GNU/Linux")]
        return .ok(fields.filter { wanted.contains($0.0) }.map(\.1).joined(separator: " ") + "\n")
    }
}

/// GNU coreutils `nproc`: the host's online CPUs (`HostConfig.cpus`; containers see them all).
enum NprocProgram: SimulatedProgram {
    static let names = ["nproc"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.isEmpty || args == ["--all"] else { return NotSimulated.feature("nproc \(args.joined(separator: " "))") }
        return .ok("\(ctx.engine.host.cpus)\n")
    }
}
