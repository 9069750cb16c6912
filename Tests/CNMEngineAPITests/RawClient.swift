import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare unix-socket client for tests that need what no docker client sends: malformed
/// bodies, unknown versions, half-read streams, abrupt disconnects. Every read has a deadline.
final class RawClient {
    let fd: Int32

    init?(path: String) {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if rc != 0 { close(fd); return nil }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads until `done` says the bytes so far are complete, the peer closes, or 5 s pass.
    func read(until done: ([UInt8]) -> Bool = { _ in false }) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !done(out) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// One request; reads one response with a Content-Length body (or until close).
    func request(_ method: String, _ path: String, body: String? = nil, headers: [String] = []) -> (status: Int, head: String, body: String) {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: api.moby.localhost\r\n"
        for h in headers { text += h + "\r\n" }
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body } else { text += "\r\n" }
        send(text)
        let raw = read { bytes in Self.complete(bytes) }
        return Self.parse(raw)
    }

    static func complete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<end.lowerBound].lowercased()
        guard let cl = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }) else {
            return head.hasPrefix("http/1.1 204") || head.hasPrefix("http/1.1 304") || head.hasPrefix("http/1.1 101")
        }
        let n = Int(cl.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        return text.utf8.count - text[..<end.upperBound].utf8.count >= n
    }

    static func parse(_ raw: [UInt8]) -> (status: Int, head: String, body: String) {
        let text = String(decoding: raw, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return (0, text, "") }
        let head = String(text[..<end.lowerBound])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, String(text[end.upperBound...]))
    }
}
