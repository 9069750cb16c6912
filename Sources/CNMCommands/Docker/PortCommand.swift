import CNMSim

/// `docker port` (docker/cli v28.2.2 cli/command/container/port.go).
enum PortCommand {
    static let spec = DockerCommandSpec(
        path: "docker port", useLine: "docker port CONTAINER [PRIVATE_PORT[/PROTO]]", flags: [], arity: .range(1, 2))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        let c = try engine.findContainer(flags.positionals[0]).orDaemonError()
        func line(_ m: PortMapping) -> String { ContainerSummary.joinHostPort(m.hostIP, m.hostPortText) }
        if flags.positionals.count == 2 {
            let raw = flags.positionals[1]
            let parts = raw.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let number = UInt16(parts[0]) else {
                let digits = !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && $0.isNumber }
                let reason = digits ? "value out of range" : "invalid syntax"
                throw .refused("Error: invalid port (\(parts[0])): strconv.ParseUint: parsing \(GoQuote.quote(String(parts[0]))): \(reason)")
            }
            let proto = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : "tcp"
            let matches = c.portMappings.filter { $0.containerPort == ContainerPort(port: Int(number), proto: proto) }
            if matches.isEmpty { throw .refused("Error: No public port '\(raw)' published for \(flags.positionals[0])") }
            return .ok(matches.map(line).sorted(by: NaturalOrder.less).map { $0 + "\n" }.joined())
        }
        let lines = c.portMappings.map { "\($0.containerPort) -> \(line($0))" }.sorted(by: NaturalOrder.less)
        return .ok(lines.map { $0 + "\n" }.joined())
    }
}
