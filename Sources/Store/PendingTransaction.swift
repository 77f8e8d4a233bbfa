/// A transaction body queued for a store thread, with the continuation of the task awaiting it.
package protocol PendingTransaction: AnyObject, Sendable {
    /// Runs the body on the calling store thread; true if it returned, false if it threw. A store
    /// that retries a transaction (PostgreSQL after a serialization failure) may call it again.
    func run(_ transaction: any SQLWriteTransaction) -> Bool
    /// The body's error, if it threw.
    var failure: (any Error)? { get }
    /// Resumes the awaiting task: with the body's outcome, or, if the body succeeded but its
    /// transaction did not commit, with `transactionFailure`. Called exactly once.
    func finish(transactionFailure: StoreError?)
}

/// A `PendingTransaction` whose body returns a `T`.
///
/// Unchecked `Sendable`: the outcome is written and read only by the one store thread that runs
/// and finishes the job, after the queue's lock has handed the job over.
package final class PendingTransactionOf<T: Sendable>: PendingTransaction, @unchecked Sendable {
    private let body: @Sendable (any SQLWriteTransaction) throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    private var outcome: Result<T, any Error>?

    package init(
        continuation: CheckedContinuation<T, any Error>, body: @escaping @Sendable (any SQLWriteTransaction) throws -> T
    ) {
        self.continuation = continuation
        self.body = body
    }

    package func run(_ transaction: any SQLWriteTransaction) -> Bool {
        do {
            outcome = .success(try body(transaction))
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    package var failure: (any Error)? {
        if case .failure(let error) = outcome { error } else { nil }
    }

    package func finish(transactionFailure: StoreError?) {
        switch outcome {
        case .failure(let error)?:
            // The body's own error says more than the batch's.
            continuation.resume(throwing: error)
        case .success(let value)?:
            if let transactionFailure {
                continuation.resume(throwing: transactionFailure)
            } else {
                continuation.resume(returning: value)
            }
        case nil:
            continuation.resume(throwing: transactionFailure ?? .misuse("a transaction finished without running"))
        }
    }
}

extension PendingTransactionOf {
    /// Wraps `body` in a pending transaction, hands it to `enqueue`, and waits for its outcome;
    /// `StoreError.closed` if `enqueue` refuses it (the store is closing).
    package static func submit(
        _ body: @escaping @Sendable (any SQLWriteTransaction) throws -> T,
        to enqueue: (any PendingTransaction) -> Bool
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            if !enqueue(PendingTransactionOf(continuation: continuation, body: body)) {
                continuation.resume(throwing: StoreError.closed)
            }
        }
    }
}
