// Case verification (see case_verify.hpp).
#include "rw/engine/case_verify.hpp"

#include <map>

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
    return s;
}

static std::string describe(finding_expectation const& e) {
    std::string s = (e.worker ? *e.worker : std::string("(bureau)")) + " " + e.rule;
    if (e.kind) s += " " + *e.kind;
    if (e.due) s += " due " + format_date(*e.due);
    if (e.contract) s += " contract " + *e.contract;
    if (e.placement) s += " placement " + *e.placement;
    return s;
}

static bool matches(finding_expectation const& e, finding const& f) {
    if ((e.worker ? *e.worker : std::string()) != f.worker) return false;
    if (e.rule != f.rule) return false;
    if (e.kind && *e.kind != to_string(f.kind)) return false;
    if (e.due && (!f.due || *e.due != *f.due)) return false;
    if (e.contract && *e.contract != f.contract) return false;
    if (e.placement && *e.placement != f.placement) return false;
    return true;
}

case_outcome verify_case(evaluator& ev, case_file const& c) {
    case_outcome out;
    client_index clients(c.dossier_data.clients);
    evaluation_options opts;
    opts.reference = c.reference_date;
    std::map<std::string, worker_result> results;
    std::vector<finding> all = ev.evaluate_agency(c.dossier_data.agency_info, opts);
    for (auto const& w : c.dossier_data.workers) {
        auto r = ev.evaluate_worker(c.dossier_data.agency_info, clients, w, opts);
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
    // v1.1 expect.match: the references must resolve; the conclusions themselves are not checked
    // until matching exists, and the case says so in a note.
    for (auto const& m : c.matches) {
        bool vacancy_found = false;
        for (auto const& k : c.dossier_data.clients)
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
        out.notes.push_back("note: expect.match for vacancy " + m.vacancy +
                            " is read but not verified (matching is not implemented yet)");
    }
    return out;
}

}  // namespace rw::engine
