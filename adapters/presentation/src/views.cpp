// View-model builders (see views.hpp).
#include "rw/adapters/presentation/views.hpp"

#include "rw/engine/calendar.hpp"

#include <algorithm>

namespace rw::adapters::presentation {

std::string_view kind_label(engine::finding_kind k, language l) {
    switch (k) {
        case engine::finding_kind::violation: return text(msg::kind_violation, l);
        case engine::finding_kind::action: return text(msg::kind_action, l);
        case engine::finding_kind::warning: return text(msg::kind_warning, l);
        case engine::finding_kind::info: break;
    }
    return text(msg::kind_info, l);
}

std::string people_name(engine::program const& prog, engine::label_kind k, std::string_view name, language l) {
    auto label = prog.label(k, name, code(l));
    return std::string(label.empty() ? name : label);
}

std::string count_text(std::size_t n, engine::finding_kind k, language l) {
    static constexpr std::array<std::array<msg, 2>, 4> ids{{{msg::violation_one, msg::violation_many},
                                                           {msg::action_one, msg::action_many},
                                                           {msg::warning_one, msg::warning_many},
                                                           {msg::info_one, msg::info_many}}};
    return std::to_string(n) + " " + std::string(text(ids[static_cast<std::size_t>(k)][n == 1 ? 0 : 1], l));
}

std::string people_name(engine::program const* prog, engine::label_kind k, std::string_view name, language l) {
    return prog ? people_name(*prog, k, name, l) : std::string(name);
}

namespace {

/// The rule of a finding in the program, or null (data.kwaliteit, or no program).
engine::rule_info const* rule_of(engine::finding const& f, engine::program const* prog) {
    if (!prog || f.rule_index >= prog->rules.size()) return nullptr;
    auto const& r = prog->rules[f.rule_index];
    return r.id == f.rule ? &r : nullptr;
}

}  // namespace

int seriousness(engine::finding const& f, engine::program const* prog, engine::day reference) {
    using fk = engine::finding_kind;
    auto const* r = rule_of(f, prog);
    switch (f.kind) {
        case fk::violation:
            if (!f.open) return 4;
            if (r && r->open_while && !r->late_is_violation) return 0;
            if (r && r->late_is_violation) return 1;
            return 0;  // open without a rule to tell: treat as still going on
        case fk::action: return f.overdue || (f.due && *f.due < reference) ? 2 : 3;
        case fk::warning: return 5;
        case fk::info: break;
    }
    return 6;
}

finding_view make_finding_view(engine::finding const& f, language l, std::string name, engine::program const* prog,
                               std::optional<engine::day> reference) {
    bool en = l == language::en;
    finding_view v;
    v.rule = f.rule;
    v.variant = f.variant;
    v.kind = f.kind;
    v.worker = f.worker;
    v.name = std::move(name);
    v.contract = f.contract;
    v.placement = f.placement;
    v.due = f.due;
    // The working day to act on, while it lies ahead: once it has passed (on the weekend itself,
    // or late) the deadline is what counts, and "act by Friday" would send people back in time.
    if (f.act_by && !(reference && *reference > *f.act_by)) v.act_by = f.act_by;
    v.title = people_name(prog, engine::label_kind::regel, f.rule, l);
    v.seriousness = seriousness(f, prog, reference.value_or(engine::day{}));
    v.overdue = f.overdue;
    v.open = f.open;
    v.uncertain = f.uncertain;
    v.message = en ? f.message_en : f.message_nl;
    v.advice = en ? f.advice_en : f.advice_nl;
    v.citations = f.citations;
    v.explanation = f.explanation;
    return v;
}

void order_for_people(std::vector<finding_view const*>& fs) {
    std::stable_sort(fs.begin(), fs.end(), [](finding_view const* a, finding_view const* b) {
        if (a->seriousness != b->seriousness) return a->seriousness < b->seriousness;
        if (a->due && b->due && *a->due != *b->due) return *a->due < *b->due;
        return false;
    });
}

worker_sections sections_for_people(worker_view const& v) {
    worker_sections out;
    for (auto const& f : v.findings) {
        switch (section_of(f, v.reference)) {
            case worker_section::now: out.now.push_back(&f); break;
            case worker_section::soon: out.soon.push_back(&f); break;
            case worker_section::info: out.info.push_back(&f); break;
        }
    }
    order_for_people(out.now);
    order_for_people(out.info);
    return out;
}

worker_section section_of(finding_view const& f, engine::day reference) {
    bool to_do = f.kind == engine::finding_kind::action || f.open;
    if (to_do && (f.open && f.kind == engine::finding_kind::violation)) return worker_section::now;
    if (to_do && f.due && *f.due <= reference) return worker_section::now;
    if (to_do) return worker_section::soon;
    return worker_section::info;
}

namespace {

/// The value of a parameter without arguments or exceptions on a day (the version in force), or
/// none. (A parameter with exceptions depends on the worker: the rulebook gives it as a fact.)
std::optional<engine::value> parameter_on(engine::program const& prog, std::string const& name, engine::day d) {
    int i = prog.param_index(name);
    if (i < 0) return std::nullopt;
    auto const& p = prog.params[static_cast<std::size_t>(i)];
    if (!p.args.empty() || !p.exceptions.empty()) return std::nullopt;
    std::optional<engine::value> out;
    for (auto const& v : p.versions)
        if (v.from <= d && (!v.to || d <= *v.to)) out = v.v;
    return out;
}

long count_of(engine::value const& v) {
    return v.kind == engine::value_kind::number ? static_cast<long>(v.i / 1000) : static_cast<long>(v.i);
}

bool runs_on(engine::day start, engine::opt_day end, engine::day d) { return start <= d && (!end || d <= *end); }

}  // namespace

worker_view build_worker_view(engine::program const& prog, engine::agency const& ag, std::vector<engine::client> const& clients,
                              engine::worker const& w, engine::worker_result const& res,
                              std::vector<engine::finding> const& agency_findings, engine::day reference, language l,
                              bool explain, std::vector<engine::finding> const* upcoming) {
    using lk = engine::label_kind;
    auto const lc = code(l);
    worker_view v;
    v.lang = l;
    v.reference = reference;
    v.explain = explain;
    v.worker_id = w.id;
    v.name = w.name;
    v.agency = ag.name;
    // A value's label is keyed by its enumeration's name in the rules language: "contractsoort.oproep".
    auto value_name = [&](engine::enum_id e, char const* value) { return people_name(prog, lk::waarde, engine::enum_name(e) + "." + value, l); };
    v.cao = value_name(engine::enum_id::cao, engine::to_string(ag.cao));
    v.prog = &prog;
    std::string root;
    for (auto const& f : prog.files) {
        auto dir = f.substr(0, f.rfind('/') + 1);
        if (&f == &prog.files.front()) root = dir;
        std::size_t n = 0;
        while (n < root.size() && n < dir.size() && root[n] == dir[n]) ++n;
        root.resize(n);
        auto slash = root.rfind('/');
        root.resize(slash == std::string::npos ? 0 : slash + 1);
    }
    v.rules_root = root;

    // The placement and contract: the one running on the reference date (the latest to start),
    // else the last one.
    engine::contract const* contract = nullptr;
    for (auto const& c : w.contracts)
        if (c.start <= reference && (!contract || c.start >= contract->start)) contract = &c;
    engine::placement const* placement = nullptr;
    for (auto const& p : w.placements)
        if (p.start <= reference && (!placement || p.start >= placement->start)) placement = &p;
    auto hours_of = [&](std::string const& contract_id) {
        for (auto const& c : w.contracts)
            if (c.id == contract_id && c.hours_per_week) return engine::format_decimal(*c.hours_per_week);
        return std::string();
    };
    if (placement) {
        worker_view::placement_info p;
        p.id = placement->id;
        p.client = placement->client;
        for (auto const& c : clients)
            if (c.id == placement->client && !c.name.empty()) p.client = c.name;
        p.function = placement->function.value_or("");
        if (placement->hourly_wage) p.wage = engine::to_text(engine::value::cents(placement->hourly_wage->cents), lc);
        p.hours = hours_of(placement->contract);
        p.start = placement->start;
        p.end = placement->end;
        p.running = runs_on(placement->start, placement->end, reference);
        v.placement = std::move(p);
    }
    if (contract) {
        worker_view::contract_info c;
        c.id = contract->id;
        c.kind = value_name(engine::enum_id::contract_kind, engine::to_string(contract->kind));
        c.hours = contract->hours_per_week ? engine::format_decimal(*contract->hours_per_week) : "";
        c.start = contract->start;
        c.end = contract->effective_end();
        c.running = runs_on(contract->start, c.end, reference);
        v.contract = std::move(c);
    }

    // Facts by name, for the header; every fact for the list.
    auto fact = [&](std::string_view name) -> engine::fact_value const* {
        for (auto const& f : res.facts)
            if (f.name == name && !f.v.empty()) return &f;
        return nullptr;
    };
    for (auto const& f : res.facts) {
        bool date = f.v.kind == engine::value_kind::date;
        v.facts.push_back({f.name, people_name(prog, lk::feit, f.name, l), f.text,
                           date ? engine::format_date_weekday(f.v.as_date(), lc) : f.display, date && f.v.as_date() > reference});
    }
    if (auto const* fase = fact("fase")) {
        worker_view::phase_info ph;
        ph.fase = fase->text;
        ph.label = engine::phase_label(fase->text, ag.labels);
        if (ph.fase == "A") {
            if (auto const* n = fact("fase_a.weken")) ph.weeks = count_of(n->v);
            if (auto const* n = fact("fase_a.duur")) ph.of = count_of(n->v);
            if (auto const* d = fact("fase_b.start")) ph.until = d->v.as_date();
        } else if (ph.fase == "B") {
            if (auto const* d = fact("fase_b.start")) ph.since = d->v.as_date();
            if (auto const* n = fact("fase_b.contracten")) ph.contracts = count_of(n->v);
            if (auto m = parameter_on(prog, "fase_b.max_contracten", reference)) ph.max_contracts = count_of(*m);
            if (auto const* d = fact("fase_c.start")) ph.until = d->v.as_date();
        } else if (auto const* d = fact("fase_c.start")) {
            ph.since = d->v.as_date();
        }
        v.phase = std::move(ph);
    }
    // Only a sickness that runs on the reference date (recovered_on is the first day at work).
    for (auto const& s : w.sicknesses)
        if (s.first_day <= reference && (!s.recovered_on || reference < *s.recovered_on) && (!v.sickness || s.first_day > v.sickness->since))
            v.sickness = worker_view::sickness_info{s.first_day, std::nullopt};
    if (v.sickness)
        if (auto const* n = fact("ziekte.week")) v.sickness->week = count_of(n->v);
    if (w.ident) {
        if (w.ident->document) v.id_document = value_name(engine::enum_id::document, engine::to_string(*w.ident->document));
        v.id_valid_until = w.ident->expires;
    }
    if (w.permit) {
        v.permit = value_name(engine::enum_id::permit, engine::to_string(w.permit->kind));
        v.permit_valid_until = w.permit->valid_until;
    }

    for (auto const& r : w.worked_weeks) v.worked_weeks.emplace_back(engine::monday_of(r.first), engine::monday_of(r.last) + date::days{6});

    // The next phase: the start of B while in A, of C while in B, when it lies ahead.
    std::string fase;
    for (auto const& f : res.facts) {
        if (f.name == "fase") fase = f.text;
        if (fase == "A" && f.name == "fase_b.start" && f.v.as_date() > reference)
            v.next_phase = worker_view::next_phase_info{"B", engine::phase_label("B", ag.labels), f.v.as_date()};
        if (fase == "B" && f.name == "fase_c.start" && f.v.as_date() > reference)
            v.next_phase = worker_view::next_phase_info{"C", engine::phase_label("C", ag.labels), f.v.as_date()};
    }
    for (auto const& f : res.findings) v.findings.push_back(make_finding_view(f, l, {}, &prog, reference));
    for (auto const& f : agency_findings) v.agency_findings.push_back(make_finding_view(f, l, {}, &prog, reference));

    // The next three deadlines still to meet: from `upcoming` (the same worker evaluated with a long
    // look-ahead, so that a notice due in three months shows) when given, else from the findings.
    std::vector<finding_view> ahead;
    if (upcoming)
        for (auto const& f : *upcoming) ahead.push_back(make_finding_view(f, l, {}, &prog, reference));
    for (auto const& f : upcoming ? ahead : v.findings)
        if (f.due && *f.due >= reference && section_of(f, reference) != worker_section::info) v.deadlines.push_back({f.title, *f.due, f.act_by});
    std::stable_sort(v.deadlines.begin(), v.deadlines.end(), [](auto const& a, auto const& b) { return a.due < b.due; });
    if (v.deadlines.size() > 3) v.deadlines.resize(3);
    return v;
}

action_list_view build_action_list(std::string agency, engine::day reference, language l,
                                   std::vector<engine::finding> actions, std::map<std::string, std::string> const& names,
                                   engine::program const* prog) {
    engine::sort_findings(actions);
    action_list_view v;
    v.lang = l;
    v.reference = reference;
    v.agency = std::move(agency);
    for (auto const& f : actions) {
        auto it = names.find(f.worker);
        v.actions.push_back(make_finding_view(f, l, it == names.end() ? std::string() : it->second, prog, reference));
    }
    // What is due now (late, due today, a violation still going on) first, by seriousness and then
    // most days late; then the rest in the engine's order (by due date).
    auto now = [&](finding_view const& f) { return section_of(f, reference) == worker_section::now; };
    std::stable_sort(v.actions.begin(), v.actions.end(), [&](finding_view const& a, finding_view const& b) {
        if (now(a) != now(b)) return now(a);
        if (!now(a)) return false;
        if (a.seriousness != b.seriousness) return a.seriousness < b.seriousness;
        if (a.due && b.due && *a.due != *b.due) return *a.due < *b.due;  // most days late first
        return false;
    });
    return v;
}

void audit_report::add(engine::finding const& f, std::string const& name) {
    auto k = static_cast<std::size_t>(f.kind);
    ++findings;
    ++by_kind[k];
    if (f.overdue) ++overdue;
    auto& st = by_rule[f.rule];
    ++st.by_kind[k];
    ++st.total;
    st.seriousness = std::min(st.seriousness, seriousness(f, prog, reference));
    if (f.uncertain) ++st.uncertain;
    if (sample_cap == 0) return;
    if (st.sample.size() < sample_cap) st.sample.push_back(make_finding_view(f, lang, name, prog, reference));
    else ++st.omitted;
}

void audit_report::add_worker(bool with_findings) {
    ++workers;
    if (with_findings) ++workers_with_findings;
}

}  // namespace rw::adapters::presentation
