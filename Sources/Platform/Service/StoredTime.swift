import Foundation
import ProtoRuntime

/// Instants as the store keeps them: whole microseconds since the Unix epoch (BIGINT), the unit
/// every platform table uses, and their conversions to `Date` and `google.protobuf.Timestamp`.
public enum StoredTime {
    /// `date` in whole microseconds since the epoch (rounded to the nearest).
    public static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The instant `microseconds` after the epoch.
    public static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// The API's spelling of a stored instant.
    public static func timestamp(microseconds: Int64) -> Google_Protobuf_Timestamp {
        var timestamp = Google_Protobuf_Timestamp()
        // Floor division keeps nanos in 0..<1e9 for instants before the epoch too.
        let (seconds, remainder) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        timestamp.seconds = remainder < 0 ? seconds - 1 : seconds
        timestamp.nanos = Int32((remainder < 0 ? remainder + 1_000_000 : remainder) * 1000)
        return timestamp
    }

    /// A request's timestamp in stored microseconds (sub-microsecond nanos are dropped).
    public static func microseconds(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
        let (product, overflow) = timestamp.seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return timestamp.seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(Int64(timestamp.nanos / 1000)).partialValue
    }
}
