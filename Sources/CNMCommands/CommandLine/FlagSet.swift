import CNMSim

/// A set of flag declarations and a parser with the semantics of Go's
/// spf13/pflag as driven by cobra in docker/cli: `--flag=value`,
/// `--flag value`, `-f value`, `-fvalue`, `-f=value`, shorthand clusters
/// (`-dit`, `-dp 8080:80`), `--` ending flags, `-` as a positional, optional
/// interspersed flags, and pflag's exact error texts.
///
/// Why a re-implementation: the simulator must answer a learner's mistyped
/// `docker run -dp` with the very message docker prints.
public struct FlagSet: Sendable {
    /// How the help flag is provided.
    public enum HelpFlag: Sendable, Equatable {
        /// docker/cli: unless a spec named `help` exists, add the root command's
        /// persistent `--help` (hidden) with shorthand `-h` (when `h` is free)
        /// marked shorthand-deprecated "use --help".
        case docker
        /// Plain cobra: `-h, --help` (shorthand only when `h` is free).
        case cobra
        /// No help flag is added; an undeclared `--help`/`-h` still yields
        /// `.help` (pflag's `ErrHelp`), immediately.
        case none
    }

    /// The declared flags, including an automatically added help flag.
    public private(set) var specs: [FlagSpec]
    /// pflag `SetInterspersed`: when false, the first positional argument ends
    /// flag parsing (`docker run -d nginx -p 80` → `-p 80` belong to the container).
    public var interspersed: Bool

    private var longIndex: [String: Int] = [:]
    private var shortIndex: [UInt8: Int] = [:]

    /// - Parameters:
    ///   - specs: the flags; a later spec reusing a long name or shorthand of an
    ///     earlier one loses that name (pflag would panic at declaration time).
    ///   - interspersed: allow flags after positionals (default true, as pflag).
    ///   - helpFlag: how `--help` is provided (default: docker's).
    public init(_ specs: [FlagSpec], interspersed: Bool = true, helpFlag: HelpFlag = .docker) {
        self.specs = []
        self.interspersed = interspersed
        for spec in specs { add(spec) }
        if helpFlag != .none && longIndex["help"] == nil {
            let shortFree = shortIndex[UInt8(ascii: "h")] == nil
            var help = FlagSpec(name: "help", shorthand: shortFree ? "h" : nil, kind: .bool,
                                defaultValue: .bool(false), hidden: helpFlag == .docker)
            if helpFlag == .docker && shortFree { help.shorthandDeprecated = "use --help" }
            add(help)
        }
    }

    private mutating func add(_ spec: FlagSpec) {
        var spec = spec
        guard !spec.name.isEmpty, longIndex[spec.name] == nil else { return }
        let index = specs.count
        longIndex[spec.name] = index
        spec.aliases = spec.aliases.filter { alias in
            guard !alias.isEmpty, longIndex[alias] == nil else { return false }
            longIndex[alias] = index
            return true
        }
        if let s = spec.shorthand {
            let bytes = Array(String(s).utf8)
            if bytes.count == 1, let b = bytes.first, b < 0x80, shortIndex[b] == nil {
                shortIndex[b] = index
            } else {
                spec.shorthand = nil
            }
        }
        specs.append(spec)
    }

    /// The spec declared under a long name or alias.
    public func spec(named name: String) -> FlagSpec? {
        guard let i = longIndex[name], specs.indices.contains(i) else { return nil }
        return specs[i]
    }

    // MARK: - Parsing

    private struct State {
        var values: [FlagValue]
        var changed: [Bool]
        var positionals: [String] = []
        var argsLenAtDash: Int? = nil
        var occurrences: [FlagOccurrence] = []
        var warnings: [String] = []
    }

    private enum Stop: Error {
        case help
        case error(FlagError)
    }

    /// Parses `args` (the words after the command path). Never traps.
    public func parse(_ args: [String]) -> FlagParseResult {
        var state = State(values: specs.map(\.defaultValue), changed: specs.map { _ in false })
        var rest = args[...]
        do throws(Stop) {
            argumentLoop: while let s = rest.first {
                rest = rest.dropFirst()
                let bytes = Array(s.utf8)
                if bytes.count < 2 || bytes[0] != UInt8(ascii: "-") {
                    state.positionals.append(s)
                    if !interspersed {
                        state.positionals.append(contentsOf: rest)
                        break argumentLoop
                    }
                    continue
                }
                if bytes[1] == UInt8(ascii: "-") {
                    if bytes.count == 2 {
                        state.argsLenAtDash = state.positionals.count
                        state.positionals.append(contentsOf: rest)
                        break argumentLoop
                    }
                    try parseLong(s, bytes, &rest, &state)
                } else {
                    try parseShort(bytes, &rest, &state)
                }
            }
        } catch {
            switch error {
            case .help: return .help(makeResult(state))
            case .error(let e): return .failure(e)
            }
        }
        let result = makeResult(state)
        if let h = longIndex["help"], specs.indices.contains(h), specs[h].kind == .bool,
           state.values.indices.contains(h), state.values[h] == .bool(true) {
            return .help(result)
        }
        return .parsed(result)
    }

    private func makeResult(_ state: State) -> ParsedFlags {
        var values: [String: FlagValue] = [:]
        var changed: Set<String> = []
        var canonical: [String: String] = [:]
        for (i, spec) in specs.enumerated() {
            if state.values.indices.contains(i) { values[spec.name] = state.values[i] }
            if state.changed.indices.contains(i), state.changed[i] { changed.insert(spec.name) }
            for alias in spec.aliases { canonical[alias] = spec.name }
        }
        return ParsedFlags(positionals: state.positionals, argsLenAtDash: state.argsLenAtDash,
                           occurrences: state.occurrences, warnings: state.warnings,
                           values: values, changedNames: changed, canonical: canonical)
    }

    private func parseLong(_ s: String, _ bytes: [UInt8], _ rest: inout ArraySlice<String>,
                           _ state: inout State) throws(Stop) {
        let nameAndValue = bytes[2...]
        guard let first = nameAndValue.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "=") else {
            throw .error(.badSyntax(argument: s))
        }
        let name: String
        var inlineValue: String? = nil
        if let eq = nameAndValue.firstIndex(of: UInt8(ascii: "=")) {
            name = String(decoding: nameAndValue[..<eq], as: UTF8.self)
            inlineValue = String(decoding: nameAndValue[(eq + 1)...], as: UTF8.self)
        } else {
            name = String(decoding: nameAndValue, as: UTF8.self)
        }
        guard let index = longIndex[name], specs.indices.contains(index) else {
            if name == "help" { throw .help }
            throw .error(.unknownFlag(name: name))
        }
        let spec = specs[index]
        let value: String
        if let v = inlineValue {
            value = v
        } else if let noOpt = spec.noOptDefVal, !noOpt.isEmpty {
            value = noOpt
        } else if let next = rest.first {
            value = next
            rest = rest.dropFirst()
        } else {
            throw .error(.needsArgument(argument: s))
        }
        try set(index, spelled: name, value: value, &state)
    }

    private func parseShort(_ bytes: [UInt8], _ rest: inout ArraySlice<String>,
                            _ state: inout State) throws(Stop) {
        var shorthands = bytes[1...]
        while let c = shorthands.first {
            // pflag silently skips Go test flags such as `-test.v`.
            if shorthands.starts(with: Array("test.".utf8)) { return }
            let cluster = String(decoding: shorthands, as: UTF8.self)
            guard let index = shortIndex[c], specs.indices.contains(index) else {
                if c == UInt8(ascii: "h") { throw .help }
                throw .error(.unknownShorthand(character: GoQuote.quoteRune(UInt32(c)), cluster: cluster))
            }
            let spec = specs[index]
            let afterFirst = shorthands.dropFirst()
            let value: String
            if shorthands.count > 2, afterFirst.first == UInt8(ascii: "=") {
                value = String(decoding: afterFirst.dropFirst(), as: UTF8.self)
                shorthands = []
            } else if let noOpt = spec.noOptDefVal, !noOpt.isEmpty {
                value = noOpt
                shorthands = afterFirst
            } else if !afterFirst.isEmpty {
                value = String(decoding: afterFirst, as: UTF8.self)
                shorthands = []
            } else if let next = rest.first {
                value = next
                rest = rest.dropFirst()
                shorthands = []
            } else {
                throw .error(.shorthandNeedsArgument(character: GoQuote.quoteRune(UInt32(c)), cluster: cluster))
            }
            if let message = spec.shorthandDeprecated, let s = spec.shorthand {
                state.warnings.append("Flag shorthand -\(s) has been deprecated, \(message)")
            }
            try set(index, spelled: spec.name, value: value, &state)
        }
    }

    /// pflag `FlagSet.Set`: convert, validate, store, mark changed.
    private func set(_ index: Int, spelled: String, value: String, _ state: inout State) throws(Stop) {
        guard specs.indices.contains(index), state.values.indices.contains(index),
              state.changed.indices.contains(index) else { return }
        let spec = specs[index]
        func invalid(_ reason: String) -> Stop {
            .error(.invalidArgument(value: value, flag: spec.displayName(spelled: spelled), reason: reason))
        }
        enum Update { case replace(FlagValue), append([String]) }
        let update: Update
        switch spec.kind {
        case .bool:
            switch GoStrconv.parseBool(value) {
            case .success(let b): update = .replace(.bool(b))
            case .failure(let e): throw invalid(e.description)
            }
        case .int:
            switch GoStrconv.parseInt64(value) {
            case .success(let n): update = .replace(.int(Int(truncatingIfNeeded: n)))
            case .failure(let e): throw invalid(e.description)
            }
        case .string:
            update = .replace(.string(value))
        case .stringArray:
            update = .append([value])
        case .stringSlice:
            switch GoCSV.readAsCSV(value) {
            case .success(let parts): update = .append(parts)
            case .failure(let e): throw invalid(e.description)
            }
        }
        if let validator = spec.validator, let message = validator(value) {
            throw invalid(message)
        }
        switch update {
        case .replace(let v):
            state.values[index] = v
        case .append(let items):
            // pflag: the first Set replaces the default, later ones append.
            // The array is moved out of the slot so appending stays amortised O(1).
            if state.changed[index], case .strings(var list) = state.values[index] {
                state.values[index] = .bool(false)
                list.append(contentsOf: items)
                state.values[index] = .strings(list)
            } else {
                state.values[index] = .strings(items)
            }
        }
        state.changed[index] = true
        state.occurrences.append(FlagOccurrence(name: spec.name, spelled: spelled, value: value))
        if let message = spec.deprecated {
            state.warnings.append("Flag --\(spelled) has been deprecated, \(message)")
        }
    }
}
