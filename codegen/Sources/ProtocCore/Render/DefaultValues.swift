import ProtoRuntime

/// Swift literals for proto2 `[default = …]` values, as descriptors spell them.
enum DefaultValues {
    /// The value an unset field of `coding`'s type reads as.
    static func literal(
        for field: Google_Protobuf_FieldDescriptorProto, coding: ValueCoding
    ) throws(SwiftRenderError) -> String {
        guard field.hasDefaultValue else { return coding.zeroValue }
        let text = field.defaultValue
        switch coding.category {
        case .enumeration(let e):
            guard let c = e.caseName(ofValue: text) else {
                throw SwiftRenderError("field \(field.name): default '\(text)' is not a value of \(e.fullName)")
            }
            return "." + c
        case .message, .group:
            throw SwiftRenderError("field \(field.name): message fields cannot have defaults")
        case .scalar:
            break
        }
        switch field.type {
        case .string:
            return SwiftNaming.stringLiteral(text)
        case .bytes:
            let bytes = try unescapeCBytes(text, field: field.name)
            return "[" + bytes.map { "0x" + hex2($0) }.joined(separator: ", ") + "]"
        case .float, .double:
            switch text {
            case "inf": return ".infinity"
            case "-inf": return "-.infinity"
            case "nan": return ".nan"
            default: return text
            }
        default:
            return text
        }
    }

    /// Decodes protoc's C-style escaping of bytes defaults (`\n`, `\012`, `\x0a`, `\\`, …).
    static func unescapeCBytes(_ text: String, field: String) throws(SwiftRenderError) -> [UInt8] {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        func isOctal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x37 }
        while i < input.count {
            let b = input[i]
            i += 1
            guard b == UInt8(ascii: "\\") else { out.append(b); continue }
            guard i < input.count else { throw SwiftRenderError("field \(field): default ends in a lone backslash") }
            let e = input[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "x"):
                var v = 0
                var digits = 0
                while digits < 2, i < input.count, let d = hexValue(input[i]) {
                    v = v * 16 + d
                    i += 1
                    digits += 1
                }
                guard digits > 0 else { throw SwiftRenderError("field \(field): bad \\x escape in default") }
                out.append(UInt8(v))
            case _ where isOctal(e):
                var v = Int(e - 0x30)
                var digits = 1
                while digits < 3, i < input.count, isOctal(input[i]) {
                    v = v * 8 + Int(input[i] - 0x30)
                    i += 1
                    digits += 1
                }
                out.append(UInt8(truncatingIfNeeded: v))
            default:
                out.append(e)  // \\ \' \" \?
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x61...0x66: Int(b - 0x61 + 10)
        case 0x41...0x46: Int(b - 0x41 + 10)
        default: nil
        }
    }
}

/// Two lower-case hex digits.
func hex2(_ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
}
