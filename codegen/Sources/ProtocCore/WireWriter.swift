/// A growable protobuf wire-format writer for the compiler's own output (descriptors and
/// interpreted option values), whose field order the compiler controls exactly.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func tag(_ number: Int32, _ type: WireType) {
        varint(UInt64(UInt32(bitPattern: number)) << 3 | type.rawValue)
    }

    mutating func fixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func raw(_ data: [UInt8]) { bytes += data }

    // Field helpers.

    mutating func int32Field(_ number: Int32, _ value: Int32) {
        tag(number, .varint)
        varint(UInt64(bitPattern: Int64(value)))
    }

    mutating func boolField(_ number: Int32, _ value: Bool) {
        tag(number, .varint)
        varint(value ? 1 : 0)
    }

    mutating func bytesField(_ number: Int32, _ value: [UInt8]) {
        tag(number, .lengthDelimited)
        varint(UInt64(value.count))
        bytes += value
    }

    mutating func stringField(_ number: Int32, _ value: String) {
        bytesField(number, Array(value.utf8))
    }

    mutating func packedInt32Field(_ number: Int32, _ values: [Int32]) {
        guard !values.isEmpty else { return }
        var inner = WireWriter()
        for v in values { inner.varint(UInt64(bitPattern: Int64(v))) }
        bytesField(number, inner.bytes)
    }
}

/// One field of a wire-format message as read back (for checking which options are set).
struct WireField {
    var number: Int32
    var type: WireWriter.WireType
    /// The payload: varint/fixed bytes, the length-delimited content, or a group's body.
    var payload: [UInt8]

    /// The field written back out: tag, (length,) payload (, end-group tag).
    func write(to w: inout WireWriter) {
        w.tag(number, type)
        if type == .lengthDelimited { w.varint(UInt64(payload.count)) }
        w.raw(payload)
        if type == .startGroup { w.tag(number, .endGroup) }
    }

    /// Splits a message into its fields; nil if it is not well-formed.
    static func parse(_ bytes: [UInt8]) -> [WireField]? {
        var fields: [WireField] = []
        var i = 0
        func readVarint() -> UInt64? {
            var result: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
                if shift >= 64 { return nil }
            }
            return nil
        }
        func readField() -> WireField?? {
            guard let key = readVarint(), let type = WireWriter.WireType(rawValue: key & 7) else { return .some(nil) }
            let number = Int32(truncatingIfNeeded: key >> 3)
            let start = i
            switch type {
            case .varint: guard readVarint() != nil else { return .some(nil) }
            case .fixed64: i += 8
            case .fixed32: i += 4
            case .lengthDelimited:
                guard let n = readVarint() else { return .some(nil) }
                let s = i
                i += Int(n)
                guard i <= bytes.count else { return .some(nil) }
                return WireField(number: number, type: type, payload: Array(bytes[s..<i]))
            case .startGroup:
                let bodyStart = i
                while true {
                    guard i < bytes.count else { return .some(nil) }
                    let save = i
                    guard let k = readVarint() else { return .some(nil) }
                    if k & 7 == 4 && Int32(truncatingIfNeeded: k >> 3) == number {
                        return WireField(number: number, type: type, payload: Array(bytes[bodyStart..<save]))
                    }
                    i = save
                    guard case .some(.some) = readField() else { return .some(nil) }
                }
            case .endGroup:
                return .some(nil)
            }
            guard i <= bytes.count else { return .some(nil) }
            return WireField(number: number, type: type, payload: Array(bytes[start..<i]))
        }
        while i < bytes.count {
            guard case .some(.some(let field)) = readField() else { return nil }
            fields.append(field)
        }
        return fields
    }
}
