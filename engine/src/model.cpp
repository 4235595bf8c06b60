// Enumeration names of the domain model, exactly as the dossier format spells them.
#include "rw/engine/model.hpp"

#include <array>
#include <utility>

namespace rw::engine {

namespace {
template <typename Enum, std::size_t N>
using name_table = std::array<std::pair<Enum, char const*>, N>;

constexpr name_table<cao_kind, 3> cao_names{{{cao_kind::abu, "abu"}, {cao_kind::nbbu, "nbbu"}, {cao_kind::none, "none"}}};
constexpr name_table<phase_labels, 2> label_names{{{phase_labels::letters, "letters"}, {phase_labels::numbers, "numbers"}}};
constexpr name_table<document_kind, 5> document_names{{{document_kind::passport, "passport"},
                                                       {document_kind::id_card, "id_card"},
                                                       {document_kind::residence_document, "residence_document"},
                                                       {document_kind::driving_licence, "driving_licence"},
                                                       {document_kind::other, "other"}}};
constexpr name_table<permit_kind, 5> permit_names{{{permit_kind::twv, "twv"},
                                                   {permit_kind::gvva, "gvva"},
                                                   {permit_kind::residence_free, "residence_free"},
                                                   {permit_kind::student, "student"},
                                                   {permit_kind::temporary_protection_ua, "temporary_protection_ua"}}};
constexpr name_table<contract_kind, 4> contract_names{{{contract_kind::uitzendbeding, "uitzendbeding"},
                                                       {contract_kind::bepaalde_tijd, "bepaalde_tijd"},
                                                       {contract_kind::onbepaalde_tijd, "onbepaalde_tijd"},
                                                       {contract_kind::oproep, "oproep"}}};
constexpr name_table<ended_by_kind, 5> ended_by_names{{{ended_by_kind::client_request, "client_request"},
                                                       {ended_by_kind::employer, "employer"},
                                                       {ended_by_kind::employee, "employee"},
                                                       {ended_by_kind::agreement, "agreement"},
                                                       {ended_by_kind::expiry, "expiry"}}};
constexpr name_table<application_status, 4> status_names{{{application_status::active, "active"},
                                                          {application_status::placed, "placed"},
                                                          {application_status::rejected, "rejected"},
                                                          {application_status::withdrawn, "withdrawn"}}};
constexpr name_table<prior_employer_kind, 3> prior_kind_names{{{prior_employer_kind::agency, "agency"},
                                                             {prior_employer_kind::client, "client"},
                                                             {prior_employer_kind::other, "other"}}};
constexpr name_table<shift_kind, 4> shift_names{
    {{shift_kind::dag, "dag"}, {shift_kind::avond, "avond"}, {shift_kind::nacht, "nacht"}, {shift_kind::weekend, "weekend"}}};
constexpr name_table<vacancy_status, 3> vacancy_status_names{
    {{vacancy_status::open, "open"}, {vacancy_status::filled, "filled"}, {vacancy_status::cancelled, "cancelled"}}};

template <typename Enum, std::size_t N>
char const* name_of(name_table<Enum, N> const& t, Enum v) {
    for (auto const& [e, n] : t)
        if (e == v) return n;
    return "?";
}

template <typename Enum>
constexpr auto const& table_for() {
    if constexpr (std::is_same_v<Enum, cao_kind>) return cao_names;
    else if constexpr (std::is_same_v<Enum, phase_labels>) return label_names;
    else if constexpr (std::is_same_v<Enum, document_kind>) return document_names;
    else if constexpr (std::is_same_v<Enum, permit_kind>) return permit_names;
    else if constexpr (std::is_same_v<Enum, contract_kind>) return contract_names;
    else if constexpr (std::is_same_v<Enum, ended_by_kind>) return ended_by_names;
    else if constexpr (std::is_same_v<Enum, prior_employer_kind>) return prior_kind_names;
    else if constexpr (std::is_same_v<Enum, shift_kind>) return shift_names;
    else if constexpr (std::is_same_v<Enum, vacancy_status>) return vacancy_status_names;
    else return status_names;
}
}  // namespace

char const* to_string(cao_kind v) { return name_of(cao_names, v); }
char const* to_string(phase_labels v) { return name_of(label_names, v); }
char const* to_string(document_kind v) { return name_of(document_names, v); }
char const* to_string(permit_kind v) { return name_of(permit_names, v); }
char const* to_string(contract_kind v) { return name_of(contract_names, v); }
char const* to_string(ended_by_kind v) { return name_of(ended_by_names, v); }
char const* to_string(application_status v) { return name_of(status_names, v); }
char const* to_string(prior_employer_kind v) { return name_of(prior_kind_names, v); }
char const* to_string(shift_kind v) { return name_of(shift_names, v); }
char const* to_string(vacancy_status v) { return name_of(vacancy_status_names, v); }

template <typename Enum>
std::optional<Enum> enum_from_string(std::string_view s) {
    for (auto const& [e, n] : table_for<Enum>())
        if (s == n) return e;
    return std::nullopt;
}

template <typename Enum>
std::vector<std::string> enum_names() {
    std::vector<std::string> out;
    for (auto const& [e, n] : table_for<Enum>()) out.emplace_back(n);
    return out;
}

#define RW_INSTANTIATE_ENUM(E)                                      \
    template std::optional<E> enum_from_string<E>(std::string_view); \
    template std::vector<std::string> enum_names<E>();
RW_INSTANTIATE_ENUM(cao_kind)
RW_INSTANTIATE_ENUM(phase_labels)
RW_INSTANTIATE_ENUM(document_kind)
RW_INSTANTIATE_ENUM(permit_kind)
RW_INSTANTIATE_ENUM(contract_kind)
RW_INSTANTIATE_ENUM(ended_by_kind)
RW_INSTANTIATE_ENUM(application_status)
RW_INSTANTIATE_ENUM(prior_employer_kind)
RW_INSTANTIATE_ENUM(shift_kind)
RW_INSTANTIATE_ENUM(vacancy_status)
#undef RW_INSTANTIATE_ENUM

std::optional<coordinate> parse_coordinate(std::string_view t) {
    std::size_t i = 0;
    bool neg = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) neg = t[i++] == '-';
    std::int64_t whole = 0, frac = 0;
    std::size_t digits = 0, decimals = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
        if (digits >= 3) return std::nullopt;
        whole = whole * 10 + (t[i] - '0');
    }
    if (digits == 0) return std::nullopt;
    if (i < t.size() && t[i] == '.') {
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++decimals) {
            if (decimals >= 7) return std::nullopt;
            frac = frac * 10 + (t[i] - '0');
        }
        if (decimals == 0) return std::nullopt;
    }
    if (i != t.size()) return std::nullopt;
    for (std::size_t k = decimals; k < 7; ++k) frac *= 10;
    std::int64_t v = whole * 10000000 + frac;
    return coordinate{neg ? -v : v};
}

std::string format_coordinate(coordinate c) {
    std::int64_t v = c.e7 < 0 ? -c.e7 : c.e7;
    std::string s = (c.e7 < 0 ? "-" : "") + std::to_string(v / 10000000);
    std::string frac = std::to_string(v % 10000000);
    frac.insert(0, 7 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) s += "." + frac;
    return s;
}

bool is_education_level(std::string_view s) {
    static constexpr std::array<char const*, 8> levels = {"none",  "vmbo",  "mbo-1", "mbo-2",
                                                          "mbo-3", "mbo-4", "hbo",   "wo"};
    for (auto l : levels)
        if (s == l) return true;
    return false;
}

}  // namespace rw::engine
