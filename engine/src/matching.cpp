// Matching (issue 12; see matching.hpp): criteria evaluated for a candidate and a vacancy, the
// legal check over the assignment through the scenario API, and the ranking.
#include "rw/engine/matching.hpp"

#include "eval/context.hpp"
#include "eval/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <optional>
#include <stdexcept>
#include <thread>

namespace rw::engine {

namespace {

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

std::string render(eval_context& ctx, message_template const& m, std::string_view lang) {
    std::string s;
    for (auto const& p : m.parts) {
        if (!p.node) {
            s += p.text;
            continue;
        }
        value v = eval(ctx, *p.node);  // for people: dates with their weekday, labels (as in messages)
        if (!v.empty()) s += text_for_people(ctx.prog, v, lang);
    }
    return trim(s);
}

struct criterion_runner {
    eval_context& ctx;
    evaluation_options const& opts;
    std::vector<criterion_result>& out;

    void instance(criterion_info const& c) {
        if (c.filter && !eval(ctx, *c.filter).as_bool()) return;
        if (c.condition && !eval(ctx, *c.condition).as_bool()) return;
        criterion_result r;
        r.criterion = c.id;
        r.variant = c.variant;
        r.kind = c.kind;
        if (c.points) {
            value v = eval(ctx, *c.points);
            r.points_milli = v.empty() ? 0 : v.i;
        }
        r.citations = c.citation_texts;
        if (opts.lang != "en") r.reason_nl = render(ctx, c.reason_nl, "nl");
        if (opts.lang != "nl") r.reason_en = render(ctx, c.reason_en, "en");
        out.push_back(std::move(r));
    }
    void generate(criterion_info const& c, std::size_t g) {
        if (g == c.generators.size()) {
            instance(c);
            return;
        }
        auto const& gen = c.generators[g];
        value coll = eval(ctx, gen.collection);
        if (coll.kind != value_kind::list || !coll.p) return;
        for (auto const& item : coll.as<list_data>()) {
            ctx.slots[gen.slot] = item;
            generate(c, g + 1);
        }
        ctx.slots[gen.slot] = value{};
    }
};

// ---- the word list ------------------------------------------------------------------------------

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

/// Matches `term` (lower case, '#' = one or more digits, one space = one or more spaces) at text[i];
/// returns the end or npos.
std::size_t match_at(std::string const& text, std::size_t i, std::string const& term) {
    std::size_t t = 0;
    while (t < term.size()) {
        if (term[t] == '#') {
            std::size_t s = i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
            if (i == s) return std::string::npos;
            ++t;
        } else if (term[t] == ' ') {
            std::size_t s = i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '-')) ++i;
            if (i == s) return std::string::npos;
            ++t;
        } else {
            if (i >= text.size() || text[i] != term[t]) return std::string::npos;
            ++i;
            ++t;
        }
    }
    return i;
}

table_version const* version_on(table_info const& t, day on) {
    table_version const* found = nullptr;
    for (auto const& v : t.versions)
        if (v.from <= on && (!v.to || on <= *v.to)) found = &v;
    return found;
}

client const* client_of_vacancy(dossier const& d, std::string const& id, vacancy const** out) {
    for (auto const& k : d.clients)
        for (auto const& v : k.vacancies)
            if (v.id == id) {
                *out = &v;
                return &k;
            }
    return nullptr;
}

/// The contract kind the phase allows; without a phase (no contracts yet) a new worker starts in
/// fase A under a CAO, and on a fixed-term contract without one.
contract_kind kind_for_phase(std::string const& fase, cao_kind cao) {
    if (fase == "B") return contract_kind::bepaalde_tijd;
    if (fase == "C") return contract_kind::onbepaalde_tijd;
    if (fase == "A" || cao != cao_kind::none) return contract_kind::uitzendbeding;
    return contract_kind::bepaalde_tijd;
}

/// A violation of a rule whose kind is overtreding blocks; an action that is only a violation
/// because it is not done by the known date (na termijn overtreding) can still be done before
/// the start, and goes beside the candidate as the catalogue's kind says.
bool blocks(program const& prog, finding const& f) {
    if (f.kind != finding_kind::violation) return false;
    if (f.rule_index >= prog.rules.size() || prog.rules[f.rule_index].id != f.rule) return false;
    return prog.rules[f.rule_index].kind == finding_kind::violation;
}

/// Blocks by day, reasons strongest first.
match_candidate finish(match_candidate& c) {
    std::stable_sort(c.blocks.begin(), c.blocks.end(), [](match_block const& a, match_block const& b) {
        return std::tie(a.on, a.rule, a.variant) < std::tie(b.on, b.rule, b.variant);
    });
    std::stable_sort(c.reasons.begin(), c.reasons.end(), [](criterion_result const& a, criterion_result const& b) {
        if (a.points_milli != b.points_milli) return a.points_milli > b.points_milli;
        return std::tie(a.criterion, a.variant) < std::tie(b.criterion, b.variant);
    });
    return std::move(c);
}

/// The criteria: must-haves (each missing one blocks) and points (the score), read on the
/// reference date. Independent of the legal check, which comes after (check_legal).
match_candidate score_candidate(evaluator& ev, dossier const& d, client_index const& clients, worker const& w, client const& k,
                                vacancy const& v, match_options const& o) {
    match_candidate c;
    c.worker = w.id;
    c.name = w.name;
    // Criteria: must-haves and points, read on the reference date.
    evaluation_options co;
    co.reference = o.at;
    co.lang = o.lang;
    co.facts = false;
    for (auto& r : ev.evaluate_criteria(d.agency_info, clients, w, k, v, co)) {
        if (r.kind == criterion_kind::requirement) {
            match_block b;
            b.rule = r.criterion;
            b.variant = r.variant;
            b.kind = "requirement";
            if (!r.citations.empty()) b.article = b.citation = r.citations.front();
            b.on = v.start;
            b.message_nl = r.reason_nl;
            b.message_en = r.reason_en;
            c.blocks.push_back(std::move(b));
            c.missing.push_back(std::move(r));
        } else {
            c.score_milli += r.points_milli;
            c.reasons.push_back(std::move(r));
        }
    }
    return c;
}

/// The legal check over the assignment for a scored candidate (score_candidate), then the order
/// of blocks and reasons.
match_candidate check_legal(evaluator& ev, dossier const& d, client_index const& clients, worker const& w, client const& k,
                            vacancy const& v, match_options const& o, match_candidate c) {
    scenario s = match_scenario(ev, d, w, k, v, o.at, &c.contract, &c.own_contract, &c.fase, o.check, &clients);
    // A missing must-have blocks already: the legal check over the assignment (the costly part)
    // is then only run with explain.
    if (!c.missing.empty() && !o.explain) return finish(c);
    evaluation_options eo;
    eo.reference = o.at;
    eo.lang = o.lang;
    eo.explain = o.explain;
    // The top N need to know whether a candidate is blocked, not every block: the check stops
    // after the first day a block is found (most blocked candidates are blocked on the first day).
    scenario_stop stop_when;
    if (o.stop_after_eligible) stop_when = [&prog = ev.prog()](finding const& f) { return blocks(prog, f); };
    // `w` is the candidate in `d` (a scenario per candidate: no search of the dossier per scenario).
    scenario_lookup const lookup{&w, &clients};
    auto res = evaluate_scenario(ev, d, s, eo, o.check, stop_when, lookup);
    // A phase that changes during the assignment (fact `fase` on the evaluated days) ends the
    // hypothetical contract: the agency then concludes one of the kind the new phase allows (the
    // transition itself is an action beside the candidate). At most one split per phase.
    for (int pass = 0; pass < 2 && !c.own_contract && !s.contracts.empty(); ++pass) {
        auto const& last = s.contracts.back();
        std::optional<day> change;
        std::string next;
        for (std::size_t i = 0; i < res.days.size() && i < res.facts.size() && !change; ++i) {
            if (res.days[i].on <= last.start) continue;
            for (auto const& f : res.facts[i])
                if (f.name == "fase" && !f.text.empty() && kind_for_phase(f.text, d.agency_info.cao) != last.kind) {
                    change = res.days[i].on;
                    next = f.text;
                }
        }
        if (!change) break;
        contract nc = last;
        nc.id = last.id + "-" + next;
        nc.kind = kind_for_phase(next, d.agency_info.cao);
        nc.start = *change;
        nc.concluded_on = *change;
        if (nc.kind == contract_kind::onbepaalde_tijd) nc.end.reset();
        s.contracts.back().end = *change - date::days{1};
        placement np = s.placements.back();
        np.id = s.placements.back().id + "-" + next;
        np.contract = nc.id;
        np.start = *change;
        s.placements.back().end = *change - date::days{1};
        s.contracts.push_back(std::move(nc));
        s.placements.push_back(std::move(np));
        res = evaluate_scenario(ev, d, s, eo, o.check, stop_when, lookup);
    }
    c.days_checked = res.days.size();
    c.stopped_at_block = res.stopped;
    for (auto& e : res.caused) {
        if (blocks(ev.prog(), e.f)) {
            match_block b;
            b.rule = e.f.rule;
            b.variant = e.f.variant;
            b.kind = "violation";
            if (!e.f.citations.empty()) b.citation = e.f.citations.front();
            for (auto const& ci : ev.prog().rules[e.f.rule_index].citations)
                if (b.article.empty() && ci.in_force_on(e.bites_on)) b.article = ci.article;
            b.on = e.bites_on;
            b.message_nl = e.f.message_nl;
            b.message_en = e.f.message_en;
            c.blocks.push_back(std::move(b));
        } else if (!res.stopped) {
            // A check that stopped at its first block has not seen the whole assignment (nor the
            // phase split after that day), so its side effects would be partial or name the wrong
            // contract: a blocked candidate is shown with its blocks only.
            c.beside.push_back(std::move(e));
        }
    }
    return finish(c);
}

match_candidate check_candidate(evaluator& ev, dossier const& d, client_index const& clients, worker const& w, client const& k,
                                vacancy const& v, match_options const& o) {
    return check_legal(ev, d, clients, w, k, v, o, score_candidate(ev, d, clients, w, k, v, o));
}

/// Runs `f(evaluator&, i)` for i in [0, count) on `n` threads (one evaluator each; the program is
/// shared), indices handed out in increasing order; stops handing out when `f` returns false. The
/// first exception is rethrown after all threads are joined.
template <class F>
void for_each_index(evaluator& ev, unsigned n, std::size_t count, F&& f) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::vector<std::exception_ptr> errors(n);
    auto work = [&](evaluator& e, unsigned t) {
        try {
            for (std::size_t i; !stop && (i = next++) < count;)
                if (!f(e, i)) stop = true;
        } catch (...) {
            errors[t] = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t)
        pool.emplace_back([&, t] {
            evaluator own(ev.shared_prog());
            work(own, t);
        });
    work(ev, 0);
    for (auto& th : pool) th.join();
    for (auto const& e : errors)
        if (e) std::rethrow_exception(e);
}


void rank(std::vector<match_candidate>& eligible, std::vector<match_candidate>& blocked) {
    std::stable_sort(eligible.begin(), eligible.end(), [](match_candidate const& a, match_candidate const& b) {
        if (a.score_milli != b.score_milli) return a.score_milli > b.score_milli;
        return a.worker < b.worker;
    });
    std::stable_sort(blocked.begin(), blocked.end(), [](match_candidate const& a, match_candidate const& b) { return a.worker < b.worker; });
}

vacancy_match header(client const& k, vacancy const& v, day at) {
    vacancy_match m;
    m.vacancy = v.id;
    m.client = k.id;
    m.client_name = k.name;
    m.function = v.function;
    m.status = v.status;
    m.start = v.start;
    m.end = v.end;
    m.at = at;
    return m;
}

}  // namespace


std::vector<criterion_result> evaluator::evaluate_criteria(agency const& ag, client_index const& clients, worker const& w,
                                                           client const& k, vacancy const& v, evaluation_options const& opts) {
    auto& ctx = *ctx_;
    ctx.reset_for(&w, opts.reference, opts.known_until);
    ctx.ag = &ag;
    ctx.clients = &clients;
    ctx.vac = &v;
    ctx.vac_client = &k;
    std::vector<criterion_result> out;
    criterion_runner runner{ctx, opts, out};
    for (auto const& c : prog_->criteria) {
        if (ctx.R < c.valid_from || (c.valid_to && ctx.R > *c.valid_to)) continue;
        runner.generate(c, 0);
    }
    ctx.vac = nullptr;
    ctx.vac_client = nullptr;
    return out;
}

std::vector<discriminatory_term> discriminatory_terms(program const& prog, std::string_view text, day on) {
    std::vector<discriminatory_term> out;
    table_info const *grounds = nullptr, *alternatives = nullptr;
    for (auto const& t : prog.tables) {
        if (t.name == "match.beschermde_grond") grounds = &t;
        if (t.name == "match.neutraal_alternatief") alternatives = &t;
    }
    if (!grounds) return out;
    auto const* gv = version_on(*grounds, on);
    auto const* av = alternatives ? version_on(*alternatives, on) : nullptr;
    if (!gv) return out;
    std::string const t = lower(text);
    for (auto const& row : gv->rows) {
        if (row.keys.empty() || row.keys[0].kind != value_kind::text) continue;
        std::string term = lower(to_text(row.keys[0]));
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (i > 0 && word_char(t[i - 1])) continue;
            auto e = match_at(t, i, term);
            if (e == std::string::npos || (e < t.size() && word_char(t[e]))) continue;
            discriminatory_term dt;
            dt.term = to_text(row.keys[0]);
            dt.found = std::string(text.substr(i, e - i));
            dt.ground = to_text(row.v);
            if (av)
                for (auto const& ar : av->rows)
                    if (!ar.keys.empty() && lower(to_text(ar.keys[0])) == term) dt.alternative = to_text(ar.v);
            out.push_back(std::move(dt));
            break;
        }
    }
    return out;
}

scenario match_scenario(evaluator& ev, dossier const& d, worker const& w, client const& k, vacancy const& v, day at,
                        contract_kind* kind_out, bool* own_out, std::string* fase_out, scenario_check check,
                        client_index const* clients_given) {
    scenario s;
    s.worker = w.id;
    s.known_until = at;
    s.from = v.start;
    s.to = horizon_end(v.start, v.end);
    // The phase on the first day, with what is known on `at` (weeks projected from the contracts).
    std::optional<client_index> own_index;
    if (!clients_given) own_index.emplace(d.clients);
    client_index const& clients = clients_given ? *clients_given : *own_index;
    evaluation_options fo;
    fo.reference = v.start < at ? at : v.start;
    fo.known_until = at;
    std::vector<char> no_rules(ev.prog().rules.size(), 0);  // facts do not depend on the rules
    if (check == scenario_check::fast) fo.only_rules = &no_rules;
    auto facts = ev.evaluate_worker(d.agency_info, clients, w, fo).facts;
    std::string fase;
    for (auto const& f : facts)
        if (f.name == "fase") fase = f.text;
    // A contract of the candidate's own that runs over the whole assignment carries the placement.
    contract const* own = nullptr;
    for (auto const& c : w.contracts) {
        auto e = c.effective_end();
        if (c.start <= v.start && (!e || (v.end && *e >= *v.end))) own = &c;
    }
    std::string const id = "MATCH-" + v.id;
    placement p;
    p.id = id;
    p.client = k.id;
    p.function = v.function;
    p.start = v.start;
    p.end = v.end;
    p.hourly_wage = v.hourly_wage;
    p.shifts = v.shifts;
    contract_kind kind = own ? own->kind : kind_for_phase(fase, d.agency_info.cao);
    if (own) {
        p.contract = own->id;
    } else {
        contract c;
        c.id = id;
        c.kind = kind;
        c.start = v.start;
        c.end = kind == contract_kind::onbepaalde_tijd ? opt_day{} : v.end;
        c.hours_per_week = v.hours_per_week;
        c.probation_months = 0;
        c.concluded_on = at < v.start ? at : v.start;
        p.contract = c.id;
        s.contracts.push_back(std::move(c));
    }
    s.placements.push_back(std::move(p));
    if (kind_out) *kind_out = kind;
    if (own_out) *own_out = own != nullptr;
    if (fase_out) *fase_out = fase;
    return s;
}

vacancy_match match_vacancy(evaluator& ev, dossier const& d, std::string const& vacancy_id, match_options const& o) {
    vacancy const* found = nullptr;
    client const* k = client_of_vacancy(d, vacancy_id, &found);
    if (!k) throw std::invalid_argument("no vacancy '" + vacancy_id + "' in the store");
    vacancy_match m = header(*k, *found, o.at);
    // A requirement text that names a protected ground is flagged and never used: the criteria
    // see the vacancy without it.
    vacancy v = *found;
    if (v.requirements.text) {
        m.flags = discriminatory_terms(ev.prog(), *v.requirements.text, o.at);
        if (!m.flags.empty()) v.requirements.text.reset();
    }
    client_index clients(d.clients);
    std::vector<worker const*> candidates;
    for (auto const& w : d.workers)
        if (w.appl && w.appl->status == application_status::active) candidates.push_back(&w);
    m.candidates = candidates.size();
    std::vector<match_candidate> results(candidates.size());
    unsigned n = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, candidates.size())));
    // Candidates in parallel; the results are indexed, so the ranking does not depend on the
    // number of threads.
    if (!o.stop_after_eligible) {
        for_each_index(ev, n, candidates.size(), [&](evaluator& e, std::size_t i) {
            results[i] = check_candidate(e, d, clients, *candidates[i], *k, v, o);
            return true;
        });
        m.checked = candidates.size();
    } else {
        // The top N: every candidate scored (the criteria do not read the legal check), then the
        // legal check in ranking order until N are eligible. Threads may check a few past the
        // N-th eligible; those are dropped, so the result does not depend on the threads either.
        m.stop_after_eligible = o.stop_after_eligible;
        for_each_index(ev, n, candidates.size(), [&](evaluator& e, std::size_t i) {
            results[i] = score_candidate(e, d, clients, *candidates[i], *k, v, o);
            return true;
        });
        std::vector<std::size_t> order(candidates.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (results[a].score_milli != results[b].score_milli) return results[a].score_milli > results[b].score_milli;
            return results[a].worker < results[b].worker;
        });
        std::vector<char> done(order.size(), 0), eligible(order.size(), 0);
        std::atomic<std::size_t> found_eligible{0};
        for_each_index(ev, n, order.size(), [&](evaluator& e, std::size_t pos) {
            std::size_t i = order[pos];
            results[i] = check_legal(e, d, clients, *candidates[i], *k, v, o, std::move(results[i]));
            done[pos] = 1;
            eligible[pos] = results[i].eligible();
            return !eligible[pos] || ++found_eligible < o.stop_after_eligible;
        });
        // The checked prefix: up to and including the N-th eligible (all positions before it were
        // handed out, and every handed-out check finished before the threads were joined).
        std::size_t cut = 0, count = 0;
        while (cut < order.size() && count < o.stop_after_eligible) {
            if (!done[cut]) throw std::logic_error("matching: a candidate in the checked prefix was not checked");
            count += eligible[cut];
            ++cut;
        }
        m.checked = cut;
        std::vector<match_candidate> prefix;
        prefix.reserve(cut);
        for (std::size_t pos = 0; pos < cut; ++pos) prefix.push_back(std::move(results[order[pos]]));
        results = std::move(prefix);
    }
    for (auto& c : results) (c.eligible() ? m.eligible : m.blocked).push_back(std::move(c));
    rank(m.eligible, m.blocked);
    return m;
}

std::vector<worker_vacancy> match_worker(evaluator& ev, dossier const& d, std::string const& worker_id, match_options const& o) {
    worker const* w = nullptr;
    for (auto const& x : d.workers)
        if (x.id == worker_id) w = &x;
    if (!w) throw std::invalid_argument("no worker '" + worker_id + "' in the store");
    client_index clients(d.clients);
    std::vector<worker_vacancy> out;
    for (auto const& k : d.clients)
        for (auto const& found : k.vacancies) {
            if (found.status != vacancy_status::open) continue;
            worker_vacancy wv{header(k, found, o.at)};
            vacancy v = found;
            if (v.requirements.text) {
                wv.match.flags = discriminatory_terms(ev.prog(), *v.requirements.text, o.at);
                if (!wv.match.flags.empty()) v.requirements.text.reset();
            }
            wv.match.candidates = 1;
            wv.match.checked = 1;
            auto c = check_candidate(ev, d, clients, *w, k, v, o);
            (c.eligible() ? wv.match.eligible : wv.match.blocked).push_back(std::move(c));
            out.push_back(std::move(wv));
        }
    std::stable_sort(out.begin(), out.end(), [](worker_vacancy const& a, worker_vacancy const& b) {
        bool ea = !a.match.eligible.empty(), eb = !b.match.eligible.empty();
        if (ea != eb) return ea;
        if (a.candidate().score_milli != b.candidate().score_milli) return a.candidate().score_milli > b.candidate().score_milli;
        return a.match.vacancy < b.match.vacancy;
    });
    return out;
}

}  // namespace rw::engine
