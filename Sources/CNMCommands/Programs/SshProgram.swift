import CNMSim

/// `ssh remote CMD…` on the host: runs `ping` (iputils) or `curl` (8.x) on the
/// LAN machine `remote` (192.168.1.50), to show what the outside world reaches.
/// Other commands, other machines and interactive sessions are not simulated.
enum SshProgram: SimulatedProgram {
    static let names = ["ssh"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("ssh from inside a container") }
        guard let dest = args.first, !dest.hasPrefix("-") else { return NotSimulated.feature("ssh options") }
        let user = dest.split(separator: "@").last.map(String.init) ?? dest
        guard user == "remote" || user == KernelView.remoteAddress.description else {
            return .fail("ssh: Could not resolve hostname \(user): Name or service not known\n", code: 255)
        }
        let command = Array(args.dropFirst())
        guard let program = command.first else { return NotSimulated.feature("an interactive ssh session outside the cnmlab shell") }
        switch program {
        case "ping": return PingProgram.ping(Array(command.dropFirst()), &ctx, site: .remote, busybox: false)
        case "curl": return CurlProgram.curl(Array(command.dropFirst()), &ctx, site: .remote, pinned: false)
        default: return NotSimulated.feature("'\(program)' on remote")
        }
    }
}
