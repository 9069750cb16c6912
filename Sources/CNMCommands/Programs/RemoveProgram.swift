import CNMSim

/// `rm [-rRf] PATH…` on the simulated files, with GNU coreutils' messages (busybox's in busybox
/// and Alpine-based images). Exit 1 when one operand could not be removed.
enum RemoveProgram: SimulatedProgram {
    static let names = ["rm"]
    static func mayChangeState(_ args: [String]) -> Bool { true }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (options, operands, bad) = FileProgramArguments.split(args, allowed: ["r", "R", "f"])
        if let bad { return NotSimulated.feature("rm \(bad)") }
        let force = options.contains("f")
        if operands.isEmpty {
            if force { return CommandOutput() }
            return ctx.busybox ? NotSimulated.feature("busybox rm's usage text")
                : .fail("rm: missing operand\nTry 'rm --help' for more information.\n")
        }
        let recursive = options.contains("r") || options.contains("R")
        var out = CommandOutput()
        for name in operands {
            guard let path = ctx.resolve(name) else { out.stderr += message(name, .nameTooLong, ctx); out.exitCode = 1; continue }
            do throws(FileError) {
                try ctx.engine.changeFiles(at: ctx.fileSite) { (f: inout LayeredFiles) throws(FileError) in try f.remove(path, recursive: recursive) }
            } catch {
                if error == .noSuchFile && force { continue }
                if case .derived(let p) = error { return NotSimulated.feature("removing \(p) (Docker writes it; cnmlab derives it)") }
                out.stderr += message(name, error, ctx)
                out.exitCode = 1
            }
        }
        return out
    }

    static func message(_ name: String, _ error: FileError, _ ctx: ProgramContext) -> String {
        if ctx.busybox {
            return error == .isDirectory ? "rm: '\(name)' is a directory\n" : "rm: can't remove '\(name)': \(error.reason)\n"
        }
        return "rm: cannot remove '\(name)': \(error.reason)\n"
    }
}
