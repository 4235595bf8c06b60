// Use cases that join the store, the engine and the presentation layer: what the CLI's commands
// and the web application both do (load a worker and build the worker view, build the agency's
// work list). The command files and the HTTP handlers only parse their input and render.
#pragma once

#include "rw/adapters/presentation/timeline.hpp"
#include "rw/adapters/presentation/views.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/engine.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rw::adapters::app {

/// What every scan reads besides the workers: the agency and its clients.
struct reference_data {
    engine::agency agency;
    std::vector<engine::client> clients;
    std::vector<engine::data_issue> issues;  // rows that could not be read
};
/// nullopt when the store has no agency (nothing imported yet); throws sqlite::store_error.
std::optional<reference_data> load_reference_data(sqlite::store const& s);

/// Streams every worker (or only `only_worker`) through the engine on `threads` cores (0: all);
/// `visit` sees each worker's findings (data-quality findings included) in worker-id order;
/// `tick` (when given) after each worker. Throws sqlite::store_error when the store fails.
void scan(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
          engine::evaluation_options const& opts, unsigned threads, std::string const& only_worker,
          std::function<void(engine::worker const&, std::vector<engine::finding>&&)> const& visit,
          std::uint64_t* hash = nullptr, std::function<void()> const& tick = {});

/// advise: the worker view of one worker on a day, or nullopt when the store has no such worker.
std::optional<presentation::worker_view> worker_card(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                                     reference_data const& ref, std::string const& worker_id, engine::day reference,
                                                     presentation::language lang, bool explain);

/// actions: every open obligation of the agency (or of one worker), looking `within_weeks` ahead
/// (default: each rule's own window), ordered as people read them.
presentation::action_list_view action_list(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                           reference_data const& ref, engine::day reference, presentation::language lang,
                                           std::optional<int> within_weeks, std::string const& only_worker, unsigned threads,
                                           std::function<void()> const& tick = {});

/// audit: every dossier of the store on a day. `row` (when given) gets each finding with its
/// worker's (or the agency's) name, in scan order: agency-level first, then by worker id. The report
/// keeps counts, `sample_cap` rows per rule and the colophon (`version` and `store_label` are the
/// caller's: the program's version, the store as the user named it).
presentation::audit_report audit(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog, reference_data const& ref,
                                 engine::evaluation_options const& opts, presentation::language lang, unsigned threads,
                                 std::size_t sample_cap, std::string const& version, std::string const& store_label,
                                 std::function<void(engine::finding const&, std::string const&)> const& row = {},
                                 std::function<void()> const& tick = {});

/// tijdlijn (issue 13): one worker's placements and guidance steps, or nullopt for an unknown worker.
std::optional<presentation::timeline_view> timeline(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                                    reference_data const& ref, std::string const& worker_id, engine::day reference,
                                                    presentation::language lang);

/// taak gedaan (issue 13): what went wrong (English, for the CLI and the web page), or nothing.
struct task_record_result {
    std::string error;           // empty: recorded
    bool was_tracked = false;    // the worker's guidance was kept before this record
    std::string worker_name;
};
/// Checks a task record and appends it in one transaction (sqlite::store::append_task_done): the
/// task is the id of a rule closed by task records; the worker and the placement exist; the day
/// is not after `today`; `by` and `how` are not empty. Nothing is written on any error.
task_record_result record_task(sqlite::store& s, engine::program const& prog, std::string const& worker_id, engine::task_done t,
                               engine::day today);
/// The ids of the rules a task record can close (for a form's choices), sorted.
std::vector<std::string> task_ids(engine::program const& prog);

}  // namespace rw::adapters::app
