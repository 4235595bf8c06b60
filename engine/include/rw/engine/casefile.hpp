// A case (regelwerk/case-1, ../shared/spec/case-format.md): a dossier, a reference date and what
// the law says follows. Pure data; the YAML adapter reads it, case_verify.hpp checks it.
#pragma once

#include "rw/dsl/source.hpp"
#include "rw/engine/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rw::engine {

struct fact_expectation {
    std::optional<std::string> worker;
    std::string fact;
    std::string value;  // as written; compared after normalisation
    dsl::span where;
};

/// A finding a case expects (or forbids). Fields other than worker and rule are optional.
struct finding_expectation {
    std::optional<std::string> worker;  // none: an agency-level finding
    std::string rule;
    std::optional<std::string> kind;
    std::optional<day> due;
    std::optional<std::string> contract;
    std::optional<std::string> placement;
    /// Project extension (casebase/README.md): still to do on the reference date, i.e. on the work
    /// list (engine::finding::open). Absent: not compared.
    std::optional<bool> open;
    dsl::span where;
};

/// v1.1 (case-format.md, "matching expectations"): what matching must conclude for a vacancy.
/// `case verify` runs matching (matching.hpp) on the reference date and checks it (issue 12).
struct match_blocked {
    std::string worker;
    std::string rule;
    dsl::span where;
};
struct match_expectation {
    std::string vacancy;
    std::vector<match_blocked> blocked;
    std::optional<std::vector<std::string>> eligible;  // exactly these may be placed (order free)
    std::optional<std::vector<std::string>> top;       // the ranking's first entries, in order
    dsl::span where;
};

/// regelwerk extension (casebase/README.md, "Scenarios"): some contracts and placements of one
/// worker in the dossier are hypothetical. The case's other expectations are about the dossier
/// without them; `caused` and `not_caused` about what adding them would cause (scenario.hpp).
struct scenario_expectation {
    std::string rule;
    std::optional<std::string> kind;
    std::optional<day> on;  // the day it bites (scenario_effect::bites_on)
    std::optional<std::string> contract;
    std::optional<std::string> placement;
    dsl::span where;
};
struct scenario_case {
    std::string worker;
    std::vector<std::string> contracts;   // ids of the worker's contracts that are hypothetical
    std::vector<std::string> placements;  // ids of the worker's placements that are hypothetical
    std::optional<day> from, to;          // the horizon; default: the hypothetical placements' period
    std::vector<scenario_expectation> caused, not_caused;
    dsl::span where;
};

/// regelwerk extension (casebase/README.md, "Tariffs", issue 14): a quote computed from the
/// rulebook's `tarief` declaration and what it must give. Amounts as written ("15.00").
struct tariff_case {
    std::string name = "kostprijs";
    std::optional<day> at;  // default: the reference date
    std::vector<std::pair<std::string, std::string>> inputs;  // the tariff's arguments, as text
    std::optional<std::string> margin, factor;                 // "20%", "1.85"
    std::optional<std::string> client, function;               // the dossier client's reference wage
    // expectations (expect.tariff)
    std::vector<std::pair<std::string, std::string>> lines;  // line name -> amount
    std::vector<std::string> absent_lines;                    // lines that must not apply
    std::optional<std::string> cost, tariff;
    std::optional<bool> refused, uncertain;
    std::vector<std::string> refusals;  // below_cost | below_floor | no_cost, or a floor's name
    bool expected = false;              // an expect.tariff block was given
    dsl::span where;
};

struct case_file {
    std::string path;
    std::string id;
    std::string title;
    std::string source;
    std::vector<std::string> tags;
    day reference_date;
    dossier dossier_data;
    std::vector<fact_expectation> facts;
    std::vector<finding_expectation> findings;
    std::vector<finding_expectation> absent;
    bool exactly = false;
    std::vector<match_expectation> matches;  // v1.1
    std::optional<scenario_case> scenario;   // regelwerk extension
    std::optional<tariff_case> tariff;       // regelwerk extension (issue 14)
};

}  // namespace rw::engine
