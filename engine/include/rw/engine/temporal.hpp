// Temporal primitives the rules language calls (implemented here so that rules stay short):
// counted weeks, series of contracts split by gaps, "the day after the week in which the Nth
// counted week falls", projection of future weeks, the phase timeline, and chains of contracts.
// Pure functions over the domain model; the dated numbers arrive as functions of a date.
#pragma once

#include "rw/engine/model.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace rw::engine::temporal {

/// A number that depends on the day (a dated parameter, already bound to its arguments).
using dated = std::function<std::optional<std::int64_t>(day)>;

/// Mondays of the recorded weeks with Monday <= R: worked weeks, plus paid-holiday weeks on
/// whose Monday `holiday_counts` is true. Sorted, each week once.
std::vector<day> counted_weeks(worker const& w, day R, std::function<bool(day)> const& holiday_counts);

/// Whether the days strictly between prev_end and next_start (the gap) span more than `months`
/// months: next_start > prev_end + months + 1 day (rule-catalogue "Date arithmetic", v1.1).
bool gap_exceeds(day prev_end, day next_start, std::int64_t months);

/// The first / last day of the ISO week starting on `monday` that lies in one of the worker's
/// contracts (work is only done under a contract); the Monday / Sunday when none covers the week.
day first_contract_day_in_week(worker const& w, day monday);
day last_contract_day_in_week(worker const& w, day monday);

/// How far a phase forecast projects: a computation bound, not a legal term. Fase A has never been
/// longer than 78 weeks (rules/cao/fasen.rw), so two years always decide fase_b.start.
inline constexpr int projection_horizon_weeks = 104;

/// Adds, from R's week on, every week not yet in `weeks` that overlaps a contract (start <= Sunday,
/// end open or >= Monday), up to `horizon_weeks` weeks after R. Sorted.
std::vector<day> project_weeks(std::vector<day> weeks, std::vector<contract> const& contracts, day R, int horizon_weeks);

/// The weeks as seen on day R by someone who knows the dossier only up to K <= R (a scenario): the
/// given recorded weeks with Monday <= K, then every week from K's week up to R's week that a
/// contract covers and that is not recorded (projected as worked). With K == R: the recorded weeks
/// with Monday <= R.
std::vector<day> known_then_projected(std::vector<day> recorded, std::vector<contract> const& contracts, day K, day R);

/// The earliest day d >= from with (number of weeks whose Sunday < d) >= n(d); the candidates are
/// the day after each week and the days n changes (`breakpoints`). None when never reached.
std::optional<day> day_after_nth_week(std::vector<day> const& mondays, dated const& n, std::vector<day> const& breakpoints,
                                      day from);

/// The earliest day d >= start with d >= start + months(d) months, where months(d) is the dated
/// duration in force on d (it changes only on `breakpoints`). None when never reached.
std::optional<day> end_of_dated_duration(day start, dated const& months, std::vector<day> breakpoints);

/// Start days of the series of contracts (start <= R): a contract starting more than gap(start)
/// months after the latest end of all earlier contracts starts a new series.
std::vector<day> series_starts(std::vector<contract> const& contracts, day R, dated const& gap_months);

struct phase_period {
    int fase;  // 0 = A, 1 = B, 2 = C
    day from;
    std::optional<day> to;  // inclusive
    int series;
};

struct phase_timeline {
    std::vector<phase_period> periods;
    std::optional<day> fase_a_begin, fase_b_start, fase_c_start;
    std::int64_t fase_a_weken = 0;
    std::int64_t fase_b_contracten = 0;
    int current_series = -1;
};

struct phase_parameters {
    dated gap_months;                                           // onderbreking.max
    std::function<std::optional<std::int64_t>(day, day)> fase_a_weeks;  // (on day, series start) -> weeks
    std::vector<day> fase_a_breakpoints;
    dated fase_b_months;                                        // in force on each day of fase B
    std::vector<day> fase_b_breakpoints;                        // the days fase_b_months changes
    /// Overgangsrecht (days since epoch, read on the first day of fase C): a fixed-term contract
    /// concluded before it runs to its end. None: no such rule.
    dated fase_b_contract_concluded_before = [](day) -> std::optional<std::int64_t> { return std::nullopt; };
    dated fase_b_max_contracts;                                 // as of fase_b_start
};

/// The phase timeline of a worker as of R (rule-catalogue "Phases"; casebase/README.md).
phase_timeline phases(worker const& w, std::vector<day> const& counted, day R, phase_parameters const& p);

/// The phase (0..2) on day d, or -1 when no series covers it.
int phase_on(phase_timeline const& t, day d);

struct chain {
    day start;
    day first_start;  // start of the chain's first contract
    std::optional<day> counts_from;
    std::int64_t contracts = 0;
    std::optional<day> crossed_on;
    contract const* crossing_contract = nullptr;
    std::string reason;
    std::optional<day> end;
};

struct chain_parameters {
    dated gap_months;            // keten.onderbreking
    dated max_contracts;         // keten.max_contracten
    dated max_months;            // keten.max_duur
    std::vector<day> max_months_breakpoints;
    dated threshold_weeks;       // uitzend.drempel_weken (7:691 lid 1): 26
    dated threshold_gap_months;  // uitzend.drempel_onderbreking (7:691 lid 4): 12
};

/// Chains of fixed-term contracts (art. 7:668a BW), counted for agency work only from the day
/// after the week of the 26th worked week (art. 7:691 lid 1); see casebase/README.md.
std::vector<chain> chains(worker const& w, day R, chain_parameters const& p);

}  // namespace rw::engine::temporal
