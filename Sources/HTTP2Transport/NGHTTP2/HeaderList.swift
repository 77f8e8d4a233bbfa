import CNGHTTP2

/// Header fields gathered into one byte buffer, then lent to nghttp2 as an `nghttp2_nv` array
/// (nghttp2 copies them during `submit_*`, so the array need only live for that call).
struct HeaderList {
    private var storage: [UInt8] = []
    private var fields: [(name: Range<Int>, value: Range<Int>)] = []

    init(capacity: Int = 8) {
        storage.reserveCapacity(capacity * 24)
        fields.reserveCapacity(capacity)
    }

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ name: String, _ value: String) {
        let nameStart = storage.count
        storage.append(contentsOf: name.utf8)
        let valueStart = storage.count
        storage.append(contentsOf: value.utf8)
        fields.append((nameStart..<valueStart, valueStart..<storage.count))
    }

    /// Adds user metadata, base64-encoding binary values.
    mutating func add(_ metadata: Metadata) {
        for entry in metadata where !Metadata.isReservedKey(entry.key) {
            add(entry.key, entry.value.wireValue)
        }
    }

    /// Adds `grpc-status`, `grpc-message` (percent-encoded) and `grpc-status-details-bin`.
    mutating func add(status: Status) {
        add("grpc-status", String(status.code.rawValue))
        if !status.message.isEmpty { add("grpc-message", StatusMessageEncoding.encode(status.message)) }
        if let details = status.details { add("grpc-status-details-bin", Base64.encode(details, padding: false)) }
    }

    func withNVArray<R>(_ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        var bytes = storage
        return bytes.withUnsafeMutableBufferPointer { raw in
            let base = raw.baseAddress!
            let nva = fields.map { field in
                nghttp2_nv(
                    name: base + field.name.lowerBound, value: base + field.value.lowerBound,
                    namelen: field.name.count, valuelen: field.value.count, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue))
            }
            return nva.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
        }
    }
}

import RPC

/// Header blocks every call sends unchanged, built once for the life of the process and handed to
/// nghttp2 without copying (`NO_COPY` flags), so the common response costs no header allocation.
final class PrebuiltHeaders: @unchecked Sendable {
    let nva: UnsafeMutablePointer<nghttp2_nv>
    let count: Int

    init(_ fields: [(String, String)]) {
        count = fields.count
        nva = .allocate(capacity: fields.count)
        let noCopy = UInt8(NGHTTP2_NV_FLAG_NO_COPY_NAME.rawValue | NGHTTP2_NV_FLAG_NO_COPY_VALUE.rawValue)
        for (i, (name, value)) in fields.enumerated() {
            let n = Self.permanent(name), v = Self.permanent(value)
            nva[i] = nghttp2_nv(name: n.0, value: v.0, namelen: n.1, valuelen: v.1, flags: noCopy)
        }
    }

    private static func permanent(_ s: String) -> (UnsafeMutablePointer<UInt8>, Int) {
        let bytes = Array(s.utf8)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        p.initialize(from: bytes, count: bytes.count)
        return (p, bytes.count)
    }

    /// `:status 200` and the gRPC content type: the response headers of nearly every call.
    static let okResponse = PrebuiltHeaders([
        (":status", "200"), ("content-type", "application/grpc"),
        ("grpc-accept-encoding", CompressionAlgorithm.acceptEncodingHeader),
    ])

    /// `grpc-status: 0`: the trailers of every successful call without trailing metadata.
    static let okTrailers = PrebuiltHeaders([("grpc-status", "0")])
}
