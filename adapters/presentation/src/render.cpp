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
std::string date_people(engine::day d, language l) { return engine::format_date_weekday(d, code(l)); }

bool digits(std::string_view s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

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

std::string relative_since(engine::day since, engine::day reference, language l) {
    auto n = (reference - since).count();
    if (n <= 0) return str(msg::since_today, l);
    if (n == 1) return str(msg::since_day, l);
    auto pattern = str(msg::since_days, l);
    auto at = pattern.find("%d");
    return pattern.substr(0, at) + std::to_string(n) + pattern.substr(at + 2);
}

std::string people_text(std::string_view s, language l) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool boundary = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
        if (boundary && digits(s, i, 4) && i + 10 <= s.size() && s[i + 4] == '-' && digits(s, i + 5, 2) && s[i + 7] == '-' &&
            digits(s, i + 8, 2) && (i + 10 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 10])))) {
            if (auto d = engine::parse_date(s.substr(i, 10))) {
                out += date_people(*d, l);
                i += 10;
                continue;
            }
        }
        if (boundary && digits(s, i, 4) && i + 8 <= s.size() && s[i + 4] == '-' && s[i + 5] == 'W' && digits(s, i + 6, 2) &&
            (i + 8 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 8])))) {
            if (auto w = engine::parse_iso_week(s.substr(i, 8))) {
                auto monday = engine::monday_of(*w);
                out += date_people(monday, l) + " – " + date_people(monday + date::days{6}, l);
                i += 8;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

std::string rulebook_root(engine::program const& prog) {
    std::string root;
    bool first = true;
    for (auto const& f : prog.files) {
        auto dir = f.substr(0, f.rfind('/') + 1);
        if (first) root = dir;
        std::size_t n = 0;
        while (n < root.size() && n < dir.size() && root[n] == dir[n]) ++n;
        root.resize(n);
        auto slash = root.rfind('/');
        root.resize(slash == std::string::npos ? 0 : slash + 1);
        first = false;
    }
    return root;
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
std::string detail_text(engine::explanation_line const& l, std::string_view root) {
    using ek = engine::explanation_kind;
    auto const& r = l.ref;
    if (r.kind == ek::parameter && r.version)
        return (r.version->exception.empty() ? "" : "uitzondering '" + r.version->exception + "', ") + version_text(*r.version);
    if (r.kind == ek::table && r.version) return "rij " + r.row + ", " + version_text(*r.version);
    if (r.kind == ek::rule && r.version && !r.file.empty()) {
        std::string s = "geldig vanaf " + engine::format_date(r.version->from);
        if (r.version->to) s += " tot en met " + engine::format_date(*r.version->to);
        std::string_view file = r.file;
        if (!root.empty() && file.starts_with(root)) file.remove_prefix(root.size());
        return s + "; " + std::string(file) + ":" + std::to_string(r.line);
    }
    return l.detail;  // a condition's clause text, a note, or no version in force
}

}  // namespace

std::string explanation_text(engine::explanation_line const& l, language lang, std::string_view root) {
    using ek = engine::explanation_kind;
    switch (l.ref.kind) {
        case ek::rule: return str(msg::explain_rule, lang) + l.name + " (" + l.value + "), " + detail_text(l, root);
        case ek::fact: return str(msg::explain_fact, lang) + l.name + " = " + l.value;
        case ek::parameter:
        case ek::table: {
            std::string when = l.when.empty() ? "" : str(msg::explain_on, lang) + l.when;
            if (l.more_days > 0)
                when += str(msg::explain_and, lang) + std::to_string(l.more_days) +
                        str(l.more_days == 1 ? msg::explain_other_day : msg::explain_other_days, lang);
            return (l.ref.kind == ek::parameter ? std::string("parameter ") : str(msg::explain_table, lang)) + l.name + " = " + l.value +
                   " (" + (when.empty() ? "" : when + "; ") + detail_text(l, root) + ")";
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
    j["act_by"] = f.act_by ? nlohmann::ordered_json(engine::format_date(*f.act_by)) : nlohmann::ordered_json();
    j["title"] = f.title;
    j["seriousness"] = f.seriousness;
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

/// A duration in the rules' words ("55 dagen", "8 weken", "1 maand") added to a day, or none.
std::optional<engine::day> add_duration(engine::day d, std::string const& text) {
    auto space = text.find(' ');
    if (space == std::string::npos) return std::nullopt;
    int n = 0;
    for (std::size_t i = 0; i < space; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        n = n * 10 + (text[i] - '0');
    }
    auto unit = text.substr(space + 1);
    if (unit == "dag" || unit == "dagen") return d + date::days{n};
    if (unit == "week" || unit == "weken") return d + date::days{7 * n};
    if (unit == "maand" || unit == "maanden") return engine::add_months(d, n);
    return std::nullopt;
}

/// A value of the rules ("waar", "leeg", "55 dagen", a date) as people read it.
std::string people_value(std::string const& value, engine::program const* prog, language l) {
    using lk = engine::label_kind;
    if (value.empty() || value == "leeg") return prog ? people_name(*prog, lk::term, "leeg", l) : "leeg";
    if (value == "waar" || value == "onwaar") return people_name(prog, lk::term, value, l);
    auto space = value.find(' ');
    if (space != std::string::npos && add_duration(engine::day{}, value))
        return value.substr(0, space + 1) + people_name(prog, lk::eenheid, value.substr(space + 1), l);
    return people_text(value, l);
}

/// The evidence of a finding in words, before any rules-language code: the due date and what it
/// was computed from (with the article), whether the step was recorded, each condition, the facts
/// and the dated values read.
void render_evidence(std::ostream& out, finding_view const& f, worker_view const& v) {
    using ek = engine::explanation_kind;
    auto const l = v.lang;
    auto const* prog = v.prog;
    std::string article = f.citations.empty() ? "" : f.citations.front().substr(0, f.citations.front().find(" ("));
    std::optional<engine::day> anchor;
    for (auto const& x : f.explanation)
        if (x.ref.kind == ek::condition && x.ref.clause == "geldig op") anchor = engine::parse_date(x.value);
    std::vector<std::string> lines, conditions;
    std::string anchor_name;
    for (auto const& x : f.explanation)
        if (x.ref.kind == ek::condition && x.ref.clause == "geldig op") anchor_name = people_name(prog, engine::label_kind::feit, x.detail, l) + " ";
    for (auto const& x : f.explanation) {
        if (x.ref.kind != ek::condition) continue;
        if (x.ref.clause == "termijn") {
            auto due = engine::parse_date(x.value);
            if (!due) continue;
            std::string line = str(msg::due_label, l) + date_people(*due, l);
            // The dated durations the clause reads, added to the day the rule is read on.
            for (auto const& p : f.explanation)
                if (p.ref.kind == ek::parameter && x.detail.find(p.ref.id) != std::string::npos && anchor) {
                    auto sum = add_duration(*anchor, p.value);
                    if (!sum) continue;
                    line += (*sum == *due ? " = " : str(msg::computed_from, l)) + anchor_name + date_people(*anchor, l) + " + " +
                            people_value(p.value, prog, l) + " (" + people_name(prog, engine::label_kind::feit, p.ref.id, l) + ")";
                    break;
                }
            if (!article.empty()) line += "; " + article;
            lines.push_back(line);
        } else if (x.ref.clause == "gedaan") {
            auto on = engine::parse_date(x.value);
            lines.push_back(str(msg::step_recorded, l) + (on ? str(msg::yes_word, l) + ", " + str(msg::on_word, l) + date_people(*on, l)
                                                              : str(msg::no_word, l)));
        } else if (x.ref.clause == "als" || x.ref.clause == "tenzij" || x.ref.clause == "open zolang") {
            bool yes = x.value == "waar";
            conditions.push_back(str(msg::condition_label, l) + "'" + people_text(x.detail, l) + "': " +
                            str(yes ? msg::holds_word : msg::does_not_hold_word, l));
        }
    }
    lines.insert(lines.end(), conditions.begin(), conditions.end());
    for (auto const& x : f.explanation)
        if (x.ref.kind == ek::fact)
            lines.push_back(people_name(prog, engine::label_kind::feit, x.name, l) + ": " + people_value(x.value, prog, l));
    for (auto const& x : f.explanation) {
        if (x.ref.kind == ek::parameter || x.ref.kind == ek::table) {
            std::string line = people_name(prog, engine::label_kind::feit, x.name, l) + ": " + people_value(x.value, prog, l);
            if (x.ref.version) {
                auto const& ver = *x.ref.version;
                line += " (" + str(msg::from_prefix, l) + date_people(ver.from, l);
                if (ver.to) line += str(msg::until_word, l) + date_people(*ver.to, l);
                for (std::size_t i = 0; i < ver.sources.size() && i < 1; ++i)
                    line += "; " + (ver.sources[i].title.empty() ? ver.sources[i].id : ver.sources[i].title);
                line += ")";
            }
            lines.push_back(line);
        }
    }
    if (lines.empty()) return;
    out << "     " << text(msg::evidence_label, l) << "\n";
    for (auto const& line : lines) out << "       - " << terminal_safe(line) << "\n";
}

void render_finding_text(std::ostream& out, int number, finding_view const& f, worker_view const& v) {
    auto const l = v.lang;
    bool late = is_late(f, v.reference);
    out << "  " << number << ". ";
    if (late && f.seriousness != 0) out << text(msg::overdue_bracket, l);  // a violation going on says "sinds ..."
    out << terminal_safe(f.title.empty() ? f.rule : f.title);
    if (f.due) {
        bool action = f.kind == finding_kind::action || f.seriousness == 1;
        out << " · " << text(action ? msg::due_word : msg::since_word, l) << date_people(*f.due, l);
        if (f.seriousness == 0 && f.open) out << " (" << relative_since(*f.due, v.reference, l) << ")";
        else if (f.open || f.kind == finding_kind::action) out << " (" << relative_due(*f.due, v.reference, l) << ")";
        if (f.act_by && *f.act_by != *f.due) out << " · " << text(msg::act_by, l) << date_people(*f.act_by, l);
    }
    if (!f.contract.empty()) out << " · contract " << terminal_safe(f.contract);
    if (!f.placement.empty()) out << text(msg::placement_sep, l) << terminal_safe(f.placement);
    if (f.uncertain) out << text(msg::uncertain_source, l);
    out << "\n     " << terminal_safe(people_text(f.message, l)) << "\n";
    out << "     " << text(msg::advice_label, l) << terminal_safe(people_text(f.advice, l)) << "\n";
    for (auto const& c : f.citations) out << "     " << text(msg::source_label, l) << terminal_safe(c) << "\n";
    if (v.explain) {
        render_evidence(out, f, v);
        out << "     " << text(msg::rules_language_label, l) << "\n";
        for (auto const& x : f.explanation) {
            auto line = x;
            if (line.ref.kind == engine::explanation_kind::condition) line.value = people_value(line.value, v.prog, l);
            out << "       - " << terminal_safe(people_text(explanation_text(line, l, v.rules_root), l)) << (x.uncertain ? " [ONZEKER]" : "")
                << "\n";
        }
    }
}

void render_findings_text(std::ostream& out, std::vector<finding_view const*> const& fs, msg title, worker_view const& v) {
    if (fs.empty()) return;
    out << "\n" << text(title, v.lang) << "\n";
    int i = 0;
    for (auto const* f : fs) render_finding_text(out, ++i, *f, v);
}

void header_row(std::ostream& out, msg label, std::string const& value, language l) {
    std::string name(text(label, l));
    out << "  " << name << std::string(name.size() < 13 ? 13 - name.size() : 1, ' ') << value << "\n";
}

}  // namespace

void render_worker_text(std::ostream& out, worker_view const& v) {
    auto const l = v.lang;
    out << text(msg::what_applies_to, l) << terminal_safe(v.name) << " (" << terminal_safe(v.worker_id) << ")" << text(msg::on_date, l)
        << date_people(v.reference, l) << "\n";
    out << text(msg::agency_label, l) << terminal_safe(v.agency) << " · " << terminal_safe(v.cao) << "\n\n";

    // The header: placement, contract, phase, sickness, ID, permit, the next deadlines.
    auto hours = [&](std::string const& h) { return h.empty() ? std::string() : " · " + h + str(msg::scenario_hours, l); };
    auto period_end = [&](engine::opt_day end, bool running) {
        if (!end) return std::string();
        return " · " + str(running ? msg::until_date : msg::ended_date, l) + date_people(*end, l);
    };
    if (v.placement) {
        auto const& p = *v.placement;
        std::string s = terminal_safe(p.client);
        if (!p.function.empty()) s += " · " + terminal_safe(p.function);
        if (!p.wage.empty()) s += " · " + p.wage + str(msg::scenario_per_hour, l);
        s += hours(p.hours) + " · " + str(msg::since_word, l) + date_people(p.start, l) + period_end(p.end, p.running);
        header_row(out, msg::header_placement, s, l);
    } else {
        header_row(out, msg::header_placement, str(msg::none_word, l), l);
    }
    if (v.contract) {
        auto const& c = *v.contract;
        header_row(out, msg::header_contract, terminal_safe(c.kind) + hours(c.hours) + period_end(c.end, c.running), l);
    }
    if (v.phase) {
        auto const& ph = *v.phase;
        std::string s = str(msg::phase_word, l) + ph.label;
        if (ph.weeks) {
            s += ": " + std::to_string(*ph.weeks);
            if (ph.of) s += str(msg::of_word, l) + std::to_string(*ph.of);
            s += str(msg::weeks_word, l);
        }
        if (ph.since) s += " " + str(msg::since_word, l) + date_people(*ph.since, l);
        if (ph.contracts) {
            s += ": " + std::to_string(*ph.contracts);
            if (ph.max_contracts) s += str(msg::of_word, l) + std::to_string(*ph.max_contracts);
            s += str(msg::contracts_word, l);
        }
        if (ph.until) s += " · " + str(msg::until_date, l) + date_people(*ph.until, l);
        header_row(out, msg::header_phase, s, l);
    }
    if (v.sickness) {
        std::string s = str(msg::since_word, l) + date_people(v.sickness->since, l);
        if (v.sickness->week) s += ", " + str(msg::week_word, l) + std::to_string(*v.sickness->week);
        header_row(out, msg::header_sick, s, l);
    }
    auto valid = [&](std::string const& what, engine::opt_day until) {
        std::string s = terminal_safe(what);
        if (until) s += (s.empty() ? "" : ", ") + str(*until < v.reference ? msg::expired_on : msg::valid_until, l) + date_people(*until, l);
        return s;
    };
    if (!v.id_document.empty() || v.id_valid_until) header_row(out, msg::header_id, valid(v.id_document, v.id_valid_until), l);
    if (!v.permit.empty()) header_row(out, msg::header_permit, valid(v.permit, v.permit_valid_until), l);
    {
        std::string s;
        for (auto const& d : v.deadlines) {
            s += (s.empty() ? "" : "; ") + date_people(d.due, l) + " " + terminal_safe(d.title) + " (" + relative_due(d.due, v.reference, l) + ")";
            if (d.act_by && *d.act_by != d.due) s += " · " + str(msg::act_by, l) + date_people(*d.act_by, l);
        }
        header_row(out, msg::header_deadlines, s.empty() ? str(msg::none_word, l) : s, l);
    }
    if (v.next_phase) {
        out << "\n" << text(msg::next_phase, l) << v.next_phase->label << text(msg::from_word, l) << date_people(v.next_phase->from, l)
            << ". " << text(v.next_phase->fase == "B" ? msg::prepare_contract_b : msg::prepare_contract_c, l) << "\n";
    }
    // The worker's facts, as evidence (with --explain).
    if (v.explain && !v.facts.empty()) {
        out << "\n" << text(msg::phase_and_counters, l) << "\n";
        for (auto const& f : v.facts) {
            out << "  " << column(f.label, 28) << " " << terminal_safe(people_value(f.display, v.prog, l));
            if (f.expected) out << text(msg::expected_paren, l);
            out << "\n";
        }
        // The weeks the dossier records as worked, as the dates they run (what the counters count).
        if (!v.worked_weeks.empty()) {
            std::string s;
            for (auto const& [from, to] : v.worked_weeks) s += (s.empty() ? "" : "; ") + date_people(from, l) + " – " + date_people(to, l);
            out << "  " << text(msg::counted_weeks_label, l) << s << "\n";
        }
    }
    auto sections = sections_for_people(v);
    render_findings_text(out, sections.now, msg::section_now, v);
    render_findings_text(out, sections.soon, msg::section_soon, v);
    render_findings_text(out, sections.info, msg::section_info, v);
    if (v.findings.empty()) out << "\n" << text(msg::nothing_for_worker, l) << "\n";
    // The agency's own findings are its work list's, once (`actions`), not every worker's.
    if (!v.agency_findings.empty()) {
        std::array<std::size_t, 4> n{};
        for (auto const& f : v.agency_findings) ++n[static_cast<std::size_t>(f.kind)];
        std::string counts;
        for (std::size_t k = 0; k < 4; ++k)
            if (n[k]) counts += (counts.empty() ? "" : ", ") + count_text(n[k], static_cast<finding_kind>(k), l);
        out << "\n" << text(msg::agency_heading, l) << ": " << counts << text(msg::see_actions, l) << "\n";
    }
}

void render_worker_json(std::ostream& out, worker_view const& v) {
    nlohmann::ordered_json j;
    j["worker"] = v.worker_id;
    j["name"] = v.name;
    j["reference_date"] = engine::format_date(v.reference);
    j["agency"] = v.agency;
    // The header of the worker view, as data (ISO dates, the labels as text shows them).
    auto iso = [](engine::opt_day d) { return d ? nlohmann::ordered_json(engine::format_date(*d)) : nlohmann::ordered_json(); };
    auto opt = [](auto const& o) { return o ? nlohmann::ordered_json(*o) : nlohmann::ordered_json(); };
    auto& h = j["header"] = nlohmann::ordered_json::object();
    if (v.placement)
        h["placement"] = {{"id", v.placement->id},       {"client", v.placement->client}, {"function", v.placement->function},
                          {"hourly_wage", v.placement->wage}, {"hours_per_week", v.placement->hours},
                          {"start", engine::format_date(v.placement->start)}, {"end", iso(v.placement->end)},
                          {"running", v.placement->running}};
    else h["placement"] = nullptr;
    if (v.contract)
        h["contract"] = {{"id", v.contract->id}, {"kind", v.contract->kind}, {"hours_per_week", v.contract->hours},
                         {"start", engine::format_date(v.contract->start)}, {"end", iso(v.contract->end)}, {"running", v.contract->running}};
    else h["contract"] = nullptr;
    if (v.phase)
        h["phase"] = {{"fase", v.phase->fase},     {"label", v.phase->label},       {"weeks", opt(v.phase->weeks)},
                      {"of_weeks", opt(v.phase->of)}, {"since", iso(v.phase->since)}, {"contracts", opt(v.phase->contracts)},
                      {"max_contracts", opt(v.phase->max_contracts)}, {"until", iso(v.phase->until)}};
    else h["phase"] = nullptr;
    if (v.sickness) h["sickness"] = {{"since", engine::format_date(v.sickness->since)}, {"week", opt(v.sickness->week)}};
    else h["sickness"] = nullptr;
    h["id_document"] = {{"kind", text_or_null(v.id_document)}, {"valid_until", iso(v.id_valid_until)}};
    h["permit"] = {{"kind", text_or_null(v.permit)}, {"valid_until", iso(v.permit_valid_until)}};
    auto& dl = h["deadlines"] = nlohmann::ordered_json::array();
    for (auto const& d : v.deadlines) dl.push_back({{"title", d.title}, {"due", engine::format_date(d.due)}, {"act_by", iso(d.act_by)}});
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
    out << text(msg::actions_for, l) << terminal_safe(v.agency) << text(msg::on_date, l) << date_people(v.reference, l) << " ("
        << v.actions.size() << ")\n\n";
    for (auto const& f : v.actions) {
        bool late = is_late(f, v.reference);
        std::string status = late                                                     ? str(msg::overdue_upper, l)
                             : f.open && !f.due && f.kind != engine::finding_kind::action ? str(msg::now_upper, l)
                                                                                          : "";
        std::string who = f.worker.empty() ? str(msg::agency_paren, l) : f.worker + " " + f.name;
        std::string article = f.citations.empty() ? "" : f.citations.front().substr(0, f.citations.front().find(": "));
        out << format("%-8s %-15s  %s  %s  %s\n", status.c_str(), f.due ? date_people(*f.due, l).c_str() : "", column(who, 28).c_str(),
                      column(f.title.empty() ? f.rule : f.title, 34).c_str(), terminal_safe(article).c_str());
        std::string when;
        if (f.due && f.seriousness == 0 && f.open) when = relative_since(*f.due, v.reference, l);
        else if (f.due && (late || *f.due == v.reference)) when = relative_due(*f.due, v.reference, l);
        if (f.act_by && f.due && *f.act_by != *f.due) when += (when.empty() ? "" : " · ") + str(msg::act_by, l) + date_people(*f.act_by, l);
        if (!when.empty()) out << format("%-8s %-15s  %s\n", "", "", when.c_str());
        // The whole advice: cutting at the first ". " broke "art. 7" and "(art." apart.
        out << format("%-8s %-15s  %s\n", "", "", terminal_safe(people_text(f.advice, l)).c_str());
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

namespace {

/// How much an inspector should prefer a source (lower first): the text of the law itself
/// (wetten.overheid.nl, EUR-Lex), then the official publication (Staatsblad, Kamerstukken), then
/// the CAO's own text (abu.nl, nbbu.nl, abunbbu.nl: the parties to the CAO), then government
/// agencies (UWV, Rijksoverheid, Belastingdienst, IND, Arbeidsinspectie, SNCU), then anyone else
/// (advisers, staffing companies, news). A presentation choice, not a legal one: every source
/// the rule cites is still listed.
int source_preference(engine::source_info const& s) {
    auto const& u = s.url;
    auto host_has = [&](std::string_view h) {
        auto start = u.find("://");
        if (start == std::string::npos) return false;
        auto host = u.substr(start + 3, u.find('/', start + 3) - start - 3);
        return host == h || host.ends_with("." + std::string(h));
    };
    if (host_has("wetten.overheid.nl") || host_has("eur-lex.europa.eu")) return 0;
    if (host_has("officielebekendmakingen.nl")) return 1;
    if (host_has("abu.nl") || host_has("nbbu.nl") || host_has("abunbbu.nl")) return 2;
    for (auto h : {"uwv.nl", "rijksoverheid.nl", "government.nl", "belastingdienst.nl", "ind.nl", "nlarbeidsinspectie.nl",
                   "autoriteitpersoonsgegevens.nl", "sncu.nl", "overheid.nl"})
        if (host_has(h)) return 3;
    return 4;
}

/// The sources a rule cites (every version of its citations), most preferred first, each once.
std::vector<engine::source_info const*> rule_sources(engine::program const& prog, std::string const& rule) {
    std::vector<engine::source_info const*> out;
    for (auto const& r : prog.rules) {
        if (r.id != rule) continue;
        for (auto const& c : r.citations)
            for (int i : c.sources) {
                auto const* src = &prog.sources[static_cast<std::size_t>(i)];
                if (std::find(out.begin(), out.end(), src) == out.end()) out.push_back(src);
            }
    }
    std::stable_sort(out.begin(), out.end(), [](auto const* a, auto const* b) { return source_preference(*a) < source_preference(*b); });
    return out;
}

}  // namespace

std::string audit_csv_header(char s) {
    std::string h;
    for (char const* c : {"worker", "name", "rule", "kind", "due", "overdue", "contract", "placement", "citation"}) h += std::string(c) + s;
    return h + "message\n";
}

std::string render_audit_row(audit_format format, finding_view const& f, language l, char s, bool explain, engine::program const* prog) {
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
    (void)prog;
    return "  " + (f.worker.empty() ? str(msg::agency_paren, l) : terminal_safe(f.worker)) + "  " + terminal_safe(f.title.empty() ? f.rule : f.title) + "  " +
           std::string(kind_label(f.kind, l)) + (f.due ? "  " + date_people(*f.due, l) : "") +
           (f.overdue ? str(msg::overdue_paren, l) : "") + (f.uncertain ? str(msg::uncertain_source, l) : "") +
           (f.contract.empty() ? "" : "  contract " + terminal_safe(f.contract)) +
           (f.placement.empty() ? "" : "  " + str(msg::placement_word, l) + " " + terminal_safe(f.placement)) + "\n      " +
           terminal_safe(people_text(f.message, l)) + "\n      " + terminal_safe(citation) + "\n";
}

void render_audit_summary_text(std::ostream& out, audit_report const& s) {
    auto const l = s.lang;
    out << text(msg::audit_of, l) << terminal_safe(s.agency) << text(msg::on_date, l) << date_long(s.reference, l) << "\n";
    out << "  " << text(msg::workers_checked, l) << ": " << s.workers << "\n";
    out << "  " << text(msg::workers_with_findings, l) << ": " << s.workers_with_findings << "\n";
    out << "  " << text(msg::findings_word, l) << ": " << s.findings << " (";
    for (std::size_t k = 0; k < 4; ++k) out << (k ? ", " : "") << count_text(s.by_kind[k], static_cast<finding_kind>(k), l);
    out << ")\n";
    out << "  " << text(msg::overdue_actions, l) << ": " << s.overdue << "\n";
    std::vector<std::pair<std::size_t, std::string>> top;
    for (auto const& [rule, st] : s.by_rule) top.emplace_back(st.total, rule);
    std::sort(top.begin(), top.end(), [](auto const& a, auto const& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    out << "\n" << text(msg::rules_most_findings, l) << "\n";
    for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
        auto const& st = s.by_rule.at(top[i].second);
        out << format("  %2zu. %s %8zu  (%zu/%zu/%zu/%zu)\n", i + 1,
                      column(people_name(s.prog, engine::label_kind::regel, top[i].second, l), 34).c_str(), top[i].first, st.by_kind[0],
                      st.by_kind[1], st.by_kind[2], st.by_kind[3]);
    }
    out << "\n" << text(msg::findings_by_rule_kinds, l) << "\n";
    for (auto const& [rule, st] : s.by_rule)
        out << format("  %s %8zu  %zu/%zu/%zu/%zu\n", column(people_name(s.prog, engine::label_kind::regel, rule, l), 34).c_str(), st.total,
                      st.by_kind[0], st.by_kind[1], st.by_kind[2], st.by_kind[3]);
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
    static constexpr std::array<msg, 4> plural_ids{msg::violation_many, msg::action_many, msg::warning_many, msg::info_many};
    // Rules in the order of their most serious finding (see seriousness()), then most findings.
    std::vector<std::pair<std::string, audit_rule_stats const*>> rules;
    for (auto const& [rule, st] : s.by_rule) rules.emplace_back(rule, &st);
    std::stable_sort(rules.begin(), rules.end(), [](auto const& a, auto const& b) {
        if (a.second->seriousness != b.second->seriousness) return a.second->seriousness < b.second->seriousness;
        return a.second->total > b.second->total;
    });
    out << "<!DOCTYPE html>\n<html lang=\"" << code(l) << "\"><head><meta charset=\"utf-8\">\n<title>" << text(msg::compliance_audit, l)
        << " " << html_escape(s.agency) << " — " << date_people(s.reference, l) << "</title>\n"
        << "<style>\nbody{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;color:#1b1b1b;line-height:1.35}\n"
           "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999;page-break-after:avoid}\n"
           "table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}\n"
           "th{background:#eee}td.n{text-align:right}.k0{color:#b3261e}.k1{color:#c77700}.k2{color:#6b5b95}.k3{color:#2e7d32}\n"
           ".colophon{font-size:.8rem;color:#555;margin-top:3rem;border-top:1px solid #999;padding-top:.5rem}\n"
           "@media print{body{margin:1cm;max-width:none}section.rule{page-break-inside:auto}tr{page-break-inside:avoid}}\n</style></head><body>\n";
    out << "<h1>" << text(msg::compliance_audit, l) << ": " << html_escape(s.agency) << "</h1>\n<p>" << text(msg::reference_date, l)
        << date_people(s.reference, l) << " · " << s.workers << text(msg::dossiers_checked_suffix, l) << "</p>\n";
    out << "<h2>" << text(msg::summary_heading, l) << "</h2>\n<table><tr><th>" << text(msg::dossiers_checked, l) << "</th><td class=n>"
        << s.workers << "</td></tr><tr><th>" << text(msg::dossiers_with_findings, l) << "</th><td class=n>" << s.workers_with_findings
        << "</td></tr><tr><th>" << text(msg::findings_word, l) << "</th><td class=n>" << s.findings << "</td></tr>";
    for (std::size_t k = 0; k < 4; ++k)
        out << "<tr><th class=k" << k << ">" << text(plural_ids[k], l) << "</th><td class=n>" << s.by_kind[k] << "</td></tr>";
    out << "<tr><th>" << text(msg::overdue_actions, l) << "</th><td class=n>" << s.overdue << "</td></tr></table>\n";
    // Bar chart: findings per rule, stacked by kind (inline SVG, no network).
    std::size_t max = 1;
    for (auto const& [r, st] : s.by_rule) max = std::max(max, st.total);
    int const row_h = 18, label_w = 250, bar_w = 430;
    int height = static_cast<int>(s.by_rule.size()) * row_h + 30;
    out << "<h2>" << text(msg::findings_per_rule, l) << "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + bar_w + 70
        << "\" height=\"" << height << "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n";
    int y = 0;
    for (auto const& [rule, stp] : rules) {
        auto const& st = *stp;
        out << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\">" << html_escape(people_name(s.prog, engine::label_kind::regel, rule, l)) << "</text>";
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
    for (auto const& [rule, stp] : rules) {
        auto const& st = *stp;
        auto title = people_name(s.prog, engine::label_kind::regel, rule, l);
        out << "<section class=rule><h2>" << html_escape(title) << " <small>(";
        for (std::size_t k = 0, n = 0; k < 4; ++k)
            if (st.by_kind[k]) out << (n++ ? ", " : "") << count_text(st.by_kind[k], static_cast<finding_kind>(k), l);
        out << ")</small></h2>\n";
        if (title != rule) out << "<p><code>" << html_escape(rule) << "</code></p>\n";
        if (!st.sample.empty() && !st.sample.front().citations.empty())
            out << "<p><em>" << html_escape(st.sample.front().citations.front()) << "</em></p>\n";
        if (st.uncertain) out << "<p class=k1>" << html_escape(str(msg::uncertain_upper, l)) << ": " << st.uncertain << "</p>\n";
        auto links = s.prog ? rule_sources(*s.prog, rule) : std::vector<engine::source_info const*>{};
        if (!links.empty()) {
            out << "<p>" << text(msg::catalogue_sources, l) << ":</p><ul class=sources>";
            for (auto const* src : links) {
                auto name = html_escape(src->title.empty() ? src->name : src->title);
                if (src->url.starts_with("https://") || src->url.starts_with("http://"))
                    out << "<li><a href=\"" << html_escape(src->url) << "\">" << name << "</a></li>";
                else out << "<li>" << name << "</li>";
            }
            out << "</ul>\n";
        }
        out << "<table><tr><th>" << text(msg::column_worker, l) << "</th><th>" << text(msg::column_kind, l) << "</th><th>"
            << text(msg::column_due_since, l) << "</th><th>contract</th><th>" << text(msg::placement_word, l) << "</th><th>"
            << text(msg::column_finding, l) << "</th></tr>\n";
        std::vector<finding_view const*> rows;
        for (auto const& f : st.sample) rows.push_back(&f);
        order_for_people(rows);
        for (auto const* fp : rows) {
            auto const& f = *fp;
            out << "<tr><td>" << html_escape(f.worker) << "<br>" << html_escape(f.name) << "</td><td class=k" << static_cast<int>(f.kind) << ">"
                << kind_label(f.kind, l) << (f.overdue ? text(msg::overdue_paren, l) : "")
                << (f.uncertain ? html_escape(str(msg::uncertain_source, l)) : "") << "</td><td>"
                << (f.due ? date_people(*f.due, l) : "") << "</td><td>" << html_escape(f.contract) << "</td><td>"
                << html_escape(f.placement) << "</td><td>" << html_escape(people_text(f.message, l)) << "</td></tr>\n";
        }
        out << "</table>\n";
        if (st.omitted) out << "<p>" << text(msg::and_more, l) << st.omitted << text(msg::more_rows, l) << "</p>\n";
        out << "</section>\n";
    }
    out << "<div class=colophon>" << text(msg::reference_date, l) << date_people(s.reference, l) << " · regelwerk "
        << html_escape(c.version) << " · " << text(msg::rule_set, l) << html_escape(c.rules_hash) << " (" << c.rule_count
        << text(msg::rules_suffix, l) << ") · " << text(msg::store_word, l) << html_escape(c.store) << " (" << html_escape(c.store_hash)
        << ") · " << text(msg::run_time, l) << format("%.2f", c.seconds) << " s</div>\n</body></html>\n";
}

}  // namespace rw::adapters::presentation
