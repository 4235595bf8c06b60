// The presentation layer: the message catalogue is complete in every language, dossier text is
// escaped for HTML, CSV and the terminal, explanations carry typed references, the rulebook
// catalogue lists every rule and flags every onzeker value, and golden files pin the rendered
// output of advise, actions and audit in every format for four demo workers on 2026-11-25.
// RW_UPDATE_GOLDEN=1 build/bin/presentation_tests rewrites tests/golden/presentation/*; review
// the change with git diff (the goldens follow the rulebook's texts: a changed message or
// citation shows up here).
#include "rw/adapters/presentation/catalogue.hpp"
#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/messages.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/calendar.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace pr = rw::adapters::presentation;
using namespace rw;

namespace {

// ---- fixture: the rulebook and four demo workers ------------------------------------------------

struct fixture {
    std::shared_ptr<engine::program const> prog;
    engine::dossier dossier;
    engine::day at = *engine::parse_date("2026-11-25");
};

fixture const& demo() {
    static fixture const f = [] {
        fixture x;
        // Relative paths, so that the rule locations in explanations do not name this checkout.
        fs::current_path(test::source_dir());
        std::vector<std::string> files;
        for (auto const& e : fs::recursive_directory_iterator("rules"))
            if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().generic_string());
        std::sort(files.begin(), files.end());
        std::vector<dsl::source_ptr> sources;
        for (auto const& p : files) sources.push_back(dsl::load_source(p));
        dsl::diagnostics diags;
        x.prog = engine::bind_program(sources, diags);
        if (!x.prog) throw std::runtime_error(dsl::render_all(diags));
        auto d = adapters::yaml::read_dossier(dsl::load_source("casebase/demo/flexwerk-zuid.yaml"), diags);
        if (!d) throw std::runtime_error(dsl::render_all(diags));
        x.dossier.agency_info = d->agency_info;
        x.dossier.clients = d->clients;
        // Dossier text that must be escaped wherever it is shown.
        x.dossier.agency_info.name = "Flexwerk <Zuid> & Co";
        for (auto const& w : d->workers)
            if (w.id == "W1004" || w.id == "W1014" || w.id == "W1016" || w.id == "W1022") x.dossier.workers.push_back(w);
        for (auto& w : x.dossier.workers)
            if (w.id == "W1016") w.name = "<script>alert(\"x\")</script> & Zonen";
        return x;
    }();
    return f;
}

engine::worker const& worker(std::string const& id) {
    for (auto const& w : demo().dossier.workers)
        if (w.id == id) return w;
    throw std::runtime_error("no worker " + id);
}

/// Every finding of every worker (data order), plus the agency's, with names.
struct scan_result {
    std::vector<std::pair<engine::finding, std::string>> findings;
    std::vector<std::pair<std::string, bool>> workers;  // id, had findings
};
scan_result scan(std::string const& lang) {
    auto const& d = demo();
    engine::evaluator ev(d.prog);
    engine::client_index idx(d.dossier.clients);
    engine::evaluation_options opts;
    opts.reference = d.at;
    opts.facts = false;
    opts.lang = lang;
    scan_result out;
    for (auto const& f : ev.evaluate_agency(d.dossier.agency_info, opts)) out.findings.emplace_back(f, d.dossier.agency_info.name);
    for (auto const& w : d.dossier.workers) {
        auto r = ev.evaluate_worker(d.dossier.agency_info, idx, w, opts);
        out.workers.emplace_back(w.id, !r.findings.empty());
        for (auto& f : r.findings) out.findings.emplace_back(std::move(f), w.name);
    }
    return out;
}

pr::worker_view advise(std::string const& id, pr::language l, bool explain) {
    auto const& d = demo();
    engine::evaluator ev(d.prog);
    engine::client_index idx(d.dossier.clients);
    engine::evaluation_options opts{d.at, explain};
    auto res = ev.evaluate_worker(d.dossier.agency_info, idx, worker(id), opts);
    auto agency = ev.evaluate_agency(d.dossier.agency_info, opts);
    return pr::build_worker_view(*d.prog, d.dossier.agency_info, d.dossier.clients, worker(id), res, agency, d.at, l, explain);
}

pr::action_list_view actions(pr::language l) {
    std::vector<engine::finding> fs;
    std::map<std::string, std::string> names;
    for (auto& [f, name] : scan(std::string(pr::code(l))).findings)
        if (pr::on_work_list(f)) {
            names[f.worker] = name;
            fs.push_back(f);
        }
    return pr::build_action_list(demo().dossier.agency_info.name, demo().at, l, fs, names, demo().prog.get());
}

/// The audit as the CLI writes it, with a fixed colophon (no clock, no store, no version).
std::string audit(pr::audit_format format, pr::language l, char sep = ',') {
    pr::audit_report r;
    r.lang = l;
    r.reference = demo().at;
    r.agency = demo().dossier.agency_info.name;
    r.sample_cap = format == pr::audit_format::html ? 250 : 0;
    r.colophon = {"0.0.0", "golden", demo().prog->rules.size(), "golden.db", "0000000000000000", 0.0};
    r.prog = demo().prog.get();
    auto s = scan(std::string(pr::code(l)));
    // As the CLI: the text report lists the details by seriousness, CSV and JSON in scan order.
    std::array<std::string, 7> rows;
    for (auto const& [f, name] : s.findings) {
        r.add(f, name);
        auto v = pr::make_finding_view(f, l, name, demo().prog.get(), demo().at);
        if (format != pr::audit_format::html)
            rows[format == pr::audit_format::text ? static_cast<std::size_t>(v.seriousness) : 0] += pr::render_audit_row(format, v, l, sep);
    }
    for (auto const& [id, any] : s.workers) r.add_worker(any);
    std::ostringstream out;
    if (format == pr::audit_format::html) {
        pr::render_audit_html(out, r);
        return out.str();
    }
    if (format == pr::audit_format::csv) out << pr::audit_csv_header(sep);
    if (format == pr::audit_format::text) {
        pr::render_audit_summary_text(out, r);
        pr::render_audit_detail_heading(out, r);
    }
    for (auto const& part : rows) out << part;
    if (format == pr::audit_format::text) pr::render_audit_footer_text(out, r);
    return out.str();
}

void golden(std::string const& name, std::string const& got) {
    auto expect = test::source_dir() / "tests" / "golden" / "presentation" / name;
    if (std::getenv("RW_UPDATE_GOLDEN")) {
        test::write_file(expect, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expect)) << "missing " << expect << " (run with RW_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(got, test::read_file(expect)) << "rendered output differs from " << expect
                                            << " (RW_UPDATE_GOLDEN=1 build/bin/presentation_tests rewrites it)";
}

template <typename F>
std::string render(F&& f) {
    std::ostringstream out;
    f(out);
    return out.str();
}

}  // namespace

// ---- the message catalogue -----------------------------------------------------------------------

TEST(Messages, EveryIdHasEveryLanguage) {
    std::set<std::string_view> keys;
    for (std::size_t i = 0; i < pr::message_count; ++i) {
        auto const& e = pr::message_table()[i];
        EXPECT_EQ(static_cast<std::size_t>(e.id), i) << e.key;
        EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key " << e.key;
        for (auto l : pr::all_languages) EXPECT_FALSE(e.text[static_cast<std::size_t>(l)].empty()) << e.key << " has no " << pr::code(l);
    }
    EXPECT_EQ(keys.size(), pr::message_count);
}

TEST(Messages, LanguagesByCode) {
    for (auto l : pr::all_languages) EXPECT_EQ(pr::parse_language(pr::code(l)), l);
    EXPECT_FALSE(pr::parse_language("pl"));
    EXPECT_EQ(pr::text(pr::msg::actions_for, pr::language::en), "Actions for ");
    EXPECT_EQ(pr::text(pr::msg::actions_for, pr::language::nl), "Acties voor ");
}

// ---- escaping ------------------------------------------------------------------------------------

TEST(Escape, HtmlCsvAndTerminal) {
    EXPECT_EQ(pr::html_escape("<script>a & \"b\"</script>"), "&lt;script&gt;a &amp; &quot;b&quot;&lt;/script&gt;");
    EXPECT_EQ(pr::csv_field("=1+1", ','), "\"'=1+1\"");
    EXPECT_EQ(pr::csv_field("a,b", ','), "\"a,b\"");
    EXPECT_EQ(pr::csv_field("a,b", ';'), "a,b");
    EXPECT_EQ(pr::terminal_safe("a\x1b[31mb"), "a<U+001B>[31mb");
    EXPECT_EQ(pr::column("Wiśniewski", 12), "Wiśniewski  ");
}

TEST(Escape, NoDossierTextReachesTheHtmlReportUnescaped) {
    for (auto l : pr::all_languages) {
        auto html = audit(pr::audit_format::html, l);
        EXPECT_EQ(html.find("<script>"), std::string::npos);
        EXPECT_EQ(html.find("<Zuid>"), std::string::npos);
        EXPECT_EQ(html.find(" & "), std::string::npos);
        EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zonen"), std::string::npos);
        EXPECT_NE(html.find("Flexwerk &lt;Zuid&gt; &amp; Co"), std::string::npos);
    }
}

TEST(Escape, AdviseTextSendsNoControlCharactersToTheTerminal) {
    pr::worker_view v;
    v.reference = demo().at;
    v.explain = true;
    v.worker_id = "W\x1b]0;x\x07";
    v.name = "Anna\u202e";
    v.agency = "Bureau\r";
    v.facts.push_back({"functie", "functie\x1b[2J", "lasser\x1b[2J", "lasser\x1b[2J", false});
    pr::finding_view f;
    f.rule = "x.y";
    f.contract = "C\x1b[31m1";
    f.placement = "P\b1";
    f.message = "m\x1b";
    f.advice = "a\x1b";
    engine::explanation_line l;
    l.kind = "fact";
    l.name = "functie";
    l.value = "lasser\x1b[2J";
    l.ref.kind = engine::explanation_kind::fact;
    f.explanation.push_back(l);
    v.findings.push_back(f);
    for (auto lang : pr::all_languages) {
        v.lang = lang;
        auto text = render([&](std::ostream& o) { pr::render_worker_text(o, v); });
        for (char c : {'\x1b', '\x07', '\r', '\b'}) EXPECT_EQ(text.find(c), std::string::npos) << text;
        EXPECT_EQ(text.find("\u202e"), std::string::npos);
        EXPECT_NE(text.find("C<U+001B>[31m1"), std::string::npos) << text;
    }
}

// ---- typed explanations --------------------------------------------------------------------------

TEST(Explanation, LinesCarryTypedReferences) {
    auto v = advise("W1004", pr::language::nl, true);
    bool rule = false, parameter = false, condition = false, fact = false;
    for (auto const& f : v.findings)
        for (auto const& l : f.explanation) {
            auto const& r = l.ref;
            EXPECT_EQ(l.kind, engine::to_string(r.kind));
            switch (r.kind) {
                case engine::explanation_kind::rule:
                    rule = true;
                    EXPECT_EQ(r.id, f.rule);
                    ASSERT_TRUE(r.version);
                    EXPECT_FALSE(r.file.empty());
                    EXPECT_GT(r.line, 0u);
                    break;
                case engine::explanation_kind::parameter:
                    parameter = true;
                    EXPECT_EQ(r.id, l.name);
                    if (r.version) {
                        EXPECT_FALSE(r.version->sources.empty()) << l.name;
                    }
                    break;
                case engine::explanation_kind::condition:
                    condition = true;
                    EXPECT_EQ(r.id, f.rule);
                    EXPECT_EQ(r.clause, l.name);
                    EXPECT_GE(r.clause_index, 0);
                    EXPECT_GT(r.line, 0u);
                    break;
                case engine::explanation_kind::fact:
                    fact = true;
                    EXPECT_EQ(r.id, l.name);
                    EXPECT_GE(demo().prog->fact_index(r.id), 0) << r.id;
                    break;
                default: break;
            }
        }
    EXPECT_TRUE(rule && parameter && condition && fact);
}

// The text is built from the typed reference; it says what the engine's prose (`detail`) says.
TEST(Explanation, TextFromTypedFieldsReadsAsTheEngineDetail) {
    std::size_t checked = 0;
    for (auto const* id : {"W1004", "W1014", "W1016", "W1022"})
        for (auto l : pr::all_languages)
            for (auto const& f : advise(id, l, true).findings)
                for (auto const& x : f.explanation) {
                    EXPECT_NE(pr::explanation_text(x, l).find(x.detail), std::string::npos) << pr::explanation_text(x, l) << "\n" << x.detail;
                    checked += x.ref.version.has_value();
                }
    EXPECT_GT(checked, 20u);
}

TEST(Explanation, TableLinesNameTheRowAndTheVersion) {
    auto v = advise("W1014", pr::language::nl, true);
    bool table = false;
    for (auto const& f : v.findings)
        for (auto const& l : f.explanation)
            if (l.ref.kind == engine::explanation_kind::table) {
                table = true;
                EXPECT_EQ(l.name, l.ref.id + "(" + l.ref.key + ")");
                EXPECT_FALSE(l.ref.row.empty());
                ASSERT_TRUE(l.ref.version);
                EXPECT_FALSE(l.ref.version->sources.empty());
                auto j = pr::explanation_json(l);
                EXPECT_EQ(j["ref"]["type"], "table");
                EXPECT_EQ(j["ref"]["row"], l.ref.row);
                EXPECT_EQ(j["ref"]["version"]["valid_from"], engine::format_date(l.ref.version->from));
            }
    EXPECT_TRUE(table);
}

// ---- the rulebook catalogue ----------------------------------------------------------------------

TEST(Catalogue, JsonListsEveryRuleAndFlagsEveryOnzekerValue) {
    auto const& prog = *demo().prog;
    auto j = nlohmann::json::parse(render([&](std::ostream& o) { pr::render_catalogue_json(o, pr::build_catalogue(prog)); }));
    std::set<std::string> ids;
    for (auto const& r : j.at("rules")) ids.insert(r.at("id").get<std::string>());
    for (auto const& r : prog.rules) EXPECT_TRUE(ids.count(r.id)) << r.id;
    EXPECT_EQ(j.at("rules").size(), prog.rules.size());
    EXPECT_EQ(j.at("parameters").size(), prog.params.size());
    EXPECT_EQ(j.at("tables").size(), prog.tables.size());
    EXPECT_EQ(j.at("sources").size(), prog.sources.size());
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < prog.params.size(); ++i) {
        auto const& p = prog.params[i];
        bool u = !p.uncertain.empty();
        for (auto const& v : p.versions) u = u || !v.uncertain.empty();
        for (auto const& x : p.exceptions) u = u || !x.uncertain.empty();
        EXPECT_EQ(j["parameters"][i].at("onzeker").get<bool>(), u) << p.name;
        flagged += u;
    }
    EXPECT_GT(flagged, 0u) << "the rulebook has onzeker parameters";
    std::set<std::string> listed;
    for (auto const& u : j.at("onzeker")) listed.insert(u.at("id").get<std::string>());
    for (auto const& p : j.at("parameters"))
        if (p.at("onzeker").get<bool>()) {
            bool named = false;
            for (auto const& id : listed) named = named || id == p.at("id").get<std::string>() || id.rfind(p.at("id").get<std::string>() + " (", 0) == 0;
            EXPECT_TRUE(named) << p.at("id");
        }
    for (auto const& s : j.at("sources")) EXPECT_FALSE(s.at("id").get<std::string>().empty());
}

// ---- golden renders ------------------------------------------------------------------------------

TEST(Golden, Advise) {
    golden("advise-W1004.nl.txt", render([](std::ostream& o) { pr::render_worker_text(o, advise("W1004", pr::language::nl, true)); }));
    golden("advise-W1016.en.txt", render([](std::ostream& o) { pr::render_worker_text(o, advise("W1016", pr::language::en, false)); }));
    golden("advise-W1022.en.json", render([](std::ostream& o) { pr::render_worker_json(o, advise("W1022", pr::language::en, true)); }));
}

TEST(Golden, Actions) {
    golden("actions.nl.txt", render([](std::ostream& o) { pr::render_actions_text(o, actions(pr::language::nl)); }));
    golden("actions.en.csv", render([](std::ostream& o) { pr::render_actions_csv(o, actions(pr::language::en), ';'); }));
    golden("actions.nl.json", render([](std::ostream& o) { pr::render_actions_json(o, actions(pr::language::nl)); }));
}

TEST(Golden, Audit) {
    golden("audit.nl.txt", audit(pr::audit_format::text, pr::language::nl));
    golden("audit.en.txt", audit(pr::audit_format::text, pr::language::en));
    golden("audit.nl.csv", audit(pr::audit_format::csv, pr::language::nl));
    golden("audit.en.jsonl", audit(pr::audit_format::json, pr::language::en));
    golden("audit.nl.html", audit(pr::audit_format::html, pr::language::nl));
    golden("audit.en.html", audit(pr::audit_format::html, pr::language::en));
}

TEST(Catalogue, TextNamesEveryRule) {
    // Not a golden file: the whole rulebook changes too often for that; the JSON test is structural.
    auto c = pr::build_catalogue(*demo().prog);
    auto text = render([&](std::ostream& o) { pr::render_catalogue_text(o, c, pr::language::en); });
    for (auto const& r : demo().prog->rules) EXPECT_NE(text.find("  " + r.id), std::string::npos) << r.id;
}

TEST(Presentation, DueDatesRelativeToTodayNeverSayOneDays) {
    // Issue 11: "morgen", "over 3 dagen", "1 dag te laat", "17 dagen te laat"; never "over 1 dagen".
    auto R = *engine::parse_date("2026-12-02");
    auto rel = [&](int days, pr::language l) { return pr::relative_due(R + date::days{days}, R, l); };
    EXPECT_EQ(rel(0, pr::language::nl), "vandaag");
    EXPECT_EQ(rel(1, pr::language::nl), "morgen");
    EXPECT_EQ(rel(3, pr::language::nl), "over 3 dagen");
    EXPECT_EQ(rel(-1, pr::language::nl), "1 dag te laat");
    EXPECT_EQ(rel(-17, pr::language::nl), "17 dagen te laat");
    EXPECT_EQ(rel(1, pr::language::en), "tomorrow");
    EXPECT_EQ(rel(3, pr::language::en), "in 3 days");
    EXPECT_EQ(rel(-1, pr::language::en), "1 day late");
}
