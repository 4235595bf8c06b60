// Guidance (issue 13): taak_gedaan (which record closes which contract or placement), the timeline
// evaluation (a step done, done late, or due beyond the listing window stays visible), the task tag
// on findings, and recording a task in the store (one transaction; nothing written on any error).
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/engine.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace rw;
using namespace rw::engine;
namespace sq = rw::adapters::sqlite;
namespace ya = rw::adapters::yaml;

namespace {

day d(char const* s) { return *parse_date(s); }

std::string const rules = R"(
bron src "Bron" url "https://example.org/"
parameter actie.vooruitblik : weken
    8 weken vanaf 2000-01-01 volgens src

regel x.opgave
    soort actie
    taak wettelijk
    artikel "a" volgens src
    geldig vanaf 2020-01-01
    voor elk c in werker.contracten
    als werker.taken_bijgehouden
    termijn c.start + 6 dagen
    gedaan taak_gedaan("x.opgave", voor: c)
    na termijn overtreding
    melding nl "n"  melding en "e"  advies nl "a"  advies en "b"
    melding nl na termijn "n"  melding en na termijn "e"  advies nl na termijn "a"  advies en na termijn "b"

regel x.gesprek
    soort actie
    taak beleid
    artikel "beleid" volgens src
    geldig vanaf 2020-01-01
    voor elk p in werker.plaatsingen
    als werker.taken_bijgehouden
    termijn p.start + 13 weken
    gedaan taak_gedaan("x.gesprek", voor: p)
    zichtbaar vanaf 1 weken voor termijn
    melding nl "n"  melding en "e"  advies nl "a"  advies en "b"
    melding nl na termijn "n"  melding en na termijn "e"  advies nl na termijn "a"  advies en na termijn "b"
)";

std::shared_ptr<program const> compile() {
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>("t.rw", rules)}, diags);
    EXPECT_TRUE(prog) << dsl::render_all(diags);
    return prog;
}

/// Two contracts (C1 from 2026-03-02 to 2026-05-31, C2 from 2026-06-01), a placement in each.
worker two_periods() {
    worker w;
    w.id = "W1";
    w.name = "Anna";
    w.tasks_recorded = true;
    for (auto [id, start, end] : {std::tuple{"C1", "2026-03-02", "2026-05-31"}, std::tuple{"C2", "2026-06-01", ""}}) {
        contract c;
        c.id = id;
        c.start = d(start);
        if (*end) c.end = d(end);
        w.contracts.push_back(c);
        placement p;
        p.id = std::string("P") + (id + 1);
        p.contract = id;
        p.client = "K1";
        p.start = c.start;
        p.end = c.end;
        w.placements.push_back(p);
    }
    return w;
}

task_done record(char const* task, char const* on, char const* placement = nullptr) {
    task_done t;
    t.task = task;
    t.on = d(on);
    if (placement) t.placement = placement;
    t.by = "I. Janssen";
    t.how = "telefoon";
    return t;
}

std::vector<finding> of_rule(std::vector<finding> const& fs, char const* rule) {
    std::vector<finding> out;
    for (auto const& f : fs)
        if (f.rule == rule) out.push_back(f);
    return out;
}

std::vector<finding> evaluate(worker const& w, char const* at, bool timeline = false) {
    static auto prog = compile();
    evaluator ev(prog);
    agency ag;
    evaluation_options o{d(at), false};
    o.timeline = timeline;
    return ev.evaluate_worker(ag, client_index{}, w, o).findings;
}

}  // namespace

TEST(TaakGedaan, ARecordWithoutPlacementBelongsToThePeriodOfItsDay) {
    auto w = two_periods();
    // Made while C1 ran: closes C1's step, not C2's.
    w.tasks_done.push_back(record("x.opgave", "2026-03-05"));
    auto fs = of_rule(evaluate(w, "2026-06-20"), "x.opgave");
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].contract, "C2");
    EXPECT_EQ(fs[0].kind, finding_kind::violation);  // statutory, not done by its day
    // Made between the two (none runs): the next to start, C2.
    w.contracts[0].end = w.placements[0].end = d("2026-05-24");
    w.tasks_done = {record("x.opgave", "2026-03-05"), record("x.opgave", "2026-05-28")};
    EXPECT_TRUE(of_rule(evaluate(w, "2026-06-20"), "x.opgave").empty());
    // Made before the first: C1 (a statement given before the first working day).
    w.tasks_done = {record("x.opgave", "2026-02-20")};
    auto fs2 = of_rule(evaluate(w, "2026-06-20"), "x.opgave");
    ASSERT_EQ(fs2.size(), 1u);
    EXPECT_EQ(fs2[0].contract, "C2");
}

TEST(TaakGedaan, ARecordNamingAPlacementClosesThatPlacementAndItsContract) {
    auto w = two_periods();
    w.tasks_done = {record("x.opgave", "2026-03-05", "P2"), record("x.gesprek", "2026-06-29", "P1")};
    auto opgave = of_rule(evaluate(w, "2026-06-20"), "x.opgave");
    ASSERT_EQ(opgave.size(), 1u);
    EXPECT_EQ(opgave[0].contract, "C1");  // P2 is C2's: C1 is still not done
    // x.gesprek of P1 was due 2026-06-01 (13 weeks); the record names P1, so only P2's remains.
    w.contracts[0].end = d("2026-08-31");
    w.placements[0].end = d("2026-08-31");
    w.contracts[1].start = w.placements[1].start = d("2026-09-01");
    auto gesprek = of_rule(evaluate(w, "2026-12-01"), "x.gesprek");
    ASSERT_EQ(gesprek.size(), 1u);
    EXPECT_EQ(gesprek[0].placement, "P2");
}

TEST(TaakGedaan, AnotherTaskOrAnUntrackedDossierClosesNothingAndGivesNothing) {
    auto w = two_periods();
    w.tasks_done = {record("x.gesprek", "2026-03-05", "P1")};
    EXPECT_EQ(of_rule(evaluate(w, "2026-04-01"), "x.opgave").size(), 1u);
    w.tasks_recorded = false;
    w.tasks_done.clear();
    EXPECT_TRUE(evaluate(w, "2026-12-01").empty());
}

TEST(Timeline, KeepsStepsDoneDoneLateAndBeyondTheWindow) {
    auto w = two_periods();
    w.tasks_done = {record("x.opgave", "2026-03-06"), record("x.gesprek", "2026-06-10", "P1")};
    // The work list on 2026-06-20: C2's opgave is late (violation, open), C1's done on time is gone,
    // P1's gesprek (due 2026-06-01) done late is gone (policy), P2's (due 2026-08-31) not yet listed.
    auto normal = evaluate(w, "2026-06-20");
    ASSERT_EQ(normal.size(), 1u);
    EXPECT_EQ(normal[0].contract, "C2");
    auto all = evaluate(w, "2026-06-20", true);
    ASSERT_EQ(all.size(), 4u);
    for (auto const& f : all) {
        if (f.rule == "x.opgave" && f.contract == "C1") {
            EXPECT_EQ(f.done, d("2026-03-06"));
            EXPECT_EQ(f.kind, finding_kind::action);
            EXPECT_FALSE(f.open);
            EXPECT_EQ(f.task, "wettelijk");
        } else if (f.rule == "x.opgave") {
            EXPECT_FALSE(f.done);
            EXPECT_EQ(f.kind, finding_kind::violation);
            EXPECT_TRUE(f.open);
        } else if (f.placement == "P1") {
            EXPECT_EQ(f.done, d("2026-06-10"));  // 9 days late, still there
            EXPECT_EQ(f.due, d("2026-06-01"));
            EXPECT_EQ(f.kind, finding_kind::action);
            EXPECT_EQ(f.task, "beleid");
        } else {
            EXPECT_EQ(f.placement, "P2");
            EXPECT_EQ(f.due, d("2026-08-31"));  // beyond the one-week window
            EXPECT_TRUE(f.open);
        }
    }
    // A statutory step done late is a violation on the timeline too.
    w.tasks_done = {record("x.opgave", "2026-03-12")};
    for (auto const& f : of_rule(evaluate(w, "2026-06-20", true), "x.opgave"))
        if (f.contract == "C1") {
            EXPECT_EQ(f.kind, finding_kind::violation);
            EXPECT_EQ(f.done, d("2026-03-12"));
        }
}

TEST(Rulebook, EveryTaskRuleIsClosedByARecordOrADossierFieldAndTaggedLegalOrPolicy) {
    dsl::diagnostics diags;
    std::vector<dsl::source_ptr> sources;
    for (auto const& e : std::filesystem::recursive_directory_iterator(test::source_dir() / "rules"))
        if (e.path().extension() == ".rw") sources.push_back(dsl::load_source(e.path().string()));
    auto prog = bind_program(sources, diags);
    ASSERT_TRUE(prog) << dsl::render_all(diags);
    int legal = 0, policy = 0;
    for (auto const& r : prog->rules) {
        if (r.id.rfind("begeleiding.", 0) == 0) {
            EXPECT_EQ(r.task, "beleid") << r.id;
            EXPECT_TRUE(r.done_by_record) << r.id;
        }
        if (r.id.rfind("bw.informatie.", 0) == 0) {
            EXPECT_EQ(r.task, "wettelijk") << r.id;
            EXPECT_TRUE(r.done_by_record) << r.id;
        }
        legal += r.task == "wettelijk";
        policy += r.task == "beleid";
    }
    EXPECT_GE(legal, 4);
    EXPECT_GE(policy, 7);
    for (auto const* id : {"cao.kennisgeving", "bw.transitievergoeding"}) {
        auto it = std::find_if(prog->rules.begin(), prog->rules.end(), [&](auto const& r) { return r.id == id; });
        ASSERT_NE(it, prog->rules.end());
        EXPECT_TRUE(it->done_by_record) << id;  // the aggregate over werker.taken counts
    }
}

// ---- the store --------------------------------------------------------------------------------

namespace {

std::string demo_store(test::temp_dir& tmp) {
    dsl::diagnostics diags;
    auto dossier = ya::read_dossier(dsl::load_source((test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").string()), diags);
    EXPECT_TRUE(dossier) << dsl::render_all(diags);
    auto path = tmp.file("s.db");
    auto s = sq::store::open(path, sq::open_mode::create);
    s.import({*dossier});
    return path;
}

std::int64_t count(std::string const& path, std::string const& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
    std::int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

void raw(std::string const& path, std::string const& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

}  // namespace

TEST(StoreTasks, AppendsAfterTheOthersAndMarksGuidanceKept) {
    test::temp_dir tmp("tasks-append");
    auto path = demo_store(tmp);
    auto s = sq::store::open(path, sq::open_mode::read_write);
    EXPECT_FALSE(s.load_worker("W1001")->tasks_recorded);
    EXPECT_FALSE(s.append_task_done("W1001", record("begeleiding.kennismaking", "2026-07-14", "W1001-P1")));  // not kept before
    auto w = s.load_worker("W1001");
    EXPECT_TRUE(w->tasks_recorded);
    ASSERT_EQ(w->tasks_done.size(), 1u);
    EXPECT_EQ(w->tasks_done[0].task, "begeleiding.kennismaking");
    EXPECT_EQ(w->tasks_done[0].placement, std::optional<std::string>("W1001-P1"));
    EXPECT_EQ(w->tasks_done[0].by, std::optional<std::string>("I. Janssen"));
    auto before = s.load_worker("W1025")->tasks_done.size();
    EXPECT_TRUE(s.append_task_done("W1025", record("begeleiding.evaluatie_3", "2026-06-09", "W1025-P1")));  // kept already
    auto w25 = s.load_worker("W1025");
    ASSERT_EQ(w25->tasks_done.size(), before + 1);
    EXPECT_EQ(w25->tasks_done.back().task, "begeleiding.evaluatie_3");
}

TEST(StoreTasks, NothingIsWrittenOnAnyError) {
    test::temp_dir tmp("tasks-errors");
    auto path = demo_store(tmp);
    auto rows = [&] { return count(path, "SELECT COUNT(*) FROM task_done"); };
    auto kept = [&] { return count(path, "SELECT COUNT(*) FROM worker WHERE tasks_recorded = 1"); };
    auto const rows0 = rows(), kept0 = kept();
    {
        auto s = sq::store::open(path, sq::open_mode::read_write);
        EXPECT_THROW(s.append_task_done("W9999", record("begeleiding.kennismaking", "2026-07-14")), sq::store_error);
        EXPECT_THROW(s.append_task_done("W1001", record("begeleiding.kennismaking", "2026-07-14", "W1002-P1")), sq::store_error);
    }
    EXPECT_EQ(rows(), rows0);
    EXPECT_EQ(kept(), kept0);
    // A write that fails halfway (the worker row refuses the update after the task row was
    // inserted): the insert is rolled back too.
    raw(path, "CREATE TRIGGER no_mark BEFORE UPDATE OF tasks_recorded ON worker BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");
    {
        auto s = sq::store::open(path, sq::open_mode::read_write);
        try {
            s.append_task_done("W1001", record("begeleiding.kennismaking", "2026-07-14", "W1001-P1"));
            FAIL() << "expected store_error";
        } catch (sq::store_error const& e) {
            EXPECT_NE(std::string(e.what()).find("disk says no"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(rows(), rows0);
    EXPECT_EQ(kept(), kept0);
    raw(path, "DROP TRIGGER no_mark;");
    // A store opened read-only never writes.
    {
        auto s = sq::store::open(path, sq::open_mode::read_only);
        EXPECT_THROW(s.append_task_done("W1001", record("begeleiding.kennismaking", "2026-07-14", "W1001-P1")), sq::store_error);
    }
    EXPECT_EQ(rows(), rows0);
    EXPECT_EQ(kept(), kept0);
}
