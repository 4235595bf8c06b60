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

/// A synthetic person from the same name lists (exam questions, issue 15): a Dutch name in most
/// draws, else one from an EU country, or (when `non_eu`) from a country outside the EEA.
struct person {
    std::string name;
    std::string nationality;  // ISO 3166-1 alpha-2
};
person make_person(std::uint64_t draw, bool non_eu);

/// A synthetic client name ("Kwekerij Venlo").
std::string make_client_name(std::uint64_t draw);
/// A synthetic function ("orderpicker").
std::string make_function(std::uint64_t draw);

}  // namespace rw::engine::synthetic
