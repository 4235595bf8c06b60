// The one catalogue of interface labels (headings, column names, connecting words) in every
// language the presentation layer speaks. Texts from the rules (messages, advice, citations) are
// not here: the rulebook carries those. A label is looked up by id and language; adding a language
// (pl) means one more column in the table, and the catalogue test fails until every id has it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rw::adapters::presentation {

enum class language : std::uint8_t { nl, en };
inline constexpr std::size_t language_count = 2;
inline constexpr std::array<language, language_count> all_languages{language::nl, language::en};

/// "nl" | "en" (the code the engine's date and value formatting takes).
std::string_view code(language l);
/// The language of a code, or nullopt for a code the catalogue does not have.
std::optional<language> parse_language(std::string_view code);

/// Message ids. A label may carry its surrounding spaces: the renderers join fragments, and the
/// output of the existing formats is kept byte for byte.
enum class msg : std::uint16_t {
    // finding kinds
    kind_violation, kind_action, kind_warning, kind_info,
    // shared words
    on_date,           // " on "
    overdue_upper,     // "OVERDUE"
    now_upper,         // "NOW": an open violation without a due date (make the copy now)
    overdue_paren,     // " (overdue)"
    agency_paren,      // "(agency)"
    placement_word,    // "placement"
    rule_set,          // "rule set "
    store_word,        // "store "
    reference_date,    // "Reference date "
    // actions
    actions_for, nothing_to_do,
    // audit (text)
    audit_of, workers_checked, workers_with_findings, findings_word, overdue_actions, rules_most_findings,
    findings_by_rule_kinds, detail_heading, report_written_to,
    // audit (HTML)
    compliance_audit, dossiers_checked_suffix, summary_heading, dossiers_checked, dossiers_with_findings,
    findings_per_rule, column_worker, column_kind, column_due_since, column_finding, and_more, more_rows,
    rules_suffix, run_time,
    // advise
    what_applies_to, agency_label, phase_and_counters, expected_paren, next_phase, from_word, prepare_contract_b,
    prepare_contract_c, agency_heading, nothing_for_worker,
    overdue_bracket, due_word, since_word, in_days_open, days_word, placement_sep, uncertain_source, advice_label,
    source_label,
    // explanations
    explain_rule, explain_fact, explain_table, explain_on, explain_and, explain_other_days, explain_other_day,
    // catalogue
    catalogue_of, catalogue_rules, catalogue_parameters, catalogue_tables, catalogue_facts, catalogue_sources,
    catalogue_uncertain, uncertain_upper, from_prefix, until_word, files_suffix,
    // scenario
    scenario_for, scenario_known_until, scenario_days_evaluated, scenario_blocks, scenario_beside, scenario_none,
    scenario_hours, scenario_per_hour,
    // work list
    day_late, days_late, due_today, due_tomorrow,
    // issue 11: the worker view's header and sections, relative days, counts, the evidence
    header_placement, header_contract, header_phase, header_sick, header_id, header_permit, header_deadlines,
    until_date, ended_date, valid_until, expired_on, none_word, phase_word, of_word, weeks_word, week_word, contracts_word,
    section_now, section_soon, section_info, act_by, since_day, since_days, since_today,
    violation_one, violation_many, action_one, action_many, warning_one, warning_many, info_one, info_many,
    evidence_label, rules_language_label, due_label, computed_from, step_recorded, yes_word, no_word, on_word,
    condition_label, holds_word, does_not_hold_word, counted_weeks_label, see_actions,
    // matching (issue 12)
    match_for, match_at, match_candidates, match_eligible, match_blocked, match_points, match_beside, match_flag,
    match_flag_alternative, match_flag_unused, match_person_decides, match_worker_for, match_contract, match_phase,
    match_own_contract, match_more, match_more_blocked, match_eligible_count, match_blocked_count,
    match_checked, match_checked_of, match_checked_until, match_checked_rest, match_first_block,
    // texts for the worker and the client (issue 13)
    texts_for_worker, texts_for_client, texts_language, texts_not_recorded, texts_fallback, texts_fallback_end, texts_none, texts_client,
    // acquisition (issue 14): the tariff and the re-quote list
    tariff_title, tariff_at, tariff_inputs, tariff_wage, tariff_contract, tariff_phase, tariff_age, tariff_hours,
    tariff_client, tariff_col_line, tariff_col_base, tariff_col_rate, tariff_col_amount, tariff_col_source,
    tariff_not_counted, tariff_cost, tariff_cost_factor, tariff_tariff, tariff_factor, tariff_margin,
    tariff_no_tariff, tariff_floors, tariff_met, tariff_not_met, tariff_refused, tariff_below_cost_a,
    tariff_below_cost_b, tariff_below_floor, tariff_no_cost, tariff_uncertain, tariff_rounding, tariff_excluded,
    tariff_requote_title, tariff_requote_window, tariff_requote_none, tariff_requote_client, tariff_requote_old,
    tariff_requote_new, tariff_requote_from, tariff_requote_cause, tariff_requote_count, tariff_requote_clients,
    tariff_sources, tariff_placement,
    // guidance (issue 13): the timeline and recording a task
    timeline_for, timeline_tracked, timeline_untracked, timeline_placements, timeline_past, timeline_coming,
    timeline_none, task_statutory, task_policy, task_other, task_done_on, task_done_late, task_not_done, task_by,
    task_how, task_in_dossier, task_recorded, task_now_tracked, task_contract, id_checked_on,
    count_  // not a message: the number of ids
};
inline constexpr std::size_t message_count = static_cast<std::size_t>(msg::count_);

struct message_entry {
    msg id;
    std::string_view key;  // stable name for tools and translators, e.g. "actions.for"
    std::array<std::string_view, language_count> text;  // indexed by language
};

/// The table, in id order.
std::array<message_entry, message_count> const& message_table();
/// The label of `id` in `l`.
std::string_view text(msg id, language l);

}  // namespace rw::adapters::presentation
