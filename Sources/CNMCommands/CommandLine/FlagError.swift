import CNMSim

/// A flag parsing failure, with pflag's exact error texts (`message`). The
/// cases keep the pieces so a caller can localise or inspect them; use
/// `FlagError.dockerUsageText` to wrap one the way docker/cli v28.2.2 prints it.
public enum FlagError: Error, Equatable, Sendable {
    /// `unknown flag: --<name>`
    case unknownFlag(name: String)
    /// `unknown shorthand flag: 'x' in -<cluster>`; `cluster` is the rest of the
    /// shorthand group starting at the unknown letter, as pflag reports it.
    case unknownShorthand(character: String, cluster: String)
    /// `flag needs an argument: <argument>` (the whole `--name` argument).
    case needsArgument(argument: String)
    /// `flag needs an argument: 'p' in -<cluster>`
    case shorthandNeedsArgument(character: String, cluster: String)
    /// `bad flag syntax: <argument>` (`---x`, `--=x`).
    case badSyntax(argument: String)
    /// `invalid argument "<value>" for "<flag>" flag: <reason>`; `flag` is the
    /// display name (`-c, --cpu-shares` or `--net`), `reason` e.g.
    /// `strconv.ParseBool: parsing "maybe": invalid syntax`.
    case invalidArgument(value: String, flag: String, reason: String)

    /// The error text exactly as pflag's `error.Error()` returns it.
    public var message: String {
        switch self {
        case .unknownFlag(let name):
            return "unknown flag: --\(name)"
        case let .unknownShorthand(character, cluster):
            return "unknown shorthand flag: \(character) in -\(cluster)"
        case .needsArgument(let argument):
            return "flag needs an argument: \(argument)"
        case let .shorthandNeedsArgument(character, cluster):
            return "flag needs an argument: \(character) in -\(cluster)"
        case .badSyntax(let argument):
            return "bad flag syntax: \(argument)"
        case let .invalidArgument(value, flag, reason):
            return "invalid argument \(GoQuote.quote(value)) for \(GoQuote.quote(flag)) flag: \(reason)"
        }
    }

    /// The exit status docker/cli v28.2.2 uses for flag errors (`StatusError{StatusCode: 125}`).
    public static let dockerExitStatus: Int32 = 125

    /// docker/cli v28.2.2 `cli.FlagErrorFunc` text:
    /// `<error>\n\nUsage:  <useLine>\n\nRun '<commandPath> --help' for more information`.
    /// - Parameters:
    ///   - useLine: cobra's `UseLine()`, e.g. `docker network ls [OPTIONS]`.
    ///   - commandPath: cobra's `CommandPath()`, e.g. `docker network ls`.
    public func dockerUsageText(useLine: String, commandPath: String) -> String {
        Self.dockerUsageText(errorText: message, useLine: useLine, commandPath: commandPath)
    }

    /// The same wrapper for any error text (docker also routes argument-count
    /// errors through other texts; this keeps the layout in one place).
    public static func dockerUsageText(errorText: String, useLine: String, commandPath: String) -> String {
        "\(errorText)\n\nUsage:  \(useLine)\n\nRun '\(commandPath) --help' for more information"
    }
}

extension FlagError: CustomStringConvertible {
    public var description: String { message }
}
