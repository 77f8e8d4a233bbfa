import ProtoRuntime

/// gRPC's length-prefixed message: one flag byte (1 = compressed), a 4-byte big-endian length,
/// then the message bytes.
public enum MessageFraming {
    public static let headerSize = 5

    /// Frames `payload`, copying it once into an exactly sized buffer.
    public static func frame(_ payload: [UInt8], compressed: Bool = false) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(headerSize + payload.count)
        appendHeader(length: payload.count, compressed: compressed, to: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// Encodes `message` straight into a framed buffer: one allocation, no intermediate copy.
    public static func frame<M: ProtoMessage>(message: M) -> [UInt8] {
        let size = message.encodedSize()
        return [UInt8](unsafeUninitializedCapacity: headerSize + size) { buffer, count in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            writeHeader(length: size, compressed: false, at: base)
            var encoder = BinaryEncoder(unsafeBuffer: base + headerSize)
            message.encode(to: &encoder)
            precondition(encoder.bytesWritten == size, "\(M.protoMessageName): encodedSize() disagrees with encode(to:)")
            count = headerSize + size
        }
    }

    /// Frames `message`, compressed with `compression` unless that is identity (then it is the
    /// one-allocation path above).
    public static func frame<M: ProtoMessage>(message: M, compression: CompressionAlgorithm) -> [UInt8] {
        guard compression != .identity else { return frame(message: message) }
        return frame(compression.compress(message.serializedBytes()), compressed: true)
    }

    public static func appendHeader(length: Int, compressed: Bool, to out: inout [UInt8]) {
        out.append(compressed ? 1 : 0)
        out.append(UInt8(truncatingIfNeeded: length >> 24))
        out.append(UInt8(truncatingIfNeeded: length >> 16))
        out.append(UInt8(truncatingIfNeeded: length >> 8))
        out.append(UInt8(truncatingIfNeeded: length))
    }

    @inlinable
    static func writeHeader(length: Int, compressed: Bool, at p: UnsafeMutableRawPointer) {
        p.storeBytes(of: compressed ? 1 : 0, as: UInt8.self)
        p.storeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian, toByteOffset: 1, as: UInt32.self)
    }
}

/// One message taken off the wire, still compressed when `compressed` is set.
public struct FramedMessage: Sendable, Hashable {
    public var compressed: Bool
    public var bytes: [UInt8]

    public init(compressed: Bool, bytes: [UInt8]) {
        self.compressed = compressed
        self.bytes = bytes
    }
}

/// Splits a byte stream (DATA frame payloads) back into framed messages, across any chunking.
///
/// Each message's buffer is allocated once, at its announced length, after that length has been
/// checked against `maxMessageSize` — so a peer announcing a huge message costs nothing but the
/// RESOURCE_EXHAUSTED it gets back.
public struct MessageDeframer: Sendable {
    public let maxMessageSize: Int

    private var header: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
    private var headerFilled = 0
    private var payload: [UInt8] = []
    private var payloadLength = 0
    private var compressed = false
    private var readingPayload = false

    public init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
    }

    /// True when a message has begun but not yet fully arrived (a stream ending now is truncated).
    public var hasPartialMessage: Bool { headerFilled > 0 || readingPayload }

    /// Consumes `bytes`, calling `onMessage` for each message completed by them, in order.
    public mutating func consume(
        _ bytes: UnsafeRawBufferPointer, onMessage: (FramedMessage) -> Void
    ) throws(Status) {
        var index = 0
        let count = bytes.count
        while index < count {
            if !readingPayload {
                // Fast path: a whole header is available in this chunk.
                if headerFilled == 0 && count - index >= MessageFraming.headerSize {
                    let flag = bytes[index]
                    let length = Int(bytes[index + 1]) << 24 | Int(bytes[index + 2]) << 16
                        | Int(bytes[index + 3]) << 8 | Int(bytes[index + 4])
                    index += MessageFraming.headerSize
                    try beginPayload(flag: flag, length: length)
                } else {
                    withUnsafeMutableBytes(of: &header) { $0[headerFilled] = bytes[index] }
                    headerFilled += 1
                    index += 1
                    if headerFilled == MessageFraming.headerSize {
                        let h = header
                        headerFilled = 0
                        try beginPayload(flag: h.0, length: Int(h.1) << 24 | Int(h.2) << 16 | Int(h.3) << 8 | Int(h.4))
                    }
                }
                if readingPayload && payloadLength == 0 {
                    finishPayload(onMessage)
                }
                continue
            }
            let take = min(payloadLength - payload.count, count - index)
            payload.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)]))
            index += take
            if payload.count == payloadLength { finishPayload(onMessage) }
        }
    }

    /// Convenience for callers holding an array.
    public mutating func consume(_ bytes: [UInt8], onMessage: (FramedMessage) -> Void) throws(Status) {
        let result: Result<Void, Status> = bytes.withUnsafeBytes { raw in
            do throws(Status) {
                try consume(raw, onMessage: onMessage)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private mutating func beginPayload(flag: UInt8, length: Int) throws(Status) {
        guard flag <= 1 else {
            throw Status(.internal, "invalid message flag \(flag)")
        }
        guard length <= maxMessageSize else {
            throw Status(.resourceExhausted, "message of \(length) bytes exceeds the limit of \(maxMessageSize) bytes")
        }
        compressed = flag == 1
        payloadLength = length
        payload = []
        payload.reserveCapacity(length)
        readingPayload = true
    }

    private mutating func finishPayload(_ onMessage: (FramedMessage) -> Void) {
        readingPayload = false
        let message = FramedMessage(compressed: compressed, bytes: payload)
        payload = []
        onMessage(message)
    }
}
