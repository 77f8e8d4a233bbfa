import Foundation
import JicengAPI
import Store

/// Gives every demo district two appraisal periods over the seeded tasks: last month's, scored by
/// every town, closed and published (so rankings and frozen reports can be shown at once), and
/// this month's, OPEN and partly scored (so live figures, what-if weights and scoring can be
/// tried). Runs after the task seeder; scores are drawn from a fixed seed, so every demo city
/// is the same.
public struct AppraisalDemoSeeder: DemoSeeder {
    public var name: String { "appraisal" }

    public init() {}

    public func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let thisMonth = calendar.dateInterval(of: .month, for: context.now)
            ?? DateInterval(start: context.now.addingTimeInterval(-30 * 86_400), duration: 30 * 86_400)
        let lastMonth = calendar.dateInterval(of: .month, for: thisMonth.start.addingTimeInterval(-1))
            ?? DateInterval(start: thisMonth.start.addingTimeInterval(-30 * 86_400), end: thisMonth.start)
        let now = StoredTime.micros(context.now)
        var random = SplitMix64(seed: 0x4A49_4345_4E47)
        for districtID in context.tree.districtIDs {
            let departments = AppraisalFigures.departments(of: districtID, in: context.directory)
            let towns = context.tree.towns(inDistrict: districtID)
            func period(_ interval: DateInterval, name: String) throws -> Jiceng_V1_AppraisalPeriod {
                var period = Jiceng_V1_AppraisalPeriod()
                period.id = try AppraisalRecords.nextID(districtID: districtID, in: tx)
                period.districtId = districtID
                period.name = name
                period.startTime = StoredTime.timestamp(micros: StoredTime.micros(interval.start))
                period.endTime = StoredTime.timestamp(micros: StoredTime.micros(interval.end))
                period.weights = AppraisalWireForm.weights(.standard)
                period.state = .open
                period.etag = Etag.next()
                period.createTime = StoredTime.timestamp(micros: now)
                try AppraisalRecords.save(period, isNew: true, now: now, in: tx)
                return period
            }
            func score(_ period: Jiceng_V1_AppraisalPeriod, share: Double) throws {
                for town in towns {
                    for department in departments where random.chance(share) {
                        var score = Jiceng_V1_TownScore()
                        score.periodId = period.id
                        score.townId = town.id
                        score.departmentId = department.id
                        score.score = (random.double(in: 60...98) * 2).rounded() / 2
                        score.submitTime = StoredTime.timestamp(micros: now)
                        try AppraisalRecords.saveScore(score, in: tx)
                    }
                }
            }
            var published = try period(lastMonth, name: Self.monthName(lastMonth.start, calendar))
            try score(published, share: 1)
            _ = try AppraisalFigures.freeze(&published, directory: context.directory, now: now, in: tx)
            published.state = .published
            published.publishTime = StoredTime.timestamp(micros: now)
            published.etag = Etag.next()
            try AppraisalRecords.save(published, isNew: false, now: now, in: tx)
            try score(try period(thisMonth, name: Self.monthName(thisMonth.start, calendar)), share: 0.4)
        }
    }

    /// e.g. 2026年11月考核.
    static func monthName(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return "\(parts.year ?? 0)年\(parts.month ?? 0)月考核"
    }
}
