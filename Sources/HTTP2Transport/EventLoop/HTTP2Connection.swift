import CEpoll
import CNGHTTP2
import COpenSSL
import Glibc
import RPC

/// The socket side of an HTTP/2 connection, shared by server and client connections: reads feed
/// the nghttp2 session, and frames nghttp2 queues leave through one buffered `send` per loop
/// iteration. Subclasses create the session and handle the protocol callbacks.
///
/// Loop-confined: only the owning loop's thread touches a connection.
class HTTP2Connection {
    let fd: Int32
    /// Tells this connection apart from later ones that reuse its descriptor (see `TimerTarget`).
    let serial: UInt64
    /// Unowned without checks: the loop's thread retains the loop while it runs, and a connection
    /// only exists while its loop runs. Saves reference counting on every callback.
    unowned(unsafe) let loop: EventLoop
    var session: OpaquePointer?
    var isQueuedForFlush = false
    private(set) var isClosed = false

    private var writeBuffer: [UInt8] = []
    private var writeOffset = 0
    private var waitingForWritable = false
    private var readingPaused = false
    /// Monotonic time of the last bytes read from the peer (keepalive counts silence from here).
    private(set) var lastReadTime = Deadline.now().uptimeNanoseconds
    /// Interest beyond EPOLLIN/EPOLLOUT bookkeeping: a client waits for its connect this way.
    var connecting = false

    /// Stop pulling frames from nghttp2 (and reading from the peer) past this much unsent output.
    static let writeHighWater = 1 << 20

    /// The TLS session when the connection is encrypted; nil for plaintext h2c.
    private var tls: OpaquePointer?
    private var handshakeDone: Bool
    /// OpenSSL needs the socket writable to make progress (handshake or renegotiation).
    private var tlsWantsWritable = false

    init(fd: Int32, loop: EventLoop, tls: OpaquePointer? = nil) {
        self.fd = fd
        self.loop = loop
        self.serial = loop.makeSerial()
        self.tls = tls
        self.handshakeDone = tls == nil
    }

    // MARK: Transport: plaintext or TLS

    private enum IOResult { case bytes(Int), wouldBlock, closed }

    private func receive(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        if let tls {
            ERR_clear_error()
            let n = SSL_read(tls, buffer.baseAddress, Int32(buffer.count))
            if n > 0 { return .bytes(Int(n)) }
            return tlsOutcome(tls, n)
        }
        let n = recv(fd, buffer.baseAddress, buffer.count, 0)
        if n > 0 { return .bytes(n) }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return .wouldBlock }
        return .closed
    }

    private func transmit(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        if let tls {
            ERR_clear_error()
            let n = SSL_write(tls, bytes.baseAddress, Int32(bytes.count))
            if n > 0 { return .bytes(Int(n)) }
            return tlsOutcome(tls, n)
        }
        let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if n >= 0 { return .bytes(n) }
        if errno == EAGAIN || errno == EINTR { return .wouldBlock }
        return .closed
    }

    private func tlsOutcome(_ tls: OpaquePointer, _ result: Int32) -> IOResult {
        switch SSL_get_error(tls, result) {
        case SSL_ERROR_WANT_READ:
            tlsWantsWritable = false
            return .wouldBlock
        case SSL_ERROR_WANT_WRITE:
            tlsWantsWritable = true
            return .wouldBlock
        default:
            return .closed
        }
    }

    /// Advances the TLS handshake; true once it is complete and `h2` was agreed. A client calls it
    /// once connected, to send its hello.
    func advanceHandshake() -> Bool {
        guard let tls, !handshakeDone else { return true }
        ERR_clear_error()
        let rc = SSL_do_handshake(tls)
        if rc == 1 {
            var protocolName: UnsafePointer<UInt8>?
            var length: UInt32 = 0
            SSL_get0_alpn_selected(tls, &protocolName, &length)
            guard length == 2, protocolName?[0] == UInt8(ascii: "h"), protocolName?[1] == UInt8(ascii: "2") else {
                close()
                return false
            }
            handshakeDone = true
            tlsWantsWritable = false
            loop.markDirty(self)
            return true
        }
        if case .closed = tlsOutcome(tls, rc) { close() }
        updateInterest()
        return false
    }

    var hasUnsentOutput: Bool { writeOffset < writeBuffer.count }

    // MARK: Hooks for subclasses

    /// Called after frames were pulled from nghttp2 and before they are sent.
    func didPullOutput() {}
    /// Called once when the connection closes, before the session is freed.
    func willClose() {}
    /// True when the connection has nothing left to do and should close after this flush.
    var isFinished: Bool {
        guard let session else { return true }
        return !hasUnsentOutput && nghttp2_session_want_read(session) == 0 && nghttp2_session_want_write(session) == 0
    }
    /// The socket became writable while `connecting`.
    func connectCompleted() {}

    // MARK: I/O (called by the loop)

    func readable() {
        guard !isClosed, !connecting, advanceHandshake(), !isClosed else { return }
        let buffer = loop.readBuffer
        // Bounded reads per wake-up keep one busy peer from starving the loop's other connections;
        // TLS reads on until OpenSSL wants the socket, since decrypted bytes it buffers would
        // never wake epoll again.
        var reads = 0
        while tls != nil || reads < 4 {
            reads += 1
            switch receive(into: buffer) {
            case .bytes(let n):
                lastReadTime = Deadline.now().uptimeNanoseconds
                let consumed = nghttp2_session_mem_recv(session, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), n)
                if consumed < 0 {
                    // A protocol error (or a garbage preface): nghttp2 queued GOAWAY; send it, close.
                    flush()
                    close()
                    return
                }
                loop.markDirty(self)
                if n < buffer.count && tls == nil { return }
            case .wouldBlock:
                updateInterest()
                return
            case .closed:
                close()
                return
            }
        }
    }

    func writable() {
        if connecting {
            connecting = false
            connectCompleted()
        }
        if !handshakeDone {
            if advanceHandshake() { readable() }
            return
        }
        loop.markDirty(self)
    }

    /// Moves pending frames from nghttp2 into the write buffer and sends them in one call.
    func flush() {
        guard !isClosed, !connecting, handshakeDone, let session else { return }
        while writeBuffer.count - writeOffset < Self.writeHighWater && nghttp2_session_want_write(session) != 0 {
            var chunk: UnsafePointer<UInt8>?
            let n = nghttp2_session_mem_send(session, &chunk)
            if n < 0 {
                close()
                return
            }
            if n == 0 { break }
            writeBuffer.append(contentsOf: UnsafeBufferPointer(start: chunk, count: n))
        }
        didPullOutput()
        if hasUnsentOutput {
            let result = writeBuffer.withUnsafeBytes { raw in
                transmit(UnsafeRawBufferPointer(rebasing: raw[writeOffset...]))
            }
            switch result {
            case .bytes(let sent): writeOffset += sent
            case .wouldBlock: break
            case .closed:
                close()
                return
            }
            if writeOffset == writeBuffer.count {
                writeBuffer.removeAll(keepingCapacity: writeBuffer.capacity <= 256 * 1024)
                writeOffset = 0
            }
        }
        updateInterest()
        if isFinished { close() }
    }

    /// Waits for EPOLLOUT while output is stuck, and stops reading while too much is stuck — a peer
    /// that does not read gets no more of our attention than its unread bytes.
    private func updateInterest() {
        let pending = writeBuffer.count - writeOffset
        let wantWritable = pending > 0 || tlsWantsWritable
        let pauseReading = pending >= Self.writeHighWater
        guard wantWritable != waitingForWritable || pauseReading != readingPaused else { return }
        waitingForWritable = wantWritable
        readingPaused = pauseReading
        var events: UInt32 = 0
        if !pauseReading { events |= EPOLLIN.rawValue }
        if wantWritable { events |= EPOLLOUT.rawValue }
        loop.modify(fd: fd, events: events)
    }

    /// Ends the connection now and releases the session and socket.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        willClose()
        nghttp2_session_del(session)
        session = nil
        if let tls {
            SSL_shutdown(tls)
            SSL_free(tls)
            self.tls = nil
        }
        loop.connectionClosed(self)
        Glibc.close(fd)
    }

    static func from(_ user: UnsafeMutableRawPointer?) -> HTTP2Connection {
        Unmanaged<HTTP2Connection>.fromOpaque(user!).takeUnretainedValue()
    }

    /// The `user_data` pointer nghttp2 hands back to `SessionCallbacks`.
    var callbackContext: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    // MARK: Loop events subclasses handle

    func beginDrain() {}
    func timerFired(streamID: Int32) {}

    // MARK: nghttp2 events subclasses handle (see SessionCallbacks)

    /// A client opened a stream (server only).
    func beginRequest(streamID: Int32) {}
    func receivedHeader(streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {}
    /// A complete HEADERS block (headers or trailers) arrived.
    func receivedHeaders(streamID: Int32, endStream: Bool) {}
    /// A DATA frame ended the peer's side of the stream.
    func receivedEndOfStream(streamID: Int32) {}
    func receivedData(streamID: Int32, _ bytes: UnsafeRawBufferPointer) {}
    func streamClosed(streamID: Int32, errorCode: UInt32) {}
    func receivedGoAway() {}
    /// The peer's SETTINGS (not an ACK): the connection preface is complete.
    func receivedSettings() {}
    func receivedPingAck() {}
    /// Fills `buffer` with up to `length` bytes of the stream's outgoing body.
    func readData(streamID: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
    }
}
