// The fields of every entity: one table with names, types and accessors, shared by the binder
// (names and types) and the evaluator (accessors), so the two cannot drift apart.
#pragma once

#include "rw/engine/types.hpp"
#include "rw/engine/value.hpp"

#include <vector>

namespace rw::engine {
struct eval_context;
namespace detail {

using field_getter = value (*)(void const* entity, eval_context& ctx);

struct entity_field_table {
    std::vector<field_info> infos;
    std::vector<field_getter> getters;
};

entity_field_table const& field_table(entity_id e);

/// Fields of an ISO week value: maandag, zondag, code.
field_info const* find_week_field(std::string const& name);
value week_field(std::uint16_t index, value const& week, eval_context& ctx);

}  // namespace detail
}  // namespace rw::engine
