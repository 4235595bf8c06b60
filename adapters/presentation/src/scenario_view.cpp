// The scenario view and its text and JSON forms (see scenario_view.hpp).
#include "rw/adapters/presentation/scenario_view.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/engine/calendar.hpp"

#include <algorithm>

namespace rw::adapters::presentation {

scenario_view build_scenario_view(engine::worker const& w, engine::scenario const& s, engine::scenario_result const& r,
                                  language l, bool explain, engine::program const* prog) {
    scenario_view v;
    v.lang = l;
    v.explain = explain;
    v.worker_id = w.id;
    v.name = w.name;
    v.known_until = s.known_until;
    v.from = s.from;
    v.to = s.to;
    for (auto const& p : s.placements) {
        scenario_view::placement_row row;
        row.id = p.id;
        row.contract = p.contract;
        row.client = p.client;
        row.function = p.function.value_or("");
        row.start = p.start;
        row.end = p.end;
        if (p.hourly_wage) row.wage = engine::format_money(*p.hourly_wage);
        for (auto const& c : s.contracts)
            if (c.id == p.contract) {
                row.kind = people_name(prog, engine::label_kind::waarde, std::string("contractsoort.") + engine::to_string(c.kind), l);
                if (c.hours_per_week) row.hours = engine::format_decimal(*c.hours_per_week);
            }
        v.placements.push_back(std::move(row));
    }
    for (auto const& e : r.caused) {
        scenario_view::effect_row row{make_finding_view(e.f, l, w.name, prog), e.bites_on, e.first_day, e.last_day, e.days.size()};
        (e.f.kind == engine::finding_kind::violation ? v.blocks : v.beside).push_back(std::move(row));
    }
    for (auto const& d : r.days) v.days.push_back({d.on, d.why});
    return v;
}

namespace {

void effects_text(std::ostream& out, std::vector<scenario_view::effect_row> const& rows, msg title, scenario_view const& v) {
    out << "\n" << text(title, v.lang) << "\n";
    if (rows.empty()) {
        out << "  " << text(msg::scenario_none, v.lang) << "\n";
        return;
    }
    for (auto const& e : rows) {
        out << "  " << engine::format_date_weekday(e.on, code(v.lang)) << "  " << terminal_safe(e.f.message) << "\n";
        out << "      " << text(msg::advice_label, v.lang) << terminal_safe(e.f.advice) << "\n";
        out << "      " << terminal_safe(e.f.title.empty() ? e.f.rule : e.f.title) << " (" << kind_label(e.f.kind, v.lang) << ")";
        for (auto const& c : e.f.citations) out << "; " << terminal_safe(c);
        out << "\n";
        if (v.explain)
            for (auto const& l : e.f.explanation) out << "      - " << terminal_safe(explanation_text(l, v.lang)) << "\n";
    }
}

}  // namespace

void render_scenario_text(std::ostream& out, scenario_view const& v) {
    out << text(msg::scenario_for, v.lang) << terminal_safe(v.worker_id) << " " << terminal_safe(v.name) << "\n";
    for (auto const& p : v.placements) {
        out << "  " << text(msg::placement_word, v.lang) << " " << terminal_safe(p.id) << ": " << terminal_safe(p.client);
        if (!p.function.empty()) out << ", " << terminal_safe(p.function);
        out << ", " << engine::format_date_weekday(p.start, code(v.lang)) << " .. "
            << (p.end ? engine::format_date_weekday(*p.end, code(v.lang)) : std::string("-"));
        if (!p.kind.empty()) out << ", " << p.kind;
        if (!p.hours.empty()) out << ", " << p.hours << text(msg::scenario_hours, v.lang);
        if (!p.wage.empty()) {
            std::string wage = p.wage;  // "15.20": a decimal comma for Dutch readers
            if (v.lang == language::nl) std::replace(wage.begin(), wage.end(), '.', ',');
            out << ", € " << wage << text(msg::scenario_per_hour, v.lang);
        }
        out << "\n";
    }
    out << text(msg::scenario_known_until, v.lang) << engine::format_date_weekday(v.known_until, code(v.lang)) << "; "
        << v.days.size() << text(msg::scenario_days_evaluated, v.lang) << engine::format_date_weekday(v.from, code(v.lang))
        << " .. " << engine::format_date_weekday(v.to, code(v.lang)) << "\n";
    effects_text(out, v.blocks, msg::scenario_blocks, v);
    effects_text(out, v.beside, msg::scenario_beside, v);
}

void render_scenario_json(std::ostream& out, scenario_view const& v) {
    nlohmann::ordered_json j;
    j["format"] = "regelwerk/scenario-1";
    j["worker"] = v.worker_id;
    j["known_until"] = engine::format_date(v.known_until);
    j["from"] = engine::format_date(v.from);
    j["to"] = engine::format_date(v.to);
    auto& ps = j["placements"] = nlohmann::ordered_json::array();
    for (auto const& p : v.placements)
        ps.push_back({{"id", p.id},
                      {"contract", p.contract},
                      {"client", p.client},
                      {"function", p.function},
                      {"contract_kind", p.kind},
                      {"start", engine::format_date(p.start)},
                      {"end", p.end ? nlohmann::ordered_json(engine::format_date(*p.end)) : nlohmann::ordered_json()}});
    auto effects = [&](std::vector<scenario_view::effect_row> const& rows) {
        auto a = nlohmann::ordered_json::array();
        for (auto const& e : rows) {
            auto f = finding_json(e.f, v.explain);
            f["on"] = engine::format_date(e.on);
            f["first_day"] = engine::format_date(e.first_day);
            f["last_day"] = engine::format_date(e.last_day);
            f["days"] = e.days;
            a.push_back(std::move(f));
        }
        return a;
    };
    j["blocks"] = effects(v.blocks);
    j["beside"] = effects(v.beside);
    auto& ds = j["days"] = nlohmann::ordered_json::array();
    for (auto const& d : v.days) ds.push_back({{"on", engine::format_date(d.on)}, {"why", d.why}});
    out << dump_json(j, 2) << "\n";
}

}  // namespace rw::adapters::presentation
