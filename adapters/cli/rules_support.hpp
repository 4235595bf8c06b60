// Finding and binding the rule files for the commands that need them.
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/engine.hpp"
#include "rw/engine/examen.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rw::cli {

/// The rules folder: --rules, else $RW_RULES, else the checkout's rules/ (compiled in).
std::string default_rules_dir();

/// Every *.rw file under `path` (or `path` itself), sorted.
std::vector<std::string> rule_files(std::string const& path);

/// Override files: --override FILE (repeatable), plus $RW_OVERRIDES (colon-separated).
std::vector<std::string>& override_files();
/// Adds --rules and --override to a command.
void add_rules_options(CLI::App* cmd, std::string& rules);

/// Loads, parses and binds (with the override files); prints diagnostics to stderr and returns
/// null on any error.
std::shared_ptr<engine::program const> load_rules(std::string const& path, bool gnu_diagnostics = false);

/// The exam's misconceptions (issue 15): the rulebook bound once more per file in `dir`
/// (overrides/examen/*.rw over it); prints diagnostics and returns nullopt on any error.
std::optional<engine::examen::misconception_programs> load_misconceptions(std::string const& rules, std::string const& dir);

}  // namespace rw::cli
