import CNMSim

/// busybox 1.36.1 `route -n` (networking/route.c `bb_displayroutes`): the kernel's IPv4 table with
/// numeric addresses, `%-15.15s %-15.15s %-16s%-6s%-6d %-2d %7d %s`. Without `-n` busybox resolves
/// names, which is not simulated. The host has no net-tools `route`.
enum RouteProgram: SimulatedProgram {
    static let names = ["route"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args == ["-n"] else { return NotSimulated.feature("route \(args.joined(separator: " ")) (only route -n is simulated)") }
        guard let ns = IpProgram.namespace(ctx) else { return .fail("route: no namespace\n") }
        func col(_ s: String, _ w: Int) -> String { s.count >= w ? String(s.prefix(w)) : s + String(repeating: " ", count: w - s.count) }
        var out = "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
        for r in ns.routes {
            let dest = r.destination.map { $0.network.description } ?? "0.0.0.0"
            let mask = r.destination.map { $0.netmask.description } ?? "0.0.0.0"
            let gw = r.gateway?.description ?? "0.0.0.0"
            let flags = "U" + (r.gateway != nil ? "G" : "")
            out += col(dest, 15) + " " + col(gw, 15) + " " + col(mask, 16) + col(flags, 6) + col("0", 6) + " " + col("0", 2) + " "
                + String(repeating: " ", count: 6) + "0 " + r.device + "\n"
        }
        return .ok(out)
    }
}
