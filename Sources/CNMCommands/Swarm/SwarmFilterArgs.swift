import CNMSim

/// The `--filter key=value` arguments of a swarm listing, checked the way the
/// daemon checks them (moby `filters.Args.Validate`: an unknown key is
/// `invalid filter 'key'`). The CLI has already refused values without `=`.
struct SwarmFilterArgs: Sendable {
    /// Values by key, in the order given.
    private(set) var values: [String: [String]] = [:]

    /// Parses the raw `--filter` values; unknown keys give the daemon's error.
    static func parse(_ raw: [String], accepted: Set<String>) -> Result<SwarmFilterArgs, EngineError> {
        var args = SwarmFilterArgs()
        for item in raw {
            let (key, value) = FilterValidation.split(item)
            args.values[key, default: []].append(value)
        }
        if let bad = args.values.keys.sorted().first(where: { !accepted.contains($0) }) {
            return .failure(EngineError(.invalidParameter, "invalid filter '\(bad)'"))
        }
        return .success(args)
    }

    /// The values given for `key` (empty when the filter is absent).
    subscript(key: String) -> [String] { values[key] ?? [] }

    func contains(_ key: String) -> Bool { values[key] != nil }

    /// swarmkit's prefix filters (`NamePrefixes`, `IDPrefixes`): absent, or some value is a prefix of `text`.
    func matchesPrefix(_ key: String, _ text: String) -> Bool {
        guard let list = values[key] else { return true }
        return list.contains { text.hasPrefix($0) }
    }
}
