/// Which server of a backend takes a request, and why: the balancing algorithms of nginx 1.27 and
/// HAProxy 3.0 over the servers that are up, backups only when no primary is.
///
/// Sources: nginx release-1.27.5 `src/http/ngx_http_upstream_round_robin.c` (smooth weighted round
/// robin), `ngx_http_upstream_ip_hash_module.c` (the first three octets, `hash * 113 + octet`
/// modulo 6271, initial 89), `ngx_http_upstream_hash_module.c` (CRC32 of the key),
/// `ngx_http_upstream_random_module.c` (`ngx_random() % total_weight` over the servers' weight ranges,
/// an unavailable draw drawn again up to 20 tries, then round robin; `two`: two different servers
/// drawn, the first kept only when `second.conns * first.weight > first.conns * second.weight`),
/// the draws taken from the simulation's seeded generator;
/// haproxy v3.0.0 `src/lb_map.c` and `src/hash.c` (source: the address hashed; uri: sdbm of the path).
/// HAProxy's map spreads weights over a precomputed table; here the hash picks by cumulative weight,
/// which gives the same shares but can order servers differently for unequal weights.
public enum ProxyBalancer {
    /// The request facts an algorithm may look at.
    public struct Request: Sendable {
        public var client: IPv4Address
        public var uri: String
        /// The persistence cookie's value the client sent (`SERVERID=s1` → `s1`), if any.
        public var cookie: String?
        public init(client: IPv4Address, uri: String, cookie: String? = nil) {
            self.client = client; self.uri = uri; self.cookie = cookie
        }
    }

    /// Why a server was chosen (for `why`, in both languages).
    public enum Reason: Sendable, Hashable {
        case roundRobin, leastConnections, sourceHash, uriHash, keyHash(String), cookie(String), backupOnly
        /// NGINX `random` (`two`: the less busy of two draws).
        case random(two: Bool)
    }

    public struct Choice: Sendable, Hashable {
        public var server: Int
        public var reason: Reason
    }

    /// Whether a server may take requests now: HAProxy's check state, NGINX's `fail_timeout` window.
    public static func isAvailable(_ s: ProxyServerState, at now: SimTime) -> Bool {
        guard s.up else { return false }
        if let until = s.disabledUntil, now < until { return false }
        return true
    }

    /// The chosen server; nil when none is available (nginx "no live upstreams", HAProxy 503).
    /// `excluded`: servers already tried for this request (nginx `proxy_next_upstream`).
    /// The choice for an algorithm that draws nothing (`random` draws from a generator seeded 0).
    public static func choose(_ backend: ProxyBackend, software: ProxyConfig.Software, state: inout ProxyBackendState,
                              request: Request, at now: SimTime, excluded: Set<Int> = []) -> Choice? {
        var rng = SeededGenerator(seed: 0)
        return choose(backend, software: software, state: &state, request: request, at: now, excluded: excluded, rng: &rng)
    }

    /// `rng`: the simulation's seeded generator, drawn from by `random` only.
    public static func choose(_ backend: ProxyBackend, software: ProxyConfig.Software, state: inout ProxyBackendState,
                              request: Request, at now: SimTime, excluded: Set<Int> = [],
                              rng: inout SeededGenerator) -> Choice? {
        let n = min(backend.servers.count, state.servers.count)
        guard n > 0 else { return nil }
        if state.currentWeights.count < n { state.currentWeights += Array(repeating: 0, count: n - state.currentWeights.count) }
        func live(_ backup: Bool) -> [Int] {
            (0..<n).filter { backend.servers[$0].backup == backup && !excluded.contains($0) && isAvailable(state.servers[$0], at: now) }
        }
        var candidates = live(false)
        var usingBackups = false
        if candidates.isEmpty { candidates = live(true); usingBackups = true }
        guard !candidates.isEmpty else { return nil }
        // HAProxy persistence: the cookie names a server that is up.
        if software == .haproxy, backend.cookie != nil, let value = request.cookie,
           let i = candidates.first(where: { backend.servers[$0].cookie == value }) {
            return Choice(server: i, reason: .cookie(value))
        }
        func weight(_ i: Int) -> Int { max(1, min(backend.servers[i].weight, 256)) }
        let reason: Reason
        var pick: Int
        switch backend.algorithm {
        case .roundRobin:
            pick = smoothRoundRobin(candidates, weight: weight, state: &state); reason = .roundRobin
        case .leastConnections:
            let least = candidates.map { state.servers[$0].active * 1000 / weight($0) }.min() ?? 0
            let tied = candidates.filter { state.servers[$0].active * 1000 / weight($0) == least }
            pick = smoothRoundRobin(tied, weight: weight, state: &state); reason = .leastConnections
        case .source:
            if software == .nginx {
                pick = ipHash(request.client, backend: backend, n: n, candidates: candidates, weight: weight, state: &state)
            } else {
                pick = byWeight(fullHash(request.client.value), candidates, weight: weight)
            }
            reason = .sourceHash
        case .uri:
            let key = software == .nginx ? crc32(request.uri) : sdbm(request.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.uri)
            pick = byWeight(key, candidates, weight: weight); reason = .uriHash
        case .hash(let key):
            let text = key.replacing("$remote_addr", with: request.client.description)
                .replacing("$request_uri", with: request.uri)
            pick = byWeight(crc32(text), candidates, weight: weight); reason = .keyHash(key)
        case .random(let two):
            pick = random(two: two, n: n, candidates: candidates, weight: weight, state: &state, rng: &rng)
            reason = .random(two: two)
        }
        if pick < 0 || pick >= n { pick = candidates[0] }
        return Choice(server: pick, reason: usingBackups ? .backupOnly : reason)
    }

    /// nginx `random` / `random two`: draws over every server's weight range; a draw that is not a
    /// candidate is drawn again (20 tries in all), then smooth round robin decides.
    static func random(two: Bool, n: Int, candidates: [Int], weight: (Int) -> Int, state: inout ProxyBackendState,
                       rng: inout SeededGenerator) -> Int {
        let total = (0..<n).reduce(0) { $0 + weight($1) }
        var tries = 0
        func draw() -> Int? {
            while tries < 20 {
                tries += 1
                var x = Int(rng.next() % UInt64(max(1, total)))
                for i in 0..<n {
                    if x < weight(i) { if candidates.contains(i) { return i } else { break } }
                    x -= weight(i)
                }
            }
            return nil
        }
        guard two, n >= 2 else { return draw() ?? smoothRoundRobin(candidates, weight: weight, state: &state) }
        guard let first = draw() else { return smoothRoundRobin(candidates, weight: weight, state: &state) }
        var second: Int?
        while second == nil, tries < 20 {
            if let s = draw(), s != first { second = s }
        }
        guard let second else { return smoothRoundRobin(candidates, weight: weight, state: &state) }
        let busier = state.servers[second].active * weight(first) > state.servers[first].active * weight(second)
        return busier ? first : second
    }

    /// nginx's smooth weighted round robin: every candidate gains its weight, the largest wins
    /// (the first on a tie) and gives back the total.
    static func smoothRoundRobin(_ candidates: [Int], weight: (Int) -> Int, state: inout ProxyBackendState) -> Int {
        var best = candidates[0]
        var total = 0
        for i in candidates {
            state.currentWeights[i] += weight(i)
            total += weight(i)
            if state.currentWeights[i] > state.currentWeights[best] { best = i }
        }
        state.currentWeights[best] -= total
        return best
    }

    /// nginx `ip_hash`: the first three octets; a server that is down makes it hash again, and after
    /// 20 tries it falls back to round robin.
    static func ipHash(_ client: IPv4Address, backend: ProxyBackend, n: Int, candidates: [Int], weight: (Int) -> Int,
                       state: inout ProxyBackendState) -> Int {
        let octets = client.octets
        let primaries = (0..<n).filter { !backend.servers[$0].backup }
        let total = primaries.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return candidates[0] }
        var hash = 89
        for _ in 0..<20 {
            for i in 0..<3 { hash = (hash * 113 + Int(octets[i])) % 6271 }
            var w = hash % total
            for p in primaries {
                if w < weight(p) {
                    if candidates.contains(p) { return p }
                    break
                }
                w -= weight(p)
            }
        }
        return smoothRoundRobin(candidates, weight: weight, state: &state)
    }

    /// A hash mapped onto the candidates by cumulative weight.
    static func byWeight(_ hash: UInt32, _ candidates: [Int], weight: (Int) -> Int) -> Int {
        let total = candidates.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return candidates[0] }
        var w = Int(hash % UInt32(total))
        for c in candidates {
            if w < weight(c) { return c }
            w -= weight(c)
        }
        return candidates[0]
    }

    /// HAProxy `full_hash` (Thomas Wang's 32-bit integer hash, haproxy v3.0.0 include/haproxy/hash.h).
    static func fullHash(_ a: UInt32) -> UInt32 {
        var a = a
        a = (a &+ 0x7ed55d16) &+ (a << 12)
        a = (a ^ 0xc761c23c) ^ (a >> 19)
        a = (a &+ 0x165667b1) &+ (a << 5)
        a = (a &+ 0xd3a2646c) ^ (a << 9)
        a = (a &+ 0xfd7046c5) &+ (a << 3)
        a = (a ^ 0xb55a4f09) ^ (a >> 16)
        return a
    }

    /// sdbm, HAProxy's default `hash-function` for `balance uri` (haproxy v3.0.0 src/hash.c).
    static func sdbm(_ s: String) -> UInt32 {
        var h: UInt32 = 0
        for b in s.utf8 { h = UInt32(b) &+ (h << 6) &+ (h << 16) &- h }
        return h
    }

    /// CRC-32 (IEEE), nginx's `ngx_crc32_long`.
    static func crc32(_ s: String) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in s.utf8 {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xedb8_8320 : c >> 1 }
        }
        return c ^ 0xffff_ffff
    }
}
