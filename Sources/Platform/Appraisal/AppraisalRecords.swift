import Foundation
import JicengAPI
import ProtoRuntime
import Store

/// Rows of the appraisal tables: periods, town scores and frozen snapshots.
enum AppraisalRecords {
    // MARK: Periods

    static func period(_ id: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_AppraisalPeriod? {
        guard let row = try tx.queryFirst("SELECT body FROM appraisal_periods WHERE id = $1", [id]) else { return nil }
        return try Jiceng_V1_AppraisalPeriod(serializedBytes: try row.get(0, as: [UInt8].self))
    }

    /// The period, or NOT_FOUND.
    static func requirePeriod(_ id: String, in tx: any SQLReadTransaction) throws -> Jiceng_V1_AppraisalPeriod {
        guard let period = try period(id, in: tx) else {
            throw PlatformError.notFound("考核周期 \(id) 不存在 (no appraisal period \(id))")
        }
        return period
    }

    /// The next id in a district: `<district>-AP<n>`, numbered from 1 (periods are never deleted).
    static func nextID(districtID: String, in tx: any SQLReadTransaction) throws -> String {
        let count = try tx.scalar("SELECT COUNT(*) FROM appraisal_periods WHERE district_id = $1", [districtID], as: Int.self) ?? 0
        return "\(districtID)-AP\(String(format: "%03d", count + 1))"
    }

    static func save(_ period: Jiceng_V1_AppraisalPeriod, isNew: Bool, now: Int64, in tx: any SQLWriteTransaction) throws {
        let values: [any SQLValueConvertible] = [
            period.id, period.districtId, period.name, StoredTime.micros(period.startTime), StoredTime.micros(period.endTime),
            Int64(period.state.rawValue), period.etag, StoredTime.micros(period.createTime), now, period.serializedBytes(),
        ]
        if isNew {
            try tx.execute("""
                INSERT INTO appraisal_periods (id, district_id, name, start_time, end_time, state, etag, create_time, update_time, body)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, values)
        } else {
            try tx.execute("""
                UPDATE appraisal_periods SET district_id = $2, name = $3, start_time = $4, end_time = $5, state = $6, etag = $7,
                    create_time = $8, update_time = $9, body = $10
                WHERE id = $1
                """, values)
        }
    }

    /// One page of periods after `afterID` (ids ascending), filtered by districts (nil: all) and
    /// state (unspecified: all), with the total count of the filtered listing.
    static func periods(districtIDs: [String]?, state: Jiceng_V1_PeriodState, afterID: String?, limit: Int,
                        in tx: any SQLReadTransaction) throws -> (periods: [Jiceng_V1_AppraisalPeriod], total: Int) {
        var conditions: [String] = []
        var parameters: [any SQLValueConvertible] = []
        if let districtIDs {
            guard !districtIDs.isEmpty else { return ([], 0) }
            let placeholders = districtIDs.map { id -> String in
                parameters.append(id)
                return "$\(parameters.count)"
            }
            conditions.append("district_id IN (\(placeholders.joined(separator: ", ")))")
        }
        if state != .unspecified {
            parameters.append(Int64(state.rawValue))
            conditions.append("state = $\(parameters.count)")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total = try tx.scalar("SELECT COUNT(*) FROM appraisal_periods \(filter)", parameters, as: Int.self) ?? 0
        var pageConditions = conditions
        var pageParameters = parameters
        if let afterID {
            pageParameters.append(afterID)
            pageConditions.append("id > $\(pageParameters.count)")
        }
        let pageFilter = pageConditions.isEmpty ? "" : "WHERE " + pageConditions.joined(separator: " AND ")
        let rows = try tx.query("SELECT body FROM appraisal_periods \(pageFilter) ORDER BY id LIMIT \(limit)", pageParameters)
        let periods = try rows.map { try Jiceng_V1_AppraisalPeriod(serializedBytes: try $0.get(0, as: [UInt8].self)) }
        return (periods, total)
    }

    // MARK: Town scores

    static func saveScore(_ score: Jiceng_V1_TownScore, in tx: any SQLWriteTransaction) throws {
        try tx.execute("""
            INSERT INTO appraisal_town_scores (period_id, town_id, department_id, score, comment, submit_time)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (period_id, department_id, town_id)
            DO UPDATE SET score = excluded.score, comment = excluded.comment, submit_time = excluded.submit_time
            """, [score.periodId, score.townId, score.departmentId, score.score, score.comment, StoredTime.micros(score.submitTime)])
    }

    /// Every town's score in the period, by department (towns in id order).
    static func scores(periodID: String, in tx: any SQLReadTransaction) throws -> [String: [Jiceng_V1_TownScore]] {
        var scores: [String: [Jiceng_V1_TownScore]] = [:]
        try tx.forEachRow("""
            SELECT town_id, department_id, score, comment, submit_time FROM appraisal_town_scores
            WHERE period_id = $1 ORDER BY department_id, town_id
            """, [periodID]) { row in
            var score = Jiceng_V1_TownScore()
            score.periodId = periodID
            score.townId = try row.get(0, as: String.self)
            score.departmentId = try row.get(1, as: String.self)
            score.score = try row.get(2, as: Double.self)
            score.comment = try row.get(3, as: String.self)
            score.submitTime = StoredTime.timestamp(micros: try row.get(4, as: Int64.self))
            scores[score.departmentId, default: []].append(score)
            return true
        }
        return scores
    }

    // MARK: Snapshots

    /// The department id under which a snapshot keeps the district's ranking.
    static let rankingKey = ""

    static func saveSnapshot<M: ProtoMessage>(_ message: M, periodID: String, key: String, in tx: any SQLWriteTransaction) throws {
        try tx.execute("INSERT INTO appraisal_snapshots (period_id, department_id, body) VALUES ($1, $2, $3)",
                       [periodID, key, message.serializedBytes()])
    }

    static func snapshot<M: ProtoMessage>(_ type: M.Type, periodID: String, key: String, in tx: any SQLReadTransaction) throws -> M? {
        guard let row = try tx.queryFirst("SELECT body FROM appraisal_snapshots WHERE period_id = $1 AND department_id = $2",
                                          [periodID, key]) else { return nil }
        return try M(serializedBytes: try row.get(0, as: [UInt8].self))
    }

    /// Every department's frozen report of the period.
    static func frozenReports(periodID: String, in tx: any SQLReadTransaction) throws -> [Jiceng_V1_DepartmentReport] {
        try tx.query("SELECT body FROM appraisal_snapshots WHERE period_id = $1 AND department_id <> $2 ORDER BY department_id",
                     [periodID, rankingKey])
            .map { try Jiceng_V1_DepartmentReport(serializedBytes: try $0.get(0, as: [UInt8].self)) }
    }
}
