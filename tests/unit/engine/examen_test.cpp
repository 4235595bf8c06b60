// Exam questions (issue 15): the answer key is what the engine says (each question's case passes
// case verify), and each distractor is wrong by the engine (the case with the distractor as its
// expected answer fails). Meerkeuze questions have four different options, exactly one correct.
#include "rw/engine/case_verify.hpp"
#include "rw/engine/examen.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace rw;
using namespace rw::engine;
namespace ex = rw::engine::examen;
namespace fs = std::filesystem;

namespace {

std::vector<dsl::source_ptr> rulebook() {
    std::vector<std::string> files;
    for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "rules"))
        if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<dsl::source_ptr> out;
    for (auto const& f : files) out.push_back(dsl::load_source(f));
    return out;
}

struct programs {
    std::shared_ptr<program const> main;
    ex::misconception_programs alt;
};

programs const& bound() {
    static programs p = [] {
        programs out;
        dsl::diagnostics diags;
        out.main = bind_program(rulebook(), diags);
        EXPECT_TRUE(out.main) << dsl::render_all(diags);
        for (auto const& id : ex::override_misconceptions()) {
            dsl::diagnostics d2;
            auto f = test::source_dir() / "overrides" / "examen" / (id + ".rw");
            out.alt[id] = bind_program(rulebook(), d2, {dsl::load_source(f.string())});
            EXPECT_TRUE(out.alt[id]) << id << ": " << dsl::render_all(d2);
        }
        return out;
    }();
    return p;
}

std::vector<ex::question> exam(std::uint64_t seed, int count, std::vector<int> redraw = {}) {
    ex::settings s;
    s.seed = seed;
    s.reference = *parse_date("2026-12-02");
    s.count = count;
    s.redraw = std::move(redraw);
    return ex::make_exam(s, bound().main, bound().alt);
}

/// The question's case with `wrong` put where the answer is expected.
case_file with_answer(ex::question const& q, ex::answer_value const& wrong) {
    case_file c = q.as_case;
    if (q.asks == ex::ask::minimumloon_uur) {
        // W1 is paid the amount (no finding expected), the twin a cent less (a finding expected).
        auto cents = parse_money(wrong.text)->cents;
        c.dossier_data.workers[0].placements[0].hourly_wage = money{cents};
        c.dossier_data.workers[1].placements[0].hourly_wage = money{cents - 1};
        return c;
    }
    int replaced = 0;
    for (auto& f : c.facts)
        if (f.value == q.answer.text) f.value = wrong.text, ++replaced;
    for (auto& f : c.findings)
        if (f.due && format_date(*f.due) == q.answer.text) f.due = parse_date(wrong.text), ++replaced;
    EXPECT_EQ(replaced, 1) << c.id;
    return c;
}

class examen_test : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(examen_test, keys_hold_and_distractors_fail) {
    evaluator ev(bound().main);
    auto qs = exam(GetParam(), 24);
    ASSERT_EQ(qs.size(), 24u);
    std::set<ex::topic> topics;
    for (auto const& q : qs) {
        topics.insert(q.tag);
        auto outcome = verify_case(ev, q.as_case);
        EXPECT_TRUE(outcome.passed) << q.as_case.id << ":\n" << (outcome.failures.empty() ? "" : outcome.failures.front());
        if (q.kind == ex::question_kind::meerkeuze) {
            ASSERT_EQ(q.choices.size(), 4u) << q.as_case.id;
            EXPECT_EQ(std::count_if(q.choices.begin(), q.choices.end(), [](ex::choice const& c) { return c.correct; }), 1) << q.as_case.id;
            std::set<std::string> values;
            for (auto const& c : q.choices) values.insert(c.value.text);
            EXPECT_EQ(values.size(), 4u) << q.as_case.id;
            for (auto const& c : q.choices) {
                if (c.correct) {
                    EXPECT_EQ(c.value, q.answer) << q.as_case.id;
                    continue;
                }
                EXPECT_FALSE(c.misconception.empty());
                EXPECT_FALSE(verify_case(ev, with_answer(q, c.value)).passed) << q.as_case.id << " passes with " << c.value.text;
            }
        }
        for (auto const& w : q.wrong) {
            EXPECT_NE(w.value, q.answer);
            EXPECT_FALSE(verify_case(ev, with_answer(q, w.value)).passed) << q.as_case.id << " passes with " << w.value.text << " ("
                                                                           << w.misconception << ")";
        }
        if (q.kind == ex::question_kind::volgorde) {
            ASSERT_EQ(q.order.size(), q.items.size());
            for (std::size_t i = 1; i < q.order.size(); ++i)
                EXPECT_LT(*q.items[static_cast<std::size_t>(q.order[i - 1])].due, *q.items[static_cast<std::size_t>(q.order[i])].due);
            // A step a week later than the engine says fails the case.
            case_file c = q.as_case;
            c.findings.front().due = *c.findings.front().due + date::days{7};
            EXPECT_FALSE(verify_case(ev, c).passed) << q.as_case.id;
        }
        if (q.kind == ex::question_kind::juist_onjuist) {
            auto truths = std::count_if(q.items.begin(), q.items.end(), [](ex::item const& i) { return i.truth; });
            EXPECT_GT(truths, 0);
            EXPECT_LT(truths, static_cast<long>(q.items.size()));
            // Calling a true statement false fails the case.
            case_file c = q.as_case;
            c.absent.push_back(c.findings.front());
            EXPECT_FALSE(verify_case(ev, c).passed) << q.as_case.id;
        }
    }
    EXPECT_EQ(topics.size(), ex::all_topics().size());
}

INSTANTIATE_TEST_SUITE_P(seeds, examen_test, ::testing::Values(1u, 15u, 2026u));

TEST(examen, same_seed_same_exam_and_redraw_changes_one_question) {
    auto a = exam(7, 12), b = exam(7, 12), c = exam(7, 12, {5});
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].draw, b[i].draw);
        EXPECT_EQ(a[i].answer, b[i].answer);
        if (i == 4) EXPECT_NE(a[i].draw, c[i].draw);
        else EXPECT_EQ(a[i].draw, c[i].draw);
    }
}

}  // namespace
