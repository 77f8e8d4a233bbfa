import Store

/// The tables of the `appraisal` component.
///
/// - `appraisal_periods` keeps each period as its `jiceng.v1.AppraisalPeriod` (`body`, the
///   authority: weights, times) beside the columns lists filter and page on.
/// - `appraisal_town_scores` holds one score per period × town × department; a town replaces its
///   own while the period is OPEN.
/// - `appraisal_snapshots` is written once, at ClosePeriod: each department's
///   `jiceng.v1.DepartmentReport` with every task id behind its figures, and (department_id '')
///   the district's `jiceng.v1.GetRankingResponse`. Reads of a closed period come only from here,
///   so later task changes cannot alter them.
///
/// The migration also indexes the task table by (district_id, resolve_deadline): appraisal asks
/// for "the district's tasks due in [start, end)", which no task list needs, and one index range
/// walk per period keeps a report over a million tasks a single pass. It belongs here, with the
/// query that needs it, so the task component stays free of appraisal concerns; the component
/// therefore migrates after `tasks`.
public enum AppraisalSchema {
    public static func schema(_ dialect: SQLDialect) -> Schema {
        let blob = dialect == .postgresql ? "BYTEA" : "BLOB"
        let real = dialect == .postgresql ? "DOUBLE PRECISION" : "REAL"
        return Schema(component: "appraisal", migrations: [
            Migration(version: 1, name: "periods-scores-snapshots", sql: """
                CREATE TABLE appraisal_periods (
                    id           TEXT    PRIMARY KEY,
                    district_id  TEXT    NOT NULL,
                    name         TEXT    NOT NULL,
                    start_time   BIGINT  NOT NULL,
                    end_time     BIGINT  NOT NULL,
                    state        INTEGER NOT NULL,
                    etag         TEXT    NOT NULL,
                    create_time  BIGINT  NOT NULL,
                    update_time  BIGINT  NOT NULL,
                    body         \(blob)  NOT NULL
                );
                CREATE INDEX appraisal_periods_by_district ON appraisal_periods (district_id, id);
                CREATE TABLE appraisal_town_scores (
                    period_id     TEXT    NOT NULL REFERENCES appraisal_periods (id),
                    town_id       TEXT    NOT NULL,
                    department_id TEXT    NOT NULL,
                    score         \(real)  NOT NULL,
                    comment       TEXT    NOT NULL,
                    submit_time   BIGINT  NOT NULL,
                    PRIMARY KEY (period_id, department_id, town_id)
                );
                CREATE TABLE appraisal_snapshots (
                    period_id     TEXT    NOT NULL REFERENCES appraisal_periods (id),
                    department_id TEXT    NOT NULL,   -- '' for the district's ranking
                    body          \(blob)  NOT NULL,
                    PRIMARY KEY (period_id, department_id)
                );
                CREATE INDEX tasks_by_district_resolve_deadline ON tasks (district_id, resolve_deadline);
                """),
        ])
    }
}
