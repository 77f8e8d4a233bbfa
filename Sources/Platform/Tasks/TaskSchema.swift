import Store

/// The tables of the `tasks` component.
///
/// A task is kept as its `jiceng.v1.Task` message (`body`) beside the columns every ListTasks
/// filter, the sweeper and WatchTasks search by. Lists are ordered newest first by
/// `(create_time, id)` and paged by keyset, so each list shape has an index that starts with its
/// equality filter and ends in `create_time, id`: one index range walk per page, whatever the
/// table's size.
///
/// - `due_time` is the deadline the task is currently waiting on (accept_deadline while
///   DISPATCHED, resolve_deadline while ACCEPTED, NULL otherwise): "overdue" is `due_time < now`.
/// - `sweep_due` is `due_time` until the sweeper has escalated for that very deadline, then NULL;
///   `escalated_for` names the deadline last escalated (`ACCEPT:<micros>`/`RESOLVE:<micros>`), so
///   a moved deadline (extension, re-dispatch) can escalate again but the same one never twice,
///   across restarts.
/// - `task_departments` holds one row per department with a part in the task (lead or
///   cooperating), with the task's town and create time copied in so that a department's list
///   pages on its own index.
/// - `task_events.seq` is global and gap-free in commit order: each event takes MAX(seq)+1 inside
///   its write transaction, and writes commit one at a time (SQLite's single writer; on
///   PostgreSQL two writers taking the same seq conflict and one is run again).
public enum TaskSchema {
    public static func schema(_ dialect: SQLDialect) -> Schema {
        let blob = dialect == .postgresql ? "BYTEA" : "BLOB"
        return Schema(component: "tasks", migrations: [
            Migration(version: 1, name: "tasks-departments-events", sql: """
                CREATE TABLE tasks (
                    id                 TEXT    PRIMARY KEY,
                    town_id            TEXT    NOT NULL,
                    district_id        TEXT    NOT NULL,
                    grid_id            TEXT    NOT NULL,
                    reporter_org_id    TEXT    NOT NULL,
                    lead_department_id TEXT    NOT NULL,
                    state              INTEGER NOT NULL,
                    source             INTEGER NOT NULL,
                    external_ref       TEXT    NOT NULL,
                    escalation_level   INTEGER NOT NULL,
                    accept_deadline    BIGINT,
                    resolve_deadline   BIGINT,
                    due_time           BIGINT,
                    sweep_due          BIGINT,
                    escalated_for      TEXT    NOT NULL,
                    resolve_within     BIGINT  NOT NULL,  -- the SLA's resolve duration in milliseconds, counted from acceptance
                    search_text        TEXT    NOT NULL,
                    create_time        BIGINT  NOT NULL,
                    update_time        BIGINT  NOT NULL,
                    etag               TEXT    NOT NULL,
                    body               \(blob)  NOT NULL
                );
                CREATE UNIQUE INDEX tasks_by_external_ref ON tasks (source, external_ref) WHERE external_ref <> '';
                CREATE INDEX tasks_by_create ON tasks (create_time, id);
                CREATE INDEX tasks_by_town ON tasks (town_id, create_time, id);
                CREATE INDEX tasks_by_town_state ON tasks (town_id, state, create_time, id);
                CREATE INDEX tasks_by_district ON tasks (district_id, create_time, id);
                CREATE INDEX tasks_by_grid ON tasks (grid_id, create_time, id);
                CREATE INDEX tasks_by_state ON tasks (state, create_time, id);
                CREATE INDEX tasks_by_lead ON tasks (lead_department_id, create_time, id);
                CREATE INDEX tasks_by_due ON tasks (due_time);
                CREATE INDEX tasks_to_sweep ON tasks (sweep_due) WHERE sweep_due IS NOT NULL;
                CREATE TABLE task_departments (
                    task_id       TEXT    NOT NULL REFERENCES tasks (id),
                    department_id TEXT    NOT NULL,
                    role          TEXT    NOT NULL,   -- 'lead' or 'cooperating'
                    town_id       TEXT    NOT NULL,
                    create_time   BIGINT  NOT NULL,
                    PRIMARY KEY (task_id, department_id)
                );
                CREATE INDEX task_departments_by_department ON task_departments (department_id, create_time, task_id);
                CREATE INDEX task_departments_by_department_town ON task_departments (department_id, town_id, create_time, task_id);
                CREATE TABLE task_events (
                    seq                BIGINT  PRIMARY KEY,
                    task_id            TEXT    NOT NULL REFERENCES tasks (id),
                    type               INTEGER NOT NULL,
                    actor_org_id       TEXT    NOT NULL,
                    actor_role         INTEGER NOT NULL,
                    town_id            TEXT    NOT NULL,
                    grid_id            TEXT    NOT NULL,
                    reporter_org_id    TEXT    NOT NULL,
                    lead_department_id TEXT    NOT NULL,
                    department_ids     TEXT    NOT NULL,  -- ' lead coop1 coop2 ' at the time of the event
                    time               BIGINT  NOT NULL,
                    body               \(blob)  NOT NULL   -- the jiceng.v1.TaskEvent message
                );
                CREATE INDEX task_events_by_task ON task_events (task_id, seq);
                CREATE INDEX task_events_by_town ON task_events (town_id, seq);
                """),
        ])
    }
}
