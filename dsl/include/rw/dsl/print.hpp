// The canonical printer (`regelwerk rules fmt`) and a structural dump (golden files, --dump=ast).
// Invariant, tested: parse(print(ast)) has the same dump as ast.
#pragma once

#include "rw/dsl/ast.hpp"

#include <string>

namespace rw::dsl {

/// Canonical source text: one clause per line, four-space indent, minimal parentheses.
std::string print(ast::file const& f);
std::string print(ast::expr const& e);

/// Fully parenthesised S-expression of every field (no positions): two ASTs are equal iff their
/// dumps are equal.
std::string dump(ast::file const& f);
std::string dump(ast::expr const& e);

}  // namespace rw::dsl
