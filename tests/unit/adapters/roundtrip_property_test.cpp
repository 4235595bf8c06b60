// Property: for any seed, generate -> store -> export -> import -> export round-trips. `generate`
// once wrote permits ending before they started, which import refuses: a backup that cannot be
// restored. Each seed gets a fresh store; every seed's agency varies the CAO, reference date and
// client count so that the generator's branches are all reached.
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/synthetic.hpp"
#include "test_support.hpp"

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
        {
            auto st = sq::store::open(db, sq::open_mode::create);
            auto clients = engine::synthetic::make_clients(s);
            sq::store::writer w(st);
            w.put_agency(engine::synthetic::make_agency(s));
            for (auto const& c : clients) w.put_client(c);
            for (std::size_t i = 0; i < workers; ++i) w.put_worker(engine::synthetic::make_worker(s, clients, i));
            w.commit();
        }
        auto st = sq::store::open(db, sq::open_mode::read_only);
        std::vector<engine::data_issue> issues;
        auto exported = ya::write_dossier(st.load_all(&issues));
        ASSERT_TRUE(issues.empty()) << "seed " << s.seed << ": the store has unreadable rows, first: " << issues.front().message;
        auto src = std::make_shared<dsl::source_file>("seed-" + std::to_string(s.seed) + ".yaml", exported);
        dsl::diagnostics diags;
        auto back = ya::read_dossier(src, diags);
        ASSERT_TRUE(back) << "seed " << s.seed << ": import refuses what export wrote:\n" << dsl::render_all(diags);
        EXPECT_EQ(ya::write_dossier(*back), exported) << "seed " << s.seed;
    }
}
