// Operator logs (spdlog, stderr). Diagnostics for users never go through here. Never log a BSN,
// an ID number or a name above debug level.
#pragma once

#include <string>

namespace rw::adapters::logging {

/// Creates the named loggers ("cli", "store", "engine") on one stderr sink at `level`
/// (trace|debug|info|warn|error|off); returns false for an unknown level name.
bool setup(std::string const& level);

}  // namespace rw::adapters::logging
