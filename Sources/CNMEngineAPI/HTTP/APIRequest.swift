/// One request to the Engine API, as the router sees it: the method, the path without
/// its `/v1.xx` prefix, the API version the client asked for, the query and the body.
public struct APIRequest: Sendable {
    public var method: String
    /// The path after the version prefix, e.g. `/networks/mynet/connect`.
    public var path: String
    /// `1.50` when the path had no version prefix (moby's default version).
    public var version: String
    /// Whether the path carried a `/vX.Y` prefix.
    public var versioned: Bool
    /// Query parameters, decoded; a repeated name keeps every value in order.
    public var query: [(String, String)]
    /// Header names lower-cased.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, uri: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.headers = headers.map { ($0.0.lowercased(), $0.1) }
        self.body = body
        let (rawPath, rawQuery) = Self.split(uri)
        var path = URLCoding.percentDecode(rawPath) ?? rawPath
        var version = EngineVersion.api
        var versioned = false
        // moby v28.2.2 api/server/server.go: versionMatcher "/v{version:[0-9.]+}".
        if path.hasPrefix("/v") {
            let rest = path.dropFirst(2)
            let digits = rest.prefix { $0 == "." || ($0 >= "0" && $0 <= "9") }
            let after = rest.dropFirst(digits.count)
            if !digits.isEmpty, after.isEmpty || after.hasPrefix("/") {
                version = String(digits)
                versioned = true
                path = after.isEmpty ? "/" : String(after)
            }
        }
        self.path = path
        self.version = version
        self.versioned = versioned
        self.query = URLCoding.parseQuery(rawQuery)
    }

    static func split(_ uri: String) -> (String, String) {
        guard let q = uri.firstIndex(of: "?") else { return (uri, "") }
        return (String(uri[..<q]), String(uri[uri.index(after: q)...]))
    }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        query.first { $0.0 == name }?.1
    }

    /// A boolean query parameter as moby's `httputils.BoolValue` reads it: anything but
    /// empty, `0`, `no`, `false` and `none` is true.
    public func flag(_ name: String) -> Bool {
        guard let v = query(name)?.lowercased().trimmingCharacters(in: " ") else { return false }
        return !(v.isEmpty || v == "0" || v == "no" || v == "false" || v == "none")
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0 == lower }?.1
    }

    /// The path split into its segments (`/networks/x/connect` → `["networks", "x", "connect"]`).
    var segments: [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

/// Versions the simulated engine reports (moby v28.2.2 api/common.go).
public enum EngineVersion {
    public static let api = "1.50"
    public static let minAPI = "1.24"
    public static let engine = "28.2.2"

    /// Compares dotted API versions numerically (moby v28.2.2 api/types/versions/compare.go).
    static func compare(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        let y = b.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : 0
            let r = i < y.count ? y[i] : 0
            if l != r { return l < r ? -1 : 1 }
        }
        return 0
    }
}

/// Percent-decoding of paths and `application/x-www-form-urlencoded` queries (Go net/url).
enum URLCoding {
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// nil when an escape is malformed.
    static func percentDecode(_ s: String, plusIsSpace: Bool = false) -> String? {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) else { return nil }
                out.append(h << 4 | l)
                i += 3
            } else if c == UInt8(ascii: "+") && plusIsSpace {
                out.append(0x20)
                i += 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func parseQuery(_ q: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for part in q.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(String(kv[0]), plusIsSpace: true) ?? String(kv[0])
            let value = kv.count > 1 ? (percentDecode(String(kv[1]), plusIsSpace: true) ?? String(kv[1])) : ""
            out.append((key, value))
        }
        return out
    }
}
