// The YAML adapter: round trips (YAML -> store -> YAML gives the same dossier, every field including
// `extra`), the case reader on the public examples, and typed `extra` values.
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
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
    EXPECT_EQ(ya::write_dossier(loaded), ya::write_dossier(sorted(original)));
    // And the written text reads back to the same dossier.
    test::write_file(tmp.path() / "again.yaml", ya::write_dossier(loaded));
    auto again = read_ok(tmp.file("again.yaml"));
    EXPECT_EQ(ya::write_dossier(again), ya::write_dossier(loaded));
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
    EXPECT_EQ(ya::write_dossier(back), ya::write_dossier(d));
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
    EXPECT_EQ(ya::write_dossier(*a), ya::write_dossier(*b));
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
