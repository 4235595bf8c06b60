// The tariff (issue 14) over the real rulebook: properties that hold for every quote, and the
// language's tariff declaration on a small program.
//   1. A quote whose tariff lies below its cost is refused; an accepted tariff is never below cost.
//   2. The cost price is never below wage x (1 + holiday allowance) (the holiday allowance as the
//      rulebook's parameter kosten.vakantiebijslag on that day, read from the program's versions).
#include "test_support.hpp"

#include "rw/dsl/source.hpp"
#include "rw/engine/tariff.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace rw::engine {
namespace {

__extension__ using wide = __int128;

std::shared_ptr<program const> rulebook() {
    static std::shared_ptr<program const> prog = [] {
        std::vector<dsl::source_ptr> files;
        for (auto const& e : std::filesystem::recursive_directory_iterator(test::source_dir() / "rules"))
            if (e.path().extension() == ".rw") files.push_back(dsl::load_source(e.path().string()));
        dsl::diagnostics diags;
        auto p = bind_program(files, diags);
        EXPECT_TRUE(p) << dsl::render_all(diags);
        return p;
    }();
    return prog;
}

/// The parameter's value (millionths) on d, straight from its dated versions.
std::int64_t param_micro(program const& prog, std::string const& name, day d) {
    int i = prog.param_index(name);
    EXPECT_GE(i, 0) << name;
    for (auto const& v : prog.params[static_cast<std::size_t>(i)].versions)
        if (v.from <= d && (!v.to || d <= *v.to)) return v.v.i;
    ADD_FAILURE() << name << " has no value on " << format_date(d);
    return 0;
}

TEST(Tariff, NeverBelowCostAndCostCoversWageAndHolidayAllowance) {
    auto prog = rulebook();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    std::mt19937 rng(14);
    char const* kinds[] = {"uitzendbeding", "bepaalde_tijd", "onbepaalde_tijd", "oproep"};
    int quotes = 0, refused_below_cost = 0;
    for (int month = 0; month < 36; ++month) {
        day d = day{date::year_month_day{date::year{2025 + month / 12}, date::month{static_cast<unsigned>(month % 12 + 1)}, date::day{1}}} +
                date::days{static_cast<int>(rng() % 28)};
        for (int k = 0; k < 12; ++k) {
            std::int64_t wage = 400 + static_cast<std::int64_t>(rng() % 6000);  // € 4.00 .. € 63.99
            int age = 15 + static_cast<int>(rng() % 53);
            int hours = 4 + static_cast<int>(rng() % 37);
            tariff_inputs in{{"loon", format_money(money{wage})},
                             {"contract", kinds[rng() % 4]},
                             {"leeftijd", std::to_string(age)},
                             {"uren", std::to_string(hours)}};
            quote_options o;
            if (rng() % 2) o.margin_micro = static_cast<std::int64_t>(rng() % 1000001);  // 0 .. 100 %
            else o.factor_milli = 800 + static_cast<std::int64_t>(rng() % 1700);      // 0.8 .. 2.5
            agency ag;
            ag.ziektewet_erd = rng() % 2;
            auto q = make_quote(ev, &ag, "kostprijs", d, in, o);
            ASSERT_TRUE(q.cost.errors.empty()) << format_date(d) << " " << q.cost.errors.front();
            ++quotes;
            std::int64_t vb = param_micro(*prog, "kosten.vakantiebijslag", d);
            // cost >= wage x (1 + holiday allowance), exactly (cents x millionths)
            EXPECT_GE(static_cast<wide>(q.cost.cost_cents) * 1000000, static_cast<wide>(wage) * (1000000 + vb))
                << format_date(d) << " wage " << wage << " cost " << q.cost.cost_cents;
            ASSERT_TRUE(q.tariff_cents);
            if (*q.tariff_cents < q.cost.cost_cents) {
                EXPECT_TRUE(q.refused);
                bool below = false;
                for (auto const& r : q.refusals) below = below || r.kind == refusal_kind::below_cost;
                EXPECT_TRUE(below) << "tariff below cost without the reason";
                ++refused_below_cost;
            }
            if (!q.refused) {
                EXPECT_GE(*q.tariff_cents, q.cost.cost_cents);
            }
            if (o.margin_micro) {
                EXPECT_GE(*q.tariff_cents, q.cost.cost_cents);  // a margin >= 0 never goes below
            }
        }
    }
    EXPECT_EQ(quotes, 36 * 12);
    EXPECT_GT(refused_below_cost, 0) << "the sweep never tried a factor below cost: the property was not exercised";
}

// The language: a line reads the lines above it, 'basis' and 'tarief', and a false 'als' drops the
// line (it counts as € 0 below); the sources of the parameter value used are the line's sources.
TEST(Tariff, DeclarationLinesReadEachOther) {
    std::string text = R"(bron src "Bron" url "https://example.org/"
bron premies "Premies" url "https://example.org/premies"
parameter premie : percentage
    10 % vanaf 2025-01-01 volgens premies
    20 % vanaf 2026-01-01 volgens premies onzeker "geschat"
tarief t(loon: geld, contract: contractsoort)
    geldig vanaf 2025-01-01
    post uurloon nl "Loon" en "Wage"
        bedrag loon
        volgens src
    post extra nl "Extra" en "Extra"
        als contract = oproep
        bedrag € 1.00
        volgens src
    post premie_post nl "Premie" en "Premium"
        basis uurloon + extra
        tarief premie
        bedrag afgerond(basis * tarief, naar: boven)
        volgens src
    ondergrens minimum nl "Minimum" en "Minimum"
        bedrag € 10.00
        volgens src
)";
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>("t.rw", text)}, diags);
    ASSERT_TRUE(prog) << dsl::render_all(diags);
    evaluator ev(prog);
    auto d2025 = day{date::year{2025} / 3 / 1}, d2026 = day{date::year{2026} / 3 / 1};
    auto r = evaluate_tariff(ev, nullptr, "t", d2025, {{"loon", "12,34"}, {"contract", "uitzendbeding"}});
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    ASSERT_EQ(r.lines.size(), 3u);  // extra does not apply
    EXPECT_EQ(r.lines[1].name, "premie_post");
    EXPECT_EQ(r.lines[1].base_cents, 1234);
    EXPECT_EQ(r.lines[1].rate_micro, 100000);
    EXPECT_EQ(r.lines[1].amount_cents, 124);  // 1.234 rounded up
    EXPECT_EQ(r.cost_cents, 1234 + 124);
    EXPECT_FALSE(r.uncertain());
    ASSERT_EQ(r.lines[1].sources.size(), 2u);
    EXPECT_EQ(r.lines[1].sources[1].id, "premies");
    auto o = evaluate_tariff(ev, nullptr, "t", d2026, {{"loon", "12.34"}, {"contract", "oproep"}});
    ASSERT_TRUE(o.errors.empty()) << o.errors.front();
    ASSERT_EQ(o.lines.size(), 4u);
    EXPECT_EQ(o.lines[2].base_cents, 1334);
    EXPECT_EQ(o.lines[2].amount_cents, 267);  // 13.34 x 20 % = 2.668 up
    EXPECT_TRUE(o.uncertain());
    auto q = make_quote(ev, nullptr, "t", d2026, {{"loon", "9.99"}, {"contract", "oproep"}}, {std::nullopt, 1000});
    EXPECT_TRUE(q.refused);  // below the floor, and a factor 1 is below cost
    ASSERT_EQ(q.refusals.size(), 2u);
    EXPECT_EQ(q.refusals[0].kind, refusal_kind::below_floor);
    EXPECT_EQ(q.refusals[1].kind, refusal_kind::below_cost);
    auto bad = evaluate_tariff(ev, nullptr, "t", d2026, {{"loon", "twaalf"}});
    EXPECT_FALSE(bad.errors.empty());
    auto unknown = evaluate_tariff(ev, nullptr, "t", d2026, {{"lon", "12.00"}});
    EXPECT_FALSE(unknown.errors.empty());
}

}  // namespace
}  // namespace rw::engine
