import Foundation
import HTTP2Transport
import JicengAPI
import ProtoRuntime
import RPC
import Synchronization
import Testing
@testable import JicengClient

/// An OrgService that answers UNAVAILABLE a set number of times before it works, and records
/// what each attempt carried.
final class FlakyOrgService: Jiceng_V1_OrgServiceService, Sendable {
    struct Seen: Sendable {
        var failuresLeft: Int
        var requestIDs: [String] = []
        var authorizations: [String] = []
        var timeouts: [Bool] = []
        var calls = 0
    }
    let seen: Mutex<Seen>

    init(failures: Int) { seen = Mutex(Seen(failuresLeft: failures)) }

    private func attempt(_ context: ServerContext, requestID: String?) throws {
        try seen.withLock { s throws(Status) in
            s.calls += 1
            if let requestID { s.requestIDs.append(requestID) }
            s.authorizations.append(context.metadata.first("authorization") ?? "")
            s.timeouts.append(context.metadata.first("grpc-timeout") != nil || context.deadline != nil)
            if s.failuresLeft > 0 {
                s.failuresLeft -= 1
                throw Status(.unavailable, "restarting")
            }
        }
    }

    func listOrgUnits(request: Jiceng_V1_ListOrgUnitsRequest, context: ServerContext) async throws -> Jiceng_V1_ListOrgUnitsResponse {
        try attempt(context, requestID: nil)
        var unit = Jiceng_V1_OrgUnit()
        unit.id = "C1"
        var response = Jiceng_V1_ListOrgUnitsResponse()
        response.orgUnits = [unit]
        return response
    }

    func createOrgUnit(request: Jiceng_V1_CreateOrgUnitRequest, context: ServerContext) async throws -> Jiceng_V1_OrgUnit {
        try attempt(context, requestID: request.requestId)
        return request.orgUnit
    }
}

@Suite(.serialized, .timeLimit(.minutes(2)))
struct JicengConnectionTests {
    private func serve(_ service: FlakyOrgService) throws -> (GRPCServer, String) {
        let config = GRPCServer.Configuration(listen: SocketAddress(host: "127.0.0.1", port: 0), eventLoopCount: 1)
        let server = GRPCServer(configuration: config, services: [service], interceptors: [])
        try server.start()
        return (server, "127.0.0.1:\(server.boundAddress!.port)")
    }

    private static let quickRetries = RetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(20))

    @Test func readsAreRetriedOnUnavailableWithTheToken() async throws {
        let service = FlakyOrgService(failures: 2)
        let (server, address) = try serve(service)
        let jiceng = try JicengConnection(server: address, token: "jt_test", retry: Self.quickRetries)
        let response = try await jiceng.org.listOrgUnits(Jiceng_V1_ListOrgUnitsRequest())
        #expect(response.orgUnits.map(\.id) == ["C1"])
        let seen = service.seen.withLock { $0 }
        #expect(seen.calls == 3)
        #expect(seen.authorizations == Array(repeating: "Bearer jt_test", count: 3))
        #expect(seen.timeouts.allSatisfy { $0 })
        jiceng.close()
        server.shutdown(grace: .seconds(5))
        await server.waitUntilStopped()
    }

    @Test func mutationsGetOneRequestIDForEveryAttempt() async throws {
        let service = FlakyOrgService(failures: 1)
        let (server, address) = try serve(service)
        let jiceng = try JicengConnection(server: address, token: "jt_test", retry: Self.quickRetries)
        var request = Jiceng_V1_CreateOrgUnitRequest()
        request.orgUnit.id = "G9"
        _ = try await jiceng.org.createOrgUnit(request)
        // A caller's own request id is kept as it is.
        request.requestId = "mine-1"
        _ = try await jiceng.org.createOrgUnit(request)
        let ids = service.seen.withLock { $0.requestIDs }
        #expect(ids.count == 3)
        #expect(ids[0] == ids[1] && UUID(uuidString: ids[0]) != nil)
        #expect(ids[2] == "mine-1")
        server.shutdown(grace: .seconds(5))
        await server.waitUntilStopped()
    }

    @Test func retriesStopAtTheLimitWithTheLastStatus() async throws {
        let service = FlakyOrgService(failures: 100)
        let (server, address) = try serve(service)
        let jiceng = try JicengConnection(server: address, token: nil, retry: Self.quickRetries)
        await #expect(throws: Status(.unavailable, "restarting")) {
            _ = try await jiceng.org.listOrgUnits(Jiceng_V1_ListOrgUnitsRequest())
        }
        #expect(service.seen.withLock { $0.calls } == 4)
        let once = try JicengConnection(server: address, token: nil, retry: .none)
        await #expect(throws: Status.self) { _ = try await once.org.listOrgUnits(Jiceng_V1_ListOrgUnitsRequest()) }
        #expect(service.seen.withLock { ($0.calls, $0.authorizations.last) } == (5, ""))
        server.shutdown(grace: .seconds(5))
        await server.waitUntilStopped()
    }

    @Test func badAddressesAreRefusedUpFront() {
        #expect(throws: JicengConnection.SetupError.self) { try JicengConnection(server: "nowhere", token: nil) }
    }
}

@Test func methodTraitsComeFromTheSchema() throws {
    let traits = MethodTraits.jicengAPI
    let create = try #require(traits.entry(forPath: "/jiceng.v1.TaskService/CreateTask"))
    #expect(create.isMutating)
    #expect(create.requestIDField?.name == "request_id")
    let get = try #require(traits.entry(forPath: "/jiceng.v1.OrgService/GetOrgUnit"))
    #expect(!get.isMutating)
    #expect(traits.entry(forPath: "/grpc.health.v1.Health/Check") == nil)
}

@Test func requestIDStampFillsOnlyAnEmptyID() throws {
    let traits = MethodTraits.jicengAPI
    let entry = try #require(traits.entry(forPath: "/jiceng.v1.OrgService/CreateOrgUnit"))
    let stamp = RequestIDStamp(field: try #require(entry.requestIDField), input: entry.input, pool: traits.pool)
    var request = Jiceng_V1_CreateOrgUnitRequest()
    request.orgUnit.name = "新网格"
    let stamped = try Jiceng_V1_CreateOrgUnitRequest(serializedBytes: stamp.stamped(request.serializedBytes(), id: "r-1"))
    #expect(stamped.requestId == "r-1")
    #expect(stamped.orgUnit.name == "新网格")
    request.requestId = "given"
    #expect(stamp.stamped(request.serializedBytes(), id: "r-2") == request.serializedBytes())
}

@Test func backoffGrowsWithJitterUpToTheCap() {
    let policy = RetryPolicy(maxAttempts: 10, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), multiplier: 2)
    #expect(policy.backoff(beforeRetry: 1, random: 1) == .milliseconds(100))
    #expect(policy.backoff(beforeRetry: 3, random: 1) == .milliseconds(400))
    #expect(policy.backoff(beforeRetry: 9, random: 1) == .seconds(1))
    #expect(policy.backoff(beforeRetry: 3, random: 0.5) == .milliseconds(200))
    #expect(policy.backoff(beforeRetry: 3, random: 0) == .zero)
    #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
}
