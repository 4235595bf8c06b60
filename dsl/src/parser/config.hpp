// The only place that spells the parser's iterator and context types (x3_fun's config.hpp).
#pragma once

#include "skipper.hpp"

#include <boost/spirit/home/x3.hpp>

namespace rw::dsl::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;
using context_type = x3::phrase_parse_context<skipper_parser>::type;

}  // namespace rw::dsl::parser
