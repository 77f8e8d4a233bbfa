import RPC

/// What every connection of a server shares, immutable after start: routing, interceptors, limits.
final class ServerCore: Sendable {
    let router: ServiceRouter
    let interceptors: ServerInterceptorChain
    let configuration: GRPCServer.Configuration

    init(router: ServiceRouter, interceptors: ServerInterceptorChain, configuration: GRPCServer.Configuration) {
        self.router = router
        self.interceptors = interceptors
        self.configuration = configuration
    }
}
