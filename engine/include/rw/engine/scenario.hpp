// Scenarios: what a hypothetical contract and placement would cause for a worker.
//
// A scenario separates two days that an ordinary evaluation takes as one:
//   - `known_until`, the reference date: the dossier is known up to it and nothing after it (no
//     worked week, sickness report or recorded step after it is used);
//   - the horizon [from, to]: the period simulated. On each day that matters in it the rulebook is
//     evaluated as if that day were "today", with the weeks from known_until on projected as worked
//     wherever a contract (the worker's own or the hypothetical one) covers them.
// What the placement causes is what the rulebook concludes with it and not without it, on the same
// day. Matching (every day of an assignment), the tariff's re-quote list and "what if this bill
// passes" (the same scenario under a program bound with an override) use this.
#pragma once

#include "rw/engine/engine.hpp"

#include <functional>
#include <string>
#include <vector>

namespace rw::engine {

struct scenario {
    std::string worker;  // the worker's id in the dossier
    day known_until;     // the reference date
    day from, to;        // the horizon (inclusive)
    std::vector<contract> contracts;    // hypothetical, added to the worker's dossier
    std::vector<placement> placements;  // hypothetical; their `contract` names one of the worker's or a hypothetical contract
};

/// A day on which the rulebook was evaluated, and why that day matters.
struct scenario_day {
    day on;
    std::vector<std::string> why;  // "begin", "einde", "parameter wml.uurloon", "verjaardag", "termijn ...", ...
};

/// A finding the hypothetical causes: present with it and absent without it, on `first_day` and
/// on every evaluated day listed in `days`. The finding is as produced on its first day.
struct scenario_effect {
    finding f;
    day bites_on;                // its due date (the breach, the deadline) when in the horizon; else first_day
    day first_day;               // the first evaluated day on which it was caused
    day last_day;                // the last evaluated day on which it was present
    std::vector<day> days;       // every evaluated day on which it was caused
};

struct scenario_result {
    std::vector<scenario_day> days;       // in order
    std::vector<scenario_effect> caused;  // in order of first day, then rule
    /// The worker's facts with the hypothetical, per evaluated day (same order as `days`).
    std::vector<std::vector<fact_value>> facts;
    /// The evaluation stopped after the first day on which a caused finding met the caller's
    /// `stop_when` (later days were not evaluated).
    bool stopped = false;
};

/// The last day simulated for a hypothetical that starts on `start` and ends on `end`: the end,
/// or for an open end one year (a computation bound of the tool, not a legal term).
inline day horizon_end(day start, opt_day end) { return end ? *end : add_months(start, 12); }

/// The days in [s.from, s.to] on which an evaluation may change: the horizon's ends; the days a
/// parameter, table or rule version begins or a day after it ends; birthdays; every date of the
/// worker's (augmented) dossier and of its clients' strikes and reference wages, and the day after;
/// and every Monday (rules that count worked weeks change on a week's first day).
/// Dates the rules compute (a phase transition, a due date) are added while evaluating.
std::vector<scenario_day> scenario_days(program const& prog, dossier const& d, worker const& augmented, scenario const& s);

/// The worker with the scenario's contracts and placements added (ids must not clash; a clash or an
/// unknown worker throws std::invalid_argument with the reason). `base` (when given) is the
/// scenario's worker in `d`, found by the caller.
worker augmented_worker(dossier const& d, scenario const& s, worker const* base = nullptr);

/// What a caller that evaluates many scenarios over one dossier (matching: one per candidate) looks
/// up once: the scenario's worker in the dossier and an index of its clients. Both optional.
struct scenario_lookup {
    worker const* base = nullptr;
    client_index const* clients = nullptr;
};

/// Evaluates the scenario: the worker with and without the hypothetical, on each day that matters,
/// with everything known up to s.known_until. `opts.explain` and `opts.lang` are honoured; listing
/// windows cover the whole horizon (an action due before s.to is listed on every day before it).
///
/// What is caused is decided per day by comparing the findings with and without the hypothetical.
/// `fast` (the default) evaluates the worker without it only for the rules whose findings with it
/// could be there too (not those about a hypothetical contract or placement: their ids are new),
/// without texts or facts; `exhaustive` evaluates everything on both sides, as defined above. Both
/// give the same result (tests/match2.cmake compares them on the casebase and a generated agency).
enum class scenario_check : std::uint8_t { fast, exhaustive };
/// `stop_when` (optional): once a day has caused a finding for which it returns true, the days
/// after it are not evaluated (matching's top N needs one block of a candidate, not every one).
using scenario_stop = std::function<bool(finding const&)>;
scenario_result evaluate_scenario(evaluator& ev, dossier const& d, scenario const& s, evaluation_options opts = {},
                                  scenario_check check = scenario_check::fast, scenario_stop const& stop_when = {},
                                  scenario_lookup const& lookup = {});

}  // namespace rw::engine
