// Use cases that join the store, the engine and the presentation layer: what the CLI's commands
// and the web application both do (load a worker and build the worker view, build the agency's
// work list). The command files and the HTTP handlers only parse their input and render.
#pragma once

#include "rw/adapters/presentation/match_view.hpp"
#include "rw/adapters/presentation/tariff_view.hpp"
#include "rw/adapters/presentation/texts_view.hpp"
#include "rw/adapters/presentation/timeline.hpp"
#include "rw/adapters/presentation/views.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/engine.hpp"
#include "rw/engine/matching.hpp"

#include <cstdint>
#include <functional>
#include <map>
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

/// advise --for werker|inlener (issue 13): the texts for the worker (in the dossier's `language`,
/// else nl) or for the client (in `lang`), or in `text_lang` when given; a rule without that
/// language gives its Dutch text and the view says so. nullopt for an unknown worker.
std::optional<presentation::texts_view> texts(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                              reference_data const& ref, std::string const& worker_id, engine::day reference,
                                              presentation::language lang, presentation::text_audience audience,
                                              std::string const& text_lang = {});

/// The web's worker card with the texts for the worker under it (issue 16): the worker read once
/// and the rulebook evaluated once for both (the texts in the worker's language, as `texts`).
struct card_and_texts {
    presentation::worker_view card;
    presentation::texts_view texts;
};
std::optional<card_and_texts> worker_card_and_texts(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                                    reference_data const& ref, std::string const& worker_id, engine::day reference,
                                                    presentation::language lang, bool explain);

/// tijdlijn (issue 13): one worker's placements and guidance steps, or nullopt for an unknown worker.
std::optional<presentation::timeline_view> timeline(sqlite::store const& s, std::shared_ptr<engine::program const> const& prog,
                                                    reference_data const& ref, std::string const& worker_id, engine::day reference,
                                                    presentation::language lang);

/// taak gedaan (issue 13): what went wrong (English for the CLI and the English web page, Dutch for the Dutch one), or nothing.
struct task_record_result {
    std::string error;           // empty: recorded
    std::string error_nl;        // the same for the Dutch web page
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

// ---- matching (issue 12): what `match` and the web's matching page share -------------------------

/// What a match reads: the agency, its clients with their vacancies and either every active
/// candidate (an application with status active) or only `only_worker` (any status). nullopt when
/// the store has no agency; `found_worker` (when given) tells whether `only_worker` exists.
/// `store_hash` (when given) receives the hash of what was read, for the matching log: the agency,
/// the clients and the candidates' rows (read in the same pass); for `only_worker`, the whole store.
std::optional<engine::dossier> matching_dossier(sqlite::store const& s, std::string const& only_worker = {},
                                                bool* found_worker = nullptr, std::string* store_hash = nullptr);

/// The clock of the matching log: UTC now as "YYYY-MM-DDTHH:MM:SSZ" (RW_NOW overrides it for tests).
std::string log_clock();

/// A run of `match` for a vacancy, ready for the log: the view and the log entry that records it
/// (who, when, the reference date, a hash of the store and the rulebook, the ranking). AVG art. 22
/// and AI Act art. 26(6): every run is kept. Throws std::invalid_argument for an unknown vacancy.
struct vacancy_match_run {
    presentation::match_view view;
    sqlite::match_log_entry entry;
};
vacancy_match_run match_vacancy(engine::dossier const& d, std::shared_ptr<engine::program const> const& prog,
                                std::string const& vacancy_id, engine::match_options const& mo, presentation::language lang,
                                std::size_t top, std::string const& by, std::string const& store_hash);

/// The same for one worker: the open vacancies that fit them. Throws std::invalid_argument.
struct worker_match_run {
    presentation::worker_match_view view;
    sqlite::match_log_entry entry;
};
worker_match_run match_worker(engine::dossier const& d, std::shared_ptr<engine::program const> const& prog,
                              std::string const& worker_id, engine::match_options const& mo, presentation::language lang,
                              std::string const& by, std::string const& store_hash);

/// A person's decision about a candidate (AVG art. 22: `match` only proposes): checks it and
/// appends it to the matching log. `error` is English (the CLI) with a Dutch twin (the web page).
struct decision_result {
    std::string error, error_nl;  // empty: recorded
    std::int64_t id = 0;          // the log entry
};
decision_result record_match_decision(sqlite::store& s, std::string const& vacancy_id, std::string const& worker_id,
                                      std::string const& decision, std::string const& reason, std::string const& by,
                                      engine::day reference);

/// The decisions recorded for a vacancy, latest per worker (worker id -> entry).
std::map<std::string, sqlite::match_log_entry> latest_decisions(sqlite::store const& s, std::string const& vacancy_id);

// ---- tariff (issue 14): what `tarief` and the web's tariff calculator share -----------------------

/// A quote as people ask for it: every field as typed ("15,00", "20%", "1.85"); empty = not given.
struct quote_request {
    engine::day at;
    std::string wage, hours, fase, contract, age, margin, factor, client, function, placement;
    std::string tariff = "kostprijs";
    std::vector<std::string> set;  // any other input: name=value
    presentation::language lang = presentation::language::nl;
};
/// The quote, or what is wrong with the request (`error`, English; names the CLI's options).
/// `placement` gives every input the request does not (wage, contract, phase, age, hours, client,
/// function); `client` with `function` reads the client's reference wage (the equal-pay floor).
struct quote_result {
    std::string error;
    engine::quote q;
    presentation::quote_context context;
};
/// `s` may be null (no store: no agency, no clients, no placements). Throws sqlite::store_error.
quote_result make_quote(sqlite::store const* s, std::shared_ptr<engine::program const> const& prog, quote_request r);

}  // namespace rw::adapters::app
