import Foundation

/// How group commit has gone so far.
public struct WriteStatistics: Sendable, Equatable {
    /// Transactions committed (each one fsync of the WAL).
    public var commits: Int
    /// Writes acknowledged by those commits.
    public var writes: Int

    /// The mean number of writes per commit.
    public var meanBatchSize: Double { commits == 0 ? 0 : Double(writes) / Double(commits) }
}

/// The writer thread's tally, read from any thread.
final class WriteStatisticsCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = WriteStatistics(commits: 0, writes: 0)

    func recordCommit(writes: Int) {
        lock.lock()
        value.commits += 1
        value.writes += writes
        lock.unlock()
    }

    var snapshot: WriteStatistics {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
