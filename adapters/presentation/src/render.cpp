// Renderers for advise, actions and audit (see render.hpp). The byte layout of every format is
// what the CLI printed before the presentation layer existed; tests/golden/presentation pins it.
#include "rw/adapters/presentation/render.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/engine/calendar.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace rw::adapters::presentation {

namespace {

using engine::finding_kind;

/// printf into a string, of any length.
[[gnu::format(printf, 1, 2)]] std::string format(char const* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    va_list copy;
    va_copy(copy, args);
    int n = std::vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, fmt, args);
    va_end(args);
    return out;
}

std::string str(msg id, language l) { return std::string(text(id, l)); }
std::string date_long(engine::day d, language l) { return engine::format_date_long(d, code(l)); }

nlohmann::ordered_json text_or_null(std::string const& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); }

nlohmann::ordered_json sources_json(std::vector<engine::explanation_source> const& sources) {
    auto out = nlohmann::ordered_json::array();
    for (auto const& s : sources) out.push_back({{"id", s.id}, {"title", s.title}, {"url", text_or_null(s.url)}});
    return out;
}

}  // namespace

// ---- explanations and findings ------------------------------------------------------------------

std::string relative_due(engine::day due, engine::day reference, language l) {
    auto n = (due - reference).count();
    if (n == 0) return str(msg::due_today, l);
    if (n == 1) return str(msg::due_tomorrow, l);
    if (n > 1) return str(msg::in_days_open, l) + std::to_string(n) + str(msg::days_word, l);
    return std::to_string(-n) + str(n == -1 ? msg::day_late : msg::days_late, l);
}

namespace {

// The prose of a version (period, sources, onzeker) is in the language of the rulebook, Dutch,
// like the values it explains ("waar", "€ 11,77"): it is built from the typed reference here and
// reads as the engine's `detail` text did.
std::string version_text(engine::explanation_version const& v) {
    std::string s = "vanaf " + engine::format_date(v.from);
    if (v.to) s += " tot en met " + engine::format_date(*v.to);
    s += ", volgens ";
    for (std::size_t i = 0; i < v.sources.size(); ++i) {
        auto const& src = v.sources[i];
        s += (i ? "; " : "") + (src.title.empty() ? src.id : src.title);
        if (!src.url.empty()) s += " <" + src.url + ">";
    }
    if (!v.uncertain.empty()) s += "; ONZEKER: " + v.uncertain;
    return s;
}

/// What a line says about where its value came from: from the typed reference when it has one.
std::string detail_text(engine::explanation_line const& l) {
    using ek = engine::explanation_kind;
    auto const& r = l.ref;
    if (r.kind == ek::parameter && r.version)
        return (r.version->exception.empty() ? "" : "uitzondering '" + r.version->exception + "', ") + version_text(*r.version);
    if (r.kind == ek::table && r.version) return "rij " + r.row + ", " + version_text(*r.version);
    if (r.kind == ek::rule && r.version && !r.file.empty()) {
        std::string s = "geldig vanaf " + engine::format_date(r.version->from);
        if (r.version->to) s += " tot en met " + engine::format_date(*r.version->to);
        return s + "; " + r.file + ":" + std::to_string(r.line);
    }
    return l.detail;  // a condition's clause text, a note, or no version in force
}

}  // namespace

std::string explanation_text(engine::explanation_line const& l, language lang) {
    using ek = engine::explanation_kind;
    switch (l.ref.kind) {
        case ek::rule: return str(msg::explain_rule, lang) + l.name + " (" + l.value + "), " + detail_text(l);
        case ek::fact: return str(msg::explain_fact, lang) + l.name + " = " + l.value;
        case ek::parameter:
        case ek::table: {
            std::string when = l.when.empty() ? "" : str(msg::explain_on, lang) + l.when;
            if (l.more_days > 0) when += str(msg::explain_and, lang) + std::to_string(l.more_days) + str(msg::explain_other_days, lang);
            return (l.ref.kind == ek::parameter ? std::string("parameter ") : str(msg::explain_table, lang)) + l.name + " = " + l.value +
                   " (" + (when.empty() ? "" : when + "; ") + detail_text(l) + ")";
        }
        // "leeg" is the rules language's word for no value, as the values themselves are shown.
        case ek::condition: return l.name + " " + l.detail + "  =>  " + (l.value.empty() ? "leeg" : l.value);
        case ek::note: break;
    }
    return l.name + ": " + l.detail;
}

nlohmann::ordered_json explanation_json(engine::explanation_line const& l) {
    using ek = engine::explanation_kind;
    nlohmann::ordered_json j{{"kind", l.kind},          {"name", l.name},   {"value", l.value},
                             {"detail", l.detail},      {"uncertain", l.uncertain},
                             {"on", l.when},            {"more_days", l.more_days}};
    auto const& r = l.ref;
    nlohmann::ordered_json ref;
    ref["type"] = engine::to_string(r.kind);
    ref["id"] = text_or_null(r.id);
    if (r.kind == ek::rule) {
        ref["variant"] = text_or_null(r.variant);
        ref["finding_kind"] = text_or_null(r.finding_kind);
    }
    if (r.kind == ek::rule || r.kind == ek::parameter || r.kind == ek::table) {
        if (r.version) {
            auto const& v = *r.version;
            nlohmann::ordered_json version{{"valid_from", engine::format_date(v.from)},
                                           {"valid_to", v.to ? nlohmann::ordered_json(engine::format_date(*v.to)) : nlohmann::ordered_json()},
                                           {"sources", sources_json(v.sources)},
                                           {"onzeker", !v.uncertain.empty()},
                                           {"onzeker_reason", text_or_null(v.uncertain)}};
            if (r.kind == ek::parameter) version["exception"] = text_or_null(v.exception);
            ref["version"] = std::move(version);
        } else {
            ref["version"] = nullptr;
        }
    }
    if (r.kind == ek::table) {
        ref["key"] = text_or_null(r.key);
        ref["row"] = text_or_null(r.row);
    }
    if (r.kind == ek::condition) {
        ref["clause"] = r.clause;
        ref["clause_index"] = r.clause_index;
    }
    if (!r.file.empty())
        ref["span"] = {{"file", r.file}, {"line", r.line}, {"column", r.column}, {"end_line", r.end_line}, {"end_column", r.end_column}};
    j["ref"] = std::move(ref);
    return j;
}

nlohmann::ordered_json finding_json(finding_view const& f, bool explain) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    if (!f.variant.empty()) j["variant"] = f.variant;
    j["kind"] = engine::to_string(f.kind);
    j["worker"] = text_or_null(f.worker);
    j["contract"] = text_or_null(f.contract);
    j["placement"] = text_or_null(f.placement);
    j["due"] = f.due ? nlohmann::ordered_json(engine::format_date(*f.due)) : nlohmann::ordered_json();
    j["overdue"] = f.overdue;
    j["open"] = f.open;
    j["uncertain"] = f.uncertain;
    j["message"] = f.message;
    j["advice"] = f.advice;
    j["citations"] = f.citations;
    if (explain) {
        auto& e = j["explanation"] = nlohmann::ordered_json::array();
        for (auto const& l : f.explanation) e.push_back(explanation_json(l));
    }
    return j;
}

std::string dump_json(nlohmann::ordered_json const& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// ---- advise -------------------------------------------------------------------------------------

namespace {

void render_findings_text(std::ostream& out, std::vector<finding_view const*> const& fs, msg title, worker_view const& v) {
    if (fs.empty()) return;
    auto const l = v.lang;
    out << "\n" << text(title, l) << "\n";
    int i = 0;
    for (auto const* fp : fs) {
        auto const& f = *fp;
        out << "  " << ++i << ". ";
        if (f.overdue) out << text(msg::overdue_bracket, l);
        out << f.rule;
        if (f.due) {
            bool action = f.kind == finding_kind::action;
            out << " · " << text(action ? msg::due_word : msg::since_word, l) << date_long(*f.due, l);
            if ((action && !f.overdue) || (f.open && *f.due < v.reference)) out << " (" << relative_due(*f.due, v.reference, l) << ")";
        }
        if (!f.contract.empty()) out << " · contract " << terminal_safe(f.contract);
        if (!f.placement.empty()) out << text(msg::placement_sep, l) << terminal_safe(f.placement);
        if (f.uncertain) out << text(msg::uncertain_source, l);
        out << "\n     " << terminal_safe(f.message) << "\n";
        out << "     " << text(msg::advice_label, l) << terminal_safe(f.advice) << "\n";
        for (auto const& c : f.citations) out << "     " << text(msg::source_label, l) << c << "\n";
        if (v.explain) {
            out << "     " << text(msg::why_label, l) << "\n";
            for (auto const& x : f.explanation)
                out << "       - " << terminal_safe(explanation_text(x, l)) << (x.uncertain ? " [ONZEKER]" : "") << "\n";
        }
    }
}

}  // namespace

void render_worker_text(std::ostream& out, worker_view const& v) {
    auto const l = v.lang;
    out << text(msg::what_applies_to, l) << terminal_safe(v.name) << " (" << terminal_safe(v.worker_id) << ")" << text(msg::on_date, l)
        << date_long(v.reference, l) << "\n";
    out << text(msg::agency_label, l) << terminal_safe(v.agency) << " · cao " << v.cao << "\n";
    if (!v.facts.empty()) {
        out << "\n" << text(msg::phase_and_counters, l) << "\n";
        for (auto const& f : v.facts) {
            out << "  " << f.name << std::string(f.name.size() < 22 ? 22 - f.name.size() : 1, ' ') << terminal_safe(f.display);
            if (f.expected) out << text(msg::expected_paren, l);
            out << "\n";
        }
    }
    if (v.next_phase) {
        out << "\n" << text(msg::next_phase, l) << v.next_phase->label << text(msg::from_word, l) << date_long(v.next_phase->from, l)
            << ". " << text(v.next_phase->fase == "B" ? msg::prepare_contract_b : msg::prepare_contract_c, l) << "\n";
    }
    std::vector<finding_view const*> actions, violations, others, agency;
    for (auto const& f : v.findings) {
        if (f.kind == finding_kind::action) actions.push_back(&f);
        else if (f.kind == finding_kind::violation) violations.push_back(&f);
        else others.push_back(&f);
    }
    for (auto const& f : v.agency_findings) agency.push_back(&f);
    render_findings_text(out, actions, msg::actions_heading, v);
    render_findings_text(out, violations, msg::violations_heading, v);
    render_findings_text(out, others, msg::warnings_heading, v);
    if (v.findings.empty()) out << "\n" << text(msg::nothing_for_worker, l) << "\n";
    render_findings_text(out, agency, msg::agency_heading, v);
}

void render_worker_json(std::ostream& out, worker_view const& v) {
    nlohmann::ordered_json j;
    j["worker"] = v.worker_id;
    j["name"] = v.name;
    j["reference_date"] = engine::format_date(v.reference);
    j["agency"] = v.agency;
    auto& facts = j["facts"] = nlohmann::ordered_json::object();
    for (auto const& f : v.facts) facts[f.name] = f.text;
    auto& fs = j["findings"] = nlohmann::ordered_json::array();
    for (auto const& f : v.findings) fs.push_back(finding_json(f, v.explain));
    auto& afs = j["agency_findings"] = nlohmann::ordered_json::array();
    for (auto const& f : v.agency_findings) afs.push_back(finding_json(f, v.explain));
    out << dump_json(j, 2) << "\n";
}

// ---- actions ------------------------------------------------------------------------------------

void render_actions_text(std::ostream& out, action_list_view const& v) {
    auto const l = v.lang;
    out << text(msg::actions_for, l) << terminal_safe(v.agency) << text(msg::on_date, l) << date_long(v.reference, l) << " ("
        << v.actions.size() << ")\n\n";
    for (auto const& f : v.actions) {
        bool late = is_late(f, v.reference);
        std::string status = late ? str(msg::overdue_upper, l) : "";
        std::string who = f.worker.empty() ? str(msg::agency_paren, l) : f.worker + " " + f.name;
        std::string article = f.citations.empty() ? "" : f.citations.front().substr(0, f.citations.front().find(": "));
        out << format("%-8s %-10s  %s  %-34s  %s\n", status.c_str(), f.due ? engine::format_date(*f.due).c_str() : "",
                      column(who, 28).c_str(), f.rule.c_str(), article.c_str());
        auto dot = f.advice.find(". ");
        if (late) out << format("%-8s %-10s  %s\n", "", "", relative_due(*f.due, v.reference, l).c_str());
        out << format("%-8s %-10s  %s\n", "", "", terminal_safe(dot == std::string::npos ? f.advice : f.advice.substr(0, dot + 1)).c_str());
    }
    if (v.actions.empty()) out << text(msg::nothing_to_do, l) << "\n";
}

void render_actions_csv(std::ostream& out, action_list_view const& v, char s) {
    out << "status" << s << "due" << s << "worker" << s << "name" << s << "rule" << s << "contract" << s << "placement" << s
        << "article" << s << "advice" << s << "message\n";
    for (auto const& f : v.actions)
        out << (is_late(f, v.reference) ? "overdue" : "open") << s << (f.due ? engine::format_date(*f.due) : "") << s << csv_field(f.worker, s) << s
            << csv_field(f.name, s) << s << f.rule << s << csv_field(f.contract, s) << s << csv_field(f.placement, s) << s
            << csv_field(f.citations.empty() ? "" : f.citations.front(), s) << s << csv_field(f.advice, s) << s
            << csv_field(f.message, s) << "\n";
}

void render_actions_json(std::ostream& out, action_list_view const& v) {
    auto arr = nlohmann::ordered_json::array();
    for (auto const& f : v.actions) {
        auto j = finding_json(f, false);
        j["name"] = f.name;
        arr.push_back(std::move(j));
    }
    out << dump_json(arr, 2) << "\n";
}

// ---- audit --------------------------------------------------------------------------------------

std::string audit_csv_header(char s) {
    std::string h;
    for (char const* c : {"worker", "name", "rule", "kind", "due", "overdue", "contract", "placement", "citation"}) h += std::string(c) + s;
    return h + "message\n";
}

std::string render_audit_row(audit_format format, finding_view const& f, language l, char s, bool explain) {
    std::string citation = f.citations.empty() ? "" : f.citations.front();
    if (format == audit_format::csv)
        return csv_field(f.worker, s) + s + csv_field(f.name, s) + s + f.rule + s + engine::to_string(f.kind) + s +
               (f.due ? engine::format_date(*f.due) : "") + s + (f.overdue ? "yes" : "no") + s + csv_field(f.contract, s) + s +
               csv_field(f.placement, s) + s + csv_field(citation, s) + s + csv_field(f.message, s) + "\n";
    if (format == audit_format::json) {
        auto j = finding_json(f, explain);
        j["name"] = f.name;
        return dump_json(j, -1) + "\n";
    }
    return "  " + (f.worker.empty() ? str(msg::agency_paren, l) : terminal_safe(f.worker)) + "  " + f.rule + "  " +
           std::string(kind_label(f.kind, l)) + (f.due ? "  " + engine::format_date(*f.due) : "") +
           (f.overdue ? str(msg::overdue_paren, l) : "") + (f.contract.empty() ? "" : "  contract " + terminal_safe(f.contract)) +
           (f.placement.empty() ? "" : "  " + str(msg::placement_word, l) + " " + terminal_safe(f.placement)) + "\n      " +
           terminal_safe(f.message) + "\n      " + citation + "\n";
}

void render_audit_summary_text(std::ostream& out, audit_report const& s) {
    auto const l = s.lang;
    out << text(msg::audit_of, l) << terminal_safe(s.agency) << text(msg::on_date, l) << date_long(s.reference, l) << "\n";
    out << "  " << text(msg::workers_checked, l) << ": " << s.workers << "\n";
    out << "  " << text(msg::workers_with_findings, l) << ": " << s.workers_with_findings << "\n";
    out << "  " << text(msg::findings_word, l) << ": " << s.findings << " (";
    for (std::size_t k = 0; k < 4; ++k) out << (k ? ", " : "") << s.by_kind[k] << ' ' << kind_label(static_cast<finding_kind>(k), l);
    out << ")\n";
    out << "  " << text(msg::overdue_actions, l) << ": " << s.overdue << "\n";
    std::vector<std::pair<std::size_t, std::string>> top;
    for (auto const& [rule, st] : s.by_rule) top.emplace_back(st.total, rule);
    std::sort(top.begin(), top.end(), [](auto const& a, auto const& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    out << "\n" << text(msg::rules_most_findings, l) << "\n";
    for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
        auto const& st = s.by_rule.at(top[i].second);
        out << format("  %2zu. %-34s %8zu  (%zu/%zu/%zu/%zu)\n", i + 1, top[i].second.c_str(), top[i].first, st.by_kind[0], st.by_kind[1],
                      st.by_kind[2], st.by_kind[3]);
    }
    out << "\n" << text(msg::findings_by_rule_kinds, l) << "\n";
    for (auto const& [rule, st] : s.by_rule)
        out << format("  %-34s %8zu  %zu/%zu/%zu/%zu\n", rule.c_str(), st.total, st.by_kind[0], st.by_kind[1], st.by_kind[2], st.by_kind[3]);
}

void render_audit_detail_heading(std::ostream& out, audit_report const& r) { out << "\n" << text(msg::detail_heading, r.lang) << "\n"; }

void render_audit_footer_text(std::ostream& out, audit_report const& r) {
    auto const& c = r.colophon;
    out << "\nregelwerk " << c.version << " · " << text(msg::rule_set, r.lang) << c.rules_hash << " · " << text(msg::store_word, r.lang)
        << c.store_hash << " · " << format("%.2f", c.seconds) << " s\n";
}

void render_audit_html(std::ostream& out, audit_report const& s) {
    auto const l = s.lang;
    auto const& c = s.colophon;
    char const* kind_colors[] = {"#b3261e", "#c77700", "#6b5b95", "#2e7d32"};
    auto kind = [&](std::size_t k) { return kind_label(static_cast<finding_kind>(k), l); };
    out << "<!DOCTYPE html>\n<html lang=\"" << code(l) << "\"><head><meta charset=\"utf-8\">\n<title>" << text(msg::compliance_audit, l)
        << " " << html_escape(s.agency) << " — " << engine::format_date(s.reference) << "</title>\n"
        << "<style>\nbody{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;color:#1b1b1b;line-height:1.35}\n"
           "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999;page-break-after:avoid}\n"
           "table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}\n"
           "th{background:#eee}td.n{text-align:right}.k0{color:#b3261e}.k1{color:#c77700}.k2{color:#6b5b95}.k3{color:#2e7d32}\n"
           ".colophon{font-size:.8rem;color:#555;margin-top:3rem;border-top:1px solid #999;padding-top:.5rem}\n"
           "@media print{body{margin:1cm;max-width:none}section.rule{page-break-inside:auto}tr{page-break-inside:avoid}}\n</style></head><body>\n";
    out << "<h1>" << text(msg::compliance_audit, l) << ": " << html_escape(s.agency) << "</h1>\n<p>" << text(msg::reference_date, l)
        << date_long(s.reference, l) << " · " << s.workers << text(msg::dossiers_checked_suffix, l) << "</p>\n";
    out << "<h2>" << text(msg::summary_heading, l) << "</h2>\n<table><tr><th>" << text(msg::dossiers_checked, l) << "</th><td class=n>"
        << s.workers << "</td></tr><tr><th>" << text(msg::dossiers_with_findings, l) << "</th><td class=n>" << s.workers_with_findings
        << "</td></tr><tr><th>" << text(msg::findings_word, l) << "</th><td class=n>" << s.findings << "</td></tr>";
    for (std::size_t k = 0; k < 4; ++k) out << "<tr><th class=k" << k << ">" << kind(k) << "</th><td class=n>" << s.by_kind[k] << "</td></tr>";
    out << "<tr><th>" << text(msg::overdue_actions, l) << "</th><td class=n>" << s.overdue << "</td></tr></table>\n";
    // Bar chart: findings per rule, stacked by kind (inline SVG, no network).
    std::size_t max = 1;
    for (auto const& [r, st] : s.by_rule) max = std::max(max, st.total);
    int const row_h = 18, label_w = 250, bar_w = 430;
    int height = static_cast<int>(s.by_rule.size()) * row_h + 30;
    out << "<h2>" << text(msg::findings_per_rule, l) << "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + bar_w + 70
        << "\" height=\"" << height << "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n";
    int y = 0;
    for (auto const& [rule, st] : s.by_rule) {
        out << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\">" << html_escape(rule) << "</text>";
        double x = label_w;
        for (std::size_t k = 0; k < 4; ++k) {
            if (!st.by_kind[k]) continue;
            double w = static_cast<double>(bar_w) * static_cast<double>(st.by_kind[k]) / static_cast<double>(max);
            out << "<rect x=\"" << x << "\" y=\"" << y + 3 << "\" width=\"" << std::max(w, 1.0) << "\" height=\"" << row_h - 5 << "\" fill=\""
                << kind_colors[k] << "\"><title>" << st.by_kind[k] << ' ' << kind(k) << "</title></rect>";
            x += std::max(w, 1.0);
        }
        out << "<text x=\"" << x + 4 << "\" y=\"" << y + 13 << "\">" << st.total << "</text>\n";
        y += row_h;
    }
    int lx = label_w;
    for (std::size_t k = 0; k < 4; ++k) {
        out << "<rect x=\"" << lx << "\" y=\"" << y + 8 << "\" width=\"10\" height=\"10\" fill=\"" << kind_colors[k] << "\"/><text x=\""
            << lx + 14 << "\" y=\"" << y + 17 << "\">" << kind(k) << "</text>";
        lx += 100;
    }
    out << "</svg>\n";
    for (auto const& [rule, st] : s.by_rule) {
        out << "<section class=rule><h2>" << html_escape(rule) << " <small>(" << st.total << ")</small></h2>\n";
        if (!st.sample.empty() && !st.sample.front().citations.empty())
            out << "<p><em>" << html_escape(st.sample.front().citations.front()) << "</em></p>\n";
        out << "<table><tr><th>" << text(msg::column_worker, l) << "</th><th>" << text(msg::column_kind, l) << "</th><th>"
            << text(msg::column_due_since, l) << "</th><th>contract</th><th>" << text(msg::placement_word, l) << "</th><th>"
            << text(msg::column_finding, l) << "</th></tr>\n";
        for (auto const& f : st.sample)
            out << "<tr><td>" << html_escape(f.worker) << "<br>" << html_escape(f.name) << "</td><td class=k" << static_cast<int>(f.kind) << ">"
                << kind_label(f.kind, l) << (f.overdue ? text(msg::overdue_paren, l) : "") << "</td><td>"
                << (f.due ? engine::format_date(*f.due) : "") << "</td><td>" << html_escape(f.contract) << "</td><td>"
                << html_escape(f.placement) << "</td><td>" << html_escape(f.message) << "</td></tr>\n";
        out << "</table>\n";
        if (st.omitted) out << "<p>" << text(msg::and_more, l) << st.omitted << text(msg::more_rows, l) << "</p>\n";
        out << "</section>\n";
    }
    out << "<div class=colophon>" << text(msg::reference_date, l) << engine::format_date(s.reference) << " · regelwerk "
        << html_escape(c.version) << " · " << text(msg::rule_set, l) << html_escape(c.rules_hash) << " (" << c.rule_count
        << text(msg::rules_suffix, l) << ") · " << text(msg::store_word, l) << html_escape(c.store) << " (" << html_escape(c.store_hash)
        << ") · " << text(msg::run_time, l) << format("%.2f", c.seconds) << " s</div>\n</body></html>\n";
}

}  // namespace rw::adapters::presentation
