/// Explains in one sentence why a name does (or does not) resolve where a
/// program runs — the DNS half of `why`.
///
/// The reasons are checked in the order a learner's mistakes usually happen;
/// every sentence lives in `sentences` (one table per language) so that other
/// languages can be added beside English.
public enum NameDiagnosis {
    /// Why a lookup gave what it gave.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case resolves
        case resolvesFromHostsFile
        case resolvesExternally
        case fromHost
        case queryingContainerNotRunning
        case defaultBridgeHasNoDNS
        case noEmbeddedDNS
        case targetStopped
        case registeredOnOtherNetwork
        case aliasOnOtherNetwork
        case linkAliasElsewhere
        case noExternalAccess
        case noRouteToDNS
        case externalNameUnknown
        case unknownName
    }

    /// English sentences; `{name}`, `{from}`, `{network}`, `{target}`, `{addresses}` are filled in.
    public static let english: [Reason: String] = [
        .resolves: "{name} resolves to {addresses} from {from} (embedded DNS at 127.0.0.11, network {network})",
        .resolvesFromHostsFile: "{name} resolves to {addresses} from {from} through its /etc/hosts file",
        .resolvesExternally: "{name} resolves to {addresses} from {from} through the upstream DNS server",
        .fromHost: "the Docker host does not use the embedded DNS server; container names resolve only inside containers on user-defined networks",
        .queryingContainerNotRunning: "{from} is not running, so it resolves nothing",
        .defaultBridgeHasNoDNS: "the default bridge has no embedded DNS; {from} reaches {name} only by IP or a legacy --link",
        .noEmbeddedDNS: "{from} is on no user-defined network, so it has no embedded DNS to ask for {name}",
        .targetStopped: "{name} is stopped; a container's names exist only while it runs",
        .registeredOnOtherNetwork: "{name} is registered on {network}, which {from} is not attached to",
        .aliasOnOtherNetwork: "the name exists only as an alias on another network ({network}), which {from} is not attached to",
        .linkAliasElsewhere: "{name} is a --link alias of another container; link aliases resolve only in the container that made the link",
        .noExternalAccess: "{from} has no way out (only internal networks), so the embedded DNS cannot forward {name} and answers SERVFAIL",
        .noRouteToDNS: "{from} has no route to its DNS server (no network but lo), so {name} cannot be looked up",
        .externalNameUnknown: "{name} is not a container name on {from}'s networks, and the upstream DNS server does not know it (NXDOMAIN)",
        .unknownName: "no container, alias or external name called {name} is known",
    ]

    /// Korean sentences, with the same placeholders.
    public static let korean: [Reason: String] = [
        .resolves: "{from}에서 {name:은} {addresses:으로} 해석됩니다 (127.0.0.11의 내장 DNS, 네트워크 {network})",
        .resolvesFromHostsFile: "{from}에서 {name:은} /etc/hosts 파일로 {addresses:으로} 해석됩니다",
        .resolvesExternally: "{from}에서 {name:은} 상위 DNS 서버를 통해 {addresses:으로} 해석됩니다",
        .fromHost: "Docker 호스트는 내장 DNS 서버를 쓰지 않습니다. 컨테이너 이름은 사용자 정의 네트워크의 컨테이너 안에서만 해석됩니다",
        .queryingContainerNotRunning: "{from:이} 실행 중이 아니어서 아무 이름도 해석하지 않습니다",
        .defaultBridgeHasNoDNS: "기본 bridge에는 내장 DNS가 없습니다. {from:은} {name}에 IP나 예전 방식의 --link로만 닿습니다",
        .noEmbeddedDNS: "{from:은} 사용자 정의 네트워크에 연결되어 있지 않아 {name:을} 물어볼 내장 DNS가 없습니다",
        .targetStopped: "{name:이} 멈춰 있습니다. 컨테이너의 이름은 실행 중일 때만 존재합니다",
        .registeredOnOtherNetwork: "{name:은} {network}에 등록되어 있는데, {from:은} 그 네트워크에 연결되어 있지 않습니다",
        .aliasOnOtherNetwork: "그 이름은 다른 네트워크({network})의 별칭으로만 존재하고, {from:은} 그 네트워크에 연결되어 있지 않습니다",
        .linkAliasElsewhere: "{name:은} 다른 컨테이너의 --link 별칭입니다. 링크 별칭은 링크를 만든 컨테이너에서만 해석됩니다",
        .noExternalAccess: "{from:은} 밖으로 나갈 길이 없어(internal 네트워크뿐) 내장 DNS가 {name:을} 전달하지 못하고 SERVFAIL로 답합니다",
        .noRouteToDNS: "{from}에는 DNS 서버로 가는 경로가 없어(lo 말고 네트워크가 없음) {name:을} 찾을 수 없습니다",
        .externalNameUnknown: "{name:은} {from}의 네트워크에 있는 컨테이너 이름이 아니고, 상위 DNS 서버도 모릅니다 (NXDOMAIN)",
        .unknownName: "{name:이라는} 컨테이너, 별칭, 외부 이름을 찾을 수 없습니다",
    ]

    /// Sentence tables by language code.
    public static let sentences: [String: [Reason: String]] = ["en": english, "ko": korean]

    /// The reason and the values that fill its sentence.
    public struct Finding: Sendable, Hashable {
        public var reason: Reason
        public var values: [String: String]
    }

    /// One sentence explaining `name` as looked up from a container (its ID) or the host (nil).
    public static func explain(name: String, from site: String?, engine: Engine, language: String = "en") -> String {
        let f = diagnose(name: name, from: site, engine: engine)
        let template = (sentences[language] ?? english)[f.reason] ?? english[f.reason] ?? f.reason.rawValue
        return MessageTemplate.fill(template, f.values)
    }

    /// Works out the reason (pure: lookups run on a copy of the engine, so
    /// nothing is shuffled or drawn from the caller's seed).
    public static func diagnose(name: String, from site: String?, engine: Engine) -> Finding {
        var values = ["name": name]
        var scratch = engine
        let resolved = NameResolution.resolve(name: name, from: site, engine: &scratch)
        let fileHits = HostsFile.lookup(name, containerID: site, engine: engine)
        func found(_ reason: Reason, _ addresses: [IPv4Address]) -> Finding {
            values["addresses"] = addresses.map(\.description).joined(separator: ", ")
            return Finding(reason: reason, values: values)
        }
        guard let id = site, let c = engine.containers[id], !c.sharesHostNetwork else {
            values["from"] = engine.host.hostname
            if !fileHits.isEmpty { return found(.resolvesFromHostsFile, fileHits) }
            if let ips = resolved { return found(.resolvesExternally, ips) }
            return Finding(reason: carriersExist(name, engine) ? .fromHost : .unknownName, values: values)
        }
        values["from"] = c.name
        guard c.isRunning else { return Finding(reason: .queryingContainerNotRunning, values: values) }
        if !fileHits.isEmpty { return found(.resolvesFromHostsFile, fileHits) }
        if EmbeddedDNS.isRunning(in: c, engine: engine), let local = EmbeddedDNS.lookupLocal(name, in: c, engine: engine) {
            values["network"] = local.network.name
            return found(.resolves, local.addresses)
        }
        if let ips = resolved { return found(.resolvesExternally, ips) }
        let bare = name.lowercased()
        let carriers = ServiceRecords.carriers(of: name, engine: engine)
        // A container (by name or ID), or the only holder of an alias, that exists but does not run.
        if case .success(let target) = engine.findContainer(name), !target.isRunning {
            return Finding(reason: .targetStopped, values: values)
        }
        let stoppedAlias = engine.allContainers.contains { other in
            !other.isRunning && other.attachments.contains { $0.aliases.contains { $0.lowercased() == bare } }
        }
        if stoppedAlias && carriers.isEmpty { return Finding(reason: .targetStopped, values: values) }
        let onDefaultBridge = engine.endpoints(ofContainer: c).contains { engine.networks[$0.networkID]?.name == "bridge" }
        let embedded = EmbeddedDNS.isRunning(in: c, engine: engine)
        if !embedded && (!carriers.isEmpty || isDefaultBridgePeer(name, engine)) {
            return Finding(reason: onDefaultBridge ? .defaultBridgeHasNoDNS : .noEmbeddedDNS, values: values)
        }
        if let first = carriers.first {
            values["network"] = first.network.name
            let target = engine.containers[first.endpoint.containerID]
            let isAlias = target.map { $0.name.lowercased() != bare && $0.shortID != bare && $0.hostname.lowercased() != bare } ?? false
            return Finding(reason: isAlias ? .aliasOnOtherNetwork : .registeredOnOtherNetwork, values: values)
        }
        if isLinkAliasElsewhere(name, except: c.id, engine) { return Finding(reason: .linkAliasElsewhere, values: values) }
        let external = ExternalDNSZone.entry(name, knownTo: ExternalDNSZone.lanResolver, names: engine.outsideNames) != nil
        if !engine.hasExternalAccess(containerID: c.id) && (external || name.contains(".")) {
            return Finding(reason: embedded ? .noExternalAccess : .noRouteToDNS, values: values)
        }
        return Finding(reason: name.contains(".") ? .externalNameUnknown : .unknownName, values: values)
    }

    static func carriersExist(_ name: String, _ engine: Engine) -> Bool {
        !ServiceRecords.carriers(of: name, engine: engine).isEmpty || isDefaultBridgePeer(name, engine)
    }

    /// A running container on the default bridge called `name` (by name, short ID or hostname).
    static func isDefaultBridgePeer(_ name: String, _ engine: Engine) -> Bool {
        guard let bridge = engine.network(named: "bridge") else { return false }
        let bare = name.lowercased()
        return engine.allContainers.contains { c in
            c.isRunning && c.endpoints[bridge.id] != nil
                && (c.name.lowercased() == bare || c.shortID == bare || c.hostname.lowercased() == bare)
        }
    }

    static func isLinkAliasElsewhere(_ name: String, except id: String, _ engine: Engine) -> Bool {
        engine.allContainers.contains { other in
            guard other.id != id else { return false }
            let links = other.links + other.attachments.flatMap(\.links)
            return links.contains { link in
                let parts = link.split(separator: ":", maxSplits: 1)
                return parts.count == 2 && parts[1] == Substring(name)
            }
        }
    }
}
