// Making dossier text safe for where it is shown: a terminal, a CSV cell, an HTML page. Every
// renderer passes text from the data (names, ids, messages) through one of these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rw::adapters::presentation {

/// Text made safe for a terminal: control characters and bidirectional overrides (which can make a
/// line read differently from what it holds) are shown as <U+XXXX> instead of being sent.
std::string terminal_safe(std::string_view s);
/// Pads or cuts to a width in characters, not bytes (UTF-8), so that names like Wiśniewski align;
/// the text is made terminal-safe first.
std::string column(std::string const& s, std::size_t width);
/// One CSV field: quoted when it holds the separator, a quote or a line break; a field a
/// spreadsheet would run as a formula (= + - @ tab CR) starts with an apostrophe (OWASP "CSV
/// Injection").
std::string csv_field(std::string const& raw, char sep);
/// Text for HTML element content and attribute values: & < > " escaped.
std::string html_escape(std::string_view s);

}  // namespace rw::adapters::presentation
