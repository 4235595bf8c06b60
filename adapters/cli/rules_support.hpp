// Finding and binding the rule files for the commands that need them.
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/engine.hpp"

#include <memory>
#include <string>
#include <vector>

namespace rw::cli {

/// The rules folder: --rules, else $RW_RULES, else the checkout's rules/ (compiled in).
std::string default_rules_dir();

/// Every *.rw file under `path` (or `path` itself), sorted.
std::vector<std::string> rule_files(std::string const& path);

/// Loads, parses and binds; prints diagnostics to stderr and returns null on any error.
std::shared_ptr<engine::program const> load_rules(std::string const& path, bool gnu_diagnostics = false);

}  // namespace rw::cli
