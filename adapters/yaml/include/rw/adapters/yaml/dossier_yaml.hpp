// The YAML adapter for regelwerk/dossier-1 (../shared/spec/dossier-format.md): a strict reader that
// reports every error of a file at file:line:col, and a writer whose output the reader accepts.
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/model.hpp"

#include <optional>
#include <string>

namespace rw::adapters::yaml {

inline constexpr char const* dossier_format = "regelwerk/dossier-1";

/// Reads a whole dossier document. Errors and warnings go to `diags`; the dossier is returned only
/// when there is no error.
std::optional<engine::dossier> read_dossier(dsl::source_ptr const& src, dsl::diagnostics& diags);

/// Writes a dossier (every field, explicit nulls) as a regelwerk/dossier-1 document.
std::string write_dossier(engine::dossier const& d);

}  // namespace rw::adapters::yaml
