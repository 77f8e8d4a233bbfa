import Foundation

/// Computes a department's indicators for a period from the tasks it led, by the
/// digital-urban-management convention: denominators are the cases due (应结案数), i.e. tasks whose
/// resolve deadline falls in the period.
public struct IndicatorCalculator: Sendable {
    public var periodStart: Date
    public var periodEnd: Date
    public var weights: IndicatorWeightSet

    public init(periodStart: Date, periodEnd: Date, weights: IndicatorWeightSet = .standard) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.weights = weights
    }

    /// One computed indicator with its lineage.
    public struct Figure: Sendable, Hashable {
        public var id: IndicatorID
        public var numeratorTaskIDs: [String]
        public var denominatorTaskIDs: [String]
        /// For the town score, which has no tasks behind it.
        public var scoreMean: Double?
        public var weight: Double
        /// Set by the calculator: the weight actually applied once inapplicable indicators'
        /// weights are spread over the rest.
        public var effectiveWeight: Double = 0

        public var numerator: Int { numeratorTaskIDs.count }
        public var denominator: Int { denominatorTaskIDs.count }
        public var isApplicable: Bool { scoreMean != nil || denominator > 0 }

        /// 0–1; nil when not applicable.
        public var rate: Double? {
            if let scoreMean { return scoreMean / 100 }
            return denominator > 0 ? Double(numerator) / Double(denominator) : nil
        }

        /// What the rate adds to the total (0 when not applicable).
        public var contribution: Double {
            guard let rate else { return 0 }
            return effectiveWeight * (id.isInverted ? 1 - rate : rate)
        }
    }

    public struct Report: Sendable, Hashable {
        public var departmentID: String
        public var dueTaskIDs: [String]
        public var figures: [Figure]
        public var hasDueCases: Bool { !dueTaskIDs.isEmpty }
        /// 0–100; meaningful only with due cases.
        public var total: Double { figures.reduce(0) { $0 + $1.contribution } }
        public var stageTimings: [StageTiming]
    }

    /// Durations of one stage of handling across the due tasks.
    public struct StageTiming: Sendable, Hashable {
        public enum Stage: String, Sendable { case accept, resolve, verify }
        public var stage: Stage
        public var count: Int
        public var median: TimeInterval?
        public var p90: TimeInterval?
    }

    /// Is the task due in the period?
    public func isDue(_ task: AppraisedTask) -> Bool {
        !task.excluded && task.resolveDeadline >= periodStart && task.resolveDeadline < periodEnd
    }

    /// The report of one department. `tasks` may contain other departments' tasks; `townScores`
    /// are the towns' scores (0–100) of this department.
    public func report(department: String, tasks: [AppraisedTask], townScores: [Double]) -> Report {
        let due = tasks.filter { $0.leadDepartmentID == department && isDue($0) }.sorted { $0.id < $1.id }
        let dueIDs = due.map(\.id)
        func ids(_ filter: (AppraisedTask) -> Bool) -> [String] { due.filter(filter).map(\.id) }

        let resolved = due.filter { $0.firstResolveTime != nil }
        let rated = due.filter { $0.satisfaction != nil }
        var figures = [
            Figure(id: .response,
                   numeratorTaskIDs: ids { t in
                       guard let accepted = t.acceptTime else { return false }
                       return t.acceptDeadline.map { accepted <= $0 } ?? true
                   },
                   denominatorTaskIDs: dueIDs, weight: weights.response),
            Figure(id: .onTime,
                   numeratorTaskIDs: ids { t in t.resolveTime.map { $0 <= t.resolveDeadline } ?? false },
                   denominatorTaskIDs: dueIDs, weight: weights.onTime),
            Figure(id: .closure, numeratorTaskIDs: ids { $0.closed }, denominatorTaskIDs: dueIDs, weight: weights.closure),
            Figure(id: .rework, numeratorTaskIDs: resolved.filter { $0.reworkCount > 0 }.map(\.id),
                   denominatorTaskIDs: resolved.map(\.id), weight: weights.rework),
            Figure(id: .dispute, numeratorTaskIDs: ids { $0.refusedDisputes > 0 }, denominatorTaskIDs: dueIDs,
                   weight: weights.dispute),
            Figure(id: .extension_, numeratorTaskIDs: ids { $0.extensionApproved }, denominatorTaskIDs: dueIDs,
                   weight: weights.extension_),
            Figure(id: .satisfaction, numeratorTaskIDs: rated.filter { ($0.satisfaction ?? 0) >= 4 }.map(\.id),
                   denominatorTaskIDs: rated.map(\.id), weight: weights.satisfaction),
            Figure(id: .townScore, numeratorTaskIDs: [], denominatorTaskIDs: [],
                   scoreMean: townScores.isEmpty ? nil : townScores.reduce(0, +) / Double(townScores.count),
                   weight: weights.townScore),
        ]
        Self.weigh(&figures, with: weights)
        return Report(departmentID: department, dueTaskIDs: dueIDs, figures: figures, stageTimings: stageTimings(due))
    }

    /// Gives each figure its weight from `weights`. An indicator with nothing to measure is
    /// reported as such, and its weight is spread over the applicable ones in proportion, so the
    /// total stays on 0–100. Re-weighing a report (what-if weights, a frozen period) changes no
    /// figure, only the weights and the total.
    public static func weigh(_ figures: inout [Figure], with weights: IndicatorWeightSet) {
        for i in figures.indices {
            figures[i].weight = weights.weight(of: figures[i].id)
            figures[i].effectiveWeight = 0
        }
        let applicableWeight = figures.filter(\.isApplicable).reduce(0) { $0 + $1.weight }
        let scale = applicableWeight > 0 ? weights.sum / applicableWeight : 0
        for i in figures.indices where figures[i].isApplicable {
            figures[i].effectiveWeight = figures[i].weight * scale
        }
    }

    private func stageTimings(_ tasks: [AppraisedTask]) -> [StageTiming] {
        func timing(_ stage: StageTiming.Stage, _ span: (AppraisedTask) -> TimeInterval?) -> StageTiming {
            let values = tasks.compactMap(span).filter { $0 >= 0 }.sorted()
            return StageTiming(stage: stage, count: values.count,
                               median: Self.percentile(values, 0.5), p90: Self.percentile(values, 0.9))
        }
        return [
            timing(.accept) { t in t.dispatchTime.flatMap { d in t.acceptTime.map { $0.timeIntervalSince(d) } } },
            timing(.resolve) { t in t.acceptTime.flatMap { a in t.firstResolveTime.map { $0.timeIntervalSince(a) } } },
            timing(.verify) { t in t.resolveTime.flatMap { r in t.verifyTime.map { $0.timeIntervalSince(r) } } },
        ]
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [TimeInterval], _ p: Double) -> TimeInterval? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    /// Ranks reports by total, highest first; equal totals share a rank (1, 2, 2, 4). Departments
    /// with no due cases are left out of the ranking (rank 0).
    public static func rank(_ reports: [Report]) -> [(report: Report, rank: Int)] {
        let ranked = reports.filter(\.hasDueCases).sorted {
            ($0.total, $1.departmentID) > ($1.total, $0.departmentID)
        }
        var result: [(Report, Int)] = []
        for (i, report) in ranked.enumerated() {
            let tied = i > 0 && abs(ranked[i - 1].total - report.total) < 1e-9
            result.append((report, tied ? result[i - 1].1 : i + 1))
        }
        let unranked = reports.filter { !$0.hasDueCases }.sorted { $0.departmentID < $1.departmentID }
        return result + unranked.map { ($0, 0) }
    }
}
