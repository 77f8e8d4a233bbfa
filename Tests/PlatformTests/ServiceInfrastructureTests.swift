import Foundation
import JicengAPI
import RPC
import Store
import Testing
@testable import Platform

@Test func everyJicengMethodHasAnAccessRule() {
    let policy = AccessPolicy()
    #expect(policy.protectedMethods.count >= 46)
    let unruled = policy.protectedMethods.filter { policy.rule(forPath: $0) == nil }
    #expect(unruled.isEmpty, "methods without (jiceng.v1.method_access): \(unruled)")
    #expect(policy.rule(forPath: "/jiceng.v1.CatalogueService/GetPublishedCatalogue")?.allowAnonymous == true)
    let accept = policy.rule(forPath: "/jiceng.v1.TaskService/AcceptTask")
    #expect(accept?.roles == [.departmentOperator])
    #expect(accept?.mutating == true)
    #expect(policy.rule(forPath: "/grpc.health.v1.Health/Check") == nil)
    #expect(!policy.isUnruled("/grpc.health.v1.Health/Check"))
}

@Test func everyMutatingMethodTakesARequestID() throws {
    // The contract says every state change is idempotent: its request carries request_id.
    let validator = RequestValidator()
    let policy = AccessPolicy()
    for path in policy.protectedMethods where policy.rule(forPath: path)?.mutating == true {
        let method = String(path.split(separator: "/").last!)
        // Import streams carry request_id on their first message (optional on the others).
        if method == "ImportItems" { continue }
        #expect(validator.isRequired(message: "jiceng.v1.\(method)Request", field: "request_id"), "\(path) has no required request_id")
    }
}

@Test func validatorNamesMissingAndOverlongFields() {
    let validator = RequestValidator()
    var request = Jiceng_V1_CreateTaskRequest()
    request.requestId = "r1"
    request.task.title = String(repeating: "路", count: 201)
    request.task.townId = "339902001"
    #expect {
        try validator.validate(request)
    } throws: { error in
        guard case .invalidArguments(let violations) = error as? PlatformError else { return false }
        let fields = Set(violations.map(\.field))
        return fields == ["task.title", "task.source"]
    }
    request.task.title = "解放路路灯不亮"
    request.task.source = .gridReport
    #expect(throws: Never.self) { try validator.validate(request) }

    // Updates: the resource's own required fields are not enforced, only the request's.
    var update = Jiceng_V1_UpdateOrgUnitRequest()
    update.requestId = "r2"
    update.orgUnit.id = "339902"
    #expect {
        try validator.validate(update, enforceNestedRequired: false)
    } throws: { error in
        (error as? PlatformError) == .invalidArgument(field: "update_mask", "必填 (required)")
    }
}

@Test func platformErrorsCarryRichDetails() throws {
    let status = PlatformError.invalidArgument(field: "task.title", "必填 (required)").status
    #expect(status.code == .invalidArgument)
    let rich = try #require(status.richStatus)
    let badRequest = try #require(try rich.details.first?.unpack(Google_Rpc_BadRequest.self))
    #expect(badRequest.fieldViolations.map(\.field) == ["task.title"])

    let precondition = PlatformError.failedPrecondition(reason: "TASK_INVALID_TRANSITION", "任务状态不允许此操作").status
    let info = try #require(try precondition.richStatus?.details.first?.unpack(Google_Rpc_ErrorInfo.self))
    #expect(info.reason == "TASK_INVALID_TRANSITION")
    #expect(info.domain == "jiceng.gov")
    #expect(Status(error: PlatformError.notFound("x")).code == .notFound)
    #expect(PlatformError.status(for: IdempotencyConflict(requestID: "r", method: "m")).code == .alreadyExists)
}

/// A real SQLite file with the platform schema and one org unit to hang tokens on.
private func openEnvironment() async throws -> (PlatformEnvironment, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-env-\(UUID().uuidString)").path
    let db = try await SQLiteDatabase.open(directory: dir, schemas: [PlatformSchema.schema(.sqlite)])
    return (PlatformEnvironment(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_780_000_000))), dir)
}

@Test func mutationsAreIdempotentAndAudited() async throws {
    let (env, dir) = try await openEnvironment()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let caller = Caller(tokenID: "tok1", orgID: "339902", role: .districtAdmin)
    let method = Jiceng_V1_OrgService.Method.createOrgUnit
    var request = Jiceng_V1_CreateOrgUnitRequest()
    request.requestId = "req-1"
    request.orgUnit.id = "339902001"
    request.orgUnit.name = "白沙镇"
    let runs = Counter()

    func create(_ request: Jiceng_V1_CreateOrgUnitRequest) async throws -> Jiceng_V1_OrgUnit {
        try await CurrentCall.$caller.withValue(caller) {
            try await env.mutate(method, request: request, requestID: request.requestId, resource: "orgUnits/") { tx, m in
                runs.increment()
                var unit = request.orgUnit
                unit.etag = Etag.next()
                m.resource = "orgUnits/\(unit.id)"
                return unit
            }
        }
    }

    let first = try await create(request)
    let retry = try await create(request)
    #expect(first == retry)
    #expect(runs.value == 1)

    var different = request
    different.orgUnit.name = "柳溪镇"
    await #expect {
        _ = try await create(different)
    } throws: { ($0 as? Status)?.code == .alreadyExists }

    let audit = try await env.read { tx in
        try tx.query("SELECT resource, result, token_id FROM audit_events ORDER BY seq", []).map {
            "\(try $0.get("resource", as: String.self)) \(try $0.get("result", as: String.self)) \(try $0.get("token_id", as: String.self))"
        }
    }
    #expect(audit == ["orgUnits/339902001 OK tok1", "orgUnits/ ALREADY_EXISTS tok1"])
}

@Test func aFailingMutationChangesNothingButIsAudited() async throws {
    let (env, dir) = try await openEnvironment()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let caller = Caller(tokenID: "tok2", orgID: "339902001", role: .townOperator)
    await #expect {
        try await CurrentCall.$caller.withValue(caller) {
            try await env.mutate(Jiceng_V1_TaskService.Method.acceptTask, request: Jiceng_V1_AcceptTaskRequest(),
                                 requestID: "r", resource: "tasks/T1") { tx, _ -> Jiceng_V1_Task in
                try tx.execute("INSERT INTO org_units (id, name, kind, active, etag, create_time, update_time, body) VALUES ('X', 'x', 1, 1, 'e', 0, 0, x'')", [])
                throw PlatformError.failedPrecondition(reason: "TASK_INVALID_TRANSITION", "任务已办结")
            }
        }
    } throws: { ($0 as? Status)?.code == .failedPrecondition }
    let (units, results) = try await env.read { tx in
        (try tx.scalar("SELECT COUNT(*) FROM org_units", [], as: Int.self) ?? -1,
         try tx.query("SELECT result FROM audit_events", []).map { try $0.get("result", as: String.self) })
    }
    #expect(units == 0)
    #expect(results == ["FAILED_PRECONDITION"])
}

@Test func mutationsNeedAnAuthenticatedCaller() async throws {
    let (env, dir) = try await openEnvironment()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    await #expect {
        try await env.mutate(Jiceng_V1_TaskService.Method.acceptTask, request: Jiceng_V1_AcceptTaskRequest(),
                             requestID: "r", resource: "tasks/T1") { _, _ in Jiceng_V1_Task() }
    } throws: { ($0 as? PlatformError) == .unauthenticated("需要令牌 (authentication required)") }
}

/// Counts body runs across the store's threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
