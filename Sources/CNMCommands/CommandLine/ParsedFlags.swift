/// One flag occurrence on the command line, in command-line order.
public struct FlagOccurrence: Sendable, Equatable {
    /// Canonical long name of the flag (aliases resolved: `--net` → `network`).
    public var name: String
    /// The long name as spelled (`net`), or the canonical name when a shorthand was used.
    public var spelled: String
    /// The raw value given (for bools without `=value`, the `noOptDefVal`, e.g. `true`).
    public var value: String
}

/// The successful outcome of `FlagSet.parse`: every flag's final value (defaults
/// for flags not given), which flags were set, the positional arguments and the
/// occurrences in order (docker applies e.g. `--network-alias` to the first
/// `--network`, so callers sometimes need the sequence, not only the result).
public struct ParsedFlags: Sendable, Equatable {
    /// Non-flag arguments in order, including everything after `--` and, for a
    /// non-interspersed set, everything from the first positional on.
    public internal(set) var positionals: [String]
    /// cobra `ArgsLenAtDash`: how many positionals preceded `--`, nil without `--`.
    public internal(set) var argsLenAtDash: Int?
    /// Every successfully applied flag occurrence, in command-line order.
    public internal(set) var occurrences: [FlagOccurrence]
    /// Deprecation notices pflag would print to stderr (cobra prints them only
    /// when parsing succeeds), e.g. `Flag shorthand -h has been deprecated, use --help`.
    public internal(set) var warnings: [String]

    var values: [String: FlagValue]
    var changedNames: Set<String>
    var canonical: [String: String]

    private func key(_ name: String) -> String { canonical[name] ?? name }

    /// The final value of a flag (by long name or alias), nil for an undeclared name.
    public func value(_ name: String) -> FlagValue? { values[key(name)] }

    /// Bool value; false if undeclared or not a bool.
    public func bool(_ name: String) -> Bool {
        if case .bool(let v)? = value(name) { return v }
        return false
    }

    /// String value; "" if undeclared or not a string.
    public func string(_ name: String) -> String {
        if case .string(let v)? = value(name) { return v }
        return ""
    }

    /// Int value; 0 if undeclared or not an int.
    public func int(_ name: String) -> Int {
        if case .int(let v)? = value(name) { return v }
        return 0
    }

    /// Values of a stringArray / stringSlice flag; [] if undeclared or another kind.
    public func strings(_ name: String) -> [String] {
        if case .strings(let v)? = value(name) { return v }
        return []
    }

    /// pflag `Changed`: true if the flag (or any of its aliases) occurred.
    public func wasSet(_ name: String) -> Bool { changedNames.contains(key(name)) }

    /// The occurrences of one flag (aliases included), in order.
    public func occurrences(of name: String) -> [FlagOccurrence] {
        let k = key(name)
        return occurrences.filter { $0.name == k }
    }
}

/// Outcome of `FlagSet.parse`.
public enum FlagParseResult: Sendable, Equatable {
    /// Flags parsed; run the command.
    case parsed(ParsedFlags)
    /// `--help`/`-h` was given (cobra: help flag true after a successful parse;
    /// pflag: `ErrHelp` for an undeclared help flag). Print the command's help.
    case help(ParsedFlags)
    /// A flag error; print `error.dockerUsageText(...)` and exit 125.
    case failure(FlagError)
}
