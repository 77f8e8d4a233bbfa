/// The percent-encoding of `grpc-message`: bytes outside printable ASCII (0x20...0x7E) and `%`
/// itself become `%XX` of the message's UTF-8 bytes. Decoding is lenient, as the spec asks: a
/// malformed escape is kept literally rather than failing the call.
public enum StatusMessageEncoding {
    /// Percent-encodes `message` for the `grpc-message` trailer.
    public static func encode(_ message: String) -> String {
        let utf8 = message.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x25 }) { return message }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if byte >= 0x20 && byte <= 0x7E && byte != 0x25 {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a received `grpc-message`; invalid UTF-8 after decoding becomes U+FFFD.
    public static func decode(_ value: some Collection<UInt8>) -> String {
        guard value.contains(0x25) else { return String(decoding: value, as: UTF8.self) }
        let bytes = Array(value)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count,
               let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ value: String) -> String { decode(value.utf8) }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
