// Property: for any seed, generate -> store -> export -> import gives back the generated dossier, field
// by field (tests/support/dossier_compare.hpp: compared in the model, not through a second export, so
// a field the writer or the store drops is caught even though two exports of it would agree).
// `generate` once wrote permits ending before they started, which import refuses: a backup that
// cannot be restored. Each seed gets a fresh store; every seed's agency varies the CAO, reference date
// and client count so that the generator's branches are all reached.
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/synthetic.hpp"
#include "dossier_compare.hpp"
#include "test_support.hpp"

#include <algorithm>

#include <gtest/gtest.h>

using namespace rw;
namespace sq = rw::adapters::sqlite;
namespace ya = rw::adapters::yaml;

TEST(GenerateExportImport, RoundTripsForManySeeds) {
    test::temp_dir tmp("roundtrip");
    constexpr std::uint64_t seeds = 150;
    constexpr std::size_t workers = 40;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
        engine::synthetic::settings s;
        s.seed = seed * 7919;
        s.reference = *engine::parse_date("2026-01-05") + date::days{static_cast<int>(seed % 400)};
        s.cao = seed % 3 == 0 ? engine::cao_kind::nbbu : seed % 3 == 1 ? engine::cao_kind::abu : engine::cao_kind::none;
        s.clients = 5 + static_cast<int>(seed % 20);
        auto db = tmp.file("s" + std::to_string(seed) + ".db");
        engine::dossier generated;  // the input, kept to compare the end of the round trip with
        {
            auto st = sq::store::open(db, sq::open_mode::create);
            generated.agency_info = engine::synthetic::make_agency(s);
            generated.clients = engine::synthetic::make_clients(s);
            sq::store::writer w(st);
            w.put_agency(generated.agency_info);
            for (auto const& c : generated.clients) w.put_client(c);
            for (std::size_t i = 0; i < workers; ++i) {
                generated.workers.push_back(engine::synthetic::make_worker(s, generated.clients, i));
                w.put_worker(generated.workers.back());
            }
            w.commit();
        }
        std::sort(generated.clients.begin(), generated.clients.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
        std::sort(generated.workers.begin(), generated.workers.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
        auto st = sq::store::open(db, sq::open_mode::read_only);
        std::vector<engine::data_issue> issues;
        auto exported = ya::write_dossier(st.load_all(&issues));
        ASSERT_TRUE(issues.empty()) << "seed " << s.seed << ": the store has unreadable rows, first: " << issues.front().message;
        auto src = std::make_shared<dsl::source_file>("seed-" + std::to_string(s.seed) + ".yaml", exported);
        dsl::diagnostics diags;
        auto back = ya::read_dossier(src, diags);
        ASSERT_TRUE(back) << "seed " << s.seed << ": import refuses what export wrote:\n" << dsl::render_all(diags);
        auto diff = test::dossier_differences(generated, *back);
        EXPECT_TRUE(diff.empty()) << "seed " << s.seed << ": generated (left) vs after the round trip (right):\n"
                                  << test::joined(diff);
        if (!diff.empty()) break;
    }
}
