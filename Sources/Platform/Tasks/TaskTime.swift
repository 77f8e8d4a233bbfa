import Foundation
import ProtoRuntime

/// Conversions between the stored form of times (microseconds since the epoch), `Date` and the
/// wire's `google.protobuf.Timestamp`, for the task code.
enum TaskTime {
    static func timestamp(_ date: Date) -> Google_Protobuf_Timestamp {
        timestamp(micros: StoredTime.micros(date))
    }

    static func timestamp(micros: Int64) -> Google_Protobuf_Timestamp {
        var stamp = Google_Protobuf_Timestamp()
        // Floor division, so that times before 1970 keep nanos in 0..<1e9 as the type requires.
        let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        stamp.seconds = remainder < 0 ? seconds - 1 : seconds
        stamp.nanos = Int32((remainder < 0 ? remainder + 1_000_000 : remainder) * 1000)
        return stamp
    }

    static func micros(_ stamp: Google_Protobuf_Timestamp) -> Int64 {
        stamp.seconds &* 1_000_000 &+ Int64(stamp.nanos / 1000)
    }

    static func date(_ stamp: Google_Protobuf_Timestamp) -> Date {
        StoredTime.date(micros(stamp))
    }
}
