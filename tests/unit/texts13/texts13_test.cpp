// Issue 13: texts for the flex worker (tekst werker, nl/en/pl) and the client (tekst inlener).
//  - EveryText: every such text of the rulebook is rendered, in each of its languages, for a
//    dossier that triggers it (every case of casebase/ and the demo, on the case's day and around
//    it), and no placeholder is left empty or unrendered;
//  - Polish values: dates "16 listopada 2026", amounts "1234,56 EUR", Polish plurals;
//  - a language a rule lacks gives the Dutch text and says so; no recorded language is nl, said;
//  - goldens of `advise --for werker|inlener` per language (tests/golden/texts13/*; RW_UPDATE_GOLDEN=1
//    build/bin/texts13_tests rewrites them, review with git diff).
#include "rw/adapters/presentation/texts_view.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/calendar.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;
namespace pr = rw::adapters::presentation;
using namespace rw;

namespace {

std::shared_ptr<engine::program const> const& rulebook() {
    static std::shared_ptr<engine::program const> const p = [] {
        std::vector<std::string> files;
        for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "rules"))
            if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().generic_string());
        std::sort(files.begin(), files.end());
        std::vector<dsl::source_ptr> sources;
        for (auto const& f : files) sources.push_back(dsl::load_source(f));
        dsl::diagnostics diags;
        auto prog = engine::bind_program(sources, diags);
        if (!prog) throw std::runtime_error(dsl::render_all(diags));
        return prog;
    }();
    return p;
}

engine::dossier const& demo() {
    static engine::dossier const d = [] {
        dsl::diagnostics diags;
        auto x = adapters::yaml::read_dossier(dsl::load_source((test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").generic_string()), diags);
        if (!x) throw std::runtime_error(dsl::render_all(diags));
        return std::move(*x);
    }();
    return d;
}

engine::day at(char const* iso) { return *engine::parse_date(iso); }

constexpr char const* demo_worker = "W1004";  // Tomasz Wiśniewski, language: pl in the demo
constexpr char const* demo_day = "2026-12-02";

engine::worker const& worker_of(engine::dossier const& d, std::string const& id) {
    for (auto const& w : d.workers)
        if (w.id == id) return w;
    throw std::runtime_error("no worker " + id);
}

std::vector<engine::finding> evaluate(engine::dossier const& d, engine::worker const& w, engine::day R, std::string const& worker_lang,
                                      std::string const& client_lang) {
    engine::evaluator ev(rulebook());
    engine::client_index idx(d.clients);
    engine::evaluation_options opts{R, false};
    opts.facts = false;
    opts.worker_text_lang = worker_lang;
    opts.client_text_lang = client_lang;
    return ev.evaluate_worker(d.agency_info, idx, w, opts).findings;
}

}  // namespace

// Every text for the worker or the client of the rulebook, in every language it is written in,
// rendered at least once for a dossier that triggers it, without a gap or a '{'.
TEST(Texts13, EveryTextRenderedWithEveryPlaceholderFilled) {
    auto const& prog = *rulebook();
    using key = std::tuple<std::size_t, std::string, std::string, int>;  // rule, audience, language, text
    std::set<key> seen;
    std::vector<std::string> gaps;
    auto run = [&](engine::dossier const& d, engine::day R, std::string const& where) {
        for (auto const& w : d.workers)
            for (char const* lang : {"nl", "en", "pl"}) {
                for (auto const& f : evaluate(d, w, R, lang, lang)) {
                    for (auto [t, who] : {std::pair{&f.worker_text, "werker"}, std::pair{&f.client_text, "inlener"}}) {
                        if (!*t) continue;
                        seen.insert({f.rule_index, who, (*t)->lang, (*t)->variant});
                        if ((*t)->empty_placeholder || (*t)->text.find_first_of("{}") != std::string::npos || (*t)->text.empty())
                            gaps.push_back(where + " " + w.id + " on " + engine::format_date(R) + ": " + f.rule + " tekst " + who +
                                           " " + (*t)->lang + ": \"" + (*t)->text + "\"");
                    }
                }
            }
    };
    std::size_t cases = 0;
    for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "casebase")) {
        if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
        auto src = dsl::load_source(e.path().generic_string());
        if (adapters::yaml::sniff_format(src) != adapters::yaml::document_kind::case_file) continue;
        dsl::diagnostics diags;
        auto c = adapters::yaml::read_case(src, diags);
        ASSERT_TRUE(c) << dsl::render_all(diags);
        ++cases;
        auto const name = e.path().filename().string();
        // The case's day and around it: before and after the deadlines the case is about.
        for (int shift : {0, -45, -10, 10, 45, 400}) run(c->dossier_data, c->reference_date + date::days{shift}, name);
    }
    EXPECT_GT(cases, 100u);
    for (char const* day : {"2026-06-01", "2026-10-01", "2026-11-16", "2026-12-02", "2027-03-01", "2027-06-01"})
        run(demo(), at(day), "demo");
    std::vector<std::string> missing;
    std::size_t total = 0;
    for (std::size_t i = 0; i < prog.rules.size(); ++i) {
        auto const& r = prog.rules[i];
        for (auto [texts, who] : {std::pair{&r.worker_texts, "werker"}, std::pair{&r.client_texts, "inlener"}})
            for (auto const& [lang, t] : *texts)
                for (std::size_t k = 0; k < t.texts.size(); ++k) {
                    ++total;
                    if (!seen.count({i, who, lang, static_cast<int>(k)}))
                        missing.push_back(r.id + (r.variant.empty() ? "" : " geval " + r.variant) + " tekst " + who + " " + lang +
                                          " #" + std::to_string(k + 1) + (t.texts[k].after_due ? " (na termijn)" : "") +
                                          (t.texts[k].condition ? " (als ...)" : ""));
                }
    }
    EXPECT_GT(total, 100u) << "the rulebook's texts for the worker and the client";
    std::string m, g;
    for (auto const& x : missing) m += "  " + x + "\n";
    for (auto const& x : gaps) g += "  " + x + "\n";
    EXPECT_TRUE(missing.empty()) << missing.size() << " of " << total << " texts never rendered:\n" << m;
    EXPECT_TRUE(gaps.empty()) << gaps.size() << " texts with an empty placeholder:\n" << g.substr(0, 20000);
}

// Polish values: the day, the month in the genitive and the year; euro as "1234,56 EUR"; plurals.
TEST(Texts13, PolishValues) {
    using engine::value;
    EXPECT_EQ(engine::format_date_weekday(at("2026-11-16"), "pl"), "16 listopada 2026");
    EXPECT_EQ(engine::format_date_weekday(at("2027-01-01"), "pl"), "1 stycznia 2027");
    EXPECT_EQ(engine::format_date_weekday(at("2026-10-31"), "pl"), "31 października 2026");
    EXPECT_EQ(engine::format_date_weekday(at("2026-11-16"), "nl"), "ma 16 nov 2026");  // unchanged
    auto money = [](std::int64_t cents) { return engine::to_text(value::cents(cents), "pl"); };
    EXPECT_EQ(money(123456), "1234,56 EUR");
    EXPECT_EQ(money(1471), "14,71 EUR");
    auto weeks = [](std::int64_t n) { return engine::to_text(value::duration(engine::value_kind::weeks, n), "pl"); };
    EXPECT_EQ(weeks(1), "1 tydzień");
    EXPECT_EQ(weeks(2), "2 tygodnie");
    EXPECT_EQ(weeks(5), "5 tygodni");
    EXPECT_EQ(weeks(12), "12 tygodni");
    EXPECT_EQ(weeks(22), "22 tygodnie");
    EXPECT_EQ(weeks(52), "52 tygodnie");
    EXPECT_EQ(engine::to_text(value::duration(engine::value_kind::days, 1), "pl"), "1 dzień");
    EXPECT_EQ(engine::to_text(value::duration(engine::value_kind::days, 10), "pl"), "10 dni");
    EXPECT_EQ(engine::to_text(value::duration(engine::value_kind::months, 1), "pl"), "1 miesiąc");
    EXPECT_EQ(engine::to_text(value::duration(engine::value_kind::months, 3), "pl"), "3 miesiące");
    EXPECT_EQ(engine::to_text(value::duration(engine::value_kind::months, 6), "pl"), "6 miesięcy");
    EXPECT_EQ(engine::to_text(value::number_milli(37500), "pl"), "37,5");
}

// Every Polish text of the demo worker: Polish dates (never "ma 16 nov 2026") and amounts in EUR.
TEST(Texts13, PolishTextsUsePolishForms) {
    auto const& w = worker_of(demo(), demo_worker);
    std::size_t n = 0;
    std::regex dutch_date(R"((ma|di|wo|do|vr|za|zo) \d{1,2} [a-z]{3} \d{4})");
    for (char const* day : {"2026-06-01", "2026-12-02", "2027-03-01"})
        for (auto const& f : evaluate(demo(), w, at(day), "pl", "")) {
            if (!f.worker_text) continue;
            ++n;
            EXPECT_EQ(f.worker_text->lang, "pl");
            EXPECT_FALSE(f.worker_text->fallback());
            EXPECT_FALSE(std::regex_search(f.worker_text->text, dutch_date)) << f.worker_text->text;
            EXPECT_EQ(f.worker_text->text.find("€"), std::string::npos) << f.worker_text->text;
        }
    EXPECT_GT(n, 0u);
}

// A language a rule does not have: the Dutch text, and the output says so per text.
TEST(Texts13, MissingLanguageFallsBackToDutchAndSaysSo) {
    auto w = worker_of(demo(), demo_worker);
    w.language = "ro";
    auto fs_ = evaluate(demo(), w, at(demo_day), "ro", "");
    auto view = pr::build_texts_view(*rulebook(), demo().clients, w, fs_, at(demo_day), pr::language::nl, pr::text_audience::worker, "ro", true);
    ASSERT_FALSE(view.texts.empty());
    auto nl = evaluate(demo(), w, at(demo_day), "nl", "");
    std::size_t k = 0;
    for (auto const& t : view.texts) {
        EXPECT_TRUE(t.fallback);
        EXPECT_EQ(t.text_lang, "nl");
        while (k < nl.size() && !nl[k].worker_text) ++k;
        ASSERT_LT(k, nl.size());
        EXPECT_EQ(t.text, nl[k].worker_text->text);  // the Dutch text itself
        ++k;
    }
    std::ostringstream text, json, en;
    pr::render_texts_text(text, view);
    EXPECT_NE(text.str().find("Let op: deze regel heeft geen tekst in taal 'ro'; hieronder de Nederlandse tekst."), std::string::npos)
        << text.str();
    pr::render_texts_json(json, view);
    EXPECT_NE(json.str().find("\"fallback\": true"), std::string::npos);
    view.lang = pr::language::en;
    pr::render_texts_text(en, view);
    EXPECT_NE(en.str().find("Note: this rule has no text in language 'ro'; its Dutch text follows."), std::string::npos) << en.str();
    // The client's texts are nl and en: asked in pl, they are Dutch, and say so.
    auto const& w2 = worker_of(demo(), demo_worker);
    bool any = false;
    for (char const* day : {"2026-06-01", "2026-12-02", "2027-03-01"})
        for (auto const& f : evaluate(demo(), w2, at(day), "", "pl"))
            if (f.client_text) {
                any = true;
                EXPECT_TRUE(f.client_text->fallback());
                EXPECT_EQ(f.client_text->lang, "nl");
            }
    EXPECT_TRUE(any);
}

// A worker whose dossier records no language reads Dutch; the view says the dossier has none.
TEST(Texts13, NoLanguageRecordedIsDutchAndSaid) {
    auto w = worker_of(demo(), demo_worker);
    w.language.reset();
    auto fs_ = evaluate(demo(), w, at(demo_day), "nl", "");
    auto view = pr::build_texts_view(*rulebook(), demo().clients, w, fs_, at(demo_day), pr::language::nl, pr::text_audience::worker, "nl", false);
    std::ostringstream out;
    pr::render_texts_text(out, view);
    EXPECT_NE(out.str().find("Taal van de teksten: nl (het dossier noemt geen taal: Nederlands)"), std::string::npos) << out.str();
    for (auto const& t : view.texts) EXPECT_FALSE(t.fallback);
}

namespace {
void golden(std::string const& name, std::string const& got) {
    auto expect = test::source_dir() / "tests" / "golden" / "texts13" / name;
    if (test::update_golden()) {
        test::write_file(expect, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expect)) << "missing " << expect << " (run with RW_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(test::read_file(expect), got) << name << " differs (RW_UPDATE_GOLDEN=1 build/bin/texts13_tests rewrites it)";
}

std::string render(pr::text_audience who, std::string const& lang, pr::language frame, bool json, char const* day) {
    auto const& w = worker_of(demo(), demo_worker);
    bool worker = who == pr::text_audience::worker;
    auto fs_ = evaluate(demo(), w, at(day), worker ? lang : "", worker ? "" : lang);
    auto view = pr::build_texts_view(*rulebook(), demo().clients, w, fs_, at(day), frame, who, lang, true);
    std::ostringstream out;
    if (json) pr::render_texts_json(out, view);
    else pr::render_texts_text(out, view);
    return out.str();
}
}  // namespace

// `advise --for werker` for the demo's Polish worker, in each language, and `--for inlener`.
TEST(Texts13, GoldenPerLanguage) {
    for (char const* day : {"2026-02-01", demo_day}) {  // before and after its phase change
        std::string d = day;
        golden("werker-nl-" + d + ".txt", render(pr::text_audience::worker, "nl", pr::language::nl, false, day));
        golden("werker-en-" + d + ".txt", render(pr::text_audience::worker, "en", pr::language::en, false, day));
        golden("werker-pl-" + d + ".txt", render(pr::text_audience::worker, "pl", pr::language::nl, false, day));
        golden("werker-pl-" + d + ".json", render(pr::text_audience::worker, "pl", pr::language::nl, true, day));
        golden("inlener-nl-" + d + ".txt", render(pr::text_audience::client, "nl", pr::language::nl, false, day));
        golden("inlener-en-" + d + ".txt", render(pr::text_audience::client, "en", pr::language::en, false, day));
    }
}

// Found by EveryText: for a worker whose birth date the dossier does not record, the rule reads the
// adult minimum wage (age 99), but its melding printed the wage for an unknown age, an empty
// placeholder: "(  per uur op die dag)". The melding now reads the same wage as the rule.
TEST(Texts13, MinimumWageMessageNamesTheWageWithoutABirthDate) {
    dsl::diagnostics diags;
    auto c = adapters::yaml::read_case(dsl::load_source((test::source_dir() / "casebase/loon/loon-wml-geboortedatum-onbekend.yaml").generic_string()), diags);
    ASSERT_TRUE(c) << dsl::render_all(diags);
    bool seen = false;
    for (auto const& w : c->dossier_data.workers)
        for (auto const& f : evaluate(c->dossier_data, w, c->reference_date, "", ""))
            if (f.rule == "wml.minimumloon") {
                seen = true;
                EXPECT_EQ(f.message_nl.find("( per uur"), std::string::npos) << f.message_nl;
                EXPECT_EQ(f.message_en.find("( per hour"), std::string::npos) << f.message_en;
                EXPECT_NE(f.message_nl.find("(€ "), std::string::npos) << f.message_nl;
            }
    EXPECT_TRUE(seen);
}
