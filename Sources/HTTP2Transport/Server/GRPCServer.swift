import Glibc
import RPC
import Synchronization

/// A gRPC server over plaintext HTTP/2 (h2c, prior knowledge) on epoll event loops.
///
/// ```swift
/// let server = GRPCServer(configuration: .init(listen: SocketAddress(host: "127.0.0.1", port: 50051)),
///                         services: [HealthService()], interceptors: [AuthInterceptor()])
/// try server.start()
/// // … on SIGTERM:
/// server.shutdown(grace: .seconds(10))
/// await server.waitUntilStopped()
/// ```
public final class GRPCServer: Sendable {
    /// Listen address and limits.
    public struct Configuration: Sendable {
        public var listen: SocketAddress
        /// TLS with ALPN `h2`; nil serves plaintext h2c (prior knowledge).
        public var tls: TLSConfiguration?
        /// Event-loop threads; each accepts and serves its own connections.
        public var eventLoopCount: Int
        public var maxConcurrentStreams: Int = 1000
        public var maxHeaderListSize: Int = 16 * 1024
        /// The largest request message accepted (after decompression) → RESOURCE_EXHAUSTED.
        public var maxReceiveMessageSize: Int = 4 * 1024 * 1024
        public var initialStreamWindowSize: Int = 1 << 20
        public var connectionWindowSize: Int = 4 << 20
        /// A connection must complete the HTTP/2 preface and SETTINGS within this (slow or garbage
        /// peers are dropped).
        public var handshakeTimeout: Duration = .seconds(10)
        /// After this long without hearing from the peer, the server pings it...
        public var keepaliveInterval: Duration? = .seconds(7200)
        /// ...and closes the connection if the ping is not answered within this.
        public var keepaliveTimeout: Duration = .seconds(20)
        /// A connection with no calls for this long is sent GOAWAY and closed (nil: never).
        public var maxConnectionIdle: Duration?
        /// Services whose handlers run on the event-loop thread of their connection instead of the
        /// concurrency pool: no thread hop for a call that completes at once. Only for handlers
        /// that never block (health checks, echo); a slow one would stall every connection of its
        /// loop.
        public var servicesOnEventLoop: Set<String> = []

        public init(listen: SocketAddress, eventLoopCount: Int? = nil) {
            self.listen = listen
            self.eventLoopCount = eventLoopCount ?? AvailableCPUs.count
        }
    }

    private let services: [any RPCService]
    private let interceptors: [any ServerInterceptor]
    private let configuration: Configuration
    private let state = Mutex(RunState())

    private struct RunState {
        var loops: [EventLoop] = []
        var running = 0
        var boundAddress: SocketAddress?
        var waiters: [CheckedContinuation<Void, Never>] = []
        var drainHooks: [@Sendable () -> Void] = []
        var shuttingDown = false
    }

    public init(configuration: Configuration, services: [any RPCService], interceptors: [any ServerInterceptor] = []) {
        self.configuration = configuration
        self.services = services
        self.interceptors = interceptors
    }

    /// The address actually bound (the real port when the configuration asked for port 0).
    public var boundAddress: SocketAddress? { state.withLock { $0.boundAddress } }

    /// Binds and starts the event loops. Returns once the server accepts connections. Throws
    /// `SocketError` when the address cannot be bound, `TLSError` for unusable certificates.
    public func start() throws {
        let config = configuration
        let core = try ServerCore(
            router: ServiceRouter(services: services), interceptors: ServerInterceptorChain(interceptors),
            configuration: configuration)
        var loops: [EventLoop] = []
        var address = try config.listen.resolved()
        for index in 0..<config.eventLoopCount {
            let loop = try EventLoop(index: index)
            let listener = try ListeningSocket(binding: address)
            // Later loops bind the port the first one got, so port 0 works too.
            address = listener.address
            loop.adopt(listener: listener, core: core)
            loops.append(loop)
        }
        state.withLock {
            $0.loops = loops
            $0.running = loops.count
            $0.boundAddress = address
        }
        for loop in loops {
            loop.start { [self] in self.loopExited() }
        }
    }

    /// Registers code to run when shutdown begins (the health service turns NOT_SERVING).
    public func onShutdown(_ hook: @escaping @Sendable () -> Void) {
        state.withLock { $0.drainHooks.append(hook) }
    }

    /// Starts a graceful shutdown: no new connections, GOAWAY on every connection, calls opened
    /// from now on refused with UNAVAILABLE, in-flight calls given `grace` to finish before they
    /// are cancelled. Returns immediately; `waitUntilStopped` waits for the end.
    public func shutdown(grace: Duration) {
        let (loops, hooks) = state.withLock { s -> ([EventLoop], [@Sendable () -> Void]) in
            if s.shuttingDown { return ([], []) }
            s.shuttingDown = true
            return (s.loops, s.drainHooks)
        }
        for hook in hooks { hook() }
        for loop in loops { loop.execute { loop.beginDrain() } }
        guard !loops.isEmpty else { return }
        Task.detached {
            try? await Task.sleep(for: grace)
            for loop in loops { loop.execute { loop.forceClose() } }
        }
    }

    /// Suspends until every event loop has ended.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s -> Bool in
                if s.running == 0 { return true }
                s.waiters.append(c)
                return false
            }
            if done { c.resume() }
        }
    }

    private func loopExited() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.running -= 1
            guard s.running == 0 else { return [] }
            defer { s.waiters.removeAll() }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
