// The binder pass: surface AST -> program (see binder.cpp).
#pragma once

#include "rw/dsl/ast.hpp"
#include "rw/engine/program.hpp"

namespace rw::engine {

void bind_files(std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& files,
                std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& overrides, program& prog, dsl::diagnostics& diags);

}  // namespace rw::engine
