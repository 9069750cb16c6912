import CNMSim

/// `docker logs [--tail N] [-t] [--since T] CONTAINER` (docker/cli v28.2.2 cli/command/container/logs.go;
/// moby v28.2.2 daemon/logs.go, api/server/httputils/write_log_stream.go): the container's log lines,
/// stdout ones on stdout and stderr ones on stderr. `--tail` keeps the last N lines (anything that
/// is not a number means all, as `strconv.Atoi` failing does in the daemon); `--since` drops lines
/// older than a timestamp or a duration ago on the simulated clock; `-t` prefixes each line with its
/// time in `RFC3339NanoFixed`. Following (`-f`), `--until` and `--details` are not simulated.
enum LogsCommand {
    static let spec = DockerCommandSpec(
        path: "docker logs", useLine: "docker logs [OPTIONS] CONTAINER",
        flags: [.bool("details"), .bool("follow", "f"), .string("since"), .string("tail", "n", default: "all"),
                .bool("timestamps", "t"), .string("until")],
        arity: .exact(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.at(path).parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        if flags.bool("follow") { return NotSimulated.feature("docker logs -f (following a container's output)") }
        if !flags.string("until").isEmpty { return NotSimulated.feature("docker logs --until") }
        if flags.bool("details") { return NotSimulated.feature("docker logs --details") }
        let c: Container
        switch engine.findContainer(flags.positionals[0]) {
        case .failure(let e): return DaemonError.output(e)
        case .success(let found): c = found
        }
        var lines = c.logs
        if let n = Int(flags.string("tail")), n >= 0 { lines = Array(lines.suffix(n)) }
        let since = flags.string("since")
        if !since.isEmpty {
            guard let start = sinceTime(since, now: engine.clock) else {
                return NotSimulated.feature("docker logs --since \(since) (this form of time)")
            }
            lines = lines.filter { $0.time >= start }
        }
        var out = CommandOutput()
        for line in lines {
            let text = (flags.bool("timestamps") ? rfc3339NanoFixed(line.time) + " " : "") + line.text + "\n"
            if line.stream == .stdout { out.stdout += text } else { out.stderr += text }
        }
        return out
    }

    /// `timetypes.GetTimestamp`: a Go duration before `now` (`10s`, `1m30s`, `2h`), Unix seconds
    /// (`1748772000`, `1748772000.5`), or an RFC 3339 time in UTC (`2025-06-01T10:00:00Z`).
    static func sinceTime(_ value: String, now: SimTime) -> SimTime? {
        if let d = goDuration(value) { return now.adding(nanoseconds: -d) }
        let parts = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if let secs = Int64(parts[0]), parts[0].allSatisfy(\.isNumber) {
            var nanos: Int64 = 0
            if parts.count == 2 {
                let digits = String(parts[1].prefix(9))
                guard digits.allSatisfy(\.isNumber), let f = Int64(digits) else { return nil }
                nanos = f * Int64(pow10(9 - digits.count))
            }
            let (s, o) = secs.multipliedReportingOverflow(by: 1_000_000_000)
            return o ? nil : SimTime(nanoseconds: s &+ nanos)
        }
        let b = Array(value.utf8)
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90,
              let y = Int(value.prefix(4)), let mo = Int(value.dropFirst(5).prefix(2)), let d = Int(value.dropFirst(8).prefix(2)),
              let h = Int(value.dropFirst(11).prefix(2)), let mi = Int(value.dropFirst(14).prefix(2)),
              let s = Int(value.dropFirst(17).prefix(2)), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        return SimTime(nanoseconds: GoTime.nanoseconds(year: y, month: mo, day: d, hour: h, minute: mi, second: s, nanosecond: 0))
    }

    static func pow10(_ n: Int) -> Int { (0..<max(0, n)).reduce(1) { r, _ in r * 10 } }

    /// Go's `time.ParseDuration` for non-negative values made of `h`, `m`, `s`, `ms` parts with integer amounts.
    static func goDuration(_ s: String) -> Int64? {
        var rest = Substring(s)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 12, let n = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit: Int64
            if rest.hasPrefix("ms") { unit = 1_000_000; rest = rest.dropFirst(2) }
            else if rest.hasPrefix("h") { unit = 3_600_000_000_000; rest = rest.dropFirst() }
            else if rest.hasPrefix("m") { unit = 60_000_000_000; rest = rest.dropFirst() }
            else if rest.hasPrefix("s") { unit = 1_000_000_000; rest = rest.dropFirst() }
            else { return nil }
            let (v, o) = n.multipliedReportingOverflow(by: unit)
            guard !o else { return nil }
            total = total &+ v
        }
        return total
    }

    /// `jsonmessage.RFC3339NanoFixed` in UTC: nine fraction digits always (`2025-06-01T10:00:02.000000000Z`).
    static func rfc3339NanoFixed(_ t: SimTime) -> String {
        let c = t.components
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.nano, 9))Z"
    }
}
