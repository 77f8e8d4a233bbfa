/// How idempotent calls are retried when the server is UNAVAILABLE (restarting, overloaded, the
/// connection dropped): exponential backoff with full jitter, so that many clients cut off at
/// once do not all come back in the same instant.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; 1 turns retries off.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry.
    public var initialBackoff: Duration
    /// The largest backoff ceiling.
    public var maxBackoff: Duration
    /// How much the ceiling grows after each attempt.
    public var multiplier: Double

    public init(maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(5), multiplier: Double = 2) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = max(1, multiplier)
    }

    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The pause before retry number `retry` (1 for the first retry): uniformly random between
    /// zero and the ceiling `initialBackoff × multiplier^(retry-1)`, capped at `maxBackoff`.
    public func backoff(beforeRetry retry: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let initial = Double(initialBackoff.components.seconds) + Double(initialBackoff.components.attoseconds) / 1e18
        let cap = Double(maxBackoff.components.seconds) + Double(maxBackoff.components.attoseconds) / 1e18
        var ceiling = initial
        for _ in 1..<max(1, retry) { ceiling = min(ceiling * multiplier, cap) }
        return .milliseconds(Int64(min(ceiling, cap) * min(max(random, 0), 1) * 1000))
    }
}
