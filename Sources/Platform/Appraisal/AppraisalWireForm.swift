import Foundation
import JicengAPI
import ProtoRuntime

/// Conversions between the calculator's figures and their `jiceng.v1` messages. A frozen
/// snapshot is the message form of a report with every task id in it, so converting it back
/// (`report(from:)`) gives figures that re-weigh exactly like the live ones did.
enum AppraisalWireForm {
    static func weightSet(_ weights: Jiceng_V1_IndicatorWeights) -> IndicatorWeightSet {
        IndicatorWeightSet(response: weights.response, onTime: weights.onTime, closure: weights.closure, rework: weights.rework,
                           dispute: weights.dispute, extension_: weights.extension, satisfaction: weights.satisfaction,
                           townScore: weights.townScore)
    }

    static func weights(_ set: IndicatorWeightSet) -> Jiceng_V1_IndicatorWeights {
        var weights = Jiceng_V1_IndicatorWeights()
        weights.response = set.response
        weights.onTime = set.onTime
        weights.closure = set.closure
        weights.rework = set.rework
        weights.dispute = set.dispute
        weights.extension = set.extension_
        weights.satisfaction = set.satisfaction
        weights.townScore = set.townScore
        return weights
    }

    /// Weights a client sent: each finite and ≥ 0, summing to 100 (the total is on 0–100).
    static func validated(_ weights: Jiceng_V1_IndicatorWeights, field: String) throws(PlatformError) -> IndicatorWeightSet {
        let set = weightSet(weights)
        for kind in IndicatorID.allCases {
            let value = set.weight(of: kind)
            guard value.isFinite, value >= 0 else {
                throw .invalidArgument(field: "\(field).\(fieldName(kind))", "权重须为非负数 (a weight must be a finite number ≥ 0, got \(value))")
            }
        }
        guard abs(set.sum - 100) < 1e-6 else {
            throw .invalidArgument(field: field, "各项权重之和须为 100 (the weights must sum to 100, got \(set.sum))")
        }
        return set
    }

    private static func fieldName(_ kind: IndicatorID) -> String {
        switch kind {
        case .response: "response"
        case .onTime: "on_time"
        case .closure: "closure"
        case .rework: "rework"
        case .dispute: "dispute"
        case .extension_: "extension"
        case .satisfaction: "satisfaction"
        case .townScore: "town_score"
        }
    }

    static func indicator(_ figure: IndicatorCalculator.Figure, includeTasks: Bool) -> Jiceng_V1_Indicator {
        var indicator = Jiceng_V1_Indicator()
        indicator.kind = Jiceng_V1_IndicatorKind(rawValue: figure.id.rawValue)
        indicator.name = figure.id.label
        indicator.numerator = Int64(figure.numerator)
        indicator.denominator = Int64(figure.denominator)
        indicator.rate = figure.rate ?? 0
        indicator.inverted = figure.id.isInverted
        // The weight actually applied, so that contribution = weight × (rate or 1 − rate) holds
        // on the wire too.
        indicator.weight = figure.effectiveWeight
        indicator.contribution = figure.contribution
        indicator.notApplicable = !figure.isApplicable
        if includeTasks {
            indicator.numeratorTaskIds = figure.numeratorTaskIDs
            indicator.denominatorTaskIds = figure.denominatorTaskIDs
        }
        return indicator
    }

    static func duration(_ interval: TimeInterval) -> Google_Protobuf_Duration {
        var duration = Google_Protobuf_Duration()
        let whole = interval.rounded(.down)
        duration.seconds = Int64(whole)
        duration.nanos = Int32(((interval - whole) * 1e9).rounded(.down))
        return duration
    }

    static func stageTiming(_ timing: IndicatorCalculator.StageTiming) -> Jiceng_V1_StageTiming {
        var stage = Jiceng_V1_StageTiming()
        stage.stage = timing.stage.rawValue
        stage.count = Int32(clamping: timing.count)
        if let median = timing.median { stage.median = duration(median) }
        if let p90 = timing.p90 { stage.p90 = duration(p90) }
        return stage
    }

    /// The full report message, every task id included (what a snapshot keeps).
    static func departmentReport(
        _ report: IndicatorCalculator.Report, periodID: String, departmentName: String, rank: Int,
        townScores: [Jiceng_V1_TownScore], frozen: Bool
    ) -> Jiceng_V1_DepartmentReport {
        var message = Jiceng_V1_DepartmentReport()
        message.periodId = periodID
        message.departmentId = report.departmentID
        message.departmentName = departmentName
        message.total = report.hasDueCases ? report.total : 0
        message.hasDueCases = report.hasDueCases
        message.indicators = report.figures.map { indicator($0, includeTasks: true) }
        message.stageTimings = report.stageTimings.map(stageTiming)
        message.townScores = townScores
        message.frozen = frozen
        message.rank = Int32(clamping: rank)
        return message
    }

    /// The figures of a report message, ready to be re-weighed (stage timings are not carried
    /// back: a ranking does not show them).
    static func report(from message: Jiceng_V1_DepartmentReport) -> IndicatorCalculator.Report {
        let figures = message.indicators.compactMap { indicator -> IndicatorCalculator.Figure? in
            guard let id = IndicatorID(rawValue: indicator.kind.rawValue) else { return nil }
            let scoreMean = id == .townScore && !indicator.notApplicable ? indicator.rate * 100 : nil
            return IndicatorCalculator.Figure(id: id, numeratorTaskIDs: indicator.numeratorTaskIds,
                                              denominatorTaskIDs: indicator.denominatorTaskIds, scoreMean: scoreMean,
                                              weight: indicator.weight)
        }
        let due = figures.first { $0.id == .closure }?.denominatorTaskIDs ?? []
        return IndicatorCalculator.Report(departmentID: message.departmentId, dueTaskIDs: due, figures: figures, stageTimings: [])
    }

    static func rankingEntry(_ report: IndicatorCalculator.Report, name: String, rank: Int) -> Jiceng_V1_RankingEntry {
        var entry = Jiceng_V1_RankingEntry()
        entry.departmentId = report.departmentID
        entry.departmentName = name
        entry.total = report.hasDueCases ? report.total : 0
        entry.rank = Int32(clamping: rank)
        entry.hasDueCases = report.hasDueCases
        entry.indicators = report.figures.map { indicator($0, includeTasks: false) }
        return entry
    }
}
