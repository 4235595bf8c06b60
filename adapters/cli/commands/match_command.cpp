// match (issue 12): candidates for a vacancy, legally checked over the whole assignment and scored
// by the rulebook's criteria; or, with --worker, the open vacancies for one worker. Thin: the store
// reads, the engine matches (engine/matching.hpp), the presentation layer renders.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/presentation/match_view.hpp"
#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/matching.hpp"
#include "safe_output.hpp"

#include <iostream>
#include <stdexcept>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;

namespace {

struct match_options {
    std::string db, vacancy, worker, at;
    std::size_t top = 10;
    std::string lang = "nl", format = "text", rules = default_rules_dir();
    bool explain = false;
};

int fail(std::string const& msg) {
    std::cerr << "regelwerk: " << msg << "\n";
    return bad_input;
}

int run_match(match_options const& o) {
    if (o.vacancy.empty() == o.worker.empty()) return fail("give --vacancy V or --worker W (one of them)");
    engine::match_options mo;
    mo.at = parse_at(o.at);
    mo.lang = o.lang;
    mo.explain = o.explain;
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    engine::dossier d;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        auto ag = s.load_agency();
        if (!ag) return fail("the store has no agency");
        d.agency_info = *ag;
        d.clients = s.load_clients();
        if (!o.worker.empty()) {
            auto w = s.load_worker(o.worker);
            if (!w) return fail("no worker '" + terminal_safe(o.worker) + "' in " + o.db);
            d.workers.push_back(std::move(*w));
        } else {
            // Only candidates are kept: workers whose application is active (matching.hpp).
            s.for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
                if (w.appl && w.appl->status == engine::application_status::active) d.workers.push_back(std::move(w));
                return true;
            });
        }
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    auto lang = language_of(o.lang);
    try {
        if (!o.worker.empty()) {
            auto ms = engine::match_worker(ev, d, o.worker, mo);
            auto view = pr::build_worker_match_view(d.workers.front(), ms, d.agency_info, lang, o.explain);
            if (o.format == "json") pr::render_worker_match_json(std::cout, view);
            else pr::render_worker_match_text(std::cout, view);
            return ok;
        }
        auto m = engine::match_vacancy(ev, d, o.vacancy, mo);
        auto view = pr::build_match_view(m, d.agency_info, lang, o.explain, o.top);
        if (o.format == "json") pr::render_match_json(std::cout, view);
        else pr::render_match_text(std::cout, view);
        return ok;
    } catch (std::invalid_argument const& e) {
        return fail(e.what());
    }
}

}  // namespace

void register_match_command(CLI::App& app, int& result) {
    auto o = std::make_shared<match_options>();
    auto* c = app.add_subcommand("match", "Candidates for a vacancy (or vacancies for a worker): legally checked over the assignment, scored with reasons");
    c->add_option("--db", o->db, "SQLite store")->required();
    c->add_option("--vacancy", o->vacancy, "Vacancy id: rank its candidates");
    c->add_option("--worker", o->worker, "Worker id: the open vacancies for this worker");
    c->add_option("--at", o->at, "Reference date (known until); default today")->check(non_empty_date);
    c->add_option("--top", o->top, "Eligible candidates shown (0 = all)")->capture_default_str();
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    c->add_option("--format", o->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    c->add_flag("--explain", o->explain, "Every reason, full citations, and why each finding beside a candidate applies");
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_match(*o); });
}

}  // namespace rw::cli
