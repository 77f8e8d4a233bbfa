import Glibc
import Testing
import ProtoRuntime
import RPC
@testable import HTTP2Transport

/// A plain TCP peer that sends exactly the given bytes and then only listens.
/// Returns everything the server sent and whether the server closed the connection.
private func rawExchange(port: Int, send bytes: [UInt8]) -> (received: [UInt8], closedByServer: Bool) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var timeout = timeval(tv_sec: 15, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    if !bytes.isEmpty { _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n == 0 { return (received, true) }
        if n < 0 { return (received, errno == ECONNRESET) }
        received += buffer[0..<n]
    }
}

/// The HTTP/2 client preface followed by an empty SETTINGS frame.
private let clientPreface: [UInt8] = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]

/// Frame types found in a byte stream of HTTP/2 frames (after the server's own preface-less start).
private func frameTypes(_ bytes: [UInt8]) -> [UInt8] {
    var types: [UInt8] = []
    var i = 0
    while i + 9 <= bytes.count {
        let length = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
        types.append(bytes[i + 3])
        i += 9 + length
    }
    return types
}

@Suite(.serialized, .timeLimit(.minutes(2)))
struct HostileInputTests {
    @Test func garbagePrefaceIsDroppedAndTheServerKeepsServing() async throws {
        let (server, port) = try startTestServer()
        let (_, closed) = try await onThread { rawExchange(port: port, send: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) }
        #expect(closed)
        let r = try await onThread { try RawHTTP2Client(port: port).unary("/test.Echo/Unary", Msg(code: 1, message: "").serializedBytes()) }
        #expect(r.grpcStatus == 0)
        await stop(server)
    }

    @Test func silentPeerIsDroppedAtTheHandshakeTimeout() async throws {
        let (server, port) = try startTestServer { $0.handshakeTimeout = .milliseconds(200) }
        let (_, closed) = try await onThread { rawExchange(port: port, send: []) }
        #expect(closed)
        await stop(server)
    }

    @Test func unansweredKeepalivePingClosesTheConnection() async throws {
        let (server, port) = try startTestServer {
            $0.keepaliveInterval = .milliseconds(100)
            $0.keepaliveTimeout = .milliseconds(100)
        }
        let (received, closed) = try await onThread { rawExchange(port: port, send: clientPreface) }
        #expect(closed)
        #expect(frameTypes(received).contains(6), "a PING was sent before giving up")
        await stop(server)
    }

    @Test func idleConnectionIsSentGoAway() async throws {
        let (server, port) = try startTestServer { $0.maxConnectionIdle = .milliseconds(100) }
        let sawGoAway = try await onThread {
            let client = try RawHTTP2Client(port: port)
            _ = client.unary("/test.Echo/Unary", Msg(code: 1, message: "").serializedBytes())
            _ = client.wait(Int32.max)  // reads until the server ends the connection
            return client.sawGoAway
        }
        #expect(sawGoAway)
        await stop(server)
    }

    @Test func rapidResetFloodLeavesTheServerServing() async throws {
        let (server, port) = try startTestServer()
        try await onThread {
            let client = try RawHTTP2Client(port: port)
            for _ in 0..<3000 {
                let id = client.start(path: "/test.Echo/Unary", body: [], endStream: false)
                client.reset(id)
            }
            _ = client.wait(Int32.max)
        }
        let r = try await onThread { try RawHTTP2Client(port: port).unary("/test.Echo/Unary", Msg(code: 2, message: "").serializedBytes()) }
        #expect(r.grpcStatus == 0)
        await stop(server)
    }

    @Test func oversizedHeaderListIsRefused() async throws {
        let (server, port) = try startTestServer { $0.maxHeaderListSize = 4096 }
        let (big, small) = try await onThread {
            let client = try RawHTTP2Client(port: port)
            let big = client.unary("/test.Echo/Unary", [], headers: [("x-big", String(repeating: "a", count: 8000))])
            let small = try RawHTTP2Client(port: port).unary("/test.Echo/Unary", Msg(code: 3, message: "").serializedBytes())
            return (big, small)
        }
        #expect(big.grpcStatus != 0)
        #expect(small.grpcStatus == 0)
        await stop(server)
    }
}
