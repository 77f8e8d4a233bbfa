// The string forms proto3 JSON gives some well-known types: RFC 3339 timestamps, "1.5s" durations,
// base64 bytes and camelCase field-mask paths. Pure functions, so each is testable on its own.

/// Timestamp bounds: 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z.
enum TimestampFormat {
    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799

    /// RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits; nil when out of range.
    static func format(seconds: Int64, nanos: Int32) -> String? {
        guard (minSeconds...maxSeconds).contains(seconds), (0...999_999_999).contains(nanos) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        var s = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        s += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        s += fraction(nanos)
        return s + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`; nil when malformed or out of range.
    static func parse(_ text: String) -> (seconds: Int64, nanos: Int32)? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ n: Int) -> Int64? {
            guard b.count - i >= n else { return nil }
            var v: Int64 = 0
            for _ in 0..<n {
                guard (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int64(b[i] - 48)
                i += 1
            }
            return v
        }
        func literal(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = number(4), literal("-"), let month = number(2), literal("-"), let day = number(2),
              literal("T"), let hour = number(2), literal(":"), let minute = number(2), literal(":"), let second = number(2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var nanos: Int64 = 0
        if literal(".") {
            guard let n = parseNanos(b, &i) else { return nil }
            nanos = n
        }
        var offset: Int64 = 0
        if literal("Z") {
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2), literal(":"), let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard (minSeconds...maxSeconds).contains(seconds) else { return nil }
        return (seconds, Int32(nanos))
    }

    /// One to nine fraction digits at `i` (after the dot), scaled to nanoseconds.
    static func parseNanos(_ b: [UInt8], _ i: inout Int) -> Int64? {
        var nanos: Int64 = 0
        var digits = 0
        while i < b.count, (48...57).contains(b[i]) {
            guard digits < 9 else { return nil }
            nanos = nanos * 10 + Int64(b[i] - 48)
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { nanos *= 10 }
        return nanos
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (era-based, valid for all Int64 years
    /// the format can name).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// ".123", ".123456", ".123456789" or "" — the shortest of the three widths that is exact.
    static func fraction(_ nanos: Int32) -> String {
        if nanos == 0 { return "" }
        if nanos % 1_000_000 == 0 { return "." + pad(Int64(nanos / 1_000_000), 3) }
        if nanos % 1000 == 0 { return "." + pad(Int64(nanos / 1000), 6) }
        return "." + pad(Int64(nanos), 9)
    }
}

/// Duration bounds: ±315,576,000,000 s (10,000 years), seconds and nanos of one sign.
enum DurationFormat {
    static let maxSeconds: Int64 = 315_576_000_000

    static func format(seconds: Int64, nanos: Int32) -> String? {
        // Range checks before any abs(): abs(Int64.min) traps.
        guard (-maxSeconds...maxSeconds).contains(seconds), (-999_999_999...999_999_999).contains(nanos),
              !(seconds > 0 && nanos < 0), !(seconds < 0 && nanos > 0) else { return nil }
        let negative = seconds < 0 || nanos < 0
        return (negative ? "-" : "") + String(abs(seconds)) + TimestampFormat.fraction(abs(nanos)) + "s"
    }

    static func parse(_ text: String) -> (seconds: Int64, nanos: Int32)? {
        var b = Array(text.utf8)
        guard b.last == UInt8(ascii: "s") else { return nil }
        b.removeLast()
        var i = 0
        let negative = b.first == UInt8(ascii: "-")
        if negative { i += 1 }
        var seconds: Int64 = 0
        var digits = 0
        while i < b.count, (48...57).contains(b[i]) {
            seconds = seconds * 10 + Int64(b[i] - 48)
            digits += 1
            guard digits <= 12 else { return nil }
            i += 1
        }
        guard digits > 0 else { return nil }
        var nanos: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard let n = TimestampFormat.parseNanos(b, &i) else { return nil }
            nanos = n
        }
        guard i == b.count, seconds <= maxSeconds else { return nil }
        return negative ? (-seconds, Int32(-nanos)) : (seconds, Int32(nanos))
    }
}

/// Base64 for bytes fields: standard alphabet with padding on output; standard or URL-safe, padded
/// or not, on input.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(v >> UInt32(shift) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { padding += 1; continue }
            guard padding == 0 else { return nil }
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            default: return nil
            }
            values.append(v)
        }
        // A lone sixth-bit group cannot encode a byte; padding must complete a quantum.
        guard values.count % 4 != 1, padding == 0 || (values.count + padding) % 4 == 0, padding <= 2 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        for v in values {
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }
}

/// FieldMask paths: `snake_case.path` in protobuf, `lowerCamel.path` in JSON.
enum FieldMaskFormat {
    /// nil when the path cannot round-trip (empty, a comma — the JSON separator —, upper case, or
    /// an underscore not before a lower-case letter).
    static func jsonPath(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        var out = ""
        var upperNext = false
        for c in path {
            if c.isUppercase || c == "," { return nil }
            if c == "_" {
                if upperNext { return nil }
                upperNext = true
                continue
            }
            if upperNext {
                guard c.isLowercase else { return nil }
                out += c.uppercased()
                upperNext = false
            } else {
                out.append(c)
            }
        }
        return upperNext ? nil : out
    }

    /// nil when the JSON path holds an underscore.
    static func protoPath(_ json: String) -> String? {
        var out = ""
        for c in json {
            if c == "_" { return nil }
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}
