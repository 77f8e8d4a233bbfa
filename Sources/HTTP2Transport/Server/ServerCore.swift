import RPC

/// What every connection of a server shares, immutable after start: routing, interceptors, limits.
final class ServerCore: Sendable {
    let router: ServiceRouter
    let interceptors: ServerInterceptorChain
    let configuration: GRPCServer.Configuration
    let tls: TLSContext?

    init(router: ServiceRouter, interceptors: ServerInterceptorChain, configuration: GRPCServer.Configuration) throws {
        self.router = router
        self.interceptors = interceptors
        self.configuration = configuration
        self.tls = try configuration.tls.map { try TLSContext($0) }
    }
}
