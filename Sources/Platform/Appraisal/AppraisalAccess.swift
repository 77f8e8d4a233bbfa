import JicengAPI

/// Who may do what with a district's appraisal (DESIGN.md §5): district admins (and city admins)
/// create, change, close and publish periods; town operators — the assessors — score, and read
/// every report and the ranking of their district; a department operator reads its own reports
/// (an agency's operator its parent department's) and, once published, the ranking; auditors read
/// everything. Role checks already passed in the interceptor; these decide the org units.
struct AppraisalAccess {
    let scope: AccessScope

    var caller: Caller { scope.caller }

    func requireAdminister(_ districtID: String) throws(PlatformError) {
        guard scope.administersDistrict(districtID) else {
            throw .permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "只能管理本区的考核周期 (you administer no appraisal in \(districtID))")
        }
    }

    func requireReadPeriod(_ period: Jiceng_V1_AppraisalPeriod) throws(PlatformError) {
        guard scope.mayReadDistrict(period.districtId) else {
            throw .permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "不能查看其他区的考核 (period \(period.id) belongs to another district)")
        }
    }

    /// The town a town operator scores for: its own, which must lie in the period's district.
    func scoringTown(for period: Jiceng_V1_AppraisalPeriod) throws(PlatformError) -> String {
        guard caller.role == .townOperator, let town = scope.directory[caller.orgID], town.kind.isTownLevel,
              scope.directory.district(of: town.id)?.id == period.districtId else {
            throw .permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "只有本区的镇（街道）可以评分 (only towns of the period's district score)")
        }
        return town.id
    }

    func requireReadReport(_ period: Jiceng_V1_AppraisalPeriod, departmentID: String) throws(PlatformError) {
        try requireReadPeriod(period)
        switch caller.role {
        case .departmentOperator:
            guard scope.actsForDepartment(departmentID) else {
                throw .permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "部门只能查看本部门的考核报告 (a department reads only its own report)")
            }
        case .gridWorker:
            throw .permissionDenied(reason: "APPRAISAL_OUT_OF_SCOPE", "网格员不能查看考核 (grid workers read no appraisal)")
        case .cityAdmin, .districtAdmin, .townOperator, .auditor:
            break
        }
    }

    func requireReadRanking(_ period: Jiceng_V1_AppraisalPeriod) throws(PlatformError) {
        try requireReadPeriod(period)
        switch caller.role {
        case .departmentOperator, .gridWorker:
            guard period.state == .published else {
                throw .permissionDenied(reason: "RANKING_NOT_PUBLISHED", "排名公布前仅镇街和管理员可查看 (the ranking is readable district-wide once published)")
            }
        case .cityAdmin, .districtAdmin, .townOperator, .auditor:
            break
        }
    }
}
