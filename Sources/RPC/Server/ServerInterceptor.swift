/// Code that runs around every call before (and after) its handler: authentication, audit,
/// logging, metrics.
///
/// An interceptor sees the call's context (method, metadata, deadline, peer), may throw a
/// `Status` to refuse the call before the handler runs, and learns the outcome from whether `next`
/// returned or threw. To pass facts to the handler (an authenticated identity), bind a
/// `@TaskLocal` around `next`.
public protocol ServerInterceptor: Sendable {
    func intercept(
        context: ServerContext,
        next: @Sendable (ServerContext) async throws -> Void
    ) async throws
}

/// An ordered list of interceptors; the first one added runs outermost.
public struct ServerInterceptorChain: Sendable {
    public let interceptors: [any ServerInterceptor]

    public init(_ interceptors: [any ServerInterceptor] = []) {
        self.interceptors = interceptors
    }

    /// Runs `handler` inside every interceptor.
    public func run(
        context: ServerContext,
        handler: @escaping @Sendable (ServerContext) async throws -> Void
    ) async throws {
        if interceptors.isEmpty {
            try await handler(context)
        } else {
            try await run(from: 0, context: context, handler: handler)
        }
    }

    private func run(
        from index: Int, context: ServerContext,
        handler: @escaping @Sendable (ServerContext) async throws -> Void
    ) async throws {
        guard index < interceptors.count else {
            try await handler(context)
            return
        }
        try await interceptors[index].intercept(context: context) { context in
            try await self.run(from: index + 1, context: context, handler: handler)
        }
    }
}
