// The temporal primitives: counted weeks, projection, "the day after the week of the Nth counted
// week" (with the 2023 transition), series split by gaps (exactly 6 months vs one day more), the
// phase timeline (3 years, 7th contract) and chains (4th contract after 26 worked weeks).
#include "rw/engine/temporal.hpp"

#include <gtest/gtest.h>

using namespace rw::engine;
using namespace rw::engine::temporal;

static day d(char const* s) { return *parse_date(s); }
static week_range weeks(char const* a, char const* b) { return {*parse_iso_week(a), *parse_iso_week(b)}; }
static contract make_contract(char const* id, contract_kind k, char const* start, char const* end) {
    contract c;
    c.id = id;
    c.kind = k;
    c.start = d(start);
    if (end) c.end = d(end);
    return c;
}
static dated constant(std::int64_t v) {
    return [v](day) { return std::optional<std::int64_t>(v); };
}

TEST(Temporal, CountedWeeksCountEachWeekOnceAndNothingAfterR) {
    worker w;
    w.worked_weeks = {weeks("2026-W01", "2026-W10")};
    w.paid_holiday_weeks = {weeks("2026-W10", "2026-W12")};
    auto all = counted_weeks(w, d("2026-03-11"), [](day) { return true; });  // R in W11
    EXPECT_EQ(all.size(), 11u);  // W01..W11: W10 once, W12 is after R
    auto worked_only = counted_weeks(w, d("2026-03-11"), [](day) { return false; });
    EXPECT_EQ(worked_only.size(), 10u);
}

TEST(Temporal, ProjectionAddsWeeksUnderARunningContract) {
    std::vector<contract> cs = {make_contract("C1", contract_kind::uitzendbeding, "2026-01-05", "2026-03-01")};
    auto p = project_weeks({d("2026-01-05")}, cs, d("2026-02-04"), 520);
    // R's week (W06) through W09 (the contract ends Sunday 2026-03-01).
    EXPECT_EQ(p.size(), 5u);
    EXPECT_EQ(p.back(), d("2026-02-23"));
}

TEST(Temporal, DayAfterTheNthWeek) {
    std::vector<day> mondays;
    for (int i = 0; i < 52; ++i) mondays.push_back(d("2025-01-06") + date::days{7 * i});
    auto b = day_after_nth_week(mondays, constant(52), {}, d("2025-01-06"));
    ASSERT_TRUE(b);
    EXPECT_EQ(*b, d("2026-01-05"));  // the 52nd week is 2026-W01, which ends on Sunday 2026-01-04
    auto none = day_after_nth_week(mondays, constant(53), {}, d("2025-01-06"));
    EXPECT_FALSE(none);
}

TEST(Temporal, TransitionOn2023_01_02MovesEveryoneBeyond52Weeks) {
    std::vector<day> mondays;
    for (int i = 0; i < 60; ++i) mondays.push_back(d("2021-10-25") + date::days{7 * i});  // 60 weeks by Dec 2022
    dated len = [](day x) -> std::optional<std::int64_t> { return x < d("2023-01-02") ? 78 : 52; };
    auto b = day_after_nth_week(mondays, len, {d("2023-01-02")}, d("2021-10-25"));
    ASSERT_TRUE(b);
    EXPECT_EQ(*b, d("2023-01-02"));
}

TEST(Temporal, AGapOfExactlySixMonthsDoesNotRestart) {
    std::vector<contract> cs = {make_contract("C1", contract_kind::uitzendbeding, "2025-01-06", "2025-03-31"),
                                make_contract("C2", contract_kind::uitzendbeding, "2025-09-30", "2025-12-31")};
    EXPECT_EQ(series_starts(cs, d("2026-01-01"), constant(6)).size(), 1u);
    // The gap 2025-04-01 ... 2025-09-30 is exactly 6 months: "niet meer dan zes maanden" (rule-catalogue v1.1).
    cs[1].start = d("2025-10-01");
    EXPECT_EQ(series_starts(cs, d("2026-01-01"), constant(6)).size(), 1u);
    cs[1].start = d("2025-10-02");  // the gap is one day more than 6 months
    auto s = series_starts(cs, d("2026-01-01"), constant(6));
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[1], d("2025-10-02"));
}

static phase_parameters catalogue_parameters() {
    phase_parameters p;
    p.gap_months = constant(6);
    p.fase_a_weeks = [](day, day) { return std::optional<std::int64_t>(52); };
    p.fase_b_months = constant(36);
    p.fase_b_max_contracts = constant(6);
    return p;
}

TEST(Temporal, PhasesAfter52WeeksAndThreeYears) {
    worker w;
    w.contracts = {make_contract("C1", contract_kind::uitzendbeding, "2022-01-03", nullptr)};
    w.worked_weeks = {weeks("2022-W01", "2026-W47")};
    auto counted = counted_weeks(w, d("2026-11-25"), [](day) { return false; });
    auto t = phases(w, counted, d("2026-11-25"), catalogue_parameters());
    ASSERT_TRUE(t.fase_b_start);
    EXPECT_EQ(*t.fase_b_start, d("2023-01-02"));  // the 52nd week is 2022-W52
    ASSERT_TRUE(t.fase_c_start);
    EXPECT_EQ(*t.fase_c_start, d("2026-01-02"));
    EXPECT_EQ(phase_on(t, d("2022-12-30")), 0);
    EXPECT_EQ(phase_on(t, d("2023-01-02")), 1);
    EXPECT_EQ(phase_on(t, d("2026-11-25")), 2);
    EXPECT_EQ(t.fase_a_weken, 52);
}

TEST(Temporal, TheSeventhContractStartsFaseC) {
    worker w;
    w.contracts.push_back(make_contract("A", contract_kind::uitzendbeding, "2024-01-01", "2024-12-29"));
    char const* starts[] = {"2024-12-30", "2025-02-03", "2025-03-03", "2025-04-07", "2025-05-05", "2025-06-02", "2025-07-07"};
    char const* ends[] = {"2025-02-02", "2025-03-02", "2025-04-06", "2025-05-04", "2025-06-01", "2025-07-06", "2025-12-28"};
    for (int i = 0; i < 7; ++i)
        w.contracts.push_back(make_contract(("B" + std::to_string(i)).c_str(), contract_kind::bepaalde_tijd, starts[i], ends[i]));
    w.worked_weeks = {weeks("2024-W01", "2025-W52")};
    auto counted = counted_weeks(w, d("2025-12-01"), [](day) { return false; });
    auto t = phases(w, counted, d("2025-12-01"), catalogue_parameters());
    ASSERT_TRUE(t.fase_b_start);
    EXPECT_EQ(*t.fase_b_start, d("2024-12-30"));
    ASSERT_TRUE(t.fase_c_start);
    EXPECT_EQ(*t.fase_c_start, d("2025-07-07"));  // B0 is the first, B6 the seventh
    EXPECT_EQ(t.fase_b_contracten, 7);
}

TEST(Temporal, FourthContractAfter26WorkedWeeksCrossesTheChain) {
    worker w;
    w.contracts = {make_contract("C1", contract_kind::bepaalde_tijd, "2025-01-06", "2025-07-06"),
                   make_contract("C2", contract_kind::bepaalde_tijd, "2025-07-07", "2025-09-28"),
                   make_contract("C3", contract_kind::bepaalde_tijd, "2025-09-29", "2025-11-30"),
                   make_contract("C4", contract_kind::bepaalde_tijd, "2025-12-01", "2026-03-01"),
                   make_contract("C5", contract_kind::bepaalde_tijd, "2026-03-02", "2026-06-28")};
    w.worked_weeks = {weeks("2025-W02", "2026-W26")};
    chain_parameters p;
    p.gap_months = constant(6);
    p.max_contracts = constant(3);
    p.max_months = constant(36);
    p.threshold_weeks = constant(26);
    p.threshold_gap_months = constant(12);
    auto cs = chains(w, d("2026-07-01"), p);
    ASSERT_EQ(cs.size(), 1u);
    ASSERT_TRUE(cs[0].counts_from);
    EXPECT_EQ(*cs[0].counts_from, d("2025-07-07"));  // after the 26th worked week (2025-W27)
    ASSERT_TRUE(cs[0].crossed_on);
    EXPECT_EQ(*cs[0].crossed_on, d("2026-03-02"));  // C2, C3, C4 count; C5 is the 4th
    EXPECT_EQ(cs[0].crossing_contract->id, "C5");
}
