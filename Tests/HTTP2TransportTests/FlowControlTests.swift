import Testing
import ProtoRuntime
import RPC
@testable import HTTP2Transport

@Suite(.serialized, .timeLimit(.minutes(2)))
struct FlowControlTests {
    /// A handler that does not read stops the client: the server returns no flow-control credit
    /// past its small queue, so a client trying to upload 8 MiB is held to about the window size
    /// (without backpressure the same run sends well over 2 MiB).
    @Test func handlerThatDoesNotReadStopsTheClient() async throws {
        let probe = Probe()
        let (server, port) = try startTestServer(probe: probe)
        let raw = try await onThread { try RawHTTP2Client(port: port) }
        var upload: [UInt8] = []
        let message = Msg(code: 1, message: String(repeating: "x", count: 1000)).serializedBytes()
        while upload.count < 8 << 20 { upload += MessageFraming.frame(message) }
        let total = upload.count
        let body = upload
        let id = try await onThread { raw.start(path: "/test.Echo/Gated", body: [], endStream: false) }
        let sentWhileBlocked = try await onThread { raw.sendUntilBlocked(id, body) }
        // The bound: the 1 MiB initial stream window plus the 256 KiB the server queues for a
        // handler that is behind, plus one partial message of slack.
        #expect(sentWhileBlocked < 1_500_000, "held near the window, not the whole \(total) bytes")
        #expect(sentWhileBlocked > 0)

        // Once the handler reads, the upload completes and every message arrives.
        probe.record("open-gate")
        let response = try await onThread { raw.wait(id) }
        #expect(response.grpcStatus == 0)
        var deframer = MessageDeframer(maxMessageSize: 1 << 20)
        var sums: [Int32] = []
        try deframer.consume(response.body) { sums.append(try! Msg(serializedBytes: $0.bytes).code) }
        #expect(sums == [Int32(total / (message.count + 5))])
        await stop(server)
    }
}
