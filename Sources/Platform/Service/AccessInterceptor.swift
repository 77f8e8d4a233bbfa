import RPC

/// Authenticates and authorises every call before its handler runs (DESIGN.md §5): no token, a
/// malformed, unknown, revoked or expired one → UNAUTHENTICATED; a role the method does not admit →
/// PERMISSION_DENIED with ErrorInfo `ROLE_NOT_ALLOWED`. The finer, org-scope check belongs to the
/// handler, which knows the resource; it reads the caller from `CurrentCall.caller`.
public struct AccessInterceptor: ServerInterceptor {
    public let policy: AccessPolicy
    public let authenticator: any CallerAuthenticator

    public init(policy: AccessPolicy = AccessPolicy(), authenticator: any CallerAuthenticator) {
        self.policy = policy
        self.authenticator = authenticator
    }

    public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        let path = context.method.path
        if policy.isUnruled(path) {
            throw PlatformError.permissionDenied(reason: "METHOD_HAS_NO_ACCESS_RULE", "\(path) 未配置访问规则 (no access rule)").status
        }
        guard let rule = policy.rule(forPath: path), !rule.allowAnonymous else {
            try await next(context)
            return
        }
        guard let header = context.metadata.first("authorization") else {
            throw PlatformError.unauthenticated("缺少令牌：请在 authorization 头中携带 Bearer 令牌 (missing bearer token)").status
        }
        let text = header.hasPrefix("Bearer ") ? header.dropFirst(7) : header.hasPrefix("bearer ") ? header.dropFirst(7) : Substring("")
        guard let token = AccessToken(parsing: text) else {
            throw PlatformError.unauthenticated("令牌格式无效 (malformed token)").status
        }
        let caller: Caller?
        do {
            caller = try await authenticator.authenticate(token)
        } catch {
            throw PlatformError.status(for: error)
        }
        guard let caller else {
            throw PlatformError.unauthenticated("令牌无效、已吊销或已过期，请用 `jiceng admin token issue` 签发新令牌 (unknown, revoked or expired token)").status
        }
        guard rule.roles.contains(caller.role) else {
            throw PlatformError.permissionDenied(
                reason: "ROLE_NOT_ALLOWED", "\(caller.role.label)无权调用 \(context.method.method) (role \(caller.role.name) may not call this method)").status
        }
        try await CurrentCall.$caller.withValue(caller) {
            try await next(context)
        }
    }
}
