import Foundation
import ProtoRuntime
import RPC
import Store
import Synchronization

/// What every domain service shares: the store, the clock, the org tree snapshot, the schema
/// validator, and the one write path (`mutate`) that makes every state change idempotent and
/// audited in the same transaction as the change itself.
public final class PlatformEnvironment: Sendable {
    public let database: any Database
    public let clock: any PlatformClock
    public let validator: RequestValidator
    private let directorySnapshot: Mutex<OrgDirectory>

    public init(database: any Database, clock: any PlatformClock = SystemClock(),
                directory: OrgDirectory = OrgDirectory([]), validator: RequestValidator = RequestValidator()) {
        self.database = database
        self.clock = clock
        self.validator = validator
        self.directorySnapshot = Mutex(directory)
    }

    /// The org tree as of the last committed org change.
    public var directory: OrgDirectory { directorySnapshot.withLock { $0 } }

    /// Installs a new snapshot; called after an org change commits.
    public func replaceDirectory(_ directory: OrgDirectory) {
        directorySnapshot.withLock { $0 = directory }
    }

    /// The authenticated caller of the current call.
    public func caller() throws(PlatformError) -> Caller {
        guard let caller = CurrentCall.caller else { throw .unauthenticated("需要令牌 (authentication required)") }
        return caller
    }

    /// The current caller's scope over the current org tree.
    public func scope() throws(PlatformError) -> AccessScope {
        AccessScope(caller: try caller(), directory: directory)
    }

    /// Runs a read transaction; store failures become statuses.
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLReadTransaction) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch {
            throw PlatformError.status(for: error)
        }
    }

    /// Runs one state change for the current caller, in one write transaction that also holds
    /// the idempotency record and the audit event:
    /// - a retry with the same `requestID` and the same request (by the same caller) returns the
    ///   first response and changes nothing; the same id with a different request is
    ///   ALREADY_EXISTS;
    /// - the audit event names the caller, method, `resource` (which the body may refine, e.g.
    ///   once a create has chosen its id), request id and result;
    /// - a failure is audited too, in a separate write, and thrown as the status the client gets.
    public func mutate<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor, request: Request, requestID: String, resource: String,
        _ body: @escaping @Sendable (any SQLWriteTransaction, inout MutationContext) throws -> Response
    ) async throws -> Response {
        let caller = try caller()
        let now = clock.now()
        let hash = Self.requestHash(caller: caller, method: method, request: request)
        do {
            let bytes = try await database.write { tx in
                let outcome = try tx.idempotent(
                    requestID: requestID, method: method.path, requestHash: hash,
                    now: Int64(now.timeIntervalSince1970 * 1000)
                ) {
                    var context = MutationContext(caller: caller, now: now, resource: resource)
                    let response = try body(tx, &context)
                    try AuditLog.append(tx, caller: caller, method: method.path, resource: context.resource,
                                        requestID: requestID, result: "OK", message: context.auditNote, time: now)
                    return response.serializedBytes()
                }
                return outcome.response
            }
            do {
                return try Response(serializedBytes: bytes)
            } catch {
                throw Status(.internal, "stored response does not decode: \(error)")
            }
        } catch {
            let status = PlatformError.status(for: error)
            await auditFailure(caller: caller, method: method, resource: resource, requestID: requestID, status: status, time: now)
            throw status
        }
    }

    /// Records a refused or failed state change; losing this record never fails the call.
    private func auditFailure(caller: Caller, method: MethodDescriptor, resource: String, requestID: String, status: Status, time: Date) async {
        _ = try? await database.write { tx in
            try AuditLog.append(tx, caller: caller, method: method.path, resource: resource, requestID: requestID,
                                result: status.code.description, message: String(status.message.prefix(500)), time: time)
        }
    }

    /// SHA-256 over who asks, what method, and the request's bytes: a retry must come from the
    /// same caller to be recognised, so one caller can never read another's stored response.
    static func requestHash<Request: ProtoMessage>(caller: Caller, method: MethodDescriptor, request: Request) -> [UInt8] {
        var bytes = Array("\(caller.orgID)\u{0}\(caller.role.rawValue)\u{0}\(method.path)\u{0}".utf8)
        bytes.append(contentsOf: request.serializedBytes())
        return SHA256Digest.hash(bytes)
    }
}

/// What a state change knows about itself while it runs.
public struct MutationContext: Sendable {
    public let caller: Caller
    /// The time of the change (one value for every row it writes).
    public let now: Date
    /// The resource named in the audit log (`tasks/T…`); a create sets it once it has an id.
    public var resource: String
    /// Extra text for the audit record.
    public var auditNote: String = ""

    public var nowMicros: Int64 { StoredTime.micros(now) }
}

/// The append-only audit log (DESIGN.md §5): written only through here, never updated.
public enum AuditLog {
    public static func append(
        _ tx: any SQLWriteTransaction, caller: Caller, method: String, resource: String, requestID: String,
        result: String, message: String, time: Date
    ) throws {
        try tx.execute("""
            INSERT INTO audit_events (seq, actor_org_id, actor_role, token_id, method, resource, request_id, result, message, time)
            VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events), $1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, [caller.orgID, Int64(caller.role.rawValue), caller.tokenID, method, resource, requestID, result, message,
                  StoredTime.micros(time)])
    }
}
