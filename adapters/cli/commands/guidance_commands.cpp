// Guidance (issue 13): `taak gedaan` records that a task was done (evidence, tasks_done) and
// `tijdlijn` shows one worker's placements with the steps of the past and those to come. The view
// and its text and JSON forms are the presentation layer's; this file checks, loads and evaluates.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "worker_inputs.hpp"
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/presentation/timeline.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/calendar.hpp"
#include "safe_output.hpp"

#include <algorithm>
#include <iostream>
#include <set>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;
namespace app = rw::adapters::app;

namespace {

struct done_options {
    std::string db, worker, task, placement, on, by, how, note, lang = "nl", rules = default_rules_dir();
};

int run_task_done(done_options const& o) {
    auto const l = language_of(o.lang);
    auto on = engine::parse_date(o.on);
    if (!on) {
        std::cerr << "regelwerk: --on '" << terminal_safe(o.on) << "' is not a date (YYYY-MM-DD)\n";
        return bad_input;
    }
    if (*on > today()) {
        std::cerr << "regelwerk: --on " << o.on << " lies after today: record a task once it is done\n";
        return bad_input;
    }
    for (auto [value, name] : {std::pair{&o.by, "--by"}, std::pair{&o.how, "--how"}, std::pair{&o.task, "--task"}})
        if (value->find_first_not_of(" \t") == std::string::npos) {
            std::cerr << "regelwerk: " << name << " is empty\n";
            return bad_input;
        }
    if (auto e = std_streams_are_store(o.db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_write);
        engine::task_done t;
        t.task = o.task;
        t.on = *on;
        t.by = o.by;
        t.how = o.how;
        if (!o.note.empty()) t.note = o.note;
        if (!o.placement.empty()) t.placement = o.placement;
        auto r = app::record_task(s, *prog, o.worker, t, today());
        if (!r.error.empty()) {
            std::string e = r.error;
            for (std::size_t at = 0; (at = e.find('\n', at)) != std::string::npos; at += 12) e.replace(at, 1, "\nregelwerk: ");
            std::cerr << "regelwerk: " << terminal_safe(e) << "\n";
            return bad_input;
        }
        std::cout << pr::text(pr::msg::task_recorded, l) << terminal_safe(pr::people_name(*prog, engine::label_kind::regel, o.task, l)) << " ("
                  << terminal_safe(o.task) << ") · " << terminal_safe(r.worker_name) << " (" << terminal_safe(o.worker) << ")";
        if (t.placement) std::cout << " · " << terminal_safe(*t.placement);
        std::cout << " · " << engine::format_date_weekday(*on, pr::code(l)) << " · " << pr::text(pr::msg::task_by, l) << terminal_safe(o.by)
                  << " · " << pr::text(pr::msg::task_how, l) << terminal_safe(o.how) << "\n";
        if (!r.was_tracked) std::cout << pr::text(pr::msg::task_now_tracked, l) << terminal_safe(o.worker) << ".\n";
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << " (nothing was written)\n";
        return bad_input;
    }
    return ok;
}

int run_timeline(std::string const& db, std::string const& worker_id, std::string const& at, std::string const& lang,
                 std::string const& format, std::string const& rules) {
    engine::day R = parse_at(at);
    auto in = open_worker_inputs(db, worker_id, rules);
    if (!in) return bad_input;
    try {
        auto view = app::timeline(*in->store, in->prog, in->ref, worker_id, R, language_of(lang));
        if (!view) return bad_input;
        if (format == "json") pr::render_timeline_json(std::cout, *view);
        else pr::render_timeline_text(std::cout, *view);
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    return ok;
}

}  // namespace

void register_guidance_commands(CLI::App& app, int& result) {
    auto* taak = app.add_subcommand("taak", "Guidance tasks (begeleiding): record that one was done");
    taak->require_subcommand(1);
    auto o = std::make_shared<done_options>();
    auto* c = taak->add_subcommand("gedaan", "Record that a task was done (evidence: tasks_done), in one checked transaction");
    c->add_option("--db", o->db, "SQLite store")->required();
    c->add_option("--worker", o->worker, "Worker id")->required();
    c->add_option("--task", o->task, "Task: the id of its rule (e.g. begeleiding.evaluatie_1, bw.informatie.wezenlijk)")->required();
    c->add_option("--placement", o->placement, "Placement id (for a task per placement)");
    c->add_option("--on", o->on, "The day it was done (YYYY-MM-DD)")->required();
    c->add_option("--by", o->by, "Who did it")->required();
    c->add_option("--how", o->how, "How (telefoon, bezoek, e-mail, brief, ...)")->required();
    c->add_option("--note", o->note, "A note");
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_task_done(*o); });

    struct timeline_options {
        std::string db, worker, at, lang = "nl", format = "text", rules = default_rules_dir();
    };
    auto t = std::make_shared<timeline_options>();
    auto* tl = app.add_subcommand("tijdlijn", "One worker's timeline: placements, steps done (with evidence) and to come");
    tl->add_option("--db", t->db, "SQLite store")->required();
    tl->add_option("--worker", t->worker, "Worker id")->required();
    tl->add_option("--at", t->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    tl->add_option("--lang", t->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    tl->add_option("--format", t->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    add_rules_options(tl, t->rules);
    tl->callback([&result, t] { result = run_timeline(t->db, t->worker, t->at, t->lang, t->format, t->rules); });
}

}  // namespace rw::cli
