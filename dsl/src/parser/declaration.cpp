// Instantiation of the declaration grammar (a slow translation unit; rarely changes).
#include "declaration_def.hpp"

namespace rw::dsl::parser {

BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)

declaration_type const& declaration() { return declaration_rule; }

}  // namespace rw::dsl::parser
