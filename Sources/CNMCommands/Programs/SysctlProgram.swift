import CNMSim

/// `sysctl [-n] KEY…` (procps on the host, busybox in containers; both print `key = value`, `-n` the
/// value alone) for the net.* values Docker sets or the learner meets:
/// - the host: `net.ipv4.ip_forward` and `net.ipv4.conf.all.forwarding` are 1 (dockerd turns
///   forwarding on, moby v28.2.2 libnetwork/drivers/bridge/setup_ip_forwarding.go), the
///   `net.bridge.bridge-nf-call-ip(6)tables` switches as `Engine.bridgeNetfilter` holds them (absent
///   until br_netfilter is loaded: procps 4.0.2 `ReadSetting` then says `cannot stat …`, exit 1), the
///   ephemeral port range;
/// - a container: what `--sysctl` set, plus the two Docker sets in every non-host container
///   (daemon/oci_linux.go lines 760-767: `ping_group_range` `0 2147483647`,
///   `ip_unprivileged_port_start` 0), forwarding off, the ephemeral port range.
/// Writing (`-w KEY=VALUE` or `KEY=VALUE`) is simulated for the two br_netfilter switches on the host
/// (the kernel stores any non-zero value as 1); other keys and writes are not simulated.
enum SysctlProgram: SimulatedProgram {
    static let names = ["sysctl"]
    /// Writing a value (`-w`, `KEY=VALUE`), though not simulated, is what a learner changes with it.
    static func mayChangeState(_ args: [String]) -> Bool { args.contains("-w") || args.contains { $0.contains("=") } }

    static func values(_ ctx: ProgramContext) -> [String: String] {
        let common = ["net.ipv4.ip_local_port_range": "32768\t60999", "net.ipv6.conf.all.disable_ipv6": "0"]
        guard let c = ctx.container, !c.sharesHostNetwork else {
            var host = common.merging(["net.ipv4.ip_forward": "1", "net.ipv4.conf.all.forwarding": "1"]) { $1 }
            let brnf = ctx.engine.bridgeNetfilter
            if brnf.loaded {
                host[iptablesSwitch] = brnf.callIptables ? "1" : "0"
                host[ip6tablesSwitch] = brnf.callIp6tables ? "1" : "0"
            }
            return host
        }
        var v = common.merging([
            "net.ipv4.ip_forward": "0", "net.ipv4.conf.all.forwarding": "0",
            "net.ipv4.ping_group_range": "0\t2147483647", "net.ipv4.ip_unprivileged_port_start": "0",
        ]) { $1 }
        // The kernel reads the values back in its own form (tabs between the fields of a range).
        for (k, value) in c.sysctls { v[k] = value.split(separator: " ").joined(separator: "\t") }
        return v
    }

    static let iptablesSwitch = "net.bridge.bridge-nf-call-iptables"
    static let ip6tablesSwitch = "net.bridge.bridge-nf-call-ip6tables"

    /// Whether `key` lives under /proc/sys/net/bridge, which exists only while br_netfilter is loaded.
    static func isBridgeKey(_ key: String) -> Bool { key.hasPrefix("net.bridge.") }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var valueOnly = false
        var write = false
        var keys: [String] = []
        for a in args {
            if a == "-n" { valueOnly = true; continue }
            if a == "-w" { write = true; continue }
            if a.hasPrefix("-") { return NotSimulated.feature("sysctl \(a)") }
            keys.append(a)
        }
        guard !keys.isEmpty else { return NotSimulated.feature("sysctl without a key") }
        let onHost = ctx.container.map(\.sharesHostNetwork) ?? true
        var out = CommandOutput()
        for raw in keys {
            if write || raw.contains("=") {
                guard onHost, let eq = raw.firstIndex(of: "=") else { return NotSimulated.feature("sysctl -w \(raw)") }
                let key = String(raw[..<eq]).trimmingSpaces().replacingSlashes()
                let value = String(raw[raw.index(after: eq)...]).trimmingSpaces()
                guard key == iptablesSwitch || key == ip6tablesSwitch, let number = Int(value) else {
                    return NotSimulated.feature("sysctl -w \(key)")
                }
                guard ctx.engine.setBridgeNetfilterSwitch(ipv6: key == ip6tablesSwitch, on: number != 0) else {
                    out.stderr += cannotStat(key)
                    out.exitCode = 1
                    continue
                }
                out.stdout += valueOnly ? value + "\n" : "\(key) = \(value)\n"
                continue
            }
            let k = raw.replacingSlashes()
            let table = values(ctx)
            guard let v = table[k] else {
                if onHost && isBridgeKey(k) && !ctx.engine.bridgeNetfilter.loaded {
                    out.stderr += cannotStat(k)
                    out.exitCode = 1
                    continue
                }
                return NotSimulated.feature("sysctl \(k)")
            }
            out.stdout += valueOnly ? v + "\n" : "\(k) = \(v)\n"
        }
        return out
    }

    /// procps's warning for a key whose /proc/sys file does not exist.
    static func cannotStat(_ key: String) -> String {
        "sysctl: cannot stat /proc/sys/\(key.split(separator: ".", omittingEmptySubsequences: false).joined(separator: "/")): No such file or directory\n"
    }
}

private extension String {
    /// `net/ipv4/ip_forward` → `net.ipv4.ip_forward`, as sysctl accepts either.
    func replacingSlashes() -> String { split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".") }
    /// Without the spaces and tabs around it (procps's `lstrip`/`rstrip`).
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
