import Foundation

/// Conversions of literal tokens, with protoc's exact rules (they decide the bytes of default
/// values and option values in the descriptors).
enum TextLiterals {
    /// Parses an integer token (decimal, `0x` hex or leading-`0` octal); nil when it exceeds
    /// `maxValue` or is malformed.
    static func parseInteger(_ text: String, maxValue: UInt64) -> UInt64? {
        var digits = Array(text.utf8)[...]
        var base: UInt64 = 10
        if digits.first == UInt8(ascii: "0") {
            if digits.count > 1 && (digits[digits.startIndex + 1] | 0x20) == UInt8(ascii: "x") {
                base = 16
                digits = digits.dropFirst(2)
            } else {
                base = 8
            }
        }
        var result: UInt64 = 0
        for c in digits {
            guard let digit = digitValue(c), UInt64(digit) < base else { return nil }
            let d = UInt64(digit)
            if d > maxValue || result > (maxValue - d) / base { return nil }
            result = result * base + d
        }
        return result
    }

    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: Int(c - 0x30)
        case 0x61...0x7A: Int(c - 0x61 + 10)
        case 0x41...0x5A: Int(c - 0x41 + 10)
        default: nil
        }
    }

    /// Parses a float token (`1.5`, `.5`, `1e10`) as C's strtod would.
    static func parseFloat(_ text: String) -> Double {
        strtod(text, nil)
    }

    /// Appends the value of a quoted string token (quotes removed, escapes resolved).
    static func appendString(token text: String, to output: inout [UInt8]) {
        let bytes = Array(text.utf8)
        guard let quote = bytes.first else { return }
        var i = 1
        func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
        func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") && i + 1 < bytes.count {
                i += 1
                let e = bytes[i]
                if isOctal(e) {
                    var code = Int(e - 0x30)
                    if isOctal(at(i + 1)) { i += 1; code = code * 8 + Int(bytes[i] - 0x30) }
                    if isOctal(at(i + 1)) { i += 1; code = code * 8 + Int(bytes[i] - 0x30) }
                    output.append(UInt8(truncatingIfNeeded: code))
                } else if e == UInt8(ascii: "x") {
                    var code = 0
                    if Lexer.isHexDigit(at(i + 1)) { i += 1; code = digitValue(bytes[i])! }
                    if Lexer.isHexDigit(at(i + 1)) { i += 1; code = code * 16 + digitValue(bytes[i])! }
                    output.append(UInt8(truncatingIfNeeded: code))
                } else if e == UInt8(ascii: "u") || e == UInt8(ascii: "U") {
                    if let (scalar, next) = readUnicodeEscape(bytes, at: i) {
                        appendUTF8(scalar, to: &output)
                        i = next - 1
                    } else {
                        output.append(e)
                    }
                } else {
                    output.append(translateEscape(e))
                }
            } else if c == quote && i == bytes.count - 1 {
                // The closing quote.
            } else {
                output.append(c)
            }
            i += 1
        }
    }

    private static func translateEscape(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "a"): 0x07
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "v"): 0x0B
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""): c
        default: UInt8(ascii: "?")
        }
    }

    /// Reads `\uXXXX` / `\UXXXXXXXX` starting at the `u`/`U`; combines a surrogate pair.
    private static func readUnicodeEscape(_ bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        func hex(_ from: Int, _ count: Int) -> UInt32? {
            guard from + count <= bytes.count else { return nil }
            var v: UInt32 = 0
            for k in from..<(from + count) {
                guard Lexer.isHexDigit(bytes[k]) else { return nil }
                v = v * 16 + UInt32(digitValue(bytes[k])!)
            }
            return v
        }
        let count = bytes[start] == UInt8(ascii: "u") ? 4 : 8
        guard let code = hex(start + 1, count), code <= 0x10FFFF else { return nil }
        var next = start + 1 + count
        if code >= 0xD800 && code <= 0xDBFF && next + 5 < bytes.count + 0
            && bytes[next] == UInt8(ascii: "\\") && bytes[next + 1] == UInt8(ascii: "u"),
            let low = hex(next + 2, 4), low >= 0xDC00 && low <= 0xDFFF {
            next += 6
            return (0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), next)
        }
        return (code, next)
    }

    private static func appendUTF8(_ v: UInt32, to output: inout [UInt8]) {
        switch v {
        case 0..<0x80: output.append(UInt8(v))
        case 0x80..<0x800:
            output += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
        case 0x800..<0x10000:
            output += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
        default:
            output += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)),
                       UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
        }
    }

    /// C-style escaping of bytes as protoc writes bytes defaults (`CEscape`).
    static func cEscape(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes {
            switch b {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x22: out += "\\\""
            case 0x27: out += "\\'"
            case 0x5C: out += "\\\\"
            default:
                if b < 0x20 || b >= 0x7F {
                    let o = String(b, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - o.count) + o
                } else {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                }
            }
        }
        return out
    }

    /// Reverses `cEscape` (protoc's `UnescapeCEscapeString`).
    static func cUnescape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendString(token: "\"" + text + "\"", to: &out)
        return out
    }

    /// A double formatted as protoc's `SimpleDtoa` does: shortest of %.15g / %.17g that round-trips.
    static func formatDouble(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value.isNaN { return "nan" }
        let short = String(format: "%.15g", value)
        if strtod(short, nil) == value { return short }
        return String(format: "%.17g", value)
    }

    /// A float formatted as protoc's `SimpleFtoa` does: %.6g, or %.9g when that does not round-trip.
    static func formatFloat(_ value: Float) -> String {
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value.isNaN { return "nan" }
        let short = String(format: "%.6g", Double(value))
        if strtof(short, nil) == value { return short }
        return String(format: "%.9g", Double(value))
    }

    /// protoc's camel-casing of field names for `json_name`.
    static func jsonName(_ name: String) -> String {
        var result = ""
        var capitalizeNext = false
        for c in name {
            if c == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += c.uppercased()
                capitalizeNext = false
            } else {
                result.append(c)
            }
        }
        return result
    }

    /// The synthesized map entry type name for a map field (`foo_bar` → `FooBarEntry`).
    static func mapEntryName(_ fieldName: String) -> String {
        var result = ""
        var capitalizeNext = true
        for c in fieldName {
            if c == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += c.isASCII ? c.uppercased() : String(c)
                capitalizeNext = false
            } else {
                result.append(c)
            }
        }
        return result + "Entry"
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
