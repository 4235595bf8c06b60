// Names of types, enumerations and entities of the rules language.
#include "rw/engine/types.hpp"

#include "eval/fields.hpp"

#include <array>

namespace rw::engine {

namespace {
struct enum_def {
    std::string name;
    std::vector<std::string> members;
};
std::array<enum_def, static_cast<std::size_t>(enum_id::count)> const& enum_table() {
    static std::array<enum_def, static_cast<std::size_t>(enum_id::count)> const t = {{
        {"", {}},
        {"contractsoort", {"uitzendbeding", "bepaalde_tijd", "onbepaalde_tijd", "oproep"}},
        {"fase", {"A", "B", "C"}},
        {"cao", {"abu", "nbbu", "none"}},
        {"documentsoort", {"passport", "id_card", "residence_document", "driving_licence", "other"}},
        {"vergunningsoort", {"twv", "gvva", "residence_free", "student", "temporary_protection_ua"}},
        {"sollicitatiestatus", {"active", "placed", "rejected", "withdrawn"}},
        {"beeindigd_door", {"client_request", "employer", "employee", "agreement", "expiry"}},
        {"fase_labels", {"letters", "numbers"}},
        {"werkgeversoort", {"agency", "client", "other"}},
        {"dienst", {"dag", "avond", "nacht", "weekend"}},
    }};
    return t;
}
}  // namespace

std::string const& enum_name(enum_id e) { return enum_table()[static_cast<std::size_t>(e)].name; }
std::vector<std::string> const& enum_members(enum_id e) { return enum_table()[static_cast<std::size_t>(e)].members; }
int enum_member(enum_id e, std::string const& m) {
    auto const& ms = enum_members(e);
    for (std::size_t i = 0; i < ms.size(); ++i)
        if (ms[i] == m) return static_cast<int>(i);
    return -1;
}

std::string const& entity_name(entity_id e) {
    static std::array<std::string, static_cast<std::size_t>(entity_id::count)> const names = {
        "",           "werker", "bureau",     "contract",   "plaatsing",    "ziekte",   "klant",
        "staking",    "referentieloon", "identiteit", "vergunning", "sollicitatie", "fasering", "keten",
        "ziektegeval", "eerder_werk", "taak", "vacature", "eisen", "wensen", "certificaat"};
    return names[static_cast<std::size_t>(e)];
}

std::string type_name(type t) {
    switch (t.kind) {
        case type_kind::error: return "<fout>";
        case type_kind::empty: return "leeg";
        case type_kind::boolean: return "waarheid";
        case type_kind::number: return "getal";
        case type_kind::money: return "geld";
        case type_kind::date: return "datum";
        case type_kind::days: return "dagen";
        case type_kind::weeks: return "weken";
        case type_kind::months: return "maanden";
        case type_kind::text: return "tekst";
        case type_kind::enumeration: return enum_name(static_cast<enum_id>(t.sub));
        case type_kind::entity: return entity_name(static_cast<entity_id>(t.sub));
        case type_kind::week: return "week";
        case type_kind::list: return "lijst van " + type_name(t.element());
        case type_kind::series: return "reeks van " + type_name(t.element());
        case type_kind::table: return "tabel van " + type_name(t.element());
        case type_kind::percentage: return "percentage";
    }
    return "?";
}

bool type_from_name(std::string const& name, bool list, type& out) {
    static std::array<std::pair<char const*, type_kind>, 10> const scalars = {{{"datum", type_kind::date},
                                                                            {"percentage", type_kind::percentage},
                                                                            {"dagen", type_kind::days},
                                                                            {"weken", type_kind::weeks},
                                                                            {"maanden", type_kind::months},
                                                                            {"jaren", type_kind::months},
                                                                            {"getal", type_kind::number},
                                                                            {"geld", type_kind::money},
                                                                            {"waarheid", type_kind::boolean},
                                                                            {"tekst", type_kind::text}}};
    for (auto const& [n, k] : scalars)
        if (name == n) {
            out = list ? type::list_of(type::of(k)) : type::of(k);
            return true;
        }
    // An enumeration by its name (a table keyed by contract kind: soort: contractsoort).
    for (std::size_t e = 1; e < static_cast<std::size_t>(enum_id::count); ++e)
        if (name == enum_name(static_cast<enum_id>(e))) {
            type t = type::enumeration(static_cast<enum_id>(e));
            out = list ? type::list_of(t) : t;
            return true;
        }
    return false;
}

std::vector<field_info> const& entity_fields(entity_id e) { return detail::field_table(e).infos; }

field_info const* find_field(entity_id e, std::string const& name) {
    for (auto const& f : entity_fields(e))
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace rw::engine
