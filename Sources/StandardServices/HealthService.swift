import JicengAPI
import RPC
import Synchronization

/// `grpc.health.v1.Health`: reports whether the server (service name "") and each named service
/// is serving, on request (Check) and as it changes (Watch).
///
/// Statuses are set by the application; once `enterShutdown()` is called (the server began
/// draining) every service reports NOT_SERVING for good, so load balancers move away first.
public final class HealthService: Grpc_Health_V1_HealthService {
    public typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: ServingStatus] = ["": .serving]
        var watchers: [Int: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
        var nextWatcher = 0
        var shuttingDown = false
    }

    private let state = Mutex(State())

    /// The overall server ("") starts SERVING; named services start as given.
    public init(services: [String: ServingStatus] = [:]) {
        state.withLock { $0.statuses.merge(services) { _, new in new } }
    }

    /// Sets one service's status and tells its watchers. Ignored once shutdown began.
    public func setStatus(_ status: ServingStatus, forService service: String) {
        state.withLock { s in
            guard !s.shuttingDown else { return }
            Self.update(&s, service: service, to: status)
        }
    }

    /// Marks every service NOT_SERVING and freezes the statuses.
    public func enterShutdown() {
        state.withLock { s in
            s.shuttingDown = true
            for service in Array(s.statuses.keys) { Self.update(&s, service: service, to: .notServing) }
        }
    }

    /// The current status, or nil for a service nobody registered.
    public func status(ofService service: String) -> ServingStatus? {
        state.withLock { $0.statuses[service] }
    }

    private static func update(_ s: inout State, service: String, to status: ServingStatus) {
        guard s.statuses[service] != status else { return }
        s.statuses[service] = status
        for watcher in s.watchers.values where watcher.service == service {
            watcher.continuation.yield(status)
        }
    }

    public func check(
        request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthCheckResponse {
        guard let status = status(ofService: request.service) else {
            throw Status(.notFound, "unknown service \(request.service)")
        }
        var response = Grpc_Health_V1_HealthCheckResponse()
        response.status = status
        return response
    }

    public func list(
        request: Grpc_Health_V1_HealthListRequest, context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthListResponse {
        var response = Grpc_Health_V1_HealthListResponse()
        for (service, status) in state.withLock({ $0.statuses }) {
            var entry = Grpc_Health_V1_HealthCheckResponse()
            entry.status = status
            response.statuses[service] = entry
        }
        return response
    }

    /// Sends the current status at once, then every change, until the client cancels.
    public func watch(
        request: Grpc_Health_V1_HealthCheckRequest, responses: ResponseWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        let (changes, continuation) = AsyncStream.makeStream(of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
        let (id, current) = state.withLock { s -> (Int, ServingStatus) in
            let id = s.nextWatcher
            s.nextWatcher += 1
            s.watchers[id] = (request.service, continuation)
            return (id, s.statuses[request.service] ?? .serviceUnknown)
        }
        defer { _ = state.withLock { $0.watchers.removeValue(forKey: id) } }
        var response = Grpc_Health_V1_HealthCheckResponse()
        response.status = current
        try await responses.write(response)
        for await status in changes {
            response.status = status
            try await responses.write(response)
        }
        throw Status(.cancelled, "watch ended")
    }
}
