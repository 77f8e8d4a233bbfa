import Testing
import ProtoRuntime
import RPC
@testable import HTTP2Transport

/// Our nghttp2 client transport calling our own server over loopback.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ClientTransportTests {
    private func client(_ port: Int) -> RPCClient {
        RPCClient(transport: HTTP2ClientTransport(target: SocketAddress(host: "127.0.0.1", port: port)))
    }

    @Test func unaryCallsShareOneConnection() async throws {
        let (server, port) = try startTestServer()
        let rpc = client(port)
        for i in 0..<20 {
            let response: Msg = try await rpc.unary(TestMethods.unary, request: Msg(code: Int32(i), message: "第\(i)"))
            #expect(response == Msg(code: Int32(i), message: "第\(i)"))
        }
        // Concurrent calls multiplex on the same connection.
        let codes = try await withThrowingTaskGroup(of: Int32.self) { group in
            for i in 0..<200 {
                group.addTask {
                    let r: Msg = try await rpc.unary(TestMethods.unary, request: Msg(code: Int32(i), message: ""))
                    return r.code
                }
            }
            return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
        #expect(codes == Set(0..<200))
        await stop(server)
    }

    @Test func statusMetadataAndDetailsReachTheCaller() async throws {
        let (server, port) = try startTestServer()
        let rpc = client(port)
        do {
            let _: Msg = try await rpc.unary(TestMethods.unary, request: Msg(code: 0, message: "throw-details"))
            Issue.record("expected FAILED_PRECONDITION")
        } catch let status as Status {
            #expect(status.code == .failedPrecondition)
            #expect(status.message == "状态不对 100%")
            #expect(status.richStatus?.details.count == 1)
        }
        do {
            let _: Msg = try await rpc.unary(TestMethods.unary, request: Msg(code: 0, message: "throw-plain"))
            Issue.record("expected UNKNOWN")
        } catch let status as Status {
            #expect(status.code == .unknown)
        }
        var metadata = Metadata()
        metadata.add("x-caller", "街道")
        metadata.add("trace-bin", binary: [0, 1, 2, 255])
        let echoed: Msg = try await rpc.unary(TestMethods.unary, request: Msg(code: 1, message: "metadata"), metadata: metadata)
        #expect(echoed.message == "街道")
        do {
            let _: Msg = try await rpc.unary(MethodDescriptor(service: "test.Echo", method: "Missing", kind: .unary), request: Msg())
            Issue.record("expected UNIMPLEMENTED")
        } catch let status as Status {
            #expect(status.code == .unimplemented)
        }
        await stop(server)
    }

    @Test func streamingCallsInAllShapes() async throws {
        let (server, port) = try startTestServer()
        let rpc = client(port)
        var received: [Msg] = []
        try await rpc.serverStreaming(TestMethods.count, request: Msg(code: 300, message: String(repeating: "k", count: 1000))) { (m: Msg) in
            received.append(m)
        }
        #expect(received.map(\.code) == Array(0..<300))

        let sum: Msg = try await rpc.clientStreaming(TestMethods.sum, requests: (1...1000).map { Msg(code: Int32($0), message: "") })
        #expect(sum == Msg(code: 500500, message: "1000"))

        var doubled: [Int32] = []
        try await rpc.bidirectionalStreaming(TestMethods.bidi, requests: (1...50).map { Msg(code: Int32($0), message: "") }) { (m: Msg) in
            doubled.append(m.code)
        }
        #expect(doubled == (1...50).map { Int32($0) * 2 })
        await stop(server)
    }

    @Test func compressedRequestsRoundTrip() async throws {
        let (server, port) = try startTestServer()
        let rpc = client(port)
        for algorithm in [CompressionAlgorithm.gzip, .deflate] {
            let big = Msg(code: 9, message: String(repeating: "基层", count: 5000))
            let r: Msg = try await rpc.unary(TestMethods.unary, request: big, options: CallOptions(compression: algorithm))
            #expect(r == big)
        }
        await stop(server)
    }

    @Test func deadlineExceededOnBothSides() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let rpc = client(port)
        do {
            let _: Msg = try await rpc.unary(TestMethods.slow, request: Msg(code: 8, message: ""), options: CallOptions(timeout: .milliseconds(100)))
            Issue.record("expected DEADLINE_EXCEEDED")
        } catch let status as Status {
            #expect(status.code == .deadlineExceeded)
        }
        await probe.wait(for: "slow-cancelled-8")
        await stop(server)
    }

    @Test func cancellingACallCancelsTheHandler() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let transport = HTTP2ClientTransport(target: SocketAddress(host: "127.0.0.1", port: port))
        let call = try await transport.openCall(method: TestMethods.slow, metadata: Metadata(), options: .default)
        try await call.send(Msg(code: 11, message: "").serializedBytes())
        try await call.finishSending()
        await probe.wait(for: "slow-started-11")
        call.cancel()
        await probe.wait(for: "slow-cancelled-11")
        let (status, _) = try await call.status()
        #expect(status.code == .cancelled)
        await stop(server)
    }

    @Test func unreachableServerIsUnavailableThenReconnects() async throws {
        // Find a port, then leave it closed.
        let (probeServer, port) = try startTestServer()
        await stop(probeServer)
        let rpc = client(port)
        do {
            let _: Msg = try await rpc.unary(TestMethods.unary, request: Msg())
            Issue.record("expected UNAVAILABLE")
        } catch let status as Status {
            #expect(status.code == .unavailable)
        }
        // A server appears on that port: after the backoff the client connects again.
        var config = GRPCServer.Configuration(listen: SocketAddress(host: "127.0.0.1", port: port), eventLoopCount: 1)
        config.maxConcurrentStreams = 100
        let server = GRPCServer(configuration: config, services: [EchoService(probe: Probe())])
        try server.start()
        var answered: Msg?
        for _ in 0..<100 where answered == nil {
            answered = try? await rpc.unary(TestMethods.unary, request: Msg(code: 5, message: "again"))
            if answered == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(answered == Msg(code: 5, message: "again"))
        await stop(server)
    }

    @Test func hostNamesAreResolvedAndUnknownNamesAreUnavailable() async throws {
        let (server, port) = try startTestServer()
        let byName = RPCClient(transport: HTTP2ClientTransport(target: SocketAddress(host: "localhost", port: port)))
        let response: Msg = try await byName.unary(TestMethods.unary, request: Msg(code: 12, message: "名字"))
        #expect(response.code == 12)
        let nowhere = RPCClient(transport: HTTP2ClientTransport(target: SocketAddress(host: "no-such-host.invalid", port: port)))
        do {
            let _: Msg = try await nowhere.unary(TestMethods.unary, request: Msg())
            Issue.record("expected UNAVAILABLE")
        } catch let status as Status {
            #expect(status.code == .unavailable)
        }
        await stop(server)
    }
}
