// Guidance (issue 13): one worker's timeline, the intercedent's view of a placement history. The
// placements in order; the steps of the past (done, with their evidence; a step done late stays
// visible as late) and those still to come, with their due dates, in the worker's phase context.
// Built from an evaluation with engine::evaluation_options::timeline (every instance of an action).
#pragma once

#include "rw/adapters/presentation/views.hpp"

#include <iosfwd>

namespace rw::adapters::presentation {

struct timeline_view {
    language lang = language::nl;
    engine::day reference;
    std::string worker_id, name, agency, cao;
    bool tracked = false;  // the dossier keeps guidance evidence (tasks_done given)
    std::optional<worker_view::phase_info> phase;
    std::optional<worker_view::next_phase_info> next_phase;
    std::string id_document;  // as people read it
    engine::opt_day id_checked_on, id_valid_until;
    std::string permit;
    engine::opt_day permit_valid_until;

    struct placement_row {
        std::string id, client, function, contract, contract_kind;  // client by name, kind as people read it
        engine::day start;
        engine::opt_day end;
        bool running = false;
    };
    std::vector<placement_row> placements;  // by start

    struct task_row {
        std::string rule, variant, title;  // title: the rule's label
        std::string task;                  // wettelijk | beleid | "" (an action without a task tag)
        engine::finding_kind kind = engine::finding_kind::action;  // violation: a statutory step late
        std::string placement, contract;
        engine::day due;
        engine::opt_day act_by, done;
        int days_late = 0;  // done late: done - due; not done and overdue: reference - due
        bool open = false;
        bool uncertain = false;
        std::optional<engine::task_done> evidence;  // the record that closed it (tasks_done)
        bool evidence_in_dossier = false;           // done by a field of the dossier (not a task record)
        std::string message, advice;
        std::vector<std::string> citations;
    };
    std::vector<task_row> past;    // done, or due before the reference date; by due date
    std::vector<task_row> coming;  // not done, due on or after the reference date; by due date
    engine::program const* prog = nullptr;
};

/// `header` is the worker view of the same day (phase, ID, permit); `res` the evaluation with
/// evaluation_options::timeline. Every finding of an action rule with a due date is a row.
timeline_view build_timeline_view(engine::program const& prog, std::vector<engine::client> const& clients, engine::worker const& w,
                                  worker_view const& header, engine::worker_result const& res, engine::day reference, language l);
void render_timeline_text(std::ostream& out, timeline_view const& v);
void render_timeline_json(std::ostream& out, timeline_view const& v);

}  // namespace rw::adapters::presentation
