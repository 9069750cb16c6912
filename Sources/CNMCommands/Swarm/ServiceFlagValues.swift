import CNMSim

/// The values of `docker service create`'s typed flags, parsed as docker/cli's
/// option types parse them (errors become `invalid argument "v" for "--flag"
/// flag: …`, exit 125): `--network` (opts.NetworkOpt), `--publish`
/// (opts/swarmopts.PortOpt) and `--replicas` (service.Uint64Opt).
enum ServiceFlagValues {
    /// One `--network` value: the network and its service aliases.
    struct NetworkValue: Equatable {
        var target: String
        var aliases: [String]
        var hasDriverOpts: Bool
    }

    /// One published port of `--publish`; `published` 0 asks for a dynamic port.
    struct PortValue: Equatable {
        var proto: String
        var target: Int
        var published: Int
        var hostMode: Bool
    }

    /// `regexp.MatchString(`\w+=\w+(,\w+=\w+)*`, value)`: unanchored, so any `word=word` inside.
    static func isLongSyntax(_ value: String) -> Bool {
        let s = Array(value.utf8)
        func word(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        for (i, c) in s.enumerated() where c == UInt8(ascii: "=") {
            if i > 0, word(s[i - 1]), i + 1 < s.count, word(s[i + 1]) { return true }
        }
        return false
    }

    // MARK: --network

    /// opts.NetworkOpt.Set.
    static func network(_ value: String) -> Result<NetworkValue, InvalidValue> {
        guard isLongSyntax(value) else { return .success(NetworkValue(target: value, aliases: [], hasDriverOpts: false)) }
        let fields: [String]
        switch GoCSV.readAsCSV(value) {
        case .failure(let e): return .failure(.init(e.description))
        case .success(let f): fields = f
        }
        var net = NetworkValue(target: "", aliases: [], hasDriverOpts: false)
        for field in fields {
            let lowered = field.lowercased()
            guard let eq = lowered.firstIndex(of: "="), eq != lowered.startIndex else {
                return .failure(.init("invalid field \(field)"))
            }
            let key = String(lowered[..<eq]).trimmingSpaces
            let val = String(lowered[lowered.index(after: eq)...]).trimmingSpaces
            switch key {
            case "name": net.target = val
            case "alias": net.aliases.append(val)
            case "ip", "ip6", "mac-address", "link-local-ip": break
            case "driver-opt":
                guard let i = val.firstIndex(of: "="), i != val.startIndex else {
                    return .failure(.init("invalid key value pair format in driver options"))
                }
                net.hasDriverOpts = true
            case "gw-priority":
                if Int(val) == nil {
                    let reason = val.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) && !val.isEmpty ? "value out of range" : "invalid syntax"
                    return .failure(.init("invalid gw-priority (\(val)): \(reason)"))
                }
            default: return .failure(.init("invalid field key \(key)"))
            }
        }
        if net.target.isEmpty { return .failure(.init("network name/id is not specified")) }
        return .success(net)
    }

    // MARK: --publish

    /// swarmopts.PortOpt.Set: `published=8080,target=80[,protocol=udp][,mode=host]` or `[8080:]80[/udp]`.
    static func publish(_ value: String) -> Result<[PortValue], InvalidValue> {
        guard isLongSyntax(value) else { return shortPublish(value) }
        let fields: [String]
        switch GoCSV.readAsCSV(value) {
        case .failure(let e): return .failure(.init(e.description))
        case .success(let f): fields = f
        }
        var port = PortValue(proto: "", target: 0, published: 0, hostMode: false)
        var mode = ""
        for field in fields {
            let lowered = field.lowercased()
            guard let eq = lowered.firstIndex(of: "="), eq != lowered.startIndex else {
                return .failure(.init("invalid field: \(field)"))
            }
            let key = String(lowered[..<eq])
            let val = String(lowered[lowered.index(after: eq)...])
            switch key {
            case "protocol":
                guard ["tcp", "udp", "sctp"].contains(val) else { return .failure(.init("invalid protocol value '\(val)'")) }
                port.proto = val
            case "mode":
                guard val == "ingress" || val == "host" else {
                    return .failure(.init("invalid publish mode value (\(val)): must be either 'ingress' or 'host'"))
                }
                mode = val
            case "target":
                switch uint16(val) {
                case .success(let n): port.target = n
                case .failure(let reason): return .failure(.init("invalid target port (\(val)): value must be an integer: \(reason)"))
                }
            case "published":
                switch uint16(val) {
                case .success(let n): port.published = n
                case .failure(let reason): return .failure(.init("invalid published port (\(val)): value must be an integer: \(reason)"))
                }
            default:
                return .failure(.init("invalid field key: \(key)"))
            }
        }
        if port.target == 0 { return .failure(.init("missing mandatory field 'target'")) }
        if port.proto.isEmpty { port.proto = "tcp" }
        port.hostMode = mode == "host"
        return .success([port])
    }

    /// The short syntax through `nat.ParsePortSpecs` and `ConvertPortToPortConfig`.
    private static func shortPublish(_ value: String) -> Result<[PortValue], InvalidValue> {
        let mappings: [PortSpecParser.Mapping]
        switch PortSpecParser.parse(value) {
        case .failure(let m): return .failure(m)
        case .success(let list): mappings = list
        }
        if mappings.contains(where: { !$0.binding.hostIP.isEmpty }) { return .failure(.init("hostip is not supported")) }
        var out: [PortValue] = []
        for m in mappings {
            let host = m.binding.hostPort
            if host.isEmpty {
                out.append(PortValue(proto: m.port.proto, target: m.port.port, published: 0, hostMode: false))
                continue
            }
            guard let range = PortSpecParser.parseRange(host) else {
                return .failure(.init("invalid hostport binding (\(host)) for port (\(m.port.port))"))
            }
            for p in range { out.append(PortValue(proto: m.port.proto, target: m.port.port, published: p, hostMode: false)) }
        }
        return .success(out)
    }

    /// `strconv.ParseUint(s, 10, 16)`'s error reason (`invalid syntax`, `value out of range`).
    private static func uint16(_ s: String) -> Result<Int, ReasonError> {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .failure(ReasonError("invalid syntax")) }
        let digits = s.drop { $0 == "0" }
        guard digits.count <= 5, let n = Int(digits.isEmpty ? "0" : String(digits)), n <= 65535 else {
            return .failure(ReasonError("value out of range"))
        }
        return .success(n)
    }

    struct ReasonError: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    // MARK: --replicas

    /// service.Uint64Opt.Set: `strconv.ParseUint(s, 0, 64)`; the flag error's reason, or nil.
    @Sendable static func validateUint(_ value: String) -> String? {
        switch GoStrconv.parseUint64(Array(value.utf8)) {
        case .success: return nil
        case .failure(.syntax): return GoNumError(function: "ParseUint", input: value, kind: .syntax).description
        case .failure(.range): return GoNumError(function: "ParseUint", input: value, kind: .range).description
        }
    }

    /// The value of a `--replicas` that passed `validateUint`.
    static func uintValue(_ value: String) -> UInt64 {
        if case .success(let n) = GoStrconv.parseUint64(Array(value.utf8)) { return n }
        return 0
    }

    @Sendable static func validateNetwork(_ value: String) -> String? {
        if case .failure(let m) = network(value) { return m.text }
        return nil
    }

    @Sendable static func validatePublish(_ value: String) -> String? {
        if case .failure(let m) = publish(value) { return m.text }
        return nil
    }
}
