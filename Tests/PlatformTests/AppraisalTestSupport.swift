import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store
import Testing
@testable import Platform

/// The task fixture's SQLite file opened once more with the appraisal schema added, so that tasks
/// are made through the real TaskService (`tasks`) and appraised by the real AppraisalService over
/// the same file and the same manual clock.
final class AppraisalFixture: Sendable {
    let tasks: TaskFixture
    let environment: PlatformEnvironment
    let service: AppraisalService

    /// The period window used by most tests: the day before the fixture's start to 60 days after.
    static let windowStart = TaskFixture.start.addingTimeInterval(-86_400)
    static let windowEnd = TaskFixture.start.addingTimeInterval(60 * 86_400)

    init() async throws {
        tasks = try await TaskFixture()
        let database = try await SQLiteDatabase.open(
            directory: tasks.directoryPath,
            schemas: [PlatformSchema.schema(.sqlite), TaskSchema.schema(.sqlite), AppraisalSchema.schema(.sqlite)])
        environment = PlatformEnvironment(database: database, clock: tasks.clock, directory: TaskOrg.directory)
        service = AppraisalService(environment: environment)
    }

    static func context() -> ServerContext {
        ServerContext(method: Jiceng_V1_AppraisalService.Method.getPeriod, metadata: Metadata(), deadline: nil, peer: "ipv4:127.0.0.1:1")
    }

    func `as`<T: Sendable>(_ role: Role, _ org: String, _ body: (AppraisalService) async throws -> T) async throws -> T {
        try await CurrentCall.$caller.withValue(Caller(tokenID: "tok-\(org)", orgID: org, role: role)) {
            try await body(service)
        }
    }

    func createPeriod(name: String = "2026年第四季度", district: String = TaskOrg.district, start: Date = windowStart,
                      end: Date = windowEnd, weights: Jiceng_V1_IndicatorWeights? = nil,
                      role: Role = .districtAdmin, org: String = TaskOrg.district) async throws -> Jiceng_V1_AppraisalPeriod {
        var request = Jiceng_V1_CreatePeriodRequest()
        request.requestId = tasks.requestID()
        request.period.districtId = district
        request.period.name = name
        request.period.startTime = TaskTime.timestamp(start)
        request.period.endTime = TaskTime.timestamp(end)
        if let weights { request.period.weights = weights }
        return try await self.as(role, org) { try await $0.createPeriod(request: request, context: Self.context()) }
    }

    func submitScore(_ period: Jiceng_V1_AppraisalPeriod, department: String = TaskOrg.urban, score: Double,
                     town: String = TaskOrg.town, comment: String = "") async throws -> Jiceng_V1_TownScore {
        var request = Jiceng_V1_SubmitScoreRequest()
        request.requestId = tasks.requestID()
        request.periodId = period.id
        request.departmentId = department
        request.score = score
        request.comment = comment
        return try await self.as(.townOperator, town) { try await $0.submitScore(request: request, context: Self.context()) }
    }

    func report(_ period: Jiceng_V1_AppraisalPeriod, department: String = TaskOrg.urban, includeTasks: Bool = true,
                role: Role = .auditor, org: String = TaskOrg.city) async throws -> Jiceng_V1_DepartmentReport {
        var request = Jiceng_V1_GetDepartmentReportRequest()
        request.periodId = period.id
        request.departmentId = department
        request.includeTasks = includeTasks
        return try await self.as(role, org) { try await $0.getDepartmentReport(request: request, context: Self.context()) }
    }

    func ranking(_ period: Jiceng_V1_AppraisalPeriod, trial: Jiceng_V1_IndicatorWeights? = nil,
                 role: Role = .auditor, org: String = TaskOrg.city) async throws -> Jiceng_V1_GetRankingResponse {
        var request = Jiceng_V1_GetRankingRequest()
        request.periodId = period.id
        if let trial { request.trialWeights = trial }
        return try await self.as(role, org) { try await $0.getRanking(request: request, context: Self.context()) }
    }

    func close(_ period: Jiceng_V1_AppraisalPeriod) async throws -> Jiceng_V1_AppraisalPeriod {
        var request = Jiceng_V1_ClosePeriodRequest()
        request.requestId = tasks.requestID()
        request.id = period.id
        request.etag = period.etag
        return try await self.as(.districtAdmin, TaskOrg.district) { try await $0.closePeriod(request: request, context: Self.context()) }
    }

    func publish(_ period: Jiceng_V1_AppraisalPeriod) async throws -> Jiceng_V1_AppraisalPeriod {
        var request = Jiceng_V1_PublishResultsRequest()
        request.requestId = tasks.requestID()
        request.id = period.id
        request.etag = period.etag
        return try await self.as(.districtAdmin, TaskOrg.district) { try await $0.publishResults(request: request, context: Self.context()) }
    }

    /// A task led by `lead` carried through to closure (dispatched, accepted, resolved, verified).
    func closedTask(lead: String = TaskOrg.urban) async throws -> Jiceng_V1_Task {
        let accepted = try await tasks.accept(try await tasks.dispatch(try await tasks.create(), lead: lead))
        return try await tasks.verify(try await tasks.resolve(accepted), passed: true)
    }

    func count(_ sql: String) async throws -> Int {
        try await environment.read { tx in try tx.scalar(sql, [], as: Int.self) ?? -1 }
    }

    static func weights(_ values: [Double]) -> Jiceng_V1_IndicatorWeights {
        AppraisalWireForm.weights(IndicatorWeightSet(response: values[0], onTime: values[1], closure: values[2], rework: values[3],
                                                     dispute: values[4], extension_: values[5], satisfaction: values[6],
                                                     townScore: values[7]))
    }
}

extension Jiceng_V1_DepartmentReport {
    func indicator(_ kind: Jiceng_V1_IndicatorKind) -> Jiceng_V1_Indicator? {
        indicators.first { $0.kind == kind }
    }
}
