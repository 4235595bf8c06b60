// Shared presentation of findings for the terminal and JSON (advise, actions, audit).
#pragma once

#include "rw/engine/engine.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace rw::cli {

/// Today's date (the default reference date).
engine::day today();
/// Parses --at; throws CLI::ValidationError on a bad date.
engine::day parse_at(std::string const& at);
/// The check of every --at option: given, it must not be empty (leaving it out means today).
extern CLI::Validator const non_empty_date;
/// Text from the data (names, ids, messages) made safe for a terminal: control characters and
/// bidirectional overrides (which can make a line read differently from what it holds) are shown
/// as <U+XXXX> instead of being sent to the terminal.
std::string terminal_safe(std::string_view s);

nlohmann::ordered_json finding_json(engine::finding const& f, std::string const& lang, bool explain);
std::string kind_label(engine::finding_kind k, std::string const& lang);
std::string explanation_text(engine::explanation_line const& l, std::string const& lang);
/// Pads or cuts to a width in characters, not bytes (UTF-8), so that names like Wiśniewski align.
std::string column(std::string const& s, std::size_t width);

}  // namespace rw::cli
