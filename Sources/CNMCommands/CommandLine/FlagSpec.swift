/// The value types a docker/cli v28.2.2 flag can have, named after pflag's types.
public enum FlagKind: Sendable, Equatable {
    /// pflag `Bool`: parsed with Go `strconv.ParseBool`; never consumes the next
    /// argument (`--internal` alone means `true`, `--internal=false` works).
    case bool
    /// pflag `String`: the last occurrence wins.
    case string
    /// pflag `Int`/`Int64`: Go `strconv.ParseInt(s, 0, 64)`; the last occurrence wins.
    case int
    /// pflag `StringArray` (and docker's `ListOpts`/`MapOpts`): repeatable, each
    /// occurrence is one value, kept verbatim (commas are not special).
    case stringArray
    /// pflag `StringSlice`: repeatable, and each occurrence is split as one CSV
    /// record (`--subnet a,b` = two values; `"a,b"` quotes a comma).
    case stringSlice
}

/// A flag's typed value (defaults and parsed results).
public enum FlagValue: Sendable, Equatable {
    case bool(Bool)
    case string(String)
    case int(Int)
    case strings([String])
}

/// Declaration of one command-line flag, the equivalent of a pflag
/// `flags.XxxVarP(...)` call in docker/cli. It describes how the flag is spelled
/// (long name, one-letter shorthand, hidden aliases), how its values are
/// converted, and the checks docker's own option types apply.
public struct FlagSpec: Sendable {
    /// Long name without dashes, e.g. `network`. Values are reported under this name.
    public var name: String
    /// One ASCII character used as `-x`, or nil.
    public var shorthand: Character?
    public var kind: FlagKind
    /// Value before any occurrence. For repeatable kinds the first occurrence
    /// replaces the default (pflag behaviour), later ones append.
    public var defaultValue: FlagValue
    /// Hidden alternative long names sharing this flag's value, as docker
    /// registers `--net` next to `--network` (each alias is its own pflag flag
    /// bound to the same variable, so errors name the spelling that was used).
    public var aliases: [String]
    /// Value used when the flag appears without `=value` (pflag `NoOptDefVal`).
    /// Bool flags always have `"true"` unless overridden. When set, the flag
    /// never consumes the following argument.
    public var noOptDefVal: String?
    /// pflag `ShorthandDeprecated`: the shorthand still works, but the flag is
    /// displayed as `--name` in errors and using it produces the warning
    /// `Flag shorthand -x has been deprecated, <message>`.
    public var shorthandDeprecated: String?
    /// pflag `Deprecated`: using the flag produces the warning
    /// `Flag --name has been deprecated, <message>`.
    public var deprecated: String?
    /// Hidden from help output (informational; parsing ignores it).
    public var hidden: Bool
    /// Docker-style value check, applied to each raw occurrence after the kind's
    /// own conversion succeeded. Return an error message (e.g.
    /// `bad format of filter (expected name=value)`) or nil when valid. The
    /// message is wrapped as `invalid argument "<v>" for "<flag>" flag: <message>`.
    public var validator: (@Sendable (String) -> String?)?

    public init(
        name: String,
        shorthand: Character? = nil,
        kind: FlagKind,
        defaultValue: FlagValue? = nil,
        aliases: [String] = [],
        noOptDefVal: String? = nil,
        shorthandDeprecated: String? = nil,
        deprecated: String? = nil,
        hidden: Bool = false,
        validator: (@Sendable (String) -> String?)? = nil
    ) {
        self.name = name
        self.shorthand = shorthand
        self.kind = kind
        switch kind {
        case .bool: self.defaultValue = defaultValue ?? .bool(false)
        case .string: self.defaultValue = defaultValue ?? .string("")
        case .int: self.defaultValue = defaultValue ?? .int(0)
        case .stringArray, .stringSlice: self.defaultValue = defaultValue ?? .strings([])
        }
        self.aliases = aliases
        self.noOptDefVal = noOptDefVal ?? (kind == .bool ? "true" : nil)
        self.shorthandDeprecated = shorthandDeprecated
        self.deprecated = deprecated
        self.hidden = hidden
        self.validator = validator
    }

    /// A bool flag (`BoolP`).
    public static func bool(_ name: String, _ shorthand: Character? = nil, default value: Bool = false,
                            aliases: [String] = []) -> FlagSpec {
        FlagSpec(name: name, shorthand: shorthand, kind: .bool, defaultValue: .bool(value), aliases: aliases)
    }

    /// A string flag (`StringP`).
    public static func string(_ name: String, _ shorthand: Character? = nil, default value: String = "",
                              aliases: [String] = [],
                              validator: (@Sendable (String) -> String?)? = nil) -> FlagSpec {
        FlagSpec(name: name, shorthand: shorthand, kind: .string, defaultValue: .string(value),
                 aliases: aliases, validator: validator)
    }

    /// An int flag (`IntP`/`Int64P`).
    public static func int(_ name: String, _ shorthand: Character? = nil, default value: Int = 0,
                           aliases: [String] = []) -> FlagSpec {
        FlagSpec(name: name, shorthand: shorthand, kind: .int, defaultValue: .int(value), aliases: aliases)
    }

    /// A repeatable flag, one value per occurrence (`StringArray`, `ListOpts`, `MapOpts`).
    public static func stringArray(_ name: String, _ shorthand: Character? = nil, default value: [String] = [],
                                   aliases: [String] = [],
                                   validator: (@Sendable (String) -> String?)? = nil) -> FlagSpec {
        FlagSpec(name: name, shorthand: shorthand, kind: .stringArray, defaultValue: .strings(value),
                 aliases: aliases, validator: validator)
    }

    /// A repeatable, comma-splitting flag (`StringSlice`).
    public static func stringSlice(_ name: String, _ shorthand: Character? = nil, default value: [String] = [],
                                   aliases: [String] = [],
                                   validator: (@Sendable (String) -> String?)? = nil) -> FlagSpec {
        FlagSpec(name: name, shorthand: shorthand, kind: .stringSlice, defaultValue: .strings(value),
                 aliases: aliases, validator: validator)
    }

    /// How pflag names this flag in `invalid argument` errors when spelled with
    /// `spelledName`: `-s, --long` if it has a live shorthand, else `--long`.
    func displayName(spelled spelledName: String) -> String {
        if spelledName == name, let s = shorthand, shorthandDeprecated == nil {
            return "-\(s), --\(name)"
        }
        return "--\(spelledName)"
    }
}
