import NIOConcurrencyHelpers

/// Bytes an answer sends over time: a pull's progress lines, `/events`, the body of
/// `/wait` once the container stops, a hijacked stream's output. Writers never block:
/// bytes written before the connection takes the stream are kept and sent first.
/// When the client goes away the stream is cancelled and later writes are dropped.
public final class ByteStream: @unchecked Sendable {
    public enum Event: Sendable {
        case bytes([UInt8])
        case end
    }

    private let lock = NIOLock()
    private var pending: [Event] = []
    private var sink: (@Sendable (Event) -> Void)?
    private var ended = false
    private var cancelled = false
    private var cancelHandlers: [@Sendable () -> Void] = []

    public init() {}

    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        deliver(.bytes(bytes))
    }

    public func write(_ text: String) { write(Array(text.utf8)) }

    /// No more bytes: the connection ends the body (or closes its write side after a hijack).
    public func finish() {
        lock.withLock {
            guard !ended, !cancelled else { return }
            ended = true
            if let sink { sink(.end) } else { pending.append(.end) }
        }
    }

    private func deliver(_ event: Event) {
        lock.withLock {
            guard !ended, !cancelled else { return }
            if let sink { sink(event) } else { pending.append(event) }
        }
    }

    /// The connection takes the stream; events already written are delivered first, in order.
    func bind(_ newSink: @escaping @Sendable (Event) -> Void) {
        lock.withLock {
            for e in pending { newSink(e) }
            pending = []
            sink = newSink
        }
    }

    /// The client went away: later writes are dropped and the cancel handlers run once.
    func cancel() {
        let handlers: [@Sendable () -> Void] = lock.withLock {
            guard !cancelled else { return [] }
            cancelled = true
            sink = nil
            pending = []
            defer { cancelHandlers = [] }
            return cancelHandlers
        }
        for h in handlers { h() }
    }

    public var isFinished: Bool { lock.withLock { ended || cancelled } }

    /// Runs `handler` if the client goes away before the stream finishes.
    public func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow: Bool = lock.withLock {
            if cancelled { return true }
            cancelHandlers.append(handler)
            return false
        }
        if runNow { handler() }
    }
}

/// A hijacked connection (`POST /containers/{id}/attach`, `POST /exec/{id}/start`): after
/// `101 UPGRADED` the engine writes `output` (stdcopy frames unless TTY) and closes its
/// write side when it is finished; bytes the client sends are its standard input.
public final class HijackSession: @unchecked Sendable {
    /// `application/vnd.docker.multiplexed-stream` or `application/vnd.docker.raw-stream` (TTY).
    public let contentType: String
    public let output = ByteStream()
    private let lock = NIOLock()
    private var input: [UInt8] = []
    private var inputEnded = false
    private var inputWaiters: [@Sendable ([UInt8]) -> Void] = []
    /// Standard input beyond this is dropped (a simulated process reads little).
    static let inputLimit = 1 << 20

    public init(tty: Bool) {
        contentType = tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream"
    }

    func received(_ bytes: [UInt8]) {
        lock.withLock {
            guard !inputEnded else { return }
            let room = Self.inputLimit - input.count
            if room > 0 { input += bytes.prefix(room) }
        }
    }

    /// The client closed its write side (or went away): standard input is complete.
    func endOfInput() {
        let (waiters, data): ([@Sendable ([UInt8]) -> Void], [UInt8]) = lock.withLock {
            guard !inputEnded else { return ([], []) }
            inputEnded = true
            defer { inputWaiters = [] }
            return (inputWaiters, input)
        }
        for w in waiters { w(data) }
    }

    /// Calls `body` with all of standard input once the client has closed it.
    public func whenInputComplete(_ body: @escaping @Sendable ([UInt8]) -> Void) {
        let ready: [UInt8]? = lock.withLock {
            if inputEnded { return input }
            inputWaiters.append(body)
            return nil
        }
        if let ready { body(ready) }
    }
}

/// docker's stdcopy framing (moby v28.2.2 pkg/stdcopy/stdcopy.go): an 8-byte header —
/// stream (1 stdout, 2 stderr), three zero bytes, big-endian length — before each chunk.
public enum StdCopy {
    public static let stdout: UInt8 = 1
    public static let stderr: UInt8 = 2

    public static func frame(_ stream: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(truncatingIfNeeded: payload.count)
        return [stream, 0, 0, 0, UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + payload
    }
}
