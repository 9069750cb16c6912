import CNMSim

/// `docker network connect` (docker/cli v28.2.2 cli/command/network/connect.go).
enum NetworkConnectCommand {
    static let spec = DockerCommandSpec(
        path: "docker network connect", useLine: "docker network connect [OPTIONS] NETWORK CONTAINER",
        flags: [
            .stringSlice("alias"), .stringSlice("driver-opt"), .int("gw-priority"), .string("ip"), .string("ip6"),
            .stringArray("link"), .stringSlice("link-local-ip"),
        ],
        arity: .exact(2))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var settings = NetworkAttachment(network: flags.positionals[0], aliases: flags.strings("alias"),
                                         links: flags.strings("link"), gwPriority: flags.int("gw-priority"))
        let ip = flags.string("ip")
        // The daemon validates the addresses (EndpointValidation), so malformed ones are kept as typed.
        if !ip.isEmpty {
            if let parsed = IPv4Address(ip) { settings.ipv4Address = parsed } else { settings.ipv4Text = ip }
        }
        let ip6 = flags.string("ip6")
        if !ip6.isEmpty { settings.ipv6Text = ip6 }
        switch engine.connect(container: flags.positionals[1], network: flags.positionals[0], settings: settings) {
        case .success: return .ok()
        case .failure(let e): throw .daemon(e)
        }
    }
}
