// PROVISIONAL: stands in for the lead's PlatformError until "Platform service infrastructure"
// lands on main; removed at that merge.
public enum PlatformError: Error, Sendable, Equatable {
    case invalidArgument(field: String, _ description: String)
    case notFound(_ message: String)
    case alreadyExists(_ message: String)
    case failedPrecondition(reason: String, _ message: String)
    case aborted(_ message: String)
    case permissionDenied(reason: String, _ message: String)
    case resourceExhausted(_ message: String)
    case unavailable(_ message: String)
}
