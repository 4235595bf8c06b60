// Presentation helpers (see report_text.hpp).
#include "report_text.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace rw::cli {

engine::day today() { return date::floor<date::days>(std::chrono::system_clock::now()); }

engine::day parse_at(std::string const& at) {
    if (at.empty()) return today();
    auto d = engine::parse_date(at);
    if (!d) throw CLI::ValidationError("--at", "'" + at + "' is not a date (YYYY-MM-DD)");
    return *d;
}

CLI::Validator const non_empty_date(
    [](std::string& s) {
        return s.empty() ? std::string("an empty date: give YYYY-MM-DD, or leave --at out for today") : std::string();
    },
    "DATE");

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + len > s.size()) len = 1;
        std::uint32_t cp = c;
        if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
        if (len == 3)
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        bool bad = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (len == 1 && c >= 0x80) ||  // C0, DEL, C1, stray bytes
                   (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
                   cp == 0x061C;  // bidi embeddings, overrides, isolates and marks
        if (bad) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(s, i, len);
        }
        i += len;
    }
    return out;
}

std::string kind_label(engine::finding_kind k, std::string const& lang) {
    if (lang == "en") return engine::to_string(k);
    return engine::dutch_name(k);
}

std::string explanation_text(engine::explanation_line const& l, std::string const& lang) {
    bool en = lang == "en";
    std::string s;
    if (l.kind == "rule") s = (en ? "rule " : "regel ") + l.name + " (" + l.value + "), " + l.detail;
    else if (l.kind == "fact") s = (en ? "fact " : "feit ") + l.name + " = " + l.value;
    else if (l.kind == "parameter" || l.kind == "table") {
        std::string when = l.when.empty() ? "" : (en ? "on " : "op ") + l.when;
        if (l.more_days > 0)
            when += (en ? " and " : " en ") + std::to_string(l.more_days) + (en ? " other days" : " andere dagen");
        s = (l.kind == "parameter" ? std::string("parameter ") : std::string(en ? "table " : "tabel ")) + l.name + " = " + l.value +
            " (" + (when.empty() ? "" : when + "; ") + l.detail + ")";
    }
    else if (l.kind == "condition") s = l.name + " " + l.detail + "  =>  " + (l.value.empty() ? "leeg" : l.value);
    else s = l.name + ": " + l.detail;
    return s;
}

nlohmann::ordered_json finding_json(engine::finding const& f, std::string const& lang, bool explain) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    if (!f.variant.empty()) j["variant"] = f.variant;
    j["kind"] = engine::to_string(f.kind);
    j["worker"] = f.worker.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.worker);
    j["contract"] = f.contract.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.contract);
    j["placement"] = f.placement.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.placement);
    j["due"] = f.due ? nlohmann::ordered_json(engine::format_date(*f.due)) : nlohmann::ordered_json();
    j["overdue"] = f.overdue;
    j["uncertain"] = f.uncertain;
    j["message"] = lang == "en" ? f.message_en : f.message_nl;
    j["advice"] = lang == "en" ? f.advice_en : f.advice_nl;
    j["citations"] = f.citations;
    if (explain) {
        auto& e = j["explanation"] = nlohmann::ordered_json::array();
        for (auto const& l : f.explanation)
            e.push_back({{"kind", l.kind}, {"name", l.name}, {"value", l.value}, {"detail", l.detail}, {"uncertain", l.uncertain},
                         {"on", l.when}, {"more_days", l.more_days}});
    }
    return j;
}

std::string column(std::string const& raw, std::size_t width) {
    std::string const s = terminal_safe(raw);
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (chars + 1 > width) break;
        out.append(s, i, len);
        i += len;
        ++chars;
    }
    out.append(width - chars, ' ');
    return out;
}

}  // namespace rw::cli
