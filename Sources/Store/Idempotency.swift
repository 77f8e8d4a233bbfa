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
        let response = try body()
        try execute(
            "INSERT INTO idempotency (request_id, method, request_hash, response, created_at) VALUES ($1, $2, $3, $4, $5)",
            [requestID, method, requestHash, response, now])
        return IdempotentResponse(response: response, isReplay: false)
    }

    /// Deletes idempotency records made before `cutoff` (Unix milliseconds); returns how many.
    /// A retry older than the retention window then runs as a new request.
    @discardableResult
    public func purgeIdempotencyRecords(before cutoff: Int64) throws(StoreError) -> Int {
        try execute("DELETE FROM idempotency WHERE created_at < $1", [cutoff])
    }
}
