/// What a client sees when it sends a query to one server address.
public enum DNSServerReply: Sendable, Hashable {
    /// The server answered (possibly with an error code).
    case response(DNSResponse)
    /// Nothing answered before the client's timeout (no server there, or packets dropped).
    case timeout
    /// The client's namespace has no route to the server (`connect: Network is unreachable`).
    case networkUnreachable
    /// Nothing listens on that (loopback) address: the kernel answers ICMP port unreachable.
    case connectionRefused
}
