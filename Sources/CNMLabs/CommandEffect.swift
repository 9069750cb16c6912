/// Which commands may change the simulated world: what `undo` can take back.
///
/// Judged from the words, before the command runs: every simple command of the line
/// (`;`, `&&`, `|`, `$(…)`) is looked at, and one that may change anything makes the line count.
public enum CommandEffect {
    /// Whether `line` may change the world (container, network, firewall, swarm, or time-bound processes).
    public static func mayChangeState(_ line: String) -> Bool {
        CommandMatcher.simpleCommands(line).contains { mayChangeState(words: $0.split(separator: " ").map(String.init)) }
    }

    /// Whether one simple command may change the world.
    public static func mayChangeState(words: [String]) -> Bool {
        guard let program = words.first else { return false }
        switch program {
        case "ssh":
            // `ssh HOST CMD…` runs CMD there; the words after the host may be one quoted line.
            guard words.count > 2 else { return false }
            return mayChangeState(Array(words.dropFirst(2)).joined(separator: " "))
        case "sudo":
            return mayChangeState(words: Array(words.dropFirst()))
        case "docker":
            let rest = words.dropFirst().filter { !$0.hasPrefix("-") }
            guard let sub = rest.first else { return false }
            let second = rest.dropFirst().first ?? ""
            switch sub {
            case "swarm": return second != "join-token" && second != "ca"
            case "service": return ["create", "rm", "remove", "scale", "update", "rollback"].contains(second)
            case "node": return ["rm", "remove", "update", "promote", "demote"].contains(second)
            case "network", "container":
                return ["create", "rm", "remove", "connect", "disconnect", "prune", "run", "start", "stop", "restart",
                        "kill", "rename", "exec", "pause", "unpause", "update"].contains(second)
            default:
                return ["run", "create", "start", "stop", "restart", "rm", "exec", "kill", "rename", "pause", "unpause",
                        "update"].contains(sub)
            }
        case "iptables":
            return words.contains { ["-A", "-I", "-D", "-R", "-F", "-N", "-X", "-P", "-Z", "-E", "--append", "--insert",
                                     "--delete", "--replace", "--flush", "--new-chain", "--delete-chain", "--policy",
                                     "--zero", "--rename-chain"].contains($0) }
        case "iptables-restore", "sleep":
            return true
        case "sysctl":
            return words.contains("-w") || words.dropFirst().contains { $0.contains("=") }
        case "ip", "brctl", "bridge":
            // These only read in the simulator, but a learner may try to change links with them.
            let verbs = ["add", "del", "delete", "set", "change", "replace", "flush", "addbr", "delbr", "addif", "delif"]
            return words.dropFirst().contains { verbs.contains($0) }
        default:
            return false
        }
    }
}
