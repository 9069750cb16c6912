import CNMSim
import NIOConcurrencyHelpers

/// `GET /events`: what changed on the simulated host, as moby's event messages
/// (moby v28.2.2 api/types/events/events.go, daemon/events/events.go), derived by
/// comparing the host before and after each step. Times are simulated time.
final class EventLog: @unchecked Sendable {
    struct Message {
        var type: String
        var action: String
        var actorID: String
        var attributes: [String: String]
        var timeNano: Int64

        /// Go's `json.Marshal` of `events.Message`; containers also fill the deprecated `status`, `id`, `from`.
        var json: String {
            var pairs: [(String, String)] = []
            if type == "container" {
                pairs.append(("status", JSONText.quote(action)))
                pairs.append(("id", JSONText.quote(actorID)))
                if let image = attributes["image"], !image.isEmpty { pairs.append(("from", JSONText.quote(image))) }
            }
            pairs.append(("Type", JSONText.quote(type)))
            pairs.append(("Action", JSONText.quote(action)))
            pairs.append(("Actor", JSONText.object([("ID", JSONText.quote(actorID)), ("Attributes", JSONText.stringMap(attributes))])))
            pairs.append(("scope", JSONText.quote("local")))
            pairs.append(("time", String(timeNano / 1_000_000_000)))
            pairs.append(("timeNano", String(timeNano)))
            return JSONText.object(pairs)
        }
    }

    struct Subscriber {
        var stream: ByteStream
        var filters: [String: [String]]
        var until: Int64?
    }

    private let lock = NIOLock()
    private var history: [Message] = []
    private var subscribers: [Subscriber] = []
    /// moby keeps the last 256 events for `--since`.
    static let historySize = 256

    /// Whether a message passes `docker events --filter` (moby v28.2.2 daemon/events/filter.go, the common keys).
    static func matches(_ m: Message, _ filters: [String: [String]]) -> Bool {
        func check(_ key: String, _ values: [String]) -> Bool {
            guard let wanted = filters[key], !wanted.isEmpty else { return true }
            return values.contains { v in wanted.contains(v) }
        }
        let name = m.attributes["name"] ?? ""
        let isContainer = m.type == "container"
        let isNetwork = m.type == "network"
        return check("type", [m.type])
            && check("event", [m.action])
            && (filters["container"] == nil || (isContainer && check("container", [m.actorID, String(m.actorID.prefix(12)), name]))
                || (isNetwork && check("container", [m.attributes["container"] ?? ""])))
            && (filters["network"] == nil || (isNetwork && check("network", [m.actorID, String(m.actorID.prefix(12)), name])))
            && (filters["image"] == nil || check("image", [m.attributes["image"] ?? ""]))
    }

    func subscribe(_ stream: ByteStream, filters: [String: [String]], since: Int64?, until: Int64?, now: Int64) {
        let past: [Message] = lock.withLock {
            guard let since else { return [] }
            return history.filter { $0.timeNano >= since && (until == nil || $0.timeNano <= until!) && Self.matches($0, filters) }
        }
        for m in past { stream.write(m.json + "\n") }
        if let until, until <= now {
            stream.finish()
            return
        }
        lock.withLock { subscribers.append(Subscriber(stream: stream, filters: filters, until: until)) }
        stream.onCancel { [weak self] in
            self?.lock.withLock { self?.subscribers.removeAll { $0.stream === stream } }
        }
    }

    func publish(_ messages: [Message], now: Int64) {
        guard !messages.isEmpty else { return }
        let subs: [Subscriber] = lock.withLock {
            history += messages
            if history.count > Self.historySize { history.removeFirst(history.count - Self.historySize) }
            return subscribers
        }
        var ended: [ByteStream] = []
        for s in subs {
            for m in messages where Self.matches(m, s.filters) && (s.until == nil || m.timeNano <= s.until!) {
                s.stream.write(m.json + "\n")
            }
            if let until = s.until, now >= until {
                s.stream.finish()
                ended.append(s.stream)
            }
        }
        if !ended.isEmpty {
            lock.withLock { subscribers.removeAll { s in ended.contains { $0 === s.stream } } }
        }
    }

    func closeAll() {
        let subs = lock.withLock { defer { subscribers = [] }; return subscribers }
        for s in subs { s.stream.finish() }
    }

    /// The events between two states of the host, in the order dockerd emits them.
    func record(before: Engine, after: Engine) {
        let now = after.clock.nanoseconds
        var creates: [Message] = [], starts: [Message] = [], dies: [Message] = [], destroys: [Message] = []
        var netCreates: [Message] = [], netDestroys: [Message] = [], connects: [Message] = [], disconnects: [Message] = []
        func containerAttributes(_ c: Container) -> [String: String] {
            var a = c.labels
            a["image"] = c.imageReference
            a["name"] = c.name
            return a
        }
        for c in after.allContainers {
            guard let old = before.containers[c.id] else {
                creates.append(Message(type: "container", action: "create", actorID: c.id, attributes: containerAttributes(c), timeNano: now))
                if c.isRunning { starts.append(Message(type: "container", action: "start", actorID: c.id, attributes: containerAttributes(c), timeNano: now)) }
                continue
            }
            if !old.isRunning && c.isRunning || (old.isRunning && c.isRunning && old.startedAt != c.startedAt) {
                starts.append(Message(type: "container", action: "start", actorID: c.id, attributes: containerAttributes(c), timeNano: now))
            }
            if old.isRunning && !c.isRunning, case .exited(let code) = c.state {
                var a = containerAttributes(c)
                a["exitCode"] = String(code)
                dies.append(Message(type: "container", action: "die", actorID: c.id, attributes: a, timeNano: now))
            }
        }
        for c in before.allContainers where after.containers[c.id] == nil {
            if c.isRunning {
                dies.append(Message(type: "container", action: "die", actorID: c.id, attributes: containerAttributes(c), timeNano: now))
            }
            destroys.append(Message(type: "container", action: "destroy", actorID: c.id, attributes: containerAttributes(c), timeNano: now))
        }
        for n in after.allNetworks where before.networks[n.id] == nil {
            netCreates.append(Message(type: "network", action: "create", actorID: n.id, attributes: ["name": n.name, "type": n.driver.rawValue], timeNano: now))
        }
        for n in before.allNetworks where after.networks[n.id] == nil {
            netDestroys.append(Message(type: "network", action: "destroy", actorID: n.id, attributes: ["name": n.name, "type": n.driver.rawValue], timeNano: now))
        }
        for (id, ep) in after.endpoints.sorted(by: { $0.key < $1.key }) where before.endpoints[id] == nil {
            guard let n = after.networks[ep.networkID] else { continue }
            connects.append(Message(type: "network", action: "connect", actorID: n.id,
                                    attributes: ["container": ep.containerID, "name": n.name, "type": n.driver.rawValue], timeNano: now))
        }
        for (id, ep) in before.endpoints.sorted(by: { $0.key < $1.key }) where after.endpoints[id] == nil {
            guard let n = before.networks[ep.networkID] else { continue }
            disconnects.append(Message(type: "network", action: "disconnect", actorID: n.id,
                                       attributes: ["container": ep.containerID, "name": n.name, "type": n.driver.rawValue], timeNano: now))
        }
        publish(netCreates + creates + connects + starts + dies + disconnects + destroys + netDestroys, now: now)
    }
}
