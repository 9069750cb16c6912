import CNMCommands
import CNMSim
import NIOCore
import NIOHTTP1
import NIOPosix

/// The Docker Engine API (1.50, and the lower versions a client negotiates down to)
/// served on a unix socket over a simulated host, so the real docker CLI, docker-py
/// or any other client drives cnmlab as it drives dockerd.
///
/// HTTP comes from SwiftNIO; each request is answered by `Router` on one worker thread
/// (the simulator is a value and is only ever touched from there, through `EngineHost`).
public final class EngineServer: @unchecked Sendable {
    public let socketPath: String
    let host: EngineHost
    let state: EngineState
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private var channel: Channel?
    private var socketIdentity: (UInt64, UInt64)?
    private var stopped = false

    /// - Parameters:
    ///   - seed: seeds what the engine makes up itself (exec IDs); the host's simulator has its own seed.
    public init(host: EngineHost, socketPath: String, seed: UInt64 = 0) {
        self.host = host
        self.socketPath = socketPath
        self.state = EngineState(seed: seed)
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.pool = NIOThreadPool(numberOfThreads: 1)
    }

    /// Binds the socket (replacing a stale one, refusing a live one) and starts serving.
    public func start() throws {
        try SocketFile.prepare(socketPath)
        pool.start()
        let router = Router(host: host, state: state, pool: pool)
        let pool = self.pool
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 128)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let encoderName = "http-encoder", decoderName = "http-decoder"
                    let dispatch: @Sendable (APIRequest, EventLoop) -> EventLoopFuture<APIResponse> = { request, loop in
                        pool.runIfActive(eventLoop: loop) { router.handle(request) }
                    }
                    try channel.pipeline.syncOperations.addHandler(HTTPResponseEncoder(), name: encoderName)
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes)), name: decoderName)
                    try channel.pipeline.syncOperations.addHandler(
                        APIChannelHandler(encoderName: encoderName, decoderName: decoderName, dispatch: dispatch))
                }
            }
        do {
            channel = try SocketFile.withPrivateUmask {
                try bootstrap.bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: false).wait()
            }
        } catch {
            try? pool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw error
        }
        SocketFile.restrict(socketPath)
        socketIdentity = SocketFile.identity(socketPath)
    }

    /// Stops serving: open streams end, the socket file is removed.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        state.closeAllStreams()
        try? channel?.close().wait()
        SocketFile.remove(socketPath, identity: socketIdentity)
        try? pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }

    /// Blocks until the server channel closes (after `stop()`).
    public func waitUntilClosed() {
        try? channel?.closeFuture.wait()
    }

    /// The host changed outside the API (a line typed in the shell): waits and event streams catch up.
    public func hostDidChange(from before: Simulator, to after: Simulator) {
        state.settle(before: before, after: after, exitHints: [:])
    }
}
