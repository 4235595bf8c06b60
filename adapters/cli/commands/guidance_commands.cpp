// Guidance (issue 13): `taak gedaan` records that a task was done (evidence, tasks_done) and
// `tijdlijn` shows one worker's placements with the steps of the past and those to come. The view
// and its text and JSON forms are the presentation layer's; this file checks, loads and evaluates.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
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

namespace {

struct done_options {
    std::string db, worker, task, placement, on, by, how, note, lang = "nl", rules = default_rules_dir();
};

/// Whether a rule's instances are per placement ('voor elk p in werker.plaatsingen').
bool per_placement(engine::rule_info const& r) {
    for (auto const& g : r.generators)
        if (g.element.kind == engine::type_kind::entity && g.element.sub == static_cast<std::uint16_t>(engine::entity_id::plaatsing))
            return true;
    return false;
}

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
    // The task: the id of a rule whose 'gedaan' reads the task records.
    std::vector<engine::rule_info const*> rules;
    std::set<std::string> task_ids;
    bool by_field = false;
    for (auto const& r : prog->rules) {
        if (r.done_by_record) task_ids.insert(r.id);
        if (r.id == o.task) {
            if (r.done_by_record) rules.push_back(&r);
            else by_field = true;
        }
    }
    if (rules.empty()) {
        if (by_field)
            std::cerr << "regelwerk: rule '" << terminal_safe(o.task)
                      << "' is closed by a field of the dossier (its 'gedaan'), not by a task record; record it there\n";
        else {
            std::cerr << "regelwerk: unknown task '" << terminal_safe(o.task) << "': a task is the id of a rule whose 'gedaan' reads task records";
            auto close = dsl::closest_matches(o.task, std::vector<std::string>(task_ids.begin(), task_ids.end()));
            if (!close.empty()) std::cerr << "; did you mean '" << close.front() << "'?";
            std::cerr << "\nregelwerk: the tasks are:";
            for (auto const& id : task_ids) std::cerr << " " << id;
            std::cerr << "\n";
        }
        return bad_input;
    }
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_write);
        auto w = s.load_worker(o.worker);
        if (!w) {
            std::cerr << "regelwerk: no worker '" << terminal_safe(o.worker) << "' in " << o.db << "\n";
            return bad_input;
        }
        engine::task_done t;
        t.task = o.task;
        t.on = *on;
        t.by = o.by;
        t.how = o.how;
        if (!o.note.empty()) t.note = o.note;
        if (!o.placement.empty()) {
            bool found = false;
            for (auto const& p : w->placements) found = found || p.id == o.placement;
            if (!found) {
                std::cerr << "regelwerk: worker '" << terminal_safe(o.worker) << "' has no placement '" << terminal_safe(o.placement) << "'\n";
                return bad_input;
            }
            t.placement = o.placement;
        } else if (std::any_of(rules.begin(), rules.end(), [](auto const* r) { return per_placement(*r); })) {
            // Without a placement the record goes to the placement running on its day: name it
            // when two run then.
            int running = 0;
            for (auto const& p : w->placements) running += p.start <= *on && (!p.end || *on <= *p.end);
            if (running > 1) {
                std::cerr << "regelwerk: task '" << terminal_safe(o.task) << "' is per placement and " << running << " placements of worker '"
                          << terminal_safe(o.worker) << "' run on " << o.on << ": name one with --placement\n";
                return bad_input;
            }
        }
        bool was_kept = s.append_task_done(o.worker, t);
        std::cout << pr::text(pr::msg::task_recorded, l) << terminal_safe(pr::people_name(*prog, engine::label_kind::regel, o.task, l)) << " ("
                  << terminal_safe(o.task) << ") · " << terminal_safe(w->name) << " (" << terminal_safe(o.worker) << ")";
        if (t.placement) std::cout << " · " << terminal_safe(*t.placement);
        std::cout << " · " << engine::format_date_weekday(*on, pr::code(l)) << " · " << pr::text(pr::msg::task_by, l) << terminal_safe(o.by)
                  << " · " << pr::text(pr::msg::task_how, l) << terminal_safe(o.how) << "\n";
        if (!was_kept) std::cout << pr::text(pr::msg::task_now_tracked, l) << terminal_safe(o.worker) << ".\n";
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << " (nothing was written)\n";
        return bad_input;
    }
    return ok;
}

int run_timeline(std::string const& db, std::string const& worker_id, std::string const& at, std::string const& lang,
                 std::string const& format, std::string const& rules) {
    engine::day R = parse_at(at);
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
    auto prog = load_rules(rules);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    engine::client_index idx(clients);
    engine::evaluation_options opts{R, false};
    auto res = ev.evaluate_worker(*ag, idx, *w, opts);
    auto header = pr::build_worker_view(*prog, *ag, clients, *w, res, {}, R, language_of(lang), false);
    engine::evaluation_options all{R, false};
    all.timeline = true;
    all.facts = false;
    auto steps = ev.evaluate_worker(*ag, idx, *w, all);
    auto view = pr::build_timeline_view(*prog, clients, *w, header, steps, R, language_of(lang));
    if (format == "json") pr::render_timeline_json(std::cout, view);
    else pr::render_timeline_text(std::cout, view);
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
