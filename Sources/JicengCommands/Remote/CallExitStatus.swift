import RPC

/// The exit statuses of `jiceng call`, `list` and `describe`: one per class of failure, so that
/// scripts can tell "fix your input" from "log in again" from "the server is down" without
/// parsing text. The numbers follow BSD `sysexits.h` where one fits.
public enum CallExitStatus {
    /// The call succeeded.
    public static let success: Int32 = 0
    /// Any other non-OK status (FAILED_PRECONDITION, ALREADY_EXISTS, INTERNAL, …).
    public static let otherStatus: Int32 = 1
    /// EX_USAGE: a mistake on the command line.
    public static let usage: Int32 = 64
    /// EX_DATAERR: INVALID_ARGUMENT or OUT_OF_RANGE, or request JSON that does not fit the schema.
    public static let invalidArgument: Int32 = 65
    /// EX_NOINPUT: NOT_FOUND.
    public static let notFound: Int32 = 66
    /// EX_NOUSER: UNIMPLEMENTED, or a service or method the server's reflection does not know.
    public static let unimplemented: Int32 = 67
    /// EX_UNAVAILABLE: no connection (refused, TLS failure) or UNAVAILABLE.
    public static let unavailable: Int32 = 69
    /// EX_TEMPFAIL: DEADLINE_EXCEEDED (try again, perhaps with a longer --timeout).
    public static let deadlineExceeded: Int32 = 75
    /// EX_NOPERM: UNAUTHENTICATED or PERMISSION_DENIED.
    public static let accessDenied: Int32 = 77

    /// The exit status for a call that ended with `code`.
    public static func forCode(_ code: Status.Code) -> Int32 {
        switch code {
        case .ok: success
        case .invalidArgument, .outOfRange: invalidArgument
        case .notFound: notFound
        case .unimplemented: unimplemented
        case .unavailable: unavailable
        case .deadlineExceeded: deadlineExceeded
        case .unauthenticated, .permissionDenied: accessDenied
        default: otherStatus
        }
    }

    /// The table printed in the commands' help.
    static let help = """
        退出码 (exit status):
          0   成功 (OK)
          1   其他错误状态 (other non-OK status: FAILED_PRECONDITION, ALREADY_EXISTS, INTERNAL …)
          64  命令行用法错误 (usage)
          65  参数无效 (INVALID_ARGUMENT, OUT_OF_RANGE, 请求 JSON 不符合模式)
          66  未找到 (NOT_FOUND)
          67  未实现 (UNIMPLEMENTED, 服务器反射中没有该服务或方法)
          69  无法连接 (connection failed, UNAVAILABLE)
          75  超时 (DEADLINE_EXCEEDED)
          77  未认证或无权限 (UNAUTHENTICATED, PERMISSION_DENIED)
        """
}
