/// An error the simulated daemon returns, with the HTTP status class Docker gives it.
///
/// `message` is exactly the daemon's text; the CLI layer adds
/// `Error response from daemon: ` as the real CLI does.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case notFound        // 404
        case invalidParameter // 400
        case conflict        // 409
        case forbidden       // 403
        case system          // 500
        /// Something Docker does that cnmlab does not simulate.
        case notSimulated
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
