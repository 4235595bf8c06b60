// Case verification (see case_verify.hpp).
#include "rw/engine/case_verify.hpp"

#include "rw/engine/matching.hpp"

#include "rw/engine/scenario.hpp"
#include "rw/engine/tariff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace rw::engine {

std::string normalise_fact_text(std::string const& s) {
    if (auto d = parse_date(s)) return format_date(*d);
    if (auto n = parse_decimal(s)) return format_decimal(*n);
    return s;
}

std::string describe(finding const& f) {
    std::string s = (f.worker.empty() ? std::string("(bureau)") : f.worker) + " " + f.rule + " " + to_string(f.kind);
    if (f.due) s += " due " + format_date(*f.due);
    if (!f.contract.empty()) s += " contract " + f.contract;
    if (!f.placement.empty()) s += " placement " + f.placement;
    if (f.open) s += " open";
    return s;
}

static std::string describe(finding_expectation const& e) {
    std::string s = (e.worker ? *e.worker : std::string("(bureau)")) + " " + e.rule;
    if (e.kind) s += " " + *e.kind;
    if (e.due) s += " due " + format_date(*e.due);
    if (e.contract) s += " contract " + *e.contract;
    if (e.placement) s += " placement " + *e.placement;
    if (e.open) s += *e.open ? " open" : " not open";
    return s;
}

static bool matches(finding_expectation const& e, finding const& f) {
    if ((e.worker ? *e.worker : std::string()) != f.worker) return false;
    if (e.rule != f.rule) return false;
    if (e.kind && *e.kind != to_string(f.kind)) return false;
    if (e.due && (!f.due || *e.due != *f.due)) return false;
    if (e.contract && *e.contract != f.contract) return false;
    if (e.placement && *e.placement != f.placement) return false;
    if (e.open && *e.open != f.open) return false;
    return true;
}

namespace {

template <class T>
bool listed(std::vector<std::string> const& ids, T const& x) {
    return std::find(ids.begin(), ids.end(), x.id) != ids.end();
}

/// The case's dossier without the scenario's hypothetical contracts and placements, and the
/// scenario that adds them back (horizon defaulting to the hypothetical placements' period).
dossier split_scenario(case_file const& c, scenario& s, std::vector<std::string>& errors) {
    auto const& sc = *c.scenario;
    dossier base = c.dossier_data;
    s.worker = sc.worker;
    s.known_until = c.reference_date;
    auto w = std::find_if(base.workers.begin(), base.workers.end(), [&](worker const& x) { return x.id == sc.worker; });
    if (w == base.workers.end()) {
        errors.push_back("scenario: no worker '" + sc.worker + "' in the dossier");
        return base;
    }
    for (auto const& id : sc.contracts)
        if (std::none_of(w->contracts.begin(), w->contracts.end(), [&](contract const& x) { return x.id == id; }))
            errors.push_back("scenario: worker " + sc.worker + " has no contract '" + id + "'");
    for (auto const& id : sc.placements)
        if (std::none_of(w->placements.begin(), w->placements.end(), [&](placement const& x) { return x.id == id; }))
            errors.push_back("scenario: worker " + sc.worker + " has no placement '" + id + "'");
    for (auto const& x : w->contracts)
        if (listed(sc.contracts, x)) s.contracts.push_back(x);
    for (auto const& x : w->placements)
        if (listed(sc.placements, x)) s.placements.push_back(x);
    std::erase_if(w->contracts, [&](contract const& x) { return listed(sc.contracts, x); });
    std::erase_if(w->placements, [&](placement const& x) { return listed(sc.placements, x); });
    opt_day from = sc.from, to = sc.to;
    for (auto const& p : s.placements) {
        if (!sc.from && (!from || p.start < *from)) from = p.start;
        day end = horizon_end(p.start, p.end);
        if (!sc.to && (!to || end > *to)) to = end;
    }
    for (auto const& k : s.contracts) {
        if (!from) from = k.start;
        if (!to) to = horizon_end(k.start, k.effective_end());
    }
    s.from = from ? *from : c.reference_date;
    s.to = to ? *to : s.from;
    return base;
}

std::string describe(scenario_expectation const& e) {
    std::string s = e.rule;
    if (e.kind) s += " " + *e.kind;
    if (e.on) s += " on " + format_date(*e.on);
    if (e.contract) s += " contract " + *e.contract;
    if (e.placement) s += " placement " + *e.placement;
    return s;
}

std::string describe(scenario_effect const& e) {
    return e.f.rule + " " + to_string(e.f.kind) + " on " + format_date(e.bites_on) +
           (e.f.contract.empty() ? "" : " contract " + e.f.contract) + (e.f.placement.empty() ? "" : " placement " + e.f.placement);
}

bool matches(scenario_expectation const& e, scenario_effect const& x) {
    if (e.rule != x.f.rule) return false;
    if (e.kind && *e.kind != to_string(x.f.kind)) return false;
    if (e.on && *e.on != x.bites_on) return false;
    if (e.contract && *e.contract != x.f.contract) return false;
    if (e.placement && *e.placement != x.f.placement) return false;
    return true;
}

void verify_scenario(evaluator& ev, case_file const& c, dossier const& base, scenario const& s, case_outcome& out) {
    auto fail = [&](std::string msg) {
        out.passed = false;
        out.failures.push_back(std::move(msg));
    };
    scenario_result r;
    try {
        r = evaluate_scenario(ev, base, s);
    } catch (std::invalid_argument const& e) {
        fail(e.what());
        return;
    }
    auto produced = [&](std::string const& rule) {
        std::string t;
        for (auto const& x : r.caused)
            if (x.f.rule == rule) t += (t.empty() ? "" : "; ") + describe(x);
        if (!t.empty()) return t;
        for (auto const& x : r.caused) t += (t.empty() ? "" : "; ") + describe(x);
        return "none of that rule (" + (t.empty() ? std::string("nothing") : t) + ")";
    };
    for (auto const& e : c.scenario->caused) {
        bool found = std::any_of(r.caused.begin(), r.caused.end(), [&](auto const& x) { return matches(e, x); });
        if (!found) fail("scenario: expected it to cause " + describe(e) + "; caused " + produced(e.rule));
    }
    for (auto const& e : c.scenario->not_caused)
        for (auto const& x : r.caused)
            if (matches(e, x)) fail("scenario: caused " + describe(x) + " (listed under not_caused)");
}


/// regelwerk extension (issue 14): the case's quote against expect.tariff.
void verify_tariff(evaluator& ev, case_file const& c, dossier const& data, case_outcome& out) {
    auto fail = [&](std::string msg) {
        out.passed = false;
        out.failures.push_back("tariff: " + std::move(msg));
    };
    auto const& t = *c.tariff;
    if (!t.expected) {
        fail("a `tariff:` block without expect.tariff checks nothing");
        return;
    }
    day at = t.at ? *t.at : c.reference_date;
    tariff_inputs in(t.inputs.begin(), t.inputs.end());
    if (t.client) {
        client const* k = nullptr;
        for (auto const& x : data.clients)
            if (x.id == *t.client) k = &x;
        if (!k) return fail("no client '" + *t.client + "' in the dossier");
        std::optional<money> ref;
        for (auto const& r : k->reference_wages)
            if (r.function == *t.function && r.from <= at) ref = r.hourly;
        if (!ref) return fail("client " + *t.client + " has no reference wage for '" + *t.function + "' on " + format_date(at));
        in["referentieloon"] = format_money(*ref);
    }
    quote_options qo;
    auto strip = [](std::string s) {
        std::replace(s.begin(), s.end(), ',', '.');
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (!s.empty() && s.back() == '%') s.pop_back();
        return s;
    };
    if (t.margin) {
        auto p = parse_percent_micro(strip(*t.margin));
        if (!p) return fail("margin '" + *t.margin + "' is not a percentage");
        qo.margin_micro = *p;
    }
    if (t.factor) {
        auto f = parse_decimal(strip(*t.factor));
        if (!f) return fail("factor '" + *t.factor + "' is not a number");
        qo.factor_milli = f->milli;
    }
    auto q = make_quote(ev, &data.agency_info, t.name, at, in, qo);
    auto money_of = [&](std::string const& what, std::string const& txt) -> std::optional<std::int64_t> {
        auto m = parse_money(strip(txt));
        if (!m) fail(what + ": '" + txt + "' is not an amount");
        return m ? std::optional<std::int64_t>(m->cents) : std::nullopt;
    };
    auto shown = [](std::optional<std::int64_t> cents) { return cents ? format_money(money{*cents}) : std::string("leeg"); };
    for (auto const& [name, amount] : t.lines) {
        auto want = money_of("line " + name, amount);
        if (!want) continue;
        auto it = std::find_if(q.cost.lines.begin(), q.cost.lines.end(), [&](auto const& l) { return l.name == name; });
        if (it == q.cost.lines.end()) {
            bool declared = false;
            for (auto const& x : ev.prog().tariffs)
                for (auto const& l : x.lines) declared = declared || l.name == name;
            fail("line " + name + ": expected " + format_money(money{*want}) + ", " +
                 (declared ? std::string("it does not apply") : std::string("the tariff has no such line")));
        } else if (it->amount_cents != want) {
            fail("line " + name + ": expected " + format_money(money{*want}) + ", produced " + shown(it->amount_cents));
        }
    }
    for (auto const& name : t.absent_lines) {
        bool declared = false;
        for (auto const& x : ev.prog().tariffs)
            for (auto const& l : x.lines) declared = declared || l.name == name;
        if (!declared) fail("absent line " + name + ": the tariff has no such line");
        for (auto const& l : q.cost.lines)
            if (l.name == name) fail("line " + name + " applies (" + shown(l.amount_cents) + "), listed under absent");
    }
    if (t.cost)
        if (auto want = money_of("cost", *t.cost); want && *want != q.cost.cost_cents)
            fail("cost: expected " + format_money(money{*want}) + ", produced " + format_money(money{q.cost.cost_cents}));
    if (t.tariff)
        if (auto want = money_of("tariff", *t.tariff); want && q.tariff_cents != want)
            fail("tariff: expected " + format_money(money{*want}) + ", produced " + shown(q.tariff_cents));
    if (t.refused && *t.refused != q.refused) {
        std::string why;
        for (auto const& e : q.cost.errors) why += "; " + e;
        fail(std::string("expected the quote ") + (*t.refused ? "refused" : "accepted") + ", it was " +
             (q.refused ? "refused" : "accepted") + why);
    }
    for (auto const& r : t.refusals) {
        bool found = false;
        for (auto const& x : q.refusals) {
            char const* k = x.kind == refusal_kind::below_cost ? "below_cost" : x.kind == refusal_kind::below_floor ? "below_floor" : "no_cost";
            found = found || r == k || r == x.floor;
        }
        if (!found) fail("expected the refusal '" + r + "', not given");
    }
    if (t.uncertain && *t.uncertain != q.cost.uncertain())
        fail(std::string("expected the quote ") + (*t.uncertain ? "" : "not ") + "to use an onzeker value");
}

}  // namespace

case_outcome verify_case(evaluator& ev, case_file const& c) {
    case_outcome out;
    // A scenario case: the other expectations are about the dossier without the hypothetical.
    scenario sim;
    std::vector<std::string> scenario_errors;
    dossier const base = c.scenario ? split_scenario(c, sim, scenario_errors) : dossier{};
    dossier const& data = c.scenario ? base : c.dossier_data;
    client_index clients(data.clients);
    evaluation_options opts;
    opts.reference = c.reference_date;
    std::map<std::string, worker_result> results;
    std::vector<finding> all = ev.evaluate_agency(data.agency_info, opts);
    for (auto const& w : data.workers) {
        auto r = ev.evaluate_worker(data.agency_info, clients, w, opts);
        all.insert(all.end(), r.findings.begin(), r.findings.end());
        results.emplace(w.id, std::move(r));
    }
    auto fail = [&](std::string msg) {
        out.passed = false;
        out.failures.push_back(std::move(msg));
    };
    for (auto const& e : c.facts) {
        if (!e.worker) {
            fail("fact " + e.fact + ": an expected fact needs a worker");
            continue;
        }
        auto it = results.find(*e.worker);
        if (it == results.end()) {
            fail("fact " + e.fact + ": no worker '" + *e.worker + "' in the dossier");
            continue;
        }
        std::string expected = normalise_fact_text(e.value);
        std::string produced;
        bool found = false;
        for (auto const& f : it->second.facts)
            if (f.name == e.fact) {
                produced = f.text;
                found = true;
            }
        if (!found) fail("fact " + *e.worker + " " + e.fact + ": expected " + expected + ", produced nothing");
        else if (produced != expected) fail("fact " + *e.worker + " " + e.fact + ": expected " + expected + ", produced " + produced);
    }
    auto related = [&](finding_expectation const& e) {
        std::string s;
        for (auto const& f : all)
            if (f.rule == e.rule && f.worker == (e.worker ? *e.worker : std::string())) s += (s.empty() ? "" : "; ") + describe(f);
        return s.empty() ? std::string("none of that rule") : s;
    };
    for (auto const& e : c.findings) {
        if (e.worker && !results.count(*e.worker)) {
            fail("finding " + describe(e) + ": no worker '" + *e.worker + "' in the dossier");
            continue;
        }
        bool found = false;
        for (auto const& f : all) found = found || matches(e, f);
        if (!found) fail("missing finding: expected " + describe(e) + "; produced " + related(e));
    }
    // An `absent` entry with a typo (an unknown rule or worker) would pass whatever the engine says.
    auto known_rule = [&](std::string const& id) {
        if (id == "data.kwaliteit" || id == "regelwerk.conflict" || id == "regelwerk.parameter_ontbreekt") return true;
        for (auto const& r : ev.prog().rules)
            if (r.id == id) return true;
        return false;
    };
    for (auto const& e : c.absent) {
        if (!known_rule(e.rule)) fail("absent " + describe(e) + ": the rules have no rule '" + e.rule + "'");
        if (e.worker && !results.count(*e.worker)) fail("absent " + describe(e) + ": no worker '" + *e.worker + "' in the dossier");
    }
    for (auto const& e : c.absent)
        for (auto const& f : all)
            if (matches(e, f)) fail("unexpected finding (listed under absent): " + describe(f));
    if (c.exactly)
        for (auto const& f : all) {
            bool listed = false;
            for (auto const& e : c.findings) listed = listed || matches(e, f);
            if (!listed) fail("unexpected finding (exactly: true): " + describe(f));
        }
    // v1.1 expect.match (issue 12): the references must resolve, then matching (matching.hpp) on the
    // reference date must block each listed worker by the listed rule, make exactly `eligible`
    // eligible, and rank `top` first, in order.
    for (auto const& m : c.matches) {
        bool vacancy_found = false;
        for (auto const& k : data.clients)
            for (auto const& v : k.vacancies) vacancy_found = vacancy_found || v.id == m.vacancy;
        if (!vacancy_found) fail("match: no vacancy '" + m.vacancy + "' in the dossier");
        auto check_worker = [&](std::string const& id) {
            if (!results.count(id)) fail("match " + m.vacancy + ": no worker '" + id + "' in the dossier");
        };
        for (auto const& b : m.blocked) check_worker(b.worker);
        if (m.eligible)
            for (auto const& w : *m.eligible) check_worker(w);
        if (m.top)
            for (auto const& w : *m.top) check_worker(w);
        if (!vacancy_found) continue;
        match_options mo;
        mo.at = c.reference_date;
        vacancy_match r;
        try {
            r = match_vacancy(ev, data, m.vacancy, mo);
        } catch (std::invalid_argument const& e) {
            fail("match " + m.vacancy + ": " + e.what());
            continue;
        }
        auto describe_candidate = [](match_candidate const& x) {
            std::string s = x.worker;
            if (x.blocks.empty()) return s + " eligible (" + format_decimal(decimal{x.score_milli}) + ")";
            s += " blocked by";
            for (auto const& b : x.blocks) s += " " + b.rule + (b.variant.empty() ? "" : "/" + b.variant) + "@" + format_date(b.on);
            return s;
        };
        for (auto const& b : m.blocked) {
            auto it = std::find_if(r.blocked.begin(), r.blocked.end(), [&](match_candidate const& x) { return x.worker == b.worker; });
            if (it == r.blocked.end()) {
                auto el = std::find_if(r.eligible.begin(), r.eligible.end(), [&](match_candidate const& x) { return x.worker == b.worker; });
                fail("match " + m.vacancy + ": expected " + b.worker + " blocked by " + b.rule + ", got " +
                     (el == r.eligible.end() ? std::string("no candidate (no active application)") : describe_candidate(*el)));
                continue;
            }
            bool by_rule = std::any_of(it->blocks.begin(), it->blocks.end(), [&](match_block const& x) { return x.rule == b.rule; });
            if (!by_rule) fail("match " + m.vacancy + ": expected " + b.worker + " blocked by " + b.rule + ", got " + describe_candidate(*it));
        }
        if (m.eligible) {
            std::set<std::string> want(m.eligible->begin(), m.eligible->end()), got;
            for (auto const& x : r.eligible) got.insert(x.worker);
            for (auto const& w : want)
                if (!got.count(w)) {
                    auto bl = std::find_if(r.blocked.begin(), r.blocked.end(), [&](match_candidate const& x) { return x.worker == w; });
                    fail("match " + m.vacancy + ": expected " + w + " eligible, got " +
                         (bl == r.blocked.end() ? std::string("no candidate (no active application)") : describe_candidate(*bl)));
                }
            for (auto const& x : r.eligible)
                if (!want.count(x.worker)) fail("match " + m.vacancy + ": " + describe_candidate(x) + " (not listed under eligible)");
        }
        if (m.top) {
            std::string want, got;
            for (auto const& w : *m.top) want += (want.empty() ? "" : ", ") + w;
            for (std::size_t i = 0; i < r.eligible.size() && i < m.top->size(); ++i)
                got += (got.empty() ? "" : ", ") + r.eligible[i].worker + " (" + format_decimal(decimal{r.eligible[i].score_milli}) + ")";
            bool same = r.eligible.size() >= m.top->size();
            for (std::size_t i = 0; same && i < m.top->size(); ++i) same = r.eligible[i].worker == (*m.top)[i];
            if (!same) fail("match " + m.vacancy + ": expected top [" + want + "], got [" + got + "]");
        }
    }
    for (auto const& e : scenario_errors) fail(e);
    if (c.scenario && scenario_errors.empty()) verify_scenario(ev, c, base, sim, out);
    if (c.tariff) verify_tariff(ev, c, data, out);
    return out;
}

}  // namespace rw::engine
