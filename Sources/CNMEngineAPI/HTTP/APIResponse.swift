import CNMCommands
/// What the engine answers to one request. Most answers are a status and a body;
/// some keep the connection: a stream that stays open (`/events`, a pull's progress),
/// headers now and the body later (`/wait`), or a hijacked connection (`attach`, `exec start`).
public enum APIResponse: Sendable {
    /// A complete answer.
    case full(status: Int, contentType: String?, body: [UInt8])
    /// Status and headers at once, then chunks from the stream until it finishes.
    case stream(status: Int, contentType: String, ByteStream)
    /// `101 UPGRADED`, then raw bytes both ways.
    case hijack(HijackSession)

    /// A JSON body as moby's `httputils.WriteJSON` writes it: compact, HTML not escaped, a newline after it.
    static func json(_ status: Int, _ text: String) -> APIResponse {
        .full(status: status, contentType: "application/json", body: Array((text + "\n").utf8))
    }

    /// An error as moby sends it: `{"message":"…"}`.
    public static func error(_ status: Int, _ message: String) -> APIResponse {
        json(status, "{\"message\":" + JSONText.quote(message) + "}")
    }

    static func empty(_ status: Int) -> APIResponse {
        .full(status: status, contentType: nil, body: [])
    }

    static func text(_ status: Int, _ text: String) -> APIResponse {
        .full(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// The status code, for logs and tests.
    public var status: Int {
        switch self {
        case .full(let s, _, _), .stream(let s, _, _): return s
        case .hijack: return 101
        }
    }
}

/// moby's error classes (errdefs) and the status each gets (api/server/httpstatus/status.go).
enum HTTPStatus {
    static let ok = 200, created = 201, noContent = 204, notModified = 304
    static let badRequest = 400, forbidden = 403, notFound = 404, conflict = 409
    static let payloadTooLarge = 413, serverError = 500, notImplemented = 501, serviceUnavailable = 503
}

/// JSON text helpers for bodies built by hand.
enum JSONText {
    /// A JSON string as moby writes it: Go's escaping, HTML left as it is (api/server/httputils
    /// `WriteJSON` turns `SetEscapeHTML` off).
    static func quote(_ s: String) -> String { GoJSON.quote(s) }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func strings(_ items: [String]?) -> String {
        guard let items else { return "null" }
        return array(items.map(quote))
    }

    /// An object from (key, raw JSON value) pairs, in the order given.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func stringMap(_ m: [String: String]?) -> String {
        guard let m else { return "null" }
        return object(m.sorted { $0.key < $1.key }.map { ($0.key, quote($0.value)) })
    }
}
