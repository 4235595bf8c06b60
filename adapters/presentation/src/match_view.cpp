// The match view and its text and JSON forms (see match_view.hpp).
#include "rw/adapters/presentation/match_view.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/engine/calendar.hpp"

#include <algorithm>

namespace rw::adapters::presentation {

namespace {

std::string points_text(std::int64_t milli) { return engine::format_decimal(engine::decimal{milli}); }

match_view::candidate_row candidate_row(engine::match_candidate const& c, engine::agency const& ag, language l,
                                        engine::program const* prog) {
    match_view::candidate_row row;
    row.worker = c.worker;
    row.name = c.name;
    row.contract_kind = engine::to_string(c.contract);
    row.contract_label = people_name(prog, engine::label_kind::waarde, std::string("contractsoort.") + row.contract_kind, l);
    row.fase = c.fase.empty() ? "" : engine::phase_label(c.fase, ag.labels);
    row.own_contract = c.own_contract;
    row.score = points_text(c.score_milli);
    row.days = c.days_checked;
    row.stopped_at_block = c.stopped_at_block;
    for (auto const& r : c.reasons)
        row.reasons.push_back({r.criterion, r.variant, l == language::en ? r.reason_en : r.reason_nl, points_text(r.points_milli)});
    for (auto const& b : c.blocks)
        row.blocks.push_back({b.rule, b.variant, b.kind, b.article, b.citation, l == language::en ? b.message_en : b.message_nl, b.on,
                              people_name(prog, engine::label_kind::regel, b.rule, l)});
    for (auto const& e : c.beside) row.beside.push_back({make_finding_view(e.f, l, c.name, prog), e.bites_on});
    return row;
}

void candidate_text(std::ostream& out, match_view::candidate_row const& c, match_view const& v, bool blocked,
                    std::string const& prefix = "  ") {
    out << prefix << terminal_safe(c.worker) << " " << terminal_safe(c.name);
    if (!blocked) out << "  " << c.score << text(msg::match_points, v.lang);
    out << "  (" << (c.own_contract ? text(msg::match_own_contract, v.lang) : text(msg::match_contract, v.lang))
        << (c.contract_label.empty() ? c.contract_kind : c.contract_label);
    if (!c.fase.empty()) out << ", " << text(msg::match_phase, v.lang) << c.fase;
    out << ")\n";
    if (blocked) {
        for (auto const& b : c.blocks) {
            out << "      " << terminal_safe(b.title.empty() ? b.rule : b.title) << ", " << engine::format_date_weekday(b.on, code(v.lang))
                << ": " << terminal_safe(b.message) << "\n";
            if (!b.article.empty()) out << "        " << terminal_safe(v.explain && !b.citation.empty() ? b.citation : b.article) << "\n";
        }
    } else {
        std::size_t n = v.explain ? c.reasons.size() : std::min(v.reasons, c.reasons.size());
        if (n) {
            out << "      ";
            for (std::size_t i = 0; i < n; ++i) out << (i ? "; " : "") << terminal_safe(c.reasons[i].text);
            out << "\n";
        }
    }
    for (auto const& b : c.beside) {
        out << "      " << text(msg::match_beside, v.lang) << engine::format_date_weekday(b.on, code(v.lang)) << " "
            << terminal_safe(b.f.title.empty() ? b.f.rule : b.f.title) << " (" << kind_label(b.f.kind, v.lang)
            << "): " << terminal_safe(b.f.message) << "\n";
        if (v.explain)
            for (auto const& l : b.f.explanation) out << "        - " << terminal_safe(explanation_text(l, v.lang)) << "\n";
    }
}

nlohmann::ordered_json candidate_json(match_view::candidate_row const& c, bool explain) {
    nlohmann::ordered_json j;
    j["worker"] = c.worker;
    j["name"] = c.name;
    j["score"] = c.score;
    j["contract_kind"] = c.contract_kind;
    j["own_contract"] = c.own_contract;
    j["phase"] = c.fase;
    j["days_checked"] = c.days;
    if (c.stopped_at_block) j["stopped_at_block"] = true;
    auto& rs = j["reasons"] = nlohmann::ordered_json::array();
    for (auto const& r : c.reasons) rs.push_back({{"criterion", r.criterion}, {"variant", r.variant}, {"points", r.points}, {"text", r.text}});
    auto& bs = j["blocks"] = nlohmann::ordered_json::array();
    for (auto const& b : c.blocks)
        bs.push_back({{"rule", b.rule}, {"variant", b.variant}, {"kind", b.kind}, {"on", engine::format_date(b.on)},
                      {"article", b.article}, {"citation", b.citation}, {"message", b.message}});
    auto& be = j["beside"] = nlohmann::ordered_json::array();
    for (auto const& b : c.beside) {
        auto f = finding_json(b.f, explain);
        f["on"] = engine::format_date(b.on);
        be.push_back(std::move(f));
    }
    return j;
}

}  // namespace

std::string checked_note(match_view const& v) {
    std::string note;
    if (!v.complete())
        note = std::string(text(msg::match_checked, v.lang)) + std::to_string(v.checked) + std::string(text(msg::match_checked_of, v.lang)) +
               std::to_string(v.candidates) + std::string(text(msg::match_checked_until, v.lang)) + std::to_string(v.stop_after_eligible) +
               std::string(text(msg::match_checked_rest, v.lang));
    bool stopped = std::any_of(v.blocked.begin(), v.blocked.end(), [](auto const& c) { return c.stopped_at_block; });
    if (stopped) note += (note.empty() ? "" : " ") + std::string(text(msg::match_first_block, v.lang));
    return note;
}

namespace {

nlohmann::ordered_json match_json(match_view const& v, char const* format = nullptr) {
    nlohmann::ordered_json j;
    if (format) j["format"] = format;
    j["vacancy"] = v.vacancy;
    j["client"] = v.client;
    j["function"] = v.function;
    j["status"] = v.status;
    j["start"] = engine::format_date(v.start);
    j["end"] = v.end ? nlohmann::ordered_json(engine::format_date(*v.end)) : nlohmann::ordered_json();
    j["at"] = engine::format_date(v.at);
    j["candidates"] = v.candidates;
    if (!v.complete()) {
        // The top N only (engine::match_options::stop_after_eligible): say so, in the data too.
        j["checked"] = v.checked;
        j["stop_after_eligible"] = v.stop_after_eligible;
        j["unchecked"] = v.candidates - v.checked;
    }
    if (auto note = checked_note(v); !note.empty()) j["checked_note"] = note;
    auto& fs = j["discriminatory_requirements"] = nlohmann::ordered_json::array();
    for (auto const& f : v.flags)
        fs.push_back({{"found", f.found}, {"term", f.term}, {"ground", f.ground}, {"alternative", f.alternative}, {"used", false}});
    auto& es = j["eligible"] = nlohmann::ordered_json::array();
    std::size_t rank = 0;
    for (auto const& c : v.eligible) {
        if (v.top && rank >= v.top) break;
        auto cj = candidate_json(c, v.explain);
        cj["rank"] = ++rank;
        es.push_back(std::move(cj));
    }
    auto& bs = j["blocked"] = nlohmann::ordered_json::array();
    for (auto const& c : v.blocked) bs.push_back(candidate_json(c, v.explain));
    return j;
}

void flags_text(std::ostream& out, match_view const& v) {
    for (auto const& f : v.flags) {
        out << text(msg::match_flag, v.lang) << "\"" << terminal_safe(f.found) << "\" (" << terminal_safe(f.ground) << "); "
            << text(msg::match_flag_unused, v.lang) << "\n";
        if (!f.alternative.empty()) out << "  " << text(msg::match_flag_alternative, v.lang) << terminal_safe(f.alternative) << "\n";
    }
}

}  // namespace

match_view build_match_view(engine::vacancy_match const& m, engine::agency const& ag, language l, bool explain, std::size_t top,
                            engine::program const* prog) {
    match_view v;
    v.lang = l;
    v.explain = explain;
    v.top = top;
    v.vacancy = m.vacancy;
    v.client = m.client;
    v.client_name = m.client_name;
    v.function = m.function;
    v.status = engine::to_string(m.status);
    v.start = m.start;
    v.end = m.end;
    v.at = m.at;
    v.candidates = m.candidates;
    v.checked = m.checked;
    v.stop_after_eligible = m.stop_after_eligible;
    for (auto const& f : m.flags) v.flags.push_back({f.found, f.term, f.ground, f.alternative});
    for (auto const& c : m.eligible) v.eligible.push_back(candidate_row(c, ag, l, prog));
    for (auto const& c : m.blocked) v.blocked.push_back(candidate_row(c, ag, l, prog));
    return v;
}

void render_match_text(std::ostream& out, match_view const& v) {
    out << text(msg::match_for, v.lang) << terminal_safe(v.vacancy) << " (" << terminal_safe(v.function) << ", " << v.status << ") "
        << terminal_safe(v.client) << " " << terminal_safe(v.client_name) << ", " << engine::format_date_weekday(v.start, code(v.lang))
        << " .. " << (v.end ? engine::format_date_weekday(*v.end, code(v.lang)) : std::string("-")) << text(msg::match_at, v.lang)
        << engine::format_date_weekday(v.at, code(v.lang)) << "\n";
    out << v.candidates << text(msg::match_candidates, v.lang) << v.eligible.size() << text(msg::match_eligible_count, v.lang)
        << v.blocked.size() << text(msg::match_blocked_count, v.lang) << "\n";
    if (auto note = checked_note(v); !note.empty()) out << note << "\n";
    flags_text(out, v);
    out << "\n" << text(msg::match_eligible, v.lang) << "\n";
    if (v.eligible.empty()) out << "  " << text(msg::scenario_none, v.lang) << "\n";
    std::size_t rank = 0;
    for (auto const& c : v.eligible) {
        if (v.top && rank >= v.top) {
            out << "  ... " << (v.eligible.size() - rank) << text(msg::match_more, v.lang) << "\n";
            break;
        }
        candidate_text(out, c, v, false, "  " + std::to_string(++rank) + ". ");
    }
    out << "\n" << text(msg::match_blocked, v.lang) << "\n";
    if (v.blocked.empty()) out << "  " << text(msg::scenario_none, v.lang) << "\n";
    // At a glance: as many blocked as the top shows eligible (a vacancy nobody may take lists
    // thousands); the JSON has them all.
    std::size_t shown = 0;
    for (auto const& c : v.blocked) {
        if (v.top && shown >= v.top) {
            out << "  ... " << (v.blocked.size() - shown) << text(msg::match_more_blocked, v.lang) << "\n";
            break;
        }
        candidate_text(out, c, v, true);
        ++shown;
    }
    out << "\n" << text(msg::match_person_decides, v.lang) << "\n";
}

void render_match_json(std::ostream& out, match_view const& v) {
    out << dump_json(match_json(v, "regelwerk/match-1"), 2) << "\n";
}

std::string match_ranking_json(match_view const& v) {
    nlohmann::ordered_json j;
    j["vacancy"] = v.vacancy;
    auto& es = j["eligible"] = nlohmann::ordered_json::array();
    std::size_t rank = 0;
    for (auto const& c : v.eligible) es.push_back({{"rank", ++rank}, {"worker", c.worker}, {"score", c.score}});
    auto& bs = j["blocked"] = nlohmann::ordered_json::array();
    for (auto const& c : v.blocked) {
        auto rules = nlohmann::ordered_json::array();
        for (auto const& b : c.blocks) rules.push_back(b.rule + (b.variant.empty() ? "" : "/" + b.variant) + "@" + engine::format_date(b.on));
        bs.push_back({{"worker", c.worker}, {"blocks", rules}});
    }
    auto& fs = j["flags"] = nlohmann::ordered_json::array();
    for (auto const& f : v.flags) fs.push_back({{"found", f.found}, {"ground", f.ground}});
    if (!v.complete()) {
        j["checked"] = v.checked;
        j["candidates"] = v.candidates;
    }
    return dump_json(j, -1);
}

worker_match_view build_worker_match_view(engine::worker const& w, std::vector<engine::worker_vacancy> const& ms,
                                          engine::agency const& ag, language l, bool explain, engine::program const* prog) {
    worker_match_view v;
    v.lang = l;
    v.worker = w.id;
    v.name = w.name;
    for (auto const& m : ms) {
        v.at = m.match.at;
        v.vacancies.push_back(build_match_view(m.match, ag, l, explain, 0, prog));
    }
    return v;
}

void render_worker_match_text(std::ostream& out, worker_match_view const& v) {
    out << text(msg::match_worker_for, v.lang) << terminal_safe(v.worker) << " " << terminal_safe(v.name) << "\n";
    if (v.vacancies.empty()) out << "  " << text(msg::scenario_none, v.lang) << "\n";
    for (auto const& m : v.vacancies) {
        bool blocked = m.eligible.empty();
        out << "\n" << terminal_safe(m.vacancy) << " " << terminal_safe(m.function) << " " << terminal_safe(m.client) << " "
            << terminal_safe(m.client_name) << ", " << engine::format_date_weekday(m.start, code(v.lang)) << " .. "
            << (m.end ? engine::format_date_weekday(*m.end, code(v.lang)) : std::string("-")) << "\n";
        flags_text(out, m);
        auto const& c = blocked ? m.blocked.front() : m.eligible.front();
        candidate_text(out, c, m, blocked);
    }
    out << "\n" << text(msg::match_person_decides, v.lang) << "\n";
}

void render_worker_match_json(std::ostream& out, worker_match_view const& v) {
    nlohmann::ordered_json j;
    j["format"] = "regelwerk/match-worker-1";
    j["worker"] = v.worker;
    auto& a = j["vacancies"] = nlohmann::ordered_json::array();
    for (auto const& m : v.vacancies) a.push_back(match_json(m));
    out << dump_json(j, 2) << "\n";
}

}  // namespace rw::adapters::presentation
