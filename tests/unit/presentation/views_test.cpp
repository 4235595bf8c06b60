// Issue 11: what an intercedent and an inspector read. On the whole demo store (32 workers):
// golden advise (nl, en) and actions for W1022 around the plan van aanpak due on Sunday
// 2026-11-15 (before, on, the Monday after, and 2 December); the work list keeps the whole advice;
// --explain gives the evidence in words and no path of this machine; and no text output shows an
// engine name (a fact name or an enumeration value) now that the rulebook has labels.
// RW_UPDATE_GOLDEN=1 build/bin/views_tests rewrites tests/golden/views/*; review with git diff.
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/calendar.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace pr = rw::adapters::presentation;
using namespace rw;

namespace {

struct fixture {
    std::shared_ptr<engine::program const> prog;
    engine::dossier dossier;
};

/// The rulebook read from an absolute path (as the CLI does), and the whole demo dossier.
fixture const& demo() {
    static fixture const f = [] {
        fixture x;
        auto root = test::source_dir();
        std::vector<std::string> files;
        for (auto const& e : fs::recursive_directory_iterator(root / "rules"))
            if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().generic_string());
        std::sort(files.begin(), files.end());
        std::vector<dsl::source_ptr> sources;
        for (auto const& p : files) sources.push_back(dsl::load_source(p));
        dsl::diagnostics diags;
        x.prog = engine::bind_program(sources, diags);
        if (!x.prog) throw std::runtime_error(dsl::render_all(diags));
        auto d = adapters::yaml::read_dossier(dsl::load_source((root / "casebase/demo/flexwerk-zuid.yaml").generic_string()), diags);
        if (!d) throw std::runtime_error(dsl::render_all(diags));
        x.dossier = std::move(*d);
        return x;
    }();
    return f;
}

engine::day at(char const* iso) { return *engine::parse_date(iso); }

pr::worker_view advise(std::string const& id, pr::language l, engine::day R, bool explain = false) {
    auto const& d = demo();
    engine::evaluator ev(d.prog);
    engine::client_index idx(d.dossier.clients);
    engine::evaluation_options opts{R, explain};
    for (auto const& w : d.dossier.workers)
        if (w.id == id) {
            auto res = ev.evaluate_worker(d.dossier.agency_info, idx, w, opts);
            auto agency = ev.evaluate_agency(d.dossier.agency_info, opts);
            // As `advise` does: the header's deadlines look a year ahead.
            engine::evaluation_options ahead_opts{R, false};
            ahead_opts.lead_days = 366;
            ahead_opts.facts = false;
            auto ahead = ev.evaluate_worker(d.dossier.agency_info, idx, w, ahead_opts).findings;
            return pr::build_worker_view(*d.prog, d.dossier.agency_info, d.dossier.clients, w, res, agency, R, l, explain, &ahead);
        }
    throw std::runtime_error("no worker " + id);
}

/// The work list as `actions [--worker id]` builds it.
pr::action_list_view actions(pr::language l, engine::day R, std::string const& only = {}) {
    auto const& d = demo();
    engine::evaluator ev(d.prog);
    engine::client_index idx(d.dossier.clients);
    engine::evaluation_options opts;
    opts.reference = R;
    opts.facts = false;
    opts.lang = std::string(pr::code(l));
    std::vector<engine::finding> fs;
    std::map<std::string, std::string> names;
    for (auto const& w : d.dossier.workers) {
        if (!only.empty() && w.id != only) continue;
        for (auto& f : ev.evaluate_worker(d.dossier.agency_info, idx, w, opts).findings)
            if (pr::on_work_list(f)) {
                names[f.worker] = w.name;
                fs.push_back(std::move(f));
            }
    }
    if (only.empty())
        for (auto& f : ev.evaluate_agency(d.dossier.agency_info, opts))
            if (pr::on_work_list(f)) fs.push_back(std::move(f));
    return pr::build_action_list(d.dossier.agency_info.name, R, l, std::move(fs), names, d.prog.get());
}

std::string audit(pr::audit_format format, pr::language l, engine::day R) {
    auto const& d = demo();
    pr::audit_report r;
    r.lang = l;
    r.reference = R;
    r.agency = d.dossier.agency_info.name;
    r.sample_cap = 250;
    r.prog = d.prog.get();
    engine::evaluator ev(d.prog);
    engine::client_index idx(d.dossier.clients);
    engine::evaluation_options opts;
    opts.reference = R;
    opts.facts = false;
    opts.lang = std::string(pr::code(l));
    std::string rows;
    auto add = [&](engine::finding const& f, std::string const& name) {
        r.add(f, name);
        rows += pr::render_audit_row(format, pr::make_finding_view(f, l, name, d.prog.get(), R), l, ',');
    };
    for (auto const& f : ev.evaluate_agency(d.dossier.agency_info, opts)) add(f, d.dossier.agency_info.name);
    for (auto const& w : d.dossier.workers) {
        auto res = ev.evaluate_worker(d.dossier.agency_info, idx, w, opts);
        r.add_worker(!res.findings.empty());
        for (auto const& f : res.findings) add(f, w.name);
    }
    std::ostringstream out;
    if (format == pr::audit_format::html) pr::render_audit_html(out, r);
    else {
        pr::render_audit_summary_text(out, r);
        pr::render_audit_detail_heading(out, r);
        out << rows;
    }
    return out.str();
}

template <typename F>
std::string render(F&& f) {
    std::ostringstream out;
    f(out);
    return out.str();
}

void golden(std::string const& name, std::string const& got) {
    auto expect = test::source_dir() / "tests" / "golden" / "views" / name;
    if (std::getenv("RW_UPDATE_GOLDEN")) {
        fs::create_directories(expect.parent_path());
        test::write_file(expect, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expect)) << "missing " << expect << " (run with RW_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(got, test::read_file(expect)) << "rendered output differs from " << expect
                                            << " (RW_UPDATE_GOLDEN=1 build/bin/views_tests rewrites it)";
}

constexpr char const* golden_days[] = {"2026-11-10", "2026-11-15", "2026-11-16", "2026-12-02"};

}  // namespace

// ---- goldens: W1022's plan van aanpak, due on Sunday 2026-11-15 ---------------------------------

TEST(ViewsGolden, AdviseW1022AroundAWeekendDeadline) {
    for (auto day : golden_days)
        for (auto l : pr::all_languages)
            golden(std::string("advise-W1022-") + day + "." + std::string(pr::code(l)) + ".txt",
                   render([&](std::ostream& o) { pr::render_worker_text(o, advise("W1022", l, at(day))); }));
}

TEST(ViewsGolden, ActionsAroundAWeekendDeadline) {
    for (auto day : golden_days) {
        golden(std::string("actions-W1022-") + day + ".nl.txt",
               render([&](std::ostream& o) { pr::render_actions_text(o, actions(pr::language::nl, at(day), "W1022")); }));
        golden(std::string("actions-") + day + ".en.txt",
               render([&](std::ostream& o) { pr::render_actions_text(o, actions(pr::language::en, at(day))); }));
    }
}

// ---- the worker view -----------------------------------------------------------------------------

TEST(WorkerView, SectionsFollowTheDeadline) {
    // Before the due date the plan van aanpak is coming up; on it, and after it, it is to do now.
    auto where = [&](char const* day) {
        auto v = advise("W1022", pr::language::nl, at(day));
        for (auto const& f : v.findings)
            if (f.rule == "poortwachter.plan_van_aanpak") return pr::section_of(f, v.reference);
        throw std::runtime_error(std::string("no plan van aanpak on ") + day);
    };
    EXPECT_EQ(where("2026-11-10"), pr::worker_section::soon);
    EXPECT_EQ(where("2026-11-15"), pr::worker_section::now);
    EXPECT_EQ(where("2026-12-02"), pr::worker_section::now);
}

TEST(WorkerView, HeaderShowsCurrentSicknessPhaseAndDatesWithWeekday) {
    auto text = render([&](std::ostream& o) { pr::render_worker_text(o, advise("W1022", pr::language::nl, at("2026-12-02"))); });
    EXPECT_NE(text.find("Ziek         sinds ma 21 sep 2026, week 11"), std::string::npos) << text;
    EXPECT_NE(text.find("fase B sinds ma 6 apr 2026: 1 van 6 contracten"), std::string::npos) << text;
    EXPECT_NE(text.find("uiterlijk zo 15 nov 2026 (17 dagen te laat)"), std::string::npos) << text;
    // Before the sickness began there is no sickness line.
    auto before = render([&](std::ostream& o) { pr::render_worker_text(o, advise("W1022", pr::language::nl, at("2026-09-01"))); });
    EXPECT_EQ(before.find("Ziek "), std::string::npos) << before;
}

TEST(WorkerView, PhaseACounterReadsThePhaseALengthFromTheRulebook) {
    // Every worker in fase A shows "N van M weken", M the rulebook's fase_a.lengte for that worker.
    int checked = 0;
    for (auto const& w : demo().dossier.workers) {
        auto v = advise(w.id, pr::language::nl, at("2026-12-02"));
        if (!v.phase || v.phase->fase != "A") continue;
        ASSERT_TRUE(v.phase->weeks && v.phase->of) << w.id;
        EXPECT_EQ(*v.phase->of, 52) << w.id;
        auto text = render([&](std::ostream& o) { pr::render_worker_text(o, v); });
        EXPECT_NE(text.find("fase A: " + std::to_string(*v.phase->weeks) + " van 52 weken"), std::string::npos) << text;
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

TEST(WorkerView, ExplainGivesEvidenceInWordsAndNoPathOfThisMachine) {
    auto text = render([&](std::ostream& o) { pr::render_worker_text(o, advise("W1022", pr::language::nl, at("2026-12-02"), true)); });
    // first sick day + 55 days = the due date, with the article; the step is not recorded.
    EXPECT_NE(text.find("termijn zo 15 nov 2026 = g.eerste_dag ma 21 sep 2026 + 55 dagen"), std::string::npos) << text;
    EXPECT_NE(text.find("Regeling procesgang eerste en tweede ziektejaar, art. 4"), std::string::npos) << text;
    EXPECT_NE(text.find("stap vastgelegd: nee"), std::string::npos) << text;
    EXPECT_LT(text.find("Waarom, in woorden:"), text.find("In de regeltaal:"));
    // The rulebook was read from an absolute path: its rule locations are shown relative to it.
    auto root = test::source_dir().generic_string();
    EXPECT_EQ(text.find(root), std::string::npos) << text;
    EXPECT_NE(text.find("; ziekte/poortwachter.rw:"), std::string::npos) << text;
}

// ---- the work list ---------------------------------------------------------------------------------

TEST(WorkList, ShowsTheWholeAdviceNotCutAtAnAbbreviation) {
    // W1014's minimum-wage advice says "... hoofdelijk aansprakelijk (art. 7:616a BW ...": the old
    // list cut it at the first ". ", in the middle of "art.".
    auto v = actions(pr::language::nl, at("2026-12-02"));
    auto text = render([&](std::ostream& o) { pr::render_actions_text(o, v); });
    int checked = 0;
    for (auto const& f : v.actions) {
        if (f.advice.find("art. ") == std::string::npos) continue;
        EXPECT_NE(text.find(pr::people_text(f.advice, pr::language::nl)), std::string::npos) << f.rule << ": " << f.advice;
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

TEST(WorkList, OrderedBySeriousnessThenDaysLate) {
    auto v = actions(pr::language::nl, at("2026-12-02"));
    ASSERT_FALSE(v.actions.empty());
    // A violation still going on (working without a permit, pay below the minimum) comes before a
    // late step, which comes before an overdue action; within a level, most days late first.
    bool in_now = true;
    for (std::size_t i = 1; i < v.actions.size(); ++i) {
        auto const& a = v.actions[i - 1];
        auto const& b = v.actions[i];
        if (pr::section_of(b, v.reference) != pr::worker_section::now) in_now = false;
        if (!in_now) break;
        EXPECT_LE(a.seriousness, b.seriousness) << a.rule << " before " << b.rule;
        if (a.seriousness == b.seriousness && a.due && b.due) {
            EXPECT_LE(*a.due, *b.due) << a.rule << " before " << b.rule;
        }
    }
    EXPECT_EQ(v.actions.front().rule, "wav.vergunning");
}

// ---- texts ---------------------------------------------------------------------------------------

TEST(Texts, RelativeDaysAndCounts) {
    auto R = at("2026-12-02");
    EXPECT_EQ(pr::relative_since(R - date::days{17}, R, pr::language::nl), "sinds 17 dagen");
    EXPECT_EQ(pr::relative_since(R - date::days{17}, R, pr::language::en), "for 17 days");
    EXPECT_EQ(pr::relative_since(R - date::days{1}, R, pr::language::nl), "sinds 1 dag");
    EXPECT_EQ(pr::count_text(1, engine::finding_kind::violation, pr::language::nl), "1 overtreding");
    EXPECT_EQ(pr::count_text(17, engine::finding_kind::violation, pr::language::nl), "17 overtredingen");
    EXPECT_EQ(pr::count_text(3, engine::finding_kind::action, pr::language::en), "3 actions");
    EXPECT_EQ(pr::people_text("op 2026-11-15, week 2023-W18", pr::language::nl), "op zo 15 nov 2026, week ma 1 mei 2023 – zo 7 mei 2023");
}

TEST(Texts, AuditMarksOnzekerAndLinksToTheLawFirst) {
    auto R = at("2026-12-02");
    auto text = audit(pr::audit_format::text, pr::language::nl, R);
    EXPECT_NE(text.find(" · onzekere bron"), std::string::npos);
    EXPECT_NE(text.find("overtredingen, "), std::string::npos) << text.substr(0, 600);
    auto html = audit(pr::audit_format::html, pr::language::nl, R);
    EXPECT_NE(html.find("<a href=\"https://wetten.overheid.nl/"), std::string::npos);
    // Within the poortwachter section the law comes before the Re-integratiegids.
    auto section = html.find("<code>poortwachter.plan_van_aanpak</code>");
    ASSERT_NE(section, std::string::npos);
    EXPECT_LT(html.find("wetten.overheid.nl", section), html.find("re-integratiegids", section));
}

// ---- no engine names in front of people (the rulebook's labels) ---------------------------------

namespace {

/// The names people must not read: the program's fact names and the engine's enumeration values.
/// Allowed: the ones that are also ordinary words of the output's language (documented here).
std::set<std::string> forbidden_names(pr::language l) {
    std::set<std::string> out;
    for (auto const& f : demo().prog->facts) out.insert(f.name);
    auto add = [&](auto names) { out.insert(names.begin(), names.end()); };
    add(engine::enum_names<engine::cao_kind>());
    add(engine::enum_names<engine::document_kind>());
    add(engine::enum_names<engine::permit_kind>());
    add(engine::enum_names<engine::contract_kind>());
    add(engine::enum_names<engine::ended_by_kind>());
    add(engine::enum_names<engine::application_status>());
    add(engine::enum_names<engine::prior_employer_kind>());
    add(engine::enum_names<engine::shift_kind>());
    // Ordinary words: "fase", "student" (in both languages), "open", in English "none", "other",
    // "client", "agency", "employer", "employee", "agreement", "passport", and the shifts dag/avond/nacht/
    // weekend are words people use in the language of the text; "oproep" (on-call) and
    // "uitzendbeding" (the agency clause) are the Dutch legal words themselves.
    for (auto w : {"fase", "open", "dag", "avond", "nacht", "weekend", "student"}) out.erase(w);
    if (l == pr::language::en)
        for (auto w : {"none", "other", "client", "agency", "employer", "employee", "agreement", "passport", "active", "placed", "rejected",
                       "withdrawn", "expiry"})
            out.erase(w);
    // The citations quote Dutch law in both languages: "uitzendbeding" is its word.
    out.erase("uitzendbeding");
    if (l == pr::language::nl) out.erase("oproep");
    return out;
}

/// What people read of a text: without the HTML's style sheet and tags, and without web addresses
/// (a source's address is not text: "www.abu.nl", ".../nbbu/artikel-13").
std::string readable(std::string text) {
    if (auto a = text.find("<style>"); a != std::string::npos) text.erase(a, text.find("</style>", a) - a);
    std::string out;
    bool tag = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0) {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ')' && text[i] != ';' && text[i] != '<') ++i;
            if (i < text.size()) --i;
            continue;
        }
        if (text[i] == '<') tag = true;
        if (!tag) out += text[i];
        if (text[i] == '>') tag = false;
    }
    return out;
}

/// Words of a text: runs of letters, digits, '_' and '.' (a fact name has dots), trailing dots cut.
std::set<std::string> words(std::string const& raw) {
    auto text = readable(raw);
    std::set<std::string> out;
    std::string w;
    auto flush = [&] {
        while (!w.empty() && w.back() == '.') w.pop_back();
        if (!w.empty()) out.insert(w);
        w.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') w += c;
        else flush();
    }
    flush();
    return out;
}

}  // namespace

TEST(EngineNames, NeverInTextOutput) {
    auto R = at("2026-12-02");
    std::map<std::string, std::set<std::string>> offenders;  // name -> where
    auto check = [&](std::string const& where, std::string const& text, pr::language l) {
        auto forbidden = forbidden_names(l);
        for (auto const& w : words(text))
            if (forbidden.count(w)) offenders[w].insert(where);
    };
    for (auto l : pr::all_languages) {
        auto lc = std::string(pr::code(l));
        for (auto const& w : demo().dossier.workers)
            check("advise " + w.id + " " + lc, render([&](std::ostream& o) { pr::render_worker_text(o, advise(w.id, l, R)); }), l);
        check("actions " + lc, render([&](std::ostream& o) { pr::render_actions_text(o, actions(l, R)); }), l);
        check("audit text " + lc, audit(pr::audit_format::text, l, R), l);
        check("audit html " + lc, audit(pr::audit_format::html, l, R), l);
    }
    std::ostringstream report;
    for (auto const& [name, where] : offenders) {
        report << "  " << name << " (" << where.size() << " outputs, e.g. " << *where.begin() << ")\n";
    }
    // Written while the labels were pending, it listed 16 names (abu, bepaalde_tijd, id_card, twv,
    // ...); with rules/labels.rw it lists none. A new fact or value without a label fails it.
    EXPECT_TRUE(offenders.empty()) << offenders.size() << " engine names shown to people without a label (add a 'label' in rules/):\n"
                                   << report.str();
}

TEST(WorkerView, AWeekendDeadlineSaysWhichWorkingDayToActOn) {
    // engine::finding::act_by (the rulebook's 'bij vrije dag werkdag ervoor') reaches the text while
    // that working day lies ahead; once it has passed (the weekend itself, or late) only the
    // deadline is shown, never "act by" a day in the past.
    auto text_on = [&](char const* day) {
        auto v = advise("W1022", pr::language::nl, at(day));
        return render([&](std::ostream& o) { pr::render_worker_text(o, v); });
    };
    auto before = text_on("2026-11-10");
    EXPECT_NE(before.find("uiterlijk zo 15 nov 2026 (over 5 dagen) · handel uiterlijk vr 13 nov 2026"), std::string::npos) << before;
    EXPECT_NE(before.find("zo 15 nov 2026 Plan van aanpak (week 8) (over 5 dagen) · handel uiterlijk vr 13 nov 2026"), std::string::npos)
        << before;
    for (auto const* day : {"2026-11-14", "2026-11-16", "2026-12-02"}) {
        auto t = text_on(day);
        EXPECT_NE(t.find("Plan van aanpak (week 8)"), std::string::npos) << day << "\n" << t;
        EXPECT_EQ(t.find("handel uiterlijk vr 13 nov"), std::string::npos) << day << "\n" << t;
    }
}

TEST(WorkerView, TheHeaderShowsTheNextDeadlinesBeyondTheListingWindow) {
    // Issue 11 (4): "the next three deadlines with weekday". W1022's notice of the contract's end
    // is due in 92 days, beyond the 8 weeks in which it is listed as an action; the header shows it.
    auto v = advise("W1022", pr::language::nl, at("2026-12-02"));
    auto text = render([&](std::ostream& o) { pr::render_worker_text(o, v); });
    EXPECT_NE(text.find("Termijnen    do 4 mrt 2027 Aanzegging einde contract (over 92 dagen); "), std::string::npos) << text;
    EXPECT_EQ(v.deadlines.size(), 3u);
}
