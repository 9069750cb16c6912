import CNMSim

/// `touch FILE…`: creates the files that do not exist (times are not simulated, so an existing
/// file stays as it is).
enum TouchProgram: SimulatedProgram {
    static let names = ["touch"]
    static func mayChangeState(_ args: [String]) -> Bool { true }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let (_, operands, bad) = FileProgramArguments.split(args, allowed: [])
        if let bad { return NotSimulated.feature("touch \(bad)") }
        if operands.isEmpty {
            return ctx.busybox ? NotSimulated.feature("busybox touch's usage text")
                : .fail("touch: missing file operand\nTry 'touch --help' for more information.\n")
        }
        var out = CommandOutput()
        for name in operands {
            do throws(FileError) {
                guard let path = ctx.resolve(name) else { throw .nameTooLong }
                try ctx.engine.changeFiles(at: ctx.fileSite) { (f: inout LayeredFiles) throws(FileError) in
                    if f.node(path) == nil { try f.write(path, "") }
                }
            } catch {
                if case .derived = error { continue }
                out.stderr += ctx.busybox ? "touch: \(name): \(error.reason)\n" : "touch: cannot touch '\(name)': \(error.reason)\n"
                out.exitCode = 1
            }
        }
        return out
    }
}
