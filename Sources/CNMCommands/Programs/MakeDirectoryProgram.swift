import CNMSim

/// `mkdir [-p] DIR…` on the simulated files (GNU coreutils' messages; busybox's in busybox and
/// Alpine-based images).
enum MakeDirectoryProgram: SimulatedProgram {
    static let names = ["mkdir"]
    static func mayChangeState(_ args: [String]) -> Bool { true }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (options, operands, bad) = FileProgramArguments.split(args, allowed: ["p"])
        if let bad { return NotSimulated.feature("mkdir \(bad)") }
        if operands.isEmpty {
            return ctx.busybox ? NotSimulated.feature("busybox mkdir's usage text")
                : .fail("mkdir: missing operand\nTry 'mkdir --help' for more information.\n")
        }
        var out = CommandOutput()
        for name in operands {
            do throws(FileError) {
                guard let path = ctx.resolve(name) else { throw .nameTooLong }
                try ctx.engine.changeFiles(at: ctx.fileSite) { (f: inout LayeredFiles) throws(FileError) in
                    try f.makeDirectory(path, parents: options.contains("p"))
                }
            } catch {
                let verb = ctx.busybox ? "can't" : "cannot"
                out.stderr += "mkdir: \(verb) create directory '\(name)': \(error.reason)\n"
                out.exitCode = 1
            }
        }
        return out
    }
}
