/// docker/cli v28.2.2 `opts.FilterOpt.Set`: a filter must be `name=value`.
enum FilterValidation {
    @Sendable static func validate(_ value: String) -> String? {
        value.contains("=") ? nil : "bad format of filter (expected name=value)"
    }

    /// Splits `key=value` with the key lower-cased and both trimmed, as the CLI does.
    static func split(_ value: String) -> (key: String, value: String) {
        let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = String(parts[0]).trimmingSpaces.lowercased()
        let v = parts.count > 1 ? String(parts[1]).trimmingSpaces : ""
        return (key, v)
    }
}
