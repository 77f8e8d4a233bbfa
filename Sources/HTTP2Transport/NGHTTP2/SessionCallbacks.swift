import CNGHTTP2

/// The C callbacks nghttp2 calls while a connection feeds it bytes, created once per process for
/// each side. Each recovers the `HTTP2Connection` from `user_data` (an unretained pointer: the
/// connection frees the session before it goes away) and forwards to its overridable methods.
final class SessionCallbacks: @unchecked Sendable {
    // Written once in init, only read afterwards.
    let callbacks: OpaquePointer
    let options: OpaquePointer

    static let server = SessionCallbacks(server: true)
    static let client = SessionCallbacks(server: false)

    private init(server: Bool) {
        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        if server {
            nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks) { _, frame, user in
                guard let frame, frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue),
                      frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST else { return 0 }
                HTTP2Connection.from(user).beginRequest(streamID: frame.pointee.hd.stream_id)
                return 0
            }
        }
        nghttp2_session_callbacks_set_on_header_callback(callbacks) { _, frame, name, nameLength, value, valueLength, _, user in
            guard let frame, let name, let value, frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue) else { return 0 }
            HTTP2Connection.from(user).receivedHeader(
                streamID: frame.pointee.hd.stream_id,
                name: UnsafeBufferPointer(start: name, count: nameLength),
                value: UnsafeBufferPointer(start: value, count: valueLength))
            return 0
        }
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, user in
            guard let frame else { return 0 }
            let connection = HTTP2Connection.from(user)
            let type = frame.pointee.hd.type
            let streamID = frame.pointee.hd.stream_id
            let endStream = frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
            let ack = frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0
            switch UInt32(type) {
            case NGHTTP2_HEADERS.rawValue: connection.receivedHeaders(streamID: streamID, endStream: endStream)
            case NGHTTP2_DATA.rawValue where endStream: connection.receivedEndOfStream(streamID: streamID)
            case NGHTTP2_GOAWAY.rawValue: connection.receivedGoAway()
            case NGHTTP2_SETTINGS.rawValue where !ack: connection.receivedSettings()
            case NGHTTP2_PING.rawValue where ack: connection.receivedPingAck()
            default: break
            }
            return 0
        }
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) { _, _, streamID, data, length, user in
            HTTP2Connection.from(user).receivedData(streamID: streamID, UnsafeRawBufferPointer(start: data, count: length))
            return 0
        }
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, streamID, errorCode, user in
            HTTP2Connection.from(user).streamClosed(streamID: streamID, errorCode: errorCode)
            return 0
        }
        self.callbacks = callbacks!

        var options: OpaquePointer?
        nghttp2_option_new(&options)
        // Flow-control credit is returned by us, as the application consumes what arrived.
        nghttp2_option_set_no_auto_window_update(options, 1)
        if server {
            // Flood defences: SETTINGS entries, queued ACKs (ping/settings floods), rapid reset,
            // CONTINUATION floods, and the HPACK table a client may make us keep.
            nghttp2_option_set_max_settings(options, 32)
            nghttp2_option_set_max_outbound_ack(options, 1000)
            nghttp2_option_set_stream_reset_rate_limit(options, 1000, 100)
            nghttp2_option_set_max_continuations(options, 8)
            nghttp2_option_set_max_deflate_dynamic_table_size(options, 4096)
        }
        self.options = options!
    }

    /// Pulls a stream's outgoing DATA bytes (response bodies on a server, request bodies on a client).
    static let readData: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, user in
        HTTP2Connection.from(user).readData(streamID: streamID, into: buffer!, length: length, flags: flags!)
    }
}
