/// `ss` and `netstat`: exist on the simulated machines, but listing sockets is
/// not simulated — the host's own daemons (sshd, resolvers…) and the embedded
/// DNS server's listeners are not modelled, so any listing would be invented.
enum SocketsProgram: SimulatedProgram {
    static let names = ["ss", "netstat"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        NotSimulated.feature("listing sockets (the machine's own daemons are not modelled; use `why` or `docker port`)")
    }
}
