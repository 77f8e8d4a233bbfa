import Foundation
import HTTP2Transport
import ProtoRuntime
import RPC
import Synchronization

/// Services the transport tests call. Messages are `RichStatus` (code + message) because it is a
/// real ProtoMessage the RPC module already has; the tests only need something with fields.
typealias Msg = RichStatus

/// Signals from handlers to the test that is watching them.
final class Probe: Sendable {
    private let events = Mutex<[String]>([])
    private let waiters = Mutex<[(String, CheckedContinuation<Void, Never>)]>([])

    func record(_ event: String) {
        events.withLock { $0.append(event) }
        let ready = waiters.withLock { w -> [CheckedContinuation<Void, Never>] in
            let matching = w.filter { $0.0 == event }.map(\.1)
            w.removeAll { $0.0 == event }
            return matching
        }
        for c in ready { c.resume() }
    }

    /// Suspends until `event` has been recorded (no timeout: the suite's time limit bounds it).
    func wait(for event: String) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let seen = events.withLock { $0.contains(event) }
            if seen { return c.resume() }
            waiters.withLock { $0.append((event, c)) }
            // Re-check: the event may have landed between the two locks.
            if events.withLock({ $0.contains(event) }) {
                let mine = waiters.withLock { w -> CheckedContinuation<Void, Never>? in
                    guard let i = w.firstIndex(where: { $0.0 == event }) else { return nil }
                    return w.remove(at: i).1
                }
                mine?.resume()
            }
        }
    }
}

struct PlainError: Error {}

enum TestMethods {
    static let unary = MethodDescriptor(service: "test.Echo", method: "Unary", kind: .unary)
    static let slow = MethodDescriptor(service: "test.Echo", method: "Slow", kind: .unary)
    static let sum = MethodDescriptor(service: "test.Echo", method: "Sum", kind: .clientStreaming)
    static let bidi = MethodDescriptor(service: "test.Echo", method: "Bidi", kind: .bidirectionalStreaming)
    static let count = MethodDescriptor(service: "test.Echo", method: "Count", kind: .serverStreaming)
    static let gated = MethodDescriptor(service: "test.Echo", method: "Gated", kind: .clientStreaming)
    static let guarded = MethodDescriptor(service: "test.Guarded", method: "Get", kind: .unary)
}

struct EchoService: RPCService {
    let probe: Probe

    var methods: [ServerMethod] {
        [
            ServerMethod(TestMethods.unary, .unary { (request: Msg, context) in
                switch request.message {
                case "throw-plain": throw PlainError()
                case "throw-details":
                    throw Status(.failedPrecondition, "状态不对 100%", details: [
                        RichStatus.Detail(typeURL: "type.googleapis.com/google.rpc.ErrorInfo", value: [0x0A, 0x01, 0x58]),
                    ])
                case "metadata":
                    context.addInitialResponseMetadata("x-initial", "i")
                    context.addTrailingResponseMetadata("x-trailing", "t")
                    var echoed = request
                    echoed.message = context.metadata.first("x-caller") ?? "-"
                    return echoed
                default:
                    return request
                }
            }),
            ServerMethod(TestMethods.slow, .unary { [probe] (request: Msg, _) in
                probe.record("slow-started-\(request.code)")
                do {
                    try await Task.sleep(for: .seconds(120))
                } catch {
                    probe.record("slow-cancelled-\(request.code)")
                    throw error
                }
                return request
            }),
            ServerMethod(TestMethods.sum, .clientStreaming { (requests: RequestStream<Msg>, _) in
                var total: Int32 = 0
                var count: Int32 = 0
                for try await r in requests {
                    total += r.code
                    count += 1
                }
                return Msg(code: total, message: "\(count)")
            }),
            ServerMethod(TestMethods.bidi, .bidirectionalStreaming { (requests: RequestStream<Msg>, responses: ResponseWriter<Msg>, _) in
                for try await r in requests {
                    try await responses.write(Msg(code: r.code * 2, message: r.message))
                }
            }),
            ServerMethod(TestMethods.count, .serverStreaming { (request: Msg, responses: ResponseWriter<Msg>, _) in
                for i in 0..<request.code {
                    try await responses.write(Msg(code: i, message: request.message))
                }
            }),
            // Reads nothing until the test opens the gate, then sums like Sum.
            ServerMethod(TestMethods.gated, .clientStreaming { [probe] (requests: RequestStream<Msg>, _) in
                await probe.wait(for: "open-gate")
                var total: Int32 = 0
                for try await r in requests { total += r.code }
                return Msg(code: total, message: "")
            }),
            ServerMethod(TestMethods.guarded, .unary { (request: Msg, _) in request }),
        ]
    }
}

/// Refuses `test.Guarded` calls without `authorization: Bearer ok`.
struct TokenInterceptor: ServerInterceptor {
    func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        if context.method.service == "test.Guarded" && context.metadata.first("authorization") != "Bearer ok" {
            throw Status(.unauthenticated, "missing token")
        }
        try await next(context)
    }
}

/// A running server on a free loopback port, with the test services.
func startTestServer(
    probe: Probe = Probe(), maxReceive: Int = 4 << 20, configure: (inout GRPCServer.Configuration) -> Void = { _ in }
) throws -> (GRPCServer, Int) {
    var config = GRPCServer.Configuration(listen: SocketAddress(host: "127.0.0.1", port: 0), eventLoopCount: 2)
    config.maxReceiveMessageSize = maxReceive
    configure(&config)
    let server = GRPCServer(configuration: config, services: [EchoService(probe: probe)], interceptors: [TokenInterceptor()])
    try server.start()
    return (server, server.boundAddress!.port)
}

/// Runs blocking client code on its own thread, so it never occupies a Swift concurrency thread
/// the server's handlers need.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

func stop(_ server: GRPCServer) async {
    server.shutdown(grace: .seconds(5))
    await server.waitUntilStopped()
}
