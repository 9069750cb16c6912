import CNMSim

/// `modprobe br_netfilter` on the host (kmod): loads the module that makes the host's iptables
/// chains see frames switched inside a bridge (`BridgeNetfilter`); silent, exit 0, also when it is
/// loaded already. Other modules and options are not simulated.
enum ModprobeProgram: SimulatedProgram {
    static let names = ["modprobe"]
    static func mayChangeState(_ args: [String]) -> Bool { true }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil, args == ["br_netfilter"] else {
            return NotSimulated.feature("modprobe \(args.joined(separator: " "))")
        }
        ctx.engine.loadBridgeNetfilterModule()
        return .ok()
    }
}
