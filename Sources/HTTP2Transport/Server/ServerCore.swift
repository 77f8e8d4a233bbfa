import RPC
import CNGHTTP2

/// What every connection of a server shares, immutable after start: routing, interceptors, limits,
/// and the nghttp2 callbacks and options.
final class ServerCore: @unchecked Sendable {
    // The nghttp2 callback and option objects are written once here and only read afterwards.
    let router: ServiceRouter
    let interceptors: ServerInterceptorChain
    let configuration: GRPCServer.Configuration
    let callbacks: OpaquePointer
    let options: OpaquePointer

    init(router: ServiceRouter, interceptors: ServerInterceptorChain, configuration: GRPCServer.Configuration) {
        self.router = router
        self.interceptors = interceptors
        self.configuration = configuration
        self.callbacks = ServerSessionCallbacks.make()
        var options: OpaquePointer?
        nghttp2_option_new(&options)
        // We return flow-control credit ourselves, as handlers consume request bytes.
        nghttp2_option_set_no_auto_window_update(options, 1)
        nghttp2_option_set_max_settings(options, 32)
        nghttp2_option_set_max_outbound_ack(options, 1000)
        nghttp2_option_set_stream_reset_rate_limit(options, 1000, 100)
        nghttp2_option_set_max_continuations(options, 8)
        nghttp2_option_set_max_deflate_dynamic_table_size(options, 4096)
        self.options = options!
    }

    deinit {
        nghttp2_session_callbacks_del(callbacks)
        nghttp2_option_del(options)
    }
}
