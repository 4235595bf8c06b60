// Texts that know the day (issue 11): the wording after the deadline ('na termijn'), conditional
// wording ('als'), and a deadline on a weekend or holiday ('bij vrije dag werkdag ervoor | erna',
// finding.act_by, {handel_uiterlijk}).
#include "rw/engine/engine.hpp"

#include <gtest/gtest.h>

using namespace rw;
using namespace rw::engine;

namespace {

day d(char const* s) { return *parse_date(s); }

std::string const prelude = R"(
bron src "Bron" url "https://example.org/"
parameter actie.vooruitblik : weken
    8 weken vanaf 2000-01-01 volgens src
)";

std::shared_ptr<program const> compile(std::string const& text, std::string* errors = nullptr) {
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>("t.rw", prelude + text)}, diags);
    if (errors) *errors = dsl::render_all(diags);
    else EXPECT_TRUE(prog) << dsl::render_all(diags);
    return prog;
}

/// One worker with one contract that starts on `start` and ends on `end`.
worker worker_with(char const* start, char const* end) {
    worker w;
    w.id = "W1";
    w.name = "Anna";
    contract c;
    c.id = "C1";
    c.kind = contract_kind::bepaalde_tijd;
    c.start = d(start);
    c.end = d(end);
    w.contracts.push_back(c);
    return w;
}

// An action due on the contract's end, with wording before and after it, and for an ended contract.
std::string const step = R"(
regel x.stap
    soort actie
    artikel "a" volgens src
    geldig vanaf 2020-01-01
    voor elk c in werker.contracten
    termijn c.einde
    melding nl "uiterlijk {termijn}"
    melding en "by {termijn}"
    melding nl na termijn als c.start > 2026-06-01 "later begonnen, had uiterlijk {termijn} gemoeten"
    melding nl na termijn "had uiterlijk {termijn} gemoeten"
    melding en na termijn "was due by {termijn}"
    advies nl "doe het"
    advies en "do it"
    advies nl na termijn "doe het vandaag"
    advies en na termijn "do it today"
)";

finding only(std::shared_ptr<program const> const& prog, worker const& w, char const* at) {
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, w, {d(at), false});
    EXPECT_EQ(r.findings.size(), 1u);
    return r.findings.empty() ? finding{} : r.findings[0];
}

}  // namespace

TEST(Texts, BeforeAndOnTheDeadlineTheRuleSpeaksInTheFuture) {
    auto prog = compile(step);
    auto w = worker_with("2026-01-05", "2026-11-15");
    for (char const* at : {"2026-11-02", "2026-11-15"}) {
        auto f = only(prog, w, at);
        EXPECT_EQ(f.message_nl, "uiterlijk zo 15 nov 2026") << at;
        EXPECT_EQ(f.message_en, "by Sun 15 Nov 2026") << at;
        EXPECT_EQ(f.advice_nl, "doe het") << at;
    }
}

TEST(Texts, AfterTheDeadlineTheRuleSaysWhatShouldHaveBeenDone) {
    auto prog = compile(step);
    auto f = only(prog, worker_with("2026-01-05", "2026-11-15"), "2026-12-02");
    EXPECT_EQ(f.message_nl, "had uiterlijk zo 15 nov 2026 gemoeten");
    EXPECT_EQ(f.message_en, "was due by Sun 15 Nov 2026");
    EXPECT_EQ(f.advice_nl, "doe het vandaag");
    EXPECT_EQ(f.advice_en, "do it today");
}

TEST(Texts, TheFirstConditionalTextThatHoldsWinsWithTheGeneratorBound) {
    auto prog = compile(step);
    auto f = only(prog, worker_with("2026-07-01", "2026-11-15"), "2026-12-02");
    EXPECT_EQ(f.message_nl, "later begonnen, had uiterlijk zo 15 nov 2026 gemoeten");
    EXPECT_EQ(f.message_en, "was due by Sun 15 Nov 2026");  // no conditional English text: the rest
}

TEST(Texts, ActOnTheWorkingDayBeforeADeadlineOnASunday) {
    std::string rule = step;
    rule.replace(rule.find("    melding nl \"uiterlijk"), 0, "    bij vrije dag werkdag ervoor\n");
    rule.replace(rule.find("\"doe het\""), 9, "\"doe het uiterlijk {handel_uiterlijk}\"");
    auto prog = compile(rule);
    auto f = only(prog, worker_with("2026-01-05", "2026-11-15"), "2026-11-10");
    ASSERT_TRUE(f.due && f.act_by);
    EXPECT_EQ(*f.due, d("2026-11-15"));     // the deadline stands
    EXPECT_EQ(*f.act_by, d("2026-11-13"));  // the Friday before
    EXPECT_EQ(f.advice_nl, "doe het uiterlijk vr 13 nov 2026");
    // On the Saturday the Friday has passed but the deadline has not: act by the Sunday itself.
    auto sat = only(prog, worker_with("2026-01-05", "2026-11-15"), "2026-11-14");
    ASSERT_TRUE(sat.act_by);
    EXPECT_EQ(*sat.act_by, d("2026-11-13"));
    EXPECT_EQ(sat.advice_nl, "doe het uiterlijk zo 15 nov 2026");
    // On the Monday after, the step is late: the deadline did not move.
    auto late = only(prog, worker_with("2026-01-05", "2026-11-15"), "2026-11-16");
    EXPECT_TRUE(late.overdue);
    // A deadline on a working day has no act_by.
    auto wd = only(prog, worker_with("2026-01-05", "2026-11-13"), "2026-11-10");
    EXPECT_FALSE(wd.act_by);
}

TEST(Texts, AtwMovesADeadlineOnAHolidayToTheNextWorkingDay) {
    std::string rule = step;
    rule.replace(rule.find("    melding nl \"uiterlijk"), 0, "    bij vrije dag werkdag erna\n");
    auto prog = compile(rule);
    // 25 December 2026 (Friday) and 26 December are holidays, 27 December a Sunday: Monday 28th.
    auto w = worker_with("2026-01-05", "2026-12-25");
    auto f = only(prog, w, "2026-12-28");
    ASSERT_TRUE(f.due);
    EXPECT_EQ(*f.due, d("2026-12-28"));
    EXPECT_FALSE(f.act_by);
    EXPECT_FALSE(f.overdue);
    EXPECT_EQ(f.message_nl, "uiterlijk vr 25 dec 2026");  // before the (moved) deadline
    auto late = only(prog, w, "2026-12-29");
    EXPECT_TRUE(late.overdue);
    EXPECT_EQ(late.message_nl, "had uiterlijk vr 25 dec 2026 gemoeten");
}

TEST(Texts, ARuleWithADeadlineMustSayItsWordingAfterIt) {
    std::string errors;
    std::string rule = step;
    rule.erase(rule.find("    advies en na termijn"));
    auto prog = compile(rule, &errors);
    EXPECT_FALSE(prog);
    EXPECT_NE(errors.find("rule x.stap has a 'termijn' but no 'advies en na termijn'"), std::string::npos) << errors;
    EXPECT_NE(errors.find("[RW5101]"), std::string::npos) << errors;
}
