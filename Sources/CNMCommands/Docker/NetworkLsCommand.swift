import CNMSim

/// `docker network ls` (docker/cli v28.2.2 cli/command/network/list.go).
enum NetworkLsCommand {
    static let spec = DockerCommandSpec(
        path: "docker network ls", useLine: "docker network ls [OPTIONS]",
        flags: [
            .stringArray("filter", "f", validator: FilterValidation.validate),
            .string("format"),
            .bool("no-trunc"),
            .bool("quiet", "q"),
        ],
        arity: .none)

    static let defaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}"

    static let headers: [String: String] = [
        "ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv4": "IPV4", "IPv6": "IPV6",
        "Internal": "INTERNAL", "Labels": "LABELS", "CreatedAt": "CREATED AT",
    ]

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let filters = try NetworkFilters.parse(flags.strings("filter")).orDaemonError()
        let trunc = !flags.bool("no-trunc")
        let selected = engine.allNetworks
            .filter { filters.matches($0, engine: engine) }
            .sorted { NaturalOrder.less($0.name, $1.name) }
        var format = flags.string("format")
        if flags.bool("quiet") && format.isEmpty { format = "{{.ID}}" }
        let rows = selected.map { row(for: $0, trunc: trunc) }
        return DockerFormatter.render(format: format, defaultFormat: defaultFormat, rows: rows, headers: headers)
    }

    /// The row object templates see (docker's `networkContext`); fields in JSON (sorted) order.
    static func row(for n: Network, trunc: Bool) -> TemplateValue {
        let labels = n.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let labelMap = n.labels
        return .object([
            ("CreatedAt", .string(n.created.goString)),
            ("Driver", .string(n.driver.rawValue)),
            ("ID", .string(trunc ? String(n.id.prefix(12)) : n.id)),
            ("IPv4", .string(String(n.enableIPv4))),
            ("IPv6", .string(String(n.enableIPv6))),
            ("Internal", .string(String(n.isInternal))),
            ("Labels", .string(labels)),
            ("Name", .string(n.name)),
            ("Scope", .string(n.scope)),
        ], type: "*network.networkContext", methods: [
            "Label": TemplateMethod(parameters: [.string]) { args in
                guard case .string(let key)? = args.first else { return .string("") }
                return .string(labelMap[key] ?? "")
            },
        ])
    }
}
