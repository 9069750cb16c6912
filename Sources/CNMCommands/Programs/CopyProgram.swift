import CNMSim

/// `cp [-r] SOURCE… DEST` inside the simulated files of one machine or container (GNU coreutils'
/// messages; busybox's in busybox and Alpine-based images). A directory needs `-r`.
enum CopyProgram: SimulatedProgram {
    static let names = ["cp"]
    static func mayChangeState(_ args: [String]) -> Bool { true }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (options, operands, bad) = FileProgramArguments.split(args, allowed: ["r", "R", "a", "p", "f"])
        if let bad { return NotSimulated.feature("cp \(bad)") }
        let gnu = !ctx.busybox
        guard operands.count >= 2 else {
            if !gnu { return NotSimulated.feature("busybox cp's usage text") }
            return .fail(operands.isEmpty ? "cp: missing file operand\nTry 'cp --help' for more information.\n"
                         : "cp: missing destination file operand after '\(operands[0])'\nTry 'cp --help' for more information.\n")
        }
        let recursive = options.contains("r") || options.contains("R") || options.contains("a")
        guard var files = ctx.files, let dest = ctx.resolve(operands[operands.count - 1]) else { return .fail("cp: File name too long\n") }
        let destIsDir = files.isDirectory(dest)
        let sources = operands.dropLast()
        if sources.count > 1 && !destIsDir {
            return .fail("cp: target '\(operands[operands.count - 1])': \(files.node(dest) == nil ? "No such file or directory" : "Not a directory")\n")
        }
        var out = CommandOutput()
        for name in sources {
            guard let src = ctx.resolve(name), let node = files.node(src) else {
                out.stderr += gnu ? "cp: cannot stat '\(name)': No such file or directory\n" : "cp: can't stat '\(name)': No such file or directory\n"
                out.exitCode = 1
                continue
            }
            if node == .directory && !recursive {
                out.stderr += gnu ? "cp: -r not specified; omitting directory '\(name)'\n" : "cp: omitting directory '\(name)'\n"
                out.exitCode = 1
                continue
            }
            let target = destIsDir ? (dest == "/" ? "" : dest) + "/" + FilePath.base(src) : dest
            if target == src || target.hasPrefix(src + "/") {
                out.stderr += "cp: cannot copy a directory, '\(name)', into itself, '\(operands[operands.count - 1])'\n"
                out.exitCode = 1
                continue
            }
            do throws(FileError) {
                try copy(src, to: target, in: &files)
            } catch {
                out.stderr += gnu ? "cp: cannot create regular file '\(operands[operands.count - 1])': \(error.reason)\n"
                    : "cp: can't create '\(operands[operands.count - 1])': \(error.reason)\n"
                out.exitCode = 1
            }
        }
        ctx.engine.storeFiles(files, at: ctx.fileSite)
        return out
    }

    /// Copies the file or tree at `src` of `source` (the same view when nil) to `target` of `files`.
    static func copy(_ src: String, to target: String, in files: inout LayeredFiles, from source: LayeredFiles? = nil) throws(FileError) {
        let origin = source ?? files
        let (list, dirs) = origin.tree(src)
        let base = FilePath.base(src)
        func place(_ relative: String) -> String {
            relative == base ? target : target + relative.dropFirst(base.count)
        }
        if origin.node(src) == .directory {
            if files.node(target) == nil { try files.makeDirectory(target) }
            for d in dirs.dropFirst() where files.node(place(d)) == nil { try files.makeDirectory(place(d)) }
        }
        for (relative, text) in list { try files.write(place(relative), text) }
    }
}
