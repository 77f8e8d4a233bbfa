import JicengAPI
import RPC

/// Renders a failed call's status for people: the code's name (Chinese and the canonical English
/// name), the message, and the `google.rpc` details a server attached — field violations,
/// ErrorInfo, precondition failures — decoded rather than dumped as bytes.
struct StatusReport {
    let status: Status
    /// Whether the call carried a token: an UNAUTHENTICATED reply then means a bad token, not a
    /// missing one, and the hint differs.
    let sentToken: Bool

    var text: String {
        var lines = ["错误 (error): \(status.code) \(Self.chineseName(status.code))" + (status.message.isEmpty ? "" : " — \(status.message)")]
        for detail in status.richStatus?.details ?? [] {
            lines += Self.describe(detail).map { "  " + $0 }
        }
        if let hint { lines.append("提示 (hint): \(hint)") }
        return lines.joined(separator: "\n")
    }

    var exitCode: Int32 { CallExitStatus.forCode(status.code) }

    private var hint: String? {
        switch status.code {
        case .unauthenticated where sentToken:
            "令牌无效或已过期 — 用 `jiceng admin token issue …` 签发新令牌 (the token is invalid or expired; issue a new one)"
        case .unauthenticated:
            "用 --token 或环境变量 JICENG_TOKEN 提供令牌 (pass a token with --token or JICENG_TOKEN)"
        case .deadlineExceeded:
            "可用 --timeout 放宽期限 (raise --timeout)"
        case .unavailable:
            "服务器是否在运行、--server 地址与 --tls 设置是否正确? (is the server up at --server, with the right --tls?)"
        default:
            nil
        }
    }

    /// One detail as lines of text; a type this command does not know is named, not hidden.
    static func describe(_ detail: RichStatus.Detail) -> [String] {
        do {
            if let badRequest = try detail.unpack(Google_Rpc_BadRequest.self) {
                return badRequest.fieldViolations.map { violation in
                    "字段错误 (field violation) \(violation.field): \(violation.description_p)"
                        + (violation.reason.isEmpty ? "" : " [\(violation.reason)]")
                }
            }
            if let info = try detail.unpack(Google_Rpc_ErrorInfo.self) {
                var line = "原因 (reason): \(info.reason)" + (info.domain.isEmpty ? "" : " (\(info.domain))")
                let pairs = info.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                if !pairs.isEmpty { line += " " + pairs.joined(separator: " ") }
                return [line]
            }
            if let failure = try detail.unpack(Google_Rpc_PreconditionFailure.self) {
                return failure.violations.map { violation in
                    "前置条件不满足 (precondition failure) \(violation.type) \(violation.subject): \(violation.description_p)"
                }
            }
            if let quota = try detail.unpack(Google_Rpc_QuotaFailure.self) {
                return quota.violations.map { "配额不足 (quota failure) \($0.subject): \($0.description_p)" }
            }
            if let retry = try detail.unpack(Google_Rpc_RetryInfo.self) {
                let seconds = Double(retry.retryDelay.seconds) + Double(retry.retryDelay.nanos) / 1e9
                return ["稍后重试 (retry after) \(seconds)s"]
            }
            if let resource = try detail.unpack(Google_Rpc_ResourceInfo.self) {
                return ["资源 (resource) \(resource.resourceType) \(resource.resourceName)" + (resource.description_p.isEmpty ? "" : ": \(resource.description_p)")]
            }
            if let localized = try detail.unpack(Google_Rpc_LocalizedMessage.self) {
                return ["说明 (\(localized.locale)): \(localized.message)"]
            }
            if let help = try detail.unpack(Google_Rpc_Help.self) {
                return help.links.map { "帮助 (help) \($0.description_p): \($0.url)" }
            }
            if let request = try detail.unpack(Google_Rpc_RequestInfo.self) {
                return ["请求 (request) \(request.requestId)"]
            }
        } catch {
            return ["无法解码的详情 (undecodable detail) \(detail.typeURL): \(error)"]
        }
        return ["详情 (detail) \(detail.typeURL), \(detail.value.count) 字节"]
    }

    static func chineseName(_ code: Status.Code) -> String {
        switch code {
        case .ok: "成功"
        case .cancelled: "已取消"
        case .unknown: "未知错误"
        case .invalidArgument: "参数无效"
        case .deadlineExceeded: "超时"
        case .notFound: "未找到"
        case .alreadyExists: "已存在"
        case .permissionDenied: "无权限"
        case .resourceExhausted: "资源耗尽"
        case .failedPrecondition: "前置条件不满足"
        case .aborted: "已中止"
        case .outOfRange: "超出范围"
        case .unimplemented: "未实现"
        case .internal: "内部错误"
        case .unavailable: "服务不可用"
        case .dataLoss: "数据丢失"
        case .unauthenticated: "未认证"
        }
    }
}
