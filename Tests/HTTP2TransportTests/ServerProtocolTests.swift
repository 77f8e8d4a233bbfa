import Testing
import ProtoRuntime
import RPC
@testable import HTTP2Transport

/// The server over real loopback sockets, driven by a raw nghttp2 client that can send exactly
/// the frames each case needs.
/// Framed messages with codes `range`, as one request body.
private func framedCodes(_ range: ClosedRange<Int>) -> [UInt8] {
    range.reduce(into: []) { $0 += MessageFraming.frame(Msg(code: Int32($1), message: "").serializedBytes()) }
}

/// Bidi on test.Echo: send one message, read its echo, send another, half-close, read to the end.
private func bidiExchange(_ client: RawHTTP2Client) -> RawHTTP2Client.Response {
    let id = client.start(path: "/test.Echo/Bidi", body: MessageFraming.frame(Msg(code: 1, message: "a").serializedBytes()), endStream: false)
    _ = client.wait(id) { $0.body.count >= 1 }
    client.send(id, MessageFraming.frame(Msg(code: 2, message: "b").serializedBytes()), endStream: true)
    return client.wait(id)
}

@Suite(.serialized, .timeLimit(.minutes(2)))
struct ServerProtocolTests {
    private func decode(_ body: [UInt8]) throws -> [Msg] {
        var messages: [Msg] = []
        var deframer = MessageDeframer(maxMessageSize: 1 << 24)
        try deframer.consume(body) { messages.append(try! Msg(serializedBytes: $0.bytes)) }
        #expect(!deframer.hasPartialMessage)
        return messages
    }

    @Test func unaryCallReturnsMessageAndOKTrailers() async throws {
        let (server, port) = try startTestServer()
        let r = try await onThread {
            try RawHTTP2Client(port: port).unary("/test.Echo/Unary", Msg(code: 7, message: "你好").serializedBytes())
        }
        #expect(r.header(":status") == "200")
        #expect(r.header("content-type") == "application/grpc")
        #expect(r.trailer("grpc-status") == "0")
        #expect(try decode(r.body) == [Msg(code: 7, message: "你好")])
        await stop(server)
    }

    @Test func unknownServiceOrMethodIsUnimplementedTrailersOnly() async throws {
        let (server, port) = try startTestServer()
        let (a, b) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            return (client.unary("/test.Echo/Nope", []), client.unary("/no.Service/Unary", []))
        }
        for r in [a, b] {
            #expect(r.grpcStatus == Status.Code.unimplemented.rawValue)
            #expect(r.header("grpc-status") != nil, "Trailers-Only: status in the one HEADERS frame")
            #expect(r.body.isEmpty)
        }
        await stop(server)
    }

    @Test func undecodableRequestIsInvalidArgumentNamingTheField() async throws {
        let (server, port) = try startTestServer()
        let r = try await onThread {
            // Field 2 (message) claims 9 bytes, 1 follows.
            try RawHTTP2Client(port: port).unary("/test.Echo/Unary", [0x12, 0x09, 0x41])
        }
        #expect(r.grpcStatus == Status.Code.invalidArgument.rawValue)
        #expect(r.grpcMessage?.contains("message") == true, "\(r.grpcMessage ?? "")")
        await stop(server)
    }

    @Test func truncatedFramingIsInvalidArgument() async throws {
        let (server, port) = try startTestServer()
        let r = try await onThread {
            let client = try RawHTTP2Client(port: port)
            return client.wait(client.start(path: "/test.Echo/Unary", body: [0, 0, 0, 0, 10, 1, 2]))
        }
        #expect(r.grpcStatus == Status.Code.invalidArgument.rawValue)
        await stop(server)
    }

    @Test func plainErrorIsUnknownAndStatusDetailsTravel() async throws {
        let (server, port) = try startTestServer()
        let (plain, rich) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            return (client.unary("/test.Echo/Unary", Msg(code: 0, message: "throw-plain").serializedBytes()),
                    client.unary("/test.Echo/Unary", Msg(code: 0, message: "throw-details").serializedBytes()))
        }
        #expect(plain.grpcStatus == Status.Code.unknown.rawValue)
        #expect(rich.grpcStatus == Status.Code.failedPrecondition.rawValue)
        #expect(rich.grpcMessage == "状态不对 100%")
        let raw = try #require(rich.header("grpc-status-details-bin") ?? rich.trailer("grpc-status-details-bin"))
        let details = try RichStatus(serializedBytes: try #require(Base64.decode(raw)))
        #expect(details.code == 9)
        #expect(details.details.first?.typeURL == "type.googleapis.com/google.rpc.ErrorInfo")
        await stop(server)
    }

    @Test func metadataFlowsBothWays() async throws {
        let (server, port) = try startTestServer()
        let r = try await onThread {
            try RawHTTP2Client(port: port).unary(
                "/test.Echo/Unary", Msg(code: 1, message: "metadata").serializedBytes(), headers: [("x-caller", "town-1")])
        }
        #expect(r.header("x-initial") == "i")
        #expect(r.trailer("x-trailing") == "t")
        #expect(try decode(r.body).first?.message == "town-1")
        await stop(server)
    }

    @Test func interceptorRefusesBeforeTheHandler() async throws {
        let (server, port) = try startTestServer()
        let (refused, allowed) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            let m = Msg(code: 3, message: "x").serializedBytes()
            return (client.unary("/test.Guarded/Get", m),
                    client.unary("/test.Guarded/Get", m, headers: [("authorization", "Bearer ok")]))
        }
        #expect(refused.grpcStatus == Status.Code.unauthenticated.rawValue)
        #expect(allowed.grpcStatus == 0)
        await stop(server)
    }

    @Test func oversizedRequestIsResourceExhausted() async throws {
        let (server, port) = try startTestServer(maxReceive: 1024)
        let r = try await onThread {
            try RawHTTP2Client(port: port).unary("/test.Echo/Unary", Msg(code: 1, message: String(repeating: "x", count: 2000)).serializedBytes())
        }
        #expect(r.grpcStatus == Status.Code.resourceExhausted.rawValue)
        await stop(server)
    }

    @Test func compressedRequestsAreAcceptedAndUnknownEncodingIsUnimplemented() async throws {
        let (server, port) = try startTestServer()
        let (gzip, unknown) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            let packed = CompressionAlgorithm.gzip.compress(Msg(code: 5, message: String(repeating: "ab", count: 100)).serializedBytes())
            let gzip = client.wait(client.start(path: "/test.Echo/Unary", headers: [("grpc-encoding", "gzip")],
                                                body: MessageFraming.frame(packed, compressed: true)))
            let unknown = client.unary("/test.Echo/Unary", [], headers: [("grpc-encoding", "snappy")])
            return (gzip, unknown)
        }
        #expect(gzip.grpcStatus == 0)
        #expect(try decode(gzip.body).first?.code == 5)
        #expect(unknown.grpcStatus == Status.Code.unimplemented.rawValue)
        await stop(server)
    }

    @Test func wrongContentTypeIs415() async throws {
        let (server, port) = try startTestServer()
        let r = try await onThread {
            let client = try RawHTTP2Client(port: port)
            return client.wait(client.start(path: "/test.Echo/Unary", body: MessageFraming.frame([]), contentType: "application/json"))
        }
        #expect(r.header(":status") == "415")
        await stop(server)
    }

    @Test func deadlineExceededCancelsTheHandler() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let r = try await onThread {
            try RawHTTP2Client(port: port).unary("/test.Echo/Slow", Msg(code: 1, message: "").serializedBytes(), headers: [("grpc-timeout", "50m")])
        }
        #expect(r.grpcStatus == Status.Code.deadlineExceeded.rawValue)
        await probe.wait(for: "slow-cancelled-1")
        await stop(server)
    }

    @Test func resetStreamCancelsTheHandler() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let raw = try await onThread { try RawHTTP2Client(port: port) }
        let id = try await onThread { raw.start(path: "/test.Echo/Slow", body: MessageFraming.frame(Msg(code: 2, message: "").serializedBytes())) }
        await probe.wait(for: "slow-started-2")
        _ = try await onThread { raw.reset(id) }
        await probe.wait(for: "slow-cancelled-2")
        // The connection still serves.
        let r = try await onThread { raw.unary("/test.Echo/Unary", Msg(code: 4, message: "").serializedBytes()) }
        #expect(r.grpcStatus == 0)
        await stop(server)
    }

    @Test func clientStreamingAndBidirectionalStreaming() async throws {
        let (server, port) = try startTestServer()
        let (sum, bidi, counted) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            let sum = client.wait(client.start(path: "/test.Echo/Sum", body: framedCodes(1...100)))
            let bidi = bidiExchange(client)
            let counted = client.unary("/test.Echo/Count", Msg(code: 1000, message: String(repeating: "z", count: 500)).serializedBytes())
            return (sum, bidi, counted)
        }
        #expect(sum.grpcStatus == 0)
        #expect(try decode(sum.body) == [Msg(code: 5050, message: "100")])
        #expect(bidi.grpcStatus == 0)
        #expect(try decode(bidi.body) == [Msg(code: 2, message: "a"), Msg(code: 4, message: "b")])
        #expect(counted.grpcStatus == 0)
        let messages = try decode(counted.body)
        #expect(messages.count == 1000)
        #expect(messages.last?.code == 999)
        await stop(server)
    }

    @Test func gracefulShutdownFinishesInFlightAndSendsGoAway() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let raw = try await onThread { try RawHTTP2Client(port: port) }
        let slow = try await onThread {
            raw.start(path: "/test.Echo/Slow", headers: [("grpc-timeout", "300m")], body: MessageFraming.frame(Msg(code: 3, message: "").serializedBytes()))
        }
        await probe.wait(for: "slow-started-3")
        server.shutdown(grace: .seconds(30))
        // The in-flight call runs to its own end (its deadline), not cut off by the shutdown.
        let r = try await onThread { raw.wait(slow) }
        #expect(r.grpcStatus == Status.Code.deadlineExceeded.rawValue)
        #expect(raw.sawGoAway)
        await server.waitUntilStopped()
    }

    @Test func callsStillRunningWhenTheGraceEndsAreCancelled() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let raw = try await onThread { try RawHTTP2Client(port: port) }
        let slow = try await onThread {
            raw.start(path: "/test.Echo/Slow", body: MessageFraming.frame(Msg(code: 4, message: "").serializedBytes()))
        }
        await probe.wait(for: "slow-started-4")
        server.shutdown(grace: .milliseconds(100))
        await probe.wait(for: "slow-cancelled-4")
        let r = try await onThread { raw.wait(slow) }
        #expect(r.grpcStatus != 0)
        #expect(raw.sawGoAway)
        await server.waitUntilStopped()
    }

    @Test func handlersOnTheEventLoopBehaveTheSame() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe) { $0.servicesOnEventLoop = ["test.Echo"] }
        let (unary, slow, sum, bidi) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            let unary = client.unary("/test.Echo/Unary", Msg(code: 7, message: "loop").serializedBytes())
            let slow = client.unary("/test.Echo/Slow", Msg(code: 9, message: "").serializedBytes(), headers: [("grpc-timeout", "50m")])
            let sum = client.wait(client.start(path: "/test.Echo/Sum", body: framedCodes(1...10)))
            return (unary, slow, sum, bidiExchange(client))
        }
        #expect(try decode(unary.body) == [Msg(code: 7, message: "loop")])
        #expect(slow.grpcStatus == Status.Code.deadlineExceeded.rawValue)
        await probe.wait(for: "slow-cancelled-9")
        #expect(try decode(sum.body) == [Msg(code: 55, message: "10")])
        #expect(try decode(bidi.body) == [Msg(code: 2, message: "a"), Msg(code: 4, message: "b")])
        let client = RPCClient(transport: HTTP2ClientTransport(target: SocketAddress(host: "127.0.0.1", port: port)))
        let codes = try await withThrowingTaskGroup(of: Int32.self) { group in
            for i in 0..<100 {
                group.addTask { (try await client.unary(TestMethods.unary, request: Msg(code: Int32(i), message: "")) as Msg).code }
            }
            return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
        #expect(codes == Set(0..<100))
        await stop(server)
    }
}
