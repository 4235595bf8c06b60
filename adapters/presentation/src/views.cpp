// View-model builders (see views.hpp).
#include "rw/adapters/presentation/views.hpp"

#include "rw/engine/calendar.hpp"

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

finding_view make_finding_view(engine::finding const& f, language l, std::string name) {
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
    v.act_by = f.act_by;
    v.overdue = f.overdue;
    v.open = f.open;
    v.uncertain = f.uncertain;
    v.message = en ? f.message_en : f.message_nl;
    v.advice = en ? f.advice_en : f.advice_nl;
    v.citations = f.citations;
    v.explanation = f.explanation;
    return v;
}

worker_view build_worker_view(engine::agency const& ag, engine::worker const& w, engine::worker_result const& res,
                              std::vector<engine::finding> const& agency_findings, engine::day reference, language l,
                              bool explain) {
    worker_view v;
    v.lang = l;
    v.reference = reference;
    v.explain = explain;
    v.worker_id = w.id;
    v.name = w.name;
    v.agency = ag.name;
    v.cao = engine::to_string(ag.cao);
    for (auto const& f : res.facts)
        v.facts.push_back({f.name, f.text, f.display, f.v.kind == engine::value_kind::date && f.v.as_date() > reference});
    // The next phase: the start of B while in A, of C while in B, when it lies ahead.
    std::string fase;
    for (auto const& f : res.facts) {
        if (f.name == "fase") fase = f.text;
        if (fase == "A" && f.name == "fase_b.start" && f.v.as_date() > reference)
            v.next_phase = worker_view::next_phase_info{"B", engine::phase_label("B", ag.labels), f.v.as_date()};
        if (fase == "B" && f.name == "fase_c.start" && f.v.as_date() > reference)
            v.next_phase = worker_view::next_phase_info{"C", engine::phase_label("C", ag.labels), f.v.as_date()};
    }
    for (auto const& f : res.findings) v.findings.push_back(make_finding_view(f, l));
    for (auto const& f : agency_findings) v.agency_findings.push_back(make_finding_view(f, l));
    return v;
}

action_list_view build_action_list(std::string agency, engine::day reference, language l,
                                   std::vector<engine::finding> actions, std::map<std::string, std::string> const& names) {
    engine::sort_findings(actions);
    auto late = [&](engine::finding const& f) { return is_late(f, reference); };
    std::stable_sort(actions.begin(), actions.end(), [&](engine::finding const& a, engine::finding const& b) {
        if (late(a) != late(b)) return late(a);
        if (!late(a)) return false;
        bool va = a.kind == engine::finding_kind::violation, vb = b.kind == engine::finding_kind::violation;
        if (va != vb) return va;
        return *a.due < *b.due;
    });
    action_list_view v;
    v.lang = l;
    v.reference = reference;
    v.agency = std::move(agency);
    for (auto const& f : actions) {
        auto it = names.find(f.worker);
        v.actions.push_back(make_finding_view(f, l, it == names.end() ? std::string() : it->second));
    }
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
    if (sample_cap == 0) return;
    if (st.sample.size() < sample_cap) st.sample.push_back(make_finding_view(f, lang, name));
    else ++st.omitted;
}

void audit_report::add_worker(bool with_findings) {
    ++workers;
    if (with_findings) ++workers_with_findings;
}

}  // namespace rw::adapters::presentation
