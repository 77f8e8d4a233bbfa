import Foundation

/// What the appraisal needs to know about one task, as of the moment the figures are computed.
/// The task store builds these; the calculator never looks at anything else, which is what makes
/// every figure reproducible from the task ids it lists.
public struct AppraisedTask: Sendable, Hashable {
    public var id: String
    public var leadDepartmentID: String
    public var dispatchTime: Date?
    public var acceptDeadline: Date?
    /// The resolve deadline in force (after approved extensions): decides whether the task is due
    /// in a period.
    public var resolveDeadline: Date
    public var acceptTime: Date?
    /// The last time the lead reported it resolved.
    public var resolveTime: Date?
    /// The first time the lead reported it resolved (the on-time judgement uses the last one).
    public var firstResolveTime: Date?
    public var verifyTime: Date?
    public var closed: Bool
    /// How often verification sent it back.
    public var reworkCount: Int
    /// Disputes by the lead that the district refused (the department was wrong to refuse it).
    public var refusedDisputes: Int
    public var extensionApproved: Bool
    /// 1–5, nil when unrated.
    public var satisfaction: Int?
    /// Cancelled and duplicate tasks are not assessed.
    public var excluded: Bool

    public init(
        id: String, leadDepartmentID: String, dispatchTime: Date? = nil, acceptDeadline: Date? = nil,
        resolveDeadline: Date, acceptTime: Date? = nil, resolveTime: Date? = nil, firstResolveTime: Date? = nil,
        verifyTime: Date? = nil, closed: Bool = false, reworkCount: Int = 0, refusedDisputes: Int = 0,
        extensionApproved: Bool = false, satisfaction: Int? = nil, excluded: Bool = false
    ) {
        self.id = id
        self.leadDepartmentID = leadDepartmentID
        self.dispatchTime = dispatchTime
        self.acceptDeadline = acceptDeadline
        self.resolveDeadline = resolveDeadline
        self.acceptTime = acceptTime
        self.resolveTime = resolveTime
        self.firstResolveTime = firstResolveTime ?? resolveTime
        self.verifyTime = verifyTime
        self.closed = closed
        self.reworkCount = reworkCount
        self.refusedDisputes = refusedDisputes
        self.extensionApproved = extensionApproved
        self.satisfaction = satisfaction
        self.excluded = excluded
    }
}

/// The weight of each indicator; the total is Σ weight × indicator on 0–100.
public struct IndicatorWeightSet: Sendable, Hashable {
    public var response: Double
    public var onTime: Double
    public var closure: Double
    public var rework: Double
    public var dispute: Double
    public var extension_: Double
    public var satisfaction: Double
    public var townScore: Double

    public init(response: Double, onTime: Double, closure: Double, rework: Double, dispute: Double,
                extension_: Double, satisfaction: Double, townScore: Double) {
        self.response = response
        self.onTime = onTime
        self.closure = closure
        self.rework = rework
        self.dispute = dispute
        self.extension_ = extension_
        self.satisfaction = satisfaction
        self.townScore = townScore
    }

    /// DESIGN.md §4: response 20, on-time 25, closure 15, rework 10, satisfaction 15, town score 15.
    public static let standard = IndicatorWeightSet(
        response: 20, onTime: 25, closure: 15, rework: 10, dispute: 0, extension_: 0, satisfaction: 15, townScore: 15)

    public func weight(of kind: IndicatorID) -> Double {
        switch kind {
        case .response: response
        case .onTime: onTime
        case .closure: closure
        case .rework: rework
        case .dispute: dispute
        case .extension_: extension_
        case .satisfaction: satisfaction
        case .townScore: townScore
        }
    }

    public var sum: Double { IndicatorID.allCases.reduce(0) { $0 + weight(of: $1) } }
}

/// The indicators; raw values equal `jiceng.v1.IndicatorKind`.
public enum IndicatorID: Int32, Sendable, CaseIterable, Hashable {
    case response = 1, onTime, closure, rework, dispute, extension_, satisfaction, townScore

    /// The Chinese name shown in reports.
    public var label: String {
        switch self {
        case .response: "响应率"
        case .onTime: "按期处置率"
        case .closure: "结案率"
        case .rework: "返工率"
        case .dispute: "退单率"
        case .extension_: "延期率"
        case .satisfaction: "满意率"
        case .townScore: "镇街评分"
        }
    }

    /// Rates where less is better enter the total as (1 − rate).
    public var isInverted: Bool { self == .rework || self == .dispute || self == .extension_ }
}
