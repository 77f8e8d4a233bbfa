import Foundation
import JicengAPI
import Store

/// A period's figures for every department of its district: computed live from the task tables
/// while the period is OPEN, decoded from the snapshot once it is closed.
struct AppraisalFigures {
    /// One report per assessed department, in department id order.
    var reports: [IndicatorCalculator.Report]
    var names: [String: String]
    var townScores: [String: [Jiceng_V1_TownScore]]
    var ranks: [String: Int]

    init(reports: [IndicatorCalculator.Report], names: [String: String], townScores: [String: [Jiceng_V1_TownScore]]) {
        self.reports = reports
        self.names = names
        self.townScores = townScores
        self.ranks = Dictionary(IndicatorCalculator.rank(reports).map { ($0.report.departmentID, $0.rank) },
                                uniquingKeysWith: { first, _ in first })
    }

    /// The departments a district's periods assess.
    static func departments(of districtID: String, in directory: OrgDirectory) -> [OrgDirectory.Node] {
        directory.children(of: districtID).filter { $0.kind == .department && $0.active }.sorted { $0.id < $1.id }
    }

    /// The figures as the task tables stand now (one query for the district's due tasks).
    static func live(_ period: Jiceng_V1_AppraisalPeriod, weights: IndicatorWeightSet, directory: OrgDirectory,
                     in tx: any SQLReadTransaction) throws -> AppraisalFigures {
        let start = StoredTime.date(StoredTime.micros(period.startTime))
        let end = StoredTime.date(StoredTime.micros(period.endTime))
        let tasks = try AppraisedTaskQuery.tasks(districtID: period.districtId, start: start, end: end, in: tx)
        let byLead = Dictionary(grouping: tasks, by: \.leadDepartmentID)
        let scores = try AppraisalRecords.scores(periodID: period.id, in: tx)
        let calculator = IndicatorCalculator(periodStart: start, periodEnd: end, weights: weights)
        let departments = departments(of: period.districtId, in: directory)
        let reports = departments.map { department in
            calculator.report(department: department.id, tasks: byLead[department.id] ?? [],
                              townScores: (scores[department.id] ?? []).map(\.score))
        }
        return AppraisalFigures(reports: reports, names: Dictionary(uniqueKeysWithValues: departments.map { ($0.id, $0.name) }),
                                townScores: scores)
    }

    /// The figures frozen at close, re-weighed with `weights` (the period's own give back exactly
    /// the frozen totals).
    static func frozen(periodID: String, weights: IndicatorWeightSet, in tx: any SQLReadTransaction) throws -> AppraisalFigures {
        let messages = try AppraisalRecords.frozenReports(periodID: periodID, in: tx)
        let reports = messages.map { message in
            var report = AppraisalWireForm.report(from: message)
            IndicatorCalculator.weigh(&report.figures, with: weights)
            return report
        }
        return AppraisalFigures(reports: reports,
                                names: Dictionary(messages.map { ($0.departmentId, $0.departmentName) }, uniquingKeysWith: { a, _ in a }),
                                townScores: Dictionary(messages.map { ($0.departmentId, $0.townScores) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Closes an OPEN period: computes its figures and stores them as the snapshot every later
    /// read comes from; returns how many department reports were frozen. Run inside the write
    /// transaction that closes the period, so the snapshot is the task tables exactly as of that
    /// commit and no task change can slip in between reading and freezing.
    static func freeze(_ period: inout Jiceng_V1_AppraisalPeriod, directory: OrgDirectory, now: Int64,
                       in tx: any SQLWriteTransaction) throws -> Int {
        let weights = AppraisalWireForm.weightSet(period.weights)
        let figures = try live(period, weights: weights, directory: directory, in: tx)
        for report in figures.reports {
            try AppraisalRecords.saveSnapshot(figures.departmentReport(report, periodID: period.id, frozen: true),
                                              periodID: period.id, key: report.departmentID, in: tx)
        }
        try AppraisalRecords.saveSnapshot(figures.ranking(periodID: period.id, weights: weights, trial: false, frozen: true),
                                          periodID: period.id, key: AppraisalRecords.rankingKey, in: tx)
        period.state = .closed
        period.closeTime = StoredTime.timestamp(micros: now)
        period.etag = Etag.next()
        try AppraisalRecords.save(period, isNew: false, now: now, in: tx)
        return figures.reports.count
    }

    func report(of departmentID: String) -> IndicatorCalculator.Report? {
        reports.first { $0.departmentID == departmentID }
    }

    /// The full report message of one department (every task id included).
    func departmentReport(_ report: IndicatorCalculator.Report, periodID: String, frozen: Bool) -> Jiceng_V1_DepartmentReport {
        AppraisalWireForm.departmentReport(report, periodID: periodID, departmentName: names[report.departmentID] ?? "",
                                           rank: ranks[report.departmentID] ?? 0,
                                           townScores: townScores[report.departmentID] ?? [], frozen: frozen)
    }

    /// The ranking: ranked departments by rank, then those without due cases.
    func ranking(periodID: String, weights: IndicatorWeightSet, trial: Bool, frozen: Bool) -> Jiceng_V1_GetRankingResponse {
        var response = Jiceng_V1_GetRankingResponse()
        response.periodId = periodID
        response.weights = AppraisalWireForm.weights(weights)
        response.trial = trial
        response.frozen = frozen
        response.entries = IndicatorCalculator.rank(reports).map { entry in
            AppraisalWireForm.rankingEntry(entry.report, name: names[entry.report.departmentID] ?? "", rank: entry.rank)
        }
        return response
    }
}
