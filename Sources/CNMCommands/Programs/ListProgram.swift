import CNMSim

/// `ls [-1a] [PATH…]`: the names in the simulated files, sorted by bytes (the C locale: the
/// simulated shells set no `LANG`). To a terminal in columns as GNU ls lays them out for 80
/// columns (coreutils ls.c: the fewest rows whose columns fit, two spaces between), one per line
/// otherwise. A directory of an image that cnmlab models only in part says so; `-l` and the other
/// options are not simulated.
enum ListProgram: SimulatedProgram {
    static let names = ["ls"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (options, operands, bad) = FileProgramArguments.split(args, allowed: ["1", "a", "A"])
        if let bad { return NotSimulated.feature("ls \(bad)") }
        guard let files = ctx.files else { return CommandOutput() }
        let targets = operands.isEmpty ? ["."] : operands
        var out = CommandOutput()
        var fileNames: [String] = []
        var directories: [(String, [String])] = []
        for t in targets {
            guard let path = ctx.resolve(t) else { out.stderr += message(t, .nameTooLong, ctx); out.exitCode = 2; continue }
            switch files.node(path) {
            case nil:
                out.stderr += message(t, .noSuchFile, ctx)
                out.exitCode = ctx.busybox ? 1 : 2
            case .file?:
                fileNames.append(t)
            case .directory?:
                do throws(FileError) {
                    var names = try files.list(path)
                    if options.contains("a") { names = [".", ".."] + names }
                    directories.append((t, names))
                } catch {
                    return NotSimulated.feature("listing \(path) (cnmlab models only some of the files there)")
                }
            }
        }
        let terminal = OutputTerminal.isTerminal && !options.contains("1")
        var blocks: [String] = []
        if !fileNames.isEmpty { blocks.append(layout(fileNames.sorted(by: byteOrder), terminal: terminal)) }
        let headed = targets.count > 1
        for (name, names) in directories {
            blocks.append((headed ? name + ":\n" : "") + layout(names, terminal: terminal))
        }
        out.stdout = blocks.joined(separator: "\n")
        return out
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    static func message(_ name: String, _ error: FileError, _ ctx: ProgramContext) -> String {
        ctx.busybox ? "ls: \(name): \(error.reason)\n" : "ls: cannot access '\(name)': \(error.reason)\n"
    }

    /// GNU ls' vertical columns for an 80-column terminal, or one name per line.
    static func layout(_ names: [String], terminal: Bool, width: Int = 80) -> String {
        guard !names.isEmpty else { return "" }
        guard terminal else { return names.map { $0 + "\n" }.joined() }
        let lengths = names.map { GoRuneWidth.stringWidth($0) }
        var best = (rows: names.count, widths: [lengths.max() ?? 0])
        for cols in stride(from: min(names.count, max(1, width / 3)), through: 1, by: -1) {
            let rows = (names.count + cols - 1) / cols
            var widths: [Int] = []
            for c in 0..<cols {
                let column = lengths[min(c * rows, lengths.count)..<min((c + 1) * rows, lengths.count)]
                if column.isEmpty { continue }
                widths.append(column.max() ?? 0)
            }
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total < width { best = (rows, widths); break }
        }
        var out = ""
        for r in 0..<best.rows {
            var line = ""
            for (c, w) in best.widths.enumerated() {
                let k = c * best.rows + r
                guard k < names.count else { continue }
                let isLast = c == best.widths.count - 1 || (c + 1) * best.rows + r >= names.count
                line += names[k] + (isLast ? "" : String(repeating: " ", count: w - lengths[k] + 2))
            }
            out += line + "\n"
        }
        return out
    }
}
