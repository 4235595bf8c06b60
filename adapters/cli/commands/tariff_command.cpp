// tarief (issue 14): the client tariff from the rulebook's cost lines (rules/tarief/), with the
// agency's margin or factor, the floors checked and a quote below cost refused; `tarief herzien`
// lists the placements whose cost price changes within N weeks. Thin: the store reads, the engine
// computes (engine/tariff.hpp), the presentation layer renders.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
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

std::string decimal_point(std::string s) {
    std::replace(s.begin(), s.end(), ',', '.');
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

int run_quote(tariff_options o) {
    if (!o.placement.empty() && o.db.empty()) return fail("--placement needs --db");
    if (o.wage.empty() && o.placement.empty()) return fail("--wage is required (the gross hourly wage, e.g. 15.00), or --placement with --db");
    if (!o.margin.empty() && !o.factor.empty()) return fail("give --margin or --factor, not both");
    if (o.placement.empty() && (!o.client.empty() || !o.function.empty()) && (o.client.empty() || o.function.empty() || o.db.empty()))
        return fail("--client and --function go together, with --db (the client's reference wage for the function)");
    if (o.format != "text" && o.format != "json" && o.format != "html") return fail("--format must be text, json or html");
    engine::day at = parse_at(o.at);
    pr::quote_context qc;
    qc.lang = language_of(o.lang);
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    // --placement: the store's placement gives every input the command line does not.
    engine::tariff_inputs from_placement;
    if (!o.placement.empty()) {
        if (auto e = std_streams_are_store(o.db)) return fail(*e);
        engine::dossier d;
        std::optional<engine::worker> owner;
        engine::placement const* pl = nullptr;
        try {
            auto s = sq::store::open(o.db, sq::open_mode::read_only);
            auto ag0 = s.load_agency();
            if (!ag0) return fail("the store has no agency");
            d.agency_info = *ag0;
            d.clients = s.load_clients();
            s.for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
                for (auto const& x : w.placements)
                    if (x.id == o.placement) owner = std::move(w);
                return !owner;
            });
        } catch (sq::store_error const& e) {
            return fail(e.what());
        }
        if (!owner) return fail("no placement '" + pr::terminal_safe(o.placement) + "' in " + o.db);
        for (auto const& x : owner->placements)
            if (x.id == o.placement) pl = &x;
        from_placement = engine::placement_inputs(ev, d, *owner, *pl, at, o.tariff);
        auto take = [&](std::string& opt, char const* name) {
            if (opt.empty() && from_placement.count(name)) opt = from_placement[name];
        };
        take(o.wage, "loon");
        take(o.contract, "contract");
        take(o.fase, "fase");
        take(o.age, "leeftijd");
        take(o.hours, "uren");
        if (o.wage.empty()) return fail("placement '" + pr::terminal_safe(o.placement) + "' has no hourly wage: give --wage");
        if (o.client.empty()) {
            o.client = pl->client;
            o.function = pl->function.value_or("");
        }
        qc.placement = o.placement + " (" + owner->id + " " + owner->name + ")";
    }
    std::string fase = o.fase, contract = o.contract;
    if (!fase.empty() && fase != "A" && fase != "B" && fase != "C") return fail("--fase must be A, B or C");
    if (contract.empty()) contract = engine::contract_for_phase(fase.empty() ? "A" : fase);
    if (engine::enum_member(engine::enum_id::contract_kind, contract) < 0)
        return fail("--contract must be uitzendbeding, bepaalde_tijd, onbepaalde_tijd or oproep");
    engine::tariff_inputs in;
    in["loon"] = o.wage;
    in["contract"] = contract;
    if (!fase.empty()) in["fase"] = fase;
    if (!o.age.empty()) in["leeftijd"] = o.age;
    if (!o.hours.empty()) in["uren"] = o.hours;
    std::optional<engine::agency> ag;
    if (!o.db.empty()) {
        if (auto e = std_streams_are_store(o.db)) return fail(*e);
        try {
            auto s = sq::store::open(o.db, sq::open_mode::read_only);
            ag = s.load_agency();
            if (!o.client.empty() && !o.function.empty()) {
                auto clients = s.load_clients();
                auto k = std::find_if(clients.begin(), clients.end(), [&](auto const& c) { return c.id == o.client; });
                if (k == clients.end()) return fail("no client '" + pr::terminal_safe(o.client) + "' in " + o.db);
                qc.client_name = k->name;
                std::optional<engine::money> ref;
                engine::opt_day ref_from;
                for (auto const& r : k->reference_wages)
                    if (r.function == o.function && r.from <= at && (!ref_from || r.from >= *ref_from)) ref = r.hourly, ref_from = r.from;
                if (!ref && !o.placement.empty()) {
                    // a placement's function without a reference wage: no equal-pay floor
                } else if (!ref)
                    return fail("client '" + pr::terminal_safe(o.client) + "' has no reference wage for function '" +
                                pr::terminal_safe(o.function) + "' on " + engine::format_date(at));
                if (ref) in["referentieloon"] = engine::format_money(*ref);
            }
        } catch (sq::store_error const& e) {
            return fail(e.what());
        }
    }
    for (auto const& kv : o.set) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) return fail("--set takes name=value, not '" + pr::terminal_safe(kv) + "'");
        in[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    engine::quote_options qo;
    if (!o.margin.empty()) {
        std::string m = decimal_point(o.margin);
        if (!m.empty() && m.back() == '%') m.pop_back();
        auto p = engine::parse_percent_micro(m);
        if (!p) return fail("--margin takes a percentage such as 20% or 17,5%");
        qo.margin_micro = *p;
    }
    if (!o.factor.empty()) {
        auto f = engine::parse_decimal(decimal_point(o.factor));
        if (!f || f->milli <= 0) return fail("--factor takes a positive number such as 1.85 (at most three decimals)");
        qo.factor_milli = f->milli;
    }
    auto q = engine::make_quote(ev, ag ? &*ag : nullptr, o.tariff, at, in, qo);
    // A misspelt input or a tariff that is not there is the user's mistake, not a refusal.
    for (auto const& e : q.cost.errors)
        if (e.find("has no input") != std::string::npos || e.find("cannot read") != std::string::npos ||
            e.find("no tariff") != std::string::npos || e.find("not in force") != std::string::npos)
            return fail(e);
    qc.wage = o.wage;
    qc.contract = contract;
    qc.fase = fase;
    qc.age = o.age;
    qc.hours = o.hours;
    qc.client = o.client;
    qc.function = o.function;
    if (ag) qc.agency = ag->name;
    if (o.format == "json") pr::render_quote_json(std::cout, q, qc);
    else if (o.format == "html") pr::render_quote_html(std::cout, *prog, q, qc);
    else pr::render_quote_text(std::cout, *prog, q, qc);
    return q.refused ? findings : ok;
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
