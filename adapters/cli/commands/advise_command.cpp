// advise: "what applies to this flex worker today, and what must I do by when?" Phase and
// counters, the next phase, open actions (overdue first), violations, warnings, advice; --explain
// adds why (facts, dated parameters with their sources, conditions).
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "safe_output.hpp"

#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;

static void print_findings(std::vector<engine::finding> const& fs, std::string const& title, std::string const& lang,
                           bool explain, engine::day R) {
    if (fs.empty()) return;
    bool en = lang == "en";
    std::cout << "\n" << title << "\n";
    int i = 0;
    for (auto const& f : fs) {
        std::cout << "  " << ++i << ". ";
        if (f.overdue) std::cout << (en ? "[OVERDUE] " : "[TE LAAT] ");
        std::cout << f.rule;
        if (f.due) {
            bool action = f.kind == engine::finding_kind::action;
            std::cout << " · " << (action ? (en ? "due " : "uiterlijk ") : (en ? "since " : "sinds "))
                      << engine::format_date_long(*f.due, lang);
            if (action && !f.overdue) {
                auto days = (*f.due - R).count();
                std::cout << " (" << (en ? "in " : "over ") << days << (en ? " days)" : " dagen)");
            }
        }
        if (!f.contract.empty()) std::cout << " · contract " << f.contract;
        if (!f.placement.empty()) std::cout << (en ? " · placement " : " · plaatsing ") << f.placement;
        if (f.uncertain) std::cout << (en ? " · uncertain source" : " · onzekere bron");
        std::cout << "\n     " << terminal_safe(en ? f.message_en : f.message_nl) << "\n";
        std::cout << "     " << (en ? "Advice: " : "Advies: ") << terminal_safe(en ? f.advice_en : f.advice_nl) << "\n";
        for (auto const& c : f.citations) std::cout << "     " << (en ? "Source: " : "Grondslag: ") << c << "\n";
        if (explain) {
            std::cout << "     " << (en ? "Why:" : "Waarom:") << "\n";
            for (auto const& l : f.explanation) std::cout << "       - " << explanation_text(l, lang) << (l.uncertain ? " [ONZEKER]" : "") << "\n";
        }
    }
}

static int run_advise(std::string const& db, std::string const& worker_id, std::string const& at, std::string const& lang,
                      std::string const& format, bool explain, std::string const& rules) {
    engine::day R = parse_at(at);
    std::shared_ptr<engine::program const> prog;
    std::optional<engine::worker> w;
    std::optional<engine::agency> ag;
    std::vector<engine::client> clients;
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    try {
        auto s = sq::store::open(db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        w = s.load_worker(worker_id);
        if (!w) {
            std::cerr << "regelwerk: no worker '" << terminal_safe(worker_id) << "' in " << db << "\n";
            return bad_input;
        }
        ag = s.load_agency();
        clients = s.load_clients();
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    if (!ag) {
        std::cerr << "regelwerk: the store has no agency\n";
        return bad_input;
    }
    prog = load_rules(rules);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    engine::client_index idx(clients);
    engine::evaluation_options opts{R, explain};
    auto res = ev.evaluate_worker(*ag, idx, *w, opts);
    auto agency_findings = ev.evaluate_agency(*ag, opts);
    bool en = lang == "en";

    if (format == "json") {
        nlohmann::ordered_json j;
        j["worker"] = w->id;
        j["name"] = w->name;
        j["reference_date"] = engine::format_date(R);
        j["agency"] = ag->name;
        auto& facts = j["facts"] = nlohmann::ordered_json::object();
        for (auto const& f : res.facts) facts[f.name] = f.text;
        auto& fs = j["findings"] = nlohmann::ordered_json::array();
        for (auto const& f : res.findings) fs.push_back(finding_json(f, lang, explain));
        auto& afs = j["agency_findings"] = nlohmann::ordered_json::array();
        for (auto const& f : agency_findings) afs.push_back(finding_json(f, lang, explain));
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return ok;
    }

    std::cout << (en ? "What applies to " : "Wat geldt voor ") << terminal_safe(w->name) << " (" << terminal_safe(w->id) << ")"
              << (en ? " on " : " op ") << engine::format_date_long(R, lang) << "\n";
    std::cout << (en ? "Agency: " : "Bureau: ") << terminal_safe(ag->name) << " · cao " << engine::to_string(ag->cao) << "\n";
    if (!res.facts.empty()) {
        std::cout << "\n" << (en ? "Phase and counters" : "Fase en tellers") << "\n";
        for (auto const& f : res.facts) {
            std::string label = f.name;
            std::cout << "  " << label << std::string(label.size() < 22 ? 22 - label.size() : 1, ' ') << f.display;
            if (f.v.kind == engine::value_kind::date && f.v.as_date() > R) std::cout << (en ? " (expected)" : " (verwacht)");
            std::cout << "\n";
        }
    }
    // The next phase and what to prepare.
    std::string fase, next_date, next_fase;
    for (auto const& f : res.facts) {
        if (f.name == "fase") fase = f.text;
        if (fase == "A" && f.name == "fase_b.start" && f.v.as_date() > R) {
            next_fase = "B";
            next_date = engine::format_date_long(f.v.as_date(), lang);
        }
        if (fase == "B" && f.name == "fase_c.start" && f.v.as_date() > R) {
            next_fase = "C";
            next_date = engine::format_date_long(f.v.as_date(), lang);
        }
    }
    if (!next_fase.empty()) {
        std::cout << "\n" << (en ? "Next phase: " : "Volgende fase: ") << engine::phase_label(next_fase, ag->labels)
                  << (en ? " from " : " vanaf ") << next_date << ". ";
        if (next_fase == "B")
            std::cout << (en ? "Prepare a contract without an agency clause before that day.\n"
                             : "Bereid vóór die dag een contract zonder uitzendbeding voor.\n");
        else
            std::cout << (en ? "Prepare an indefinite-term contract before that day.\n"
                             : "Bereid vóór die dag een contract voor onbepaalde tijd voor.\n");
    }
    std::vector<engine::finding> actions, violations, others;
    for (auto const& f : res.findings) {
        if (f.kind == engine::finding_kind::action) actions.push_back(f);
        else if (f.kind == engine::finding_kind::violation) violations.push_back(f);
        else others.push_back(f);
    }
    print_findings(actions, en ? "Actions (overdue first, then by due date)" : "Acties (eerst te laat, dan op termijn)", lang, explain, R);
    print_findings(violations, en ? "Violations" : "Overtredingen", lang, explain, R);
    print_findings(others, en ? "Warnings" : "Waarschuwingen", lang, explain, R);
    if (res.findings.empty()) std::cout << "\n" << (en ? "Nothing to do for this worker." : "Niets te doen voor deze uitzendkracht.") << "\n";
    if (!agency_findings.empty())
        print_findings(agency_findings, en ? "For the agency as a whole" : "Voor het bureau als geheel", lang, explain, R);
    return ok;
}

void register_advise_command(CLI::App& app, int& result) {
    struct opts {
        std::string db, worker, at, lang = "nl", format = "text", rules = default_rules_dir();
        bool explain = false;
    };
    auto o = std::make_shared<opts>();
    auto* c = app.add_subcommand("advise", "What applies to one flex worker: phase, next phase, actions, violations, advice");
    c->add_option("--db", o->db, "SQLite store")->required();
    c->add_option("--worker", o->worker, "Worker id")->required();
    c->add_option("--at", o->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    c->add_option("--format", o->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    c->add_flag("--explain", o->explain, "Add why: facts, dated parameters with their sources, conditions");
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_advise(o->db, o->worker, o->at, o->lang, o->format, o->explain, o->rules); });
}

}  // namespace rw::cli
