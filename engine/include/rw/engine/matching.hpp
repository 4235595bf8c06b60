// Matching (issue 12): candidates for a vacancy, legally checked over the whole assignment,
// scored with reasons by the rulebook's criteria (`criterium`), never on a protected ground.
//
// Candidates: the workers whose application (`application.status`) is `active`; a worker without
// an application block is not a candidate (they have not applied; case-format.md leaves it to the
// project). For each candidate:
//   1. the placement as given is simulated (scenario.hpp): a contract of the kind the candidate's
//      phase allows on the vacancy's first day (the engine's fact `fase`: A uitzendbeding, B
//      bepaalde_tijd, C onbepaalde_tijd; without a phase uitzendbeding under a CAO, else
//      bepaalde_tijd), or the candidate's own
//      contract when one runs over the whole assignment, plus the placement at the vacancy's wage,
//      hours, shifts and period, evaluated on every day of the assignment that matters. Every
//      violation of a rule of kind overtreding it causes blocks (rule, article, the day it bites);
//      actions (also one late by the known date), warnings and info are shown beside the candidate;
//   2. the must-haves (criteria `soort eis`) that hold for an item block with their id
//      (`match.eis_ontbreekt`), one block per missing item;
//   3. the others are scored by the criteria `soort punten`; each applied criterion gives points
//      and a reason.
// Order: eligible by score (descending), then worker id; blocked by worker id. Deterministic.
#pragma once

#include "rw/engine/engine.hpp"
#include "rw/engine/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rw::engine {

/// Why a candidate may not be placed: a violation the placement would cause, or a missing must-have.
struct match_block {
    std::string rule;       // rule id (wav.vergunning) or the criterion id (match.eis_ontbreekt)
    std::string variant;    // the geval
    std::string kind;       // violation (a rule) | requirement (a missing must-have)
    std::string article;    // the first article in force on the day it bites ("art. 2 lid 1 Wav: ...")
    std::string citation;   // the same with its sources (titles, URLs)
    day on;                 // the day it bites
    std::string message_nl, message_en;
};

/// A protected ground named in a vacancy's requirement text (AWGB): the requirement is not used.
struct discriminatory_term {
    std::string term;         // the word list's entry that matched ("max # jaar")
    std::string found;        // the words in the text
    std::string ground;       // the protected ground
    std::string alternative;  // a neutral alternative
};

struct match_candidate {
    std::string worker, name;
    contract_kind contract = contract_kind::uitzendbeding;  // the simulated contract's kind
    bool own_contract = false;  // placed under a contract the candidate already has
    std::string fase;           // the phase on the vacancy's first day ("" = none)
    std::int64_t score_milli = 0;
    std::vector<criterion_result> reasons;  // criteria that gave points, strongest first
    std::vector<criterion_result> missing;  // must-haves that are missing (also in blocks)
    std::vector<match_block> blocks;        // empty: eligible
    std::vector<scenario_effect> beside;    // actions, warnings, info the placement would cause
    std::size_t days_checked = 0;  // 0: not simulated (a must-have is missing; see match_options::explain)
    /// With match_options::stop_after_eligible, a blocked candidate's check stops after the first
    /// day on which a block was found: `blocks` then holds what was found up to that day, `beside`
    /// is empty (side effects of the whole assignment were not computed).
    bool stopped_at_block = false;
    bool eligible() const { return blocks.empty(); }
};

struct match_options {
    day at;               // the reference date: known until, and the day criteria are read on
    std::string lang;     // "nl", "en" or empty (both)
    /// Also simulate the assignment for a candidate who lacks a must-have (that already blocks);
    /// by default the (costly) legal check is skipped for them.
    bool explain = false;
    unsigned threads = 1;  // candidates checked in parallel (one evaluator each); 0 = every core
    /// The shortcuts of the legal check (scenario_check::fast, only the facts for the phase on the
    /// first day); exhaustive evaluates everything, the reference the differential tests compare with.
    scenario_check check = scenario_check::fast;
    /// 0 (default): check every candidate. N > 0: the top N only. The score does not depend on the
    /// legal check (criteria only, read before it), so the candidates are scored first, then
    /// checked in ranking order (score descending, then worker id) until N are eligible; the rest
    /// are not checked (vacancy_match::checked says how many were). The eligible list is then
    /// exactly the first N of the full check's; the blocked list holds only the blocked among the
    /// checked (those scored above the N-th eligible).
    std::size_t stop_after_eligible = 0;
};

struct vacancy_match {
    std::string vacancy, client, client_name, function;
    vacancy_status status = vacancy_status::open;
    day start;
    opt_day end;
    day at;
    std::vector<discriminatory_term> flags;  // the requirement text names a protected ground: not used
    std::vector<match_candidate> eligible;   // ranked: score descending, then worker id
    std::vector<match_candidate> blocked;    // by worker id
    std::size_t candidates = 0;              // workers with an active application
    /// Candidates whose check ran: all of them, or with match_options::stop_after_eligible the
    /// highest-scored up to the N-th eligible (the others, scored lower, were not checked).
    std::size_t checked = 0;
    std::size_t stop_after_eligible = 0;  // match_options::stop_after_eligible as used (0: all checked by request)
    bool complete() const { return checked == candidates; }
};

/// Matches one vacancy (by id, in any client) against the dossier's candidates. Throws
/// std::invalid_argument for an unknown vacancy.
vacancy_match match_vacancy(evaluator& ev, dossier const& d, std::string const& vacancy_id, match_options const& o);

/// The other direction: every open vacancy for one worker (who need not have an active
/// application: the intercedent asks for this worker). Each entry holds one vacancy and the worker
/// as its only candidate. Ranked as the candidates are: eligible by score, then vacancy id.
struct worker_vacancy {
    vacancy_match match;
    match_candidate const& candidate() const { return match.eligible.empty() ? match.blocked.front() : match.eligible.front(); }
};
std::vector<worker_vacancy> match_worker(evaluator& ev, dossier const& d, std::string const& worker_id, match_options const& o);

/// The protected grounds a requirement text names, by the rulebook's word list (tables
/// `match.beschermde_grond` and `match.neutraal_alternatief`, in force on `on`). A term matches
/// whole words, case-insensitively; '#' in a term stands for a number ("max # jaar").
std::vector<discriminatory_term> discriminatory_terms(program const& prog, std::string_view text, day on);

/// The hypothetical contract and placement for a candidate (ids MATCH-<vacancy>). `clients` (when
/// given) is an index of d.clients, built once by a caller that does this per candidate.
scenario match_scenario(evaluator& ev, dossier const& d, worker const& w, client const& k, vacancy const& v, day at,
                        contract_kind* kind = nullptr, bool* own = nullptr, std::string* fase = nullptr,
                        scenario_check check = scenario_check::fast, client_index const* clients = nullptr);

}  // namespace rw::engine
