// Instantiation of the expression grammar (the slow translation unit; rarely changes).
#include "expression_def.hpp"

namespace rw::dsl::parser {

BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(text_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(primary_type, iterator_type, context_type)

expression_type const& expression() { return expression_rule; }
date_type const& date_lit() { return date_rule; }
text_type const& text_lit() { return text_rule; }
primary_type const& primary_expr() { return primary_rule; }

}  // namespace rw::dsl::parser
