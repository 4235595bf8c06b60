// The type system of the rules language: scalars (dates, three distinct duration units, money,
// numbers, booleans, text), enumerations, entities of the dossier (and computed records), lists and
// dated parameter series. Comparing 1 month with 30 days is a type error: units never mix.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rw::engine {

enum class type_kind : std::uint8_t {
    error,  // after a reported error: suppresses follow-up errors
    empty,  // the literal `leeg`: fits any type
    boolean,
    number,
    money,
    date,
    days,
    weeks,
    months,
    text,
    enumeration,
    entity,
    week,    // an ISO week (an element of a week list)
    list,    // of elem
    series,  // a dated parameter passed whole to a primitive (of elem)
    table,   // a dated table passed whole to a primitive
    percentage,  // 7,45 %: millionths of one, so that money x percentage stays exact in integers
};

enum class enum_id : std::uint16_t {
    none, contract_kind, fase, cao, document, permit, status, ended_by, labels,
    prior_kind,  // v1.1: werkgeversoort of eerder_werk (agency | client | other)
    shift,       // v1.1: dienst (dag | avond | nacht | weekend)
    count
};
enum class entity_id : std::uint16_t {
    none,
    werker,
    bureau,
    contract,
    plaatsing,
    ziekte,
    klant,
    staking,
    referentieloon,
    identiteit,
    vergunning,
    sollicitatie,
    fasering,  // computed: the phase timeline of a worker
    keten,     // computed: one chain of contracts (7:668a)
    ziektegeval,  // computed: periods of sickness added together (ZW art. 29, BW 7:629 lid 10)
    eerder_werk,  // v1.1: work before this agency (prior_employment)
    taak,         // v1.1: evidence that a task was done (tasks_done)
    // Matching (issue 12): only criteria (criterium) see a vacancy.
    vacature,     // a client order (vacancy)
    eisen,        // its must-haves
    wensen,       // its nice-to-haves
    certificaat,  // a certificate of a candidate (application)
    count
};

struct type {
    type_kind kind = type_kind::error;
    std::uint16_t sub = 0;                    // enum_id / entity_id
    type_kind elem = type_kind::error;        // for list and series
    std::uint16_t elem_sub = 0;

    static type of(type_kind k, std::uint16_t s = 0) { return {k, s, type_kind::error, 0}; }
    static type enumeration(enum_id e) { return {type_kind::enumeration, static_cast<std::uint16_t>(e), type_kind::error, 0}; }
    static type entity(entity_id e) { return {type_kind::entity, static_cast<std::uint16_t>(e), type_kind::error, 0}; }
    static type list_of(type t) { return {type_kind::list, 0, t.kind, t.sub}; }
    static type series_of(type t) { return {type_kind::series, 0, t.kind, t.sub}; }
    type element() const { return {elem, elem_sub, type_kind::error, 0}; }
    bool is_duration() const { return kind == type_kind::days || kind == type_kind::weeks || kind == type_kind::months; }
    friend bool operator==(type const&, type const&) = default;
};

/// "weken", "lijst van contract", "enumeratie fase" ... for messages.
std::string type_name(type t);
/// Parses a type name of the language (datum, weken, lijst van tekst ...).
bool type_from_name(std::string const& name, bool list, type& out);

/// Enumerations: their names and members (members use the dossier format's spelling).
std::string const& enum_name(enum_id e);
std::vector<std::string> const& enum_members(enum_id e);
/// The member index, or -1.
int enum_member(enum_id e, std::string const& member);

std::string const& entity_name(entity_id e);

/// A field of an entity: its name in the language and its type.
struct field_info {
    std::string name;
    type t;
    std::uint16_t index;  // per entity, dispatched by the evaluator
    /// Matching (issue 12): the protected ground this field reveals (AWGB art. 1, AVG art. 9), or
    /// null. A criterion (criterium) may not read it; rules (regel) may.
    char const* ground = nullptr;
};
std::vector<field_info> const& entity_fields(entity_id e);
field_info const* find_field(entity_id e, std::string const& name);

}  // namespace rw::engine
