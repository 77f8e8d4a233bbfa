import Foundation
import Testing
@testable import Platform

private let d0 = Date(timeIntervalSince1970: 1_780_000_000)
private func day(_ n: Double) -> Date { d0.addingTimeInterval(n * 86_400) }
private func hour(_ n: Double) -> Date { d0.addingTimeInterval(n * 3_600) }

/// Every figure below is worked out by hand in the comments.
private let tasks: [AppraisedTask] = [
    // On time throughout, closed, rated 5.
    AppraisedTask(id: "a1", leadDepartmentID: "A", dispatchTime: d0, acceptDeadline: hour(4), resolveDeadline: day(5),
                  acceptTime: hour(2), resolveTime: day(4), verifyTime: day(4).addingTimeInterval(3_600),
                  closed: true, satisfaction: 5),
    // Accepted late, resolved late after one rework, closed, rated 3.
    AppraisedTask(id: "a2", leadDepartmentID: "A", dispatchTime: d0, acceptDeadline: hour(4), resolveDeadline: day(10),
                  acceptTime: hour(6), resolveTime: day(12), firstResolveTime: day(8), closed: true, reworkCount: 1,
                  satisfaction: 3),
    // Accepted on time, still open, extension approved.
    AppraisedTask(id: "a3", leadDepartmentID: "A", dispatchTime: d0, acceptDeadline: hour(4), resolveDeadline: day(20),
                  acceptTime: hour(1), extensionApproved: true),
    // Never accepted; a dispute by A was refused.
    AppraisedTask(id: "a4", leadDepartmentID: "A", dispatchTime: d0, acceptDeadline: hour(4), resolveDeadline: day(25),
                  refusedDisputes: 1),
    // Due after the period: not assessed.
    AppraisedTask(id: "a5", leadDepartmentID: "A", resolveDeadline: day(40)),
    // Cancelled: not assessed.
    AppraisedTask(id: "a6", leadDepartmentID: "A", resolveDeadline: day(15), excluded: true),
    // B: one perfect task.
    AppraisedTask(id: "b1", leadDepartmentID: "B", dispatchTime: d0, acceptDeadline: hour(4), resolveDeadline: day(5),
                  acceptTime: hour(1), resolveTime: day(2), closed: true, satisfaction: 4),
]

private let calculator = IndicatorCalculator(periodStart: d0, periodEnd: day(30))

private func figure(_ report: IndicatorCalculator.Report, _ id: IndicatorID) -> IndicatorCalculator.Figure {
    report.figures.first { $0.id == id }!
}

@Test func everyIndicatorMatchesTheHandComputation() {
    let a = calculator.report(department: "A", tasks: tasks, townScores: [80, 90])
    #expect(a.dueTaskIDs == ["a1", "a2", "a3", "a4"])
    #expect(figure(a, .response).numeratorTaskIDs == ["a1", "a3"])   // 2/4
    #expect(figure(a, .onTime).numeratorTaskIDs == ["a1"])           // 1/4
    #expect(figure(a, .closure).numeratorTaskIDs == ["a1", "a2"])    // 2/4
    #expect(figure(a, .rework).numeratorTaskIDs == ["a2"])           // 1/2 of the resolved
    #expect(figure(a, .rework).denominatorTaskIDs == ["a1", "a2"])
    #expect(figure(a, .dispute).numeratorTaskIDs == ["a4"])
    #expect(figure(a, .extension_).numeratorTaskIDs == ["a3"])
    #expect(figure(a, .satisfaction).numeratorTaskIDs == ["a1"])     // 1/2 of the rated
    #expect(figure(a, .townScore).rate == 0.85)
    // 20×0.5 + 25×0.25 + 15×0.5 + 10×(1−0.5) + 15×0.5 + 15×0.85 = 49
    #expect(abs(a.total - 49) < 1e-9)
}

@Test func inapplicableIndicatorsSpreadTheirWeight() {
    let b = calculator.report(department: "B", tasks: tasks, townScores: [])
    #expect(!figure(b, .townScore).isApplicable)
    #expect(figure(b, .townScore).rate == nil)
    // Everything perfect; the town score's 15 is spread over the other 85, so the total is 100.
    #expect(abs(b.total - 100) < 1e-9)
}

@Test func aDepartmentWithNoDueCasesIsReportedAsSuch() {
    let c = calculator.report(department: "C", tasks: tasks, townScores: [])
    #expect(!c.hasDueCases)
    #expect(c.figures.allSatisfy { $0.rate == nil })
    let ranking = IndicatorCalculator.rank([c, calculator.report(department: "B", tasks: tasks, townScores: [])])
    #expect(ranking.map(\.report.departmentID) == ["B", "C"])
    #expect(ranking.map(\.rank) == [1, 0])
}

@Test func tiesShareARank() {
    var twin = tasks.filter { $0.leadDepartmentID == "B" }
    twin[0].id = "b2"
    twin[0].leadDepartmentID = "B2"
    let all = tasks + twin
    let reports = ["A", "B", "B2"].map { calculator.report(department: $0, tasks: all, townScores: $0 == "A" ? [80, 90] : []) }
    let ranking = IndicatorCalculator.rank(reports)
    #expect(ranking.map(\.rank) == [1, 1, 3])
    #expect(ranking.last?.report.departmentID == "A")
}

@Test func lineageRecomputesEveryFigure() {
    let a = calculator.report(department: "A", tasks: tasks, townScores: [80, 90])
    for f in a.figures where f.scoreMean == nil && f.isApplicable {
        #expect(Set(f.numeratorTaskIDs).isSubset(of: Set(f.denominatorTaskIDs)))
        #expect(f.rate == Double(f.numeratorTaskIDs.count) / Double(f.denominatorTaskIDs.count))
    }
}

@Test func stageTimingsUseNearestRankPercentiles() {
    let a = calculator.report(department: "A", tasks: tasks, townScores: [])
    let accept = a.stageTimings.first { $0.stage == .accept }!
    // Accept spans: a1 2h, a2 6h, a3 1h → sorted [1, 2, 6]: median 2h, p90 6h.
    #expect(accept.count == 3)
    #expect(accept.median == 7_200)
    #expect(accept.p90 == 21_600)
}

@Test func trialWeightsChangeTheTotalOnly() {
    var trial = IndicatorWeightSet.standard
    trial.townScore = 0
    trial.onTime = 40
    let a = IndicatorCalculator(periodStart: d0, periodEnd: day(30), weights: trial)
        .report(department: "A", tasks: tasks, townScores: [80, 90])
    // 20×0.5 + 40×0.25 + 15×0.5 + 10×0.5 + 15×0.5 = 40
    #expect(abs(a.total - 40) < 1e-9)
    #expect(calculator.weights == .standard)
}
