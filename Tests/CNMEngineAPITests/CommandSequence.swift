import CNMCommands
import CNMSim
@testable import CNMEngineAPI

/// Seeded random docker command sequences for the differential test: networks, containers,
/// connect/disconnect, exec ping/nslookup/wget, inspect with and without --format,
/// ls/ps/port with filters, and the common errors (names reused, things missing).
struct CommandSequence {
    /// CNMSim's seeded generator (the one every random test draws from): the sequence depends on the seed only.
    struct Generator {
        var base: SeededGenerator
        init(seed: UInt64) { base = SeededGenerator(seed: seed) }
        mutating func next() -> UInt64 { base.next() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    }

    static let networks = ["front", "back", "data"]
    static let containers = ["web", "db", "c1", "c2"]
    /// `docker ps` columns that do not depend on the wall clock (the CLI computes CREATED from it)
    /// nor on Go map order (`{{.Networks}}` lists several networks in random order).
    static let psFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"

    /// `count` commands (argument vectors after `docker`).
    static func make(seed: UInt64, count: Int) -> [[String]] {
        var g = Generator(seed: seed)
        var out: [[String]] = []
        var subnet = 20
        func net() -> String { g.chance(90) ? g.pick(networks) : "nosuchnet" }
        func ctr() -> String { g.chance(90) ? g.pick(containers) : "nosuch" }
        func target() -> String { g.pick(containers + ["nosuchhost", "google.com"]) }
        while out.count < count {
            switch g.int(20) {
            case 0, 1:
                var w = ["network", "create"]
                if g.chance(50) { w += ["--subnet", "10.\(subnet).0.0/24"]; subnet += 1 }
                if g.chance(15) { w.append("--internal") }
                if g.chance(20) { w += ["--label", "env=test"] }
                out.append(w + [net()])
            case 2:
                out.append(["network", "rm", net()])
            case 3:
                var w = ["network", "connect"]
                if g.chance(40) { w += ["--alias", g.pick(["api", "cache"])] }
                if g.chance(15) { w += ["--ip", "10.20.0.\(50 + g.int(5))"] }
                out.append(w + [net(), ctr()])
            case 4:
                out.append(["network", "disconnect", net(), ctr()])
            case 5:
                var w = ["network", "ls"]
                switch g.int(5) {
                case 0: w += ["--filter", "driver=bridge"]
                case 1: w += ["--filter", "name=" + g.pick(["f", "b", "net"])]
                case 2: w += ["--filter", "type=custom", "--format", "{{.Name}} {{.Driver}} {{.Scope}}"]
                case 3: w.append("-q")
                default: break
                }
                out.append(w)
            case 6:
                let formats = ["", "{{json .IPAM}}", "{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}", "{{.Name}} {{.Internal}} {{.Labels}}"]
                let f = g.pick(formats)
                out.append(["network", "inspect", net()] + (f.isEmpty ? [] : ["--format", f]))
            case 7, 8:
                var w = ["run", "-d", "--name", ctr()]
                if g.chance(60) { w += ["--network", net()] }
                if g.chance(20) { w += ["--network-alias", "api"] }
                if g.chance(25) { w += ["-p", "\(8080 + g.int(3)):80"] }
                if g.chance(10) { w.append("-P") }
                if g.chance(10) { w += ["--dns", "8.8.8.8", "--dns-search", "example.org"] }
                if g.chance(10) { w += ["--add-host", "db.local:10.1.2.3"] }
                if g.chance(10) { w += ["--link", ctr()] }
                if g.chance(10) { w += ["--hostname", "box", "-e", "A=1", "-l", "tier=web"] }
                let image = g.pick(["nginx", "nginx", "busybox", "alpine", "nosuchimage"])
                w.append(image)
                if image == "busybox" || image == "alpine" { w += ["sleep", "1000"] }
                out.append(w)
            case 9:
                var w = ["run", "--rm"]
                if g.chance(60) { w += ["--network", net()] }
                w.append("busybox")
                switch g.int(3) {
                case 0: w += ["ping", "-c", "1", target()]
                case 1: w += ["nslookup", target()]
                default: w += ["echo", "hello"]
                }
                out.append(w)
            case 10, 11:
                switch g.int(4) {
                case 0: out.append(["exec", ctr(), "ping", "-c", "1", target()])
                case 1: out.append(["exec", ctr(), "nslookup", target()])
                case 2: out.append(["exec", ctr(), "wget", "-q", "-O", "-", "-T", "1", "http://" + target()])
                default: out.append(["exec", ctr(), "cat", "/etc/hosts"])
                }
            case 12:
                let formats = ["", "{{.State.Status}} {{.State.ExitCode}}", "{{json .NetworkSettings.Ports}}",
                               "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}", "{{.HostConfig.NetworkMode}}"]
                let f = g.pick(formats)
                out.append(["inspect", ctr()] + (f.isEmpty ? [] : ["--format", f]))
            case 13:
                var w = ["ps", "-a", "--format", psFormat]
                switch g.int(4) {
                case 0: w += ["--filter", "network=" + net()]
                case 1: w += ["--filter", "name=" + g.pick(["w", "c", "d"])]
                case 2: w += ["--filter", "status=exited"]
                default: break
                }
                out.append(w)
            case 14:
                switch g.int(3) {
                case 0: out.append(["port", ctr()] + (g.chance(50) ? ["80"] : []))
                case 1: out.append(["ps", "-q"] + (g.chance(50) ? ["-a"] : []))
                default: out.append(["network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}} {{.IPv4}} {{.Internal}} {{.Labels}}"])
                }
            case 15:
                out.append([g.pick(["stop", "start", "restart"]), ctr()])
            case 16:
                out.append(["rm"] + (g.chance(60) ? ["-f"] : []) + [ctr()])
            case 17:
                out.append(["network", "prune", "-f"])
            case 18:
                out.append(["create", "--name", ctr(), g.pick(["nginx", "busybox"])])
            default:
                switch g.int(10) {
                case 0: out.append(["ps", "-n", "2", "--format", psFormat])
                case 1: out.append(["ps", "-a", "--no-trunc", "--filter", "exited=0", "--format", "{{.ID}} {{.Command}} {{.State}}"])
                case 2: out.append(["network", "ls", "--filter", g.pick(["label=env", "dangling=true", "scope=local", "type=builtin"])])
                case 3: out.append(["network", "inspect", "-v", net()])
                case 4: out.append(["container", "inspect", ctr(), "--format", "{{.Name}} {{.Config.Image}} {{.HostConfig.PortBindings}}"])
                case 5: out.append(["inspect", "--type", g.pick(["network", "container"]), g.pick(containers + networks)])
                case 6:
                    var w = ["run", "-d", "--name", ctr(), "--network", net()]
                    if g.chance(50) { w += ["--ip", "10.20.0.\(60 + g.int(5))"] }
                    if g.chance(50) { w += ["--mac-address", "02:42:0a:14:00:\(10 + g.int(80))"] }
                    out.append(w + ["alpine", "sleep", "1000"])
                case 7: out.append(["network", "create", "--driver", "macvlan", "-o", "parent=eth0", "--subnet", "192.168.1.0/24", "--gateway", "192.168.1.1", net()])
                case 8: out.append(["exec", ctr(), "wget", "-q", "-O", "-", "http://" + g.pick(["web", "db", "api"]) + ":80"])
                default: out.append(["ps", "--format", psFormat])
                }
            }
        }
        return out
    }

    /// The line `cnmlab sim` reads for one command.
    static func line(_ args: [String]) -> String {
        CommandLineText.join(["docker"] + args)
    }
}
