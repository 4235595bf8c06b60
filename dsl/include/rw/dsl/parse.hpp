// Parsing a rules file: text -> surface AST. No X3 type leaks into this header.
#pragma once

#include "rw/dsl/ast.hpp"
#include "rw/dsl/diagnostic.hpp"
#include "rw/dsl/source.hpp"

namespace rw::dsl {

/// Parses every declaration of a file. Syntax errors go to `diags` (every one, not only the first:
/// after an error the parser resumes at the next line that starts a declaration); the declarations
/// that parsed are returned.
ast::file parse(source_ptr const& src, diagnostics& diags);

/// Parses one expression (message placeholders, tests). Errors go to `diags`.
ast::expr parse_expression(source_ptr const& src, diagnostics& diags);
/// Parses the expression in the byte range [begin, end) of a source (a {placeholder} inside a
/// message), so that spans point into the original file.
ast::expr parse_expression(source_ptr const& src, std::uint32_t begin, std::uint32_t end, diagnostics& diags);

}  // namespace rw::dsl
