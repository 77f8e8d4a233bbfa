import CNGHTTP2
import Glibc
import RPC

/// A deliberately simple, blocking HTTP/2 client for poking the server with exact frames:
/// one socket, one nghttp2 client session, driven synchronously by the test's thread.
/// It exists to test protocol edges (resets, bad content types, trailers-only) that a well-behaved
/// client would never produce.
// Unchecked Sendable: a test uses it from one thread at a time, handing it from call to call.
final class RawHTTP2Client: @unchecked Sendable {
    struct Response: Sendable {
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var trailers: [(String, String)] = []
        var closed = false
        var resetCode: UInt32?

        func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }
        func trailer(_ name: String) -> String? { trailers.first { $0.0 == name }?.1 }
        /// grpc-status from the trailers, or from the headers of a Trailers-Only response.
        var grpcStatus: Int? { (trailer("grpc-status") ?? header("grpc-status")).flatMap { Int($0) } }
        var grpcMessage: String? { (trailer("grpc-message") ?? header("grpc-message")).map { StatusMessageEncoding.decode($0) } }
    }

    private let fd: Int32
    private var session: OpaquePointer?
    fileprivate var responses: [Int32: Response] = [:]
    fileprivate var pendingBodies: [Int32: (bytes: [UInt8], offset: Int, end: Bool)] = [:]
    fileprivate var goAwayReceived = false
    fileprivate var pingAcks = 0

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw Status(.unavailable, "connect failed") }
        // Never hang a test: a read that waits this long fails the call.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_header_callback(callbacks) { _, frame, name, nameLength, value, valueLength, _, user in
            let client = Unmanaged<RawHTTP2Client>.fromOpaque(user!).takeUnretainedValue()
            let id = frame!.pointee.hd.stream_id
            let field = (String(decoding: UnsafeBufferPointer(start: name, count: nameLength), as: UTF8.self),
                         String(decoding: UnsafeBufferPointer(start: value, count: valueLength), as: UTF8.self))
            if frame!.pointee.headers.cat == NGHTTP2_HCAT_HEADERS {
                client.responses[id, default: Response()].trailers.append(field)
            } else {
                client.responses[id, default: Response()].headers.append(field)
            }
            return 0
        }
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) { _, _, id, data, length, user in
            let client = Unmanaged<RawHTTP2Client>.fromOpaque(user!).takeUnretainedValue()
            client.responses[id, default: Response()].body.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
            return 0
        }
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, id, code, user in
            let client = Unmanaged<RawHTTP2Client>.fromOpaque(user!).takeUnretainedValue()
            client.responses[id, default: Response()].closed = true
            if code != 0 { client.responses[id, default: Response()].resetCode = code }
            return 0
        }
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, user in
            let client = Unmanaged<RawHTTP2Client>.fromOpaque(user!).takeUnretainedValue()
            if frame!.pointee.hd.type == UInt8(NGHTTP2_GOAWAY.rawValue) { client.goAwayReceived = true }
            if frame!.pointee.hd.type == UInt8(NGHTTP2_PING.rawValue) && frame!.pointee.hd.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0 {
                client.pingAcks += 1
            }
            return 0
        }
        nghttp2_session_client_new(&session, callbacks, Unmanaged.passUnretained(self).toOpaque())
        nghttp2_submit_settings(session, 0, nil, 0)
    }

    deinit {
        nghttp2_session_del(session)
        close(fd)
    }

    /// Opens a stream with a gRPC POST to `path`; `body` is sent as DATA (ending the stream when
    /// `endStream`). Returns the stream id.
    @discardableResult
    func start(path: String, headers extra: [(String, String)] = [], body: [UInt8] = [], endStream: Bool = true,
               contentType: String = "application/grpc") -> Int32 {
        var fields: [(String, String)] = [(":method", "POST"), (":scheme", "http"), (":path", path),
                                          (":authority", "localhost"), ("content-type", contentType), ("te", "trailers")]
        fields += extra
        let id = withNV(fields) { nva, count -> Int32 in
            var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: rawClientRead)
            return nghttp2_submit_request(session, nil, nva, count, &provider, nil)
        }
        pendingBodies[id] = (body, 0, endStream)
        responses[id] = Response()
        pump(untilClosed: nil)
        return id
    }

    /// Sends more request bytes on an open stream.
    func send(_ id: Int32, _ bytes: [UInt8], endStream: Bool) {
        pendingBodies[id, default: ([], 0, false)].bytes += bytes
        pendingBodies[id]!.end = endStream
        nghttp2_session_resume_data(session, id)
        pump(untilClosed: nil)
    }

    /// Queues `bytes` (ending the stream) and sends as much as the server's flow-control window
    /// lets through, until everything went out or the window stays closed. "Stays closed" is
    /// decided without timing: two PING round trips after the window hit zero guarantee that any
    /// WINDOW_UPDATE the server sent for the data before them has arrived. Returns bytes sent.
    func sendUntilBlocked(_ id: Int32, _ bytes: [UInt8]) -> Int {
        pendingBodies[id, default: ([], 0, false)].bytes += bytes
        pendingBodies[id]!.end = true
        nghttp2_session_resume_data(session, id)
        while true {
            flushOut()
            let pending = pendingBodies[id]!
            if pending.offset == pending.bytes.count { return pending.offset }
            if nghttp2_session_get_stream_remote_window_size(session, id) <= 0 {
                guard pingRoundTrip(), pingRoundTrip() else { return pendingBodies[id]!.offset }
                if nghttp2_session_get_stream_remote_window_size(session, id) <= 0 { return pendingBodies[id]!.offset }
                nghttp2_session_resume_data(session, id)
            } else if !readOnce() {
                return pending.offset
            }
        }
    }

    /// Sends a PING and reads until its ACK arrives; false if the connection ended first.
    private func pingRoundTrip() -> Bool {
        let before = pingAcks
        nghttp2_submit_ping(session, 0, nil)
        while pingAcks == before {
            if !readOnce() { return false }
        }
        return true
    }

    func reset(_ id: Int32) {
        nghttp2_submit_rst_stream(session, 0, id, UInt32(NGHTTP2_CANCEL.rawValue))
        pump(untilClosed: nil)
    }

    /// Runs the session until stream `id` closes (or the peer goes away) and returns what arrived.
    func wait(_ id: Int32) -> Response {
        pump(untilClosed: id)
        return responses[id] ?? Response()
    }

    /// Reads until `predicate` holds for stream `id` (e.g. "some body arrived").
    func wait(_ id: Int32, until predicate: (Response) -> Bool) -> Response {
        while !predicate(responses[id] ?? Response()) {
            if !readOnce() { break }
        }
        return responses[id] ?? Response()
    }

    /// One unary call: frames `message`, waits for the end.
    func unary(_ path: String, _ message: [UInt8], headers: [(String, String)] = []) -> Response {
        wait(start(path: path, headers: headers, body: MessageFraming.frame(message)))
    }

    var sawGoAway: Bool { goAwayReceived }

    fileprivate func readBody(_ id: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard var pending = pendingBodies[id] else { return 0 }
        let count = min(length, pending.bytes.count - pending.offset)
        pending.bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + pending.offset, count: count) }
        pending.offset += count
        pendingBodies[id] = pending
        if pending.offset == pending.bytes.count {
            if pending.end {
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
            } else if count == 0 {
                return Int(NGHTTP2_ERR_DEFERRED.rawValue)
            }
        }
        return count
    }

    private func flushOut() {
        while true {
            var chunk: UnsafePointer<UInt8>?
            let n = nghttp2_session_mem_send(session, &chunk)
            if n <= 0 { return }
            var sent = 0
            while sent < n {
                let k = Glibc.send(fd, chunk! + sent, n - sent, Int32(MSG_NOSIGNAL))
                if k <= 0 { return }
                sent += k
            }
        }
    }

    /// Sends what is pending, then reads one batch. False when the connection ended or timed out.
    private func readOnce() -> Bool {
        flushOut()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return false }
        guard nghttp2_session_mem_recv(session, buffer, n) >= 0 else { return false }
        flushOut()
        return true
    }

    private func pump(untilClosed id: Int32?) {
        flushOut()
        guard let id else { return }
        while responses[id]?.closed != true {
            if !readOnce() { return }
        }
    }

    private func withNV<R>(_ fields: [(String, String)], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        var storage: [UInt8] = []
        var ranges: [(Range<Int>, Range<Int>)] = []
        for (name, value) in fields {
            let a = storage.count
            storage += Array(name.utf8)
            let b = storage.count
            storage += Array(value.utf8)
            ranges.append((a..<b, b..<storage.count))
        }
        return storage.withUnsafeMutableBufferPointer { raw in
            let nva = ranges.map {
                nghttp2_nv(name: raw.baseAddress! + $0.0.lowerBound, value: raw.baseAddress! + $0.1.lowerBound,
                           namelen: $0.0.count, valuelen: $0.1.count, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue))
            }
            return nva.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
        }
    }
}

private let rawClientRead: nghttp2_data_source_read_callback = { _, id, buffer, length, flags, _, user in
    Unmanaged<RawHTTP2Client>.fromOpaque(user!).takeUnretainedValue().readBody(id, into: buffer!, length: length, flags: flags!)
}
