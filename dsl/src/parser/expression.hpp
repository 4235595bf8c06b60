// The expression grammar: declaration of the rule (defined in expression_def.hpp).
#pragma once

#include "config.hpp"
#include "rw/dsl/ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rw::dsl::parser {

struct expression_class;
using expression_type = x3::rule<expression_class, ast::expr>;
BOOST_SPIRIT_DECLARE(expression_type)

struct date_class;
using date_type = x3::rule<date_class, ast::date_literal>;
BOOST_SPIRIT_DECLARE(date_type)

struct text_class;
using text_type = x3::rule<text_class, ast::text_literal>;
BOOST_SPIRIT_DECLARE(text_type)

struct primary_class;
using primary_type = x3::rule<primary_class, ast::expr>;
BOOST_SPIRIT_DECLARE(primary_type)

expression_type const& expression();
date_type const& date_lit();
text_type const& text_lit();
primary_type const& primary_expr();

}  // namespace rw::dsl::parser
