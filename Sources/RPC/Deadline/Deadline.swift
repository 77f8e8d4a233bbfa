#if canImport(Glibc)
import Glibc
#endif

/// A point on the monotonic clock by which a call must finish.
///
/// Stored as nanoseconds of `CLOCK_MONOTONIC`, so comparing and computing the time left costs one
/// clock read and no allocation; the event loop keeps deadlines in its timer heap as plain integers.
public struct Deadline: Sendable, Hashable, Comparable {
    /// Nanoseconds on the monotonic clock.
    public let uptimeNanoseconds: UInt64

    @inlinable
    public init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// A deadline `timeout` from now (saturating: a huge timeout means "effectively never").
    public init(fromNow timeout: Duration) {
        let now = Deadline.now().uptimeNanoseconds
        let nanos = timeout.nanoseconds
        self.uptimeNanoseconds = nanos <= 0 ? now : now.addingReportingOverflow(UInt64(nanos)).partialValue
    }

    /// The current monotonic time.
    public static func now() -> Deadline {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Deadline(uptimeNanoseconds: UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec))
    }

    /// Time left until the deadline (zero once passed).
    public var timeRemaining: Duration {
        let now = Deadline.now().uptimeNanoseconds
        guard uptimeNanoseconds > now else { return .zero }
        return .nanoseconds(Int64(clamping: uptimeNanoseconds - now))
    }

    public var hasPassed: Bool { Deadline.now() >= self }

    public static func < (a: Deadline, b: Deadline) -> Bool {
        a.uptimeNanoseconds < b.uptimeNanoseconds
    }
}

extension Duration {
    /// The whole duration in nanoseconds, saturating at `Int64` bounds.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }
}
