import Foundation
import CNMSim

/// The values a learner's copy of a lab uses for its parameters.
///
/// The seed comes from learner id + lab id + lab version (FNV-1a), so the same
/// learner always gets the same variant, in the shell and in grading. Without a
/// learner the default variant is used: every parameter at its `default`.
public struct LabVariant: Sendable, Hashable {
    /// The learner the variant was drawn for, or nil for the default variant.
    public let learner: String?
    /// The seed the values were drawn from (0 for the default variant).
    public let seed: UInt64
    /// Parameter name → value.
    public let values: [String: String]

    public init(learner: String?, seed: UInt64, values: [String: String]) {
        self.learner = learner; self.seed = seed; self.values = values
    }

    /// The variant of `lab` for `learner` (the default variant when nil).
    public static func make(for lab: Lab, learner: String?) -> LabVariant {
        guard let learner else {
            var values: [String: String] = [:]
            for p in lab.parameters { values[p.name] = p.defaultValue }
            return LabVariant(learner: nil, seed: 0, values: values)
        }
        let seed = seedFor(learner: learner, labID: lab.id, version: lab.version)
        var rng = SeededGenerator(seed: seed)
        var values: [String: String] = [:]
        for p in lab.parameters { values[p.name] = draw(p, using: &rng) }
        return LabVariant(learner: learner, seed: seed, values: values)
    }

    /// FNV-1a 64 of `learner NUL labID NUL version`.
    public static func seedFor(learner: String, labID: String, version: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Array(learner.utf8) + [0] + Array(labID.utf8) + [0] + Array(String(version).utf8) {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    static func draw(_ p: LabParameter, using rng: inout SeededGenerator) -> String {
        switch p.kind {
        case .choice(let options):
            guard !options.isEmpty else { return p.defaultValue }
            return options[Int(rng.next() % UInt64(options.count))]
        case .integer(let lo, let hi):
            guard lo <= hi else { return p.defaultValue }
            let span = UInt64(bitPattern: Int64(hi) &- Int64(lo)) &+ 1
            let offset = span == 0 ? rng.next() : rng.next() % span
            return String(Int64(lo) &+ Int64(bitPattern: offset))
        case .subnet(let within, let prefix):
            guard prefix >= within.prefixLength, prefix <= 30 else { return p.defaultValue }
            let count = UInt64(1) << UInt64(prefix - within.prefixLength)
            let avoid = [IPv4Subnet(address: IPv4Address(192, 168, 1, 0), prefixLength: 24),
                         IPv4Subnet(address: IPv4Address(172, 17, 0, 0), prefixLength: 16)]
            var candidate = within.canonical
            for _ in 0..<16 {
                let index = rng.next() % count
                let base = UInt64(within.network.value) + (index << UInt64(32 - prefix))
                candidate = IPv4Subnet(address: IPv4Address(UInt32(truncatingIfNeeded: base)), prefixLength: prefix)
                if !avoid.contains(where: { $0.overlaps(candidate) }) { break }
            }
            return candidate.description
        }
    }
}

/// `{{name}}` templates in lab strings.
///
/// `{{p}}` is the parameter's value; for a subnet parameter `{{p.gateway}}` is
/// its first host address (what Docker picks as the gateway) and `{{p.prefix}}`
/// its prefix length. Only `{{identifier}}` and `{{identifier.field}}` are
/// references: Go templates such as `{{.Name}}` or `{{range .Containers}}`
/// are left alone, and so are Go's keywords (`{{end}}`, `{{else}}`…), which
/// cannot be parameter names.
public enum LabTemplate {
    /// Words that are Go template keywords, never parameters.
    public static let goKeywords: Set<String> = ["end", "else", "break", "continue", "nil", "true", "false"]

    /// The names referenced by `text` (`p` for `{{p}}` and `{{p.gateway}}`).
    public static func references(in text: String) -> [String] {
        var out: [String] = []
        scan(text) { inner in
            if let name = referenceName(inner) { out.append(name) }
            return nil
        }
        return out
    }

    /// `p` for `p` or `p.field` when `p` is an identifier and not a Go keyword.
    static func referenceName(_ inner: String) -> String? {
        let parts = inner.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, isIdentifier(name), !goKeywords.contains(name) else { return nil }
        if parts.count == 2, !isIdentifier(parts[1]) { return nil }
        return name
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, (first >= "a" && first <= "z") || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    /// `text` with every known reference replaced. A Korean particle written right after a reference
    /// (`{{net}}이`, `{{port}}가 아니라`) is chosen again for the value it now follows
    /// (`KoreanParticle`), so a lab's variants read `auto1이`, `web이`, `db가` whatever the author typed.
    public static func render(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        let marker = "\u{1F}"  // a control character no lab text holds: marks where a value ends
        let marked = scan(text) { inner in value(inner, values).map { $0 + marker } }
        guard marked.contains(marker) else { return marked }
        var out = ""
        var rest = Substring(marked)
        while let m = rest.firstRange(of: marker) {
            out += rest[..<m.lowerBound]
            rest = rest[m.upperBound...]
            if let particle = KoreanParticle.leadingParticle(rest) {
                out += KoreanParticle.choose(particle, after: out)
                rest = rest.dropFirst(particle.count)
            }
        }
        return out + rest
    }

    /// The value of one reference (`name`, `name.gateway`, `name.prefix`), if known.
    static func value(_ inner: String, _ values: [String: String]) -> String? {
        if let v = values[inner] { return v }
        let parts = inner.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let v = values[parts[0]], let subnet = IPv4Subnet(v) else { return nil }
        switch parts[1] {
        case "gateway": return subnet.network.advanced(by: 1)?.description
        case "prefix": return String(subnet.prefixLength)
        default: return nil
        }
    }

    /// Calls `replace` with the trimmed inside of each `{{…}}`; nil keeps the original text.
    @discardableResult
    static func scan(_ text: String, _ replace: (String) -> String?) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else { out += rest[open.lowerBound...]; return out }
            let inner = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let r = replace(inner) { out += r } else { out += rest[open.lowerBound..<close.upperBound] }
            rest = after[close.upperBound...]
        }
        out += rest
        return out
    }
}

extension Lab {
    /// The lab with every template rendered for `variant`.
    public func instantiated(for variant: LabVariant) -> Lab {
        // Without values every `{{…}}` keeps its text: the lab as it is (no walk over its strings,
        // which grading a class would otherwise repeat for every learner).
        guard !variant.values.isEmpty else { return self }
        return mapStrings { LabTemplate.render($0, variant.values) }
    }

    /// Applies `f` to every string a template may appear in.
    func mapStrings(_ f: (String) -> String) -> Lab {
        var lab = self
        lab.title = title.mapStrings(f)
        lab.summary = summary.mapStrings(f)
        lab.setup = setup.map(f)
        lab.outside = OutsideWorld(names: outside.names.map { .init(name: f($0.name), addresses: $0.addresses.map(f)) },
                                   missing: outside.missing.map(f))
        lab.rules = rules.mapStrings(f)
        lab.steps = steps.map { $0.mapStrings(f) }
        lab.roles = roles.map { r in
            var r = r
            switch r.kind {
            case .network(let p):
                if case .network(let q) = CheckKind.network(p).mapStrings(f) { r.kind = .network(q) }
            case .container(let p):
                if case .container(let q) = CheckKind.container(p).mapStrings(f) { r.kind = .container(q) }
            }
            return r
        }
        return lab
    }
}

extension CommandRules {
    func mapStrings(_ f: (String) -> String) -> CommandRules {
        CommandRules(allow: allow.map(f), forbid: forbid.map { CommandRule(pattern: f($0.pattern), reason: $0.reason.mapStrings(f)) })
    }
}

extension Hint {
    func mapStrings(_ f: (String) -> String) -> Hint { Hint(tier: tier, text: text.mapStrings(f)) }
}

extension LabStep {
    func mapStrings(_ f: (String) -> String) -> LabStep {
        var s = self
        s.title = title.mapStrings(f)
        s.text = text.mapStrings(f)
        s.hints = hints.map { $0.mapStrings(f) }
        s.checks = checks.map { $0.mapStrings(f) }
        s.invariants = invariants.map { $0.mapStrings(f) }
        s.solution = solution.map(f)
        s.rules = rules.mapStrings(f)
        s.quiz = quiz?.mapStrings(f)
        return s
    }
}

extension Check {
    func mapStrings(_ f: (String) -> String) -> Check {
        var c = self
        c.name = f(name)
        c.message = message?.mapStrings(f)
        c.hints = hints.map { $0.mapStrings(f) }
        c.kind = kind.mapStrings(f)
        return c
    }
}

extension CheckKind {
    func mapStrings(_ f: (String) -> String) -> CheckKind {
        func dict(_ d: [String: String]) -> [String: String] {
            Dictionary(d.map { (f($0.key), f($0.value)) }, uniquingKeysWith: { a, _ in a })
        }
        switch self {
        case .network(var p):
            p.name = p.name.map(f); p.driver = p.driver.map(f); p.subnet = p.subnet.map(f)
            p.subnetWithin = p.subnetWithin.map(f); p.gateway = p.gateway.map(f)
            p.options = dict(p.options); p.labels = dict(p.labels); p.holds = p.holds.map(f)
            return .network(p)
        case .container(var p):
            p.name = p.name.map(f); p.image = p.image.map(f); p.networks = p.networks.map(f)
            p.notNetworks = p.notNetworks.map(f); p.ip = p.ip.map(f); p.ipWithin = p.ipWithin.map(f)
            p.aliases = Dictionary(p.aliases.map { (f($0.key), $0.value.map(f)) }, uniquingKeysWith: { a, _ in a })
            p.published = p.published.map(f); p.networkMode = p.networkMode.map(f)
            return .container(p)
        case .history(var p):
            p.pattern = f(p.pattern); p.output = p.output.map(f)
            return .history(p)
        case .all(let cs): return .all(cs.map { $0.mapStrings(f) })
        case .any(let cs): return .any(cs.map { $0.mapStrings(f) })
        case .not(let c): return .not(c.mapStrings(f))
        case .reachable(var p):
            p.from = f(p.from); p.to = f(p.to); p.port = p.port.map(f)
            return .reachable(p)
        case .unreachable(var p):
            p.from = f(p.from); p.to = f(p.to); p.port = p.port.map(f)
            return .unreachable(p)
        case .resolves(var p):
            p.from = f(p.from); p.name = f(p.name); p.to = p.to.map(f); p.tasks = p.tasks.map(f); p.vip = p.vip.map(f)
            return .resolves(p)
        case .iptables(var p):
            p.table = f(p.table); p.chain = f(p.chain); p.contains = f(p.contains)
            p.before = p.before.map(f); p.after = p.after.map(f)
            return .iptables(p)
        case .swarm: return self
        case .file(var p):
            p.path = f(p.path); p.container = p.container.map(f); p.contains = p.contains.map(f)
            return .file(p)
        case .service(var p):
            p.name = f(p.name); p.networks = p.networks.map(f); p.published = p.published.map(f)
            return .service(p)
        }
    }
}
