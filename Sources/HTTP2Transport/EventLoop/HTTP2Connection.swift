import CEpoll
import CNGHTTP2
import Glibc
import RPC

/// The socket side of an HTTP/2 connection, shared by server and client connections: reads feed
/// the nghttp2 session, and frames nghttp2 queues leave through one buffered `send` per loop
/// iteration. Subclasses create the session and handle the protocol callbacks.
///
/// Loop-confined: only the owning loop's thread touches a connection.
class HTTP2Connection {
    let fd: Int32
    unowned let loop: EventLoop
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

    init(fd: Int32, loop: EventLoop) {
        self.fd = fd
        self.loop = loop
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
        guard !isClosed, !connecting else { return }
        let buffer = loop.readBuffer
        // Bounded reads per wake-up keep one busy peer from starving the loop's other connections.
        for _ in 0..<4 {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 {
                lastReadTime = Deadline.now().uptimeNanoseconds
                let consumed = nghttp2_session_mem_recv(session, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), n)
                if consumed < 0 {
                    // A protocol error (or a garbage preface): nghttp2 queued GOAWAY; send it, close.
                    flush()
                    close()
                    return
                }
                loop.markDirty(self)
                if n < buffer.count { return }
            } else if n == 0 {
                close()
                return
            } else {
                if errno == EAGAIN || errno == EINTR { return }
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
        loop.markDirty(self)
    }

    /// Moves pending frames from nghttp2 into the write buffer and sends them in one call.
    func flush() {
        guard !isClosed, !connecting, let session else { return }
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
            let sent = writeBuffer.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + writeOffset, raw.count - writeOffset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno != EAGAIN && errno != EINTR {
                close()
                return
            }
            if sent > 0 { writeOffset += sent }
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
        let wantWritable = pending > 0
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
