// Reading regelwerk/case-1 files (../shared/spec/case-format.md).
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/casefile.hpp"

#include <optional>

namespace rw::adapters::yaml {

inline constexpr char const* case_format = "regelwerk/case-1";

/// What a YAML file declares itself to be, from its `format:` line, without a full read.
enum class document_kind { dossier, case_file, unknown };
document_kind sniff_format(dsl::source_ptr const& src);

/// Reads a case; errors go to `diags` and the case is returned only when there is none.
std::optional<engine::case_file> read_case(dsl::source_ptr const& src, dsl::diagnostics& diags);

/// Writes a case (id, title, reference date, source, tags, dossier, facts, findings, absent,
/// exactly) as a regelwerk/case-1 document that read_case accepts. Matching and scenario
/// expectations are not written (exam questions, issue 15, have none).
std::string write_case(engine::case_file const& c);

}  // namespace rw::adapters::yaml
