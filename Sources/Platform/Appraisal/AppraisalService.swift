import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Store

/// AppraisalService (考核评价权): towns assess their district's departments, per period, from the
/// tasks the departments led plus the towns' own scores (DESIGN.md §4).
///
/// While a period is OPEN every read computes the figures from the task tables (one indexed
/// query for the district's due tasks). ClosePeriod computes them once more inside its write
/// transaction and stores them as a snapshot; from then on reports and rankings come only from
/// the snapshot, so later task changes never alter them. What-if weights re-weigh the same
/// figures and store nothing.
public final class AppraisalService: Jiceng_V1_AppraisalServiceService {
    public let environment: PlatformEnvironment

    public init(environment: PlatformEnvironment) {
        self.environment = environment
    }

    private func access() throws -> AppraisalAccess {
        AppraisalAccess(scope: try environment.scope())
    }

    // MARK: - Periods

    public func createPeriod(request: Jiceng_V1_CreatePeriodRequest, context: ServerContext) async throws -> Jiceng_V1_AppraisalPeriod {
        try environment.validator.validate(request)
        let access = try access()
        let input = request.period
        guard environment.directory[input.districtId]?.kind == .district else {
            throw PlatformError.invalidArgument(field: "period.district_id", "\(input.districtId) 不是区县 (district_id names no district)")
        }
        try access.requireAdminister(input.districtId)
        guard StoredTime.micros(input.endTime) > StoredTime.micros(input.startTime) else {
            throw PlatformError.invalidArgument(field: "period.end_time", "结束时间须晚于开始时间 (end_time must be after start_time)")
        }
        let weights = input.hasWeights ? try AppraisalWireForm.validated(input.weights, field: "period.weights") : .standard
        return try await environment.mutate(Jiceng_V1_AppraisalService.Method.createPeriod, request: request,
                                            requestID: request.requestId, resource: "appraisal_periods/") { tx, m in
            var period = Jiceng_V1_AppraisalPeriod()
            period.id = try AppraisalRecords.nextID(districtID: input.districtId, in: tx)
            period.districtId = input.districtId
            period.name = input.name
            period.startTime = StoredTime.timestamp(micros: StoredTime.micros(input.startTime))
            period.endTime = StoredTime.timestamp(micros: StoredTime.micros(input.endTime))
            period.weights = AppraisalWireForm.weights(weights)
            period.state = .open
            period.etag = Etag.next()
            period.createTime = StoredTime.timestamp(micros: m.nowMicros)
            try AppraisalRecords.save(period, isNew: true, now: m.nowMicros, in: tx)
            m.resource = "appraisal_periods/\(period.id)"
            return period
        }
    }

    public func getPeriod(request: Jiceng_V1_GetPeriodRequest, context: ServerContext) async throws -> Jiceng_V1_AppraisalPeriod {
        try environment.validator.validate(request)
        let access = try access()
        let period = try await environment.read { tx in try AppraisalRecords.requirePeriod(request.id, in: tx) }
        try access.requireReadPeriod(period)
        return period
    }

    public func listPeriods(request: Jiceng_V1_ListPeriodsRequest, context: ServerContext) async throws -> Jiceng_V1_ListPeriodsResponse {
        try environment.validator.validate(request)
        let access = try access()
        let pageSize = try PageToken.pageSize(request.pageSize)
        let districts: [String]?
        if !request.districtId.isEmpty {
            guard access.scope.mayReadDistrict(request.districtId) else {
                throw PlatformError.permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "不能查看其他区的考核 (district \(request.districtId) is outside your scope)")
            }
            districts = [request.districtId]
        } else if access.caller.role == .cityAdmin || access.caller.role == .auditor {
            districts = nil
        } else {
            districts = access.scope.callerDistrictID.map { [$0] } ?? []
        }
        let filters = "periods|\(districts?.joined(separator: ",") ?? "*")|\(request.state.rawValue)"
        let after = try PageToken.decode(request.pageToken, filters: filters)
        let state = request.state
        let page = try await environment.read { tx in
            try AppraisalRecords.periods(districtIDs: districts, state: state, afterID: after, limit: pageSize + 1, in: tx)
        }
        var response = Jiceng_V1_ListPeriodsResponse()
        response.periods = Array(page.periods.prefix(pageSize))
        response.totalSize = Int32(clamping: page.total)
        if page.periods.count > pageSize, let last = response.periods.last {
            response.nextPageToken = PageToken.encode(after: last.id, filters: filters)
        }
        return response
    }

    public func updatePeriod(request: Jiceng_V1_UpdatePeriodRequest, context: ServerContext) async throws -> Jiceng_V1_AppraisalPeriod {
        try environment.validator.validate(request, enforceNestedRequired: false)
        let access = try access()
        let input = request.period
        guard !input.id.isEmpty else { throw PlatformError.invalidArgument(field: "period.id", "必填 (required)") }
        guard !request.updateMask.paths.isEmpty else {
            throw PlatformError.invalidArgument(field: "update_mask", "须列出要修改的字段 (list the fields to change: name, weights)")
        }
        var newName: String?
        var newWeights: IndicatorWeightSet?
        for (index, path) in request.updateMask.paths.enumerated() {
            switch path {
            case "name":
                guard !input.name.isEmpty else { throw PlatformError.invalidArgument(field: "period.name", "必填 (required)") }
                newName = input.name
            case "weights":
                newWeights = try AppraisalWireForm.validated(input.weights, field: "period.weights")
            default:
                throw PlatformError.invalidArgument(field: "update_mask.paths[\(index)]",
                                                    "只能修改 name 和 weights (only name and weights can change, not \(path))")
            }
        }
        return try await environment.mutate(Jiceng_V1_AppraisalService.Method.updatePeriod, request: request,
                                            requestID: request.requestId, resource: "appraisal_periods/\(input.id)") { [newName, newWeights] tx, m in
            var period = try AppraisalRecords.requirePeriod(input.id, in: tx)
            try access.requireAdminister(period.districtId)
            if !input.etag.isEmpty { try Etag.check(sent: input.etag, current: period.etag, resource: "考核周期 \(period.id)") }
            try Self.requireState(.open, of: period, to: "修改")
            if let newName { period.name = newName }
            if let newWeights { period.weights = AppraisalWireForm.weights(newWeights) }
            period.etag = Etag.next()
            try AppraisalRecords.save(period, isNew: false, now: m.nowMicros, in: tx)
            return period
        }
    }

    // MARK: - Scores

    public func submitScore(request: Jiceng_V1_SubmitScoreRequest, context: ServerContext) async throws -> Jiceng_V1_TownScore {
        try environment.validator.validate(request)
        guard request.score.isFinite, (0...100).contains(request.score) else {
            throw PlatformError.invalidArgument(field: "score", "评分须在 0 到 100 之间 (score must be 0–100, got \(request.score))")
        }
        let access = try access()
        let directory = environment.directory
        return try await environment.mutate(Jiceng_V1_AppraisalService.Method.submitScore, request: request,
                                            requestID: request.requestId,
                                            resource: "appraisal_periods/\(request.periodId)/scores/\(request.departmentId)") { tx, m in
            let period = try AppraisalRecords.requirePeriod(request.periodId, in: tx)
            let town = try access.scoringTown(for: period)
            guard let department = directory[request.departmentId], department.kind == .department,
                  department.parentID == period.districtId else {
                throw PlatformError.invalidArgument(field: "department_id",
                                                    "\(request.departmentId) 不是本区的部门 (department_id names no department of \(period.districtId))")
            }
            try Self.requireState(.open, of: period, to: "评分")
            var score = Jiceng_V1_TownScore()
            score.periodId = period.id
            score.townId = town
            score.departmentId = department.id
            score.score = request.score
            score.comment = request.comment
            score.submitTime = StoredTime.timestamp(micros: m.nowMicros)
            try AppraisalRecords.saveScore(score, in: tx)
            m.resource = "appraisal_periods/\(period.id)/scores/\(town)/\(department.id)"
            return score
        }
    }

    // MARK: - Reports

    public func getDepartmentReport(request: Jiceng_V1_GetDepartmentReportRequest, context: ServerContext) async throws -> Jiceng_V1_DepartmentReport {
        try environment.validator.validate(request)
        let access = try access()
        let directory = environment.directory
        var report = try await environment.read { tx -> Jiceng_V1_DepartmentReport in
            let period = try AppraisalRecords.requirePeriod(request.periodId, in: tx)
            try access.requireReadReport(period, departmentID: request.departmentId)
            let missing = PlatformError.notFound("\(request.departmentId) 不是该考核周期的部门 (department_id is not assessed in \(period.id))")
            if period.state != .open {
                guard let frozen = try AppraisalRecords.snapshot(Jiceng_V1_DepartmentReport.self, periodID: period.id,
                                                                 key: request.departmentId, in: tx) else { throw missing }
                return frozen
            }
            let figures = try AppraisalFigures.live(period, weights: AppraisalWireForm.weightSet(period.weights),
                                                    directory: directory, in: tx)
            guard let report = figures.report(of: request.departmentId) else { throw missing }
            return figures.departmentReport(report, periodID: period.id, frozen: false)
        }
        if !request.includeTasks {
            for i in report.indicators.indices {
                report.indicators[i].numeratorTaskIds = []
                report.indicators[i].denominatorTaskIds = []
            }
        }
        return report
    }

    public func getRanking(request: Jiceng_V1_GetRankingRequest, context: ServerContext) async throws -> Jiceng_V1_GetRankingResponse {
        try environment.validator.validate(request)
        let access = try access()
        let trial = request.hasTrialWeights ? try AppraisalWireForm.validated(request.trialWeights, field: "trial_weights") : nil
        let directory = environment.directory
        return try await environment.read { tx in
            let period = try AppraisalRecords.requirePeriod(request.periodId, in: tx)
            try access.requireReadRanking(period)
            let weights = trial ?? AppraisalWireForm.weightSet(period.weights)
            if period.state == .open {
                return try AppraisalFigures.live(period, weights: weights, directory: directory, in: tx)
                    .ranking(periodID: period.id, weights: weights, trial: trial != nil, frozen: false)
            }
            if trial == nil, let frozen = try AppraisalRecords.snapshot(Jiceng_V1_GetRankingResponse.self, periodID: period.id,
                                                                       key: AppraisalRecords.rankingKey, in: tx) {
                return frozen
            }
            return try AppraisalFigures.frozen(periodID: period.id, weights: weights, in: tx)
                .ranking(periodID: period.id, weights: weights, trial: trial != nil, frozen: true)
        }
    }

    // MARK: - Close and publish

    public func closePeriod(request: Jiceng_V1_ClosePeriodRequest, context: ServerContext) async throws -> Jiceng_V1_AppraisalPeriod {
        try environment.validator.validate(request)
        let directory = environment.directory
        return try await advance(Jiceng_V1_AppraisalService.Method.closePeriod, request: request, id: request.id, etag: request.etag,
                                 requestID: request.requestId, from: .open, action: "关闭") { tx, period, m in
            let frozen = try AppraisalFigures.freeze(&period, directory: directory, now: m.nowMicros, in: tx)
            m.auditNote = "froze \(frozen) department reports"
        }
    }

    public func publishResults(request: Jiceng_V1_PublishResultsRequest, context: ServerContext) async throws -> Jiceng_V1_AppraisalPeriod {
        try environment.validator.validate(request)
        return try await advance(Jiceng_V1_AppraisalService.Method.publishResults, request: request, id: request.id, etag: request.etag,
                                 requestID: request.requestId, from: .closed, action: "公布") { tx, period, m in
            period.state = .published
            period.publishTime = StoredTime.timestamp(micros: m.nowMicros)
            period.etag = Etag.next()
            try AppraisalRecords.save(period, isNew: false, now: m.nowMicros, in: tx)
        }
    }

    /// One step of a period's life by an administrator of its district, sent with the current
    /// etag, from `state`; `change` moves the period on and saves it.
    private func advance<Request: ProtoMessage>(
        _ method: MethodDescriptor, request: Request, id: String, etag: String, requestID: String,
        from state: Jiceng_V1_PeriodState, action: String,
        _ change: @escaping @Sendable (any SQLWriteTransaction, inout Jiceng_V1_AppraisalPeriod, inout MutationContext) throws -> Void
    ) async throws -> Jiceng_V1_AppraisalPeriod {
        let access = try access()
        return try await environment.mutate(method, request: request, requestID: requestID, resource: "appraisal_periods/\(id)") { tx, m in
            var period = try AppraisalRecords.requirePeriod(id, in: tx)
            try access.requireAdminister(period.districtId)
            try Etag.check(sent: etag, current: period.etag, resource: "考核周期 \(period.id)")
            try Self.requireState(state, of: period, to: action)
            try change(tx, &period, &m)
            return period
        }
    }

    /// FAILED_PRECONDITION (reason PERIOD_NOT_<STATE>) unless the period is in `state`.
    static func requireState(_ state: Jiceng_V1_PeriodState, of period: Jiceng_V1_AppraisalPeriod, to action: String) throws(PlatformError) {
        guard period.state == state else {
            let wanted = state == .open ? "OPEN" : "CLOSED"
            throw .failedPrecondition(reason: "PERIOD_NOT_\(wanted)",
                                      "考核周期 \(period.id) 当前不能\(action) (the period must be \(wanted), it is \(stateName(period.state)))",
                                      metadata: ["state": stateName(period.state)])
        }
    }

    static func stateName(_ state: Jiceng_V1_PeriodState) -> String {
        switch state {
        case .open: "PERIOD_STATE_OPEN"
        case .closed: "PERIOD_STATE_CLOSED"
        case .published: "PERIOD_STATE_PUBLISHED"
        case .unspecified: "PERIOD_STATE_UNSPECIFIED"
        case .unrecognized(let n): "\(n)"
        }
    }
}
