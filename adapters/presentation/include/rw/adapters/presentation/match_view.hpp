// The view of a match (engine/matching.hpp, issue 12): the vacancy, any discriminatory wording in
// its requirement text (flagged, not used), the eligible candidates ranked with their score and
// strongest reasons, and the blocked ones with the rule (or missing must-have) that blocks each and
// the day it bites. Also the other direction: open vacancies for one worker.
#pragma once

#include "rw/adapters/presentation/views.hpp"
#include "rw/engine/matching.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

struct match_view {
    language lang = language::nl;
    bool explain = false;
    std::size_t top = 0;      // eligible rows shown (0 = all)
    std::size_t reasons = 3;  // reasons shown per candidate in text (all with --explain)
    std::string vacancy, client, client_name, function, status;
    engine::day start, at;
    engine::opt_day end;
    std::size_t candidates = 0;
    /// Candidates checked (engine::vacancy_match::checked); fewer than `candidates` when the check
    /// stopped after `stop_after_eligible` eligible ones (the lower-scored were not checked).
    std::size_t checked = 0, stop_after_eligible = 0;
    bool complete() const { return checked == candidates; }
    struct flag_row {
        std::string found, term, ground, alternative;
    };
    std::vector<flag_row> flags;
    struct reason_row {
        std::string criterion, variant, text, points;
    };
    struct block_row {
        std::string rule, variant, kind, article, citation, message;
        engine::day on;
        std::string title;  // the rule (or criterion) as people read it: its label, else its id
    };
    struct beside_row {
        finding_view f;
        engine::day on;
    };
    struct candidate_row {
        std::string worker, name, contract_kind, fase, score;
        std::string contract_label;  // the contract kind as people read it (text)
        bool own_contract = false;
        bool stopped_at_block = false;  // the check stopped on the first day with a block (top N)
        std::size_t days = 0;
        std::vector<reason_row> reasons;
        std::vector<block_row> blocks;
        std::vector<beside_row> beside;
    };
    std::vector<candidate_row> eligible, blocked;
};

/// `prog` (when given) names rules and contract kinds with the rulebook's labels in the text.
match_view build_match_view(engine::vacancy_match const& m, engine::agency const& ag, language l, bool explain, std::size_t top,
                            engine::program const* prog = nullptr);
/// What a top-N check left out: how many candidates were checked and that the lower-scored were
/// not, and that a blocked candidate's check stopped at the first day with a block; empty when
/// everything was checked. For the text, the JSON and the web page.
std::string checked_note(match_view const& v);
void render_match_text(std::ostream& out, match_view const& v);
void render_match_json(std::ostream& out, match_view const& v);
/// The ranking in one compact JSON line, for the matching log (AVG art. 22): eligible workers with
/// rank and score, blocked workers with the rules that block them, flagged requirement texts.
std::string match_ranking_json(match_view const& v);

/// Open vacancies for one worker: one match_view per vacancy with the worker as its only candidate.
struct worker_match_view {
    language lang = language::nl;
    std::string worker, name;
    engine::day at;
    std::vector<match_view> vacancies;  // eligible first (by score), then blocked
};
worker_match_view build_worker_match_view(engine::worker const& w, std::vector<engine::worker_vacancy> const& ms,
                                          engine::agency const& ag, language l, bool explain,
                                          engine::program const* prog = nullptr);
void render_worker_match_text(std::ostream& out, worker_match_view const& v);
void render_worker_match_json(std::ostream& out, worker_match_view const& v);

}  // namespace rw::adapters::presentation
