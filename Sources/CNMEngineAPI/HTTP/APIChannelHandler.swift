import NIOCore
import NIOHTTP1

/// One client connection: HTTP/1.1 requests decoded by NIOHTTP1, each answered in turn
/// (keep-alive), streams written as they come, and a hijack handing the connection over
/// to raw bytes. The router's work runs off the event loop (`dispatch`), so a slow
/// simulator step never stalls other connections.
final class APIChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Largest request body accepted; moby sets none, the docker CLI sends a few kB at most.
    static let maxBody = 1 << 20

    private let dispatch: @Sendable (APIRequest, EventLoop) -> EventLoopFuture<APIResponse>
    private let encoderName: String
    private let decoderName: String
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false
    /// A request is being answered; later requests on the connection wait (no pipelining).
    private var busy = false
    private var queued: [(HTTPRequestHead, [UInt8], Bool)] = []
    private var inputClosed = false
    private var activeStream: ByteStream?

    init(encoderName: String, decoderName: String,
         dispatch: @escaping @Sendable (APIRequest, EventLoop) -> EventLoopFuture<APIResponse>) {
        self.encoderName = encoderName
        self.decoderName = decoderName
        self.dispatch = dispatch
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            tooLarge = false
        case .body(var chunk):
            if body.count + chunk.readableBytes > Self.maxBody {
                tooLarge = true
            } else if let bytes = chunk.readBytes(length: chunk.readableBytes) {
                body += bytes
            }
        case .end:
            guard let h = head else { return }
            head = nil
            queued.append((h, body, tooLarge))
            body = []
            serveNext(context: context)
        }
    }

    private func serveNext(context: ChannelHandlerContext) {
        guard !busy, !queued.isEmpty else { return }
        let (h, bytes, oversized) = queued.removeFirst()
        busy = true
        let headers = h.headers.map { ($0.name, $0.value) }
        let request = APIRequest(method: h.method.rawValue, uri: h.uri, headers: headers, body: bytes)
        let keepAlive = h.isKeepAlive
        let future: EventLoopFuture<APIResponse>
        if oversized {
            // Go's http.MaxBytesReader wording; moby itself reads any size.
            future = context.eventLoop.makeSucceededFuture(.error(HTTPStatus.payloadTooLarge, "http: request body too large"))
        } else {
            future = dispatch(request, context.eventLoop)
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        future.whenComplete { result in
            let (handler, context) = loopBound.value
            switch result {
            case .success(let response):
                handler.send(response, head: h, keepAlive: keepAlive, context: context)
            case .failure:
                handler.send(.error(HTTPStatus.serverError, "internal error"), head: h, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func responseHead(_ status: Int, version: HTTPVersion, contentType: String?, extra: [(String, String)] = []) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Api-Version", value: EngineVersion.api)
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        headers.add(name: "Docker-Experimental", value: "false")
        headers.add(name: "Ostype", value: "linux")
        headers.add(name: "Server", value: "Docker/\(EngineVersion.engine) (linux)")
        for (k, v) in extra { headers.add(name: k, value: v) }
        return HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
    }

    private func send(_ response: APIResponse, head h: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch response {
        case .full(let status, let contentType, let bytes):
            var extra: [(String, String)] = []
            if h.method == .HEAD && h.uri.hasSuffix("_ping") {
                extra = [("Builder-Version", "2"), ("Cache-Control", "no-cache, no-store, must-revalidate"), ("Pragma", "no-cache"), ("Swarm", "inactive")]
            }
            var head = responseHead(status, version: h.version, contentType: contentType, extra: extra)
            if status != 204 && status != 304 && status / 100 != 1 {
                head.headers.add(name: "Content-Length", value: String(bytes.count))
            }
            if !keepAlive { head.headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if !bytes.isEmpty && h.method != .HEAD {
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
            }
            finishResponse(context: context, keepAlive: keepAlive)
        case .stream(let status, let contentType, let stream):
            // Headers go out now (docker's ContainerWait blocks until it has them); chunks follow.
            let head = responseHead(status, version: h.version, contentType: contentType)
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
            activeStream = stream
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let loop = context.eventLoop
            stream.bind { event in
                loop.execute {
                    let (handler, context) = loopBound.value
                    guard handler.activeStream === stream else { return }
                    switch event {
                    case .bytes(let bytes):
                        let buffer = context.channel.allocator.buffer(bytes: bytes)
                        context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
                    case .end:
                        handler.activeStream = nil
                        handler.finishResponse(context: context, keepAlive: keepAlive)
                    }
                }
            }
        case .hijack(let session):
            upgrade(session, head: h, context: context)
        }
    }

    private func finishResponse(context: ChannelHandlerContext, keepAlive: Bool) {
        let closeAfter = !keepAlive || inputClosed
        let promise: EventLoopPromise<Void>? = closeAfter ? context.eventLoop.makePromise() : nil
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
        busy = false
        if closeAfter {
            let channel = context.channel
            promise?.futureResult.whenComplete { _ in channel.close(promise: nil) }
            return
        }
        serveNext(context: context)
    }

    /// `101 UPGRADED`, then the connection carries raw bytes (moby v28.2.2 api/server/router/container/exec.go, attach).
    private func upgrade(_ session: HijackSession, head h: HTTPRequestHead, context: ChannelHandlerContext) {
        var head = responseHead(101, version: h.version, contentType: session.contentType)
        head.status = .custom(code: 101, reasonPhrase: "UPGRADED")
        head.headers.add(name: "Connection", value: "Upgrade")
        head.headers.add(name: "Upgrade", value: "tcp")
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
        let pipeline = context.pipeline
        let raw = HijackedChannelHandler(session: session, inputAlreadyClosed: inputClosed)
        do {
            try pipeline.syncOperations.addHandler(raw)
            pipeline.syncOperations.removeHandler(context: context, promise: nil)
            pipeline.syncOperations.removeHandler(name: encoderName, promise: nil)
            pipeline.syncOperations.removeHandler(name: decoderName, promise: nil)
        } catch {
            session.output.cancel()
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed {
            inputClosed = true
            if !busy && queued.isEmpty { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        activeStream?.cancel()
        activeStream = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A request NIOHTTP1 cannot parse: Go's net/http answers 400 and closes.
        if error is HTTPParserError, !busy {
            var head = HTTPResponseHead(version: .http1_1, status: .badRequest)
            head.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            head.headers.add(name: "Connection", value: "close")
            let text = "400 Bad Request"
            head.headers.add(name: "Content-Length", value: String(text.utf8.count))
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
            return
        }
        activeStream?.cancel()
        context.close(promise: nil)
    }
}

/// The connection after a hijack: client bytes are standard input, the session's output
/// goes out as it comes, and the end of output closes the write side (the client reads EOF).
final class HijackedChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let session: HijackSession
    private var inputAlreadyClosed: Bool
    private var outputDone = false
    private var inputDone = false

    init(session: HijackSession, inputAlreadyClosed: Bool) {
        self.session = session
        self.inputAlreadyClosed = inputAlreadyClosed
    }

    /// Output waits this long after the 101 unless the client half-closes first (the docker CLI
    /// does at once): a client that reads the 101 through a buffered reader (Python's http.client,
    /// under docker-py) would otherwise swallow output that arrived with it.
    static let outputDelay = TimeAmount.milliseconds(50)
    private var outputBound = false
    private var delayTask: Scheduled<Void>?

    func handlerAdded(context: ChannelHandlerContext) {
        if inputAlreadyClosed {
            inputDone = true
            session.endOfInput()
            bindOutput(context: context)
            return
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        delayTask = context.eventLoop.scheduleTask(in: Self.outputDelay) {
            let (handler, context) = loopBound.value
            handler.bindOutput(context: context)
        }
    }

    private func bindOutput(context: ChannelHandlerContext) {
        guard !outputBound else { return }
        outputBound = true
        delayTask?.cancel()
        delayTask = nil
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let loop = context.eventLoop
        session.output.bind { event in
            loop.execute {
                let (handler, context) = loopBound.value
                guard context.channel.isActive else { return }
                switch event {
                case .bytes(let bytes):
                    context.writeAndFlush(handler.wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
                case .end:
                    handler.outputDone = true
                    // Half-close: the CLI reads EOF, then asks for the exit code on another connection.
                    let channel = context.channel
                    let inputDone = handler.inputDone
                    channel.close(mode: .output).whenComplete { _ in
                        if inputDone { channel.close(promise: nil) }
                    }
                }
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes) { session.received(bytes) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed {
            // The docker CLI half-closes at once when it has no standard input: not a disconnect.
            inputDone = true
            session.endOfInput()
            bindOutput(context: context)
            if outputDone { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        delayTask?.cancel()
        session.endOfInput()
        session.output.cancel()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        session.output.cancel()
        context.close(promise: nil)
    }
}
