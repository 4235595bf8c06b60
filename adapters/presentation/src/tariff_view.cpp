// Rendering a tariff quote and the re-quote list (issue 14). See tariff_view.hpp.
#include "rw/adapters/presentation/tariff_view.hpp"

#include "rw/adapters/presentation/escape.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace rw::adapters::presentation {

namespace {

std::string comma(std::string s, language l) {
    if (l == language::nl) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string label(engine::tariff_line_result const& r, language l) { return l == language::en ? r.label_en : r.label_nl; }

std::string refusal_text(engine::refusal const& r, engine::quote const& q, language l) {
    switch (r.kind) {
        case engine::refusal_kind::below_cost:
            return std::string(text(msg::tariff_below_cost_a, l)) + money_for_people(r.amount_cents, l) +
                   std::string(text(msg::tariff_below_cost_b, l));
        case engine::refusal_kind::below_floor:
            return std::string(text(msg::tariff_below_floor, l)) + (l == language::en ? r.label_en : r.label_nl) + " " +
                   money_for_people(r.amount_cents, l);
        case engine::refusal_kind::no_cost: {
            std::string e;
            for (auto const& x : q.cost.errors) e += (e.empty() ? "" : "; ") + x;
            return std::string(text(msg::tariff_no_cost, l)) + e;
        }
    }
    return "";
}

std::size_t width(std::string const& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

/// Left-aligned in w characters; never cut (a long label pushes the columns right).
std::string pad(std::string const& s, std::size_t w) {
    std::string t = terminal_safe(s);
    std::size_t n = width(t);
    return n >= w ? t + " " : t + std::string(w - n, ' ');
}

std::string rpad(std::string const& s, std::size_t w) {
    std::size_t n = width(s);  // right-aligned (amounts); the euro sign is one character
    return n >= w ? s : std::string(w - n, ' ') + s;
}

/// The quote's sources numbered in order of first use: a line cites "[1, 4]", the list follows.
struct source_index {
    std::vector<engine::explanation_source> list;
    explicit source_index(engine::quote const& q) {
        for (auto const& r : q.cost.lines)
            for (auto const& s : r.sources)
                if (std::none_of(list.begin(), list.end(), [&](auto const& x) { return x.id == s.id; })) list.push_back(s);
    }
    std::size_t number(std::string const& id) const {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == id) return i + 1;
        return 0;
    }
    std::string refs(std::vector<engine::explanation_source> const& ss) const {
        std::string t;
        for (auto const& s : ss) t += (t.empty() ? "" : ", ") + std::to_string(number(s.id));
        return t.empty() ? t : "[" + t + "]";
    }
};

/// One onzeker value (its reason, once) and the lines that use it.
struct uncertain_item {
    std::string why;
    std::vector<std::string> lines;
};

std::vector<uncertain_item> uncertain_items(engine::quote const& q, language l) {
    std::vector<uncertain_item> out;
    for (auto const& r : q.cost.lines)
        for (auto const& u : r.uncertain) {
            auto it = std::find_if(out.begin(), out.end(), [&](auto const& x) { return x.why == u; });
            if (it == out.end()) out.push_back({u, {label(r, l)}});
            else it->lines.push_back(label(r, l));
        }
    return out;
}

std::string value_for_people(engine::value const& v, language l) {
    if (v.kind == engine::value_kind::money) return money_for_people(v.i, l);
    if (v.kind == engine::value_kind::percentage) return percent_for_people(v.i, l);
    if (v.empty()) return "-";
    return comma(engine::to_text(v), l);
}

std::string cause_text(engine::requote_cause const& c, language l) {
    bool nl = l == language::nl;
    switch (c.kind) {
        case engine::requote_cause_kind::parameter:
            return c.name + " " + value_for_people(c.old_value, l) + " -> " + value_for_people(c.new_value, l);
        case engine::requote_cause_kind::phase:
            return (nl ? "fase " : "phase ") + (c.old_text.empty() ? std::string("?") : c.old_text) + " -> " + c.new_text +
                   (nl ? " (nieuw contract: " : " (new contract: ") + engine::contract_for_phase(c.new_text) + ")";
        case engine::requote_cause_kind::contract:
            return (nl ? "nieuw contract " : "new contract ") + c.name + ": " + c.old_text + " -> " + c.new_text;
        case engine::requote_cause_kind::birthday:
            return (nl ? "wordt " : "turns ") + engine::to_text(c.new_value) + (nl ? " jaar" : "");
        case engine::requote_cause_kind::wage_floor:
            return (nl ? "uurloon omhoog naar " : "wage rises to ") + (nl ? c.label_nl : c.label_en) + ": " + value_for_people(c.old_value, l) +
                   " -> " + value_for_people(c.new_value, l);
    }
    return "";
}

nlohmann::ordered_json causes_json(std::vector<engine::requote_cause> const& cs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (auto const& c : cs) {
        char const* k = c.kind == engine::requote_cause_kind::parameter ? "parameter"
                      : c.kind == engine::requote_cause_kind::phase     ? "phase"
                      : c.kind == engine::requote_cause_kind::contract  ? "contract"
                      : c.kind == engine::requote_cause_kind::birthday  ? "birthday"
                                                                        : "wage_floor";
        a.push_back({{"kind", k}, {"name", c.name}, {"old", c.old_text.empty() ? engine::to_text(c.old_value) : c.old_text},
                     {"new", c.new_text.empty() ? engine::to_text(c.new_value) : c.new_text}, {"text_nl", cause_text(c, language::nl)},
                     {"text_en", cause_text(c, language::en)}});
    }
    return a;
}

}  // namespace

std::string money_for_people(std::int64_t cents, language l) {
    bool neg = cents < 0;
    std::int64_t a = neg ? -cents : cents;
    std::string whole = std::to_string(a / 100);
    std::string frac = std::to_string(a % 100);
    if (frac.size() < 2) frac = "0" + frac;
    return std::string(neg ? "-" : "") + "€ " + whole + (l == language::nl ? "," : ".") + frac;
}

std::string percent_for_people(std::int64_t micro, language l) {
    // micro: millionths of one; percent = micro / 10000 with four decimals
    bool neg = micro < 0;
    std::int64_t a = neg ? -micro : micro;
    std::string whole = std::to_string(a / 10000);
    std::string frac = std::to_string(a % 10000);
    while (frac.size() < 4) frac = "0" + frac;
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    return std::string(neg ? "-" : "") + whole + (l == language::nl ? "," : ".") + frac + " %";
}

std::string factor_for_people(std::int64_t micro, language l, int decimals) {
    std::int64_t div = 1;
    for (int i = decimals; i < 6; ++i) div *= 10;
    std::int64_t v = (micro + div / 2) / div;
    std::int64_t unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    std::string frac = std::to_string(v % unit);
    while (static_cast<int>(frac.size()) < decimals) frac = "0" + frac;
    return std::to_string(v / unit) + (l == language::nl ? "," : ".") + frac;
}

void render_quote_text(std::ostream& out, engine::program const& prog, engine::quote const& q, quote_context const& c) {
    auto l = c.lang;
    auto lc = code(l);
    out << text(msg::tariff_title, l) << " (" << q.cost.tariff << ")\n";
    out << text(msg::tariff_at, l) << engine::format_date_weekday(q.cost.at, lc) << "\n\n";
    out << text(msg::tariff_inputs, l) << ":\n";
    if (!c.placement.empty()) out << "  " << pad(std::string(text(msg::tariff_placement, l)), 22) << terminal_safe(c.placement) << "\n";
    out << "  " << pad(std::string(text(msg::tariff_wage, l)), 22) << money_for_people(q.wage_cents, l) << "\n";
    if (!c.contract.empty())
        out << "  " << pad(std::string(text(msg::tariff_contract, l)), 22)
            << prog.label_or_name(engine::label_kind::waarde, "contractsoort." + c.contract, lc) << "\n";
    if (!c.fase.empty()) out << "  " << pad(std::string(text(msg::tariff_phase, l)), 22) << c.fase << "\n";
    if (!c.age.empty()) out << "  " << pad(std::string(text(msg::tariff_age, l)), 22) << c.age << "\n";
    if (!c.hours.empty()) out << "  " << pad(std::string(text(msg::tariff_hours, l)), 22) << comma(c.hours, l) << "\n";
    if (!c.client.empty())
        out << "  " << pad(std::string(text(msg::tariff_client, l)), 22) << terminal_safe(c.client_name.empty() ? c.client : c.client_name)
            << (c.function.empty() ? "" : " / " + terminal_safe(c.function)) << "\n";
    out << "\n";
    source_index idx(q);
    std::size_t w = 30;
    for (auto const& r : q.cost.lines)
        if (r.kind != engine::tariff_line_kind::floor) w = std::max(w, width(label(r, l)) + 4);
    w = std::min<std::size_t>(w, 60);
    std::size_t total_w = w + 10 + 2 + 9 + 2;
    out << "  " << pad(std::string(text(msg::tariff_col_line, l)), w) << rpad(std::string(text(msg::tariff_col_base, l)), 10) << "  "
        << rpad(std::string(text(msg::tariff_col_rate, l)), 9) << "  " << rpad(std::string(text(msg::tariff_col_amount, l)), 10) << "  "
        << text(msg::tariff_col_source, l) << "\n";
    for (auto const& r : q.cost.lines) {
        if (r.kind == engine::tariff_line_kind::floor) continue;
        std::string name = label(r, l);
        if (r.kind == engine::tariff_line_kind::base) name = "(" + name + ")";
        out << "  " << pad(name, w) << rpad(r.base_cents ? money_for_people(*r.base_cents, l) : "", 10) << "  "
            << rpad(r.rate_micro ? percent_for_people(*r.rate_micro, l) : "", 9) << "  "
            << rpad(r.amount_cents ? money_for_people(*r.amount_cents, l) : "-", 10) << "  " << idx.refs(r.sources)
            << (r.uncertain.empty() ? "" : " " + std::string(text(msg::uncertain_upper, l))) << "\n";
    }
    auto total = [&](msg m, std::string const& v) { out << "  " << pad(std::string(text(m, l)), total_w) << rpad(v, 10) << "\n"; };
    out << "\n";
    total(msg::tariff_cost, money_for_people(q.cost.cost_cents, l));
    if (q.cost_factor_micro) total(msg::tariff_cost_factor, factor_for_people(*q.cost_factor_micro, l));
    if (q.tariff_cents) {
        total(msg::tariff_tariff, money_for_people(*q.tariff_cents, l));
        if (q.factor_micro) total(msg::tariff_factor, factor_for_people(*q.factor_micro, l));
        if (q.margin_micro) total(msg::tariff_margin, percent_for_people(*q.margin_micro, l));
    } else if (!q.refused) {
        out << "  " << text(msg::tariff_no_tariff, l) << "\n";
    }
    if (!q.floors.empty()) {
        out << "\n" << text(msg::tariff_floors, l) << ":\n";
        for (auto const& f : q.floors)
            out << "  " << pad(l == language::en ? f.label_en : f.label_nl, total_w) << rpad(money_for_people(f.amount_cents, l), 10) << "  "
                << text(f.met ? msg::tariff_met : msg::tariff_not_met, l) << "  " << idx.refs(f.sources)
                << (f.uncertain.empty() ? "" : " " + std::string(text(msg::uncertain_upper, l))) << "\n";
    }
    if (q.refused) {
        out << "\n" << text(msg::tariff_refused, l) << ":\n";
        for (auto const& r : q.refusals) out << "  - " << refusal_text(r, q, l) << "\n";
    }
    auto unc = uncertain_items(q, l);
    for (auto const& f : q.floors)
        for (auto const& u : f.uncertain)
            if (std::none_of(unc.begin(), unc.end(), [&](auto const& x) { return x.why == u; }))
                unc.push_back({u, {l == language::en ? f.label_en : f.label_nl}});
    if (!unc.empty()) {
        out << "\n" << text(msg::tariff_uncertain, l) << "\n";
        for (auto const& u : unc) {
            out << "  - " << terminal_safe(u.why) << "\n    (";
            for (std::size_t i = 0; i < u.lines.size(); ++i) out << (i ? "; " : "") << terminal_safe(u.lines[i]);
            out << ")\n";
        }
    }
    out << "\n" << text(msg::tariff_sources, l) << ":\n";
    for (std::size_t i = 0; i < idx.list.size(); ++i)
        out << "  [" << i + 1 << "] " << terminal_safe(idx.list[i].title.empty() ? idx.list[i].id : idx.list[i].title)
            << (idx.list[i].url.empty() ? "" : " <" + terminal_safe(idx.list[i].url) + ">") << "\n";
    out << "\n" << text(msg::tariff_rounding, l) << "\n" << text(msg::tariff_excluded, l) << "\n";
}

void render_quote_json(std::ostream& out, engine::quote const& q, quote_context const& c) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["tariff"] = q.cost.tariff;
    j["at"] = engine::format_date(q.cost.at);
    ordered_json in;
    in["wage_cents"] = q.wage_cents;
    if (!c.contract.empty()) in["contract"] = c.contract;
    if (!c.fase.empty()) in["fase"] = c.fase;
    if (!c.age.empty()) in["age"] = c.age;
    if (!c.hours.empty()) in["hours"] = c.hours;
    if (!c.client.empty()) in["client"] = c.client;
    if (!c.placement.empty()) in["placement"] = c.placement;
    if (!c.function.empty()) in["function"] = c.function;
    j["inputs"] = in;
    ordered_json lines = ordered_json::array();
    for (auto const& r : q.cost.lines) {
        ordered_json x;
        x["name"] = r.name;
        x["kind"] = r.kind == engine::tariff_line_kind::cost ? "post" : r.kind == engine::tariff_line_kind::base ? "grondslag" : "ondergrens";
        x["label_nl"] = r.label_nl;
        x["label_en"] = r.label_en;
        x["base_cents"] = r.base_cents ? ordered_json(*r.base_cents) : ordered_json(nullptr);
        x["rate_micro"] = r.rate_micro ? ordered_json(*r.rate_micro) : ordered_json(nullptr);
        x["amount_cents"] = r.amount_cents ? ordered_json(*r.amount_cents) : ordered_json(nullptr);
        ordered_json srcs = ordered_json::array();
        for (auto const& s : r.sources) srcs.push_back({{"id", s.id}, {"title", s.title}, {"url", s.url}});
        x["sources"] = srcs;
        x["uncertain"] = r.uncertain;
        lines.push_back(x);
    }
    j["lines"] = lines;
    j["cost_cents"] = q.cost.cost_cents;
    j["cost_factor_micro"] = q.cost_factor_micro ? ordered_json(*q.cost_factor_micro) : ordered_json(nullptr);
    j["tariff_cents"] = q.tariff_cents ? ordered_json(*q.tariff_cents) : ordered_json(nullptr);
    j["factor_micro"] = q.factor_micro ? ordered_json(*q.factor_micro) : ordered_json(nullptr);
    j["margin_micro"] = q.margin_micro ? ordered_json(*q.margin_micro) : ordered_json(nullptr);
    ordered_json floors = ordered_json::array();
    for (auto const& f : q.floors) floors.push_back({{"name", f.name}, {"amount_cents", f.amount_cents}, {"met", f.met}});
    j["floors"] = floors;
    j["refused"] = q.refused;
    ordered_json refusals = ordered_json::array();
    for (auto const& r : q.refusals)
        refusals.push_back({{"kind", r.kind == engine::refusal_kind::below_cost    ? "below_cost"
                                     : r.kind == engine::refusal_kind::below_floor ? "below_floor"
                                                                                   : "no_cost"},
                            {"floor", r.floor},
                            {"amount_cents", r.amount_cents},
                            {"text_nl", refusal_text(r, q, language::nl)},
                            {"text_en", refusal_text(r, q, language::en)}});
    j["refusals"] = refusals;
    j["errors"] = q.cost.errors;
    j["uncertain"] = q.cost.uncertain();
    out << j.dump(2) << "\n";
}

void render_quote_html(std::ostream& out, engine::program const& prog, engine::quote const& q, quote_context const& c) {
    auto l = c.lang;
    auto lc = code(l);
    auto h = [](std::string const& s) { return html_escape(s); };
    out << "<!DOCTYPE html>\n<html lang=\"" << lc << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << h(std::string(text(msg::tariff_title, l)))
        << "</title>\n<style>\nbody{font-family:Georgia,'Times New Roman',serif;max-width:50rem;margin:2rem auto;color:#1b1b1b;line-height:1.35}\n"
           "table{border-collapse:collapse;width:100%}td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\n"
           "td.n,th.n{text-align:right;white-space:nowrap}tr.base td{color:#666;font-style:italic}tr.total td{font-weight:bold;border-top:2px solid #1b1b1b}\n"
           ".refused{border:2px solid #a00;padding:.5rem 1rem;color:#a00}.onzeker{color:#8a5a00}small{color:#555}\n"
           "@media print{body{margin:0}}\n</style>\n</head>\n<body>\n";
    out << "<h1>" << h(std::string(text(msg::tariff_title, l))) << "</h1>\n";
    if (!c.agency.empty()) out << "<p>" << h(c.agency) << "</p>\n";
    out << "<p>" << h(std::string(text(msg::tariff_at, l))) << h(engine::format_date_weekday(q.cost.at, lc)) << "</p>\n";
    out << "<h2>" << h(std::string(text(msg::tariff_inputs, l))) << "</h2>\n<table>\n";
    auto row = [&](msg m, std::string const& v) {
        if (!v.empty()) out << "<tr><th>" << h(std::string(text(m, l))) << "</th><td>" << h(v) << "</td></tr>\n";
    };
    row(msg::tariff_placement, c.placement);
    row(msg::tariff_wage, money_for_people(q.wage_cents, l));
    if (!c.contract.empty()) row(msg::tariff_contract, prog.label_or_name(engine::label_kind::waarde, "contractsoort." + c.contract, lc));
    row(msg::tariff_phase, c.fase);
    row(msg::tariff_age, c.age);
    row(msg::tariff_hours, comma(c.hours, l));
    if (!c.client.empty()) row(msg::tariff_client, (c.client_name.empty() ? c.client : c.client_name) + (c.function.empty() ? "" : " / " + c.function));
    source_index idx(q);
    out << "</table>\n<h2>" << h(std::string(text(msg::tariff_cost, l))) << "</h2>\n<table>\n<tr><th>"
        << h(std::string(text(msg::tariff_col_line, l))) << "</th><th class=\"n\">" << h(std::string(text(msg::tariff_col_base, l)))
        << "</th><th class=\"n\">" << h(std::string(text(msg::tariff_col_rate, l))) << "</th><th class=\"n\">"
        << h(std::string(text(msg::tariff_col_amount, l))) << "</th><th>" << h(std::string(text(msg::tariff_col_source, l))) << "</th></tr>\n";
    for (auto const& r : q.cost.lines) {
        if (r.kind == engine::tariff_line_kind::floor) continue;
        out << "<tr" << (r.kind == engine::tariff_line_kind::base ? " class=\"base\"" : "") << "><td>" << h(label(r, l))
            << (r.kind == engine::tariff_line_kind::base ? h(std::string(text(msg::tariff_not_counted, l))) : "") << "</td><td class=\"n\">"
            << (r.base_cents ? h(money_for_people(*r.base_cents, l)) : "") << "</td><td class=\"n\">"
            << (r.rate_micro ? h(percent_for_people(*r.rate_micro, l)) : "") << "</td><td class=\"n\">"
            << (r.amount_cents ? h(money_for_people(*r.amount_cents, l)) : "-") << "</td><td><small>" << h(idx.refs(r.sources))
            << "</small>" << (r.uncertain.empty() ? "" : " <span class=\"onzeker\">" + h(std::string(text(msg::uncertain_upper, l))) + "</span>")
            << "</td></tr>\n";
    }
    auto total = [&](msg m, std::string const& v) {
        out << "<tr class=\"total\"><td colspan=\"3\">" << h(std::string(text(m, l))) << "</td><td class=\"n\">" << h(v) << "</td><td></td></tr>\n";
    };
    total(msg::tariff_cost, money_for_people(q.cost.cost_cents, l));
    if (q.tariff_cents) {
        total(msg::tariff_tariff, money_for_people(*q.tariff_cents, l));
        if (q.factor_micro) total(msg::tariff_factor, factor_for_people(*q.factor_micro, l));
    }
    out << "</table>\n";
    if (!q.floors.empty()) {
        out << "<h2>" << h(std::string(text(msg::tariff_floors, l))) << "</h2>\n<ul>\n";
        for (auto const& f : q.floors)
            out << "<li>" << h(l == language::en ? f.label_en : f.label_nl) << ": " << h(money_for_people(f.amount_cents, l)) << " — "
                << h(std::string(text(f.met ? msg::tariff_met : msg::tariff_not_met, l))) << "</li>\n";
        out << "</ul>\n";
    }
    if (q.refused) {
        out << "<div class=\"refused\"><strong>" << h(std::string(text(msg::tariff_refused, l))) << "</strong><ul>\n";
        for (auto const& r : q.refusals) out << "<li>" << h(refusal_text(r, q, l)) << "</li>\n";
        out << "</ul></div>\n";
    }
    auto unc = uncertain_items(q, l);
    if (!unc.empty()) {
        out << "<p class=\"onzeker\">" << h(std::string(text(msg::tariff_uncertain, l))) << "</p>\n<ul class=\"onzeker\">\n";
        for (auto const& u : unc) {
            std::string ls;
            for (auto const& x : u.lines) ls += (ls.empty() ? "" : "; ") + x;
            out << "<li>" << h(u.why) << " <small>(" << h(ls) << ")</small></li>\n";
        }
        out << "</ul>\n";
    }
    out << "<h2>" << h(std::string(text(msg::tariff_sources, l))) << "</h2>\n<ol>\n";
    for (auto const& x : idx.list)
        out << "<li>" << h(x.title.empty() ? x.id : x.title) << (x.url.empty() ? "" : " <small>" + h(x.url) + "</small>") << "</li>\n";
    out << "</ol>\n";
    out << "<p><small>" << h(std::string(text(msg::tariff_rounding, l))) << " " << h(std::string(text(msg::tariff_excluded, l)))
        << "</small></p>\n</body>\n</html>\n";
}

void render_requote_text(std::ostream& out, std::vector<engine::requote_change> const& list, engine::day at, int weeks, language l) {
    auto lc = code(l);
    out << text(msg::tariff_requote_title, l) << "\n" << text(msg::tariff_at, l) << engine::format_date_weekday(at, lc)
        << text(msg::tariff_requote_window, l) << weeks << text(msg::weeks_word, l) << "\n\n";
    if (list.empty()) {
        out << text(msg::tariff_requote_none, l) << "\n";
        return;
    }
    std::map<std::string, int> clients;
    for (auto const& c : list) clients[c.client]++;
    out << list.size() << text(msg::tariff_requote_count, l) << clients.size() << text(msg::tariff_requote_clients, l) << "\n";
    std::string cur;
    for (auto const& c : list) {
        if (c.client != cur) {
            cur = c.client;
            out << "\n" << text(msg::tariff_requote_client, l) << terminal_safe(c.client_name.empty() ? c.client : c.client_name + " (" + c.client + ")")
                << "\n";
        }
        std::int64_t diff = c.new_cost_cents - c.old_cost_cents;
        out << "  " << text(msg::tariff_requote_from, l) << engine::format_date_weekday(c.on, lc) << "  " << terminal_safe(c.worker) << " "
            << terminal_safe(c.worker_name) << ", " << terminal_safe(c.placement) << (c.function.empty() ? "" : " (" + terminal_safe(c.function) + ")")
            << "\n    " << text(msg::tariff_requote_old, l) << money_for_people(c.old_cost_cents, l) << " -> " << text(msg::tariff_requote_new, l)
            << money_for_people(c.new_cost_cents, l) << " (" << (diff >= 0 ? "+" : "") << money_for_people(diff, l) << ")"
            << (c.uncertain ? " [" + std::string(text(msg::uncertain_upper, l)) + "]" : "") << "\n    " << text(msg::tariff_requote_cause, l);
        for (std::size_t i = 0; i < c.causes.size(); ++i) out << (i ? "; " : "") << cause_text(c.causes[i], l);
        out << "\n";
    }
}

void render_requote_json(std::ostream& out, std::vector<engine::requote_change> const& list, engine::day at, int weeks) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["at"] = engine::format_date(at);
    j["weeks"] = weeks;
    ordered_json items = ordered_json::array();
    for (auto const& c : list)
        items.push_back({{"client", c.client},
                         {"client_name", c.client_name},
                         {"worker", c.worker},
                         {"placement", c.placement},
                         {"function", c.function},
                         {"on", engine::format_date(c.on)},
                         {"old_cost_cents", c.old_cost_cents},
                         {"new_cost_cents", c.new_cost_cents},
                         {"causes", causes_json(c.causes)},
                         {"uncertain", c.uncertain}});
    j["changes"] = items;
    out << j.dump(2) << "\n";
}

}  // namespace rw::adapters::presentation
