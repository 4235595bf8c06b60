// The domain model: plain types for what an agency knows (dossier-format.md, regelwerk/dossier-1).
// The store keeps what happened; phases, chains, deadlines and findings are derived by the engine.
#pragma once

#include "rw/engine/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rw::engine {

using opt_day = std::optional<day>;

enum class cao_kind { abu, nbbu, none };
enum class phase_labels { letters, numbers };
enum class document_kind { passport, id_card, residence_document, driving_licence, other };
enum class permit_kind { twv, gvva, residence_free, student, temporary_protection_ua };
enum class contract_kind { uitzendbeding, bepaalde_tijd, onbepaalde_tijd, oproep };
enum class ended_by_kind { client_request, employer, employee, agreement, expiry };
enum class application_status { active, placed, rejected, withdrawn };
// v1.1 (dossier-format.md, "Additions in v1.1")
enum class prior_employer_kind { agency, client, other };
enum class shift_kind { dag, avond, nacht, weekend };  // nacht: any work between 23:00 and 06:00
enum class vacancy_status { open, filled, cancelled };

/// v1.1: a WGS84 latitude or longitude in units of 1e-7 degree (exact for the written decimals).
struct coordinate {
    std::int64_t e7 = 0;
    friend auto operator<=>(coordinate const&, coordinate const&) = default;
};
/// "52.2215" / "-6.9" / "7"; at most 7 decimals; nullopt for junk. The caller checks the range.
std::optional<coordinate> parse_coordinate(std::string_view text);
/// Shortest decimal text that parses back to the same value ("52.2215").
std::string format_coordinate(coordinate c);

/// v1.1: an office of the agency (access rights in a multi-user setting).
struct office {
    std::string id;
    std::string name;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct agency {
    std::string name;
    cao_kind cao = cao_kind::abu;
    phase_labels labels = phase_labels::letters;
    opt_day lender_registered_from;  // Waadi art 7a; null = not registered
    opt_day wtta_admitted_from;      // Wtta admission; null = not admitted
    bool ziektewet_erd = false;      // eigenrisicodrager Ziektewet
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    // v1.1
    std::vector<office> offices;
};

/// A closed period [from, to], both inclusive (strikes).
struct period {
    day from;
    day to;
};

struct reference_wage {
    std::string function;
    money hourly;
    day from;
};

/// v1.1: must-haves of a vacancy (without them a candidate is not a match).
struct vacancy_requirements {
    std::vector<std::string> certificates;
    std::vector<std::string> licences;
    std::vector<std::string> languages;
    std::vector<std::string> skills;
    std::optional<std::string> education_level;
    std::optional<std::string> text;  // free text (checked for discriminatory wording by matching)
};

/// v1.1: nice-to-haves of a vacancy, scored by matching.
struct vacancy_wishes {
    std::vector<std::string> skills;
    std::vector<std::string> certificates;
    std::vector<std::string> languages;
};

/// v1.1: a client order, for matching. Not exposed to rules.
struct vacancy {
    std::string id;
    std::string function;              // free text
    std::optional<std::string> code;   // ISCO-08 or ESCO code
    day start;
    opt_day end;                       // null = open-ended
    std::optional<decimal> hours_per_week;
    std::optional<std::vector<shift_kind>> shifts;  // null = not given
    std::optional<money> hourly_wage;
    std::optional<std::string> place;
    std::optional<coordinate> lat;
    std::optional<coordinate> lon;
    vacancy_requirements requirements;
    vacancy_wishes wishes;
    vacancy_status status = vacancy_status::open;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct client {
    std::string id;
    std::string name;
    std::vector<period> strikes;
    std::vector<reference_wage> reference_wages;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    // v1.1
    std::vector<vacancy> vacancies;
};

struct identity {
    std::optional<document_kind> document;
    std::optional<std::string> number;
    opt_day expires;
    opt_day checked_on;
    std::optional<bool> copy_kept;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct work_permit {
    permit_kind kind = permit_kind::twv;
    opt_day valid_from;
    opt_day valid_until;
    opt_day notified_on;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct contract {
    std::string id;
    contract_kind kind = contract_kind::uitzendbeding;
    day start;
    opt_day end;  // agreed end
    std::optional<decimal> hours_per_week;
    std::optional<int> probation_months;
    opt_day renewal_notice_on;
    opt_day ended_on;  // actual end if earlier than `end`
    std::optional<ended_by_kind> ended_by;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    /// v1.1: when the contract was agreed; null = not recorded (the engine then takes `start`).
    opt_day concluded_on;

    /// The day the contract was concluded: concluded_on, defaulting to start (dossier-format v1.1).
    day concluded() const { return concluded_on ? *concluded_on : start; }

    /// The contract's end in the catalogue's sense: ended_on if set, else end (null = open).
    opt_day effective_end() const { return ended_on ? ended_on : end; }
};

struct placement {
    std::string id;
    std::string contract;  // contract id within the same worker
    std::string client;    // client id
    std::optional<std::string> function;
    day start;
    opt_day end;
    std::optional<money> hourly_wage;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    /// v1.1: shifts worked; nullopt = unknown (no shift rule can fire), distinct from an empty list.
    std::optional<std::vector<shift_kind>> shifts;
};

/// ISO weeks, stored as an inclusive range of Mondays (a single week has first == last).
struct week_range {
    iso_week first;
    iso_week last;
    friend bool operator==(week_range const&, week_range const&) = default;
};

struct sickness_steps {
    opt_day bedrijfsarts_melding;
    opt_day probleemanalyse;
    opt_day plan_van_aanpak;
    opt_day uwv_ziekmelding;
    opt_day eerstejaarsevaluatie;
    opt_day wia_aanvraag;
};

struct sickness {
    day first_day;
    opt_day recovered_on;
    sickness_steps steps;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

/// v1.1: work before this agency that may count (opvolgend werkgeverschap). No id: records are
/// kept in the order given.
struct prior_employment {
    std::string employer;
    prior_employer_kind kind = prior_employer_kind::other;
    std::optional<std::string> client;  // a client id of this agency (must resolve when given)
    day start;
    opt_day end;                        // null = not known
    std::optional<bool> same_work;      // null = not known
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct certificate {
    std::string name;
    opt_day valid_until;
};

struct application {
    application_status status = application_status::active;
    opt_day closed_on;
    std::optional<bool> retention_consent;
    std::vector<std::string> skills;
    std::vector<certificate> certificates;
    std::optional<std::string> education_level;
    std::vector<std::string> languages;
    std::optional<std::string> postcode;
    std::optional<decimal> available_hours_per_week;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    // v1.1
    std::vector<std::string> licences;                // B, C, CE, heftruck, reachtruck, ...
    std::optional<std::vector<shift_kind>> shifts;    // shifts the candidate will work; null = not given
    opt_day available_from;
    std::optional<decimal> max_travel_km;
    std::optional<std::string> place;
    std::optional<coordinate> lat;
    std::optional<coordinate> lon;
    std::vector<std::string> preferred_functions;
};

/// v1.1: evidence that a guidance task was done (the task ids are the project's).
struct task_done {
    std::string task;
    std::optional<std::string> placement;  // a placement id of the same worker (must resolve when given)
    day on;
    std::optional<std::string> by;
    std::optional<std::string> how;
    std::optional<std::string> note;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
};

struct worker {
    std::string id;
    std::string name;
    opt_day birth_date;
    std::optional<std::string> nationality;  // ISO 3166-1 alpha-2
    std::optional<identity> ident;
    std::optional<work_permit> permit;
    std::vector<contract> contracts;
    std::vector<placement> placements;
    std::vector<week_range> worked_weeks;
    std::vector<week_range> paid_holiday_weeks;
    std::vector<sickness> sicknesses;
    std::optional<application> appl;
    /// Free-form `extra:` block, kept verbatim as JSON text by the adapters (never interpreted).
    std::optional<std::string> extra_json;
    // v1.1
    std::vector<prior_employment> prior_employments;
    std::optional<std::string> language;  // for texts meant for the worker: nl | en | pl | ro | ...
    std::vector<task_done> tasks_done;
    /// The dossier keeps guidance evidence for this worker (`tasks_done` given, possibly empty).
    /// Without it guidance is unknown, as an absent shift list is: no guidance task can fall due
    /// (dossier-format v1.1: a v1 file means the same).
    bool tasks_recorded = false;
};

/// A row of the store that could not be read as it should (an impossible date, a dangling id).
/// The audit reports it as a data-quality finding instead of stopping.
struct data_issue {
    std::string worker_id;  // empty for agency/client rows
    std::string table;
    std::string record;  // the row's key, e.g. "C3"
    std::string message;
};

struct dossier {
    agency agency_info;
    std::vector<client> clients;
    std::vector<worker> workers;
};

// Names of the enumerations exactly as the dossier format spells them.
char const* to_string(cao_kind v);
char const* to_string(phase_labels v);
char const* to_string(document_kind v);
char const* to_string(permit_kind v);
char const* to_string(contract_kind v);
char const* to_string(ended_by_kind v);
char const* to_string(application_status v);
char const* to_string(prior_employer_kind v);
char const* to_string(shift_kind v);
char const* to_string(vacancy_status v);

/// Parses an enumeration value by its dossier-format name; nullopt when unknown.
template <typename Enum>
std::optional<Enum> enum_from_string(std::string_view s);

/// All names of an enumeration, in declaration order (for error messages and suggestions).
template <typename Enum>
std::vector<std::string> enum_names();

/// Education levels of the application block: none | vmbo | mbo-1 .. mbo-4 | hbo | wo.
bool is_education_level(std::string_view s);

}  // namespace rw::engine
