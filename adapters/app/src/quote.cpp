// See services.hpp (tariff). The checks and the order in which inputs are taken are the `tarief`
// command's: the request first, then the placement, then the defaults (contract from the phase).
#include "rw/adapters/app/services.hpp"

#include "rw/engine/calendar.hpp"
#include "rw/engine/tariff.hpp"

#include <algorithm>

namespace rw::adapters::app {

namespace {

std::string decimal_point(std::string s) {
    std::replace(s.begin(), s.end(), ',', '.');
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

}  // namespace

quote_result make_quote(sqlite::store const* s, std::shared_ptr<engine::program const> const& prog, quote_request o) {
    quote_result out;
    auto fail = [&](std::string msg) {
        out.error = std::move(msg);
        return out;
    };
    if (!o.placement.empty() && !s) return fail("--placement needs --db");
    if (o.wage.empty() && o.placement.empty()) return fail("--wage is required (the gross hourly wage, e.g. 15.00), or --placement with --db");
    if (!o.margin.empty() && !o.factor.empty()) return fail("give --margin or --factor, not both");
    if (o.placement.empty() && (!o.client.empty() || !o.function.empty()) && (o.client.empty() || o.function.empty() || !s))
        return fail("--client and --function go together, with --db (the client's reference wage for the function)");
    auto& qc = out.context;
    qc.lang = o.lang;
    engine::evaluator ev(prog);
    // A placement in the store gives every input the request does not.
    if (!o.placement.empty()) {
        engine::dossier d;
        std::optional<engine::worker> owner;
        auto ag0 = s->load_agency();
        if (!ag0) return fail("the store has no agency");
        d.agency_info = *ag0;
        d.clients = s->load_clients();
        s->for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
            for (auto const& x : w.placements)
                if (x.id == o.placement) owner = std::move(w);
            return !owner;
        });
        if (!owner) return fail("no placement '" + o.placement + "'");
        engine::placement const* pl = nullptr;
        for (auto const& x : owner->placements)
            if (x.id == o.placement) pl = &x;
        auto from_placement = engine::placement_inputs(ev, d, *owner, *pl, o.at, o.tariff);
        auto take = [&](std::string& opt, char const* name) {
            if (opt.empty() && from_placement.count(name)) opt = from_placement[name];
        };
        take(o.wage, "loon");
        take(o.contract, "contract");
        take(o.fase, "fase");
        take(o.age, "leeftijd");
        take(o.hours, "uren");
        if (o.wage.empty()) return fail("placement '" + o.placement + "' has no hourly wage: give --wage");
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
    if (s) {
        ag = s->load_agency();
        if (!o.client.empty() && !o.function.empty()) {
            auto clients = s->load_clients();
            auto k = std::find_if(clients.begin(), clients.end(), [&](auto const& c) { return c.id == o.client; });
            if (k == clients.end()) return fail("no client '" + o.client + "'");
            qc.client_name = k->name;
            std::optional<engine::money> ref;
            engine::opt_day ref_from;
            for (auto const& r : k->reference_wages)
                if (r.function == o.function && r.from <= o.at && (!ref_from || r.from >= *ref_from)) ref = r.hourly, ref_from = r.from;
            // A placement's function without a reference wage has no equal-pay floor; a function
            // the user names must have one.
            if (!ref && o.placement.empty())
                return fail("client '" + o.client + "' has no reference wage for function '" + o.function + "' on " + engine::format_date(o.at));
            if (ref) in["referentieloon"] = engine::format_money(*ref);
        }
    }
    for (auto const& kv : o.set) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) return fail("--set takes name=value, not '" + kv + "'");
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
    out.q = engine::make_quote(ev, ag ? &*ag : nullptr, o.tariff, o.at, in, qo);
    // A misspelt input or a tariff that is not there is the user's mistake, not a refusal.
    for (auto const& e : out.q.cost.errors)
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
    return out;
}

}  // namespace rw::adapters::app
