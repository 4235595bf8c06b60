// See services.hpp.
#include "rw/adapters/app/services.hpp"

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/batch.hpp"
#include "rw/engine/calendar.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace rw::adapters::app {

namespace pr = rw::adapters::presentation;
using engine::finding;

namespace {
/// A 64-bit hash as the 16 hex digits the colophons and the matching log show.
std::string hex64(std::uint64_t h) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}
}  // namespace

std::optional<reference_data> load_reference_data(sqlite::store const& s) {
    reference_data ref;
    auto ag = s.load_agency(&ref.issues);
    if (!ag) return std::nullopt;
    ref.agency = std::move(*ag);
    ref.clients = s.load_clients(&ref.issues);
    return ref;
}

void scan(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
          engine::evaluation_options const& opts, unsigned threads, std::string const& only_worker,
          std::function<void(engine::worker const&, std::vector<finding>&&)> const& visit, std::uint64_t* hash,
          std::function<void()> const& tick) {
    engine::client_index idx(ref.clients);
    engine::batch_runner runner(prog, ref.agency, idx, opts, threads, [&](engine::evaluated_worker&& item) {
        auto fs = std::move(item.result.findings);
        for (auto const& issue : item.issues) fs.push_back(engine::data_quality_finding(issue));
        visit(item.w, std::move(fs));
        if (tick) tick();
    });
    if (!only_worker.empty()) {
        std::vector<engine::data_issue> issues;
        if (auto w = s.load_worker(only_worker, &issues)) runner.push(std::move(*w), std::move(issues));
    } else {
        s.for_each_worker(
            [&](engine::worker&& w, std::vector<engine::data_issue>&& issues) {
                runner.push(std::move(w), std::move(issues));
                return true;
            },
            [&](engine::data_issue&& orphan) {
                engine::worker ghost;
                ghost.id = orphan.worker_id;
                visit(ghost, {engine::data_quality_finding(orphan)});
            },
            hash);
    }
    runner.finish();
}

namespace {

/// The card of a loaded worker; `worker_text_lang` (when not empty) also renders the texts for the
/// worker in that language, into `findings_out`.
pr::worker_view card_of(engine::worker const& w, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
                        engine::day reference, pr::language lang, bool explain, std::string const& worker_text_lang = {},
                        std::vector<finding>* findings_out = nullptr) {
    engine::evaluator ev(prog);
    engine::client_index idx(ref.clients);
    engine::evaluation_options opts{reference, explain};
    opts.worker_text_lang = worker_text_lang;
    auto res = ev.evaluate_worker(ref.agency, idx, w, opts);
    auto agency_findings = ev.evaluate_agency(ref.agency, opts);
    // The header's next deadlines look a year ahead, beyond the rules' own listing windows.
    engine::evaluation_options ahead_opts{reference, false};
    ahead_opts.lead_days = 366;
    ahead_opts.facts = false;
    auto ahead = ev.evaluate_worker(ref.agency, idx, w, ahead_opts).findings;
    auto view = pr::build_worker_view(*prog, ref.agency, ref.clients, w, res, agency_findings, reference, lang, explain, &ahead);
    if (findings_out) *findings_out = std::move(res.findings);
    return view;
}

/// The language of the texts for a worker: the dossier's `language`, else Dutch (and whether it
/// was recorded).
std::pair<std::string, bool> worker_text_language(engine::worker const& w) {
    bool recorded = w.language && !w.language->empty();
    return {recorded ? *w.language : "nl", recorded};
}

}  // namespace

std::optional<pr::worker_view> worker_card(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                           reference_data const& ref, std::string const& worker_id, engine::day reference,
                                           pr::language lang, bool explain) {
    auto w = s.load_worker(worker_id);
    if (!w) return std::nullopt;
    return card_of(*w, prog, ref, reference, lang, explain);
}

std::optional<card_and_texts> worker_card_and_texts(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                                    reference_data const& ref, std::string const& worker_id, engine::day reference,
                                                    pr::language lang, bool explain) {
    auto w = s.load_worker(worker_id);
    if (!w) return std::nullopt;
    auto [text_lang, recorded] = worker_text_language(*w);
    std::vector<finding> findings;
    auto card = card_of(*w, prog, ref, reference, lang, explain, text_lang, &findings);
    auto texts = pr::build_texts_view(*prog, ref.clients, *w, findings, reference, lang, pr::text_audience::worker, text_lang, recorded);
    return card_and_texts{std::move(card), std::move(texts)};
}

pr::action_list_view action_list(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                 reference_data const& ref, engine::day reference, pr::language lang,
                                 std::optional<int> within_weeks, std::string const& only_worker, unsigned threads,
                                 std::function<void()> const& tick) {
    engine::evaluation_options opts;
    opts.reference = reference;
    opts.facts = false;
    opts.lang = std::string(pr::code(lang));
    if (within_weeks) opts.lead_days = 7 * *within_weeks;
    std::vector<finding> found;
    std::map<std::string, std::string> names;
    scan(s, prog, ref, opts, threads, only_worker, [&](engine::worker const& w, std::vector<finding>&& fs) {
        for (auto& f : fs)
            if (pr::on_work_list(f)) {
                names[f.worker] = w.name;
                found.push_back(std::move(f));
            }
    }, nullptr, tick);
    if (only_worker.empty()) {
        engine::evaluator ev(prog);
        for (auto& f : ev.evaluate_agency(ref.agency, opts))
            if (pr::on_work_list(f)) {
                names[f.worker] = ref.agency.name;
                found.push_back(std::move(f));
            }
    }
    return pr::build_action_list(ref.agency.name, reference, lang, std::move(found), names, prog.get());
}

pr::audit_report audit(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
                       engine::evaluation_options const& opts, pr::language lang, unsigned threads, std::size_t sample_cap,
                       std::string const& version, std::string const& store_label,
                       std::function<void(finding const&, std::string const&)> const& row, std::function<void()> const& tick) {
    auto started = std::chrono::steady_clock::now();
    pr::audit_report report;
    report.lang = lang;
    report.reference = opts.reference;
    report.agency = ref.agency.name;
    report.sample_cap = sample_cap;
    report.prog = prog.get();
    auto record = [&](finding const& f, std::string const& name) {
        report.add(f, name);
        if (row) row(f, name);
    };
    std::uint64_t hash = s.reference_data_hash();
    for (auto const& issue : ref.issues) record(engine::data_quality_finding(issue), "");
    {
        engine::evaluator ev(prog);
        for (auto const& f : ev.evaluate_agency(ref.agency, opts)) record(f, ref.agency.name);
    }
    scan(s, prog, ref, opts, threads, "", [&](engine::worker const& w, std::vector<finding>&& fs) {
        report.add_worker(!fs.empty());
        for (auto const& f : fs) record(f, w.name);
    }, &hash, tick);
    report.colophon = {version, prog->rules_hash, prog->rules.size(), store_label, hex64(hash),
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()};
    return report;
}

std::optional<pr::timeline_view> timeline(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                          reference_data const& ref, std::string const& worker_id, engine::day reference, pr::language lang) {
    auto w = s.load_worker(worker_id);
    if (!w) return std::nullopt;
    engine::evaluator ev(prog);
    engine::client_index idx(ref.clients);
    engine::evaluation_options opts{reference, false};
    auto res = ev.evaluate_worker(ref.agency, idx, *w, opts);
    auto header = pr::build_worker_view(*prog, ref.agency, ref.clients, *w, res, {}, reference, lang, false);
    engine::evaluation_options all{reference, false};
    all.timeline = true;
    all.facts = false;
    auto steps = ev.evaluate_worker(ref.agency, idx, *w, all);
    return pr::build_timeline_view(*prog, ref.clients, *w, header, steps, reference, lang);
}

namespace {

/// Whether a rule's instances are per placement ('voor elk p in werker.plaatsingen').
bool per_placement(engine::rule_info const& r) {
    for (auto const& g : r.generators)
        if (g.element.kind == engine::type_kind::entity && g.element.sub == static_cast<std::uint16_t>(engine::entity_id::plaatsing))
            return true;
    return false;
}

}  // namespace

std::vector<std::string> task_ids(engine::program const& prog) {
    std::set<std::string> ids;
    for (auto const& r : prog.rules)
        if (r.done_by_record) ids.insert(r.id);
    return {ids.begin(), ids.end()};
}

task_record_result record_task(sqlite::store& s, engine::program const& prog, std::string const& worker_id, engine::task_done t,
                               engine::day today) {
    task_record_result out;
    auto fail = [&](std::string en, std::string nl) {
        out.error = std::move(en);
        out.error_nl = std::move(nl);
        return out;
    };
    if (t.on > today) {
        return fail("the day " + engine::format_date(t.on) + " lies after today: record a task once it is done",
                    "De dag " + engine::format_date(t.on) + " ligt na vandaag: leg een taak vast als hij gedaan is.");
    }
    auto blank = [](std::optional<std::string> const& v) { return !v || v->find_first_not_of(" \t") == std::string::npos; };
    for (auto [value, name, naam] : {std::tuple{blank(t.by), "by", "Door"}, std::tuple{blank(t.how), "how", "Hoe"}, std::tuple{blank(t.task), "task", "Taak"}})
        if (value) return fail(std::string(name) + " is empty", std::string(naam) + " is leeg.");
    // The task: the id of a rule whose 'gedaan' reads the task records.
    std::vector<engine::rule_info const*> rules;
    bool by_field = false;
    for (auto const& r : prog.rules)
        if (r.id == t.task) {
            if (r.done_by_record) rules.push_back(&r);
            else by_field = true;
        }
    if (rules.empty()) {
        if (by_field)
            return fail("rule '" + t.task + "' is closed by a field of the dossier (its 'gedaan'), not by a task record; record it there",
                        "Regel '" + t.task + "' wordt afgesloten door een veld van het dossier (zijn 'gedaan'), niet door een taakregistratie: leg het daar vast.");
        auto ids = task_ids(prog);
        out.error = "unknown task '" + t.task + "': a task is the id of a rule whose 'gedaan' reads task records";
        out.error_nl = "Onbekende taak '" + t.task + "'.";
        auto close = dsl::closest_matches(t.task, ids);
        if (!close.empty()) {
            out.error += "; did you mean '" + close.front() + "'?";
            out.error_nl += " Bedoel je '" + close.front() + "'?";
        }
        out.error += "\nthe tasks are:";
        for (auto const& id : ids) out.error += " " + id;
        return out;
    }
    auto w = s.load_worker(worker_id);
    if (!w) return fail("no worker '" + worker_id + "' in " + s.path(), "Deze flexkracht bestaat niet.");
    out.worker_name = w->name;
    if (t.placement) {
        bool found = false;
        for (auto const& p : w->placements) found = found || p.id == *t.placement;
        if (!found)
            return fail("worker '" + worker_id + "' has no placement '" + *t.placement + "'",
                        "Flexkracht '" + worker_id + "' heeft geen plaatsing '" + *t.placement + "'.");
    } else if (std::any_of(rules.begin(), rules.end(), [](auto const* r) { return per_placement(*r); })) {
        // Without a placement the record goes to the placement running on its day: name it
        // when two run then.
        int running = 0;
        for (auto const& p : w->placements) running += p.start <= t.on && (!p.end || t.on <= *p.end);
        if (running > 1)
            return fail("task '" + t.task + "' is per placement and " + std::to_string(running) + " placements of worker '" + worker_id +
                            "' run on " + engine::format_date(t.on) + ": name one",
                        "Taak '" + t.task + "' geldt per plaatsing en op " + engine::format_date(t.on) + " lopen er " +
                            std::to_string(running) + ": kies er een.");
    }
    out.was_tracked = s.append_task_done(worker_id, t);
    return out;
}

std::optional<pr::texts_view> texts(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
                                    std::string const& worker_id, engine::day reference, pr::language lang, pr::text_audience audience,
                                    std::string const& text_lang) {
    auto w = s.load_worker(worker_id);
    if (!w) return std::nullopt;
    bool const worker = audience == pr::text_audience::worker;
    std::string requested = text_lang;
    bool recorded = true;
    if (requested.empty()) {
        if (worker) std::tie(requested, recorded) = worker_text_language(*w);
        else requested = std::string(pr::code(lang));
    }
    engine::evaluation_options opts{reference, false};
    opts.facts = false;
    (worker ? opts.worker_text_lang : opts.client_text_lang) = requested;
    engine::evaluator ev(prog);
    engine::client_index idx(ref.clients);
    auto res = ev.evaluate_worker(ref.agency, idx, *w, opts);
    return pr::build_texts_view(*prog, ref.clients, *w, res.findings, reference, lang, audience, requested, recorded);
}

// ---- matching ----------------------------------------------------------------------------------

std::optional<engine::dossier> matching_dossier(sqlite::store const& s, std::string const& only_worker, bool* found_worker,
                                                std::string* store_hash) {
    engine::dossier d;
    auto ag = s.load_agency();
    if (!ag) return std::nullopt;
    d.agency_info = std::move(*ag);
    d.clients = s.load_clients();
    if (!only_worker.empty()) {
        if (store_hash) *store_hash = s.content_hash();
        auto w = s.load_worker(only_worker);
        if (found_worker) *found_worker = w.has_value();
        if (w) d.workers.push_back(std::move(*w));
    } else {
        // Only candidates are read: workers whose application is active (matching.hpp); on a large
        // store that is a tenth of the workers, and the hash covers exactly what was read.
        std::uint64_t h = store_hash ? s.reference_data_hash() : 0;
        s.for_each_worker(
            [&](engine::worker&& w, std::vector<engine::data_issue>&&) {
                d.workers.push_back(std::move(w));
                return true;
            },
            {}, store_hash ? &h : nullptr, sqlite::store::worker_selection::active_applicants);
        if (store_hash) *store_hash = hex64(h);
    }
    return d;
}

std::string log_clock() {
    if (char const* fixed = std::getenv("RW_NOW"); fixed && *fixed) return fixed;
    auto t = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

namespace {

/// FNV-1a 64 of the store's content and the rulebook: what the run read.
std::string inputs_hash(std::string const& store_hash, std::string const& rules_hash) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : store_hash + "|" + rules_hash) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return hex64(h);
}

sqlite::match_log_entry run_entry(engine::program const& prog, std::string const& by, engine::day at, std::string const& store_hash) {
    sqlite::match_log_entry run;
    run.entry = "run";
    run.at = log_clock();
    run.by = by;
    run.reference_date = engine::format_date(at);
    run.inputs_hash = inputs_hash(store_hash, prog.rules_hash);
    return run;
}

}  // namespace

vacancy_match_run match_vacancy(engine::dossier const& d, std::shared_ptr<engine::program const> const& prog,
                                std::string const& vacancy_id, engine::match_options const& mo, pr::language lang,
                                std::size_t top, std::string const& by, std::string const& store_hash) {
    engine::evaluator ev(prog);
    auto m = engine::match_vacancy(ev, d, vacancy_id, mo);
    vacancy_match_run out{pr::build_match_view(m, d.agency_info, lang, mo.explain, top, prog.get()), run_entry(*prog, by, mo.at, store_hash)};
    out.entry.vacancy = m.vacancy;
    out.entry.client = m.client;
    out.entry.detail_json = pr::match_ranking_json(out.view);
    return out;
}

worker_match_run match_worker(engine::dossier const& d, std::shared_ptr<engine::program const> const& prog,
                              std::string const& worker_id, engine::match_options const& mo, pr::language lang,
                              std::string const& by, std::string const& store_hash) {
    engine::evaluator ev(prog);
    auto ms = engine::match_worker(ev, d, worker_id, mo);
    auto w = std::find_if(d.workers.begin(), d.workers.end(), [&](engine::worker const& x) { return x.id == worker_id; });
    if (w == d.workers.end()) throw std::invalid_argument("no worker '" + worker_id + "'");
    worker_match_run out{pr::build_worker_match_view(*w, ms, d.agency_info, lang, mo.explain, prog.get()), run_entry(*prog, by, mo.at, store_hash)};
    out.entry.worker = worker_id;
    std::string detail = "[";
    for (auto const& m : out.view.vacancies) detail += (detail.size() > 1 ? "," : "") + pr::match_ranking_json(m);
    out.entry.detail_json = detail + "]";
    return out;
}

decision_result record_match_decision(sqlite::store& s, std::string const& vacancy_id, std::string const& worker_id,
                                      std::string const& decision, std::string const& reason, std::string const& by,
                                      engine::day reference) {
    decision_result out;
    auto fail = [&](std::string en, std::string nl) {
        out.error = std::move(en);
        out.error_nl = std::move(nl);
        return out;
    };
    if (decision != "voorstellen" && decision != "afwijzen")
        return fail("--decision: voorstellen | afwijzen", "Kies voorstellen of afwijzen.");
    auto blank = reason.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank)
        return fail("--reason: say why (AVG art. 22: the person's view and the reason are kept)",
                    "Geef een reden (AVG art. 22: het oordeel van een mens en de reden worden bewaard).");
    if (by.empty()) return fail("who decides is not known", "Onbekend wie besluit.");
    if (!s.load_worker(worker_id)) return fail("no worker '" + worker_id + "'", "Deze flexkracht bestaat niet.");
    std::string client;
    for (auto const& k : s.load_clients())
        for (auto const& v : k.vacancies)
            if (v.id == vacancy_id) client = k.id;
    if (client.empty()) return fail("no vacancy '" + vacancy_id + "'", "Deze vacature bestaat niet.");
    sqlite::match_log_entry e;
    e.entry = "decision";
    e.at = log_clock();
    e.by = by;
    e.client = client;
    e.vacancy = vacancy_id;
    e.worker = worker_id;
    e.reference_date = engine::format_date(reference);
    e.decision = decision;
    e.reason = reason;
    out.id = s.append_match_log(e);
    return out;
}

std::map<std::string, sqlite::match_log_entry> latest_decisions(sqlite::store const& s, std::string const& vacancy_id) {
    std::map<std::string, sqlite::match_log_entry> out;
    for (auto& e : s.match_log(vacancy_id, std::nullopt))  // oldest first: a later decision replaces an earlier
        if (e.entry == "decision" && e.worker) out[*e.worker] = std::move(e);
    return out;
}

}  // namespace rw::adapters::app
