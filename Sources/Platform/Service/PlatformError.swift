import JicengAPI
import RPC
import Store

/// The errors domain code throws. Each maps to one gRPC status with the rich details a client
/// program can act on (DESIGN.md §3): BadRequest naming the field for INVALID_ARGUMENT, ErrorInfo
/// with a machine-readable reason for FAILED_PRECONDITION and PERMISSION_DENIED.
public enum PlatformError: Error, Sendable, Equatable, StatusConvertible {
    /// A request field is missing or wrong: INVALID_ARGUMENT + BadRequest.
    case invalidArgument(field: String, String)
    /// Several fields at once (imports, validation).
    case invalidArguments([FieldViolation])
    case notFound(String)
    case alreadyExists(String)
    /// The resource is in the wrong state: FAILED_PRECONDITION + ErrorInfo(reason).
    case failedPrecondition(reason: String, String, metadata: [String: String] = [:])
    /// A stale etag.
    case aborted(String)
    case permissionDenied(reason: String, String)
    case unauthenticated(String)
    case resourceExhausted(String)
    case unavailable(String)

    public struct FieldViolation: Sendable, Equatable {
        public var field: String
        public var description: String

        public init(field: String, description: String) {
            self.field = field
            self.description = description
        }
    }

    /// The domain of every ErrorInfo reason.
    public static let errorDomain = "jiceng.gov"

    public var grpcStatus: Status { status }

    /// The status sent to the client.
    public var status: Status {
        switch self {
        case .invalidArgument(let field, let description):
            return Self.badRequest([FieldViolation(field: field, description: description)])
        case .invalidArguments(let violations):
            return Self.badRequest(violations)
        case .notFound(let message):
            return Status(.notFound, message)
        case .alreadyExists(let message):
            return Status(.alreadyExists, message)
        case .failedPrecondition(let reason, let message, let metadata):
            return Status(.failedPrecondition, message, details: [Self.errorInfo(reason, metadata)])
        case .aborted(let message):
            return Status(.aborted, message, details: [Self.errorInfo("ETAG_MISMATCH", [:])])
        case .permissionDenied(let reason, let message):
            return Status(.permissionDenied, message, details: [Self.errorInfo(reason, [:])])
        case .unauthenticated(let message):
            return Status(.unauthenticated, message)
        case .resourceExhausted(let message):
            return Status(.resourceExhausted, message)
        case .unavailable(let message):
            return Status(.unavailable, message)
        }
    }

    private static func badRequest(_ violations: [FieldViolation]) -> Status {
        var request = Google_Rpc_BadRequest()
        request.fieldViolations = violations.map { v in
            var violation = Google_Rpc_BadRequest.FieldViolation()
            violation.field = v.field
            violation.description_p = v.description
            return violation
        }
        let summary = violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        return Status(.invalidArgument, summary, details: [RichStatus.Detail(packing: request)])
    }

    private static func errorInfo(_ reason: String, _ metadata: [String: String]) -> RichStatus.Detail {
        var info = Google_Rpc_ErrorInfo()
        info.reason = reason
        info.domain = errorDomain
        info.metadata = metadata
        return RichStatus.Detail(packing: info)
    }

    /// Maps anything a domain call threw to the status the client gets: platform errors as
    /// designed, store errors by kind (a busy or full store is UNAVAILABLE, a unique clash
    /// ALREADY_EXISTS), a reused request id ALREADY_EXISTS, statuses as they are, and anything
    /// else INTERNAL without leaking its text.
    public static func status(for error: any Error) -> Status {
        switch error {
        case let error as PlatformError:
            return error.status
        case let status as Status:
            return status
        case let conflict as IdempotencyConflict:
            return Status(.alreadyExists, "request_id \(conflict.requestID) 已用于另一个不同的请求 (request_id reused with a different request)",
                          details: [errorInfo("REQUEST_ID_REUSED", ["request_id": conflict.requestID])])
        case let store as StoreError:
            return storeStatus(store)
        case is CancellationError:
            return Status(.cancelled, "call cancelled")
        default:
            return Status(.internal, "internal error (\(type(of: error)))")
        }
    }

    private static func storeStatus(_ error: StoreError) -> Status {
        switch error {
        case .constraint(let kind, _) where kind == .unique || kind == .primaryKey:
            return Status(.alreadyExists, "已存在 (already exists)")
        case .constraint:
            return Status(.failedPrecondition, "数据约束不满足 (constraint failed)")
        default:
            if error.isTransient { return Status(.unavailable, "存储暂时不可用，请重试 (store unavailable: \(error))") }
            return Status(.internal, "存储错误 (store error)")
        }
    }
}
