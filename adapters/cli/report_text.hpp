// What the commands share besides the presentation layer: the reference date (--at) and the
// language option; terminal_safe and column come from the presentation layer.
#pragma once

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/messages.hpp"
#include "rw/engine/engine.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace rw::cli {

using rw::adapters::presentation::column;
using rw::adapters::presentation::terminal_safe;

/// Today's date (the default reference date).
engine::day today();
/// Parses --at; throws CLI::ValidationError on a bad date.
engine::day parse_at(std::string const& at);
/// The check of every --at option: given, it must not be empty (leaving it out means today).
extern CLI::Validator const non_empty_date;
/// The language of a --lang value (checked by CLI11 against nl|en before it gets here).
rw::adapters::presentation::language language_of(std::string const& lang);

}  // namespace rw::cli
