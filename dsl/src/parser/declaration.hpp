// The declaration grammar: one top-level declaration (bron, parameter, tabel, feit, regel).
#pragma once

#include "config.hpp"
#include "rw/dsl/ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rw::dsl::parser {

struct declaration_class;
using declaration_type = x3::rule<declaration_class, ast::declaration>;
BOOST_SPIRIT_DECLARE(declaration_type)

declaration_type const& declaration();

}  // namespace rw::dsl::parser
