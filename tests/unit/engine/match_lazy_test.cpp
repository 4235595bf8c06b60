// The top N of matching (match_options::stop_after_eligible, issue 12): candidates scored first,
// then checked in ranking order until N are eligible. The eligible list is exactly the first N of
// the full check's (same order, scores, reasons, everything), the blocked list the full check's
// blocked among those ranked above the N-th eligible (each blocked from the same first day; a
// check that stopped at its first block has a subset of the blocks and no side effects), and `checked` counts both; the same
// with one and two threads. On every vacancy of the matching casebase and on a generated agency.
// And the text and JSON say how many were checked and that the lower-scored were not (nl, en).
#include "rw/adapters/presentation/match_view.hpp"
#include "rw/adapters/presentation/web_pages.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/matching.hpp"
#include "rw/engine/synthetic.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace rw;
using namespace rw::engine;

namespace {

std::shared_ptr<program const> rules() {
    static std::shared_ptr<program const> prog = [] {
        std::vector<std::string> files;
        for (auto const& e : std::filesystem::recursive_directory_iterator(test::source_dir() / "rules"))
            if (e.path().extension() == ".rw") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        std::vector<dsl::source_ptr> sources;
        for (auto const& f : files) sources.push_back(dsl::load_source(f));
        dsl::diagnostics diags;
        return bind_program(sources, diags);
    }();
    return prog;
}

/// What matching concludes about a candidate before the legal check: score, reasons, contract.
std::string describe_head(match_candidate const& c, bool days) {
    std::ostringstream out;
    out << "candidate " << c.worker << " " << c.name << " score " << c.score_milli << " contract " << to_string(c.contract)
        << (c.own_contract ? " own" : "") << " fase " << c.fase;
    if (days) out << " days " << c.days_checked;
    out << "\n";
    for (auto const& r : c.reasons)
        out << "  reason " << r.criterion << "/" << r.variant << " " << r.points_milli << " " << r.reason_nl << " | " << r.reason_en << "\n";
    for (auto const& r : c.missing) out << "  missing " << r.criterion << "/" << r.variant << " " << r.reason_nl << "\n";
    return out.str();
}

std::vector<std::string> block_lines(match_candidate const& c) {
    std::vector<std::string> lines;
    for (auto const& b : c.blocks)
        lines.push_back("  block " + b.rule + "/" + b.variant + " " + b.kind + " " + format_date(b.on) + " " + b.article + " | " +
                        b.citation + " | " + b.message_nl + " | " + b.message_en + "\n");
    return lines;
}

std::vector<std::string> beside_lines(match_candidate const& c) {
    std::vector<std::string> lines;
    for (auto const& e : c.beside) {
        std::ostringstream out;
        out << "  beside " << e.f.rule << "/" << e.f.variant << " " << to_string(e.f.kind) << " " << e.f.contract << " "
            << e.f.placement << " due " << (e.f.due ? format_date(*e.f.due) : "-") << " bites " << format_date(e.bites_on)
            << (e.f.overdue ? " overdue" : "") << " | " << e.f.message_nl << " | " << e.f.message_en << "\n";
        for (auto const& l : e.f.explanation) out << "    explains " << l.kind << " " << l.name << " = " << l.value << "\n";
        lines.push_back(out.str());
    }
    return lines;
}

/// Everything matching concludes about a candidate.
std::string describe(match_candidate const& c) {
    std::string s = describe_head(c, true);
    for (auto const& l : block_lines(c)) s += l;
    for (auto const& l : beside_lines(c)) s += l;
    return s;
}

bool is_subset(std::vector<std::string> part, std::vector<std::string> whole) {
    std::sort(part.begin(), part.end());
    std::sort(whole.begin(), whole.end());
    return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

/// A blocked candidate of the top-N check against the same candidate in the full check. The top-N
/// check stops after the first day with a block (stopped_at_block): then the same candidate, score
/// and reasons, blocked from the same first day on, its blocks a subset of the full check's, no
/// side effects (not computed for the whole assignment), no more days checked. A candidate whose
/// check did not stop is exactly the same.
void expect_same_blocked(match_candidate const& lazy, match_candidate const& full, std::string const& at) {
    if (!lazy.stopped_at_block) {
        EXPECT_EQ(describe(lazy), describe(full)) << at;
        return;
    }
    EXPECT_EQ(describe_head(lazy, false), describe_head(full, false)) << at;
    ASSERT_FALSE(lazy.blocks.empty()) << at << " " << lazy.worker;
    ASSERT_FALSE(full.blocks.empty()) << at << " " << lazy.worker;
    EXPECT_EQ(lazy.blocks.front().on, full.blocks.front().on) << at << " " << lazy.worker;
    EXPECT_TRUE(is_subset(block_lines(lazy), block_lines(full))) << at << "\n" << describe(lazy) << "\nfull:\n" << describe(full);
    EXPECT_TRUE(lazy.beside.empty()) << at << "\n" << describe(lazy);
    EXPECT_LE(lazy.days_checked, full.days_checked) << at;
}

std::string describe(std::vector<match_candidate> const& cs) {
    std::string s;
    for (auto const& c : cs) s += describe(c);
    return s;
}

/// Ranking order of the full check: score descending, then worker id.
bool ranks_before(match_candidate const& a, match_candidate const& b) {
    if (a.score_milli != b.score_milli) return a.score_milli > b.score_milli;
    return a.worker < b.worker;
}

/// The top-N result as the full check gives it: its first N eligible, and its blocked ranked
/// above the N-th eligible (all blocked when fewer than N are eligible).
void expect_top_n(evaluator& ev, dossier const& d, std::string const& vacancy, match_options o, vacancy_match const& full,
                  std::size_t top, std::string const& what) {
    o.stop_after_eligible = top;
    auto lazy = match_vacancy(ev, d, vacancy, o);
    std::string const at = what + " vacancy " + vacancy + " top " + std::to_string(top) + " threads " + std::to_string(o.threads);
    std::vector<match_candidate> eligible(full.eligible.begin(), full.eligible.begin() + std::min(top, full.eligible.size()));
    std::vector<match_candidate> blocked;
    for (auto const& b : full.blocked)
        if (full.eligible.size() < top || ranks_before(b, full.eligible[top - 1])) blocked.push_back(b);
    EXPECT_EQ(describe(lazy.eligible), describe(eligible)) << at;
    ASSERT_EQ(lazy.blocked.size(), blocked.size()) << at;
    for (std::size_t i = 0; i < blocked.size(); ++i) {
        EXPECT_EQ(lazy.blocked[i].worker, blocked[i].worker) << at;
        if (lazy.blocked[i].worker == blocked[i].worker) expect_same_blocked(lazy.blocked[i], blocked[i], at);
    }
    EXPECT_EQ(lazy.candidates, full.candidates) << at;
    EXPECT_EQ(lazy.checked, eligible.size() + blocked.size()) << at;
    EXPECT_EQ(lazy.stop_after_eligible, top) << at;
    EXPECT_EQ(lazy.complete(), full.eligible.size() < top || lazy.checked == full.candidates) << at;
    EXPECT_EQ(lazy.flags.size(), full.flags.size()) << at;
}

void expect_top_ns(evaluator& ev, dossier const& d, std::string const& vacancy, match_options o, std::string const& what) {
    auto full = match_vacancy(ev, d, vacancy, o);
    EXPECT_EQ(full.checked, full.candidates);
    EXPECT_TRUE(full.complete());
    for (std::size_t top : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{10}, full.eligible.size(),
                            full.eligible.size() + 1})
        if (top > 0)
            for (unsigned threads : {1u, 2u}) {
                o.threads = threads;
                expect_top_n(ev, d, vacancy, o, full, top, what);
            }
}

dossier read_dossier_or_case(std::filesystem::path const& p, day& at) {
    auto src = dsl::load_source(p.string());
    dsl::diagnostics diags;
    if (adapters::yaml::sniff_format(src) == adapters::yaml::document_kind::case_file) {
        auto c = adapters::yaml::read_case(src, diags);
        EXPECT_TRUE(c) << p;
        if (!c) return {};
        at = c->reference_date;
        return c->dossier_data;
    }
    auto r = adapters::yaml::read_dossier(src, diags);
    EXPECT_TRUE(r) << p;
    return r ? *r : dossier{};
}

/// The generated agency of these tests (seed 11, reference date 2026-11-25).
synthetic::settings agency_settings() {
    synthetic::settings s;
    s.seed = 11;
    s.reference = *parse_date("2026-11-25");
    return s;
}

dossier generated(synthetic::settings const& s, std::size_t workers) {
    dossier d;
    d.agency_info = synthetic::make_agency(s);
    d.clients = synthetic::make_clients(s);
    for (std::size_t i = 0; i < workers; ++i) {
        auto w = synthetic::make_worker(s, d.clients, i);
        if (w.appl && w.appl->status == application_status::active) d.workers.push_back(std::move(w));
    }
    return d;
}

/// A generated agency where candidates are eligible too: the first night-shift vacancy at a wage
/// above the client's, the agency admitted under the Wtta (as in match_fast_tests).
std::string eligible_vacancy(dossier& d) {
    for (auto& k : d.clients)
        for (auto& v : k.vacancies)
            if (v.shifts && std::find(v.shifts->begin(), v.shifts->end(), shift_kind::nacht) != v.shifts->end()) {
                if (v.hourly_wage) v.hourly_wage = money{v.hourly_wage->cents + 400};
                d.agency_info.wtta_admitted_from = *parse_date("2026-06-01");
                return v.id;
            }
    return "";
}

/// The output tests' run: the top 3 for the eligible vacancy of a generated agency of 3,000.
struct top3_run {
    dossier d;
    std::string id;
    match_options o;
    vacancy_match m;
};
top3_run top3(evaluator& ev) {
    auto const s = agency_settings();
    top3_run r{generated(s, 3000), "", {}, {}};
    r.id = eligible_vacancy(r.d);
    r.o.at = s.reference;
    r.o.threads = 2;
    r.o.stop_after_eligible = 3;
    r.m = match_vacancy(ev, r.d, r.id, r.o);
    return r;
}

}  // namespace

TEST(MatchTopN, FirstNEligibleOfTheFullCheckOnTheMatchingCasebase) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    std::size_t vacancies = 0, with_eligible = 0;
    for (auto const& e : std::filesystem::directory_iterator(test::source_dir() / "casebase" / "matching")) {
        if (e.path().extension() != ".yaml") continue;
        day at = *parse_date("2026-12-02");
        dossier d = read_dossier_or_case(e.path(), at);
        for (auto const& k : d.clients)
            for (auto const& v : k.vacancies) {
                ++vacancies;
                for (bool explain : {false, true}) {
                    match_options o;
                    o.at = at;
                    o.explain = explain;
                    with_eligible += !explain && !match_vacancy(ev, d, v.id, o).eligible.empty();
                    expect_top_ns(ev, d, v.id, o, e.path().filename().string() + (explain ? " (explain)" : ""));
                }
            }
    }
    EXPECT_GE(vacancies, 40u);
    EXPECT_GE(with_eligible, 20u);
}

TEST(MatchTopN, FirstNEligibleOfTheFullCheckOnAGeneratedAgency) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    auto const s = agency_settings();
    dossier d = generated(s, 6000);
    ASSERT_GE(d.workers.size(), 400u);
    std::string const id = eligible_vacancy(d);
    ASSERT_FALSE(id.empty());
    match_options o;
    o.at = s.reference;
    o.threads = 2;
    auto full = match_vacancy(ev, d, id, o);
    ASSERT_GE(full.eligible.size(), 10u);
    ASSERT_FALSE(full.blocked.empty());
    for (std::size_t top : {std::size_t{1}, std::size_t{5}, std::size_t{10}, full.eligible.size(), full.eligible.size() + 3})
        for (unsigned threads : {1u, 2u}) {
            o.threads = threads;
            expect_top_n(ev, d, id, o, full, top, "generated");
        }
    // With the top 10 far fewer than all candidates are checked (the point of it).
    o.stop_after_eligible = 10;
    auto lazy = match_vacancy(ev, d, id, o);
    EXPECT_LT(lazy.checked, full.candidates);
    EXPECT_FALSE(lazy.complete());
    // A blocked candidate's check stops after the first day with a block: fewer days checked.
    o.stop_after_eligible = full.eligible.size() + 1;
    auto all = match_vacancy(ev, d, id, o);
    std::size_t stopped = 0, days_lazy = 0, days_full = 0;
    for (auto const& c : all.blocked) stopped += c.stopped_at_block, days_lazy += c.days_checked;
    for (auto const& c : full.blocked) days_full += c.days_checked;
    EXPECT_GT(stopped, all.blocked.size() / 2);
    EXPECT_LT(days_lazy, days_full);
}

TEST(MatchTopN, TheOutputSaysHowManyWereCheckedAndThatTheLowerScoredWereNot) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    auto [d, id, o, m] = top3(ev);
    ASSERT_FALSE(m.complete());
    namespace pr = adapters::presentation;
    std::string const checked = std::to_string(m.checked), all = std::to_string(m.candidates);
    {
        std::ostringstream out;
        pr::render_match_text(out, pr::build_match_view(m, d.agency_info, pr::language::nl, false, 3, prog.get()));
        EXPECT_NE(out.str().find("Gecontroleerd: " + checked + " van de " + all + " kandidaten"), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("lagere score zijn NIET gecontroleerd"), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("alleen de geblokkeerden onder de gecontroleerde"), std::string::npos) << out.str();
    }
    {
        std::ostringstream out;
        pr::render_match_text(out, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
        EXPECT_NE(out.str().find("Checked: " + checked + " of the " + all + " candidates"), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("lower score were NOT checked"), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("--top 0 checks every candidate"), std::string::npos) << out.str();
    }
    {
        std::ostringstream out;
        pr::render_match_json(out, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
        EXPECT_NE(out.str().find("\"checked\": " + checked), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("\"unchecked\": " + std::to_string(m.candidates - m.checked)), std::string::npos) << out.str();
        EXPECT_NE(out.str().find("\"checked_note\": \"Checked: "), std::string::npos) << out.str();
        auto v = pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get());
        EXPECT_NE(pr::match_ranking_json(v).find("\"checked\":" + checked), std::string::npos);
    }
    {
        // The web page (issue 16) says it too.
        auto v = pr::build_match_view(m, d.agency_info, pr::language::nl, false, 25, prog.get());
        auto html = pr::web::match_body(v, {}, "/matching/x", "token", "", false);
        EXPECT_NE(html.find("Gecontroleerd: " + checked + " van de " + all + " kandidaten"), std::string::npos) << html;
    }
    // The full check says nothing of the kind.
    o.stop_after_eligible = 0;
    auto full = match_vacancy(ev, d, id, o);
    std::ostringstream out;
    pr::render_match_text(out, pr::build_match_view(full, d.agency_info, pr::language::en, false, 3, prog.get()));
    EXPECT_EQ(out.str().find("Checked: "), std::string::npos);
    std::ostringstream json;
    pr::render_match_json(json, pr::build_match_view(full, d.agency_info, pr::language::en, false, 3, prog.get()));
    EXPECT_EQ(json.str().find("\"checked\""), std::string::npos);
    EXPECT_EQ(out.str().find("first day on which a block"), std::string::npos);
    EXPECT_EQ(json.str().find("stopped_at_block"), std::string::npos);
}

TEST(MatchTopN, TheOutputSaysABlockedCandidatesCheckStoppedAtTheFirstBlock) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    auto [d, id, o, m] = top3(ev);
    ASSERT_TRUE(std::any_of(m.blocked.begin(), m.blocked.end(), [](auto const& c) { return c.stopped_at_block; }));
    namespace pr = adapters::presentation;
    std::ostringstream nl, en, json;
    pr::render_match_text(nl, pr::build_match_view(m, d.agency_info, pr::language::nl, false, 3, prog.get()));
    pr::render_match_text(en, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
    pr::render_match_json(json, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
    EXPECT_NE(nl.str().find("stopt de controle na de eerste dag waarop een blokkade gevonden werd"), std::string::npos) << nl.str();
    EXPECT_NE(en.str().find("the check stops after the first day on which a block was found"), std::string::npos) << en.str();
    EXPECT_NE(json.str().find("\"stopped_at_block\": true"), std::string::npos) << json.str();
}

// A vacancy nobody may take (the generated agency has no Wtta admission for 2027): the text lists
// as many blocked as the top, then how many more; the JSON lists them all.
TEST(MatchTopN, TheTextListsAsManyBlockedAsTheTopAndTheJsonAll) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    auto const s = agency_settings();
    dossier d = generated(s, 3000);
    ASSERT_FALSE(d.clients.empty());
    ASSERT_FALSE(d.clients.front().vacancies.empty());
    match_options o;
    o.at = s.reference;
    o.threads = 2;
    o.stop_after_eligible = 3;
    auto m = match_vacancy(ev, d, d.clients.front().vacancies.front().id, o);
    ASSERT_TRUE(m.eligible.empty());
    ASSERT_GT(m.blocked.size(), 10u);
    namespace pr = adapters::presentation;
    std::ostringstream nl, en, json;
    pr::render_match_text(nl, pr::build_match_view(m, d.agency_info, pr::language::nl, false, 3, prog.get()));
    pr::render_match_text(en, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
    pr::render_match_json(json, pr::build_match_view(m, d.agency_info, pr::language::en, false, 3, prog.get()));
    std::string const more = std::to_string(m.blocked.size() - 3);
    EXPECT_NE(nl.str().find("  ... " + more + " meer geblokkeerd (--format json noemt ze allemaal"), std::string::npos) << nl.str();
    EXPECT_NE(en.str().find("  ... " + more + " more blocked (--format json lists them all"), std::string::npos) << en.str();
    for (std::size_t i = 0; i < m.blocked.size(); ++i) {
        bool in_text = nl.str().find(m.blocked[i].worker + " ") != std::string::npos;
        EXPECT_EQ(in_text, i < 3) << m.blocked[i].worker;
        EXPECT_NE(json.str().find("\"" + m.blocked[i].worker + "\""), std::string::npos) << m.blocked[i].worker;
    }
    // --top 0 (everyone checked, everyone listed): no "more".
    std::ostringstream all;
    pr::render_match_text(all, pr::build_match_view(m, d.agency_info, pr::language::nl, false, 0, prog.get()));
    EXPECT_EQ(all.str().find("meer geblokkeerd"), std::string::npos);
}
