/// A model type that writes its own canonical bytes, field by field in declaration order, exactly
/// as `CanonicalWriter`'s reflective walk writes them, without `Mirror` and without boxing each
/// field in `Any`.
///
/// Why: the reflective walk is the definition of the canonical form (every stored field counts
/// unless excluded on purpose) but costs a `Mirror` per value; the types met once per container,
/// endpoint, network or sandbox write themselves for speed. A test walks rich worlds both ways
/// (`CanonicalWriter.reflective`) and requires the same bytes, so a field added to one of these
/// types and not here fails that test instead of silently leaving the fingerprint.
protocol CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter)
}

extension CanonicalWriter {
    /// `{` fields `}`: a struct (its fields written by `body`).
    mutating func structure(_ body: (inout CanonicalWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func field(_ s: String) { string(s) }
    mutating func field(_ i: Int) { integer(Int64(i)) }
    mutating func field(_ b: Bool) { bytes.append(b ? UInt8(ascii: "t") : UInt8(ascii: "f")) }

    mutating func field(_ s: String?) {
        if let s { bytes.append(UInt8(ascii: "o")); string(s) } else { bytes.append(UInt8(ascii: "n")) }
    }

    mutating func field(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for s in list { string(s) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A `[String: String]`, its keys sorted as the reflective walk sorts them.
    mutating func field(_ map: [String: String]) {
        bytes.append(UInt8(ascii: "<"))
        for key in map.keys.sorted() {
            string(key)
            string(map[key] ?? "")
        }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func field(_ map: [String: String]?) {
        if let map { bytes.append(UInt8(ascii: "o")); field(map) } else { bytes.append(UInt8(ascii: "n")) }
    }

    /// A value encoded by its identity (`FingerprintIdentity`).
    mutating func field<T: FingerprintIdentity>(_ v: T) { string(v.fingerprintIdentity, tag: UInt8(ascii: "I")) }

    mutating func field<T: FingerprintIdentity>(_ v: T?) {
        if let v { bytes.append(UInt8(ascii: "o")); field(v) } else { bytes.append(UInt8(ascii: "n")) }
    }

    mutating func field<T: FingerprintIdentity>(_ list: [T]) {
        bytes.append(UInt8(ascii: "["))
        for v in list { field(v) }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func field<T: CanonicalEncodable>(_ v: T) { v.encodeCanonical(into: &self) }

    mutating func field<T: CanonicalEncodable>(_ list: [T]) {
        bytes.append(UInt8(ascii: "["))
        for v in list { v.encodeCanonical(into: &self) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A value of a type left out of the fingerprint (`FingerprintExcluded`): the mark alone.
    mutating func excludedField() { bytes.append(UInt8(ascii: "x")) }

    /// An optional excluded value: whether it is there still counts.
    mutating func excludedField<T>(_ v: T?) { bytes.append(v == nil ? UInt8(ascii: "n") : UInt8(ascii: "o")); if v != nil { excludedField() } }

    /// A `RawRepresentable` enum with a `String` raw value.
    mutating func rawCase<T: RawRepresentable>(_ v: T) where T.RawValue == String { string(v.rawValue, tag: UInt8(ascii: "e")) }

    /// Any other value, through the reflective walk.
    mutating func reflected(_ v: Any) { value(v) }
}

// The model's most numerous values. Each lists every stored field in declaration order; a field of
// a type without a fast form goes through `reflected`.

extension Container: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in
            w.field(id); w.field(name); w.field(image); w.field(imageReference); w.excludedField()
            w.field(path); w.field(args); w.field(cmdOverridden); w.field(env); w.field(hostname); w.field(domainname)
            w.field(tty); w.field(openStdin); w.field(autoRemove); w.field(labels)
            w.field(networkMode); w.field(attachments); w.field(exposedPorts); w.reflected(portBindings)
            w.field(publishAll); w.field(dns); w.field(dnsSearch); w.field(dnsOptions); w.field(extraHosts); w.field(links)
            w.reflected(legacyLinkRecords); w.field(startLinkEnvironment)
            w.field(state); w.excludedField(startedAt); w.excludedField(finishedAt); w.field(restartCount)
            w.field(sandboxID); w.field(endpoints); w.field(portMappings); w.field(sysctls); w.field(logs)
            w.reflected(files); w.reflected(mounts); w.reflected(proxy)
        }
    }
}

extension NetworkAttachment: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in
            w.field(network); w.field(networkID); w.field(aliases); w.field(ipv4Address); w.field(ipv4Text)
            w.field(ipv6Text); w.field(macAddress); w.field(links); w.field(gwPriority); w.field(driverOpts)
        }
    }
}

extension PortMapping: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in w.field(containerPort); w.field(hostIP); w.field(hostPort) }
    }
}

extension ContainerLogLine: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in w.excludedField(); w.rawCase(stream); w.field(text) }
    }
}

extension Endpoint: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in
            w.field(id); w.field(networkID); w.field(containerID); w.field(name); w.field(mac); w.field(ipv4)
            w.field(prefixLength); w.field(gateway); w.field(interfaceName); w.field(interfaceIndex); w.field(peerIndex)
            w.field(hostVeth); w.field(dnsNames); w.field(aliases)
        }
    }
}

extension Network: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in
            w.field(id); w.field(name); w.rawCase(driver); w.excludedField(); w.field(enableIPv4); w.field(enableIPv6)
            w.field(ipamDriver); w.field(ipamOptions); w.reflected(ipamConfig as Any); w.field(subnet); w.field(gateway)
            w.field(isInternal); w.field(attachable); w.field(ingress); w.field(configOnly); w.field(configFrom)
            w.field(options); w.field(labels); w.field(predefined); w.field(deviceName); w.field(userSubnet)
            w.field(deviceMAC)
        }
    }
}

extension Sandbox: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in w.field(id); w.field(containerID); w.field(endpointIDs); w.field(embeddedResolver) }
    }
}

// Docker's programmed operations, a few per network and per published port.

extension KeyedRuleOp: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        w.structure { w in w.field(key); w.field(seq); w.field(op) }
    }
}

extension DockerRuleOp: CanonicalEncodable {
    func encodeCanonical(into w: inout CanonicalWriter) {
        // The rule goes through the reflective walk (a memoized struct: walked once per distinct rule).
        w.structure { w in w.rawCase(table); w.field(chain); w.reflected(rule as Any); w.field(placement); w.field(owner) }
    }
}

extension DockerRuleOp.Placement: CanonicalEncodable {
    /// A case without payload: its name, as the reflective walk writes it.
    func encodeCanonical(into w: inout CanonicalWriter) {
        switch self {
        case .append: w.string("append", tag: UInt8(ascii: "e"))
        case .insert: w.string("insert", tag: UInt8(ascii: "e"))
        case .chain: w.string("chain", tag: UInt8(ascii: "e"))
        }
    }
}

extension ContainerState: CanonicalEncodable {
    /// `e` and the case's name (as the reflective walk writes a case without payload); a case with
    /// its exit code is walked with `Mirror` (its payload's form is `Mirror`'s to say).
    func encodeCanonical(into w: inout CanonicalWriter) {
        switch self {
        case .created: w.string("created", tag: UInt8(ascii: "e"))
        case .running: w.string("running", tag: UInt8(ascii: "e"))
        case .exited: w.composite(self)
        }
    }
}
