/// The outcome of an RPC: a code, a human-readable message, and optionally the serialized
/// `google.rpc.Status` that rides in `grpc-status-details-bin`.
///
/// `Status` is also the error handlers throw to fail a call with a chosen code; any other error a
/// handler throws reaches the client as `UNKNOWN`.
public struct Status: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String
    /// The raw bytes of a `google.rpc.Status` (see `RichStatus`), sent as `grpc-status-details-bin`.
    public var details: [UInt8]?

    @inlinable
    public init(_ code: Code, _ message: String = "", details: [UInt8]? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }

    public static let ok = Status(.ok)

    public var isOK: Bool { code == .ok }

    public var description: String {
        message.isEmpty ? "\(code)" : "\(code): \(message)"
    }

    /// The gRPC status codes, with their wire numbers.
    public enum Code: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case ok = 0
        case cancelled = 1
        case unknown = 2
        case invalidArgument = 3
        case deadlineExceeded = 4
        case notFound = 5
        case alreadyExists = 6
        case permissionDenied = 7
        case resourceExhausted = 8
        case failedPrecondition = 9
        case aborted = 10
        case outOfRange = 11
        case unimplemented = 12
        case `internal` = 13
        case unavailable = 14
        case dataLoss = 15
        case unauthenticated = 16

        /// Any number outside 0...16 is treated as UNKNOWN, as the gRPC spec asks of clients.
        @inlinable
        public init(wireValue: Int) {
            self = Code(rawValue: wireValue) ?? .unknown
        }

        /// The canonical upper-case name, as in `grpc/status.h` (`INVALID_ARGUMENT`).
        public var description: String {
            switch self {
            case .ok: "OK"
            case .cancelled: "CANCELLED"
            case .unknown: "UNKNOWN"
            case .invalidArgument: "INVALID_ARGUMENT"
            case .deadlineExceeded: "DEADLINE_EXCEEDED"
            case .notFound: "NOT_FOUND"
            case .alreadyExists: "ALREADY_EXISTS"
            case .permissionDenied: "PERMISSION_DENIED"
            case .resourceExhausted: "RESOURCE_EXHAUSTED"
            case .failedPrecondition: "FAILED_PRECONDITION"
            case .aborted: "ABORTED"
            case .outOfRange: "OUT_OF_RANGE"
            case .unimplemented: "UNIMPLEMENTED"
            case .internal: "INTERNAL"
            case .unavailable: "UNAVAILABLE"
            case .dataLoss: "DATA_LOSS"
            case .unauthenticated: "UNAUTHENTICATED"
            }
        }
    }
}

extension Status {
    /// A status carrying rich details: the message and code are also written into the
    /// `google.rpc.Status` so that clients reading either place agree.
    public init(_ code: Code, _ message: String, details: [RichStatus.Detail]) {
        let rich = RichStatus(code: Int32(code.rawValue), message: message, details: details)
        self.init(code, message, details: rich.serializedBytes())
    }

    /// The decoded `google.rpc.Status`, or nil when there are no (or undecodable) details.
    public var richStatus: RichStatus? {
        guard let details else { return nil }
        return try? RichStatus(serializedBytes: details)
    }

    /// Maps any error a handler threw to the status sent to the client: a `Status` as is, a
    /// cancellation as CANCELLED, anything else as UNKNOWN (never leaking the error's text, which
    /// may hold internals).
    public init(error: any Error) {
        if let status = error as? Status {
            self = status
        } else if let convertible = error as? any StatusConvertible {
            self = convertible.grpcStatus
        } else if error is CancellationError {
            self = Status(.cancelled, "call cancelled")
        } else {
            self = Status(.unknown, "handler failed: \(type(of: error))")
        }
    }
}

/// An error that knows which status it should reach the client as (a domain error with rich
/// details, say); handlers may throw it directly instead of converting.
public protocol StatusConvertible: Error {
    var grpcStatus: Status { get }
}
