// A deterministic synthetic agency (regelwerk generate): Dutch, EU and non-EU workers with 1-12
// contracts from 2019 to the reference date, consistent worked weeks, placements at a few hundred
// clients (some with strikes), sickness at every stage, expiring IDs and permits, rejected
// applicants. Each worker depends only on (seed, index): workers can be generated in any order.
#pragma once

#include "rw/engine/model.hpp"

#include <cstdint>

namespace rw::engine::synthetic {

struct settings {
    std::uint64_t seed = 1;
    day reference;
    cao_kind cao = cao_kind::abu;
    int clients = 300;
};

agency make_agency(settings const& s);
std::vector<client> make_clients(settings const& s);
worker make_worker(settings const& s, std::vector<client> const& clients, std::size_t index);

}  // namespace rw::engine::synthetic
