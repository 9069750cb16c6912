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
        guard args.count > 1 else { return NotSimulated.feature("an interactive ssh session outside the cnmlab shell") }
        // ssh joins its operands with spaces and remote's shell reads that line again (OpenSSH
        // V_9_2_P1 ssh.c), so `'%{http_code}\n'` reaches curl as `%{http_code}n`, as on the other
        // machines (`Simulator.runOnOtherMachine`).
        let line = args.dropFirst().joined(separator: " ")
        guard case .complete(let parsed) = ShellLine.parse(line), parsed.items.count == 1,
              let only = parsed.items.first?.pipeline, only.count == 1, only[0].redirections.isEmpty,
              case .success(let expanded) = parsed.expanded(), let command = expanded.first?.pipeline.first,
              let program = command.first
        else { return NotSimulated.feature("that command line on remote (one ping or curl command)") }
        switch program {
        case "ping": return PingProgram.ping(Array(command.dropFirst()), &ctx, site: .remote, busybox: false)
        case "curl": return CurlProgram.curl(Array(command.dropFirst()), &ctx, site: .remote, pinned: false)
        default: return NotSimulated.feature("'\(program)' on remote")
        }
    }
}
