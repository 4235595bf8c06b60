// The store's schema as numbered migrations. PRAGMA user_version holds the number of the last
// migration applied; PRAGMA application_id marks the file as a regelwerk store.
//
// Conventions: dates are ISO-8601 TEXT (sortable, readable in the sqlite3 shell); money is INTEGER
// cents; hours are INTEGER thousandths; enumerations are TEXT with the dossier format's names.
// Child tables are WITHOUT ROWID with (worker_id, ordinal) keys, so that "every contract ordered by
// worker" is a plain walk of the primary key: the audit's one ordered pass per table.
#include "schema.hpp"

#include "statement.hpp"

namespace rw::adapters::sqlite::detail {

static char const* const migration_1 = R"SQL(
CREATE TABLE agency (
    singleton              INTEGER PRIMARY KEY CHECK (singleton = 1),
    name                   TEXT NOT NULL,
    cao                    TEXT NOT NULL,
    phase_labels           TEXT NOT NULL,
    lender_registered_from TEXT,
    wtta_admitted_from     TEXT,
    ziektewet_erd          INTEGER NOT NULL,
    extra_json             TEXT
);
CREATE TABLE client (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    extra_json TEXT
) WITHOUT ROWID;
CREATE TABLE client_strike (
    client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    date_from TEXT NOT NULL,
    date_to   TEXT NOT NULL,
    PRIMARY KEY (client_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE client_reference_wage (
    client_id    TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    function     TEXT NOT NULL,
    hourly_cents INTEGER NOT NULL,
    date_from    TEXT NOT NULL,
    PRIMARY KEY (client_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE worker (
    id                      TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    birth_date              TEXT,
    nationality             TEXT,
    id_present              INTEGER NOT NULL,
    id_document             TEXT,
    id_number               TEXT,
    id_expires              TEXT,
    id_checked_on           TEXT,
    id_copy_kept            INTEGER,
    permit_kind             TEXT,
    permit_valid_from       TEXT,
    permit_valid_until      TEXT,
    permit_notified_on      TEXT,
    app_status              TEXT,
    app_closed_on           TEXT,
    app_retention_consent   INTEGER,
    app_education_level     TEXT,
    app_postcode            TEXT,
    app_hours_milli         INTEGER,
    extra_json              TEXT,
    id_extra_json           TEXT,
    permit_extra_json       TEXT,
    app_extra_json          TEXT
) WITHOUT ROWID;
CREATE TABLE contract (
    worker_id         TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,
    id                TEXT NOT NULL,
    kind              TEXT NOT NULL,
    start             TEXT NOT NULL,
    end_date          TEXT,
    hours_milli       INTEGER,
    probation_months  INTEGER,
    renewal_notice_on TEXT,
    ended_on          TEXT,
    ended_by          TEXT,
    extra_json        TEXT,
    PRIMARY KEY (worker_id, ordinal),
    UNIQUE (worker_id, id)
) WITHOUT ROWID;
CREATE TABLE placement (
    worker_id    TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    id           TEXT NOT NULL,
    contract_id  TEXT NOT NULL,
    client_id    TEXT NOT NULL REFERENCES client(id),
    function     TEXT,
    start        TEXT NOT NULL,
    end_date     TEXT,
    hourly_cents INTEGER,
    extra_json   TEXT,
    PRIMARY KEY (worker_id, ordinal),
    FOREIGN KEY (worker_id, contract_id) REFERENCES contract(worker_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX placement_client ON placement(client_id);
CREATE TABLE week_range (
    worker_id  TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    list       TEXT NOT NULL CHECK (list IN ('worked', 'paid_holiday')),
    ordinal    INTEGER NOT NULL,
    first_week TEXT NOT NULL,
    last_week  TEXT NOT NULL,
    PRIMARY KEY (worker_id, list, ordinal)
) WITHOUT ROWID;
CREATE TABLE sickness (
    worker_id            TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    ordinal              INTEGER NOT NULL,
    first_day            TEXT NOT NULL,
    recovered_on         TEXT,
    bedrijfsarts_melding TEXT,
    probleemanalyse      TEXT,
    plan_van_aanpak      TEXT,
    uwv_ziekmelding      TEXT,
    eerstejaarsevaluatie TEXT,
    wia_aanvraag         TEXT,
    extra_json           TEXT,
    PRIMARY KEY (worker_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE application_item (
    worker_id   TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    list        TEXT NOT NULL CHECK (list IN ('skill', 'certificate', 'language')),
    ordinal     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    valid_until TEXT,
    PRIMARY KEY (worker_id, list, ordinal)
) WITHOUT ROWID;
)SQL";

// v1.1 of the dossier format (dossier-format.md, "Additions in v1.1"), part 1: when a contract was
// concluded (NULL = not recorded; the engine takes its start) and work before this agency.
static char const* const migration_2 = R"SQL(
ALTER TABLE contract ADD COLUMN concluded_on TEXT;
CREATE TABLE prior_employment (
    worker_id  TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    employer   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    client_id  TEXT REFERENCES client(id),
    start      TEXT NOT NULL,
    end_date   TEXT,
    same_work  INTEGER,
    extra_json TEXT,
    PRIMARY KEY (worker_id, ordinal)
) WITHOUT ROWID;
)SQL";

// v1.1 of the dossier format, part 2: the agency's offices, clients' vacancies (with their
// requirement and wish lists), a worker's language and tasks done, placement shifts, and the
// application's matching fields. Shift lists are TEXT "dag,avond": NULL = not given, '' = none.
// Coordinates are INTEGER units of 1e-7 degree.
static char const* const migration_3 = R"SQL(
CREATE TABLE office (
    id         TEXT PRIMARY KEY,
    ordinal    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    extra_json TEXT
) WITHOUT ROWID;
CREATE TABLE vacancy (
    client_id           TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    ordinal             INTEGER NOT NULL,
    id                  TEXT NOT NULL,
    function            TEXT NOT NULL,
    code                TEXT,
    start               TEXT NOT NULL,
    end_date            TEXT,
    hours_milli         INTEGER,
    shifts              TEXT,
    hourly_cents        INTEGER,
    place               TEXT,
    lat_e7              INTEGER,
    lon_e7              INTEGER,
    req_education_level TEXT,
    req_text            TEXT,
    status              TEXT NOT NULL,
    extra_json          TEXT,
    PRIMARY KEY (client_id, ordinal),
    UNIQUE (client_id, id)
) WITHOUT ROWID;
CREATE TABLE vacancy_item (
    client_id       TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    vacancy_ordinal INTEGER NOT NULL,
    list            TEXT NOT NULL CHECK (list IN ('req_certificate', 'req_licence', 'req_language', 'req_skill',
                                                  'wish_skill', 'wish_certificate', 'wish_language')),
    ordinal         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    PRIMARY KEY (client_id, vacancy_ordinal, list, ordinal)
) WITHOUT ROWID;
ALTER TABLE worker ADD COLUMN language TEXT;
ALTER TABLE worker ADD COLUMN app_shifts TEXT;
ALTER TABLE worker ADD COLUMN app_available_from TEXT;
ALTER TABLE worker ADD COLUMN app_max_travel_milli INTEGER;
ALTER TABLE worker ADD COLUMN app_place TEXT;
ALTER TABLE worker ADD COLUMN app_lat_e7 INTEGER;
ALTER TABLE worker ADD COLUMN app_lon_e7 INTEGER;
ALTER TABLE placement ADD COLUMN shifts TEXT;
CREATE TABLE application_list (
    worker_id TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    list      TEXT NOT NULL CHECK (list IN ('licence', 'preferred_function')),
    ordinal   INTEGER NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (worker_id, list, ordinal)
) WITHOUT ROWID;
CREATE TABLE task_done (
    worker_id    TEXT NOT NULL REFERENCES worker(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    task         TEXT NOT NULL,
    placement_id TEXT,
    on_date      TEXT NOT NULL,
    by_whom      TEXT,
    how          TEXT,
    note         TEXT,
    extra_json   TEXT,
    PRIMARY KEY (worker_id, ordinal)
) WITHOUT ROWID;
)SQL";

// Issue 12: the matching log (AVG art. 22: a person decides; every run and decision is kept).
// Append-only: no row is ever changed, and none is deleted before it is 6 months old (the triggers
// refuse it, whatever program writes the file). Times are UTC "YYYY-MM-DDTHH:MM:SSZ" from the
// caller; worker and vacancy ids have no foreign key, so that the log outlives a re-import.
static char const* const migration_4 = R"SQL(
CREATE TABLE match_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    entry          TEXT NOT NULL CHECK (entry IN ('run', 'decision')),
    at             TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    by_whom        TEXT NOT NULL CHECK (length(by_whom) > 0),
    client_id      TEXT,
    vacancy_id     TEXT,
    worker_id      TEXT,
    reference_date TEXT,
    inputs_hash    TEXT,
    decision       TEXT CHECK (decision IN ('voorstellen', 'afwijzen')),
    reason         TEXT,
    detail_json    TEXT,
    CHECK (entry = 'run' OR (decision IS NOT NULL AND length(reason) > 0 AND worker_id IS NOT NULL
                             AND vacancy_id IS NOT NULL))
);
CREATE INDEX match_log_vacancy ON match_log(client_id, vacancy_id, id);
CREATE INDEX match_log_worker ON match_log(worker_id, id);
CREATE TRIGGER match_log_no_update BEFORE UPDATE ON match_log
BEGIN
    SELECT RAISE(ABORT, 'the matching log is append-only: entries are never changed');
END;
CREATE TRIGGER match_log_keep_6_months BEFORE DELETE ON match_log
WHEN julianday(replace(replace(OLD.at, 'T', ' '), 'Z', '')) > julianday('now', '-6 months')
BEGIN
    SELECT RAISE(ABORT, 'the matching log keeps every entry for at least 6 months');
END;
)SQL";

// Issue 13: whether a worker's dossier keeps guidance evidence (`tasks_done` given, even empty).
// A store written before knew only the rows: a worker with a task row kept evidence.
static char const* const migration_5 = R"SQL(
ALTER TABLE worker ADD COLUMN tasks_recorded INTEGER NOT NULL DEFAULT 0 CHECK (tasks_recorded IN (0, 1));
UPDATE worker SET tasks_recorded = 1 WHERE id IN (SELECT worker_id FROM task_done);
)SQL";

// Issue 16: the web application's users and the log of who looked at which dossier (AVG art. 5(2),
// accountability). Passwords only as Argon2id hashes (libsodium's crypto_pwhash_str). The access log
// is append-only: regelwerk never changes or deletes an entry (the triggers refuse it).
static char const* const migration_6 = R"SQL(
CREATE TABLE app_user (
    name          TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    role          TEXT NOT NULL CHECK (role IN ('intercedent', 'compliance', 'trainer', 'admin')),
    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) WITHOUT ROWID;
CREATE TABLE access_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    user_name TEXT NOT NULL CHECK (length(user_name) > 0),
    action    TEXT NOT NULL CHECK (length(action) > 0),
    worker_id TEXT
);
CREATE INDEX access_log_worker ON access_log(worker_id, id);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'the access log is append-only: entries are never changed');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'the access log is append-only: entries are never deleted');
END;
)SQL";

static char const* const migrations[] = {migration_1, migration_2, migration_3, migration_4, migration_5, migration_6};

int latest_schema_version() { return static_cast<int>(std::size(migrations)); }

void migrate(sqlite3* db, int from_version) {
    for (int v = from_version; v < latest_schema_version(); ++v) {
        exec(db, "BEGIN IMMEDIATE");
        try {
            exec(db, migrations[v]);
            exec(db, "PRAGMA application_id = " + std::to_string(application_id));
            exec(db, "PRAGMA user_version = " + std::to_string(v + 1));
            exec(db, "COMMIT");
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

}  // namespace rw::adapters::sqlite::detail
