// The SQLite store: migrations from an empty file, reopening, refusing files that are not a store,
// replacing workers on re-import, tolerating broken rows, and a second process reading during an
// import (it sees the old or the new data, never half).
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "dossier_compare.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <algorithm>
#include <chrono>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rw;
namespace sq = rw::adapters::sqlite;
namespace ya = rw::adapters::yaml;

static engine::dossier demo() {
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source((test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").string()), diags);
    EXPECT_TRUE(d) << dsl::render_all(diags);
    return *d;
}

static void raw_sql(std::string const& path, std::string const& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

TEST(Store, MigratesAnEmptyFileAndReopens) {
    test::temp_dir tmp("migrate");
    auto path = tmp.file("s.db");
    {
        auto s = sq::store::open(path, sq::open_mode::create);
        EXPECT_EQ(s.user_version(), sq::store::schema_version);
        EXPECT_EQ(s.worker_count(), 0);
    }
    {
        auto s = sq::store::open(path, sq::open_mode::read_write);
        EXPECT_EQ(s.user_version(), sq::store::schema_version);
        s.import({demo()});
    }
    auto s = sq::store::open(path, sq::open_mode::read_only);
    EXPECT_EQ(s.worker_count(), static_cast<std::int64_t>(demo().workers.size()));
    // A zero-length file is an empty database: import may migrate it.
    test::write_file(tmp.path() / "empty.db", "");
    EXPECT_NO_THROW(sq::store::open(tmp.file("empty.db"), sq::open_mode::create));
}

TEST(Store, RefusesWhatIsNotAStore) {
    test::temp_dir tmp("notastore");
    EXPECT_THROW(sq::store::open(tmp.file("missing.db"), sq::open_mode::read_only), sq::store_error);
    raw_sql(tmp.file("other.db"), "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    try {
        sq::store::open(tmp.file("other.db"), sq::open_mode::read_only);
        FAIL() << "expected store_error";
    } catch (sq::store_error const& e) {
        EXPECT_NE(std::string(e.what()).find("not a regelwerk store"), std::string::npos) << e.what();
    }
    test::write_file(tmp.path() / "junk.db", std::string(4096, 'x'));
    try {
        sq::store::open(tmp.file("junk.db"), sq::open_mode::read_only);
        FAIL() << "expected store_error";
    } catch (sq::store_error const& e) {
        EXPECT_NE(std::string(e.what()).find("corrupt"), std::string::npos) << e.what();
    }
    {
        auto s = sq::store::open(tmp.file("new.db"), sq::open_mode::create);
    }
    raw_sql(tmp.file("new.db"), "PRAGMA user_version = 99");
    EXPECT_THROW(sq::store::open(tmp.file("new.db"), sq::open_mode::read_only), sq::store_error);
}

TEST(Store, ReimportReplacesAWorkerAndKeepsTheRest) {
    test::temp_dir tmp("reimport");
    auto d = demo();
    auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
    s.import({d});
    auto before = s.worker_count();
    engine::dossier one;
    one.agency_info = d.agency_info;
    one.clients = d.clients;
    auto w = d.workers.front();
    w.name = "Renamed";
    w.contracts.resize(1);
    w.placements.erase(std::remove_if(w.placements.begin(), w.placements.end(),
                                      [&](auto const& p) { return p.contract != w.contracts[0].id; }),
                       w.placements.end());
    one.workers.push_back(w);
    s.import({one});
    EXPECT_EQ(s.worker_count(), before);
    auto back = s.load_worker(w.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->name, "Renamed");
    EXPECT_EQ(back->contracts.size(), 1u);
}

// Every field goes into the store and comes back as it was read from the YAML (compared in the model,
// field by field; not through the writer): the demo (v1) and the v1.1 example, whole and per worker.
TEST(Store, EveryFieldComesBackAsWrittenInTheInput) {
    for (auto const* file : {"casebase/demo/flexwerk-zuid.yaml", "tests/data/dossier-v1.1/flexwerk-v11.yaml"}) {
        dsl::diagnostics diags;
        auto in = ya::read_dossier(dsl::load_source((test::source_dir() / file).string()), diags);
        ASSERT_TRUE(in) << dsl::render_all(diags);
        test::temp_dir tmp("fields");
        {
            auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
            s.import({*in});
        }
        auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::read_only);
        for (auto const& w : in->workers) {
            auto back = s.load_worker(w.id);
            ASSERT_TRUE(back) << file << " " << w.id;
            engine::dossier a, b;
            a.agency_info = b.agency_info = in->agency_info;
            a.workers.push_back(w);
            b.workers.push_back(*back);
            EXPECT_EQ(test::joined(test::dossier_differences(a, b)), "") << file;
        }
        auto all = s.load_all();
        EXPECT_EQ(all.agency_info.name, in->agency_info.name);
        engine::dossier a = *in;
        std::sort(a.clients.begin(), a.clients.end(), [](auto const& x, auto const& y) { return x.id < y.id; });
        std::sort(a.workers.begin(), a.workers.end(), [](auto const& x, auto const& y) { return x.id < y.id; });
        EXPECT_EQ(test::joined(test::dossier_differences(a, all)), "") << file;
    }
}

TEST(Store, BrokenRowsBecomeDataIssuesNotCrashes) {
    test::temp_dir tmp("broken");
    {
        auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
        s.import({demo()});
    }
    raw_sql(tmp.file("s.db"),
            "PRAGMA foreign_keys = OFF;"
            "UPDATE contract SET start = '2026-02-30' WHERE worker_id = 'W1001' AND ordinal = 0;"
            "UPDATE placement SET contract_id = 'NOPE' WHERE worker_id = 'W1002' AND ordinal = 0;"
            "INSERT INTO sickness(worker_id, ordinal, first_day) VALUES ('W0000', 0, '2026-01-01');");
    auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::read_only);
    std::vector<engine::data_issue> issues, orphans;
    std::size_t workers = 0;
    s.for_each_worker(
        [&](engine::worker&&, std::vector<engine::data_issue>&& is) {
            ++workers;
            for (auto& i : is) issues.push_back(i);
            return true;
        },
        [&](engine::data_issue&& i) { orphans.push_back(i); });
    EXPECT_EQ(workers, demo().workers.size());
    ASSERT_GE(issues.size(), 2u);
    bool bad_date = false, dangling = false;
    for (auto const& i : issues) {
        bad_date = bad_date || (i.worker_id == "W1001" && i.message.find("2026-02-30") != std::string::npos);
        dangling = dangling || (i.worker_id == "W1002" && i.message.find("'NOPE' does not exist") != std::string::npos);
    }
    EXPECT_TRUE(bad_date);
    EXPECT_TRUE(dangling);
    ASSERT_EQ(orphans.size(), 1u);
    EXPECT_EQ(orphans[0].worker_id, "W0000");
}

// A second process opens the store while this one holds an import transaction open: it must see
// the old content; after the commit it must see the new content. Real processes, real files.
TEST(Store, ASecondProcessSeesOldOrNewNeverHalf) {
    test::temp_dir tmp("concurrent");
    auto path = tmp.file("s.db");
    auto d = demo();
    engine::dossier first = d, rest = d;
    first.workers.resize(5);
    rest.workers.erase(rest.workers.begin(), rest.workers.begin() + 5);
    {
        auto s = sq::store::open(path, sq::open_mode::create);
        s.import({first});
    }
    int to_child[2], to_parent[2];
    ASSERT_EQ(pipe(to_child), 0);
    ASSERT_EQ(pipe(to_parent), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // Child: wait for "import half done", count, report; wait for "committed", count, report.
        char c;
        int rc = 0;
        auto count = [&] { return sq::store::open(path, sq::open_mode::read_only).worker_count(); };
        if (read(to_child[0], &c, 1) != 1) _exit(10);
        std::int64_t during = count();
        if (write(to_parent[1], &during, sizeof during) != sizeof during) rc = 11;
        if (read(to_child[0], &c, 1) != 1) _exit(12);
        std::int64_t after = count();
        if (write(to_parent[1], &after, sizeof after) != sizeof after) rc = 13;
        _exit(rc);
    }
    std::int64_t during = -1, after = -1;
    {
        auto s = sq::store::open(path, sq::open_mode::read_write);
        sq::store::writer w(s);
        for (std::size_t i = 0; i < rest.workers.size() / 2; ++i) w.put_worker(rest.workers[i]);
        char go = 'g';
        ASSERT_EQ(write(to_child[1], &go, 1), 1);
        ASSERT_EQ(read(to_parent[0], &during, sizeof during), static_cast<ssize_t>(sizeof during));
        for (std::size_t i = rest.workers.size() / 2; i < rest.workers.size(); ++i) w.put_worker(rest.workers[i]);
        w.commit();
        ASSERT_EQ(write(to_child[1], &go, 1), 1);
        ASSERT_EQ(read(to_parent[0], &after, sizeof after), static_cast<ssize_t>(sizeof after));
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_EQ(during, 5);
    EXPECT_EQ(after, static_cast<std::int64_t>(d.workers.size()));
}

TEST(Store, AFailedWriterLeavesNothing) {
    test::temp_dir tmp("rollback");
    auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
    auto hash = s.content_hash();
    {
        sq::store::writer w(s);
        w.put_agency(demo().agency_info);
        // destroyed without commit
    }
    EXPECT_EQ(s.content_hash(), hash);
    EXPECT_FALSE(s.load_agency());
}

// Migrations 2 and 3 (dossier format v1.1) and 4 (the matching log): a store written by a schema-1 build upgrades in place
// when opened for writing, keeps its rows, and reads them with the new fields empty. A read-only
// open of the old store says how to migrate it.
TEST(Store, ASchema1StoreUpgradesToTheLatestSchema) {
    test::temp_dir tmp("upgrade");
    auto path = tmp.file("old.db");
    {
        auto s = sq::store::open(path, sq::open_mode::create);
        s.import({demo()});
    }
    // Turn it back into what a schema-1 build wrote: no migration-2 objects, user_version 1.
    raw_sql(path,
            "DROP TABLE task_done; DROP TABLE application_list; DROP TABLE vacancy_item; DROP TABLE vacancy;"
            "DROP TABLE office; ALTER TABLE placement DROP COLUMN shifts;"
            "ALTER TABLE worker DROP COLUMN language; ALTER TABLE worker DROP COLUMN app_shifts;"
            "ALTER TABLE worker DROP COLUMN app_available_from; ALTER TABLE worker DROP COLUMN app_max_travel_milli;"
            "ALTER TABLE worker DROP COLUMN app_place; ALTER TABLE worker DROP COLUMN app_lat_e7;"
            "ALTER TABLE worker DROP COLUMN app_lon_e7;"
            "DROP TABLE prior_employment;"
            "ALTER TABLE contract DROP COLUMN concluded_on;"
            "DROP TABLE match_log; ALTER TABLE worker DROP COLUMN tasks_recorded;"
            "DROP TABLE app_user; DROP TABLE access_log;"
            "PRAGMA user_version = 1;");
    try {
        sq::store::open(path, sq::open_mode::read_only);
        FAIL() << "expected store_error";
    } catch (sq::store_error const& e) {
        EXPECT_NE(std::string(e.what()).find("has schema 1"), std::string::npos) << e.what();
    }
    auto before = demo();
    {
        auto s = sq::store::open(path, sq::open_mode::read_write);
        EXPECT_EQ(s.user_version(), sq::store::schema_version);
        EXPECT_EQ(s.user_version(), 6);
        EXPECT_EQ(s.worker_count(), static_cast<std::int64_t>(before.workers.size()));
        auto w = s.load_worker(before.workers.front().id);
        ASSERT_TRUE(w);
        EXPECT_EQ(w->contracts.size(), before.workers.front().contracts.size());
        // Every v1 field survives the upgrade as it was written in the demo.
        {
            engine::dossier a, b;
            a.workers.push_back(before.workers.front());
            b.workers.push_back(*w);
            EXPECT_EQ(test::joined(test::dossier_differences(a, b)), "");
        }
        for (auto const& c : w->contracts) EXPECT_FALSE(c.concluded_on);
        EXPECT_TRUE(w->prior_employments.empty());
        EXPECT_TRUE(w->tasks_done.empty());
        EXPECT_FALSE(w->language);
        for (auto const& p : w->placements) EXPECT_FALSE(p.shifts);
        // The upgraded store takes v1.1 data.
        auto nw = before.workers.front();
        nw.contracts.front().concluded_on = nw.contracts.front().start - date::days{3};
        engine::prior_employment e;
        e.employer = "Uitzendbureau Noord BV";
        e.kind = engine::prior_employer_kind::agency;
        e.start = *engine::parse_date("2023-01-02");
        e.same_work = false;
        nw.prior_employments.push_back(e);
        nw.language = "pl";
        nw.placements.front().shifts = std::vector<engine::shift_kind>{};
        engine::dossier one;
        one.agency_info = before.agency_info;
        one.clients = before.clients;
        one.workers.push_back(nw);
        s.import({one});
    }
    auto s = sq::store::open(path, sq::open_mode::read_only);
    auto w = s.load_worker(before.workers.front().id);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->contracts.front().concluded_on, w->contracts.front().start - date::days{3});
    ASSERT_EQ(w->prior_employments.size(), 1u);
    EXPECT_EQ(w->prior_employments[0].same_work, std::optional<bool>(false));
    EXPECT_FALSE(w->prior_employments[0].end);
    EXPECT_EQ(w->language, std::optional<std::string>("pl"));
    ASSERT_TRUE(w->placements.front().shifts);  // known: no shifts (not unknown)
    EXPECT_TRUE(w->placements.front().shifts->empty());
}

// Issue 12 (AVG art. 22): the matching log is append-only. Runs and decisions come back in order,
// by vacancy and by worker (a run names the worker in its ranking); a decision without a reason is
// refused with nothing written; no entry can be changed, and none deleted before it is 6 months old.
TEST(Store, TheMatchingLogIsAppendOnly) {
    test::temp_dir tmp("matchlog");
    auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
    // Entries written now (the 6-month guard compares with the clock: a fixed date would expire).
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto stamp = [](auto t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); };
    sq::match_log_entry run;
    run.entry = "run";
    run.at = stamp(now);
    run.by = "M. Jansen";
    run.client = "K1";
    run.vacancy = "V1";
    run.reference_date = "2026-12-02";
    run.inputs_hash = "abc123";
    run.detail_json = R"({"ranking":["W1001","W1002"]})";
    auto run_id = s.append_match_log(run);
    sq::match_log_entry dec;
    dec.entry = "decision";
    dec.at = stamp(now + std::chrono::minutes(5));
    dec.by = "M. Jansen";
    dec.client = "K1";
    dec.vacancy = "V1";
    dec.worker = "W1002";
    dec.decision = "voorstellen";
    dec.reason = "beschikbaar en heftruckcertificaat";
    auto dec_id = s.append_match_log(dec);
    EXPECT_LT(run_id, dec_id);

    auto bad = dec;
    bad.reason = "";
    EXPECT_THROW(s.append_match_log(bad), sq::store_error);
    bad = dec;
    bad.at = "2 december";
    EXPECT_THROW(s.append_match_log(bad), sq::store_error);

    auto for_vacancy = s.match_log(std::string("V1"), std::nullopt);
    ASSERT_EQ(for_vacancy.size(), 2u);
    EXPECT_EQ(for_vacancy[0].entry, "run");
    EXPECT_EQ(for_vacancy[1].decision, "voorstellen");
    EXPECT_EQ(s.match_log(std::nullopt, std::string("W1001")).size(), 1u);  // ranked in the run
    EXPECT_EQ(s.match_log(std::nullopt, std::string("W1002")).size(), 2u);  // ranked and decided
    EXPECT_EQ(s.match_log(std::nullopt, std::string("W100")).size(), 0u);   // not a prefix match

    sqlite3* db = s.handle();
    EXPECT_NE(sqlite3_exec(db, "UPDATE match_log SET reason = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM match_log", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_EQ(s.match_log(std::nullopt, std::nullopt).size(), 2u);
    // An entry older than 6 months may go (retention ends; the store keeps it until someone removes it).
    auto old = run;
    old.at = "2025-01-02T08:00:00Z";
    s.append_match_log(old);
    EXPECT_EQ(sqlite3_exec(db, "DELETE FROM match_log WHERE at < '2025-02'", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_EQ(s.match_log(std::nullopt, std::nullopt).size(), 2u);
}

// Migration 5 (issue 13): a store written before kept only task rows; a worker with one kept
// guidance evidence, the others are unknown (an empty list could not be told from none).
TEST(Store, Migration5KnowsWhoKeptGuidanceEvidence) {
    test::temp_dir tmp("mig5");
    auto path = tmp.file("v4.db");
    dsl::diagnostics diags;
    auto original = ya::read_dossier(dsl::load_source((test::source_dir() / "tests/data/dossier-v1.1/flexwerk-v11.yaml").string()), diags);
    ASSERT_TRUE(original) << dsl::render_all(diags);
    {
        auto s = sq::store::open(path, sq::open_mode::create);
        s.import({*original});
    }
    raw_sql(path, "ALTER TABLE worker DROP COLUMN tasks_recorded; DROP TABLE app_user; DROP TABLE access_log; PRAGMA user_version = 4;");
    auto s = sq::store::open(path, sq::open_mode::read_write);
    EXPECT_EQ(s.user_version(), 6);
    EXPECT_TRUE(s.load_worker("W1001")->tasks_recorded);   // had task rows
    EXPECT_FALSE(s.load_worker("W1002")->tasks_recorded);  // `tasks_done: []` was not stored before
}

// Issue 16: users and the access log. A second user of the same name is refused and nothing is
// written; the access log can be neither changed nor emptied, whatever program writes the file.
TEST(Store, UsersAreUniqueAndTheAccessLogIsAppendOnly) {
    test::temp_dir tmp("store-users");
    auto path = tmp.file("u.db");
    auto s = sq::store::open(path, sq::open_mode::create);
    std::string const hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    s.add_user({"anna", "intercedent", hash, "2026-12-02T10:00:00Z", false});
    EXPECT_THROW(s.add_user({"anna", "admin", hash, "2026-12-02T10:00:01Z", false}), sq::store_error);
    EXPECT_THROW(s.add_user({"bert", "baas", hash, "2026-12-02T10:00:01Z", false}), sq::store_error);  // no such role
    EXPECT_THROW(s.add_user({"cees", "admin", "plain text", "2026-12-02T10:00:01Z", false}), sq::store_error);
    ASSERT_EQ(s.list_users().size(), 1u);
    EXPECT_EQ(s.find_user("anna")->role, "intercedent");
    EXPECT_FALSE(s.find_user("bert"));
    s.append_access({0, "2026-12-02T10:01:00Z", "anna", "werker.bekeken", std::string("W1")});
    s.append_access({0, "2026-12-02T10:02:00Z", "anna", "aanmelding", std::nullopt});
    EXPECT_THROW(s.append_access({0, "gisteren", "anna", "x", std::nullopt}), sq::store_error);
    auto log = s.access_log(10);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "aanmelding");  // newest first
    EXPECT_EQ(s.access_log(10, std::string("W1")).size(), 1u);
    auto refused = [&](char const* sql) {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
        sqlite3_close(db);
        return rc != SQLITE_OK;
    };
    EXPECT_TRUE(refused("UPDATE access_log SET user_name = 'x'"));
    EXPECT_TRUE(refused("DELETE FROM access_log"));
    EXPECT_EQ(sq::store::open(path, sq::open_mode::read_only).access_log(10).size(), 2u);
}

// Matching reads only the candidates (issue 12): the selection streams exactly the workers whose
// application is active, each as the full scan reads it, and hashes only their rows.
TEST(Store, TheActiveApplicantsSelectionReadsExactlyTheCandidates) {
    test::temp_dir tmp("candidates");
    auto d = demo();
    auto s = sq::store::open(tmp.file("s.db"), sq::open_mode::create);
    s.import({d});
    engine::dossier all, candidates;
    s.for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
        if (w.appl && w.appl->status == engine::application_status::active) all.workers.push_back(std::move(w));
        return true;
    });
    std::uint64_t h1 = 1;
    s.for_each_worker(
        [&](engine::worker&& w, std::vector<engine::data_issue>&&) {
            candidates.workers.push_back(std::move(w));
            return true;
        },
        {}, &h1, sq::store::worker_selection::active_applicants);
    ASSERT_GE(all.workers.size(), 4u);
    EXPECT_LT(all.workers.size(), static_cast<std::size_t>(s.worker_count()));
    EXPECT_EQ(test::joined(test::dossier_differences(all, candidates)), "");
    // A change to a non-candidate leaves the candidates' hash alone; a change to a candidate does not.
    auto hash_now = [&] {
        std::uint64_t h = 1;
        s.for_each_worker([](engine::worker&&, std::vector<engine::data_issue>&&) { return true; }, {}, &h,
                          sq::store::worker_selection::active_applicants);
        return h;
    };
    EXPECT_EQ(hash_now(), h1);
    auto other = std::find_if(d.workers.begin(), d.workers.end(),
                              [](auto const& w) { return !w.appl || w.appl->status != engine::application_status::active; });
    ASSERT_NE(other, d.workers.end());
    engine::dossier one;
    one.agency_info = d.agency_info;
    one.clients = d.clients;
    one.workers = {*other};
    one.workers[0].name += " (gewijzigd)";
    s.import({one});
    EXPECT_EQ(hash_now(), h1);
    one.workers = {all.workers.front()};
    one.workers[0].name += " (gewijzigd)";
    s.import({one});
    EXPECT_NE(hash_now(), h1);
}
