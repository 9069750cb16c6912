import CNMSim

/// `sysctl [-n] KEY…` (procps on the host, busybox in containers; both print `key = value`, `-n` the
/// value alone) for the net.* values Docker sets or the learner meets:
/// - the host: `net.ipv4.ip_forward` and `net.ipv4.conf.all.forwarding` are 1 (dockerd turns
///   forwarding on, moby v28.2.2 libnetwork/drivers/bridge/setup_ip_forwarding.go), the
///   `net.bridge.bridge-nf-call-ip(6)tables` switches are 1 (br_netfilter), the ephemeral port range;
/// - a container: what `--sysctl` set, plus the two Docker sets in every non-host container
///   (daemon/oci_linux.go lines 760-767: `ping_group_range` `0 2147483647`,
///   `ip_unprivileged_port_start` 0), forwarding off, the ephemeral port range.
/// Other keys and writing (`-w`) are not simulated.
enum SysctlProgram: SimulatedProgram {
    static let names = ["sysctl"]

    static func values(_ ctx: ProgramContext) -> [String: String] {
        let common = ["net.ipv4.ip_local_port_range": "32768\t60999", "net.ipv6.conf.all.disable_ipv6": "0"]
        guard let c = ctx.container, !c.sharesHostNetwork else {
            return common.merging([
                "net.ipv4.ip_forward": "1", "net.ipv4.conf.all.forwarding": "1",
                "net.bridge.bridge-nf-call-iptables": "1", "net.bridge.bridge-nf-call-ip6tables": "1",
            ]) { $1 }
        }
        var v = common.merging([
            "net.ipv4.ip_forward": "0", "net.ipv4.conf.all.forwarding": "0",
            "net.ipv4.ping_group_range": "0\t2147483647", "net.ipv4.ip_unprivileged_port_start": "0",
        ]) { $1 }
        // The kernel reads the values back in its own form (tabs between the fields of a range).
        for (k, value) in c.sysctls { v[k] = value.split(separator: " ").joined(separator: "\t") }
        return v
    }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var valueOnly = false
        var keys: [String] = []
        for a in args {
            if a == "-n" { valueOnly = true; continue }
            if a.hasPrefix("-") || a.contains("=") { return NotSimulated.feature("sysctl \(a)") }
            keys.append(a.replacingSlashes())
        }
        guard !keys.isEmpty else { return NotSimulated.feature("sysctl without a key") }
        let table = values(ctx)
        var out = ""
        for k in keys {
            guard let v = table[k] else { return NotSimulated.feature("sysctl \(k)") }
            out += valueOnly ? v + "\n" : "\(k) = \(v)\n"
        }
        return .ok(out)
    }
}

private extension String {
    /// `net/ipv4/ip_forward` → `net.ipv4.ip_forward`, as sysctl accepts either.
    func replacingSlashes() -> String { split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".") }
}
