import CNMSim

/// What curl 7.88.1 writes to stderr besides its error line: the `-v` trace and the progress
/// meter, in the order libcurl writes them.
///
/// - `-v` (curl-7_88_1 `src/tool_cb_dbg.c`, TRACE_PLAIN): informational lines as `* text`, request
///   headers as `> ` and response headers as `< ` with the header's own CRLF, and for the body
///   `{ [N bytes data]` once, only when standard output is not a terminal. The texts:
///   `lib/cf-socket.c` (`  Trying %s:%d...`, `connect to %s port %u failed: %s`), `lib/url.c`
///   (`Connected to %s (%s) port %u (#%ld)`, `Closing connection %ld`), `lib/connect.c`
///   (`Failed to connect to … after … ms: …`, a failf, which the trace shows too), `lib/multi.c`
///   (`Connection #%ld to host %s left intact`).
/// - The meter (`lib/progress.c` `progress_meter`, `max5data`, `time2str`, `trspeed`,
///   `progress_calc`, `Curl_pgrsDone`): drawn unless `-s`, when standard output is not a terminal or
///   the body goes to a file. Its two header lines, a first line of zeros before the connection,
///   one line each time the wall-clock second changes while curl waits, the final forced line
///   and a newline; each line starts with `\r`. Speeds come from the simulated transfer time.
/// Checked against Debian 12's curl 7.88.1 (7.88.1-10+deb12u14) on loopback.
struct CurlTrace {
    var verbose: Bool
    var meter: Bool
    /// Whether standard output is a terminal (no `{ [N bytes data]` then).
    var stdoutIsTerminal: Bool
    var text = ""
    /// Whether the meter's line is open (the next trace text continues it).
    var started = false

    static let version = "7.88.1"
    static let userAgent = "curl/7.88.1"

    mutating func info(_ s: String) { if verbose { text += "* " + s + "\n" } }

    /// The meter's header and its first line, as the transfer begins.
    mutating func begin() {
        guard meter else { return }
        text += "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
        text += Self.line(total: 0, downloaded: 0, sizeKnown: false, spentMicros: 0, currentSpeed: 0)
    }

    /// Meter lines while curl waits `seconds` from `start` without data (one per second change).
    mutating func wait(from start: SimTime, seconds: Int64) {
        guard meter, seconds > 0 else { return }
        let frac = start.nanoseconds % 1_000_000_000
        let startNs = start.nanoseconds
        var boundary = startNs - frac + 1_000_000_000
        let end = startNs + seconds * 1_000_000_000
        while boundary <= end {
            let spent = (boundary - startNs) / 1000
            text += Self.line(total: 0, downloaded: 0, sizeKnown: false, spentMicros: spent, currentSpeed: 0)
            boundary += 1_000_000_000
        }
    }

    /// The final (forced) meter line and its newline.
    mutating func done(total: Int, downloaded: Int, sizeKnown: Bool, spentMicros: Int64) {
        guard meter else { return }
        let spanMs = max(1, spentMicros / 1000)
        let current = Int64(downloaded) * 1000 / spanMs
        text += Self.line(total: total, downloaded: downloaded, sizeKnown: sizeKnown, spentMicros: spentMicros,
                          currentSpeed: downloaded == 0 ? 0 : current) + "\n"
    }

    mutating func request(method: String, path: String, hostHeader: String) {
        guard verbose else { return }
        for h in ["\(method) \(path) HTTP/1.1", "Host: \(hostHeader)", "User-Agent: \(Self.userAgent)", "Accept: */*", ""] {
            text += "> " + h + "\r\n"
        }
    }

    mutating func response(_ headerText: String) {
        guard verbose else { return }
        // "\r\n" is one Character in Swift: the lines are what lies between them (the last is the blank line).
        let lines = headerText.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        for line in lines { text += "< " + line + "\r\n" }
    }

    mutating func bodyData(_ bytes: Int) {
        if verbose && !stdoutIsTerminal && bytes > 0 { text += "{ [\(bytes) bytes data]\n" }
    }

    /// One meter line (`\r` first, no newline).
    static func line(total: Int, downloaded: Int, sizeKnown: Bool, spentMicros: Int64, currentSpeed: Int64) -> String {
        let d = Int64(downloaded)
        let dlspeed: Int64 = spentMicros < 1 ? d * 1_000_000 : d * 1_000_000 / spentMicros
        var dlpercen: Int64 = 0
        if sizeKnown && dlspeed > 0 && total > 0 {
            dlpercen = total > 10000 ? d / (Int64(total) / 100) : d * 100 / Int64(total)
        }
        let expected = Int64(sizeKnown ? total : downloaded)
        var totalPercen: Int64 = 0
        if expected > 10000 { totalPercen = d / (expected / 100) } else if expected > 0 { totalPercen = d * 100 / expected }
        let estimate = sizeKnown && dlspeed > 0 ? Int64(total) / dlspeed : 0
        let spent = spentMicros / 1_000_000
        func p3(_ v: Int64) -> String { let s = String(v); return String(repeating: " ", count: max(0, 3 - s.count)) + s }
        return "\r" + p3(totalPercen) + " " + max5(expected) + "  " + p3(dlpercen) + " " + max5(d) + "  " + p3(0) + " " + max5(0)
            + "  " + max5(dlspeed) + "  " + max5(0) + " " + time2str(estimate) + " " + time2str(spent) + " "
            + time2str(estimate > 0 ? estimate - spent : 0) + " " + max5(currentSpeed)
    }

    /// `max5data` up to the megabytes (the simulated pages are small).
    static func max5(_ bytes: Int64) -> String {
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        if bytes < 100_000 { return pad(String(bytes), 5) }
        if bytes < 10_000 * 1024 { return pad(String(bytes / 1024), 4) + "k" }
        let mb: Int64 = 1024 * 1024
        if bytes < 100 * mb { return pad(String(bytes / mb), 2) + "." + String((bytes % mb) / (mb / 10)) + "M" }
        return pad(String(bytes / mb), 4) + "M"
    }

    static func time2str(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "--:--:--" }
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        guard h <= 99 else {
            let d = seconds / 86400
            let hh = (seconds % 86400) / 3600
            return d <= 999 ? String(repeating: " ", count: max(0, 3 - String(d).count)) + "\(d)d " + (hh < 10 ? "0" : "") + "\(hh)h"
                : String(repeating: " ", count: max(0, 7 - String(d).count)) + "\(d)d"
        }
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return (h < 10 ? " " : "") + "\(h):" + two(m) + ":" + two(s)
    }
}
