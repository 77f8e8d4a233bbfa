import CNGHTTP2

/// The C callbacks nghttp2 calls while `ServerConnection` feeds it bytes. Each recovers the
/// connection from `user_data` (an unretained pointer the connection outlives) and forwards.
enum ServerSessionCallbacks {
    static func make() -> OpaquePointer {
        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks) { _, frame, user in
            guard let frame, frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue),
                  frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST else { return 0 }
            ServerConnection.from(user).beginStream(frame.pointee.hd.stream_id)
            return 0
        }
        nghttp2_session_callbacks_set_on_header_callback(callbacks) { _, frame, name, nameLength, value, valueLength, _, user in
            guard let frame, let name, let value, frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue) else { return 0 }
            ServerConnection.from(user).header(
                streamID: frame.pointee.hd.stream_id,
                name: UnsafeBufferPointer(start: name, count: nameLength),
                value: UnsafeBufferPointer(start: value, count: valueLength))
            return 0
        }
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, user in
            guard let frame else { return 0 }
            let type = frame.pointee.hd.type
            let endStream = frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
            let connection = ServerConnection.from(user)
            if type == UInt8(NGHTTP2_HEADERS.rawValue) {
                connection.headersComplete(streamID: frame.pointee.hd.stream_id, endStream: endStream)
            } else if type == UInt8(NGHTTP2_DATA.rawValue) && endStream {
                connection.requestEnded(streamID: frame.pointee.hd.stream_id)
            }
            return 0
        }
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) { _, _, streamID, data, length, user in
            ServerConnection.from(user).data(streamID: streamID, UnsafeRawBufferPointer(start: data, count: length))
            return 0
        }
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, streamID, errorCode, user in
            ServerConnection.from(user).streamClosed(streamID: streamID, errorCode: errorCode)
            return 0
        }
        return callbacks!
    }

    /// Pulls response bytes for a stream (nghttp2 calls it when the stream may send DATA).
    static let readResponseData: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, user in
        ServerConnection.from(user).readResponseData(streamID: streamID, into: buffer!, length: length, flags: flags!)
    }
}
