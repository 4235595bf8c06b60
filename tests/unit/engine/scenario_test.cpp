// Scenarios: "known up to" (nothing recorded after it is used) is not "the day evaluated" (the
// horizon, with weeks projected from the contracts); a hypothetical contract and placement are
// added to a copy of the worker, never to the dossier. The rulebook's conclusions on both sides of
// each boundary are cases under casebase/scenario.
#include "rw/engine/scenario.hpp"
#include "rw/engine/temporal.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace rw;
using namespace rw::engine;

namespace {

day d(char const* s) { return *parse_date(s); }

contract make_contract(char const* id, char const* start, char const* end) {
    contract c;
    c.id = id;
    c.start = d(start);
    c.end = d(end);
    return c;
}

}  // namespace

TEST(Scenario, WeeksAfterKnownUntilAreProjectedFromContractsNotRead) {
    // Recorded: the 10 Mondays from 2026-01-05. Known until Wednesday 2026-02-25 (week of 02-23);
    // the contract ends Sunday 2026-03-22. Evaluated on 2026-04-08.
    std::vector<day> recorded;
    for (int i = 0; i < 10; ++i) recorded.push_back(d("2026-01-05") + date::days{7 * i});
    recorded.push_back(d("2026-03-30"));  // recorded after K: not known
    std::vector<contract> cs{make_contract("C1", "2026-01-05", "2026-03-22")};
    auto weeks = temporal::known_then_projected(recorded, cs, d("2026-02-25"), d("2026-04-08"));
    ASSERT_EQ(weeks.size(), 11u);  // 2026-01-05 .. 2026-03-16: 8 known + 3 projected
    EXPECT_EQ(weeks.front(), d("2026-01-05"));
    EXPECT_EQ(weeks.back(), d("2026-03-16"));
    // K == R: the recorded weeks up to R, nothing projected.
    auto same = temporal::known_then_projected(recorded, cs, d("2026-02-25"), d("2026-02-25"));
    EXPECT_EQ(same.size(), 8u);
}

TEST(Scenario, HypotheticalsGoToACopyAndClashesAreRefused) {
    dossier dd;
    worker w;
    w.id = "W1";
    w.contracts.push_back(make_contract("C1", "2026-01-05", "2026-03-22"));
    dd.workers.push_back(w);
    scenario s;
    s.worker = "W1";
    s.known_until = d("2026-04-01");
    s.from = d("2026-05-04");
    s.to = d("2026-06-28");
    s.contracts.push_back(make_contract("S1", "2026-05-04", "2026-06-28"));
    placement p;
    p.id = "SP1";
    p.contract = "S1";
    p.client = "K1";
    p.start = s.from;
    p.end = s.to;
    s.placements.push_back(p);
    auto aw = augmented_worker(dd, s);
    EXPECT_EQ(aw.contracts.size(), 2u);
    EXPECT_EQ(aw.placements.size(), 1u);
    EXPECT_EQ(dd.workers[0].contracts.size(), 1u);  // the dossier is untouched

    auto clash = s;
    clash.contracts[0].id = "C1";
    clash.placements[0].contract = "C1";
    EXPECT_THROW(augmented_worker(dd, clash), std::invalid_argument);
    auto dangling = s;
    dangling.placements[0].contract = "C9";
    EXPECT_THROW(augmented_worker(dd, dangling), std::invalid_argument);
    auto nobody = s;
    nobody.worker = "W9";
    EXPECT_THROW(augmented_worker(dd, nobody), std::invalid_argument);
}

TEST(Scenario, TheDaysThatMatterLieInTheHorizon) {
    dossier dd;
    worker w;
    w.id = "W1";
    w.birth_date = d("2006-03-15");
    dd.workers.push_back(w);
    scenario s;
    s.worker = "W1";
    s.known_until = d("2026-12-02");
    s.from = d("2027-01-06");  // a Wednesday
    s.to = d("2027-03-31");
    s.contracts.push_back(make_contract("S1", "2027-01-06", "2027-03-31"));
    auto aw = augmented_worker(dd, s);
    program prog;
    auto days = scenario_days(prog, dd, aw, s);
    ASSERT_FALSE(days.empty());
    EXPECT_EQ(days.front().on, s.from);
    EXPECT_EQ(days.back().on, s.to);
    bool birthday = false, monday = false;
    for (auto const& sd : days) {
        EXPECT_GE(sd.on, s.from);
        EXPECT_LE(sd.on, s.to);
        birthday = birthday || sd.on == d("2027-03-15");
        monday = monday || sd.on == d("2027-01-11");
    }
    EXPECT_TRUE(birthday);  // 21 on 2027-03-15: the youth minimum wage changes
    EXPECT_TRUE(monday);    // week counts change on Mondays
}
