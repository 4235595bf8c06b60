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

/// The one way a fact name, rule id, enumeration value, unit or term reaches people (text and
/// HTML): the rulebook's label in `l` (engine::program::label), else the name itself, so that a
/// label declared in rules/ shows up everywhere at once. JSON and CSV keep the ids.
std::string people_name(engine::program const& prog, engine::label_kind k, std::string_view name, language l);
/// The same without a program (a view built without one): the name itself.
std::string people_name(engine::program const* prog, engine::label_kind k, std::string_view name, language l);

/// How serious a finding is, for ordering what people read (0 = most serious). Derived from the
/// finding and its rule in the rulebook, not from a list of rule ids in C++:
///   0  a violation still going on (its rule says `open zolang`: working without a permit, pay
///      below the minimum wage, an uitzendbeding contract in fase B): stop it or pay now;
///   1  a late step (a rule whose lateness is a violation: poortwachter, aanzegging) not done yet;
///   2  an action past its due date;
///   3  an action still on time;
///   4  a violation in the past (nothing left to do but to know it);
///   5  a warning;  6  info.
/// Without a program (or for a finding of no rule, data.kwaliteit) only the kind and `open` count.
int seriousness(engine::finding const& f, engine::program const* prog, engine::day reference);

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
    /// The working day to act on when `due` falls on a weekend or holiday and the rule allows
    /// it (engine::finding::act_by, filled by the rulebook); none: act by `due`.
    std::optional<engine::day> act_by;
    std::string title;  // the rule as people read it (people_name of the rule id)
    int seriousness = 6;  // see seriousness()
    bool overdue = false;
    bool open = false;  // still to do (engine::finding::open)
    bool uncertain = false;
    std::string message;
    std::string advice;
    std::vector<std::string> citations;
    std::vector<engine::explanation_line> explanation;  // empty unless explained
};
/// `prog` (may be null) gives the rule's title and the finding's seriousness; `reference` the day
/// seriousness is judged on (lateness).
finding_view make_finding_view(engine::finding const& f, language l, std::string name = {}, engine::program const* prog = nullptr,
                               std::optional<engine::day> reference = std::nullopt);

/// Where a finding goes in the worker view: "Nu doen" (late, due today, or a violation still to
/// be remedied), "Binnenkort" (actions still on time), "Ter info" (warnings, info, violations in
/// the past).
enum class worker_section : std::uint8_t { now, soon, info };
worker_section section_of(finding_view const& f, engine::day reference);
/// Seriousness first, then the earlier due date (a stable sort keeps the engine's order).
void order_for_people(std::vector<finding_view const*>& fs);

/// advise: what applies to one worker on a day.
struct worker_view {
    language lang = language::nl;
    engine::day reference;
    bool explain = false;
    std::string worker_id, name, agency, cao;  // cao: as people read it
    // ---- the header: what an intercedent wants to see first
    struct placement_info {
        std::string id, client, function, wage, hours;  // wage "€ 14,50" (empty: not recorded)
        engine::day start;
        engine::opt_day end;
        bool running = true;  // false: the last placement, ended
    };
    std::optional<placement_info> placement;
    struct contract_info {
        std::string id, kind, hours;  // kind as people read it
        engine::day start;
        engine::opt_day end;  // the effective end
        bool running = true;
    };
    std::optional<contract_info> contract;
    struct phase_info {
        std::string fase, label;          // "A", "A" (or "1-2" with NBBU labels)
        std::optional<long> weeks, of;    // fase A: counted weeks, the length of fase A (a dated rule)
        engine::opt_day since;            // fase B: its start
        std::optional<long> contracts, max_contracts;  // fase B
        engine::opt_day until;            // the start of the next phase
    };
    std::optional<phase_info> phase;
    struct sickness_info {
        engine::day since;
        std::optional<long> week;  // ziekte.week
    };
    std::optional<sickness_info> sickness;  // only a sickness that runs on the reference date
    std::string id_document;                // as people read it; empty: none recorded
    engine::opt_day id_valid_until;
    std::string permit;
    engine::opt_day permit_valid_until;
    struct deadline {
        std::string title;
        engine::day due;
        std::optional<engine::day> act_by;
    };
    std::vector<deadline> deadlines;  // the next three, on or after the reference date
    // ---- the rest
    struct fact_row {
        std::string name, label, text, display;  // name: the fact's id (JSON); label, display: for people
        bool expected = false;  // a date after the reference date
    };
    std::vector<fact_row> facts;
    /// The worked weeks the dossier records, each range from its Monday to its last Sunday.
    std::vector<std::pair<engine::day, engine::day>> worked_weeks;
    struct next_phase_info {
        std::string fase;   // "B" | "C"
        std::string label;  // with the agency's labels
        engine::day from;
    };
    std::optional<next_phase_info> next_phase;
    std::vector<finding_view> findings;          // in the engine's order (JSON)
    /// The agency's own findings (JSON lists them; the text names only their number: they are
    /// the agency's work, listed once by `actions`, not in every worker's view).
    std::vector<finding_view> agency_findings;
    engine::program const* prog = nullptr;  // names for people in the renderers
    std::string rules_root;                 // cut from rule locations (rulebook_root)
};
/// The worker view's findings in its three sections, as the text and the web page show them: "now"
/// and "info" ordered for people, "soon" in the engine's order (by due date).
struct worker_sections {
    std::vector<finding_view const*> now, soon, info;
};
worker_sections sections_for_people(worker_view const& v);

/// `prog` names things for people (people_name) and judges seriousness; `clients` gives the
/// client's name in the header.
worker_view build_worker_view(engine::program const& prog, engine::agency const& ag, std::vector<engine::client> const& clients,
                              engine::worker const& w, engine::worker_result const& res,
                              std::vector<engine::finding> const& agency_findings, engine::day reference, language l,
                              bool explain, std::vector<engine::finding> const* upcoming = nullptr);

/// "1 overtreding", "17 overtredingen" (en: 1 violation, 17 violations).
std::string count_text(std::size_t n, engine::finding_kind k, language l);

/// Whether a finding belongs on the work list (`actions`): every action, and every obligation still
/// to do (a late step that became a violation stays until it is done).
inline bool on_work_list(engine::finding const& f) { return f.kind == engine::finding_kind::action || f.open; }

/// Late on the reference date: due before it and still to do (engine::finding or finding_view).
template <class Finding>
bool is_late(Finding const& f, engine::day reference) {
    return f.due && *f.due < reference && (f.open || f.overdue);
}

/// actions: every open obligation of an agency (or one worker): first what is due or late, by
/// seriousness (see seriousness()) and then most days late first; then the rest by due date.
struct action_list_view {
    language lang = language::nl;
    engine::day reference;
    std::string agency;
    std::vector<finding_view> actions;
};
/// Sorts the findings the way people read them (engine::sort_findings); `names` by worker id.
action_list_view build_action_list(std::string agency, engine::day reference, language l,
                                   std::vector<engine::finding> actions, std::map<std::string, std::string> const& names,
                                   engine::program const* prog = nullptr);

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
    int seriousness = 6;          // of its most serious finding (orders the rules in the report)
    std::size_t uncertain = 0;    // findings that rest on an onzeker value
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
    engine::program const* prog = nullptr;  // names for people, seriousness, sources (may be null)

    /// Counts a finding (and keeps it in the sample while there is room).
    void add(engine::finding const& f, std::string const& name);
    /// Counts a worker; `with_findings` when it had any.
    void add_worker(bool with_findings);
};

}  // namespace rw::adapters::presentation
