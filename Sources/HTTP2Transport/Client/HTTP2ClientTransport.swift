import CEpoll
import Glibc
import RPC
import Synchronization

/// A `ClientTransport` over HTTP/2 to one server: plaintext h2c (prior knowledge), or TLS with
/// ALPN `h2` when given a `ClientTLSConfiguration`.
///
/// Calls share one connection, opened on first use. When it closes or the server sends GOAWAY,
/// the next call opens a new one; failed connects back off exponentially (100 ms doubling to
/// 10 s), and calls made while backing off fail fast with UNAVAILABLE.
public final class HTTP2ClientTransport: ClientTransport {
    public let target: SocketAddress
    private let tls: TLSContext?
    private let serverName: String

    private struct State {
        var current: ConnectionRef?
        var connecting: Task<ConnectionRef, any Error>?
        var backoff: Duration = .milliseconds(100)
        var retryAfter: Deadline?
    }

    /// A loop-confined connection, carried across threads only to be handed back to its loop.
    private struct ConnectionRef: @unchecked Sendable {
        let connection: ClientConnection
    }

    private let state = Mutex(State())

    /// Throws `TLSError` when the TLS configuration's files cannot be used.
    public init(target: SocketAddress, tls: ClientTLSConfiguration? = nil) throws {
        self.target = target
        self.tls = try tls.map { try TLSContext(client: $0) }
        self.serverName = tls?.serverName ?? target.host
    }

    /// A plaintext (h2c) transport.
    public init(target: SocketAddress) {
        self.target = target
        self.tls = nil
        self.serverName = target.host
    }

    public func openCall(method: MethodDescriptor, metadata: Metadata, options: CallOptions) async throws -> any ClientCallStream {
        let ref = try await connection()
        let call = ClientCall(connection: ref.connection, method: method, metadata: metadata, options: options)
        // The first hand-off submits the request headers.
        call.connection.loop.execute(call)
        return call
    }

    /// Closes the connection; calls in flight fail with UNAVAILABLE.
    public func close() {
        let current = state.withLock { s -> ConnectionRef? in
            defer { s.current = nil }
            return s.current
        }
        if let current {
            let loop = current.connection.loop
            loop.execute(LoopClosure { current.connection.close() })
        }
    }

    private func connection() async throws -> ConnectionRef {
        enum Next { case ready(ConnectionRef), wait(Task<ConnectionRef, any Error>), refused(Duration) }
        let next = state.withLock { s -> Next in
            if let current = s.current, current.connection.usable.load(ordering: .relaxed) { return .ready(current) }
            s.current = nil
            if let connecting = s.connecting { return .wait(connecting) }
            if let retryAfter = s.retryAfter, !retryAfter.hasPassed { return .refused(retryAfter.timeRemaining) }
            let task = Task { [target, tls, serverName] in try await Self.connect(to: target, tls: tls, serverName: serverName) }
            s.connecting = task
            return .wait(task)
        }
        switch next {
        case .ready(let ref):
            return ref
        case .refused(let remaining):
            throw Status(.unavailable, "\(target) unreachable; retrying in \(remaining)")
        case .wait(let task):
            do {
                let ref = try await task.value
                state.withLock { s in
                    s.connecting = nil
                    s.current = ref
                    s.backoff = .milliseconds(100)
                    s.retryAfter = nil
                }
                return ref
            } catch {
                state.withLock { s in
                    guard s.connecting != nil else { return }
                    s.connecting = nil
                    s.retryAfter = Deadline(fromNow: s.backoff)
                    s.backoff = min(s.backoff * 2, .seconds(10))
                }
                throw error
            }
        }
    }

    private static func connect(to name: SocketAddress, tls: TLSContext?, serverName: String) async throws -> ConnectionRef {
        // Runs in its own task, so a slow name lookup holds no event loop.
        let target: SocketAddress
        do {
            target = try name.resolved()
        } catch {
            throw Status(.unavailable, "\(error)")
        }
        let fd = socket(target.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Status(.unavailable, "socket: \(SocketError(call: "socket"))") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        do {
            try target.withSockAddr { addr, len in
                if Glibc.connect(fd, addr, len) != 0 && errno != EINPROGRESS {
                    throw Status(.unavailable, "connect to \(target): \(SocketError(call: "connect"))")
                }
            }
        } catch {
            Glibc.close(fd)
            throw error
        }
        let loop = try ClientEventLoop.shared()
        let session = tls?.makeClientSession(fd: fd, serverName: serverName)
        if tls != nil && session == nil {
            Glibc.close(fd)
            throw Status(.unavailable, "cannot create a TLS session")
        }
        let connection = ClientConnection(fd: fd, loop: loop, authority: name.description, tls: session)
        let ref = ConnectionRef(connection: connection)
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            loop.execute(LoopClosure {
                ref.connection.onConnected = c
                ref.connection.connecting = true
                loop.adopt(connection: ref.connection, events: EPOLLOUT.rawValue)
            })
        }
        return ref
    }
}

/// The event loop client connections run on: one thread for the process, started on first use.
enum ClientEventLoop {
    private static let loop = Mutex<EventLoop?>(nil)

    static func shared() throws -> EventLoop {
        try loop.withLock { current in
            if let current { return current }
            let created = try EventLoop(index: -1)
            created.start {}
            current = created
            return created
        }
    }
}
