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
final class ServerConnection: HTTP2Connection {
    let peer: String
    private let core: ServerCore
    private var streams: [Int32: ServerStream] = [:]

    private var draining = false
    private var finalGoAwaySent = false
    // Connection housekeeping (handshake deadline, keepalive, idle timeout): one timer at a time.
    private let acceptedAt = Deadline.now().uptimeNanoseconds
    private var settingsReceived = false
    private var pingSentAt: UInt64?
    private var idleSince: UInt64? = Deadline.now().uptimeNanoseconds
    /// Streams whose sent-byte count must be reported to their handle after this flush.
    private var progressed: [ServerStream] = []

    init(fd: Int32, peer: String, loop: EventLoop, core: ServerCore) {
        self.peer = peer
        self.core = core
        super.init(fd: fd, loop: loop, tls: core.tls?.makeSession(fd: fd))
        nghttp2_session_server_new2(&session, SessionCallbacks.server.callbacks, callbackContext, SessionCallbacks.server.options)
        let config = core.configuration
        let settings = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: UInt32(config.maxConcurrentStreams)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue), value: UInt32(config.maxHeaderListSize)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: UInt32(config.initialStreamWindowSize)),
        ]
        nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), settings, settings.count)
        nghttp2_session_set_local_window_size(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, Int32(config.connectionWindowSize))
        scheduleHousekeeping()
    }

    // MARK: Housekeeping

    /// Stream id 0 in the loop's timer heap means "check this connection's health".
    private static let housekeepingTimer: Int32 = 0

    private func nanos(_ d: Duration) -> UInt64 { UInt64(max(d.nanoseconds, 0)) }

    /// When the next housekeeping decision is due, given what we know now.
    private var nextHousekeeping: UInt64? {
        let config = core.configuration
        if !settingsReceived { return acceptedAt + nanos(config.handshakeTimeout) }
        if let pingSentAt { return pingSentAt + nanos(config.keepaliveTimeout) }
        var next: UInt64?
        if let interval = config.keepaliveInterval { next = lastReadTime + nanos(interval) }
        if let idle = config.maxConnectionIdle, let idleSince, !draining {
            next = min(next ?? .max, idleSince + nanos(idle))
        }
        return next
    }

    private func scheduleHousekeeping() {
        guard let at = nextHousekeeping else { return }
        loop.addTimer(at: Deadline(uptimeNanoseconds: at), connection: self, streamID: Self.housekeepingTimer)
    }

    private func housekeeping() {
        guard !isClosed else { return }
        let now = Deadline.now().uptimeNanoseconds
        let config = core.configuration
        if !settingsReceived {
            if now >= acceptedAt + nanos(config.handshakeTimeout) { return close() }
        } else if let sent = pingSentAt {
            if now >= sent + nanos(config.keepaliveTimeout) { return close() }
        } else {
            if let interval = config.keepaliveInterval, now >= lastReadTime + nanos(interval) {
                nghttp2_submit_ping(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nil)
                pingSentAt = now
                loop.markDirty(self)
            }
            if let idle = config.maxConnectionIdle, let idleSince, !draining, now >= idleSince + nanos(idle) {
                beginDrain()
            }
        }
        scheduleHousekeeping()
    }

    override func receivedSettings() {
        guard !settingsReceived else { return }
        settingsReceived = true
        scheduleHousekeeping()  // the pending timer is the far-off handshake deadline
    }

    override func receivedPingAck() {
        pingSentAt = nil
    }

    // MARK: Connection hooks

    override func didPullOutput() {
        reportProgress()
    }

    override var isFinished: Bool {
        if super.isFinished { return true }
        // Drained: GOAWAY sent, no calls left, nothing left to send.
        guard let session else { return true }
        return draining && finalGoAwaySent && streams.isEmpty && !hasUnsentOutput && nghttp2_session_want_write(session) == 0
    }

    private func reportProgress() {
        guard !progressed.isEmpty else { return }
        for stream in progressed {
            stream.handle?.acknowledgeSent(stream.unacknowledgedSent)
            stream.unacknowledgedSent = 0
        }
        progressed.removeAll(keepingCapacity: true)
    }

    /// Cancels every call still running on the closing connection.
    override func willClose() {
        for stream in streams.values { cancel(stream, Status(.cancelled, "connection closed")) }
        streams.removeAll()
        progressed.removeAll()
    }

    // MARK: Graceful shutdown

    override func beginDrain() {
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

    override func beginRequest(streamID id: Int32) {
        idleSince = nil
        streams[id] = ServerStream(id: id, maxMessageSize: core.configuration.maxReceiveMessageSize)
    }

    override func receivedHeader(streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        guard let stream = streams[streamID], !stream.started else { return }
        guard let first = name.first, stream.headerError == nil else { return }
        // HTTP/2's accounting: each field costs its name, its value and 32 bytes.
        stream.headerListSize += name.count + value.count + 32
        if stream.headerListSize > core.configuration.maxHeaderListSize {
            stream.headerError = Status(.resourceExhausted, "request headers exceed \(core.configuration.maxHeaderListSize) bytes")
            stream.metadata = Metadata()
            return
        }
        if first == UInt8(ascii: ":") {
            if name.equals(":path") {
                stream.method = core.router.method(forPath: value)
                // Kept as text only to name it in the UNIMPLEMENTED message.
                if stream.method == nil { stream.path = String(decoding: value, as: UTF8.self) }
            }
            return
        }
        switch name.count {
        case 2 where name.equals("te"):
            return
        case 10 where name.equals("user-agent"):
            return
        case 12 where name.equals("content-type"):
            let grpc = value.hasPrefix("application/grpc")
                && (value.count == 16 || value[16] == UInt8(ascii: "+") || value[16] == UInt8(ascii: ";"))
            stream.contentType = grpc ? .grpc : .other
            return
        case 12 where name.equals("grpc-timeout"):
            guard let timeout = GRPCTimeout.parse(value) else {
                stream.headerError = Status(.invalidArgument, "malformed grpc-timeout")
                return
            }
            stream.timeout = timeout
            return
        case 13 where name.equals("grpc-encoding"):
            let text = String(decoding: value, as: UTF8.self)
            if let encoding = CompressionAlgorithm(name: text) {
                stream.encoding = encoding
            } else {
                stream.unknownEncoding = text
            }
            return
        case 20 where name.equals("grpc-accept-encoding"):
            for name in String(decoding: value, as: UTF8.self).split(separator: ",") {
                let trimmed = name.filter { $0 != " " && $0 != "\t" }
                if let algorithm = CompressionAlgorithm(name: trimmed) { stream.acceptedEncodings.insert(algorithm) }
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

    override func receivedHeaders(streamID: Int32, endStream: Bool) {
        guard let stream = streams[streamID] else { return }
        if stream.started || stream.handle != nil || stream.finished {
            // Trailers from the client (or HEADERS after an early answer): only END_STREAM matters.
            if endStream { receivedEndOfStream(streamID: streamID) }
            return
        }
        startCall(stream)
        if endStream { receivedEndOfStream(streamID: streamID) }
    }

    private func startCall(_ stream: ServerStream) {
        if draining {
            return respond(stream, Status(.unavailable, "server is shutting down"))
        }
        if let error = stream.headerError { return respond(stream, error) }
        guard stream.contentType == .grpc else {
            return respondHTTPError(stream, status: "415", Status(.unknown, "content-type must be application/grpc"))
        }
        if let unknown = stream.unknownEncoding {
            return respond(stream, Status(.unimplemented, "grpc-encoding \(unknown) is not supported"))
        }
        guard let method = stream.method else {
            return respond(stream, Status(.unimplemented, "unknown method \(stream.path ?? "(none)")"))
        }
        let handle = StreamHandle(streamID: stream.id, connection: self, loop: loop, singleResponse: method.handler.kind.hasSingleResponse)
        stream.handle = handle
        let deadline = stream.timeout.map { Deadline(fromNow: $0) }
        stream.context = ServerContext(
            method: method.descriptor, metadata: stream.metadata, deadline: deadline, peer: peer,
            requestEncoding: stream.encoding, acceptedEncodings: stream.acceptedEncodings)
        if let deadline { loop.addTimer(at: deadline, connection: self, streamID: stream.id) }
        if !method.handler.kind.hasSingleRequest {
            spawn(stream, requests: .stream(handle))
        }
    }

    override func receivedData(streamID: Int32, _ bytes: UnsafeRawBufferPointer) {
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

    override func receivedEndOfStream(streamID: Int32) {
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

    override func streamClosed(streamID: Int32, errorCode: UInt32) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        if streams.isEmpty {
            idleSince = Deadline.now().uptimeNanoseconds
            if core.configuration.maxConnectionIdle != nil { scheduleHousekeeping() }
        }
        if stream.deferredCredit > 0 {
            nghttp2_session_consume_connection(session, stream.deferredCredit)
        }
        // A reset (or any close before we answered) cancels the handler.
        cancel(stream, Status(.cancelled, "stream closed by the client"))
    }

    override func timerFired(streamID: Int32) {
        if streamID == Self.housekeepingTimer { return housekeeping() }
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
        let call: @Sendable () async -> Void = {
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
        if core.configuration.servicesOnEventLoop.contains(method.descriptor.service) {
            stream.task = Task(executorPreference: loop.taskExecutor, operation: call)
        } else {
            stream.task = Task.detached(operation: call)
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
            var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: SessionCallbacks.readData)
            let initial = stream.context?.initialResponseMetadata ?? Metadata()
            let compression = stream.context?.responseCompression ?? .identity
            if initial.isEmpty && compression == .identity {
                let prebuilt = PrebuiltHeaders.okResponse
                nghttp2_submit_response(session, streamID, prebuilt.nva, prebuilt.count, &provider)
            } else {
                var headers = HeaderList(capacity: 4 + initial.count)
                headers.add(":status", "200")
                headers.add("content-type", "application/grpc")
                headers.add("grpc-accept-encoding", CompressionAlgorithm.acceptEncodingHeader)
                if compression != .identity { headers.add("grpc-encoding", compression.rawValue) }
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
    override func readData(streamID: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
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
