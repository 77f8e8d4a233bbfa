import Foundation
import Synchronization

/// Where the platform reads the time: the system clock in production, a settable one in tests of
/// deadlines and escalation.
public protocol PlatformClock: Sendable {
    func now() -> Date
}

public struct SystemClock: PlatformClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class ManualClock: PlatformClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// Times are stored as integer microseconds since the Unix epoch: sortable, exact, and the same in
/// SQLite and PostgreSQL.
public enum StoredTime {
    public static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }
    public static func date(_ micros: Int64) -> Date { Date(timeIntervalSince1970: Double(micros) / 1_000_000) }
}
