// Exam questions (see examen.hpp). Each topic builds a small dossier of its own from the seed, asks
// the engine, and asks it again with each misconception (a program bound with the misconception's
// parameter values, or a modified dossier); the answer and every distractor are what the engine
// says. A draw whose options collide is drawn again.
#include "rw/engine/examen.hpp"

#include "rng.hpp"

#include "rw/engine/synthetic.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>

namespace rw::engine::examen {

char const* to_string(topic t) {
    switch (t) {
        case topic::fasen: return "fasen";
        case topic::keten: return "keten";
        case topic::aanzegging: return "aanzegging";
        case topic::poortwachter: return "poortwachter";
        case topic::minimumloon: return "minimumloon";
        case topic::waadi: return "waadi";
    }
    return "?";
}

char const* to_string(question_kind k) {
    switch (k) {
        case question_kind::meerkeuze: return "meerkeuze";
        case question_kind::invullen: return "invullen";
        case question_kind::bedrag: return "bedrag";
        case question_kind::volgorde: return "volgorde";
        case question_kind::juist_onjuist: return "juist_onjuist";
    }
    return "?";
}

char const* to_string(ask a) {
    switch (a) {
        case ask::fase_b_start: return "fase_b_start";
        case ask::fase_a_weken: return "fase_a_weken";
        case ask::fase_c_start: return "fase_c_start";
        case ask::keten_onbepaald: return "keten_onbepaald";
        case ask::aanzegging_uiterlijk: return "aanzegging_uiterlijk";
        case ask::poortwachter_volgorde: return "poortwachter_volgorde";
        case ask::poortwachter_datum: return "poortwachter_datum";
        case ask::minimumloon_uur: return "minimumloon_uur";
        case ask::waadi_stellingen: return "waadi_stellingen";
    }
    return "?";
}

std::vector<topic> all_topics() {
    return {topic::fasen, topic::keten, topic::aanzegging, topic::poortwachter, topic::minimumloon, topic::waadi};
}

std::optional<topic> topic_from_string(std::string_view s) {
    for (auto t : all_topics())
        if (s == to_string(t)) return t;
    return std::nullopt;
}

std::vector<std::string> override_misconceptions() {
    return {"oud_78_weken",  "geen_reset",       "reset_3_maanden",      "vakantie_telt_niet", "fase_b_4_jaar",
            "zesde_contract", "contracten_tellen_niet", "geen_26_weken", "keten_24_maanden",   "keten_derde_contract"};
}

namespace {

using detail::rng;

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    rng r{a * 0x2545F4914F6CDD1DULL ^ (b + 1) * 0x9E3779B97F4A7C15ULL};
    r.next();
    return r.next();
}

day monday_on_or_after(day d) { return iso_weekday(d) == 1 ? d : monday_of(d) + date::days{7}; }

/// A retry: this draw does not make a good question.
struct redraw {};

/// Evaluators per program, made when first needed.
struct engines {
    std::shared_ptr<program const> main;
    misconception_programs const& alt;
    std::map<program const*, std::unique_ptr<evaluator>> evs;

    evaluator& of(std::shared_ptr<program const> const& p) {
        auto& e = evs[p.get()];
        if (!e) e = std::make_unique<evaluator>(p);
        return *e;
    }
    program const* misconception(std::string const& id) const {
        auto it = alt.find(id);
        return it == alt.end() ? nullptr : it->second.get();
    }
    std::shared_ptr<program const> misconception_ptr(std::string const& id) const {
        auto it = alt.find(id);
        return it == alt.end() ? nullptr : it->second;
    }
};

worker_result run(evaluator& ev, dossier const& d, day R, std::string const& worker_id, bool explain = false) {
    client_index ci(d.clients);
    evaluation_options o;
    o.reference = R;
    o.explain = explain;
    o.lang = "nl";
    for (auto const& w : d.workers)
        if (w.id == worker_id) return ev.evaluate_worker(d.agency_info, ci, w, o);
    throw std::logic_error("examen: no worker " + worker_id);
}

std::optional<std::string> fact_of(worker_result const& r, std::string const& name) {
    for (auto const& f : r.facts)
        if (f.name == name && !f.text.empty()) return f.text;
    return std::nullopt;
}

finding const* finding_of(worker_result const& r, std::string const& rule) {
    for (auto const& f : r.findings)
        if (f.rule == rule) return &f;
    return nullptr;
}
// The pointer lives in the result: a temporary result would leave it dangling (ASan caught that once).
finding const* finding_of(worker_result&&, std::string const&) = delete;

std::vector<std::string> articles_of(program const& prog, std::string const& rule, day R) {
    std::vector<std::string> out;
    for (auto const& ri : prog.rules) {
        if (ri.id != rule || !ri.variant.empty()) continue;  // the rule itself, not its special cases
        for (auto const& c : ri.citations) {
            if ((c.from && R < *c.from) || (c.to && R > *c.to)) continue;
            if (std::find(out.begin(), out.end(), c.article) == out.end()) out.push_back(c.article);
        }
    }
    return out;
}

answer_value date_answer(day d) { return {answer_value::kind::date, format_date(d)}; }
answer_value date_answer(std::string const& iso) { return {answer_value::kind::date, iso}; }

/// Weeks (by Monday index) into ISO week ranges.
std::vector<week_range> to_ranges(std::set<std::int32_t> const& weeks) {
    std::vector<week_range> out;
    for (auto w : weeks) {
        auto wk = iso_week_of(monday_of_index(w));
        if (!out.empty() && week_index(monday_of(out.back().last)) + 1 == w) out.back().last = wk;
        else out.push_back({wk, wk});
    }
    return out;
}

std::set<std::int32_t> weeks_between(day a, day b) {
    std::set<std::int32_t> out;
    for (auto w = week_index(a); w <= week_index(b); ++w) out.insert(w);
    return out;
}

/// The base of every dossier: a registered agency, one client with a reference wage, one worker.
struct builder {
    rng& r;
    day R;
    dossier d;
    std::string function;

    builder(rng& rr, day ref, cao_kind cao, std::uint64_t draw, bool non_eu = false) : r(rr), R(ref) {
        auto& a = d.agency_info;
        auto place = synthetic::make_client_name(mix(draw, 1));
        a.name = "Uitzendbureau " + place.substr(place.find(' ') + 1) + " BV";
        a.cao = cao;
        a.labels = phase_labels::letters;
        a.lender_registered_from = *parse_date("2012-07-01");
        a.wtta_admitted_from = *parse_date("2026-01-01");
        client k;
        k.id = "K1";
        k.name = synthetic::make_client_name(mix(draw, 2));
        function = synthetic::make_function(mix(draw, 3));
        k.reference_wages.push_back({function, money{1500 + r.between(0, 500)}, *parse_date("2024-01-01")});
        d.clients.push_back(k);
        worker w;
        w.id = "W1";
        auto p = synthetic::make_person(mix(draw, 4), non_eu);
        w.name = p.name;
        w.nationality = p.nationality;
        w.birth_date = add_days(R, -(r.between(23, 55) * 365 + r.between(0, 364)));
        d.workers.push_back(w);
    }
    worker& w() { return d.workers.front(); }

    contract& add(contract_kind kind, day start, opt_day end, std::int64_t wage_cents = 0) {
        auto& wk = w();
        contract c;
        c.id = "C" + std::to_string(wk.contracts.size() + 1);
        c.kind = kind;
        c.start = start;
        c.end = end;
        c.hours_per_week = decimal{1000 * (kind == contract_kind::oproep ? 0 : 8 * r.between(3, 5))};
        c.probation_months = 0;
        placement p;
        p.id = "P" + std::to_string(wk.placements.size() + 1);
        p.contract = c.id;
        p.client = "K1";
        p.function = function;
        p.start = start;
        p.end = end;
        p.hourly_wage = money{wage_cents ? wage_cents : d.clients.front().reference_wages.front().hourly.cents + r.between(0, 150)};
        wk.placements.push_back(p);
        wk.contracts.push_back(c);
        return wk.contracts.back();
    }

    void identity_checked_before(day first) {
        identity id;
        id.document = w().nationality == std::optional<std::string>("NL") ? document_kind::id_card : document_kind::passport;
        id.number = "XX" + std::to_string(1000000 + r.between(0, 8999999));
        id.expires = add_days(R, r.between(400, 3000));
        id.checked_on = add_days(first, -r.between(0, 7));
        id.copy_kept = true;
        w().ident = id;
    }

    /// Every week a contract covers up to R (a week counts when its Monday <= R).
    std::set<std::int32_t> contract_weeks() const {
        std::set<std::int32_t> out;
        for (auto const& c : d.workers.front().contracts) {
            day e = c.effective_end() ? std::min(*c.effective_end(), R) : R;
            if (e < c.start) continue;
            auto s = weeks_between(c.start, e);
            out.insert(s.begin(), s.end());
        }
        return out;
    }
};

/// Up to `n` distinct wrong answers from the pool (in order), none equal to the answer.
std::vector<wrong_answer> distinct(std::vector<wrong_answer> const& pool, answer_value const& answer, std::size_t n) {
    std::vector<wrong_answer> out;
    for (auto const& w : pool) {
        if (out.size() == n) break;
        if (w.value.text.empty() || w.value == answer) continue;
        if (std::any_of(out.begin(), out.end(), [&](wrong_answer const& o) { return o.value == w.value; })) continue;
        out.push_back(w);
    }
    return out;
}

/// Four choices, shuffled: the answer and three distractors; redraw unless exactly one is correct.
std::vector<choice> four_choices(rng& r, answer_value const& answer, std::vector<wrong_answer> pool) {
    auto three = distinct(pool, answer, 3);
    if (three.size() < 3) throw redraw{};
    std::vector<choice> out{{answer, true, ""}};
    for (auto const& w : three) out.push_back({w.value, false, w.misconception});
    r.shuffle(out);
    if (std::count_if(out.begin(), out.end(), [](choice const& c) { return c.correct; }) != 1) throw redraw{};
    return out;
}

void expect_fact(question& q, std::string const& fact, std::string const& value) {
    q.as_case.facts.push_back({q.worker, fact, value, {}});
}
void expect_finding(question& q, std::string const& rule, opt_day due, std::string const& contract = "") {
    finding_expectation f;
    f.worker = q.worker;
    f.rule = rule;
    f.due = due;
    if (!contract.empty()) f.contract = contract;
    q.as_case.findings.push_back(f);
}
void expect_absent(question& q, std::string const& worker, std::string const& rule) {
    finding_expectation f;
    f.worker = worker;
    f.rule = rule;
    q.as_case.absent.push_back(f);
}

void keep_facts(question& q, worker_result const& res, std::initializer_list<char const*> names) {
    for (auto n : names)
        if (auto v = fact_of(res, n)) q.facts[n] = *v;
}

void explain_finding(question& q, finding const& f) {
    if (!f.message_nl.empty()) q.explanation.push_back(f.message_nl);
    if (!f.advice_nl.empty()) q.explanation.push_back(f.advice_nl);
    q.uncertain = q.uncertain || f.uncertain;
}

// ---- fasen ----------------------------------------------------------------------------------

/// A worker in the phase system: an optional early series before a gap of more than 6 months, a
/// main series of 2-4 agency-clause contracts (the last open-ended, so fase B can be projected),
/// sometimes a gap of 3.5 to 6 months inside it, weeks without work and paid-holiday weeks.
builder phase_dossier(rng& r, day R, std::uint64_t draw, int weeks_back_lo, int weeks_back_hi) {
    builder b(r, R, cao_kind::abu, draw);
    day S = monday_on_or_after(add_days(R, -7 * r.between(weeks_back_lo, weeks_back_hi)));
    int shape = r.between(0, 99);
    if (shape < 35) {  // an early series, then more than 6 months without a contract
        day pre_end = add_days(S, -r.between(200, 320));
        day pre_start = monday_of(add_days(pre_end, -7 * r.between(8, 30)));
        b.add(contract_kind::uitzendbeding, pre_start, pre_end);
    }
    b.identity_checked_before(b.w().contracts.empty() ? S : b.w().contracts.front().start);
    int n = r.between(2, 4);
    day start = S;
    for (int k = 0; k < n; ++k) {
        bool last = k + 1 == n;
        if (last) {
            b.add(contract_kind::uitzendbeding, start, std::nullopt);
            break;
        }
        day end = add_days(start, 7 * r.between(6, 20) - 3);  // a Friday
        if (end >= R) {
            b.add(contract_kind::uitzendbeding, start, std::nullopt);
            break;
        }
        b.add(contract_kind::uitzendbeding, start, end);
        int gap = shape >= 35 && shape < 65 && k == 0 ? r.between(105, 175) : r.chance(0.6) ? 3 : r.between(10, 40);
        start = monday_on_or_after(add_days(end, gap));
        if (start > R) break;
    }
    auto weeks = b.contract_weeks();
    // Weeks under contract without work: the client had nothing.
    int idle = r.between(1, 4);
    for (int i = 0; i < idle && weeks.size() > 4; ++i) {
        auto it = weeks.begin();
        std::advance(it, r.between(1, static_cast<int>(weeks.size()) - 2));
        weeks.erase(it);
    }
    // A paid-holiday week or two, taken out of the worked weeks (they count from 2023-01-02).
    std::set<std::int32_t> holiday;
    if (r.chance(0.6) && weeks.size() > 6) {
        int h = r.between(1, 2);
        for (int i = 0; i < h; ++i) {
            auto it = weeks.begin();
            std::advance(it, r.between(2, static_cast<int>(weeks.size()) - 2));
            holiday.insert(*it);
            weeks.erase(it);
        }
    }
    b.w().worked_weeks = to_ranges(weeks);
    b.w().paid_holiday_weeks = to_ranges(holiday);
    return b;
}

/// The same dossier counted in calendar weeks: every week from the first contract to R worked.
dossier calendar_weeks(dossier d, day R) {
    auto& w = d.workers.front();
    day first = w.contracts.front().start;
    w.worked_weeks = to_ranges(weeks_between(first, R));
    w.paid_holiday_weeks.clear();
    return d;
}

std::optional<std::string> fact_with(engines& en, std::string const& misconception, dossier const& d, day R,
                                     std::string const& fact) {
    auto p = en.misconception_ptr(misconception);
    if (!p) return std::nullopt;
    return fact_of(run(en.of(p), d, R, "W1"), fact);
}

void fasen_fase_b_start(question& q, rng& r, engines& en) {
    day R = q.reference;
    auto b = phase_dossier(r, R, q.draw, 30, 60);
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    auto start = fact_of(res, "fase_b.start");
    if (!start) throw redraw{};
    q.data = b.d;
    q.answer = date_answer(*start);
    std::vector<wrong_answer> engine_pool;
    for (auto const* m : {"oud_78_weken", "geen_reset", "reset_3_maanden", "vakantie_telt_niet"})
        if (auto v = fact_with(en, m, b.d, R, "fase_b.start")) engine_pool.push_back({m, date_answer(*v)});
    if (auto v = fact_of(run(en.of(en.main), calendar_weeks(b.d, R), R, "W1"), "fase_b.start"))
        engine_pool.push_back({"kalenderweken", date_answer(*v)});
    r.shuffle(engine_pool);
    day ans = *parse_date(*start);
    std::vector<wrong_answer> off{{"week_te_laat", date_answer(add_days(ans, 7))}, {"week_te_vroeg", date_answer(add_days(ans, -7))}};
    r.shuffle(off);
    engine_pool.insert(engine_pool.end(), off.begin(), off.end());
    q.choices = four_choices(r, q.answer, engine_pool);
    keep_facts(q, res, {"fase", "fase_a.begin", "fase_a.weken", "fase_a.duur", "fase_b.start"});
    q.articles = articles_of(*en.main, "cao.fase_a.overgang", R);
    if (auto f = finding_of(res, "cao.fase_a.overgang")) explain_finding(q, *f);
    expect_fact(q, "fase_b.start", *start);
    if (auto f = fact_of(res, "fase_a.begin")) expect_fact(q, "fase_a.begin", *f);
}

void fasen_fase_a_weken(question& q, rng& r, engines& en) {
    day R = q.reference;
    auto b = phase_dossier(r, R, q.draw, 12, 46);
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    auto fase = fact_of(res, "fase");
    auto weeks = fact_of(res, "fase_a.weken");
    if (!fase || *fase != "A" || !weeks || *weeks == "0") throw redraw{};
    q.data = b.d;
    q.answer = {answer_value::kind::number, *weeks};
    std::vector<wrong_answer> pool;
    for (auto const* m : {"geen_reset", "reset_3_maanden", "vakantie_telt_niet"})
        if (auto v = fact_with(en, m, b.d, R, "fase_a.weken")) pool.push_back({m, {answer_value::kind::number, *v}});
    if (auto v = fact_of(run(en.of(en.main), calendar_weeks(b.d, R), R, "W1"), "fase_a.weken"))
        pool.push_back({"kalenderweken", {answer_value::kind::number, *v}});
    q.wrong = distinct(pool, q.answer, 4);
    if (q.wrong.empty()) throw redraw{};
    keep_facts(q, res, {"fase", "fase_a.begin", "fase_a.weken", "fase_a.duur", "fase_b.start"});
    q.articles = articles_of(*en.main, "cao.fase_a.overgang", R);
    expect_fact(q, "fase", "A");
    expect_fact(q, "fase_a.weken", *weeks);
}

/// A worker past fase A: an agency-clause contract of more than 52 worked weeks, then fixed-term
/// contracts of 8 to 40 weeks (often short, so that the 7th contract can come before 3 years).
void fasen_fase_c_start(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::abu, q.draw);
    day S = monday_on_or_after(add_days(R, -7 * r.between(150, 260)));
    b.identity_checked_before(S);
    day end1 = add_days(S, 7 * r.between(53, 60) - 3);
    b.add(contract_kind::uitzendbeding, S, end1);
    day start = add_days(end1, 3);
    bool short_ones = r.chance(0.5);
    for (int k = 0; k < 12 && start <= R; ++k) {
        day end = add_days(start, 7 * (short_ones ? r.between(8, 20) : r.between(20, 45)) - 3);
        b.add(contract_kind::bepaalde_tijd, start, end);
        start = monday_on_or_after(add_days(end, r.chance(0.7) ? 3 : r.between(7, 30)));
    }
    b.w().worked_weeks = to_ranges(b.contract_weeks());
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    auto c_start = fact_of(res, "fase_c.start");
    if (!c_start) throw redraw{};
    q.data = b.d;
    q.answer = date_answer(*c_start);
    std::vector<wrong_answer> pool;
    for (auto const* m : {"fase_b_4_jaar", "contracten_tellen_niet", "zesde_contract"})
        if (auto v = fact_with(en, m, b.d, R, "fase_c.start")) pool.push_back({m, date_answer(*v)});
    r.shuffle(pool);
    pool.push_back({"week_te_laat", date_answer(add_days(*parse_date(*c_start), 7))});
    q.choices = four_choices(r, q.answer, pool);
    keep_facts(q, res, {"fase", "fase_b.start", "fase_b.contracten", "fase_c.start"});
    q.articles = articles_of(*en.main, "cao.fase_b.overgang", R);
    if (auto f = finding_of(res, "cao.fase_b.overgang")) explain_finding(q, *f);
    if (auto f = finding_of(res, "cao.fase_c.vast_contract")) explain_finding(q, *f);
    expect_fact(q, "fase_c.start", *c_start);
    if (auto f = fact_of(res, "fase_b.start")) expect_fact(q, "fase_b.start", *f);
}

// ---- keten (cao none: the chain rule with 7:691) ---------------------------------------------

void keten(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::none, q.draw);
    day S = monday_on_or_after(add_days(R, -7 * r.between(110, 190)));
    b.identity_checked_before(S);
    day start = S;
    int n = r.between(4, 6);
    for (int k = 0; k < n && start <= R; ++k) {
        day end = add_days(start, 7 * r.between(10, 40) - 3);
        b.add(contract_kind::bepaalde_tijd, start, end);
        start = monday_on_or_after(add_days(end, r.chance(0.6) ? 3 : r.between(10, 60)));
    }
    b.w().worked_weeks = to_ranges(b.contract_weeks());
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    auto f = finding_of(res, "bw.ketenregeling");
    if (!f || !f->due) throw redraw{};
    q.data = b.d;
    q.answer = date_answer(*f->due);
    std::vector<wrong_answer> pool;
    for (auto const* m : {"geen_26_weken", "keten_24_maanden", "keten_derde_contract"}) {
        auto p = en.misconception_ptr(m);
        if (!p) continue;
        auto alt = run(en.of(p), b.d, R, "W1");
        if (auto g = finding_of(alt, "bw.ketenregeling"); g && g->due) pool.push_back({m, date_answer(*g->due)});
    }
    r.shuffle(pool);
    pool.push_back({"dag_te_laat", date_answer(add_days(*f->due, 1))});
    q.choices = four_choices(r, q.answer, pool);
    keep_facts(q, res, {"keten.start", "keten.contracten", "keten.overschreden_op"});
    q.articles = articles_of(*en.main, "bw.ketenregeling", R);
    explain_finding(q, *f);
    expect_finding(q, "bw.ketenregeling", f->due, f->contract);
}

// ---- aanzegging -------------------------------------------------------------------------------

void aanzegging(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::abu, q.draw);
    day E = add_days(R, r.between(20, 85));
    if (r.chance(0.4)) {  // a month's end: the month back is clamped (31 March -> 28/29 February)
        date::year_month_day ymd{E};
        E = date::sys_days{ymd.year() / ymd.month() / date::last};
    }
    int months = r.between(6, 12);
    day start2 = monday_on_or_after(add_days(add_months(E, -months), 1));
    day start1 = add_days(start2, -7 * r.between(53, 70));
    b.identity_checked_before(start1);
    b.add(contract_kind::uitzendbeding, start1, add_days(start2, -3));
    b.add(contract_kind::bepaalde_tijd, start2, E);
    b.w().worked_weeks = to_ranges(b.contract_weeks());
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    finding const* f = nullptr;
    for (auto const& x : res.findings)
        if (x.rule == "bw.aanzegplicht" && x.contract == "C2") f = &x;
    // A deadline on a free day has two readings (the deadline, the working day before it to act on):
    // not a good fill-in question.
    if (!f || !f->due || f->act_by) throw redraw{};
    q.data = b.d;
    q.answer = date_answer(*f->due);
    std::vector<wrong_answer> pool{{"maand_is_30_dagen", date_answer(add_days(E, -30))},
                                   {"vier_weken", date_answer(add_days(E, -28))},
                                   {"dag_te_laat", date_answer(add_days(*f->due, 1))}};
    q.wrong = distinct(pool, q.answer, 3);
    if (q.wrong.size() < 2) throw redraw{};
    q.articles = articles_of(*en.main, "bw.aanzegplicht", R);
    explain_finding(q, *f);
    expect_finding(q, "bw.aanzegplicht", f->due, "C2");
}

// ---- poortwachter -----------------------------------------------------------------------------

void poortwachter(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::abu, q.draw);
    day S = monday_on_or_after(add_days(R, -7 * r.between(200, 300)));
    b.identity_checked_before(S);
    b.add(contract_kind::onbepaalde_tijd, S, std::nullopt);
    sickness z;
    z.first_day = add_days(R, -r.between(665, 715));
    z.steps.bedrijfsarts_melding = add_days(z.first_day, r.between(0, 3));
    b.w().sicknesses.push_back(z);
    auto weeks = weeks_between(S, z.first_day);
    b.w().worked_weeks = to_ranges(weeks);
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    std::vector<std::string> steps{"poortwachter.probleemanalyse", "poortwachter.plan_van_aanpak", "poortwachter.uwv_ziekmelding",
                                   "poortwachter.eerstejaarsevaluatie", "poortwachter.wia_aanvraag"};
    r.shuffle(steps);
    steps.resize(4);
    for (auto const& s : steps) {
        auto f = finding_of(res, s);
        if (!f || !f->due) throw redraw{};
        q.items.push_back({s, f->due, true, f->message_nl});
        for (auto const& a : articles_of(*en.main, s, R)) q.articles.push_back(a);
        expect_finding(q, s, f->due);
    }
    std::vector<int> order{0, 1, 2, 3};
    std::sort(order.begin(), order.end(), [&](int a, int c) { return *q.items[a].due < *q.items[c].due; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (*q.items[order[i - 1]].due == *q.items[order[i]].due) throw redraw{};
    if (order == std::vector<int>{0, 1, 2, 3}) throw redraw{};  // shown in the right order already
    q.order = order;
    q.data = b.d;
    for (int i : order) q.explanation.push_back(q.items[i].message);
    keep_facts(q, res, {"ziekte.week"});
}

/// The last day for one step of a recent sickness (fill in): the probleemanalyse, the plan van
/// aanpak or the report to UWV, with the first sick day such that the step is on the work list.
void poortwachter_datum(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::abu, q.draw);
    day S = monday_on_or_after(add_days(R, -7 * r.between(200, 300)));
    b.identity_checked_before(S);
    b.add(contract_kind::onbepaalde_tijd, S, std::nullopt);
    static constexpr std::array<std::pair<char const*, std::pair<int, int>>, 3> steps = {{
        {"poortwachter.probleemanalyse", {14, 40}},
        {"poortwachter.plan_van_aanpak", {28, 54}},
        {"poortwachter.uwv_ziekmelding", {268, 293}},
    }};
    auto const& [rule, back] = steps[r.next() % steps.size()];
    sickness z;
    z.first_day = add_days(R, -r.between(back.first, back.second));
    z.steps.bedrijfsarts_melding = add_days(z.first_day, r.between(2, 6));
    auto sick_weeks = weeks_between(S, add_days(z.first_day, -1));
    b.w().worked_weeks = to_ranges(sick_weeks);
    // Steps before this one were done on time, so the dossier reads as a diligent agency's.
    if (std::string(rule) == "poortwachter.uwv_ziekmelding") {
        z.steps.probleemanalyse = add_days(z.first_day, r.between(30, 41));
        z.steps.plan_van_aanpak = add_days(z.first_day, r.between(45, 55));
    } else if (std::string(rule) == "poortwachter.plan_van_aanpak") {
        z.steps.probleemanalyse = add_days(z.first_day, r.between(30, 41));
    }
    b.w().sicknesses.push_back(z);
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    auto f = finding_of(res, rule);
    // A deadline on a free day with 'werkdag ervoor' has two readings (the deadline, the day to act):
    // not a good fill-in question.
    if (!f || !f->due || f->overdue || f->act_by) throw redraw{};
    q.data = b.d;
    q.items.push_back({rule, f->due, true, f->message_nl});
    q.answer = date_answer(*f->due);
    std::vector<wrong_answer> pool;
    {   // counted from the report to the company doctor instead of the first day of sickness
        dossier m = b.d;
        m.workers.front().sicknesses.front().first_day = *z.steps.bedrijfsarts_melding;
        auto alt = run(en.of(en.main), m, R, "W1");
        if (auto g = finding_of(alt, rule); g && g->due)
            pool.push_back({"vanaf_melding_bedrijfsarts", date_answer(*g->due)});
    }
    pool.push_back({"dag_te_laat", date_answer(add_days(*f->due, 1))});
    pool.push_back({"week_te_laat", date_answer(add_days(*f->due, 7))});
    q.wrong = distinct(pool, q.answer, 3);
    if (q.wrong.empty()) throw redraw{};
    q.articles = articles_of(*en.main, rule, R);
    explain_finding(q, *f);
    keep_facts(q, res, {"ziekte.week"});
    expect_finding(q, rule, f->due);
}

// ---- minimumloon ------------------------------------------------------------------------------

/// The lowest hourly wage (cents) for which the engine finds no wml.minimumloon for P1 on R.
std::int64_t lowest_wage(evaluator& ev, dossier d, day R) {
    auto has = [&](std::int64_t cents) {
        d.workers.front().placements.front().hourly_wage = money{cents};
        auto res = run(ev, d, R, "W1");
        return finding_of(res, "wml.minimumloon") != nullptr;
    };
    std::int64_t lo = 0, hi = 10000;  // has(hi) is false: nobody's minimum is 100 euro
    if (has(hi)) return -1;
    if (!has(lo + 1)) return 0;
    while (hi - lo > 1) {
        auto mid = (lo + hi) / 2;
        (has(mid) ? lo : hi) = mid;
    }
    return hi;
}

dossier shifted_year(dossier d, int years) {
    auto& w = d.workers.front();
    auto sh = [&](day x) { return add_months(x, 12 * years); };
    if (w.birth_date) w.birth_date = sh(*w.birth_date);
    for (auto& c : w.contracts) c.start = sh(c.start);
    for (auto& p : w.placements) p.start = sh(p.start);
    if (w.ident && w.ident->checked_on) w.ident->checked_on = sh(*w.ident->checked_on);
    w.worked_weeks = to_ranges(weeks_between(w.contracts.front().start, w.contracts.front().start));
    return d;
}

void minimumloon(question& q, rng& r, engines& en) {
    day R = q.reference;
    builder b(r, R, cao_kind::abu, q.draw);
    int age = r.chance(0.8) ? r.between(15, 21) : r.between(22, 40);
    b.w().birth_date = add_days(R, -(age * 365 + age / 4 + r.between(1, 360)));
    b.identity_checked_before(R);
    b.add(contract_kind::uitzendbeding, R, std::nullopt);
    b.w().worked_weeks = to_ranges(weeks_between(R, R));
    auto& ev = en.of(en.main);
    auto cents = lowest_wage(ev, b.d, R);
    if (cents <= 0) throw redraw{};
    q.data = b.d;
    q.data.workers.front().placements.front().hourly_wage = money{cents};
    q.answer = {answer_value::kind::amount, format_money(money{cents})};
    std::vector<wrong_answer> pool;
    if (auto v = lowest_wage(ev, shifted_year(b.d, -1), add_months(R, -12)); v > 0)
        pool.push_back({"minimumloon_vorig_jaar", {answer_value::kind::amount, format_money(money{v})}});
    {
        dossier younger = b.d;
        younger.workers.front().birth_date = add_months(*younger.workers.front().birth_date, 12);
        if (auto v = lowest_wage(ev, younger, R); v > 0)
            pool.push_back({"leeftijd_een_jaar_te_jong", {answer_value::kind::amount, format_money(money{v})}});
    }
    {
        dossier adult = b.d;
        adult.workers.front().birth_date = add_months(R, -12 * 30);
        if (auto v = lowest_wage(ev, adult, R); v > 0)
            pool.push_back({"volwassen_minimumloon", {answer_value::kind::amount, format_money(money{v})}});
    }
    q.wrong = distinct(pool, q.answer, 3);
    if (q.wrong.empty()) throw redraw{};
    q.articles = articles_of(*en.main, "wml.minimumloon", R);
    // The key as a case: W1 earns exactly the answer (no finding), a twin a cent less (a finding).
    worker twin = q.data.workers.front();
    twin.id = "W1-cent-minder";
    twin.placements.front().hourly_wage = money{cents - 1};
    q.as_case.dossier_data = q.data;
    q.as_case.dossier_data.workers.push_back(twin);
    auto low = run(ev, q.as_case.dossier_data, R, twin.id, true);
    auto f = finding_of(low, "wml.minimumloon");
    if (!f) throw redraw{};
    explain_finding(q, *f);
    expect_absent(q, "W1", "wml.minimumloon");
    finding_expectation e;
    e.worker = twin.id;
    e.rule = "wml.minimumloon";
    e.due = R;
    q.as_case.findings.push_back(e);
}

// ---- waadi, identity, permit: true or false ---------------------------------------------------

void waadi(question& q, rng& r, engines& en) {
    day R = q.reference;
    bool non_eu = r.chance(0.5);
    builder b(r, R, cao_kind::abu, q.draw, non_eu);
    day S = monday_on_or_after(add_days(R, -7 * r.between(8, 30)));
    // Well above the minimum wage, so that the statement on pay is about the client's wage alone.
    auto& refwage = b.d.clients.front().reference_wages.front().hourly;
    refwage = money{1750 + r.between(0, 400)};
    auto ref = refwage.cents;
    std::int64_t wage = r.chance(0.5) ? ref - r.between(10, 150) : ref + r.between(0, 200);
    b.add(contract_kind::uitzendbeding, S, std::nullopt, wage);
    if (r.chance(0.5)) b.d.agency_info.lender_registered_from = add_days(S, r.between(10, 200));
    b.identity_checked_before(S);
    if (r.chance(0.5)) b.w().ident->checked_on = add_days(S, r.between(1, 10));
    if (non_eu) {
        work_permit p;
        p.kind = permit_kind::twv;
        p.valid_from = add_days(S, -r.between(10, 40));
        p.valid_until = r.chance(0.5) ? add_days(R, -r.between(14, 40)) : add_days(R, r.between(100, 400));
        b.w().permit = p;
    }
    // An EEA national needs no permit: the fourth statement is then about the copy of the ID.
    if (!non_eu && r.chance(0.5)) b.w().ident->copy_kept = false;
    b.w().worked_weeks = to_ranges(b.contract_weeks());
    auto res = run(en.of(en.main), b.d, R, "W1", true);
    int yes = 0;
    for (auto const* rule : {"waadi.gelijke_beloning", "waadi.registratie", "id.controle", non_eu ? "wav.vergunning" : "id.kopie"}) {
        auto f = finding_of(res, rule);
        q.items.push_back({rule, f ? f->due : std::nullopt, f != nullptr, f ? f->message_nl : ""});
        yes += f != nullptr;
        for (auto const& a : articles_of(*en.main, rule, R)) q.articles.push_back(a);
        if (f) {
            expect_finding(q, rule, f->due);
            q.explanation.push_back(f->message_nl);
        } else {
            expect_absent(q, "W1", rule);
        }
    }
    if (yes == 0 || yes == 4) throw redraw{};
    r.shuffle(q.items);
    q.data = b.d;
}

void build(question& q, rng& r, engines& en, int nth_of_topic) {
    switch (q.tag) {
        case topic::fasen:
            if (nth_of_topic % 3 == 0) {
                q.kind = question_kind::meerkeuze;
                q.asks = ask::fase_b_start;
                fasen_fase_b_start(q, r, en);
            } else if (nth_of_topic % 3 == 2) {
                q.kind = question_kind::meerkeuze;
                q.asks = ask::fase_c_start;
                fasen_fase_c_start(q, r, en);
            } else {
                q.kind = question_kind::invullen;
                q.asks = ask::fase_a_weken;
                fasen_fase_a_weken(q, r, en);
            }
            break;
        case topic::keten:
            q.kind = question_kind::meerkeuze;
            q.asks = ask::keten_onbepaald;
            keten(q, r, en);
            break;
        case topic::aanzegging:
            q.kind = question_kind::invullen;
            q.asks = ask::aanzegging_uiterlijk;
            aanzegging(q, r, en);
            break;
        case topic::poortwachter:
            if (nth_of_topic % 2 == 0) {
                q.kind = question_kind::volgorde;
                q.asks = ask::poortwachter_volgorde;
                poortwachter(q, r, en);
            } else {
                q.kind = question_kind::invullen;
                q.asks = ask::poortwachter_datum;
                poortwachter_datum(q, r, en);
            }
            break;
        case topic::minimumloon:
            q.kind = question_kind::bedrag;
            q.asks = ask::minimumloon_uur;
            minimumloon(q, r, en);
            break;
        case topic::waadi:
            q.kind = question_kind::juist_onjuist;
            q.asks = ask::waadi_stellingen;
            waadi(q, r, en);
            break;
    }
}

}  // namespace

std::vector<question> make_exam(settings const& s, std::shared_ptr<program const> const& prog,
                                misconception_programs const& misconceptions) {
    if (s.count < 1) throw std::invalid_argument("examen: at least one question");
    auto topics = s.topics.empty() ? all_topics() : s.topics;
    engines en{prog, misconceptions, {}};
    std::vector<question> out;
    for (int i = 0; i < s.count; ++i) {
        question q;
        q.number = i + 1;
        q.tag = topics[static_cast<std::size_t>(i) % topics.size()];
        q.reference = s.reference;
        q.worker = "W1";
        int nth = i / static_cast<int>(topics.size());
        auto redraws = std::count(s.redraw.begin(), s.redraw.end(), i + 1);
        std::uint64_t base = mix(s.seed, static_cast<std::uint64_t>(i));
        for (long k = 0; k < redraws; ++k) base = mix(base, 0x5245445241ULL);  // "REDRA"
        bool done = false;
        for (int attempt = 0; attempt < 200 && !done; ++attempt) {
            question t = q;
            t.draw = mix(base, static_cast<std::uint64_t>(attempt));
            rng r{t.draw};
            try {
                build(t, r, en, nth);
            } catch (redraw const&) {
                continue;
            }
            char id[96];
            std::snprintf(id, sizeof id, "examen-%llu-%02d-%s", static_cast<unsigned long long>(s.seed), t.number, to_string(t.tag));
            auto& c = t.as_case;
            c.id = id;
            c.title = std::string("Examenvraag ") + std::to_string(t.number) + " (" + to_string(t.tag) + ", " + to_string(t.kind) + ")";
            c.reference_date = t.reference;
            c.tags = {"examen", to_string(t.tag), to_string(t.kind)};
            std::string src;
            for (auto const& a : t.articles) src += (src.empty() ? "" : "; ") + a;
            c.source = "regelwerk examen (seed " + std::to_string(s.seed) + "); " + src;
            if (c.dossier_data.workers.empty()) c.dossier_data = t.data;
            q = std::move(t);
            done = true;
        }
        if (!done) throw std::runtime_error("examen: question " + std::to_string(i + 1) + " (" + to_string(q.tag) + ") could not be drawn");
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace rw::engine::examen
