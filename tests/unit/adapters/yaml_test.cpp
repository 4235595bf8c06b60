// The YAML adapter: round trips (YAML -> store -> YAML gives the same dossier, every field including
// `extra`), the case reader on the public examples, and typed `extra` values. Round trips are checked
// against the input (the values written in the YAML, and the dossier read from it compared field by
// field in the model, tests/support/dossier_compare.hpp), not against a second export of the writer.
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "dossier_compare.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace rw;
namespace ya = rw::adapters::yaml;
namespace sq = rw::adapters::sqlite;

static engine::dossier read_ok(std::string const& path) {
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source(path), diags);
    EXPECT_FALSE(diags.has_errors()) << dsl::render_all(diags);
    return d.value_or(engine::dossier{});
}

static engine::dossier sorted(engine::dossier d) {
    std::sort(d.clients.begin(), d.clients.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
    std::sort(d.workers.begin(), d.workers.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
    return d;
}

TEST(YamlRoundTrip, DemoThroughStoreGivesTheSameDossier) {
    auto path = test::source_dir() / "casebase/demo/flexwerk-zuid.yaml";
    auto original = read_ok(path.string());
    ASSERT_GE(original.workers.size(), 25u);
    test::temp_dir tmp("roundtrip");
    {
        auto s = sq::store::open(tmp.file("demo.db"), sq::open_mode::create);
        s.import({original});
    }
    auto s = sq::store::open(tmp.file("demo.db"), sq::open_mode::read_only);
    auto loaded = s.load_all();
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), loaded)), "");
    // And the written text reads back to the same dossier.
    test::write_file(tmp.path() / "again.yaml", ya::write_dossier(loaded));
    auto again = read_ok(tmp.file("again.yaml"));
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), again)), "");
    // Values as written in casebase/demo/flexwerk-zuid.yaml, after import and export.
    EXPECT_EQ(again.agency_info.name, "Flexwerk Zuid BV");
    EXPECT_EQ(again.agency_info.lender_registered_from, engine::parse_date("2012-09-01"));
    EXPECT_FALSE(again.agency_info.wtta_admitted_from);
    ASSERT_FALSE(again.clients.empty());
    EXPECT_EQ(again.clients[0].id, "K1");
    ASSERT_GE(again.clients[0].reference_wages.size(), 2u);
    EXPECT_EQ(again.clients[0].reference_wages[1].hourly, engine::parse_money("14.85"));
    EXPECT_EQ(again.clients[0].reference_wages[1].from, engine::parse_date("2025-01-01"));
    auto w = std::find_if(again.workers.begin(), again.workers.end(), [](auto const& x) { return x.id == "W1021"; });
    ASSERT_NE(w, again.workers.end());
    EXPECT_EQ(w->name, "Arjun Sharma");
    EXPECT_EQ(w->birth_date, engine::parse_date("1994-07-16"));
    EXPECT_EQ(w->nationality, std::optional<std::string>("IN"));
    ASSERT_TRUE(w->ident);
    EXPECT_EQ(w->ident->document, engine::document_kind::passport);
    EXPECT_EQ(w->ident->number, std::optional<std::string>("P4827193"));
    EXPECT_EQ(w->ident->checked_on, engine::parse_date("2026-02-12"));
    EXPECT_EQ(w->ident->copy_kept, std::optional<bool>(true));
    ASSERT_TRUE(w->permit);
    EXPECT_EQ(w->permit->kind, engine::permit_kind::twv);
    EXPECT_EQ(w->permit->valid_until, engine::parse_date("2027-01-15"));
    EXPECT_FALSE(w->permit->notified_on);
    ASSERT_EQ(w->contracts.size(), 1u);
    EXPECT_EQ(w->contracts[0].kind, engine::contract_kind::uitzendbeding);
    EXPECT_EQ(w->contracts[0].start, engine::parse_date("2026-02-16"));
    EXPECT_FALSE(w->contracts[0].end);
    EXPECT_EQ(w->contracts[0].hours_per_week, engine::parse_decimal("40"));
    EXPECT_EQ(w->contracts[0].probation_months, std::optional<int>(0));
    ASSERT_EQ(w->placements.size(), 1u);
    EXPECT_EQ(w->placements[0].client, "K4");
    EXPECT_EQ(w->placements[0].function, std::optional<std::string>("lasser"));
    EXPECT_EQ(w->placements[0].hourly_wage, engine::parse_money("19.30"));
    ASSERT_EQ(w->worked_weeks.size(), 2u);
    EXPECT_EQ(w->worked_weeks[1].first, *engine::parse_iso_week("2026-W36"));
    EXPECT_EQ(w->worked_weeks[1].last, *engine::parse_iso_week("2026-W48"));
    ASSERT_TRUE(w->appl);
    EXPECT_EQ(w->appl->status, engine::application_status::placed);
    EXPECT_EQ(w->appl->skills, (std::vector<std::string>{"TIG-lassen", "MIG/MAG-lassen", "RVS"}));
    ASSERT_EQ(w->appl->certificates.size(), 2u);
    EXPECT_EQ(w->appl->certificates[1].valid_until, engine::parse_date("2029-03-14"));
    EXPECT_EQ(w->appl->education_level, std::optional<std::string>("mbo-4"));
    EXPECT_EQ(w->appl->postcode, std::optional<std::string>("5504DA"));
    EXPECT_EQ(w->extra_json,
              std::optional<std::string>(R"({"intercedent":"R. Peeters","vestiging":"Eindhoven","huisvesting":"Short Stay Veldhoven"})"));
}

TEST(YamlRoundTrip, ExtraKeepsTypesAndOrderOnEveryRecord) {
    test::temp_dir tmp("extra");
    std::string text = R"(format: regelwerk/dossier-1
agency: {name: X, cao: abu, extra: {kvk: "01234567", since: 2012}}
clients:
  - {id: K1, name: Y, extra: {sector: logistiek}}
workers:
  - id: W1
    name: Anna
    contracts:
      - {id: C1, kind: oproep, start: 2025-01-06, extra: {cao_schaal: "B", uren: [8, 16]}}
    placements:
      - {id: P1, contract: C1, client: K1, start: 2025-01-06, extra: {project: null}}
    sickness:
      - {first_day: 2025-03-03, extra: {melding: telefonisch}}
    extra:
      zeta: 1
      alpha: "1"
      nested: {list: [true, "true", 1.5, ~], text: 'ja'}
)";
    test::write_file(tmp.path() / "x.yaml", text);
    auto d = read_ok(tmp.file("x.yaml"));
    ASSERT_EQ(d.workers.size(), 1u);
    EXPECT_EQ(*d.workers[0].extra_json,
              R"({"zeta":1,"alpha":"1","nested":{"list":[true,"true",1.5,null],"text":"ja"}})");
    EXPECT_EQ(*d.agency_info.extra_json, R"({"kvk":"01234567","since":2012})");
    EXPECT_EQ(*d.workers[0].contracts[0].extra_json, R"({"cao_schaal":"B","uren":[8,16]})");
    {
        auto s = sq::store::open(tmp.file("x.db"), sq::open_mode::create);
        s.import({d});
    }
    auto loaded = sq::store::open(tmp.file("x.db"), sq::open_mode::read_only).load_all();
    test::write_file(tmp.path() / "y.yaml", ya::write_dossier(loaded));
    auto back = read_ok(tmp.file("y.yaml"));
    EXPECT_EQ(back.workers[0].extra_json, d.workers[0].extra_json);
    EXPECT_EQ(back.workers[0].placements[0].extra_json, d.workers[0].placements[0].extra_json);
    EXPECT_EQ(back.workers[0].sicknesses[0].extra_json, d.workers[0].sicknesses[0].extra_json);
    EXPECT_EQ(back.clients[0].extra_json, d.clients[0].extra_json);
    EXPECT_EQ(test::joined(test::dossier_differences(d, back)), "");
    // The values written in the text above, after import and export.
    EXPECT_EQ(back.agency_info.extra_json, std::optional<std::string>(R"({"kvk":"01234567","since":2012})"));
    ASSERT_EQ(back.workers.size(), 1u);
    auto const& c = back.workers[0].contracts.at(0);
    EXPECT_EQ(c.kind, engine::contract_kind::oproep);
    EXPECT_EQ(c.start, engine::parse_date("2025-01-06"));
    EXPECT_FALSE(c.end);
    EXPECT_EQ(c.extra_json, std::optional<std::string>(R"({"cao_schaal":"B","uren":[8,16]})"));
    EXPECT_EQ(back.workers[0].placements.at(0).extra_json, std::optional<std::string>(R"({"project":null})"));
    EXPECT_EQ(back.workers[0].sicknesses.at(0).first_day, engine::parse_date("2025-03-03"));
    EXPECT_EQ(back.workers[0].sicknesses.at(0).extra_json, std::optional<std::string>(R"({"melding":"telefonisch"})"));
    EXPECT_EQ(back.workers[0].extra_json,
              std::optional<std::string>(R"({"zeta":1,"alpha":"1","nested":{"list":[true,"true",1.5,null],"text":"ja"}})"));
}

TEST(YamlCase, ReadsThePublicExamples) {
    for (auto const* name : {"e01-fase-a-en-id.yaml", "e02-ziekte.yaml"}) {
        auto path = test::source_dir() / "../shared/spec/examples" / name;
        if (!std::filesystem::exists(path)) path = test::source_dir() / "casebase/voorbeelden" / name;
        dsl::diagnostics diags;
        auto c = ya::read_case(dsl::load_source(path.string()), diags);
        ASSERT_TRUE(c) << dsl::render_all(diags);
        EXPECT_FALSE(c->findings.empty());
        EXPECT_EQ(c->dossier_data.workers.size(), 1u);
    }
}

// `exactly` (case-format.md) is read: true where the file says so, false by default; anything but a
// boolean is an error at its position.
TEST(YamlCase, ExactlyIsRead) {
    dsl::diagnostics diags;
    auto on = ya::read_case(dsl::load_source((test::source_dir() / "tests/data/cases/exactly-extra-finding.yaml").string()), diags);
    ASSERT_TRUE(on) << dsl::render_all(diags);
    EXPECT_TRUE(on->exactly);
    auto off = ya::read_case(dsl::load_source((test::source_dir() / "tests/data/cases/exactly-false-allows-extra.yaml").string()), diags);
    ASSERT_TRUE(off) << dsl::render_all(diags);
    EXPECT_FALSE(off->exactly);
    auto absent = ya::read_case(dsl::load_source((test::source_dir() / "tests/data/cases/absent-typo.yaml").string()), diags);
    ASSERT_TRUE(absent) << dsl::render_all(diags);
    EXPECT_FALSE(absent->exactly);
    test::temp_dir tmp("exactly");
    auto text = test::read_file(test::source_dir() / "tests/data/cases/exactly-extra-finding.yaml");
    text.replace(text.rfind("exactly: true"), 13, "exactly: ja");
    test::write_file(tmp.path() / "bad.yaml", text);
    dsl::diagnostics bad;
    EXPECT_FALSE(ya::read_case(dsl::load_source(tmp.file("bad.yaml")), bad) && !bad.has_errors());
    EXPECT_NE(dsl::render_all(bad, true).find("exactly"), std::string::npos) << dsl::render_all(bad, true);
}

TEST(YamlDossier, AllErrorsOfAFileAreReported) {
    test::temp_dir tmp("errors");
    test::write_file(tmp.path() / "bad.yaml", R"(format: regelwerk/dossier-1
agency: {name: X, cao: abvv}
clients: []
workers:
  - {id: W1, name: A, birth_date: 2026-02-30}
  - {id: W2, name: B, contracts: [{id: C1, kind: vast, start: 2025-01-01}]}
)");
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source(tmp.file("bad.yaml")), diags);
    EXPECT_FALSE(d);
    EXPECT_EQ(diags.error_count(), 3u) << dsl::render_all(diags);
    auto text = dsl::render_all(diags, true);
    EXPECT_NE(text.find("bad.yaml:2:24: error: agency.cao: 'abvv' is not one of abu | nbbu | none"), std::string::npos) << text;
    EXPECT_NE(text.find("bad.yaml:5:35: error: workers[0].birth_date: '2026-02-30' is not a calendar date"), std::string::npos) << text;
    EXPECT_NE(text.find("workers[1].contracts[0].kind: 'vast'"), std::string::npos) << text;
}

TEST(YamlDossier, WorkedWeekOutsideContractsIsAWarningNotAnError) {
    test::temp_dir tmp("warn");
    test::write_file(tmp.path() / "w.yaml", R"(format: regelwerk/dossier-1
agency: {name: X, cao: abu}
workers:
  - id: W1
    name: A
    contracts: [{id: C1, kind: uitzendbeding, start: 2025-01-06, end: 2025-01-31}]
    worked_weeks: ["2025-W02..2025-W08"]
)");
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source(tmp.file("w.yaml")), diags);
    EXPECT_TRUE(d);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags.items()[0].level, dsl::severity::warning);
    EXPECT_NE(diags.items()[0].message.find("2025-W06 lies outside every contract"), std::string::npos);
}

// Dossier format v1.1 (all additions optional): the example reads, goes through the store and
// comes back as the same text; a v1 dossier exports without any v1.1 key.
TEST(YamlV11, AdditionsRoundTripThroughTheStore) {
    auto original = read_ok((test::source_dir() / "tests/data/dossier-v1.1/flexwerk-v11.yaml").string());
    ASSERT_EQ(original.workers.size(), 2u);
    auto const& w = original.workers[0];
    ASSERT_EQ(w.prior_employments.size(), 3u);
    EXPECT_EQ(w.prior_employments[0].employer, "Uitzendbureau Noord BV");
    EXPECT_EQ(w.prior_employments[0].kind, engine::prior_employer_kind::agency);
    EXPECT_EQ(w.prior_employments[0].client, std::optional<std::string>("K1"));
    EXPECT_EQ(w.prior_employments[0].same_work, std::optional<bool>(true));
    EXPECT_EQ(w.prior_employments[1].same_work, std::optional<bool>(false));
    EXPECT_FALSE(w.prior_employments[2].client);
    EXPECT_FALSE(w.prior_employments[2].end);
    EXPECT_FALSE(w.prior_employments[2].same_work);
    EXPECT_EQ(w.contracts[0].concluded_on, engine::parse_date("2025-04-02"));
    EXPECT_FALSE(w.contracts[1].concluded_on);
    EXPECT_EQ(w.contracts[1].concluded(), w.contracts[1].start);
    test::temp_dir tmp("v11");
    {
        auto s = sq::store::open(tmp.file("v11.db"), sq::open_mode::create);
        s.import({original});
    }
    auto s = sq::store::open(tmp.file("v11.db"), sq::open_mode::read_only);
    auto loaded = s.load_all();
    auto text = ya::write_dossier(loaded);
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), loaded)), "");
    EXPECT_NE(text.find("concluded_on: 2025-04-02"), std::string::npos) << text;
    EXPECT_NE(text.find("prior_employment:"), std::string::npos) << text;
    // The indexed load gives the same worker as the streaming pass.
    auto one = s.load_worker("W1001");
    ASSERT_TRUE(one);
    EXPECT_EQ(one->prior_employments.size(), 3u);
    EXPECT_EQ(one->contracts[0].concluded_on, engine::parse_date("2025-04-02"));
    test::write_file(tmp.path() / "again.yaml", text);
    auto again = read_ok(tmp.file("again.yaml"));
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), again)), "");
    // The values written in flexwerk-v11.yaml, after import and export.
    auto const& w2 = again.workers.at(0);
    ASSERT_EQ(w2.prior_employments.size(), 3u);
    EXPECT_EQ(w2.prior_employments[0].employer, "Uitzendbureau Noord BV");
    EXPECT_EQ(w2.prior_employments[0].kind, engine::prior_employer_kind::agency);
    EXPECT_EQ(w2.prior_employments[0].client, std::optional<std::string>("K1"));
    EXPECT_EQ(w2.prior_employments[0].same_work, std::optional<bool>(true));
    EXPECT_EQ(w2.prior_employments[1].same_work, std::optional<bool>(false));
    EXPECT_FALSE(w2.prior_employments[2].end);
    EXPECT_FALSE(w2.prior_employments[2].same_work);
    EXPECT_EQ(w2.contracts.at(0).concluded_on, engine::parse_date("2025-04-02"));
    EXPECT_FALSE(w2.contracts.at(1).concluded_on);
    // A v1 dossier writes no v1.1 key (export of an old store is unchanged). The demo as it was in v1
    // (before it kept guidance evidence, issue 13).
    auto demo = ya::write_dossier(read_ok((test::source_dir() / "tests/data/dossier-v1/flexwerk-zuid-v1.yaml").string()));
    for (auto const& dw : read_ok((test::source_dir() / "tests/data/dossier-v1/flexwerk-zuid-v1.yaml").string()).workers)
        EXPECT_FALSE(dw.tasks_recorded) << dw.id;
    for (auto const* key : {"concluded_on", "prior_employment", "offices", "vacancies", " language: ", "shifts", "tasks_done",
                            "licences", "available_from", "max_travel_km", " place: ", " lat: ", " lon: ", "preferred_functions"})
        EXPECT_EQ(demo.find(key), std::string::npos) << key;
}

TEST(YamlV11, Part2AdditionsReadAndRoundTrip) {
    auto original = read_ok((test::source_dir() / "tests/data/dossier-v1.1/flexwerk-v11.yaml").string());
    ASSERT_EQ(original.agency_info.offices.size(), 2u);
    EXPECT_EQ(original.agency_info.offices[1].name, "Hengelo");
    ASSERT_EQ(original.clients.size(), 2u);
    ASSERT_EQ(original.clients[0].vacancies.size(), 2u);
    auto const& v = original.clients[0].vacancies[0];
    EXPECT_EQ(v.function, "orderpicker");
    EXPECT_EQ(v.code, std::optional<std::string>("9321"));
    ASSERT_TRUE(v.shifts);
    EXPECT_EQ(*v.shifts, (std::vector<engine::shift_kind>{engine::shift_kind::dag, engine::shift_kind::avond}));
    EXPECT_EQ(v.lat->e7, 522658000);
    EXPECT_EQ(v.lon->e7, 67931000);
    EXPECT_EQ(v.requirements.licences, std::vector<std::string>{"heftruck"});
    EXPECT_EQ(v.requirements.text, std::optional<std::string>("Ervaring met scanners: handscanner of ringscanner"));
    EXPECT_EQ(v.wishes.languages, std::vector<std::string>{"en"});
    EXPECT_EQ(original.clients[0].vacancies[1].status, engine::vacancy_status::filled);
    EXPECT_FALSE(original.clients[0].vacancies[1].shifts);
    auto const& w = original.workers[0];
    EXPECT_EQ(w.language, std::optional<std::string>("pl"));
    ASSERT_TRUE(w.placements[0].shifts);
    EXPECT_EQ(w.placements[0].shifts->size(), 2u);
    ASSERT_TRUE(w.placements[1].shifts);  // [] = no shifts, not unknown
    EXPECT_TRUE(w.placements[1].shifts->empty());
    EXPECT_FALSE(original.workers[1].contracts.empty());
    ASSERT_EQ(w.tasks_done.size(), 2u);
    EXPECT_EQ(w.tasks_done[0].placement, std::optional<std::string>("P1"));
    EXPECT_EQ(w.tasks_done[0].note, std::optional<std::string>("Gaat goed; wil meer uren."));
    EXPECT_FALSE(w.tasks_done[1].placement);
    ASSERT_TRUE(w.appl);
    EXPECT_EQ(w.appl->licences, (std::vector<std::string>{"B", "heftruck"}));
    EXPECT_EQ(w.appl->available_from, engine::parse_date("2026-12-07"));
    EXPECT_EQ(w.appl->max_travel_km, engine::parse_decimal("25"));
    EXPECT_EQ(w.appl->place, std::optional<std::string>("Enschede"));
    EXPECT_EQ(w.appl->preferred_functions.size(), 2u);
    // Issue 13: `tasks_done: []` says guidance evidence is kept (none yet); absent says nothing.
    EXPECT_TRUE(w.tasks_recorded);
    EXPECT_TRUE(original.workers[1].tasks_recorded);
    EXPECT_TRUE(original.workers[1].tasks_done.empty());
    test::temp_dir tmp("v11b");
    {
        auto s = sq::store::open(tmp.file("v11.db"), sq::open_mode::create);
        s.import({original});
    }
    auto s = sq::store::open(tmp.file("v11.db"), sq::open_mode::read_only);
    auto loaded = s.load_all();
    auto text = ya::write_dossier(loaded);
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), loaded)), "");
    for (auto const* key : {"offices:", "vacancies:", "language: pl", "shifts: [dag, nacht]", "shifts: []", "tasks_done:",
                            "licences: [B, heftruck]", "available_from: 2026-12-07", "max_travel_km: 25", "lat: 52.2215",
                            "lon: 6.7931", "preferred_functions:", "status: filled"})
        EXPECT_NE(text.find(key), std::string::npos) << key << "\n" << text;
    auto one = s.load_worker("W1001");
    ASSERT_TRUE(one);
    EXPECT_EQ(one->tasks_done.size(), 2u);
    EXPECT_EQ(one->appl->licences.size(), 2u);
    test::write_file(tmp.path() / "again.yaml", text);
    auto again = read_ok(tmp.file("again.yaml"));
    EXPECT_EQ(test::joined(test::dossier_differences(sorted(original), again)), "");
    // The values written in flexwerk-v11.yaml, after import and export.
    ASSERT_EQ(again.agency_info.offices.size(), 2u);
    EXPECT_EQ(again.agency_info.offices[1].name, "Hengelo");
    auto const& v2 = again.clients.at(0).vacancies.at(0);
    EXPECT_EQ(v2.function, "orderpicker");
    EXPECT_EQ(v2.code, std::optional<std::string>("9321"));
    EXPECT_EQ(v2.shifts, (std::optional<std::vector<engine::shift_kind>>{{engine::shift_kind::dag, engine::shift_kind::avond}}));
    EXPECT_EQ(v2.lat->e7, 522658000);
    EXPECT_EQ(v2.lon->e7, 67931000);
    EXPECT_EQ(v2.requirements.licences, std::vector<std::string>{"heftruck"});
    EXPECT_EQ(v2.requirements.text, std::optional<std::string>("Ervaring met scanners: handscanner of ringscanner"));
    EXPECT_EQ(v2.wishes.languages, std::vector<std::string>{"en"});
    EXPECT_EQ(again.clients.at(0).vacancies.at(1).status, engine::vacancy_status::filled);
    EXPECT_FALSE(again.clients.at(0).vacancies.at(1).shifts);
    auto const& w2 = again.workers.at(0);
    EXPECT_EQ(w2.language, std::optional<std::string>("pl"));
    ASSERT_TRUE(w2.placements.at(1).shifts);  // [] = no shifts, not unknown
    EXPECT_TRUE(w2.placements.at(1).shifts->empty());
    ASSERT_EQ(w2.tasks_done.size(), 2u);
    EXPECT_EQ(w2.tasks_done[0].placement, std::optional<std::string>("P1"));
    EXPECT_EQ(w2.tasks_done[0].note, std::optional<std::string>("Gaat goed; wil meer uren."));
    EXPECT_FALSE(w2.tasks_done[1].placement);
    ASSERT_TRUE(w2.appl);
    EXPECT_EQ(w2.appl->licences, (std::vector<std::string>{"B", "heftruck"}));
    EXPECT_EQ(w2.appl->available_from, engine::parse_date("2026-12-07"));
    EXPECT_EQ(w2.appl->max_travel_km, engine::parse_decimal("25"));
    EXPECT_EQ(w2.appl->place, std::optional<std::string>("Enschede"));
}

TEST(YamlV11, Part2BadValuesAreErrorsWithPositions) {
    test::temp_dir tmp("v11bad2");
    test::write_file(tmp.path() / "bad.yaml", R"(format: regelwerk/dossier-1
agency: {name: X, cao: abu, offices: [{id: O1, name: A}, {id: O1, name: B}]}
clients:
  - id: K1
    name: Y
    vacancies:
      - {id: V1, function: f, start: 2027-01-04, end: 2026-01-04, shifts: [dag, vroeg], lat: 95.1, lon: 6.7, status: gesloten}
      - {id: V2, function: f, start: 2027-01-04, lat: 52.1, requirements: {education_level: phd, diploma: x}}
workers:
  - id: W1
    name: A
    language: PL
    contracts: [{id: C1, kind: oproep, start: 2025-01-06}]
    placements: [{id: P1, contract: C1, client: K1, start: 2025-01-06, shifts: dag}]
    tasks_done:
      - {task: begeleiding.evaluatie, placement: P9, on: 2025-06-31}
    application: {status: active, shifts: [nacht, nacht], max_travel_km: veel}
)");
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source(tmp.file("bad.yaml")), diags);
    EXPECT_FALSE(d);
    auto text = dsl::render_all(diags, true);
    for (auto const* want :
         {"agency.offices[1].id: duplicate office id 'O1'",
          "clients[0].vacancies[0].end: vacancy ends (2026-01-04) before it starts (2027-01-04)",
          "clients[0].vacancies[0].shifts[1]: 'vroeg' is not one of dag | avond | nacht | weekend",
          "clients[0].vacancies[0].lat: '95.1' is out of range (-90 .. 90)",
          "clients[0].vacancies[0].status: 'gesloten' is not one of open | filled | cancelled",
          "clients[0].vacancies[1].lat: 'lat' and 'lon' go together: 'lon' is missing",
          "clients[0].vacancies[1].requirements.education_level: 'phd' is not one of",
          "clients[0].vacancies[1].requirements: unknown key 'diploma'",
          "workers[0].language: expected an ISO 639 language code in lower case (nl, en, pl, ro), got 'PL'",
          "workers[0].placements[0].shifts: expected a list",
          "workers[0].tasks_done[0].placement: no placement 'P9' in this worker (did you mean 'P1'?)",
          "workers[0].tasks_done[0].on: '2025-06-31' is not a calendar date",
          "workers[0].application.shifts[1]: shift 'nacht' is listed twice",
          "workers[0].application.max_travel_km: expected a number (32 or 37.5), got 'veel'"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    EXPECT_EQ(diags.error_count(), 14u) << text;
    EXPECT_NE(text.find("bad.yaml:7:94: error: clients[0].vacancies[0].lat"), std::string::npos) << text;
}

TEST(YamlCase, MatchExpectationsAreReadAndKept) {
    test::temp_dir tmp("match");
    test::write_file(tmp.path() / "c.yaml", R"(format: regelwerk/case-1
id: match-voorbeeld
reference_date: 2026-11-23
dossier:
  agency: {name: X, cao: abu}
  clients:
    - {id: K1, name: Y, vacancies: [{id: V1, function: orderpicker, start: 2027-01-04}]}
  workers:
    - {id: W1, name: A, application: {status: active}}
    - {id: W2, name: B, application: {status: active}}
expect:
  findings: []
  match:
    - vacancy: V1
      blocked:
        - {worker: W2, rule: wav.vergunning}
      eligible: [W1]
      top: [W1]
)");
    dsl::diagnostics diags;
    auto c = ya::read_case(dsl::load_source(tmp.file("c.yaml")), diags);
    ASSERT_TRUE(c) << dsl::render_all(diags);
    ASSERT_EQ(c->matches.size(), 1u);
    EXPECT_EQ(c->matches[0].vacancy, "V1");
    ASSERT_EQ(c->matches[0].blocked.size(), 1u);
    EXPECT_EQ(c->matches[0].blocked[0].worker, "W2");
    EXPECT_EQ(c->matches[0].blocked[0].rule, "wav.vergunning");
    EXPECT_EQ(c->matches[0].eligible, std::optional<std::vector<std::string>>({"W1"}));
    EXPECT_EQ(c->matches[0].top, std::optional<std::vector<std::string>>({"W1"}));
    // Still strict: an unknown key under a match is an error at its position.
    test::write_file(tmp.path() / "bad.yaml", R"(format: regelwerk/case-1
id: x
reference_date: 2026-11-23
dossier: {agency: {name: X, cao: abu}}
expect:
  match:
    - {vacancy: V1, eligble: [W1]}
)");
    dsl::diagnostics bad;
    EXPECT_FALSE(ya::read_case(dsl::load_source(tmp.file("bad.yaml")), bad));
    EXPECT_NE(dsl::render_all(bad, true).find("bad.yaml:7:21: error: expect.match[0]: unknown key 'eligble' (did you mean 'eligible'?)"),
              std::string::npos)
        << dsl::render_all(bad, true);
}

TEST(YamlV11, BadPriorEmploymentAndConcludedOnAreErrorsWithPositions) {
    test::temp_dir tmp("v11bad");
    test::write_file(tmp.path() / "bad.yaml", R"(format: regelwerk/dossier-1
agency: {name: X, cao: abu}
clients: [{id: K1, name: Y}]
workers:
  - id: W1
    name: A
    prior_employment:
      - {employer: Z, kind: agency, client: K9, start: 2024-01-08, end: 2023-12-29}
      - {employer: Z, kind: uitzendbureau, start: 2024-01-08, same_work: ja}
      - {kind: other, start: 2024-13-01, salary: 10}
    contracts:
      - {id: C1, kind: oproep, start: 2025-01-06, concluded_on: 2025-02-30}
)");
    dsl::diagnostics diags;
    auto d = ya::read_dossier(dsl::load_source(tmp.file("bad.yaml")), diags);
    EXPECT_FALSE(d);
    auto text = dsl::render_all(diags, true);
    for (auto const* want :
         {"bad.yaml:8:45: error: workers[0].prior_employment[0].client: no client 'K9' (did you mean 'K1'?)",
          "bad.yaml:8:73: error: workers[0].prior_employment[0].end: prior employment ends (2023-12-29) before it starts "
          "(2024-01-08)",
          "bad.yaml:9:29: error: workers[0].prior_employment[1].kind: 'uitzendbureau' is not one of agency | client | other",
          "bad.yaml:9:74: error: workers[0].prior_employment[1].same_work: expected true or false, got 'ja'",
          "workers[0].prior_employment[2]: missing required key 'employer'",
          "bad.yaml:10:30: error: workers[0].prior_employment[2].start: '2024-13-01' is not a calendar date",
          "workers[0].prior_employment[2]: unknown key 'salary'",
          "bad.yaml:12:65: error: workers[0].contracts[0].concluded_on: '2025-02-30' is not a calendar date"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    EXPECT_EQ(diags.error_count(), 8u) << text;
}

// ---- issue 9: limits and reading worker by worker -------------------------------------------------

static std::string errors_of(std::string const& name, std::string const& text) {
    dsl::diagnostics diags;
    auto d = ya::read_dossier(std::make_shared<dsl::source_file>(name, text), diags);
    EXPECT_FALSE(d) << name;
    std::string got;
    for (auto const& x : diags.sorted())
        if (x.level == dsl::severity::error) got += dsl::render_gnu(x);
    return got;
}

static std::string const head = "format: regelwerk/dossier-1\nagency: {name: Bureau, cao: abu}\nclients: []\nworkers:\n";

TEST(YamlLimits, AHugeValueIsRefusedAndNotEchoedWhole) {
    std::string big(2u << 20, 'x');
    auto got = errors_of("big.yaml", head + "  - id: W1\n    name: " + big + "\n");
    EXPECT_NE(got.find("big.yaml:6:11: error: a value of 2097152 bytes (at most 1048576): 'xxxx"), std::string::npos) << got.substr(0, 300);
    EXPECT_LT(got.size(), 300u);
    // Rendered for a terminal, the excerpt is cut too.
    dsl::diagnostics diags;
    ya::read_dossier(std::make_shared<dsl::source_file>("big.yaml", head + "  - id: W1\n    name: " + big + "\n"), diags);
    EXPECT_LT(dsl::render_all(diags).size(), 1000u);
}

TEST(YamlStreaming, WorkerByWorkerReadsWhatTheWholeFileReads) {
    // The same workers in block style (read item by item) and in flow style (read whole) give the
    // same dossier; errors carry the same file positions and indices either way.
    std::string block = head;
    std::string flow = "format: regelwerk/dossier-1\nagency: {name: Bureau, cao: abu}\nclients: []\nworkers: [\n";
    for (int i = 0; i < 50; ++i) {
        std::string id = "W" + std::to_string(1000 + i);
        block += "  - id: " + id + "\n    name: Naam " + std::to_string(i) + "\n    contracts:\n      - {id: C1, kind: uitzendbeding, start: 2025-01-06}\n";
        flow += std::string(i ? ",\n" : "") + "  {id: " + id + ", name: Naam " + std::to_string(i) +
                ", contracts: [{id: C1, kind: uitzendbeding, start: 2025-01-06}]}";
    }
    flow += "]\n";
    dsl::diagnostics d1, d2;
    auto a = ya::read_dossier(std::make_shared<dsl::source_file>("block.yaml", block), d1);
    auto b = ya::read_dossier(std::make_shared<dsl::source_file>("flow.yaml", flow), d2);
    ASSERT_TRUE(a) << dsl::render_all(d1);
    ASSERT_TRUE(b) << dsl::render_all(d2);
    EXPECT_EQ(a->workers.size(), 50u);
    EXPECT_EQ(test::joined(test::dossier_differences(*a, *b)), "");
    // The values as written, in both styles.
    for (auto const* x : {&*a, &*b}) {
        ASSERT_EQ(x->workers.size(), 50u);
        EXPECT_EQ(x->agency_info.name, "Bureau");
        EXPECT_EQ(x->workers[49].id, "W1049");
        EXPECT_EQ(x->workers[49].name, "Naam 49");
        ASSERT_EQ(x->workers[49].contracts.size(), 1u);
        EXPECT_EQ(x->workers[49].contracts[0].id, "C1");
        EXPECT_EQ(x->workers[49].contracts[0].kind, engine::contract_kind::uitzendbeding);
        EXPECT_EQ(x->workers[49].contracts[0].start, engine::parse_date("2025-01-06"));
    }
    // A duplicate id in the 41st item and a bad date in the 50th: found across items, at their lines.
    std::string bad = block;
    bad.replace(bad.find("id: W1040"), 9, "id: W1003");
    bad.replace(bad.rfind("start: 2025-01-06"), 17, "start: 2025-02-30");
    EXPECT_EQ(errors_of("bad.yaml", bad),
              "bad.yaml:165:9: error: workers[40].id: duplicate worker id 'W1003'\n"
              "bad.yaml:204:46: error: workers[49].contracts[0].start: '2025-02-30' is not a calendar date\n");
    // Aliases are read whole (an alias may point into another worker).
    std::string aliased = head + "  - id: W1\n    name: &n Naam\n  - id: W2\n    name: *n\n";
    dsl::diagnostics d3;
    auto c = ya::read_dossier(std::make_shared<dsl::source_file>("alias.yaml", aliased), d3);
    ASSERT_TRUE(c) << dsl::render_all(d3);
    EXPECT_EQ(c->workers[1].name, "Naam");
}
