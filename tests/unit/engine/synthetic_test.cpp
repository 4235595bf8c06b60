// The synthetic agency fills the dossier format v1.1 fields plausibly: contracts concluded a few
// days before their start, prior employment that ends before the first contract here, languages,
// placement shifts (drawn from their own random stream, so the v1 fields of a seed are unchanged).
#include "rw/engine/synthetic.hpp"

#include <gtest/gtest.h>

using namespace rw::engine;

TEST(Synthetic, FillsTheV11FieldsPlausibly) {
    synthetic::settings s;
    s.seed = 7;
    s.reference = *parse_date("2026-11-25");
    auto clients = synthetic::make_clients(s);
    int concluded = 0, prior = 0, language = 0, shifts = 0, contracts = 0;
    for (std::size_t i = 0; i < 1500; ++i) {
        auto w = synthetic::make_worker(s, clients, i);
        for (auto const& c : w.contracts) {
            ++contracts;
            if (!c.concluded_on) continue;
            ++concluded;
            EXPECT_LE(*c.concluded_on, c.start);
            EXPECT_GE(*c.concluded_on, c.start - date::days{10});
        }
        for (auto const& p : w.placements) shifts += p.shifts ? 1 : 0;
        language += w.language ? 1 : 0;
        day before = w.contracts.empty() ? s.reference : w.contracts.front().start;
        for (auto it = w.prior_employments.rbegin(); it != w.prior_employments.rend(); ++it) {
            ++prior;
            if (it->end) {
                EXPECT_LT(*it->end, before) << w.id;
                EXPECT_LE(it->start, *it->end) << w.id;
            }
            EXPECT_LT(it->start, before) << w.id;
            if (it->client) {
                bool found = false;
                for (auto const& k : clients) found = found || k.id == *it->client;
                EXPECT_TRUE(found) << w.id << " " << *it->client;
            }
            before = it->start;
        }
    }
    EXPECT_GT(concluded, contracts / 2);
    EXPECT_LT(concluded, contracts);  // some left to the default (the start)
    EXPECT_GT(prior, 50);
    EXPECT_GT(language, 100);
    EXPECT_GT(shifts, 100);
}
