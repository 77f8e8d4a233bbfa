import Foundation

/// The result of `SQLWriteTransaction.idempotent`: the response to send, and whether it is the
/// stored answer to an earlier request with the same id.
public struct IdempotentResponse: Sendable, Equatable {
    public let response: [UInt8]
    public let isReplay: Bool

    public init(response: [UInt8], isReplay: Bool) {
        self.response = response
        self.isReplay = isReplay
    }
}

/// A request reused a request id that an earlier, different request of the same method already
/// used (the RPC layer's ALREADY_EXISTS).
public struct IdempotencyConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public let requestID: String
    public let method: String

    public init(requestID: String, method: String) {
        self.requestID = requestID
        self.method = method
    }

    public var description: String {
        "request_id \(requestID) was already used for a different \(method) request"
    }
}

extension SQLWriteTransaction {
    /// Makes a state-changing request idempotent, inside the request's own write transaction.
    ///
    /// Looks up `(requestID, method)`: if an earlier request with the same `requestHash` is
    /// recorded, returns its stored response without running `body`; if one with a different
    /// hash is, throws `IdempotencyConflict`; otherwise runs `body` and records its response in
    /// this same transaction, so the change and its record commit (or vanish) together.
    ///
    /// The caller computes `requestHash` (SHA-256 of the serialized request, say) and should fold
    /// the caller's identity into it, so that one principal cannot read another's stored response
    /// by guessing its request id. An empty `requestID` means the client asked for no idempotency:
    /// `body` runs and nothing is recorded.
    ///
    /// - Parameter now: the record's time in Unix milliseconds, used by `purgeIdempotencyRecords`.
    public func idempotent(
        requestID: String, method: String, requestHash: [UInt8],
        now: Int64 = Int64(Date().timeIntervalSince1970 * 1000),
        _ body: () throws -> [UInt8]
    ) throws -> IdempotentResponse {
        guard !requestID.isEmpty else {
            return IdempotentResponse(response: try body(), isReplay: false)
        }
        if let earlier = try queryFirst(
            "SELECT request_hash, response FROM idempotency WHERE request_id = $1 AND method = $2",
            [requestID, method])
        {
            guard try earlier.get("request_hash", as: [UInt8].self) == requestHash else {
                throw IdempotencyConflict(requestID: requestID, method: method)
            }
            return IdempotentResponse(response: try earlier.get("response"), isReplay: true)
        }
        // Claim the id before the body runs. Where writers run concurrently (PostgreSQL), a second
        // request with the same id then waits on this row instead of running its body too: once
        // this transaction commits, the waiter's transaction fails to serialize, is retried by the
        // store, and finds the record. Where writers run one at a time (SQLite), the claim is one
        // more statement in the same commit.
        let claimed = try execute(
            """
            INSERT INTO idempotency (request_id, method, request_hash, response, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (request_id, method) DO NOTHING
            """,
            [requestID, method, requestHash, [UInt8](), now])
        guard claimed == 1 else {
            // Reachable only at an isolation level weaker than the stores use.
            throw StoreError.busy("request_id \(requestID) is being handled by a concurrent \(method) request")
        }
        let response = try body()
        try execute(
            "UPDATE idempotency SET response = $1 WHERE request_id = $2 AND method = $3", [response, requestID, method])
        return IdempotentResponse(response: response, isReplay: false)
    }

    /// Deletes idempotency records made before `cutoff` (Unix milliseconds); returns how many.
    /// A retry older than the retention window then runs as a new request.
    @discardableResult
    public func purgeIdempotencyRecords(before cutoff: Int64) throws(StoreError) -> Int {
        try execute("DELETE FROM idempotency WHERE created_at < $1", [cutoff])
    }
}
