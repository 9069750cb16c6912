import CNMSim

/// go-connections `nat.ParsePortSpec`: `[ip:][hostPort|hostRange:]containerPort|range[/proto]`.
enum PortSpecParser {
    struct Mapping: Equatable {
        var port: ContainerPort
        var binding: PortBindingRequest
    }

    static func parseRange(_ s: String) -> ClosedRange<Int>? {
        let parts = s.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let lo = UInt16(parts[0]) else { return nil }
        if parts.count == 1 { return Int(lo)...Int(lo) }
        guard let hi = UInt16(parts[1]), hi >= lo else { return nil }
        return Int(lo)...Int(hi)
    }

    static func parse(_ raw: String) -> Result<[Mapping], InvalidValue> {
        var spec = raw
        var proto = "tcp"
        if let slash = spec.lastIndex(of: "/") {
            proto = String(spec[spec.index(after: slash)...]).lowercased()
            spec = String(spec[..<slash])
            if !["tcp", "udp", "sctp"].contains(proto) { return .failure(.init("invalid proto: \(proto)")) }
        }
        var ip = ""
        var host = ""
        var container = ""
        if spec.hasPrefix("["), let close = spec.firstIndex(of: "]") {
            ip = String(spec[spec.index(after: spec.startIndex)..<close])
            let rest = spec[spec.index(after: close)...]
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false).dropFirst()
            guard parts.count == 2 else { return .failure(.init("invalid IP address: \(ip)")) }
            host = String(parts[parts.startIndex]); container = String(parts[parts.startIndex + 1])
        } else {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1: container = parts[0]
            case 2: host = parts[0]; container = parts[1]
            case 3: ip = parts[0]; host = parts[1]; container = parts[2]
            default:
                ip = parts.dropLast(2).joined(separator: ":")
                host = parts[parts.count - 2]; container = parts[parts.count - 1]
            }
        }
        if !ip.isEmpty && IPv4Address(ip) == nil && !(ip.contains(":") && ip.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })) {
            return .failure(.init("invalid IP address: \(ip)"))
        }
        if container.isEmpty { return .failure(.init("no port specified: \(raw)<empty>")) }
        guard let cRange = parseRange(container) else { return .failure(.init("invalid containerPort: \(container)")) }
        var hRange: ClosedRange<Int>?
        if !host.isEmpty {
            guard let h = parseRange(host) else { return .failure(.init("invalid hostPort: \(host)")) }
            hRange = h
        }
        if let h = hRange, cRange.count > 1, h.count != cRange.count {
            return .failure(.init("invalid ranges specified for container and host Ports: \(container) and \(host)"))
        }
        var out: [Mapping] = []
        for (i, p) in cRange.enumerated() {
            var hostPort = ""
            if let h = hRange {
                if cRange.count == 1 && h.count > 1 {
                    hostPort = "\(h.lowerBound)-\(h.upperBound)"
                } else {
                    hostPort = String(h.lowerBound + i)
                }
            }
            out.append(Mapping(port: ContainerPort(port: p, proto: proto), binding: PortBindingRequest(hostIP: ip, hostPort: hostPort)))
        }
        return .success(out)
    }
}

/// A value an option type refuses, with docker/cli's message for it (`invalid proto: xyz`): what
/// follows `invalid argument "V" for "--flag" flag: ` in a flag error, or what `docker run` reports.
struct InvalidValue: Error, Equatable {
    let text: String
    init(_ text: String) { self.text = text }
}
