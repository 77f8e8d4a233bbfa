import Testing
import ProtoRuntime
import Synchronization
@testable import RPC

/// Collects what a handler writes, as a transport would.
final class CollectingSink: ServerResponseSink {
    let written = Mutex<[[UInt8]]>([])
    var messages: [[UInt8]] { written.withLock { $0 } }
    func write(framed message: [UInt8]) async throws {
        written.withLock { $0.append(message) }
    }
}

/// A request source over a fixed list, as a transport's stream would deliver them.
final class ListSource: ServerRequestSource {
    let remaining: Mutex<[[UInt8]]>
    init(_ messages: [[UInt8]]) { remaining = Mutex(messages) }
    func next() async throws -> [UInt8]? {
        remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}

private let echo = MethodDescriptor(service: "test.Echo", method: "Say", kind: .unary)

private func context(_ method: MethodDescriptor = echo, metadata: Metadata = Metadata()) -> ServerContext {
    ServerContext(method: method, metadata: metadata, deadline: nil, peer: "ipv4:127.0.0.1:1")
}

@Suite struct ServerHandlerTests {
    @Test func unaryHandlerDecodesAndFramesResponse() async throws {
        let handler = ServerMethodHandler.unary { (req: RichStatus, _) in
            RichStatus(code: req.code + 1, message: req.message.uppercased())
        }
        let sink = CollectingSink()
        try await handler.run(.single(RichStatus(code: 1, message: "hi").serializedBytes()), sink, context())
        #expect(sink.messages == [MessageFraming.frame(message: RichStatus(code: 2, message: "HI"))])
    }

    @Test func undecodableRequestIsInvalidArgumentNamingTheField() async {
        let handler = ServerMethodHandler.unary { (req: RichStatus, _) in req }
        // Field 2 (message) declares 5 bytes but only 1 follows.
        do {
            try await handler.run(.single([0x12, 0x05, 0x41]), CollectingSink(), context())
            Issue.record("expected a throw")
        } catch let status as Status {
            #expect(status.code == .invalidArgument)
            #expect(status.message.contains("message"), "\(status.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func clientStreamingReadsEveryRequest() async throws {
        let handler = ServerMethodHandler.clientStreaming { (requests: RequestStream<RichStatus>, _) in
            var sum: Int32 = 0
            for try await r in requests { sum += r.code }
            return RichStatus(code: sum, message: "")
        }
        let source = ListSource([1, 2, 3].map { RichStatus(code: $0, message: "").serializedBytes() })
        let sink = CollectingSink()
        try await handler.run(.stream(source), sink, context())
        #expect(sink.messages == [MessageFraming.frame(message: RichStatus(code: 6, message: ""))])
    }

    @Test func serverStreamingWritesEachResponse() async throws {
        let handler = ServerMethodHandler.serverStreaming { (req: RichStatus, out: ResponseWriter<RichStatus>, _) in
            for i in 0..<req.code { try await out.write(RichStatus(code: i, message: "")) }
        }
        let sink = CollectingSink()
        try await handler.run(.single(RichStatus(code: 3, message: "").serializedBytes()), sink, context())
        #expect(sink.messages.count == 3)
    }

    @Test func interceptorsRunOutermostFirstAndCanRefuse() async throws {
        final class Log: Sendable {
            let lines = Mutex<[String]>([])
            var all: [String] { lines.withLock { $0 } }
        }
        struct Recorder: ServerInterceptor {
            let name: String
            let log: Log
            func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
                log.lines.withLock { $0.append("enter \(name)") }
                try await next(context)
                log.lines.withLock { $0.append("leave \(name)") }
            }
        }
        struct RequireToken: ServerInterceptor {
            func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
                guard context.metadata.first("authorization") != nil else { throw Status(.unauthenticated, "no token") }
                try await next(context)
            }
        }
        let log = Log()
        let chain = ServerInterceptorChain([Recorder(name: "a", log: log), Recorder(name: "b", log: log)])
        try await chain.run(context: context()) { _ in log.lines.withLock { $0.append("handler") } }
        #expect(log.all == ["enter a", "enter b", "handler", "leave b", "leave a"])

        let guarded = ServerInterceptorChain([RequireToken()])
        await #expect(throws: Status(.unauthenticated, "no token")) {
            try await guarded.run(context: context()) { _ in Issue.record("handler must not run") }
        }
        try await guarded.run(context: context(metadata: Metadata(["authorization": "Bearer t"]))) { _ in }
    }

    @Test func routerFindsMethodsByPath() {
        struct Svc: RPCService {
            var methods: [ServerMethod] {
                [ServerMethod(echo, .unary { (r: RichStatus, _) in r })]
            }
        }
        let router = ServiceRouter(services: [Svc()])
        #expect(router.method(forPath: "/test.Echo/Say")?.descriptor == echo)
        #expect(router.method(forPath: "/test.Echo/Nope") == nil)
        #expect(router.serviceNames == ["test.Echo"])
    }
}

@Test func responsesAreCompressedOnlyWithAnEncodingTheClientAccepts() throws {
    let method = MethodDescriptor(service: "t.S", method: "M", kind: .unary)
    let plain = ServerContext(method: method, metadata: Metadata(), deadline: nil, peer: "p")
    #expect(!plain.compressResponses(with: .gzip))
    #expect(plain.responseCompression == .identity)

    let accepting = ServerContext(method: method, metadata: Metadata(), deadline: nil, peer: "p", acceptedEncodings: [.gzip])
    #expect(accepting.compressResponses(with: .gzip))
    #expect(accepting.responseCompression == .gzip)

    var message = RichStatus(code: 3, message: String(repeating: "压缩", count: 200))
    message.details = []
    let framed = MessageFraming.frame(message: message, compression: .gzip)
    #expect(framed[0] == 1)
    let body = Array(framed[MessageFraming.headerSize...])
    #expect(body.count < message.encodedSize())
    let back = try RichStatus(serializedBytes: try CompressionAlgorithm.gzip.decompress(body, limit: 1 << 20))
    #expect(back == message)
}
