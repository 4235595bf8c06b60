// Scenarios (see scenario.hpp): the worker with and without a hypothetical contract and placement,
// evaluated on each day of the horizon on which a conclusion may change.
#include "rw/engine/scenario.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

namespace rw::engine {

namespace {

/// Findings are the same conclusion on two days (or with and without the hypothetical) when they
/// are about the same rule and the same subject; their kind may change (an action becomes overdue).
using finding_key = std::tuple<std::string, std::string, std::string, std::string, int>;

finding_key key_of(finding const& f) { return {f.rule, f.variant, f.contract, f.placement, f.sickness}; }

struct day_set {
    day from, to;
    std::map<day, std::vector<std::string>> days;
    void add(day d, std::string why) {
        if (d < from || d > to) return;
        auto& w = days[d];
        if (std::find(w.begin(), w.end(), why) == w.end()) w.push_back(std::move(why));
    }
    /// A day something starts, and the day after one it ends on (the first day without it).
    void add_period(day start, opt_day end, std::string const& what) {
        add(start, "begin " + what);
        if (end) add(*end + date::days{1}, "na einde " + what);
    }
};

void collect_program_days(program const& prog, day_set& ds) {
    for (auto const& p : prog.params) {
        for (auto const& v : p.versions) ds.add_period(v.from, v.to, "parameter " + p.name);
        for (auto const& x : p.exceptions) ds.add_period(x.from, x.to, "parameter " + p.name + " (" + x.label + ")");
    }
    for (auto const& t : prog.tables)
        for (auto const& v : t.versions) ds.add_period(v.from, v.to, "tabel " + t.name);
    for (auto const& r : prog.rules) ds.add_period(r.valid_from, r.valid_to, "regel " + r.id);
}

void collect_worker_days(dossier const& d, worker const& w, day_set& ds) {
    if (w.birth_date)
        for (int years = 1; years <= 120; ++years) {
            day b = add_months(*w.birth_date, 12 * years);
            if (b > ds.to) break;
            ds.add(b, "verjaardag (" + std::to_string(years) + " jaar)");
        }
    if (w.ident && w.ident->expires) ds.add(*w.ident->expires + date::days{1}, "identiteitsbewijs verlopen");
    if (w.permit) {
        if (w.permit->valid_from) ds.add(*w.permit->valid_from, "vergunning geldig");
        if (w.permit->valid_until) ds.add(*w.permit->valid_until + date::days{1}, "vergunning verlopen");
    }
    std::set<std::string> clients;
    for (auto const& c : w.contracts) {
        ds.add_period(c.start, c.effective_end(), "contract " + c.id);
        if (c.end && c.ended_on) ds.add(*c.end + date::days{1}, "na afgesproken einde contract " + c.id);
    }
    for (auto const& p : w.placements) {
        ds.add_period(p.start, p.end, "plaatsing " + p.id);
        clients.insert(p.client);
    }
    for (auto const& z : w.sicknesses) ds.add_period(z.first_day, z.recovered_on, "ziekte");
    for (auto const& k : d.clients) {
        if (!clients.count(k.id)) continue;
        for (auto const& s : k.strikes) ds.add_period(s.from, s.to, "staking bij " + k.id);
        for (auto const& rw : k.reference_wages) ds.add(rw.from, "referentieloon " + rw.function + " bij " + k.id);
    }
}

worker const* find_worker(dossier const& d, std::string const& id) {
    for (auto const& w : d.workers)
        if (w.id == id) return &w;
    return nullptr;
}

/// Facts outlive the evaluator's per-worker memory only as text (texts point into the dossier).
void detach(std::vector<fact_value>& facts) {
    for (auto& f : facts)
        if (f.v.kind == value_kind::text || f.v.kind == value_kind::list || f.v.kind == value_kind::entity) f.v = value{};
}

bool hypothetical(scenario const& s, finding const& f) {
    for (auto const& c : s.contracts)
        if (f.contract == c.id) return true;
    for (auto const& p : s.placements)
        if (f.placement == p.id) return true;
    return false;
}

/// Which rules the run without the hypothetical must evaluate so that every finding with it can be
/// looked up: none (nullptr) when every finding is about a hypothetical contract or placement;
/// every rule (&every_rule) when a finding is a runtime issue (not tied to one rule);
/// else `mask`, the findings' rules and the rules declared as exceptions to them.
std::vector<char> const every_rule;

std::vector<char> const* compare_rules(program const& prog, scenario const& s, std::vector<finding> const& with,
                                       std::vector<char>& mask) {
    mask.assign(prog.rules.size(), 0);
    bool any = false;
    for (auto const& f : with) {
        if (f.rule_index >= prog.rules.size() || prog.rules[f.rule_index].id != f.rule) return &every_rule;
        if (hypothetical(s, f)) continue;
        mask[f.rule_index] = 1;
        any = true;
    }
    if (!any) return nullptr;
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t j = 0; j < prog.rules.size(); ++j) {
            if (mask[j] || prog.rules[j].exception_of.empty()) continue;
            for (std::size_t i = 0; i < prog.rules.size() && !mask[j]; ++i)
                if (mask[i] && prog.rules[i].id == prog.rules[j].exception_of) {
                    mask[j] = 1;
                    grew = true;
                }
        }
    }
    return &mask;
}

}  // namespace

worker augmented_worker(dossier const& d, scenario const& s, worker const* base) {
    if (!base) base = find_worker(d, s.worker);
    if (!base) throw std::invalid_argument("scenario: no worker '" + s.worker + "' in the dossier");
    worker w = *base;
    for (auto const& c : s.contracts) {
        for (auto const& o : w.contracts)
            if (o.id == c.id) throw std::invalid_argument("scenario: contract id '" + c.id + "' is already used by " + w.id);
        w.contracts.push_back(c);
    }
    for (auto const& p : s.placements) {
        for (auto const& o : w.placements)
            if (o.id == p.id) throw std::invalid_argument("scenario: placement id '" + p.id + "' is already used by " + w.id);
        bool known = std::any_of(w.contracts.begin(), w.contracts.end(), [&](contract const& c) { return c.id == p.contract; });
        if (!known) throw std::invalid_argument("scenario: placement '" + p.id + "' names no contract '" + p.contract + "'");
        w.placements.push_back(p);
    }
    return w;
}

std::vector<scenario_day> scenario_days(program const& prog, dossier const& d, worker const& augmented, scenario const& s) {
    day_set ds{s.from, s.to, {}};
    ds.add(s.from, "begin");
    ds.add(s.to, "einde");
    for (day m = monday_of(s.from); m <= s.to; m += date::days{7}) ds.add(m, "maandag");
    collect_program_days(prog, ds);
    collect_worker_days(d, augmented, ds);
    std::vector<scenario_day> out;
    for (auto& [on, why] : ds.days) out.push_back({on, std::move(why)});
    return out;
}

scenario_result evaluate_scenario(evaluator& ev, dossier const& d, scenario const& s, evaluation_options opts,
                                  scenario_check check, scenario_stop const& stop_when, scenario_lookup const& lookup) {
    if (s.to < s.from) throw std::invalid_argument("scenario: the horizon ends before it begins");
    worker const* base = lookup.base ? lookup.base : find_worker(d, s.worker);
    worker const w = augmented_worker(d, s, base);
    std::optional<client_index> own_index;
    if (!lookup.clients) own_index.emplace(d.clients);
    client_index const& clients = lookup.clients ? *lookup.clients : *own_index;
    day_set ds{s.from, s.to, {}};
    for (auto& sd : scenario_days(ev.prog(), d, w, s))
        for (auto& why : sd.why) ds.add(sd.on, why);

    scenario_result res;
    std::map<finding_key, std::size_t> effect_of;
    opts.known_until = s.known_until;
    std::vector<char> rule_mask;
    // Days are added while evaluating (a phase transition, a due date); the map keeps them ordered.
    for (auto it = ds.days.begin(); it != ds.days.end(); ++it) {
        day on = it->first;
        if (res.days.size() >= 2000) break;  // a bound on work, far above any real horizon
        opts.reference = on;
        opts.lead_days = static_cast<int>((s.to - on).count());
        auto with = ev.evaluate_worker(d.agency_info, clients, w, opts);
        // Without the hypothetical, only what can be compared: the rules of the findings with it
        // that are not about a hypothetical contract or placement (those ids are new), texts and
        // facts left out. The exhaustive check evaluates everything, as the definition says.
        std::set<finding_key> before;
        auto const* mask = check == scenario_check::exhaustive ? &every_rule : compare_rules(ev.prog(), s, with.findings, rule_mask);
        if (mask) {
            evaluation_options wo = opts;
            if (mask == &rule_mask) {
                wo.only_rules = mask;
                wo.facts = false;
                wo.explain = false;
                wo.messages = evaluation_options::message_mode::none;
            }
            auto without = ev.evaluate_worker(d.agency_info, clients, *base, wo);
            for (auto const& f : without.findings) before.insert(key_of(f));
        }
        for (auto const& fv : with.facts)
            if (fv.v.kind == value_kind::date && fv.v.as_date() > on) ds.add(fv.v.as_date(), "feit " + fv.name);
        for (auto& f : with.findings) {
            if (f.due && *f.due >= on) {
                ds.add(*f.due, "termijn " + f.rule);
                ds.add(*f.due + date::days{1}, "termijn " + f.rule + " verstreken");
            }
            auto k = key_of(f);
            if (before.count(k)) continue;
            auto [pos, fresh] = effect_of.try_emplace(k, res.caused.size());
            if (fresh) {
                if (stop_when && stop_when(f)) res.stopped = true;
                day bites = f.due && *f.due >= s.from ? *f.due : on;
                res.caused.push_back({std::move(f), bites, on, on, {}});
            }
            auto& e = res.caused[pos->second];
            e.last_day = on;
            e.days.push_back(on);
        }
        detach(with.facts);
        res.facts.push_back(std::move(with.facts));
        res.days.push_back({on, it->second});
        if (res.stopped) break;
    }
    std::stable_sort(res.caused.begin(), res.caused.end(), [](scenario_effect const& a, scenario_effect const& b) {
        return std::tie(a.bites_on, a.f.rule, a.f.variant) < std::tie(b.bites_on, b.f.rule, b.f.variant);
    });
    return res;
}

}  // namespace rw::engine
