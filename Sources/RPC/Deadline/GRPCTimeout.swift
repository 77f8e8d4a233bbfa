/// The `grpc-timeout` header: at most eight ASCII digits followed by a unit —
/// `H` hours, `M` minutes, `S` seconds, `m` milliseconds, `u` microseconds, `n` nanoseconds.
public enum GRPCTimeout {
    /// The largest value the eight digits can hold.
    public static let maxValue: Int64 = 99_999_999

    /// Parses a header value; nil when it is malformed (too many digits, no digits, bad unit).
    public static func parse(_ text: some BidirectionalCollection<UInt8>) -> Duration? {
        guard let unit = text.last, text.count >= 2, text.count <= 9 else { return nil }
        var value: Int64 = 0
        for c in text.dropLast() {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int64(c - 0x30)
        }
        switch unit {
        case UInt8(ascii: "H"): return .seconds(value * 3600)
        case UInt8(ascii: "M"): return .seconds(value * 60)
        case UInt8(ascii: "S"): return .seconds(value)
        case UInt8(ascii: "m"): return .milliseconds(value)
        case UInt8(ascii: "u"): return .microseconds(value)
        case UInt8(ascii: "n"): return .nanoseconds(value)
        default: return nil
        }
    }

    public static func parse(_ text: String) -> Duration? { parse(text.utf8) }

    /// Formats a timeout in the finest unit whose value fits in eight digits, rounding up so a
    /// peer never sees a shorter deadline than ours. Negative durations format as `0n`.
    public static func format(_ timeout: Duration) -> String {
        let nanos = timeout.nanoseconds
        if nanos <= 0 { return "0n" }
        let units: [(Int64, Character)] = [
            (1, "n"), (1_000, "u"), (1_000_000, "m"), (1_000_000_000, "S"),
            (60_000_000_000, "M"), (3_600_000_000_000, "H"),
        ]
        for (scale, unit) in units {
            let value = (nanos + scale - 1) / scale
            if value <= maxValue { return "\(value)\(unit)" }
        }
        return "\(maxValue)H"
    }
}
