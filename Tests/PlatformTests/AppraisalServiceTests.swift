import Foundation
import JicengAPI
import ProtoRuntime
import RPC
import Testing
@testable import Platform

@Suite struct AppraisalServiceTests {
    @Test func periodLifecycle() async throws {
        let f = try await AppraisalFixture()
        let created = try await f.createPeriod()
        #expect(created.id == "\(TaskOrg.district)-AP001")
        #expect(created.state == .open)
        #expect(created.weights == AppraisalFixture.weights([20, 25, 15, 10, 0, 0, 15, 15]))
        #expect(!created.etag.isEmpty)

        // Updates change the name and weights while OPEN; a stale etag is ABORTED.
        var update = Jiceng_V1_UpdatePeriodRequest()
        update.requestId = f.tasks.requestID()
        update.period.id = created.id
        update.period.etag = created.etag
        update.period.weights = AppraisalFixture.weights([30, 30, 10, 10, 0, 0, 10, 10])
        update.updateMask.paths = ["weights"]
        let updated = try await f.as(.districtAdmin, TaskOrg.district) { try await $0.updatePeriod(request: update, context: AppraisalFixture.context()) }
        #expect(updated.weights.response == 30)
        #expect(updated.name == created.name)
        update.requestId = f.tasks.requestID()
        let stale = await thrownStatus {
            _ = try await f.as(.districtAdmin, TaskOrg.district) { try await $0.updatePeriod(request: update, context: AppraisalFixture.context()) }
        }
        #expect(stale?.code == .aborted)
        update.period.etag = updated.etag
        update.updateMask.paths = ["start_time"]
        let immutable = await thrownStatus {
            _ = try await f.as(.districtAdmin, TaskOrg.district) { try await $0.updatePeriod(request: update, context: AppraisalFixture.context()) }
        }
        #expect(badFields(immutable) == ["update_mask.paths[0]"])

        // Close, then publish; neither may be repeated, and a closed period no longer changes.
        let closed = try await f.close(updated)
        #expect(closed.state == .closed)
        #expect(closed.hasCloseTime)
        let reclose = await thrownStatus { _ = try await f.close(closed) }
        #expect(errorInfo(reclose)?.reason == "PERIOD_NOT_OPEN")
        update.requestId = f.tasks.requestID()
        update.period.etag = closed.etag
        update.updateMask.paths = ["name"]
        update.period.name = "改名"
        let late = await thrownStatus {
            _ = try await f.as(.districtAdmin, TaskOrg.district) { try await $0.updatePeriod(request: update, context: AppraisalFixture.context()) }
        }
        #expect(late?.code == .failedPrecondition)
        let published = try await f.publish(closed)
        #expect(published.state == .published)
        #expect(published.hasPublishTime)
        let republish = await thrownStatus { _ = try await f.publish(published) }
        #expect(errorInfo(republish)?.reason == "PERIOD_NOT_CLOSED")

        var get = Jiceng_V1_GetPeriodRequest()
        get.id = created.id
        let read = try await f.as(.townOperator, TaskOrg.town) { try await $0.getPeriod(request: get, context: AppraisalFixture.context()) }
        #expect(read == published)
    }

    @Test func createRefusesBadPeriods() async throws {
        let f = try await AppraisalFixture()
        let backwards = await thrownStatus {
            _ = try await f.createPeriod(start: AppraisalFixture.windowEnd, end: AppraisalFixture.windowStart)
        }
        #expect(badFields(backwards) == ["period.end_time"])
        let unbalanced = await thrownStatus { _ = try await f.createPeriod(weights: AppraisalFixture.weights([20, 25, 15, 10, 0, 0, 15, 5])) }
        #expect(badFields(unbalanced) == ["period.weights"])
        let negative = await thrownStatus { _ = try await f.createPeriod(weights: AppraisalFixture.weights([40, 25, 15, 10, -20, 0, 15, 15])) }
        #expect(badFields(negative) == ["period.weights.dispute"])
        let notDistrict = await thrownStatus { _ = try await f.createPeriod(district: TaskOrg.town) }
        #expect(badFields(notDistrict) == ["period.district_id"])
        let foreign = await thrownStatus { _ = try await f.createPeriod(role: .districtAdmin, org: TaskOrg.otherDistrict) }
        #expect(foreign?.code == .permissionDenied)
        // A city admin opens periods for any district.
        #expect(try await f.createPeriod(role: .cityAdmin, org: TaskOrg.city).districtId == TaskOrg.district)
        #expect(try await f.count("SELECT COUNT(*) FROM appraisal_periods") == 1)
    }

    @Test func listPeriodsPagesWithinScope() async throws {
        let f = try await AppraisalFixture()
        for name in ["一季度", "二季度", "三季度"] { _ = try await f.createPeriod(name: name) }
        _ = try await f.createPeriod(district: TaskOrg.otherDistrict, role: .cityAdmin, org: TaskOrg.city)
        var request = Jiceng_V1_ListPeriodsRequest()
        request.pageSize = 2
        let first = try await f.as(.townOperator, TaskOrg.town) { try await $0.listPeriods(request: request, context: AppraisalFixture.context()) }
        #expect(first.periods.map(\.name) == ["一季度", "二季度"])
        #expect(first.totalSize == 3)
        request.pageToken = first.nextPageToken
        let second = try await f.as(.townOperator, TaskOrg.town) { try await $0.listPeriods(request: request, context: AppraisalFixture.context()) }
        #expect(second.periods.map(\.name) == ["三季度"])
        #expect(second.nextPageToken.isEmpty)
        // An auditor sees every district's; a town operator may not name another district.
        let all = try await f.as(.auditor, TaskOrg.city) { try await $0.listPeriods(request: Jiceng_V1_ListPeriodsRequest(), context: AppraisalFixture.context()) }
        #expect(all.totalSize == 4)
        var foreign = Jiceng_V1_ListPeriodsRequest()
        foreign.districtId = TaskOrg.otherDistrict
        let refused = await thrownStatus {
            _ = try await f.as(.townOperator, TaskOrg.town) { try await $0.listPeriods(request: foreign, context: AppraisalFixture.context()) }
        }
        #expect(refused?.code == .permissionDenied)
    }

    @Test func scoresAreCheckedAndReplaceable() async throws {
        let f = try await AppraisalFixture()
        let period = try await f.createPeriod()
        for bad in [-1, 100.5, .nan] {
            let status = await thrownStatus { _ = try await f.submitScore(period, score: bad) }
            #expect(badFields(status) == ["score"])
        }
        let notDepartment = await thrownStatus { _ = try await f.submitScore(period, department: TaskOrg.otherDepartment, score: 80) }
        #expect(badFields(notDepartment) == ["department_id"])
        let agency = await thrownStatus { _ = try await f.submitScore(period, department: TaskOrg.agency, score: 80) }
        #expect(badFields(agency) == ["department_id"])
        let foreignTown = await thrownStatus { _ = try await f.submitScore(period, score: 80, town: TaskOrg.otherTown) }
        #expect(foreignTown?.code == .permissionDenied)

        let first = try await f.submitScore(period, score: 80, comment: "响应及时")
        #expect(first.townId == TaskOrg.town)
        _ = try await f.submitScore(period, score: 0)
        _ = try await f.submitScore(period, score: 60, town: TaskOrg.street)
        #expect(try await f.count("SELECT COUNT(*) FROM appraisal_town_scores") == 2)
        let report = try await f.report(period)
        #expect(report.townScores.map(\.score) == [0, 60])
        #expect(report.indicator(.townScore)?.rate == 0.3)

        let closed = try await f.close(period)
        let late = await thrownStatus { _ = try await f.submitScore(closed, score: 90) }
        #expect(errorInfo(late)?.reason == "PERIOD_NOT_OPEN")
    }

    @Test func reportsComeFromTheTasks() async throws {
        let f = try await AppraisalFixture()
        let period = try await f.createPeriod()
        let done = try await f.closedTask()
        let waiting = try await f.tasks.dispatch(try await f.tasks.create(title: "井盖缺失"))
        let elsewhere = try await f.tasks.dispatch(try await f.tasks.create(title: "违章搭建"), lead: TaskOrg.housing)
        _ = elsewhere
        _ = try await f.submitScore(period, score: 90)

        let report = try await f.report(period)
        #expect(report.departmentName == "区城管局")
        #expect(report.hasDueCases)
        #expect(!report.frozen)
        let response = try #require(report.indicator(.response))
        #expect(response.name == "响应率")
        #expect((response.numerator, response.denominator) == (1, 2))
        #expect(response.numeratorTaskIds == [done.id])
        #expect(Set(response.denominatorTaskIds) == [done.id, waiting.id])
        #expect(report.indicator(.closure)?.rate == 0.5)
        let rework = try #require(report.indicator(.rework))
        #expect(rework.inverted)
        #expect((rework.numerator, rework.denominator) == (0, 1))
        #expect(report.indicator(.satisfaction)?.notApplicable == true)
        #expect(report.stageTimings.map(\.stage) == ["accept", "resolve", "verify"])
        #expect(report.stageTimings.first?.count == 1)
        let summed = report.indicators.reduce(0) { $0 + $1.contribution }
        #expect(abs(summed - report.total) < 1e-9)

        // Without include_tasks the lineage is left out; the figures are the same.
        let plain = try await f.report(period, includeTasks: false)
        #expect(plain.indicators.allSatisfy { $0.numeratorTaskIds.isEmpty && $0.denominatorTaskIds.isEmpty })
        #expect(plain.total == report.total)

        // A department with no due cases is reported as such and left unranked.
        let civil = try await f.report(period, department: TaskOrg.civil)
        #expect(!civil.hasDueCases)
        #expect(civil.rank == 0)
        let ranking = try await f.ranking(period)
        #expect(ranking.entries.map(\.departmentId) == ranking.entries.map(\.departmentId))
        #expect(ranking.entries.first { $0.departmentId == TaskOrg.civil }?.rank == 0)
        #expect(ranking.entries.filter(\.hasDueCases).count == 2)
    }

    @Test func closingFreezesTheFigures() async throws {
        let f = try await AppraisalFixture()
        let period = try await f.createPeriod()
        _ = try await f.closedTask()
        let open = try await f.tasks.dispatch(try await f.tasks.create(title: "井盖缺失"))
        _ = try await f.submitScore(period, score: 70)
        let before = try await f.report(period)
        let rankingBefore = try await f.ranking(period)

        let closed = try await f.close(period)
        #expect(try await f.count("SELECT COUNT(*) FROM appraisal_snapshots WHERE period_id = '\(period.id)'") == 4)

        // Task rows in the window change after the close: one more task, the open one closed.
        _ = try await f.closedTask()
        _ = try await f.tasks.verify(try await f.tasks.resolve(try await f.tasks.accept(open)), passed: true)
        let live = try await f.environment.read { tx in
            try AppraisedTaskQuery.tasks(districtID: TaskOrg.district, start: AppraisalFixture.windowStart,
                                         end: AppraisalFixture.windowEnd, in: tx)
        }
        #expect(live.filter(\.closed).count == 3)

        var after = try await f.report(period)
        #expect(after.frozen)
        after.frozen = false
        #expect(after == before)
        var rankingAfter = try await f.ranking(period)
        #expect(rankingAfter.frozen)
        rankingAfter.frozen = false
        #expect(rankingAfter == rankingBefore)
        let published = try await f.publish(closed)
        #expect(try await f.report(published).total == before.total)
    }

    @Test func trialWeightsChangeNothingStored() async throws {
        let f = try await AppraisalFixture()
        let period = try await f.createPeriod()
        _ = try await f.closedTask()
        _ = try await f.tasks.dispatch(try await f.tasks.create(title: "井盖缺失"), lead: TaskOrg.housing)
        let standard = try await f.ranking(period)
        #expect(!standard.trial)
        let trialWeights = AppraisalFixture.weights([0, 0, 100, 0, 0, 0, 0, 0])
        let trial = try await f.ranking(period, trial: trialWeights)
        #expect(trial.trial)
        #expect(trial.weights == trialWeights)
        let urban = try #require(trial.entries.first { $0.departmentId == TaskOrg.urban })
        let housing = try #require(trial.entries.first { $0.departmentId == TaskOrg.housing })
        #expect(urban.total == 100)
        #expect(housing.total == 0)
        #expect((urban.rank, housing.rank) == (1, 2))
        // Nothing changed: the period, its etag, the standard ranking.
        var get = Jiceng_V1_GetPeriodRequest()
        get.id = period.id
        let reread = try await f.as(.auditor, TaskOrg.city) { try await $0.getPeriod(request: get, context: AppraisalFixture.context()) }
        #expect(reread == period)
        #expect(try await f.ranking(period) == standard)

        // On a closed period too, trial weights re-weigh the frozen figures and store nothing.
        let closed = try await f.close(period)
        let frozenTrial = try await f.ranking(closed, trial: trialWeights)
        #expect(frozenTrial.frozen && frozenTrial.trial)
        #expect(frozenTrial.entries.map(\.total) == trial.entries.map(\.total))
        let bad = await thrownStatus { _ = try await f.ranking(closed, trial: AppraisalFixture.weights([1, 0, 0, 0, 0, 0, 0, 0])) }
        #expect(badFields(bad) == ["trial_weights"])
        var frozen = try await f.ranking(closed)
        frozen.frozen = false
        #expect(frozen == standard)
    }

    @Test func accessFollowsTheDistrict() async throws {
        let f = try await AppraisalFixture()
        let period = try await f.createPeriod()
        _ = try await f.closedTask()

        // A department reads its own report (an agency its parent's), not another's.
        #expect(try await f.report(period, role: .departmentOperator, org: TaskOrg.urban).departmentId == TaskOrg.urban)
        #expect(try await f.report(period, role: .departmentOperator, org: TaskOrg.agency).departmentId == TaskOrg.urban)
        let other = await thrownStatus { _ = try await f.report(period, role: .departmentOperator, org: TaskOrg.housing) }
        #expect(other?.code == .permissionDenied)
        // Towns of the district read every report and the ranking; other districts' towns none.
        #expect(try await f.report(period, department: TaskOrg.housing, role: .townOperator, org: TaskOrg.street).departmentId == TaskOrg.housing)
        #expect(try await f.ranking(period, role: .townOperator, org: TaskOrg.town).entries.count == 3)
        let foreignTown = await thrownStatus { _ = try await f.report(period, role: .townOperator, org: TaskOrg.otherTown) }
        #expect(foreignTown?.code == .permissionDenied)
        let foreignAdmin = await thrownStatus { _ = try await f.ranking(period, role: .districtAdmin, org: TaskOrg.otherDistrict) }
        #expect(foreignAdmin?.code == .permissionDenied)
        // A department reads the ranking only once published.
        let early = await thrownStatus { _ = try await f.ranking(period, role: .departmentOperator, org: TaskOrg.urban) }
        #expect(errorInfo(early)?.reason == "RANKING_NOT_PUBLISHED")
        // Towns do not close periods; other districts' admins neither.
        var close = Jiceng_V1_ClosePeriodRequest()
        close.requestId = f.tasks.requestID()
        close.id = period.id
        close.etag = period.etag
        let foreignClose = await thrownStatus {
            _ = try await f.as(.districtAdmin, TaskOrg.otherDistrict) { try await $0.closePeriod(request: close, context: AppraisalFixture.context()) }
        }
        #expect(foreignClose?.code == .permissionDenied)
        let published = try await f.publish(try await f.close(period))
        #expect(try await f.ranking(published, role: .departmentOperator, org: TaskOrg.urban).frozen)
    }
}
