import CZlib

/// The message encodings this implementation speaks (`grpc-encoding` values).
public enum CompressionAlgorithm: String, Sendable, Hashable, CaseIterable {
    case identity
    case gzip
    case deflate

    /// Recognises a `grpc-encoding` value; nil for anything else (the server answers UNIMPLEMENTED).
    public init?(name: some StringProtocol) {
        switch name {
        case "identity": self = .identity
        case "gzip": self = .gzip
        case "deflate": self = .deflate
        default: return nil
        }
    }

    /// The value of `grpc-accept-encoding` listing every algorithm we can decode.
    public static let acceptEncodingHeader = "identity,deflate,gzip"

    /// zlib's `windowBits` selecting the container: gzip (+16) or the zlib format gRPC calls deflate.
    fileprivate var windowBits: Int32 {
        self == .gzip ? 15 + 16 : 15
    }

    /// Compresses `bytes` (identity returns them unchanged).
    public func compress(_ bytes: [UInt8]) -> [UInt8] {
        if self == .identity { return bytes }
        var stream = z_stream()
        let initResult = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(initResult == Z_OK, "deflateInit2 failed: \(initResult)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: bound)
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let result = CZlib.deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate with a deflateBound buffer must finish: \(result)")
                return outBuf.count - Int(stream.avail_out)
            }
        }
        out.removeSubrange(produced...)
        return out
    }

    /// Decompresses `bytes`, failing with RESOURCE_EXHAUSTED as soon as the output would exceed
    /// `limit` (so a small "zip bomb" never grows past it) and INVALID_ARGUMENT on corrupt input.
    public func decompress(_ bytes: [UInt8], limit: Int) throws(Status) -> [UInt8] {
        if self == .identity {
            guard bytes.count <= limit else { throw Status.messageTooLarge(limit: limit) }
            return bytes
        }
        var stream = z_stream()
        let initResult = inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { throw Status(.internal, "inflateInit2 failed: \(initResult)") }
        defer { inflateEnd(&stream) }

        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var input = bytes
        let outcome: Status? = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (result, outBuf.count - Int(stream.avail_out))
                }
                if out.count + produced > limit { return Status.messageTooLarge(limit: limit) }
                out.append(contentsOf: chunk[0..<produced])
                switch result {
                case Z_STREAM_END:
                    return stream.avail_in == 0 ? nil : Status(.invalidArgument, "trailing bytes after compressed message")
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return Status(.invalidArgument, "compressed message is truncated")
                default:
                    return Status(.invalidArgument, "compressed message is corrupt (\(self.rawValue))")
                }
            }
        }
        if let outcome { throw outcome }
        return out
    }
}

extension Status {
    static func messageTooLarge(limit: Int) -> Status {
        Status(.resourceExhausted, "message exceeds the limit of \(limit) bytes")
    }
}
