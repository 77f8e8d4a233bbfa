import CNGHTTP2
import Glibc
import CEpoll
import RPC

/// One accepted HTTP/2 connection: an nghttp2 server session fed from and drained to a socket.
///
/// The loop owns the file descriptor and calls `readable`, `writable` and `flush`; nghttp2 parses
/// frames and calls back (`ServerSessionCallbacks`) into the protocol methods below, which turn
/// request streams into handler tasks and handler output into response frames. Output accumulates
/// in `writeBuffer` and leaves in one `send` per loop iteration.
final class ServerConnection {
    let fd: Int32
    let peer: String
    unowned let loop: EventLoop
    private let core: ServerCore
    private var session: OpaquePointer?
    private var streams: [Int32: ServerStream] = [:]

    private var writeBuffer: [UInt8] = []
    private var writeOffset = 0
    private var waitingForWritable = false
    private var readingPaused = false
    var isQueuedForFlush = false
    private(set) var isClosed = false
    private var draining = false
    private var finalGoAwaySent = false
    /// Streams whose sent-byte count must be reported to their handle after this flush.
    private var progressed: [ServerStream] = []

    /// Stop pulling frames from nghttp2 (and reading from the peer) past this much unsent output.
    private static let writeHighWater = 1 << 20

    init(fd: Int32, peer: String, loop: EventLoop) {
        self.fd = fd
        self.peer = peer
        self.loop = loop
        self.core = loop.core
        let user = Unmanaged.passUnretained(self).toOpaque()
        nghttp2_session_server_new2(&session, core.callbacks, user, core.options)
        let config = core.configuration
        let settings = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: UInt32(config.maxConcurrentStreams)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue), value: UInt32(config.maxHeaderListSize)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: UInt32(config.initialStreamWindowSize)),
        ]
        nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), settings, settings.count)
        nghttp2_session_set_local_window_size(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, Int32(config.connectionWindowSize))
    }

    static func from(_ user: UnsafeMutableRawPointer?) -> ServerConnection {
        Unmanaged<ServerConnection>.fromOpaque(user!).takeUnretainedValue()
    }

    // MARK: I/O (called by the loop)

    func readable() {
        guard !isClosed else { return }
        let buffer = loop.readBuffer
        // Bounded reads per wake-up keep one busy peer from starving the loop's other connections.
        for _ in 0..<4 {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 {
                let consumed = nghttp2_session_mem_recv(session, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), n)
                if consumed < 0 {
                    // A protocol error: nghttp2 has queued GOAWAY; send it, then close.
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
        loop.markDirty(self)
    }

    /// Moves pending frames from nghttp2 into the write buffer and sends them in one call.
    func flush() {
        guard !isClosed, let session else { return }
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
        reportProgress()
        if writeOffset < writeBuffer.count {
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
        if writeOffset == writeBuffer.count && nghttp2_session_want_read(session) == 0 && nghttp2_session_want_write(session) == 0 {
            close()
        } else if draining && finalGoAwaySent && streams.isEmpty && writeOffset == writeBuffer.count
                    && nghttp2_session_want_write(session) == 0 {
            close()
        }
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

    private func reportProgress() {
        guard !progressed.isEmpty else { return }
        for stream in progressed {
            stream.handle?.acknowledgeSent(stream.unacknowledgedSent)
            stream.unacknowledgedSent = 0
        }
        progressed.removeAll(keepingCapacity: true)
    }

    /// Ends the connection now: cancels every call and releases the session and socket.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for stream in streams.values { cancel(stream, Status(.cancelled, "connection closed")) }
        streams.removeAll()
        progressed.removeAll()
        nghttp2_session_del(session)
        session = nil
        loop.connectionClosed(self)
        Glibc.close(fd)
    }

    // MARK: Graceful shutdown

    func beginDrain() {
        guard !draining, !isClosed else { return }
        draining = true
        // The notice tells the client to stop opening streams; streams it opened before seeing it
        // are answered UNAVAILABLE. The final GOAWAY names the last stream we processed.
        nghttp2_submit_shutdown_notice(session)
        nghttp2_submit_goaway(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nghttp2_session_get_last_proc_stream_id(session), UInt32(NGHTTP2_NO_ERROR.rawValue), nil, 0)
        finalGoAwaySent = true
        loop.markDirty(self)
    }

    // MARK: Requests (nghttp2 callbacks)

    func beginStream(_ id: Int32) {
        streams[id] = ServerStream(id: id, maxMessageSize: core.configuration.maxReceiveMessageSize)
    }

    func header(streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        guard let stream = streams[streamID], !stream.started else { return }
        guard let first = name.first else { return }
        if first == UInt8(ascii: ":") {
            if name.elementsEqual(":path".utf8) { stream.path = String(decoding: value, as: UTF8.self) }
            return
        }
        switch name.count {
        case 2 where name.elementsEqual("te".utf8):
            return
        case 12 where name.elementsEqual("content-type".utf8):
            let grpc = value.starts(with: "application/grpc".utf8)
                && (value.count == 16 || value[16] == UInt8(ascii: "+") || value[16] == UInt8(ascii: ";"))
            stream.contentType = grpc ? .grpc : .other
            return
        case 12 where name.elementsEqual("grpc-timeout".utf8):
            guard let timeout = GRPCTimeout.parse(value) else {
                stream.headerError = Status(.invalidArgument, "malformed grpc-timeout")
                return
            }
            stream.timeout = timeout
            return
        case 13 where name.elementsEqual("grpc-encoding".utf8):
            let text = String(decoding: value, as: UTF8.self)
            if let encoding = CompressionAlgorithm(name: text) {
                stream.encoding = encoding
            } else {
                stream.unknownEncoding = text
            }
            return
        default:
            break
        }
        let key = String(decoding: name, as: UTF8.self)
        if Metadata.isReservedKey(key) { return }
        if !stream.metadata.addWireValue(key: key, value: String(decoding: value, as: UTF8.self)) {
            stream.headerError = Status(.invalidArgument, "metadata \(key) is not valid base64")
        }
    }

    func headersComplete(streamID: Int32, endStream: Bool) {
        guard let stream = streams[streamID] else { return }
        if stream.started || stream.method != nil || stream.finished {
            // Trailers from the client (or HEADERS after an early answer): only END_STREAM matters.
            if endStream { requestEnded(streamID: streamID) }
            return
        }
        startCall(stream)
        if endStream { requestEnded(streamID: streamID) }
    }

    private func startCall(_ stream: ServerStream) {
        if draining {
            return respond(stream, Status(.unavailable, "server is shutting down"))
        }
        guard stream.contentType == .grpc else {
            return respondHTTPError(stream, status: "415", Status(.unknown, "content-type must be application/grpc"))
        }
        if let error = stream.headerError { return respond(stream, error) }
        if let unknown = stream.unknownEncoding {
            return respond(stream, Status(.unimplemented, "grpc-encoding \(unknown) is not supported"))
        }
        guard let path = stream.path, let method = core.router.method(forPath: path) else {
            return respond(stream, Status(.unimplemented, "unknown method \(stream.path ?? "(none)")"))
        }
        stream.method = method
        let handle = StreamHandle(streamID: stream.id, connection: self, loop: loop, singleResponse: method.handler.kind.hasSingleResponse)
        stream.handle = handle
        let deadline = stream.timeout.map { Deadline(fromNow: $0) }
        stream.context = ServerContext(
            method: method.descriptor, metadata: stream.metadata, deadline: deadline, peer: peer,
            requestEncoding: stream.encoding)
        if let deadline { loop.addTimer(at: deadline, connection: self, streamID: stream.id) }
        if !method.handler.kind.hasSingleRequest {
            spawn(stream, requests: .stream(handle))
        }
    }

    func data(streamID: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let stream = streams[streamID], stream.method != nil, !stream.finished, !stream.requestEnded else {
            // Data nobody will read still counts against the connection window: return it now.
            nghttp2_session_consume(session, streamID, bytes.count)
            return
        }
        let streaming = !(stream.method!.handler.kind.hasSingleRequest)
        do {
            try stream.deframer.consume(bytes) { framed in
                guard !stream.finished else { return }
                let message: [UInt8]
                if framed.compressed {
                    guard stream.encoding != .identity else {
                        return fail(stream, Status(.internal, "compressed message without grpc-encoding"))
                    }
                    do {
                        message = try stream.encoding.decompress(framed.bytes, limit: core.configuration.maxReceiveMessageSize)
                    } catch {
                        return fail(stream, Status(error: error))
                    }
                } else {
                    message = framed.bytes
                }
                if streaming {
                    stream.handle?.deliver(message)
                } else if stream.singleRequest == nil {
                    stream.singleRequest = message
                } else {
                    fail(stream, Status(.invalidArgument, "\(stream.method!.descriptor.path) takes exactly one request message"))
                }
            }
        } catch {
            fail(stream, Status(error: error))
        }
        if streaming && !stream.finished && stream.handle?.shouldDeferCredit() == true {
            stream.deferredCredit += bytes.count
        } else {
            nghttp2_session_consume(session, streamID, bytes.count)
        }
    }

    func requestEnded(streamID: Int32) {
        guard let stream = streams[streamID], !stream.requestEnded else { return }
        stream.requestEnded = true
        guard let method = stream.method, !stream.finished else { return }
        if stream.deframer.hasPartialMessage {
            return fail(stream, Status(.invalidArgument, "request stream ended inside a message (truncated)"))
        }
        if method.handler.kind.hasSingleRequest {
            guard let request = stream.singleRequest else {
                return fail(stream, Status(.invalidArgument, "\(method.descriptor.path) requires a request message"))
            }
            stream.singleRequest = nil
            spawn(stream, requests: .single(request))
        } else {
            stream.handle?.endInbound(.ok)
        }
    }

    func streamClosed(streamID: Int32, errorCode: UInt32) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        if stream.deferredCredit > 0 {
            nghttp2_session_consume_connection(session, stream.deferredCredit)
        }
        // A reset (or any close before we answered) cancels the handler.
        cancel(stream, Status(.cancelled, "stream closed by the client"))
    }

    func deadlineExpired(streamID: Int32) {
        guard let stream = streams[streamID], !stream.finished else { return }
        fail(stream, Status(.deadlineExceeded, "deadline exceeded"))
        loop.markDirty(self)
    }

    // MARK: Calls

    private func spawn(_ stream: ServerStream, requests: ServerCallRequests) {
        guard let handle = stream.handle, let context = stream.context, let method = stream.method else { return }
        stream.started = true
        let chain = core.interceptors
        let handler = method.handler
        stream.task = Task.detached {
            let status: Status
            do {
                try await chain.run(context: context) { context in
                    try await handler.run(requests, handle, context)
                }
                status = .ok
            } catch {
                status = Status(error: error)
            }
            handle.finish(status, trailers: context.trailingResponseMetadata)
        }
    }

    /// Ends a call early with `status`: the handler is cancelled and the client gets the status.
    private func fail(_ stream: ServerStream, _ status: Status) {
        guard !stream.finished else { return }
        cancel(stream, status)
        respond(stream, status)
    }

    private func cancel(_ stream: ServerStream, _ status: Status) {
        stream.handle?.close(status)
        stream.task?.cancel()
        stream.task = nil
    }

    /// Sends `status` as the end of the response: Trailers-Only if nothing was sent yet.
    private func respond(_ stream: ServerStream, _ status: Status, trailers: Metadata = Metadata()) {
        stream.finished = true
        stream.outData = []
        stream.outOffset = 0
        if stream.headersSent {
            stream.pendingTrailers = (status, trailers)
            resumeData(stream)
        } else {
            stream.headersSent = true
            var headers = HeaderList(capacity: 6)
            headers.add(":status", "200")
            headers.add("content-type", "application/grpc")
            headers.add(status: status)
            headers.add(trailers)
            _ = headers.withNVArray { nghttp2_submit_response(session, stream.id, $0, $1, nil) }
        }
        loop.markDirty(self)
    }

    private func respondHTTPError(_ stream: ServerStream, status httpStatus: String, _ status: Status) {
        stream.finished = true
        stream.headersSent = true
        var headers = HeaderList(capacity: 4)
        headers.add(":status", httpStatus)
        headers.add("content-type", "application/grpc")
        headers.add(status: status)
        _ = headers.withNVArray { nghttp2_submit_response(session, stream.id, $0, $1, nil) }
        loop.markDirty(self)
    }

    /// Output a handler produced, handed over by its `StreamHandle`.
    func deliverOutput(streamID: Int32, messages: [[UInt8]], finish: (Status, Metadata)?, returnCredit: Bool) {
        guard !isClosed, let stream = streams[streamID] else { return }
        if returnCredit && stream.deferredCredit > 0 {
            nghttp2_session_consume(session, streamID, stream.deferredCredit)
            stream.deferredCredit = 0
        }
        guard !stream.finished else { return }
        for message in messages {
            if stream.outBytesPending == 0 {
                stream.outData = message
                stream.outOffset = 0
            } else {
                stream.outData.append(contentsOf: message)
            }
        }
        if let (status, trailers) = finish {
            if !stream.headersSent && stream.outBytesPending == 0 && !status.isOK {
                stream.task = nil
                return respond(stream, status, trailers: trailers)
            }
            stream.finished = true
            stream.pendingTrailers = (status, trailers)
            stream.task = nil
        }
        if !stream.headersSent {
            stream.headersSent = true
            var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: ServerSessionCallbacks.readResponseData)
            let initial = stream.context?.initialResponseMetadata ?? Metadata()
            if initial.isEmpty {
                let prebuilt = PrebuiltHeaders.okResponse
                nghttp2_submit_response(session, streamID, prebuilt.nva, prebuilt.count, &provider)
            } else {
                var headers = HeaderList(capacity: 4 + initial.count)
                headers.add(":status", "200")
                headers.add("content-type", "application/grpc")
                headers.add("grpc-accept-encoding", CompressionAlgorithm.acceptEncodingHeader)
                headers.add(initial)
                _ = headers.withNVArray { nghttp2_submit_response(session, streamID, $0, $1, &provider) }
            }
        } else {
            resumeData(stream)
        }
        loop.markDirty(self)
    }

    private func resumeData(_ stream: ServerStream) {
        if stream.dataDeferred {
            stream.dataDeferred = false
            nghttp2_session_resume_data(session, stream.id)
        }
    }

    /// nghttp2 asks for up to `length` response bytes of `streamID`.
    func readResponseData(streamID: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard let stream = streams[streamID] else { return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue) }
        let count = min(length, stream.outBytesPending)
        if count > 0 {
            stream.outData.withUnsafeBufferPointer { src in
                buffer.update(from: src.baseAddress! + stream.outOffset, count: count)
            }
            stream.outOffset += count
            if stream.handle?.singleResponse == false {
                if stream.unacknowledgedSent == 0 { progressed.append(stream) }
                stream.unacknowledgedSent += count
            }
        }
        if stream.outBytesPending == 0 {
            stream.outData = []
            stream.outOffset = 0
            if let (status, trailers) = stream.pendingTrailers {
                stream.pendingTrailers = nil
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue | NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
                if status.isOK && trailers.isEmpty {
                    let prebuilt = PrebuiltHeaders.okTrailers
                    nghttp2_submit_trailer(session, streamID, prebuilt.nva, prebuilt.count)
                } else {
                    var headers = HeaderList(capacity: 3 + trailers.count)
                    headers.add(status: status)
                    headers.add(trailers)
                    _ = headers.withNVArray { nghttp2_submit_trailer(session, streamID, $0, $1) }
                }
            } else if count == 0 {
                stream.dataDeferred = true
                return Int(NGHTTP2_ERR_DEFERRED.rawValue)
            }
        }
        return count
    }
}
