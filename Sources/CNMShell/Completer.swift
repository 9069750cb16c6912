import CNMSim
import CNMCommands

/// TAB completion: what may come next on a command line, from the words already typed — the
/// shell's own commands and lab ids, the LAN's machines for `ssh`, and for everything the simulated
/// host runs what `CommandCatalog` derives from the command tables (docker's subcommands, flags and
/// operands, the programs, the images), and file names where a command takes a file (`FileCompletion`).
public struct Completer: Sendable {
    public var metaCommands: [String]
    public var labIDs: [String]
    /// The LAN's other Docker hosts, for `ssh`.
    public var machines: [String]
    /// What may follow a shell command (`lab` → start, resume…; `lang` → ko, en), from the shell's command table.
    public var subcommands: [String: [String]]
    /// The programs offered at the start of a line: the host's, or the attached container's.
    public var programs: [String]
    /// Whose files a file operand names: the machine's own (`.host`) or the attached container's; nil
    /// where no files are simulated (`ssh remote`).
    public var fileSite: Engine.FileSite?

    public init(metaCommands: [String], labIDs: [String] = [], machines: [String] = [], subcommands: [String: [String]] = [:],
                programs: [String] = CommandCatalog.hostCommands, fileSite: Engine.FileSite? = .host) {
        self.metaCommands = metaCommands
        self.labIDs = labIDs
        self.machines = machines
        self.subcommands = subcommands
        self.programs = programs
        self.fileSite = fileSite
    }

    /// Candidates for the last (possibly empty) word of `words`.
    public func candidates(words: [String], engine: Engine) -> [String] {
        let current = words.last ?? ""
        let before = Array(words.dropLast())
        var pool: [String]
        switch before.first {
        case nil:
            pool = programs + metaCommands
        case "lab":
            pool = before.count == 1 ? subcommands["lab"] ?? [] : (before.count == 2 && before[1] != "quit" ? labIDs : [])
        case let first? where before.count == 1 && subcommands[first] != nil:
            pool = subcommands[first] ?? []
        case "ssh":
            pool = before.count == 1 ? machines + ["remote"] : []
        default:
            if let site = fileSite, let files = FileCompletion.candidates(words: words, site: site, engine: engine) {
                pool = files
            } else {
                pool = CommandCatalog.completions(words, engine: engine)
            }
        }
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(current) && seen.insert($0).inserted }.sorted()
    }

    /// The longest common prefix, by whole characters (so a Hangul syllable is never cut in half).
    public static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first.map(Array.init) else { return "" }
        for item in items.dropFirst() {
            let chars = Array(item)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
