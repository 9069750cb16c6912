extension IptablesProgram {
    /// The commands that change a table (`-A`, `-D`, `-F`, `-P`…; iptables v1.8 iptables/xshared.c).
    static let changingCommands: Set<String> = [
        "-A", "-I", "-D", "-R", "-F", "-N", "-X", "-P", "-Z", "-E", "--append", "--insert", "--delete", "--replace",
        "--flush", "--new-chain", "--delete-chain", "--policy", "--zero", "--rename-chain",
    ]

    static func mayChangeState(_ args: [String]) -> Bool { args.contains { changingCommands.contains($0) } }
}
