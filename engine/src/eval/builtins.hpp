// The primitives the rules language can call (registry: names, parameters, result types).
#pragma once

#include "context.hpp"

#include <string>
#include <vector>

namespace rw::engine {

struct builtin_param {
    std::string name;
    type t;  // entity(none) = any entity with a period; series/table of the element type
    bool optional = false;
};

struct builtin {
    std::string name;
    std::vector<builtin_param> params;
    type result;
    value (*fn)(eval_context&, value const* args);
    std::string doc;
};

std::vector<builtin> const& builtin_table();
int find_builtin(std::string const& name);

}  // namespace rw::engine
