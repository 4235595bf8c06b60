// View models: plain structs built from engine results, in one language, ready for any renderer
// (text, CSV, JSON, HTML). The CLI and a web server build the same views and call the same
// renderers; neither the views nor the renderers do I/O beyond the stream they are given.
#pragma once

#include "rw/adapters/presentation/messages.hpp"
#include "rw/engine/engine.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

/// The label of a finding kind ("overtreding", "violation").
std::string_view kind_label(engine::finding_kind k, language l);

/// One finding, with the texts of the chosen language.
struct finding_view {
    std::string rule;
    std::string variant;
    engine::finding_kind kind = engine::finding_kind::violation;
    std::string worker;  // empty: agency-level
    std::string name;    // the worker's (or agency's) name; may be empty
    std::string contract;
    std::string placement;
    engine::opt_day due;
    engine::opt_day act_by;  // the working day before a deadline on a weekend or holiday (engine::finding)
    bool overdue = false;
    bool open = false;  // still to do (engine::finding::open)
    bool uncertain = false;
    std::string message;
    std::string advice;
    std::vector<std::string> citations;
    std::vector<engine::explanation_line> explanation;  // empty unless explained
};
finding_view make_finding_view(engine::finding const& f, language l, std::string name = {});

/// advise: what applies to one worker on a day.
struct worker_view {
    language lang = language::nl;
    engine::day reference;
    bool explain = false;
    std::string worker_id, name, agency, cao;
    struct fact_row {
        std::string name, text, display;
        bool expected = false;  // a date after the reference date
    };
    std::vector<fact_row> facts;
    struct next_phase_info {
        std::string fase;   // "B" | "C"
        std::string label;  // with the agency's labels
        engine::day from;
    };
    std::optional<next_phase_info> next_phase;
    std::vector<finding_view> findings;          // in the engine's order
    std::vector<finding_view> agency_findings;
};
worker_view build_worker_view(engine::agency const& ag, engine::worker const& w, engine::worker_result const& res,
                              std::vector<engine::finding> const& agency_findings, engine::day reference, language l,
                              bool explain);

/// Whether a finding belongs on the work list (`actions`): every action, and every obligation still
/// to do (a late step that became a violation stays until it is done).
inline bool on_work_list(engine::finding const& f) { return f.kind == engine::finding_kind::action || f.open; }

/// Late on the reference date: due before it and still to do (engine::finding or finding_view).
template <class Finding>
bool is_late(Finding const& f, engine::day reference) {
    return f.due && *f.due < reference && (f.open || f.overdue);
}

/// actions: every open obligation of an agency (or one worker): first what is late (a late step
/// that is a violation before an overdue action, then most days late first), then by due date.
struct action_list_view {
    language lang = language::nl;
    engine::day reference;
    std::string agency;
    std::vector<finding_view> actions;
};
/// Sorts the findings the way people read them (engine::sort_findings); `names` by worker id.
action_list_view build_action_list(std::string agency, engine::day reference, language l,
                                   std::vector<engine::finding> actions, std::map<std::string, std::string> const& names);

/// audit: the summary of a scan (counts per kind and rule, a capped sample per rule for HTML) and
/// the colophon. Detail rows are rendered one by one while scanning (render_audit_row) so that
/// memory does not grow with the number of workers.
struct audit_colophon {
    std::string version;      // regelwerk's
    std::string rules_hash;
    std::size_t rule_count = 0;
    std::string store;        // the store's path as given
    std::string store_hash;
    double seconds = 0;
};
struct audit_rule_stats {
    std::array<std::size_t, 4> by_kind{};
    std::size_t total = 0;
    std::vector<finding_view> sample;  // capped (audit_report::sample_cap)
    std::size_t omitted = 0;
};
struct audit_report {
    language lang = language::nl;
    engine::day reference;
    std::string agency;
    std::size_t workers = 0, findings = 0, overdue = 0, workers_with_findings = 0;
    std::array<std::size_t, 4> by_kind{};
    std::map<std::string, audit_rule_stats> by_rule;
    std::size_t sample_cap = 0;  // rows kept per rule (0: none; the HTML report keeps 250)
    audit_colophon colophon;

    /// Counts a finding (and keeps it in the sample while there is room).
    void add(engine::finding const& f, std::string const& name);
    /// Counts a worker; `with_findings` when it had any.
    void add_worker(bool with_findings);
};

}  // namespace rw::adapters::presentation
