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
        /// Event-loop threads; each accepts and serves its own connections.
        public var eventLoopCount: Int
        public var maxConcurrentStreams: Int = 1000
        public var maxHeaderListSize: Int = 16 * 1024
        /// The largest request message accepted (after decompression) → RESOURCE_EXHAUSTED.
        public var maxReceiveMessageSize: Int = 4 * 1024 * 1024
        public var initialStreamWindowSize: Int = 1 << 20
        public var connectionWindowSize: Int = 4 << 20

        public init(listen: SocketAddress, eventLoopCount: Int? = nil) {
            self.listen = listen
            self.eventLoopCount = eventLoopCount ?? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }
    }

    private let core: ServerCore
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
        core = ServerCore(
            router: ServiceRouter(services: services), interceptors: ServerInterceptorChain(interceptors),
            configuration: configuration)
    }

    /// The address actually bound (the real port when the configuration asked for port 0).
    public var boundAddress: SocketAddress? { state.withLock { $0.boundAddress } }

    /// Binds and starts the event loops. Returns once the server accepts connections.
    public func start() throws {
        let config = core.configuration
        var loops: [EventLoop] = []
        var address = config.listen
        for index in 0..<config.eventLoopCount {
            let loop = try EventLoop(index: index, core: core)
            let listener = try ListeningSocket(binding: address)
            // Later loops bind the port the first one got, so port 0 works too.
            address = listener.address
            loop.adopt(listener: listener)
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
