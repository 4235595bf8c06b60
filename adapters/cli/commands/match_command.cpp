// match (issue 12): candidates for a vacancy, legally checked over the whole assignment and scored
// by the rulebook's criteria; or, with --worker, the open vacancies for one worker. Thin: the store
// reads, the engine matches (engine/matching.hpp), the presentation layer renders.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/match_view.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/matching.hpp"
#include "safe_output.hpp"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;
namespace app = rw::adapters::app;

namespace {

struct match_options {
    std::string db, vacancy, worker, at, by;
    std::size_t top = 10;
    unsigned threads = 0;  // every core: the output does not depend on it (match_lazy_tests)
    std::string lang = "nl", format = "text", rules = default_rules_dir();
    bool explain = false, no_log = false;
};

struct decide_options {
    std::string db, vacancy, worker, decision, reason, by, at;
};

struct log_options {
    std::string db, vacancy, worker, format = "text", lang = "nl", rules = default_rules_dir();
};

/// "2026-12-02T10:00:00Z" as people read it: "wo 2 dec 2026 10:00 UTC" (as is when it is not that form).
std::string when_for_people(std::string const& at, std::string_view lang) {
    auto d = at.size() >= 16 ? engine::parse_date(at.substr(0, 10)) : std::nullopt;
    if (!d || at[10] != 'T') return at;
    return engine::format_date_weekday(*d, lang) + " " + at.substr(11, 5) + " UTC";
}

std::string date_for_people(std::optional<std::string> const& iso, std::string_view lang) {
    if (!iso) return "-";
    auto d = engine::parse_date(*iso);
    return d ? engine::format_date_weekday(*d, lang) : *iso;
}

/// A run's ranking (match_ranking_json) in words: the eligible by rank with their score, the
/// blocked with the rule (its label) and the day it bites, the flagged requirement texts.
std::string ranking_for_people(std::string const& detail, engine::program const* prog, pr::language l) {
    auto j = nlohmann::ordered_json::parse(detail, nullptr, false);
    if (j.is_discarded()) return detail;
    std::string const lang = l == pr::language::en ? "en" : "nl";
    auto one = [&](nlohmann::ordered_json const& m) {
        std::string out;
        if (m.contains("vacancy") && j.is_array()) out += m["vacancy"].get<std::string>() + ": ";
        std::string el, bl, fl;
        for (auto const& e : m.value("eligible", nlohmann::ordered_json::array()))
            el += (el.empty() ? "" : ", ") + std::to_string(e.value("rank", 0)) + ". " + e.value("worker", "") + " (" + e.value("score", "") + ")";
        for (auto const& b : m.value("blocked", nlohmann::ordered_json::array())) {
            std::string why;
            for (auto const& r : b.value("blocks", nlohmann::ordered_json::array())) {
                std::string code = r.get<std::string>();  // rule[/variant]@YYYY-MM-DD
                auto at = code.rfind('@');
                std::string rule = code.substr(0, std::min(code.find('/'), at));
                auto d = at == std::string::npos ? std::nullopt : engine::parse_date(code.substr(at + 1));
                why += (why.empty() ? "" : "; ") + (prog ? prog->label_or_name(engine::label_kind::regel, rule, lang) : rule) +
                       (d ? ", " + engine::format_date_weekday(*d, lang) : "");
            }
            bl += (bl.empty() ? "" : ", ") + b.value("worker", "") + " (" + why + ")";
        }
        for (auto const& f : m.value("flags", nlohmann::ordered_json::array()))
            fl += (fl.empty() ? "" : ", ") + ("\"" + f.value("found", "") + "\" (" + f.value("ground", "") + ")");
        out += (l == pr::language::en ? "eligible: " : "plaatsbaar: ") + (el.empty() ? "-" : el);
        out += (l == pr::language::en ? "; blocked: " : "; geblokkeerd: ") + (bl.empty() ? "-" : bl);
        if (!fl.empty()) out += (l == pr::language::en ? "; not used: " : "; niet gebruikt: ") + fl;
        return out;
    };
    if (!j.is_array()) return one(j);
    std::string out;
    for (auto const& m : j) out += (out.empty() ? "" : "\n    ") + one(m);
    return out;
}

/// Who runs or decides: --by, else $USER, else "onbekend".
std::string who(std::string const& by) {
    if (!by.empty()) return by;
    if (char const* u = std::getenv("USER"); u && *u) return u;
    return "onbekend";
}

int fail(std::string const& msg) {
    std::cerr << "regelwerk: " << msg << "\n";
    return bad_input;
}

int run_match(match_options const& o) {
    if (o.db.empty()) return fail("--db is required");
    if (o.vacancy.empty() == o.worker.empty()) return fail("give --vacancy V or --worker W (one of them)");
    engine::match_options mo;
    mo.at = parse_at(o.at);
    mo.lang = o.lang;
    mo.explain = o.explain;
    mo.threads = o.threads;
    // Only the top N are shown: check in ranking order until N are eligible (0: check everyone).
    mo.stop_after_eligible = o.top;
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    std::optional<engine::dossier> d;
    std::string store_hash;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        bool found = false;
        d = app::matching_dossier(s, o.worker, &found, o.no_log ? nullptr : &store_hash);
        if (!d) return fail("the store has no agency");
        if (!o.worker.empty() && !found) return fail("no worker '" + terminal_safe(o.worker) + "' in " + o.db);
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    auto lang = language_of(o.lang);
    try {
        // Every run is logged (AVG art. 22, AI Act art. 26(6)): who, when, what it read, the ranking.
        sq::match_log_entry run;
        if (!o.worker.empty()) {
            auto r = app::match_worker(*d, prog, o.worker, mo, lang, who(o.by), store_hash);
            if (o.format == "json") pr::render_worker_match_json(std::cout, r.view);
            else pr::render_worker_match_text(std::cout, r.view);
            run = std::move(r.entry);
        } else {
            auto r = app::match_vacancy(*d, prog, o.vacancy, mo, lang, o.top, who(o.by), store_hash);
            if (o.format == "json") pr::render_match_json(std::cout, r.view);
            else pr::render_match_text(std::cout, r.view);
            run = std::move(r.entry);
        }
        if (!o.no_log) sq::store::open(o.db, sq::open_mode::read_write).append_match_log(run);
        return ok;
    } catch (std::invalid_argument const& e) {
        return fail(e.what());
    } catch (sq::store_error const& e) {
        return fail(std::string("the match was not logged: ") + e.what());
    }
}

int run_decide(decide_options const& o) {
    if (o.decision != "voorstellen" && o.decision != "afwijzen") return fail("--decision: voorstellen | afwijzen");
    if (o.reason.empty()) return fail("--reason: say why (AVG art. 22: the person's view and the reason are kept)");
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_write);
        auto by = who(o.by);
        auto r = app::record_match_decision(s, o.vacancy, o.worker, o.decision, o.reason, by, parse_at(o.at));
        if (!r.error.empty()) return fail(terminal_safe(r.error) + " in " + o.db);
        std::cout << "logged decision " << r.id << ": " << o.decision << " " << terminal_safe(o.worker) << " for "
                  << terminal_safe(o.vacancy) << " by " << terminal_safe(by) << "\n";
        return ok;
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
}

int run_log(log_options const& o) {
    if (o.vacancy.empty() && o.worker.empty()) return fail("give --vacancy V and/or --worker W");
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    std::vector<sq::match_log_entry> rows;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_only);
        rows = s.match_log(o.vacancy.empty() ? std::nullopt : std::optional<std::string>(o.vacancy),
                           o.worker.empty() ? std::nullopt : std::optional<std::string>(o.worker));
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    auto opt = [](std::optional<std::string> const& v) { return v ? *v : std::string("-"); };
    if (o.format == "json") {
        auto arr = nlohmann::ordered_json::array();
        auto oj = [](std::optional<std::string> const& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
        for (auto const& r : rows)
            arr.push_back({{"id", r.id}, {"entry", r.entry}, {"at", r.at}, {"by", r.by}, {"client", oj(r.client)},
                           {"vacancy", oj(r.vacancy)}, {"worker", oj(r.worker)}, {"reference_date", oj(r.reference_date)},
                           {"inputs_hash", oj(r.inputs_hash)}, {"decision", oj(r.decision)}, {"reason", oj(r.reason)},
                           {"detail", r.detail_json ? nlohmann::ordered_json::parse(*r.detail_json, nullptr, false) : nlohmann::ordered_json()}});
        std::cout << pr::dump_json(arr, 2) << "\n";
        return ok;
    }
    // Text for people: dates with their weekday, rules by their labels (JSON keeps ids and ISO dates).
    auto prog = load_rules(o.rules);
    auto l = language_of(o.lang);
    std::string const lang = o.lang;
    for (auto const& r : rows) {
        std::cout << r.id << "  " << when_for_people(r.at, lang) << "  " << r.entry << "  " << terminal_safe(r.by) << "  vacature "
                  << terminal_safe(opt(r.vacancy)) << "  werker " << terminal_safe(opt(r.worker)) << "  peildatum "
                  << date_for_people(r.reference_date, lang);
        if (r.entry == "decision") std::cout << "  " << opt(r.decision) << ": " << terminal_safe(opt(r.reason));
        else std::cout << "  invoer " << opt(r.inputs_hash);
        std::cout << "\n";
        if (r.entry == "run" && r.detail_json) std::cout << "    " << terminal_safe(ranking_for_people(*r.detail_json, prog.get(), l)) << "\n";
    }
    if (rows.empty()) std::cout << "(geen)\n";
    return ok;
}

}  // namespace

void register_match_command(CLI::App& app, int& result) {
    auto o = std::make_shared<match_options>();
    auto* c = app.add_subcommand("match", "Candidates for a vacancy (or vacancies for a worker): legally checked over the assignment, scored with reasons");
    c->add_option("--db", o->db, "SQLite store");
    c->add_option("--vacancy", o->vacancy, "Vacancy id: rank its candidates");
    c->add_option("--worker", o->worker, "Worker id: the open vacancies for this worker");
    c->add_option("--at", o->at, "Reference date (known until); default today")->check(non_empty_date);
    c->add_option("--top", o->top, "Eligible candidates shown; the legal check stops after N eligible in ranking order (0 = check and show all)")->capture_default_str();
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    c->add_option("--format", o->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    c->add_flag("--explain", o->explain, "Every reason, full citations, and why each finding beside a candidate applies");
    c->add_option("--threads", o->threads, "Candidates checked in parallel (0 = every core; on a busy machine 1 can be faster); the output is the same")->capture_default_str();
    c->add_option("--by", o->by, "Who runs the match (logged; default $USER)");
    c->add_flag("--no-log", o->no_log, "Do not log this run (a read-only store; the run then leaves no trace)");
    add_rules_options(c, o->rules);
    c->callback([&result, o, c] {
        if (c->get_subcommands().empty()) result = run_match(*o);
    });

    // match decide: a person decides (AVG art. 22); the decision is appended to the log.
    auto d = std::make_shared<decide_options>();
    auto* dc = c->add_subcommand("decide", "Record a person's decision about a candidate: voorstellen (propose to the client) or afwijzen");
    dc->add_option("--db", d->db, "SQLite store")->required();
    dc->add_option("--vacancy", d->vacancy, "Vacancy id")->required();
    dc->add_option("--worker", d->worker, "Worker id")->required();
    dc->add_option("--decision", d->decision, "voorstellen | afwijzen")->required()->check(CLI::IsMember({"voorstellen", "afwijzen"}));
    dc->add_option("--reason", d->reason, "Why (kept in the log)")->required();
    dc->add_option("--by", d->by, "Who decides (default $USER)");
    dc->add_option("--at", d->at, "The reference date the decision is about; default today")->check(non_empty_date);
    dc->callback([&result, d] { result = run_decide(*d); });

    // match log: the append-only log for a vacancy or a worker, oldest first.
    auto l = std::make_shared<log_options>();
    auto* lc = c->add_subcommand("log", "The matching log (runs and decisions) for a vacancy or a worker");
    lc->add_option("--db", l->db, "SQLite store")->required();
    lc->add_option("--vacancy", l->vacancy, "Vacancy id");
    lc->add_option("--worker", l->worker, "Worker id");
    lc->add_option("--format", l->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    lc->add_option("--lang", l->lang, "nl | en (text)")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    add_rules_options(lc, l->rules);
    lc->callback([&result, l] { result = run_log(*l); });
}

}  // namespace rw::cli
