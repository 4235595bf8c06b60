// Guidance (issue 13): one worker's timeline (see timeline.hpp).
#include "rw/adapters/presentation/timeline.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/engine/calendar.hpp"

#include <algorithm>
#include <ostream>

namespace rw::adapters::presentation {

namespace {

std::string str(msg id, language l) { return std::string(text(id, l)); }
std::string day_text(engine::day d, language l) { return engine::format_date_weekday(d, code(l)); }
nlohmann::ordered_json date_or_null(engine::opt_day d) {
    return d ? nlohmann::ordered_json(engine::format_date(*d)) : nlohmann::ordered_json();
}
nlohmann::ordered_json text_or_null(std::optional<std::string> const& s) {
    return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json();
}

/// The record that closed a step: its task is the rule id, made on the day the rule read, for the
/// step's placement (or naming none).
std::optional<engine::task_done> evidence_for(engine::worker const& w, engine::finding const& f) {
    if (!f.done) return std::nullopt;
    engine::task_done const* best = nullptr;
    for (auto const& t : w.tasks_done) {
        if (t.task != f.rule || t.on != *f.done) continue;
        bool placement_fits = !t.placement || f.placement.empty() || *t.placement == f.placement;
        if (!placement_fits) {
            // A contract's step: a record naming one of the contract's placements.
            for (auto const& p : w.placements)
                if (p.id == *t.placement && p.contract == f.contract && f.placement.empty()) placement_fits = true;
        }
        if (placement_fits && (!best || (t.placement && !best->placement))) best = &t;
    }
    if (!best) return std::nullopt;
    return *best;
}

std::string task_label(std::string const& task, language l) {
    if (task == "wettelijk") return str(msg::task_statutory, l);
    if (task == "beleid") return str(msg::task_policy, l);
    return str(msg::task_other, l);
}

}  // namespace

timeline_view build_timeline_view(engine::program const& prog, std::vector<engine::client> const& clients, engine::worker const& w,
                                  worker_view const& header, engine::worker_result const& res, engine::day reference, language l) {
    timeline_view v;
    v.lang = l;
    v.reference = reference;
    v.worker_id = w.id;
    v.name = w.name;
    v.agency = header.agency;
    v.cao = header.cao;
    v.tracked = w.tasks_recorded;
    v.phase = header.phase;
    v.next_phase = header.next_phase;
    v.id_document = header.id_document;
    v.id_valid_until = header.id_valid_until;
    if (w.ident) v.id_checked_on = w.ident->checked_on;
    v.permit = header.permit;
    v.permit_valid_until = header.permit_valid_until;
    v.prog = &prog;
    for (auto const& p : w.placements) {
        timeline_view::placement_row r;
        r.id = p.id;
        r.client = p.client;
        for (auto const& c : clients)
            if (c.id == p.client && !c.name.empty()) r.client = c.name;
        r.function = p.function.value_or("");
        r.contract = p.contract;
        for (auto const& c : w.contracts)
            if (c.id == p.contract)
                r.contract_kind = people_name(prog, engine::label_kind::waarde,
                                              engine::enum_name(engine::enum_id::contract_kind) + "." + engine::to_string(c.kind), l);
        r.start = p.start;
        r.end = p.end;
        r.running = p.start <= reference && (!p.end || reference <= *p.end);
        v.placements.push_back(std::move(r));
    }
    std::stable_sort(v.placements.begin(), v.placements.end(), [](auto const& a, auto const& b) { return a.start < b.start; });

    bool const en = l == language::en;
    for (auto const& f : res.findings) {
        if (!f.due || f.worker.empty() || f.rule_index >= prog.rules.size()) continue;
        auto const& rule = prog.rules[f.rule_index];
        if (rule.kind != engine::finding_kind::action) continue;
        timeline_view::task_row t;
        t.rule = f.rule;
        t.variant = f.variant;
        t.title = people_name(prog, engine::label_kind::regel, f.rule, l);
        t.task = rule.task;
        t.kind = f.kind;
        t.placement = f.placement;
        t.contract = f.contract;
        t.due = *f.due;
        t.act_by = f.act_by;
        t.done = f.done;
        t.open = f.open;
        t.uncertain = f.uncertain;
        if (f.done && *f.done > *f.due) t.days_late = static_cast<int>((*f.done - *f.due).count());
        else if (!f.done && reference > *f.due) t.days_late = static_cast<int>((reference - *f.due).count());
        if (f.done) {
            if (rule.done_by_record) t.evidence = evidence_for(w, f);
            else t.evidence_in_dossier = true;
        }
        if (!f.done) {  // a step done needs no words: its evidence says it (the rule's texts speak of a step to take)
            t.message = en ? f.message_en : f.message_nl;
            t.advice = en ? f.advice_en : f.advice_nl;
        }
        t.citations = f.citations;
        (f.done || *f.due < reference ? v.past : v.coming).push_back(std::move(t));
    }
    auto by_due = [](auto const& a, auto const& b) {
        if (a.due != b.due) return a.due < b.due;
        if (a.placement != b.placement) return a.placement < b.placement;
        return a.rule < b.rule;
    };
    std::stable_sort(v.past.begin(), v.past.end(), by_due);
    std::stable_sort(v.coming.begin(), v.coming.end(), by_due);
    return v;
}

void render_timeline_text(std::ostream& out, timeline_view const& v) {
    auto const l = v.lang;
    out << text(msg::timeline_for, l) << terminal_safe(v.name) << " (" << terminal_safe(v.worker_id) << ")" << text(msg::on_date, l)
        << day_text(v.reference, l) << "\n";
    out << text(msg::agency_label, l) << terminal_safe(v.agency) << " · " << terminal_safe(v.cao) << "\n";
    if (v.phase) {
        auto const& ph = *v.phase;
        out << "  " << text(msg::header_phase, l) << ": " << ph.label;
        if (ph.weeks) {
            out << " · " << *ph.weeks;
            if (ph.of) out << text(msg::of_word, l) << *ph.of;
            out << text(msg::weeks_word, l);
        }
        if (ph.since) out << " · " << text(msg::since_word, l) << day_text(*ph.since, l);
        if (ph.until) out << " · " << text(msg::until_date, l) << day_text(*ph.until, l);
        out << "\n";
    }
    if (v.next_phase)
        out << "  " << text(msg::next_phase, l) << v.next_phase->label << text(msg::from_word, l) << day_text(v.next_phase->from, l) << "\n";
    if (!v.id_document.empty() || v.id_checked_on) {
        out << "  " << text(msg::header_id, l) << ": " << terminal_safe(v.id_document);
        if (v.id_checked_on) out << (v.id_document.empty() ? "" : ", ") << text(msg::id_checked_on, l) << day_text(*v.id_checked_on, l);
        if (v.id_valid_until) out << ", " << text(msg::valid_until, l) << day_text(*v.id_valid_until, l);
        out << "\n";
    }
    if (!v.permit.empty()) {
        out << "  " << text(msg::header_permit, l) << ": " << terminal_safe(v.permit);
        if (v.permit_valid_until) out << ", " << text(msg::valid_until, l) << day_text(*v.permit_valid_until, l);
        out << "\n";
    }
    out << text(v.tracked ? msg::timeline_tracked : msg::timeline_untracked, l) << "\n";

    out << "\n" << text(msg::timeline_placements, l) << "\n";
    if (v.placements.empty()) out << text(msg::timeline_none, l) << "\n";
    for (auto const& p : v.placements) {
        out << "  " << terminal_safe(p.id) << "  " << terminal_safe(p.client);
        if (!p.function.empty()) out << " · " << terminal_safe(p.function);
        out << " · " << day_text(p.start, l) << " – " << (p.end ? day_text(*p.end, l) : std::string("…"));
        out << " (" << text(msg::task_contract, l) << terminal_safe(p.contract);
        if (!p.contract_kind.empty()) out << ", " << terminal_safe(p.contract_kind);
        out << ")\n";
    }
    auto row = [&](timeline_view::task_row const& t) {
        out << "  " << day_text(t.due, l) << "  " << terminal_safe(t.title) << " [" << task_label(t.task, l) << "]";
        if (!t.placement.empty()) out << " · " << terminal_safe(t.placement);
        else if (!t.contract.empty()) out << " · " << text(msg::task_contract, l) << terminal_safe(t.contract);
        if (t.uncertain) out << " · " << text(msg::uncertain_upper, l);
        out << "\n      ";
        if (t.done) {
            out << text(msg::task_done_on, l) << day_text(*t.done, l);
            if (t.days_late > 0)
                out << ", " << t.days_late << text(t.days_late == 1 ? msg::day_late : msg::days_late, l);
            if (t.kind == engine::finding_kind::violation) out << " (" << kind_label(t.kind, l) << ")";
            if (t.evidence) {
                if (t.evidence->by) out << " · " << text(msg::task_by, l) << terminal_safe(*t.evidence->by);
                if (t.evidence->how) out << " · " << text(msg::task_how, l) << terminal_safe(*t.evidence->how);
                if (t.evidence->note) out << " · \"" << terminal_safe(*t.evidence->note) << "\"";
            } else if (t.evidence_in_dossier) {
                out << " · " << text(msg::task_in_dossier, l);
            }
            out << "\n";
            return;
        }
        if (t.due < v.reference) {
            out << text(msg::task_not_done, l) << ", " << t.days_late << text(t.days_late == 1 ? msg::day_late : msg::days_late, l);
            if (t.kind == engine::finding_kind::violation) out << " (" << kind_label(t.kind, l) << ")";
        } else {
            out << relative_due(t.due, v.reference, l);
            if (t.act_by && *t.act_by != t.due && *t.act_by >= v.reference) out << " · " << text(msg::act_by, l) << day_text(*t.act_by, l);
        }
        out << "\n      " << terminal_safe(t.message) << "\n";
    };
    out << "\n" << text(msg::timeline_past, l) << "\n";
    if (v.past.empty()) out << text(msg::timeline_none, l) << "\n";
    for (auto const& t : v.past) row(t);
    out << "\n" << text(msg::timeline_coming, l) << "\n";
    if (v.coming.empty()) out << text(msg::timeline_none, l) << "\n";
    for (auto const& t : v.coming) row(t);
}

void render_timeline_json(std::ostream& out, timeline_view const& v) {
    nlohmann::ordered_json j;
    j["format"] = "regelwerk/timeline-1";
    j["worker"] = v.worker_id;
    j["name"] = v.name;
    j["reference_date"] = engine::format_date(v.reference);
    j["guidance_tracked"] = v.tracked;
    if (v.phase) {
        j["phase"] = {{"fase", v.phase->fase},
                      {"label", v.phase->label},
                      {"weeks", v.phase->weeks ? nlohmann::ordered_json(*v.phase->weeks) : nlohmann::ordered_json()},
                      {"of", v.phase->of ? nlohmann::ordered_json(*v.phase->of) : nlohmann::ordered_json()},
                      {"since", date_or_null(v.phase->since)},
                      {"until", date_or_null(v.phase->until)}};
    } else {
        j["phase"] = nullptr;
    }
    j["id_checked_on"] = date_or_null(v.id_checked_on);
    auto& ps = j["placements"] = nlohmann::ordered_json::array();
    for (auto const& p : v.placements)
        ps.push_back({{"id", p.id},
                      {"client", p.client},
                      {"function", p.function},
                      {"contract", p.contract},
                      {"start", engine::format_date(p.start)},
                      {"end", date_or_null(p.end)},
                      {"running", p.running}});
    auto rows = [&](std::vector<timeline_view::task_row> const& ts) {
        auto a = nlohmann::ordered_json::array();
        for (auto const& t : ts) {
            nlohmann::ordered_json r{{"task", t.rule},
                                     {"variant", t.variant},
                                     {"tag", t.task.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.task)},
                                     {"kind", engine::to_string(t.kind)},
                                     {"placement", t.placement.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.placement)},
                                     {"contract", t.contract.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.contract)},
                                     {"due", engine::format_date(t.due)},
                                     {"act_by", date_or_null(t.act_by)},
                                     {"done", date_or_null(t.done)},
                                     {"days_late", t.days_late},
                                     {"open", t.open},
                                     {"uncertain", t.uncertain}};
            if (t.evidence)
                r["evidence"] = {{"on", engine::format_date(t.evidence->on)},
                                 {"placement", text_or_null(t.evidence->placement)},
                                 {"by", text_or_null(t.evidence->by)},
                                 {"how", text_or_null(t.evidence->how)},
                                 {"note", text_or_null(t.evidence->note)}};
            else
                r["evidence"] = t.evidence_in_dossier ? nlohmann::ordered_json("dossier") : nlohmann::ordered_json();
            r["message"] = t.message.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.message);
            r["advice"] = t.advice.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.advice);
            r["citations"] = t.citations;
            a.push_back(std::move(r));
        }
        return a;
    };
    j["past"] = rows(v.past);
    j["coming"] = rows(v.coming);
    out << dump_json(j, 2) << "\n";
}

}  // namespace rw::adapters::presentation
