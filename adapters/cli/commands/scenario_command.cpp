// scenario: "what if I place this worker there?" A hypothetical contract and placement for one
// worker of the store, evaluated by the engine's scenario API over the placement's period, with
// everything known up to --at: what would block it (violations, the day each bites) and what goes
// beside it (actions, warnings). Matching (issue 12) asks the same question per candidate.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/presentation/scenario_view.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "safe_output.hpp"

#include <iostream>
#include <sstream>
#include <stdexcept>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;

namespace {

struct scenario_options {
    std::string db, worker, client, function, from, to, at, kind = "uitzendbeding", hours, wage, shifts;
    std::string lang = "nl", format = "text", rules = default_rules_dir();
    bool explain = false;
};

int fail(std::string const& msg) {
    std::cerr << "regelwerk: " << msg << "\n";
    return bad_input;
}

int run_scenario(scenario_options const& o) {
    engine::day K = parse_at(o.at);
    auto from = engine::parse_date(o.from);
    if (!from) return fail("--from: '" + terminal_safe(o.from) + "' is not a date (YYYY-MM-DD)");
    engine::opt_day to;
    if (!o.to.empty()) {
        to = engine::parse_date(o.to);
        if (!to) return fail("--to: '" + terminal_safe(o.to) + "' is not a date (YYYY-MM-DD)");
        if (*to < *from) return fail("--to lies before --from");
    }
    auto kind = engine::enum_from_string<engine::contract_kind>(o.kind);
    if (!kind) return fail("--kind: '" + terminal_safe(o.kind) + "' is not uitzendbeding | bepaalde_tijd | onbepaalde_tijd | oproep");
    engine::contract c;
    c.id = "WAT-ALS-C";
    c.kind = *kind;
    c.start = *from;
    c.end = to;
    if (!o.hours.empty()) {
        c.hours_per_week = engine::parse_decimal(o.hours);
        if (!c.hours_per_week) return fail("--hours: '" + terminal_safe(o.hours) + "' is not a number");
    }
    engine::placement p;
    p.id = "WAT-ALS-P";
    p.contract = c.id;
    p.client = o.client;
    if (!o.function.empty()) p.function = o.function;
    p.start = *from;
    p.end = to;
    if (!o.wage.empty()) {
        p.hourly_wage = engine::parse_money(o.wage);
        if (!p.hourly_wage) return fail("--wage: '" + terminal_safe(o.wage) + "' is not an amount (e.g. 15.20)");
    }
    if (!o.shifts.empty()) {
        std::vector<engine::shift_kind> shifts;
        std::stringstream ss(o.shifts);
        for (std::string item; std::getline(ss, item, ',');) {
            auto sk = engine::enum_from_string<engine::shift_kind>(item);
            if (!sk) return fail("--shifts: '" + terminal_safe(item) + "' is not dag | avond | nacht | weekend");
            shifts.push_back(*sk);
        }
        p.shifts = shifts;
    }
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    engine::dossier d;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        auto w = s.load_worker(o.worker);
        if (!w) return fail("no worker '" + terminal_safe(o.worker) + "' in " + o.db);
        auto ag = s.load_agency();
        if (!ag) return fail("the store has no agency");
        d.agency_info = *ag;
        d.clients = s.load_clients();
        d.workers.push_back(std::move(*w));
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    bool client_known = false;
    for (auto const& k : d.clients) client_known = client_known || k.id == o.client;
    if (!client_known) return fail("no client '" + terminal_safe(o.client) + "' in " + o.db);
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;

    engine::scenario s;
    s.worker = o.worker;
    s.known_until = K;
    s.from = *from;
    s.to = engine::horizon_end(*from, to);
    s.contracts.push_back(c);
    s.placements.push_back(p);
    engine::evaluator ev(prog);
    engine::evaluation_options opts;
    opts.explain = o.explain;
    opts.lang = o.lang;
    engine::scenario_result r;
    try {
        r = engine::evaluate_scenario(ev, d, s, opts);
    } catch (std::invalid_argument const& e) {
        return fail(e.what());
    }
    auto view = pr::build_scenario_view(d.workers.front(), s, r, language_of(o.lang), o.explain, prog.get());
    if (o.format == "json") pr::render_scenario_json(std::cout, view);
    else pr::render_scenario_text(std::cout, view);
    return view.blocks.empty() ? ok : findings;
}

}  // namespace

void register_scenario_command(CLI::App& app, int& result) {
    auto o = std::make_shared<scenario_options>();
    auto* c = app.add_subcommand("scenario", "What if: a hypothetical contract and placement for one worker, checked on every day that matters");
    c->add_option("--db", o->db, "SQLite store")->required();
    c->add_option("--worker", o->worker, "Worker id")->required();
    c->add_option("--client", o->client, "Client id of the placement")->required();
    c->add_option("--from", o->from, "First day of the placement (YYYY-MM-DD)")->required();
    c->add_option("--to", o->to, "Last day (YYYY-MM-DD); none: open-ended, a year is simulated");
    c->add_option("--function", o->function, "Function at the client (for the reference wage)");
    c->add_option("--kind", o->kind, "Contract kind: uitzendbeding | bepaalde_tijd | onbepaalde_tijd | oproep")->capture_default_str();
    c->add_option("--hours", o->hours, "Hours per week");
    c->add_option("--wage", o->wage, "Hourly wage in euro, e.g. 15.20");
    c->add_option("--shifts", o->shifts, "Shifts, comma-separated: dag,avond,nacht,weekend");
    c->add_option("--at", o->at, "Known until (the reference date); default today")->check(non_empty_date);
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    c->add_option("--format", o->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    c->add_flag("--explain", o->explain, "Add why: facts, dated parameters with their sources, conditions");
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_scenario(*o); });
}

}  // namespace rw::cli
