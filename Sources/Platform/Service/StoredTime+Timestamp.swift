import ProtoRuntime

extension StoredTime {
    /// The API's spelling of a stored instant.
    public static func timestamp(micros: Int64) -> Google_Protobuf_Timestamp {
        var timestamp = Google_Protobuf_Timestamp()
        // Floor division keeps nanos in 0..<1e9 for instants before the epoch too.
        let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        timestamp.seconds = remainder < 0 ? seconds - 1 : seconds
        timestamp.nanos = Int32((remainder < 0 ? remainder + 1_000_000 : remainder) * 1000)
        return timestamp
    }

    /// A timestamp in stored microseconds (sub-microsecond nanos are dropped; out-of-range
    /// seconds saturate).
    public static func micros(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
        let (product, overflow) = timestamp.seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return timestamp.seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(Int64(timestamp.nanos / 1000)).partialValue
    }
}
