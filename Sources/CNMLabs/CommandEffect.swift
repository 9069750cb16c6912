import CNMCommands

/// Which commands may change the simulated world: what `undo` can take back.
///
/// Judged from the words, before the command runs: every simple command of the line
/// (`;`, `&&`, `|`, `$(…)`) is looked at, and one that may change anything makes the line count.
public enum CommandEffect {
    /// Whether `line` may change the world (container, network, firewall, swarm, or time-bound processes).
    public static func mayChangeState(_ line: String) -> Bool {
        // `> f` and `>> f` write a file of the simulated machine, whatever the command.
        if case .complete(let parsed) = ShellLine.parse(line), parsed.writesFiles { return true }
        return CommandMatcher.simpleCommands(line).contains { mayChangeState(words: $0.split(separator: " ").map(String.init)) }
    }

    /// Whether one simple command may change the world: `ssh HOST LINE` and `sudo CMD` by what
    /// they run, anything else as the command tables say (`CommandCatalog`).
    public static func mayChangeState(words: [String]) -> Bool {
        switch words.first {
        case "ssh":
            // `ssh HOST CMD…` runs CMD there; the words after the host may be one quoted line.
            guard words.count > 2 else { return false }
            return mayChangeState(Array(words.dropFirst(2)).joined(separator: " "))
        case "sudo":
            return mayChangeState(words: Array(words.dropFirst()))
        default:
            return CommandCatalog.mayChangeState(words)
        }
    }
}
