// Escaping for terminals, CSV and HTML (see escape.hpp).
#include "rw/adapters/presentation/escape.hpp"

#include <cstdint>
#include <cstdio>

namespace rw::adapters::presentation {

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

std::string csv_field(std::string const& raw, char sep) {
    bool formula = !raw.empty() && std::string("=+-@\t\r").find(raw.front()) != std::string::npos;
    std::string const s = formula ? "'" + raw : raw;
    if (!formula && s.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace rw::adapters::presentation
