// The SQLite store: a normalized schema (foreign keys on, WAL, PRAGMA user_version + numbered
// migrations), prepared statements only, every return code checked with the SQL in the message.
// One worker's dossier loads by indexed lookups; the audit streams all workers with one ordered
// pass per table, merged by worker id.
#pragma once

#include "rw/engine/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace rw::adapters::sqlite {

/// Any failure of the store, with SQLite's message and the SQL that failed.
class store_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class open_mode {
    read_only,  // never writes, never creates (audit, advise, export)
    read_write, // the file must exist and be a regelwerk store
    create      // create the file if missing, migrate to the current schema
};

struct worker_summary {
    std::string id;
    std::string name;
    int contracts = 0;
    int placements = 0;
    std::optional<engine::day> first_start;
    std::optional<engine::day> last_end;  // null when a contract is open-ended
    bool open_contract = false;
    int sicknesses = 0;
};

/// One entry of the matching log (issue 12, AVG art. 22): a match run (the ranking proposed) or a
/// person's decision about one candidate. Entries are appended, never changed.
struct match_log_entry {
    std::int64_t id = 0;              // assigned by the store, ascending
    std::string entry;                // "run" | "decision"
    std::string at;                   // UTC "YYYY-MM-DDTHH:MM:SSZ", given by the caller
    std::string by;                   // who ran or decided
    std::optional<std::string> client, vacancy, worker;
    std::optional<std::string> reference_date;  // the day matched on (ISO)
    std::optional<std::string> inputs_hash;     // a hash of what the run read
    std::optional<std::string> decision;        // "voorstellen" | "afwijzen"
    std::optional<std::string> reason;
    std::optional<std::string> detail_json;     // the ranking (run) or anything else to keep
};

/// A user of the web application (issue 16). Roles: intercedent, compliance, trainer, admin.
struct user_record {
    std::string name;
    std::string role;
    std::string password_hash;  // Argon2id, crypto_pwhash_str format ("$argon2id$...")
    std::string created_at;     // UTC "YYYY-MM-DDTHH:MM:SSZ"
    bool disabled = false;
};

/// One entry of the access log: who looked at or changed what, when (AVG accountability).
struct access_entry {
    std::int64_t id = 0;
    std::string at;      // UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string user;
    std::string action;  // "worker.view", "task.record", "login", ...
    std::optional<std::string> worker;
};

class store {
public:
    static constexpr int schema_version = 6;

    /// Opens (and, with open_mode::create, creates and migrates) a store; throws store_error with a
    /// clear message for a missing file, a file that is not a regelwerk store, or a corrupt one.
    static store open(std::string const& path, open_mode mode);
    store(store&&) noexcept;
    store& operator=(store&&) noexcept;
    ~store();

    int user_version() const;
    /// Something the user should know about how the store was opened (read-only media), or "".
    std::string const& notice() const { return notice_; }
    std::string const& path() const { return path_; }

    /// Writes every dossier in one transaction: all or nothing. The agency row is replaced,
    /// clients are upserted by id, each worker replaces the stored worker with the same id.
    void import(std::vector<engine::dossier> const& dossiers);

    /// A write transaction for bulk writers (import, generate): nothing is visible to readers
    /// until commit(); destroying an uncommitted writer rolls everything back.
    class writer {
    public:
        explicit writer(store& s);
        writer(writer const&) = delete;
        writer& operator=(writer const&) = delete;
        ~writer();
        void put_agency(engine::agency const& a);
        void put_client(engine::client const& c);
        void put_worker(engine::worker const& w);
        void commit();

    private:
        struct statements;
        store& store_;
        std::unique_ptr<statements> st_;
        bool done_ = false;
    };

    std::optional<engine::agency> load_agency(std::vector<engine::data_issue>* issues = nullptr) const;
    std::vector<engine::client> load_clients(std::vector<engine::data_issue>* issues = nullptr) const;
    /// One worker by id (indexed lookups); nullopt when unknown.
    std::optional<engine::worker> load_worker(std::string const& id, std::vector<engine::data_issue>* issues = nullptr) const;
    /// The whole store as one dossier (export), workers ordered by id. Rows and values that cannot
    /// be read (and rows of workers that do not exist) are reported in `issues` (when given).
    engine::dossier load_all(std::vector<engine::data_issue>* issues = nullptr) const;
    std::vector<worker_summary> list_workers() const;
    /// The first `limit` workers (by id) whose id or name contains `query` (ASCII case ignored);
    /// `total` (when given) receives how many match in all.
    std::vector<worker_summary> find_workers(std::string const& query, std::size_t limit, std::int64_t* total = nullptr) const;
    std::int64_t worker_count() const;

    /// Streams every worker in id order: one ordered pass per table, merged by worker id. Rows
    /// that cannot be read are reported in `issues` (per worker) instead of stopping the scan.
    /// The callback returns false to stop early.
    /// Child rows whose worker does not exist are reported through `orphan` (when given).
    /// `content_hash` (when given) receives an FNV-1a 64 hash of every row read, in key order.
    /// `which` = active_applicants streams only workers whose application is active (matching's
    /// candidates) and their rows; child rows of other workers are then not read (nor reported).
    enum class worker_selection : std::uint8_t { all, active_applicants };
    void for_each_worker(std::function<bool(engine::worker&&, std::vector<engine::data_issue>&&)> const& visit,
                         std::function<void(engine::data_issue&&)> const& orphan = {},
                         std::uint64_t* content_hash = nullptr, worker_selection which = worker_selection::all) const;

    /// The bare ordered read of every row the audit reads, doing nothing with it (bench/scan).
    struct scan_result {
        std::int64_t rows = 0;
        std::int64_t bytes = 0;
    };
    scan_result scan_rows() const;

    /// SQLite's PRAGMA data_version: changes when another connection (another process, or another
    /// store object) has committed since the last call on this one; this connection's own commits
    /// do not change it. A long-lived reader uses it to know when its caches are stale.
    std::int64_t data_version() const;

    /// A hash (FNV-1a 64, hex) over the store's content in key order, for report colophons.
    std::string content_hash() const;
    /// FNV-1a 64 over agency and client rows only (the audit hashes worker rows while streaming).
    std::uint64_t reference_data_hash() const;

    /// Appends an entry to the matching log in its own transaction and returns its id; throws
    /// store_error (nothing written) when a field is missing or malformed.
    std::int64_t append_match_log(match_log_entry const& e);
    /// The log for a vacancy (client may be empty: any client) or a worker, oldest first.
    std::vector<match_log_entry> match_log(std::optional<std::string> const& vacancy,
                                           std::optional<std::string> const& worker) const;

    /// Adds a user in its own transaction; throws store_error (nothing written) when the name exists
    /// or a field is invalid.
    void add_user(user_record const& u);
    std::optional<user_record> find_user(std::string const& name) const;
    std::vector<user_record> list_users() const;
    /// Disables (no login) or enables a user in its own transaction; false when there is no such
    /// user (nothing written). Users are never deleted: the access log names them.
    bool set_user_disabled(std::string const& name, bool disabled);
    /// Appends to the access log in its own transaction and returns the entry's id.
    std::int64_t append_access(access_entry const& e);
    /// The newest `limit` entries (newest first), for one worker when given.
    std::vector<access_entry> access_log(std::size_t limit, std::optional<std::string> const& worker = std::nullopt) const;
    /// Guidance (issue 13): records that a task was done (a tasks_done row after the worker's
    /// others) and marks the worker's guidance as kept, in one transaction, then reads the row
    /// back. Throws store_error, with nothing written, for an unknown worker, a placement the
    /// worker does not have, or any failed write. Returns whether guidance was already kept.
    bool append_task_done(std::string const& worker_id, engine::task_done const& t);

    sqlite3* handle() const { return db_; }

private:
    store(sqlite3* db, std::string path);
    sqlite3* db_ = nullptr;
    std::string path_;
    std::string notice_;
};

}  // namespace rw::adapters::sqlite
