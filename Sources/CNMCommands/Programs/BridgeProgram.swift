import CNMSim

/// `bridge link [show]` (iproute2): the host-side veths and the bridge each is a port of.
enum BridgeProgram: SimulatedProgram {
    static let names = ["bridge"]
    static func mayChangeState(_ args: [String]) -> Bool { LinkChangeVerbs.appear(in: args) }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("bridge inside a container") }
        guard let first = args.first, ["link", "l", "li", "lin"].contains(first),
              args.count == 1 || (args.count == 2 && args[1] == "show") else {
            return NotSimulated.feature("bridge \(args.joined(separator: " "))")
        }
        var out = ""
        for i in KernelView.host(ctx.engine).interfaces where i.master != nil {
            out += "\(i.index): \(i.displayName): <BROADCAST,MULTICAST,UP,LOWER_UP> mtu \(i.mtu) master \(i.master ?? "") state forwarding priority 32 cost 2 \n"
        }
        return .ok(out)
    }
}

/// `brctl show` (bridge-utils): each bridge, its ID, STP state and ports.
enum BrctlProgram: SimulatedProgram {
    static let names = ["brctl"]
    static func mayChangeState(_ args: [String]) -> Bool { LinkChangeVerbs.appear(in: args) }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("brctl inside a container") }
        guard args == ["show"] else { return NotSimulated.feature("brctl \(args.joined(separator: " "))") }
        let ns = KernelView.host(ctx.engine)
        var out = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n"
        for b in ns.interfaces.filter({ $0.kind == .bridge }).sorted(by: { $0.name < $1.name }) {
            let id = "8000." + b.mac.bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            let ports = ns.interfaces.filter { $0.master == b.name }.map(\.name).sorted()
            out += "\(b.name)\t\t\(id)\tno\t\t\(ports.first ?? "")\n"
            for p in ports.dropFirst() { out += "\t\t\t\t\t\t\t\(p)\n" }
        }
        return .ok(out)
    }
}
