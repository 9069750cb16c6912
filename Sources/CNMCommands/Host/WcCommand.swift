/// `wc -l` over piped input (the other counts are not simulated).
enum WcCommand {
    static func run(_ args: [String], stdin: String) -> CommandOutput {
        guard args == ["-l"] else { return NotSimulated.feature("wc without -l") }
        return .ok("\(stdin.utf8.filter { $0 == 10 }.count)\n")
    }
}
