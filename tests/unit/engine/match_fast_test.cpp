// The shortcuts of matching's legal check (scenario_check::fast: the run without the hypothetical
// only for the rules whose findings could be there too, without texts or facts; the phase on the
// first day from the facts alone) change nothing: every field of every candidate is the same as
// with the exhaustive check (everything evaluated with and without, on every day). On every
// vacancy of the matching casebase and on a generated agency of about two thousand candidates.
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

/// Everything matching concludes about a candidate, one line per item.
void describe(std::ostringstream& out, match_candidate const& c) {
    out << "candidate " << c.worker << " " << c.name << " score " << c.score_milli << " contract " << to_string(c.contract)
        << (c.own_contract ? " own" : "") << " fase " << c.fase << " days " << c.days_checked << "\n";
    for (auto const& r : c.reasons)
        out << "  reason " << r.criterion << "/" << r.variant << " " << r.points_milli << " " << r.reason_nl << " | " << r.reason_en << "\n";
    for (auto const& r : c.missing) out << "  missing " << r.criterion << "/" << r.variant << " " << r.reason_nl << "\n";
    for (auto const& b : c.blocks)
        out << "  block " << b.rule << "/" << b.variant << " " << b.kind << " " << format_date(b.on) << " " << b.article << " | "
            << b.citation << " | " << b.message_nl << " | " << b.message_en << "\n";
    for (auto const& e : c.beside) {
        out << "  beside " << e.f.rule << "/" << e.f.variant << " " << to_string(e.f.kind) << " " << e.f.contract << " "
            << e.f.placement << " " << e.f.sickness << " due " << (e.f.due ? format_date(*e.f.due) : "-") << " bites "
            << format_date(e.bites_on) << " first " << format_date(e.first_day) << " last " << format_date(e.last_day) << " on";
        for (auto const& d : e.days) out << " " << format_date(d);
        out << (e.f.overdue ? " overdue" : "") << (e.f.open ? " open" : "") << " | " << e.f.message_nl << " | " << e.f.message_en
            << " | " << e.f.advice_nl << " | " << e.f.advice_en << "\n";
        for (auto const& c2 : e.f.citations) out << "    cites " << c2 << "\n";
        for (auto const& l : e.f.explanation) out << "    explains " << l.kind << " " << l.name << " = " << l.value << " (" << l.detail << ")\n";
    }
}

std::string describe(vacancy_match const& m) {
    std::ostringstream out;
    out << "vacancy " << m.vacancy << " candidates " << m.candidates << " flags " << m.flags.size() << "\n";
    for (auto const& c : m.eligible) describe(out, c);
    out << "blocked\n";
    for (auto const& c : m.blocked) describe(out, c);
    return out.str();
}

/// The first line where two descriptions differ (a readable failure for a long text).
std::string first_difference(std::string const& a, std::string const& b) {
    std::istringstream sa(a), sb(b);
    std::string la, lb;
    for (int line = 1;; ++line) {
        bool ea = !std::getline(sa, la), eb = !std::getline(sb, lb);
        if (ea && eb) return "";
        if (ea || eb || la != lb)
            return "line " + std::to_string(line) + ":\n  fast:       " + (ea ? "<end>" : la) + "\n  exhaustive: " + (eb ? "<end>" : lb);
    }
}

void expect_same(evaluator& ev, dossier const& d, std::string const& vacancy, match_options o, std::string const& what) {
    o.check = scenario_check::fast;
    auto fast = describe(match_vacancy(ev, d, vacancy, o));
    o.check = scenario_check::exhaustive;
    auto slow = describe(match_vacancy(ev, d, vacancy, o));
    EXPECT_EQ(first_difference(fast, slow), "") << what << " vacancy " << vacancy;
}

}  // namespace

TEST(MatchFast, SameAsExhaustiveOnTheMatchingCasebase) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    std::size_t vacancies = 0, candidates = 0;
    for (auto const& e : std::filesystem::directory_iterator(test::source_dir() / "casebase" / "matching")) {
        if (e.path().extension() != ".yaml") continue;
        auto src = dsl::load_source(e.path().string());
        dsl::diagnostics diags;
        dossier d;
        day at = *parse_date("2026-12-02");
        if (adapters::yaml::sniff_format(src) == adapters::yaml::document_kind::case_file) {
            auto c = adapters::yaml::read_case(src, diags);
            ASSERT_TRUE(c) << e.path();
            d = c->dossier_data;
            at = c->reference_date;
        } else {
            auto r = adapters::yaml::read_dossier(src, diags);
            ASSERT_TRUE(r) << e.path();
            d = *r;
        }
        for (auto const& k : d.clients)
            for (auto const& v : k.vacancies) {
                ++vacancies;
                for (bool explain : {false, true}) {
                    match_options o;
                    o.at = at;
                    o.explain = explain;
                    expect_same(ev, d, v.id, o, e.path().filename().string() + (explain ? " (explain)" : ""));
                }
            }
        for (auto const& w : d.workers) candidates += w.appl && w.appl->status == application_status::active;
    }
    EXPECT_GE(vacancies, 40u);
    EXPECT_GE(candidates, 40u);
}

TEST(MatchFast, SameAsExhaustiveOnAGeneratedAgency) {
    auto prog = rules();
    ASSERT_TRUE(prog);
    evaluator ev(prog);
    synthetic::settings s;
    s.seed = 7;
    s.reference = *parse_date("2026-11-25");
    dossier d;
    d.agency_info = synthetic::make_agency(s);
    d.clients = synthetic::make_clients(s);
    for (std::size_t i = 0; i < 20000; ++i) {
        auto w = synthetic::make_worker(s, d.clients, i);
        if (w.appl && w.appl->status == application_status::active) d.workers.push_back(std::move(w));
    }
    ASSERT_GE(d.workers.size(), 1500u);
    // A vacancy with night shifts as generated, and the same at a wage above the client's by an
    // agency admitted under the Wtta (so that candidates are eligible and ranked, not only blocked
    // by equal pay and admission).
    vacancy const* night = nullptr;
    client* kn = nullptr;
    for (auto& k : d.clients)
        for (auto const& v : k.vacancies)
            if (!night && v.shifts && std::find(v.shifts->begin(), v.shifts->end(), shift_kind::nacht) != v.shifts->end()) {
                night = &v;
                kn = &k;
            }
    ASSERT_TRUE(night);
    std::string const id = night->id;
    match_options o;
    o.at = s.reference;
    o.threads = 2;
    expect_same(ev, d, id, o, "generated");
    for (auto& v : kn->vacancies)
        if (v.id == id && v.hourly_wage) v.hourly_wage = money{v.hourly_wage->cents + 400};
    d.agency_info.wtta_admitted_from = *parse_date("2026-06-01");
    auto m = match_vacancy(ev, d, id, o);
    EXPECT_FALSE(m.eligible.empty());
    EXPECT_FALSE(m.blocked.empty());
    expect_same(ev, d, id, o, "generated, wage raised");
}
