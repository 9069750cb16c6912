import CNMSim
import Foundation
import Yams

/// Reads the checks of a step: one kind per check, names, points, messages, hints, hidden; roles
/// (`bind:` … `$ROLE`) threaded from one check to the next. (Swarm checks: `SwarmCheckDecoder.swift`.)
extension NodeReader {
    static let checkKinds = ["network", "container", "history", "all", "any", "not", "reachable", "unreachable",
                             "resolves", "iptables", "swarm", "service", "file"]

    mutating func check(_ node: Node, index: Int, roles: inout Set<String>, nested: Bool = false) -> Check? {
        let keys = ["name", "points", "message", "hints", "hidden"] + NodeReader.checkKinds
        guard let f = mapping(node, "check", allowed: keys) else { return nil }
        let present = NodeReader.checkKinds.filter { f.values[$0] != nil }
        guard present.count == 1, let kindName = present.first, let body = f.values[kindName] else {
            // A misspelt kind (`reachble`) was just reported with a suggestion: one error is enough.
            if !(present.isEmpty && !f.unknown.isEmpty) {
                report(.invalidValue, ["check", LabText.phrase(.exactlyOneOf, NodeReader.checkKinds.joined(separator: ", "))], node)
            }
            return nil
        }
        let name = f.values["name"].flatMap { string($0, "check.name") } ?? "\(kindName)-\(index + 1)"
        let points = f.values["points"].flatMap { int($0, "check.points", min: 0) } ?? 0
        let message = f.values["message"].flatMap { localized($0, "check \(name) message") }
        let hints = f.values["hints"].flatMap { hintList($0, "check \(name) hint") } ?? []
        let hidden = f.values["hidden"].flatMap { bool($0, "check.hidden") } ?? false
        if hidden, nested, let h = f.keys["hidden"] {
            report(.invalidValue, ["check.hidden", LabText.phrase(.hiddenNested)], h)
        }
        let kind: CheckKind?
        switch kindName {
        case "network": kind = networkPredicate(body, roles: &roles).map(CheckKind.network)
        case "container": kind = containerPredicate(body, roles: &roles).map(CheckKind.container)
        case "history":
            kind = historyPredicate(body).map(CheckKind.history)
        case "all", "any":
            guard case .sequence(let seq) = body, !seq.isEmpty else {
                report(.wrongType, [kindName, LabText.phrase(.nonEmptyListOfChecks)], body)
                return nil
            }
            var inner: [Check] = []
            for (i, item) in seq.enumerated() {
                // Roles bound inside `any` are not reliable afterwards; inside `all` they are.
                var scoped = roles
                if let c = check(item, index: i, roles: &scoped, nested: true) { inner.append(c) }
                if kindName == "all" { roles = scoped }
            }
            kind = kindName == "all" ? .all(inner) : .any(inner)
        case "not":
            var scoped = roles
            kind = check(body, index: 0, roles: &scoped, nested: true).map(CheckKind.not)
        case "reachable", "unreachable":
            guard let r = mapping(body, kindName, allowed: ["from", "to", "port", "proto"], required: ["from", "to"])
            else { return nil }
            let from = r.values["from"].flatMap { ref($0, kindName + ".from", roles) }
            let to = r.values["to"].flatMap { ref($0, kindName + ".to", roles) }
            let port = r.values["port"].flatMap { portValue($0, kindName + ".port") }
            let proto = r.values["proto"].flatMap { string($0, kindName + ".proto") } ?? "tcp"
            guard let from, let to else { return nil }
            let p = ReachPredicate(from: from, to: to, port: port, proto: proto)
            kind = kindName == "reachable" ? .reachable(p) : .unreachable(p)
        case "resolves":
            guard let r = mapping(body, "resolves", allowed: ["from", "name", "to", "none", "tasks", "vip"],
                                  required: ["from", "name"])
            else { return nil }
            let from = r.values["from"].flatMap { ref($0, "resolves.from", roles) }
            let name = r.values["name"].flatMap { string($0, "resolves.name") }
            let to = r.values["to"].flatMap { refList($0, "resolves.to", roles) } ?? []
            let none = r.values["none"].flatMap { bool($0, "resolves.none") } ?? false
            let tasks = r.values["tasks"].flatMap { string($0, "resolves.tasks") }
            let vip = r.values["vip"].flatMap { string($0, "resolves.vip") }
            if to.isEmpty && !none && tasks == nil && vip == nil { report(.missingKey, ["resolves.to"], body) }
            if none && (!to.isEmpty || tasks != nil || vip != nil) {
                report(.invalidValue, ["resolves", LabText.phrase(.noneCombined)], body)
            }
            guard let from, let name else { return nil }
            kind = .resolves(ResolvePredicate(from: from, name: name, to: to, none: none, tasks: tasks, vip: vip))
        case "iptables":
            kind = iptablesPredicate(body).map(CheckKind.iptables)
        case "swarm":
            kind = swarmPredicate(body).map(CheckKind.swarm)
        case "service":
            kind = servicePredicate(body).map(CheckKind.service)
        case "file":
            kind = filePredicate(body, roles: roles).map(CheckKind.file)
        default:
            kind = nil
        }
        guard let kind else { return nil }
        return Check(name: name, points: points, message: message, hints: hints, kind: kind, position: position(node),
                     hidden: hidden)
    }

    /// `file: {path, container, host, exists, contains}`: `contains` with `exists: false` says nothing.
    mutating func filePredicate(_ node: Node, roles: Set<String>) -> FilePredicate? {
        guard let r = mapping(node, "file", allowed: ["path", "container", "host", "exists", "contains"], required: ["path"])
        else { return nil }
        let path = r.values["path"].flatMap { string($0, "file.path") }
        let container = r.values["container"].flatMap { ref($0, "file.container", roles) }
        let host = r.values["host"].flatMap { machineName($0, "file.host") }
        let exists = r.values["exists"].flatMap { bool($0, "file.exists") } ?? true
        let contains = r.values["contains"].flatMap { string($0, "file.contains") }
        if !exists, contains != nil { report(.invalidValue, ["file", LabText.phrase(.absentWithContains)], node) }
        if let path, path.isEmpty || path.utf8.count > FilePath.maxBytes {
            report(.invalidValue, ["file.path", LabText.phrase(.aPath)], node)
        }
        guard let path else { return nil }
        return FilePredicate(path: path, container: container, host: host, exists: exists, contains: contains)
    }

    /// `iptables: {table, chain, contains, absent, host, before, after, position}`.
    mutating func iptablesPredicate(_ node: Node) -> IptablesPredicate? {
        let keys = ["table", "chain", "contains", "absent", "host", "before", "after", "position"]
        guard let r = mapping(node, "iptables", allowed: keys, required: ["chain", "contains"]) else { return nil }
        var table = "filter"
        if let tn = r.values["table"], let t = string(tn, "iptables.table") {
            table = t
            let tables = ["filter", "nat", "mangle", "raw"]
            if !t.contains("{{"), !tables.contains(t) {
                report(.invalidValue, ["iptables.table", LabText.phrase(.oneOf, "'\(t)'", tables.joined(separator: ", "))
                    + LabText.didYouMean(t, tables)], tn)
            }
        }
        let chain = r.values["chain"].flatMap { string($0, "iptables.chain") }
        let contains = r.values["contains"].flatMap { string($0, "iptables.contains") }
        let absent = r.values["absent"].flatMap { bool($0, "iptables.absent") } ?? false
        let host = r.values["host"].flatMap { machineName($0, "iptables.host") }
        let before = r.values["before"].flatMap { string($0, "iptables.before") }
        let after = r.values["after"].flatMap { string($0, "iptables.after") }
        let position = r.values["position"].flatMap { int($0, "iptables.position", min: 1) }
        if absent, before != nil || after != nil || position != nil {
            report(.invalidValue, ["iptables", LabText.phrase(.absentWithPlace)], node)
        }
        guard let chain, let contains else { return nil }
        return IptablesPredicate(table: table, chain: chain, contains: contains, absent: absent, host: host,
                                 before: before, after: after, position: position)
    }

    /// `roles:` of the lab: `NAME: {network: {…}}` or `NAME: {container: {…}}`, bound in order.
    mutating func labRoleList(_ node: Node) -> [LabRole] {
        guard case .mapping(let m) = node else { report(.wrongType, ["roles", LabText.phrase(.aMapping)], node); return [] }
        var out: [LabRole] = []
        var bound: Set<String> = []
        for (k, v) in m {
            guard let name = roleName(k, "roles") else { continue }
            guard let f = mapping(v, "roles." + name, allowed: ["network", "container"]) else { continue }
            let kinds = ["network", "container"].filter { f.values[$0] != nil }
            guard kinds.count == 1, let body = f.values[kinds[0]] else {
                report(.invalidValue, ["roles." + name, LabText.phrase(.exactlyOneOf, "network, container")], v)
                continue
            }
            // The predicate may use roles bound before it, never its own name (it is bound by the key).
            var scope = bound
            let kind: LabRole.Kind?
            if kinds[0] == "network" {
                kind = rolePredicateFields(body).flatMap { networkPredicate($0, roles: &scope) }.map(LabRole.Kind.network)
            } else {
                kind = rolePredicateFields(body).flatMap { containerPredicate($0, roles: &scope) }.map(LabRole.Kind.container)
            }
            bound.insert(name)
            labRoles.insert(name)
            if let kind { out.append(LabRole(name: name, kind: kind, position: position(k))) }
        }
        return out
    }

    /// A role's predicate is written without `name` or `bind` (the role's key binds it).
    mutating func rolePredicateFields(_ node: Node) -> Node? {
        guard case .mapping(let m) = node else { report(.wrongType, ["roles", LabText.phrase(.aMapping)], node); return nil }
        for (k, _) in m {
            if case .scalar(let s) = k, s.string == "name" || s.string == "bind" {
                report(.invalidValue, ["roles", LabText.phrase(.roleKeyBinds)], k)
                return nil
            }
        }
        // Bind under a placeholder name: the predicate decoders ask for exactly one of name, bind.
        var pairs = m
        pairs[Node("bind")] = Node("_")
        return .mapping(pairs)
    }

    /// `history: {command: GLOB, success: true|false|any, output: REGEX}`.
    mutating func historyPredicate(_ node: Node) -> HistoryPredicate? {
        guard let h = mapping(node, "history", allowed: ["command", "success", "output"], required: ["command"])
        else { return nil }
        let pattern = h.values["command"].flatMap { string($0, "history.command") }
        var success = HistoryPredicate.Outcome.succeeded
        if let s = h.values["success"] {
            if case .scalar(let v) = s, let o = HistoryPredicate.Outcome(rawValue: v.string.lowercased()) {
                success = o
            } else {
                report(.wrongType, ["history.success", LabText.phrase(.trueFalseAny)], s)
            }
        }
        var output: String?
        if let o = h.values["output"], let text = string(o, "history.output") {
            // A template may stand for part of the expression: it is checked once rendered.
            if text.contains("{{") || (try? NSRegularExpression(pattern: text)) != nil {
                output = text
            } else {
                report(.invalidValue, ["history.output", LabText.phrase(.notARegex, text)], o)
            }
        }
        guard let pattern else { return nil }
        return HistoryPredicate(pattern: pattern, success: success, output: output)
    }

    mutating func portValue(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        if !s.contains("{{"), Int(s).map({ $0 < 1 || $0 > 65535 }) ?? true {
            report(.invalidValue, [what, LabText.phrase(.portRange, s)], node)
            return nil
        }
        return s
    }

    /// A name that may be a `$role` (which must be bound already).
    mutating func ref(_ node: Node, _ what: String, _ roles: Set<String>) -> String? {
        guard let s = string(node, what) else { return nil }
        if s.hasPrefix("$"), !roles.contains(String(s.dropFirst())) {
            let role = String(s.dropFirst())
            report(stepRolesOutOfReach.contains(role) ? .invariantStepRole : .unknownRole, [role], node)
            return nil
        }
        return s
    }

    mutating func refList(_ node: Node, _ what: String, _ roles: Set<String>) -> [String]? {
        guard case .sequence(let seq) = node else { report(.wrongType, [what, LabText.phrase(.aListOfNames)], node); return nil }
        return seq.compactMap { ref($0, what, roles) }
    }

    mutating func bindName(_ f: Fields, _ what: String, roles: inout Set<String>) -> (String?, String?)? {
        let name = f.values["name"].flatMap { ref($0, what + ".name", roles) }
        let bind = f.values["bind"].flatMap { roleName($0, what + ".bind") }
        if let bind, bind != "_", labRoles.contains(bind), let node = f.values["bind"] {
            report(.invalidValue, [what + ".bind", LabText.phrase(.roleIsLabWide, bind)], node)
        }
        if (f.values["name"] == nil) == (f.values["bind"] == nil) {
            report(.invalidValue, [what, LabText.phrase(.exactlyOneOf, "name, bind")], f.node)
            return nil
        }
        return (name, bind)
    }

    mutating func networkPredicate(_ node: Node, roles: inout Set<String>) -> NetworkPredicate? {
        let keys = ["name", "bind", "absent", "driver", "subnet", "subnet_within", "gateway", "internal", "attachable",
                    "user_defined", "options", "labels", "holds", "host"]
        guard let f = mapping(node, "network", allowed: keys), let nb = bindName(f, "network", roles: &roles)
        else { return nil }
        let (name, bind) = nb
        var p = NetworkPredicate()
        p.name = name
        p.bind = bind
        p.absent = f.values["absent"].flatMap { bool($0, "network.absent") } ?? false
        p.driver = f.values["driver"].flatMap { string($0, "network.driver") }
        p.subnet = f.values["subnet"].flatMap { cidrTemplate($0, "network.subnet") }
        p.subnetWithin = f.values["subnet_within"].flatMap { cidrTemplate($0, "network.subnet_within") }
        p.gateway = f.values["gateway"].flatMap { string($0, "network.gateway") }
        p.isInternal = f.values["internal"].flatMap { bool($0, "network.internal") }
        p.attachable = f.values["attachable"].flatMap { bool($0, "network.attachable") }
        p.userDefined = f.values["user_defined"].flatMap { bool($0, "network.user_defined") }
        p.options = f.values["options"].flatMap { stringMap($0, "network.options") } ?? [:]
        p.labels = f.values["labels"].flatMap { stringMap($0, "network.labels") } ?? [:]
        p.holds = f.values["holds"].flatMap { refList($0, "network.holds", roles) } ?? []
        p.host = f.values["host"].flatMap { machineName($0, "network.host") }
        if p.absent, bind != nil { report(.invalidValue, ["network", LabText.phrase(.absentCannotBind)], node) }
        if let bind { roles.insert(bind) }
        return p
    }

    mutating func cidrTemplate(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        if !s.contains("{{"), IPv4Subnet(s) == nil { report(.invalidValue, [what, LabText.phrase(.notACIDR, s)], node) }
        return s
    }

    mutating func containerPredicate(_ node: Node, roles: inout Set<String>) -> ContainerPredicate? {
        let keys = ["name", "bind", "absent", "running", "image", "networks", "not_networks", "ip", "ip_within",
                    "aliases", "published", "network_mode", "host"]
        guard let f = mapping(node, "container", allowed: keys), let nb = bindName(f, "container", roles: &roles)
        else { return nil }
        let (name, bind) = nb
        var p = ContainerPredicate()
        p.name = name
        p.bind = bind
        p.absent = f.values["absent"].flatMap { bool($0, "container.absent") } ?? false
        p.running = f.values["running"].flatMap { bool($0, "container.running") }
        p.image = f.values["image"].flatMap { string($0, "container.image") }
        p.networks = f.values["networks"].flatMap { refList($0, "container.networks", roles) } ?? []
        p.notNetworks = f.values["not_networks"].flatMap { refList($0, "container.not_networks", roles) } ?? []
        p.ip = f.values["ip"].flatMap { string($0, "container.ip") }
        p.ipWithin = f.values["ip_within"].flatMap { cidrTemplate($0, "container.ip_within") }
        if let a = f.values["aliases"] {
            if case .mapping(let m) = a {
                for (k, v) in m {
                    guard let net = ref(k, "container.aliases", roles), let names = stringList(v, "container.aliases." + net)
                    else { continue }
                    p.aliases[net] = names
                }
            } else {
                report(.wrongType, ["container.aliases", LabText.phrase(.aliasesMapping)], a)
            }
        }
        p.published = f.values["published"].flatMap { stringList($0, "container.published") } ?? []
        for (i, spec) in p.published.enumerated() where !spec.contains("{{") && PublishedSpec(spec) == nil {
            if let value = f.values["published"], case .sequence(let seq) = value, i < seq.count {
                report(.invalidValue, ["container.published", LabText.phrase(.publishedFormat, spec)], seq[i])
            }
        }
        p.networkMode = f.values["network_mode"].flatMap { string($0, "container.network_mode") }
        p.host = f.values["host"].flatMap { machineName($0, "container.host") }
        if p.absent, bind != nil { report(.invalidValue, ["container", LabText.phrase(.absentCannotBind)], node) }
        if let bind { roles.insert(bind) }
        return p
    }
}

/// A `published` entry of a container check: `80`, `8080:80`, `127.0.0.1:8080:80`, with optional `/udp`.
struct PublishedSpec: Hashable {
    var hostIP: String?
    var hostPort: Int?
    var port: Int
    var proto: String

    init?(_ text: String) {
        var body = Substring(text)
        proto = "tcp"
        if let slash = body.lastIndex(of: "/") {
            proto = String(body[body.index(after: slash)...]).lowercased()
            body = body[..<slash]
            guard ["tcp", "udp", "sctp"].contains(proto) else { return nil }
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func port(_ s: String) -> Int? { Int(s).flatMap { $0 >= 1 && $0 <= 65535 ? $0 : nil } }
        switch parts.count {
        case 1:
            guard let p = port(parts[0]) else { return nil }
            self.port = p
        case 2:
            guard let h = port(parts[0]), let p = port(parts[1]) else { return nil }
            hostPort = h; self.port = p
        case 3:
            guard IPv4Address(parts[0]) != nil, let h = port(parts[1]), let p = port(parts[2]) else { return nil }
            hostIP = parts[0]; hostPort = h; self.port = p
        default:
            return nil
        }
    }
}
