/// `wc -l` over piped input (the other counts are not simulated).
enum WcProgram: SimulatedProgram {
    static let names = ["wc"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let stdin = ctx.stdin
        guard args == ["-l"] else { return NotSimulated.feature("wc without -l") }
        return .ok("\(stdin.utf8.filter { $0 == 10 }.count)\n")
    }
}
