// Reading the body of a dossier (agency, clients, workers) from a mapping: shared by the dossier
// reader and the case reader (a case embeds a dossier without its `format:` line).
#pragma once

#include "node_reader.hpp"

namespace rw::adapters::yaml::detail {

/// Reads agency/clients/workers from `map` (which may hold other keys the caller checks).
/// Returns the dossier; the caller decides by diags.has_errors() whether to use it.
engine::dossier read_dossier_body(node_reader& r, YAML::Node const& map, std::string const& path);

}  // namespace rw::adapters::yaml::detail
