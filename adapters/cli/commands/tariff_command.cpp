// tarief (issue 14): the client tariff from the rulebook's cost lines (rules/tarief/), with the
// agency's margin or factor, the floors checked and a quote below cost refused; `tarief herzien`
// lists the placements whose cost price changes within N weeks. Thin: the store reads, the engine
// computes (engine/tariff.hpp), the presentation layer renders.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/tariff_view.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/tariff.hpp"
#include "safe_output.hpp"

#include <algorithm>
#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;
namespace app = rw::adapters::app;

namespace {

struct tariff_options {
    std::string at, wage, hours, fase, contract, age, margin, factor, client, function, db, placement;
    std::string tariff = "kostprijs", format = "text", lang = "nl", rules = default_rules_dir();
    std::vector<std::string> set;
};

struct requote_cli_options {
    std::string at, db, tariff = "kostprijs", format = "text", lang = "nl";
    int weeks = 8;
};

int fail(std::string const& msg) {
    std::cerr << "regelwerk: " << msg << "\n";
    return bad_input;
}

int run_quote(tariff_options const& o) {
    if (!o.placement.empty() && o.db.empty()) return fail("--placement needs --db");
    if (o.format != "text" && o.format != "json" && o.format != "html") return fail("--format must be text, json or html");
    app::quote_request r;
    r.at = parse_at(o.at);
    r.wage = o.wage;
    r.hours = o.hours;
    r.fase = o.fase;
    r.contract = o.contract;
    r.age = o.age;
    r.margin = o.margin;
    r.factor = o.factor;
    r.client = o.client;
    r.function = o.function;
    r.placement = o.placement;
    r.tariff = o.tariff;
    r.set = o.set;
    r.lang = language_of(o.lang);
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    app::quote_result q;
    try {
        std::optional<sq::store> s;
        if (!o.db.empty()) {
            if (auto e = std_streams_are_store(o.db)) return fail(*e);
            s.emplace(sq::store::open(o.db, sq::open_mode::read_only));
        }
        q = app::make_quote(s ? &*s : nullptr, prog, std::move(r));
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    if (!q.error.empty()) {
        // The store's name where the message is about what the store lacks (as before the move).
        bool about_store = q.error.rfind("no placement", 0) == 0 || q.error.rfind("no client", 0) == 0;
        return fail(pr::terminal_safe(q.error) + (about_store ? " in " + o.db : ""));
    }
    if (o.format == "json") pr::render_quote_json(std::cout, q.q, q.context);
    else if (o.format == "html") pr::render_quote_html(std::cout, *prog, q.q, q.context);
    else pr::render_quote_text(std::cout, *prog, q.q, q.context);
    return q.q.refused ? findings : ok;
}

int run_requote(requote_cli_options const& o, std::string const& rules) {
    if (o.db.empty()) return fail("--db is required");
    if (o.weeks < 1 || o.weeks > 104) return fail("--weeks must lie between 1 and 104");
    if (o.format != "text" && o.format != "json") return fail("--format must be text or json");
    if (auto e = std_streams_are_store(o.db)) return fail(*e);
    engine::dossier d;
    try {
        auto s = sq::store::open(o.db, sq::open_mode::read_only);
        auto ag = s.load_agency();
        if (!ag) return fail("the store has no agency");
        d.agency_info = *ag;
        d.clients = s.load_clients();
        s.for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
            d.workers.push_back(std::move(w));
            return true;
        });
    } catch (sq::store_error const& e) {
        return fail(e.what());
    }
    auto prog = load_rules(rules);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    engine::requote_options ro;
    ro.at = parse_at(o.at);
    ro.weeks = o.weeks;
    ro.tariff = o.tariff;
    auto list = engine::requote_list(ev, d, ro);
    if (o.format == "json") pr::render_requote_json(std::cout, list, ro.at, ro.weeks);
    else pr::render_requote_text(std::cout, list, ro.at, ro.weeks, language_of(o.lang));
    return ok;
}

}  // namespace

void register_tariff_command(CLI::App& app, int& result) {
    auto o = std::make_shared<tariff_options>();
    auto* cmd = app.add_subcommand("tarief", "The client tariff: the cost price per hour from the rulebook (rules/tarief/), margin or factor, floors");
    cmd->add_option("--at", o->at, "Date of the quote (YYYY-MM-DD; default today)");
    cmd->add_option("--wage", o->wage, "Gross hourly wage (15.00 or 15,00)");
    cmd->add_option("--hours", o->hours, "Hours a week (maximum premium wage per hour; the youth AWf rule)");
    cmd->add_option("--fase", o->fase, "Phase A, B or C (gives the contract kind when --contract is not given)");
    cmd->add_option("--contract", o->contract, "Contract kind: uitzendbeding, bepaalde_tijd, onbepaalde_tijd, oproep");
    cmd->add_option("--age", o->age, "Age of the worker (minimum wage, pension from 18, youth AWf)");
    cmd->add_option("--margin", o->margin, "Margin on the cost price, e.g. 20%");
    cmd->add_option("--factor", o->factor, "Conversion factor on the wage, e.g. 1.85");
    cmd->add_option("--client", o->client, "Client id (with --function and --db: equal pay floor)");
    cmd->add_option("--function", o->function, "The client's function (reference wage)");
    cmd->add_option("--db", o->db, "Store (agency, clients' reference wages)");
    cmd->add_option("--placement", o->placement, "A placement in the store (with --db): its wage, contract, phase, age, hours, client and function");
    cmd->add_option("--set", o->set, "Any other input of the tariff: name=value (e.g. stipp_plus=ja)");
    cmd->add_option("--tariff", o->tariff, "The tariff declaration to use")->capture_default_str();
    cmd->add_option("--format", o->format, "text | json | html (a printable quote)")->capture_default_str();
    cmd->add_option("--lang", o->lang, "nl | en")->capture_default_str();
    add_rules_options(cmd, o->rules);
    auto r = std::make_shared<requote_cli_options>();
    auto* sub = cmd->add_subcommand("herzien", "Re-quote list: placements whose cost price per hour changes within N weeks");
    sub->add_option("--db", r->db, "Store")->required();
    sub->add_option("--at", r->at, "Reference date (default today)");
    sub->add_option("--weeks", r->weeks, "How many weeks ahead")->capture_default_str();
    sub->add_option("--tariff", r->tariff, "The tariff declaration to use")->capture_default_str();
    sub->add_option("--format", r->format, "text | json")->capture_default_str();
    sub->add_option("--lang", r->lang, "nl | en")->capture_default_str();
    sub->callback([r, o, &result] { result = run_requote(*r, o->rules); });
    cmd->callback([o, sub, &result] {
        if (sub->parsed()) return;
        result = run_quote(*o);
    });
}

}  // namespace rw::cli
