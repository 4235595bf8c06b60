// The expression evaluator (private to the engine): nodes, facts with default logic, dated
// parameters with exceptions, tables.
#pragma once

#include "context.hpp"

namespace rw::engine {

value eval(eval_context& ctx, std::uint32_t node);
value eval_fact(eval_context& ctx, std::uint16_t fact);
/// A parameter's value in force on `d`, with its arguments (for exceptions' conditions).
value param_at(eval_context& ctx, std::uint16_t param, day d, value const* args, std::size_t nargs);
/// A table's value in force on `d` for its keys (one per key the table declares).
value table_at(eval_context& ctx, std::uint16_t table, value const* keys, std::size_t nkeys, day d);
/// Days on which a parameter's value may change (version starts, exception starts and ends + 1).
std::vector<day> param_breakpoints(parameter_info const& p);

}  // namespace rw::engine
