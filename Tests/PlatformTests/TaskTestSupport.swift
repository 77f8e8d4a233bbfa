import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store
import Synchronization
import Testing
@testable import Platform

/// A small org tree for task tests: one district with a town, a street, grids, three departments
/// and a stationed agency; a second district with its own town and department.
enum TaskOrg {
    static let city = "3399"
    static let district = "339902"
    static let town = "339902001"
    static let street = "339902002"
    static let village = "339902001201"
    static let grid = "339902001201001"
    static let otherGrid = "339902002201001"
    static let urban = "339902-CG"
    static let housing = "339902-ZJ"
    static let civil = "339902-MZ"
    static let agency = "339902-CG-BS"
    static let otherDistrict = "339903"
    static let otherTown = "339903001"
    static let otherDepartment = "339903-CG"

    static let directory = OrgDirectory([
        .init(id: city, name: "江临市", kind: .city, parentID: nil),
        .init(id: district, name: "临江区", kind: .district, parentID: city),
        .init(id: town, name: "白沙镇", kind: .town, parentID: district),
        .init(id: street, name: "柳溪街道", kind: .street, parentID: district),
        .init(id: village, name: "白沙村", kind: .village, parentID: town),
        .init(id: grid, name: "白沙村一网格", kind: .grid, parentID: village),
        .init(id: "339902002201", name: "柳溪社区", kind: .community, parentID: street),
        .init(id: otherGrid, name: "柳溪社区一网格", kind: .grid, parentID: "339902002201"),
        .init(id: urban, name: "区城管局", kind: .department, parentID: district),
        .init(id: housing, name: "区住建局", kind: .department, parentID: district),
        .init(id: civil, name: "区民政局", kind: .department, parentID: district),
        .init(id: agency, name: "城管白沙中队", kind: .dispatchedAgency, parentID: urban, stationedTownID: town),
        .init(id: otherDistrict, name: "临山区", kind: .district, parentID: city),
        .init(id: otherTown, name: "临山镇", kind: .town, parentID: otherDistrict),
        .init(id: otherDepartment, name: "临山区城管局", kind: .department, parentID: otherDistrict),
    ])
}

/// A real SQLite file with the platform and task schemas, a manual clock (Monday 30 November
/// 2026, 09:00 in Shanghai) and a TaskService without a router.
final class TaskFixture: Sendable {
    static let start = Date(timeIntervalSince1970: 1_796_000_400)

    let directoryPath: String
    let environment: PlatformEnvironment
    let clock: ManualClock
    let service: TaskService
    private let counter = Mutex(0)

    init(watchBufferCapacity: Int = 1024) async throws {
        directoryPath = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-tasks-\(UUID().uuidString)").path
        let database = try await SQLiteDatabase.open(directory: directoryPath,
                                                     schemas: [PlatformSchema.schema(.sqlite), TaskSchema.schema(.sqlite)])
        clock = ManualClock(Self.start)
        environment = PlatformEnvironment(database: database, clock: clock, directory: TaskOrg.directory)
        service = TaskService(environment: environment, watchBufferCapacity: watchBufferCapacity)
    }

    deinit { try? FileManager.default.removeItem(atPath: directoryPath) }

    /// A fresh request id.
    func requestID() -> String {
        counter.withLock { $0 += 1; return "req-\($0)" }
    }

    static func context(_ method: MethodDescriptor = Jiceng_V1_TaskService.Method.getTask) -> ServerContext {
        ServerContext(method: method, metadata: Metadata(), deadline: nil, peer: "ipv4:127.0.0.1:1")
    }

    /// Runs `body` as a caller with `role` bound to `org`.
    func `as`<T: Sendable>(_ role: Role, _ org: String, _ body: (TaskService) async throws -> T) async throws -> T {
        try await CurrentCall.$caller.withValue(Caller(tokenID: "tok-\(org)", orgID: org, role: role)) {
            try await body(service)
        }
    }

    // MARK: Request shorthands, each as the role that normally makes it.

    func create(title: String = "解放路路灯不亮", town: String = TaskOrg.town, source: Jiceng_V1_TaskSource = .townCall,
                urgency: Jiceng_V1_Urgency = .normal, externalRef: String = "", requestID: String? = nil,
                role: Role = .townOperator, org: String? = nil) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_CreateTaskRequest()
        request.requestId = requestID ?? self.requestID()
        request.task.title = title
        request.task.townId = town
        request.task.source = source
        request.task.urgency = urgency
        request.task.externalRef = externalRef
        return try await self.as(role, org ?? town) { try await $0.createTask(request: request, context: Self.context()) }
    }

    func dispatch(_ task: Jiceng_V1_Task, lead: String = TaskOrg.urban, cooperating: [String] = [],
                  role: Role = .townOperator, org: String? = nil) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_DispatchTaskRequest()
        request.id = task.id
        request.etag = task.etag
        request.requestId = requestID()
        request.leadDepartmentId = lead
        request.cooperatingDepartmentIds = cooperating
        return try await self.as(role, org ?? task.townId) { try await $0.dispatchTask(request: request, context: Self.context()) }
    }

    func accept(_ task: Jiceng_V1_Task, as org: String? = nil) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_AcceptTaskRequest()
        request.id = task.id
        request.etag = task.etag
        request.requestId = requestID()
        return try await self.as(.departmentOperator, org ?? task.leadDepartmentId) { try await $0.acceptTask(request: request, context: Self.context()) }
    }

    func resolve(_ task: Jiceng_V1_Task, as org: String? = nil) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_ResolveTaskRequest()
        request.id = task.id
        request.etag = task.etag
        request.requestId = requestID()
        request.resolution = "已更换灯泡"
        return try await self.as(.departmentOperator, org ?? task.leadDepartmentId) { try await $0.resolveTask(request: request, context: Self.context()) }
    }

    func verify(_ task: Jiceng_V1_Task, passed: Bool) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_VerifyTaskRequest()
        request.id = task.id
        request.etag = task.etag
        request.requestId = requestID()
        request.passed = passed
        return try await self.as(.townOperator, task.townId) { try await $0.verifyTask(request: request, context: Self.context()) }
    }

    /// The lead asks to move the resolve deadline to `deadline`; the town approves.
    func extendApproved(_ task: Jiceng_V1_Task, to deadline: Date) async throws -> Jiceng_V1_Task {
        var extend = Jiceng_V1_RequestExtensionRequest()
        extend.id = task.id
        extend.etag = task.etag
        extend.requestId = requestID()
        extend.reason = "等待配件"
        extend.newResolveDeadline = TaskTime.timestamp(deadline)
        let requested = try await self.as(.departmentOperator, task.leadDepartmentId) {
            try await $0.requestExtension(request: extend, context: Self.context())
        }
        var decide = Jiceng_V1_DecideExtensionRequest()
        decide.id = requested.id
        decide.etag = requested.etag
        decide.requestId = requestID()
        decide.approved = true
        return try await self.as(.townOperator, task.townId) { try await $0.decideExtension(request: decide, context: Self.context()) }
    }

    func get(_ id: String, role: Role = .auditor, org: String = TaskOrg.city) async throws -> Jiceng_V1_Task {
        var request = Jiceng_V1_GetTaskRequest()
        request.id = id
        return try await self.as(role, org) { try await $0.getTask(request: request, context: Self.context()) }
    }

    func history(_ id: String) async throws -> [Jiceng_V1_TaskEvent] {
        var request = Jiceng_V1_GetTaskHistoryRequest()
        request.id = id
        return try await self.as(.auditor, TaskOrg.city) { try await $0.getTaskHistory(request: request, context: Self.context()) }.events
    }

    func count(_ sql: String) async throws -> Int {
        try await environment.read { tx in try tx.scalar(sql, [], as: Int.self) ?? -1 }
    }
}

/// The status a call threw.
func thrownStatus(_ body: () async throws -> Void) async -> Status? {
    do {
        try await body()
        return nil
    } catch {
        return PlatformError.status(for: error)
    }
}

/// The ErrorInfo of a status, if it has one.
func errorInfo(_ status: Status?) -> Google_Rpc_ErrorInfo? {
    guard let details = status?.richStatus?.details else { return nil }
    return details.lazy.compactMap { try? $0.unpack(Google_Rpc_ErrorInfo.self) }.first
}

/// The fields a BadRequest names.
func badFields(_ status: Status?) -> [String] {
    guard let details = status?.richStatus?.details else { return [] }
    return details.compactMap { try? $0.unpack(Google_Rpc_BadRequest.self) }.flatMap { $0.fieldViolations.map(\.field) }
}
