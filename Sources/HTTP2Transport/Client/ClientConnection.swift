import CEpoll
import CNGHTTP2
import Glibc
import RPC
import Synchronization

/// A client's HTTP/2 connection: an nghttp2 client session on a loop. Calls are submitted to it
/// by their `ClientCall` handles (`deliverOutput`); responses are parsed here and handed back.
final class ClientConnection: HTTP2Connection {
    let authority: String
    /// Cleared when the connection closes or the server sends GOAWAY: new calls go elsewhere.
    let usable = Atomic<Bool>(true)
    var onConnected: CheckedContinuation<Void, any Error>?

    private var streams: [Int32: ClientStreamState] = [:]
    private var progressed: [ClientStreamState] = []

    private let scheme: String

    init(fd: Int32, loop: EventLoop, authority: String, tls: OpaquePointer? = nil) {
        self.authority = authority
        self.scheme = tls == nil ? "http" : "https"
        super.init(fd: fd, loop: loop, tls: tls)
        nghttp2_session_client_new2(&session, SessionCallbacks.client.callbacks, callbackContext, SessionCallbacks.client.options)
        let settings = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: 1 << 20),
        ]
        nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), settings, settings.count)
        nghttp2_session_set_local_window_size(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, 4 << 20)
    }

    // MARK: Connection hooks

    override func connectCompleted() {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else {
            let failure = Status(.unavailable, "connect to \(authority) failed: \(String(decoding: Array(UnsafeBufferPointer(start: strerror(error), count: strlen(strerror(error)))).map { UInt8(bitPattern: $0) }, as: UTF8.self))")
            onConnected?.resume(throwing: failure)
            onConnected = nil
            close()
            return
        }
        loop.modify(fd: fd, events: EPOLLIN.rawValue)
        onConnected?.resume()
        onConnected = nil
        _ = advanceHandshake()  // TLS: send the client hello (plaintext: nothing to do)
    }

    override func didPullOutput() {
        for stream in progressed {
            stream.call.acknowledgeSent(stream.unacknowledgedSent)
            stream.unacknowledgedSent = 0
        }
        progressed.removeAll(keepingCapacity: true)
    }

    override func willClose() {
        usable.store(false, ordering: .relaxed)
        onConnected?.resume(throwing: Status(.unavailable, "connection to \(authority) closed"))
        onConnected = nil
        for stream in streams.values {
            stream.call.complete(Status(.unavailable, "connection to \(authority) closed"), trailers: Metadata())
        }
        streams.removeAll()
        progressed.removeAll()
    }

    override func timerFired(streamID: Int32) {
        guard let stream = streams[streamID] else { return }
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, UInt32(NGHTTP2_CANCEL.rawValue))
        stream.call.complete(Status(.deadlineExceeded, "deadline exceeded"), trailers: Metadata())
        loop.markDirty(self)
    }

    // MARK: Calls

    func deliverOutput(call: ClientCall, messages: [[UInt8]], halfClose: Bool, cancel: Bool, returnCredit: Bool) {
        guard !isClosed else {
            call.complete(Status(.unavailable, "connection to \(authority) closed"), trailers: Metadata())
            return
        }
        let stream: ClientStreamState
        if call.streamID > 0 {
            guard let existing = streams[call.streamID] else { return }  // already finished
            stream = existing
        } else {
            guard !cancel, let started = submit(call) else { return }
            stream = started
        }
        if returnCredit && stream.deferredCredit > 0 {
            nghttp2_session_consume(session, stream.id, stream.deferredCredit)
            stream.deferredCredit = 0
        }
        if cancel {
            nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, UInt32(NGHTTP2_CANCEL.rawValue))
            loop.markDirty(self)
            return
        }
        for message in messages { stream.outData.append(contentsOf: message) }
        if halfClose { stream.endAfterData = true }
        if stream.dataDeferred {
            stream.dataDeferred = false
            nghttp2_session_resume_data(session, stream.id)
        }
        loop.markDirty(self)
    }

    private func submit(_ call: ClientCall) -> ClientStreamState? {
        var headers = HeaderList(capacity: 8 + call.metadata.count)
        headers.add(":method", "POST")
        headers.add(":scheme", scheme)
        headers.add(":path", call.method.path)
        headers.add(":authority", authority)
        headers.add("content-type", "application/grpc")
        headers.add("te", "trailers")
        headers.add("user-agent", "jiceng-grpc/0.1")
        if let timeout = call.options.timeout { headers.add("grpc-timeout", GRPCTimeout.format(timeout)) }
        if call.options.compression != .identity { headers.add("grpc-encoding", call.options.compression.rawValue) }
        headers.add("grpc-accept-encoding", CompressionAlgorithm.acceptEncodingHeader)
        headers.add(call.metadata)
        var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: SessionCallbacks.readData)
        let id = headers.withNVArray { nghttp2_submit_request(session, nil, $0, $1, &provider, nil) }
        guard id > 0 else {
            call.complete(Status(.unavailable, "cannot open a stream (\(id))"), trailers: Metadata())
            return nil
        }
        let stream = ClientStreamState(id: id, call: call, maxMessageSize: call.options.maxReceiveMessageSize)
        streams[id] = stream
        call.streamID = id
        if let timeout = call.options.timeout {
            loop.addTimer(at: Deadline(fromNow: timeout), connection: self, streamID: id)
        }
        return stream
    }

    // MARK: nghttp2 callbacks

    override func receivedHeader(streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        guard let stream = streams[streamID] else { return }
        let key = String(decoding: name, as: UTF8.self)
        switch key {
        case ":status": stream.httpStatus = Int(String(decoding: value, as: UTF8.self)) ?? 0
        case "grpc-status": stream.grpcStatus = Int(String(decoding: value, as: UTF8.self))
        case "grpc-message": stream.grpcMessage = StatusMessageEncoding.decode(value)
        case "grpc-status-details-bin": stream.grpcDetails = Base64.decode(String(decoding: value, as: UTF8.self))
        case "grpc-encoding": stream.responseEncoding = CompressionAlgorithm(name: String(decoding: value, as: UTF8.self))
        default:
            if !Metadata.isReservedKey(key) {
                stream.metadata.addWireValue(key: key, value: String(decoding: value, as: UTF8.self))
            }
        }
    }

    override func receivedHeaders(streamID: Int32, endStream: Bool) {
        guard let stream = streams[streamID] else { return }
        if !stream.headersDone {
            stream.headersDone = true
            if endStream {
                finish(stream)  // Trailers-Only
            } else {
                stream.call.receivedHeaders(stream.metadata)
                stream.metadata = Metadata()
            }
        } else if endStream {
            finish(stream)
        }
    }

    override func receivedData(streamID: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let stream = streams[streamID] else {
            nghttp2_session_consume(session, streamID, bytes.count)
            return
        }
        // A caller that stops reading stops the server: credit waits until it catches up.
        if stream.call.shouldWithholdCredit() {
            stream.deferredCredit += bytes.count
        } else {
            nghttp2_session_consume(session, streamID, bytes.count)
        }
        do {
            try stream.deframer.consume(bytes) { framed in
                var message = framed.bytes
                if framed.compressed {
                    guard let encoding = stream.responseEncoding, encoding != .identity,
                          let decompressed = try? encoding.decompress(framed.bytes, limit: stream.deframer.maxMessageSize) else {
                        stream.failure = Status(.internal, "cannot decompress the response")
                        return
                    }
                    message = decompressed
                }
                stream.call.receivedMessage(message)
            }
        } catch {
            stream.failure = Status(error: error)
        }
        if let failure = stream.failure {
            nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, UInt32(NGHTTP2_CANCEL.rawValue))
            stream.call.complete(failure, trailers: Metadata())
        }
    }

    override func streamClosed(streamID: Int32, errorCode: UInt32) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        if stream.deferredCredit > 0 { nghttp2_session_consume_connection(session, stream.deferredCredit) }
        let status: Status
        switch errorCode {
        case NGHTTP2_NO_ERROR.rawValue: status = Status(.internal, "stream closed without a status")
        case NGHTTP2_CANCEL.rawValue: status = Status(.cancelled, "stream cancelled")
        case NGHTTP2_REFUSED_STREAM.rawValue: status = Status(.unavailable, "stream refused")
        case NGHTTP2_ENHANCE_YOUR_CALM.rawValue: status = Status(.resourceExhausted, "peer says enhance your calm")
        default: status = Status(.internal, "stream reset (HTTP/2 error \(errorCode))")
        }
        stream.call.complete(status, trailers: Metadata())
    }

    override func receivedGoAway() {
        usable.store(false, ordering: .relaxed)
    }

    override func receivedEndOfStream(streamID: Int32) {
        receivedHeaders(streamID: streamID, endStream: true)
    }

    private func finish(_ stream: ClientStreamState) {
        let status: Status
        if let code = stream.grpcStatus {
            status = Status(Status.Code(wireValue: code), stream.grpcMessage ?? "", details: stream.grpcDetails)
        } else if stream.httpStatus != 200 {
            status = Status(Self.code(forHTTPStatus: stream.httpStatus), "HTTP status \(stream.httpStatus)")
        } else {
            status = Status(.internal, "response ended without grpc-status")
        }
        if status.isOK && stream.deframer.hasPartialMessage {
            stream.call.complete(Status(.internal, "response ended inside a message"), trailers: stream.metadata)
        } else {
            stream.call.complete(status, trailers: stream.metadata)
        }
    }

    /// The gRPC spec's mapping for responses that are not gRPC at all.
    static func code(forHTTPStatus status: Int) -> Status.Code {
        switch status {
        case 400: .internal
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404: .unimplemented
        case 429, 502, 503, 504: .unavailable
        default: .unknown
        }
    }

    override func readData(streamID: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard let stream = streams[streamID] else { return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue) }
        let count = min(length, stream.outData.count - stream.outOffset)
        if count > 0 {
            stream.outData.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + stream.outOffset, count: count) }
            stream.outOffset += count
            if stream.unacknowledgedSent == 0 { progressed.append(stream) }
            stream.unacknowledgedSent += count
        }
        if stream.outOffset == stream.outData.count {
            stream.outData.removeAll(keepingCapacity: true)
            stream.outOffset = 0
            if stream.endAfterData {
                flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
            } else if count == 0 {
                stream.dataDeferred = true
                return Int(NGHTTP2_ERR_DEFERRED.rawValue)
            }
        }
        return count
    }
}

/// A client stream's loop-side state.
final class ClientStreamState {
    let id: Int32
    let call: ClientCall
    var outData: [UInt8] = []
    var outOffset = 0
    var endAfterData = false
    var dataDeferred = false
    var unacknowledgedSent = 0
    /// Response bytes whose flow-control credit waits for the caller to read.
    var deferredCredit = 0

    var deframer: MessageDeframer
    var headersDone = false
    var httpStatus = 0
    var grpcStatus: Int?
    var grpcMessage: String?
    var grpcDetails: [UInt8]?
    var responseEncoding: CompressionAlgorithm?
    var metadata = Metadata()
    var failure: Status?

    init(id: Int32, call: ClientCall, maxMessageSize: Int) {
        self.id = id
        self.call = call
        self.deframer = MessageDeframer(maxMessageSize: maxMessageSize)
    }
}
