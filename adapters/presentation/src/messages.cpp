// The label catalogue (see messages.hpp). One row per id, columns in `language` order: nl, en.
#include "rw/adapters/presentation/messages.hpp"

namespace rw::adapters::presentation {

namespace {
constexpr std::array<std::string_view, language_count> codes{"nl", "en"};  // in `language` order
}  // namespace

std::string_view code(language l) { return codes[static_cast<std::size_t>(l)]; }

std::optional<language> parse_language(std::string_view c) {
    for (auto l : all_languages)
        if (code(l) == c) return l;
    return std::nullopt;
}

namespace {

using m = msg;
// clang-format off
constexpr std::array<message_entry, message_count> table{{
    {m::kind_violation, "kind.violation", {"overtreding", "violation"}},
    {m::kind_action, "kind.action", {"actie", "action"}},
    {m::kind_warning, "kind.warning", {"waarschuwing", "warning"}},
    {m::kind_info, "kind.info", {"info", "info"}},
    {m::on_date, "word.on_date", {" op ", " on "}},
    {m::overdue_upper, "word.overdue_upper", {"TE LAAT", "OVERDUE"}},
    {m::now_upper, "word.now_upper", {"NU", "NOW"}},
    {m::overdue_paren, "word.overdue_paren", {" (te laat)", " (overdue)"}},
    {m::agency_paren, "word.agency_paren", {"(bureau)", "(agency)"}},
    {m::placement_word, "word.placement", {"plaatsing", "placement"}},
    {m::rule_set, "word.rule_set", {"regelset ", "rule set "}},
    {m::store_word, "word.store", {"gegevensbestand ", "store "}},
    {m::reference_date, "word.reference_date", {"Peildatum ", "Reference date "}},
    {m::actions_for, "actions.for", {"Acties voor ", "Actions for "}},
    {m::nothing_to_do, "actions.nothing", {"Niets te doen.", "Nothing to do."}},
    {m::audit_of, "audit.of", {"Controle van ", "Audit of "}},
    {m::workers_checked, "audit.workers_checked", {"gecontroleerde dossiers", "dossiers checked"}},
    {m::workers_with_findings, "audit.workers_with_findings", {"dossiers met bevindingen", "dossiers with findings"}},
    {m::findings_word, "audit.findings", {"bevindingen", "findings"}},
    {m::overdue_actions, "audit.overdue_actions", {"te laat", "overdue"}},
    {m::rules_most_findings, "audit.rules_most_findings", {"Regels met de meeste bevindingen", "Rules with the most findings"}},
    {m::findings_by_rule_kinds, "audit.findings_by_rule_kinds",
     {"Bevindingen per regel (overtreding/actie/waarschuwing/info)", "Findings by rule (violation/action/warning/info)"}},
    {m::detail_heading, "audit.detail", {"Details", "Details"}},
    {m::report_written_to, "audit.report_written_to", {"Rapport geschreven naar ", "Report written to "}},
    {m::compliance_audit, "audit.html.title", {"Nalevingscontrole", "Compliance audit"}},
    {m::dossiers_checked_suffix, "audit.html.dossiers_checked_suffix", {" dossiers gecontroleerd", " dossiers checked"}},
    {m::summary_heading, "audit.html.summary", {"Samenvatting", "Summary"}},
    {m::dossiers_checked, "audit.html.dossiers_checked", {"gecontroleerde dossiers", "dossiers checked"}},
    {m::dossiers_with_findings, "audit.html.dossiers_with_findings", {"dossiers met bevindingen", "dossiers with findings"}},
    {m::findings_per_rule, "audit.html.findings_per_rule", {"Bevindingen per regel", "Findings per rule"}},
    {m::column_worker, "column.worker", {"uitzendkracht", "worker"}},
    {m::column_kind, "column.kind", {"soort", "kind"}},
    {m::column_due_since, "column.due_since", {"termijn/sinds", "due/since"}},
    {m::column_finding, "column.finding", {"bevinding", "finding"}},
    {m::and_more, "audit.html.and_more", {"… en nog ", "… and "}},
    {m::more_rows, "audit.html.more_rows",
     {" (zie de CSV- of JSON-export voor alle rijen).", " more (see the CSV or JSON export for every row)."}},
    {m::rules_suffix, "audit.html.rules_suffix", {" regels", " rules"}},
    {m::run_time, "audit.html.run_time", {"looptijd ", "run time "}},
    {m::what_applies_to, "advise.what_applies_to", {"Wat geldt voor ", "What applies to "}},
    {m::agency_label, "advise.agency", {"Bureau: ", "Agency: "}},
    {m::phase_and_counters, "advise.phase_and_counters", {"Feiten (fase en tellers)", "Facts (phase and counters)"}},
    {m::expected_paren, "advise.expected", {" (verwacht)", " (expected)"}},
    {m::next_phase, "advise.next_phase", {"Volgende fase: ", "Next phase: "}},
    {m::from_word, "advise.from", {" vanaf ", " from "}},
    {m::prepare_contract_b, "advise.prepare_b",
     {"Bereid vóór die dag een contract zonder uitzendbeding voor.", "Prepare a contract without an agency clause before that day."}},
    {m::prepare_contract_c, "advise.prepare_c",
     {"Bereid vóór die dag een contract voor onbepaalde tijd voor.", "Prepare a permanent contract before that day."}},
    {m::agency_heading, "advise.agency_findings", {"Voor het bureau als geheel", "For the agency as a whole"}},
    {m::nothing_for_worker, "advise.nothing", {"Niets te doen voor deze uitzendkracht.", "Nothing to do for this worker."}},
    {m::overdue_bracket, "advise.overdue", {"[TE LAAT] ", "[OVERDUE] "}},
    {m::due_word, "advise.due", {"uiterlijk ", "due "}},
    {m::since_word, "advise.since", {"sinds ", "since "}},
    {m::in_days_open, "advise.in_days", {"over ", "in "}},
    {m::days_word, "advise.days", {" dagen", " days"}},
    {m::placement_sep, "advise.placement", {" · plaatsing ", " · placement "}},
    {m::uncertain_source, "advise.uncertain_source", {" · onzekere bron", " · uncertain source"}},
    {m::advice_label, "advise.advice", {"Advies: ", "Advice: "}},
    {m::source_label, "advise.source", {"Grondslag: ", "Legal basis: "}},
    {m::explain_rule, "explain.rule", {"regel ", "rule "}},
    {m::explain_fact, "explain.fact", {"feit ", "fact "}},
    {m::explain_table, "explain.table", {"tabel ", "table "}},
    {m::explain_on, "explain.on", {"op ", "on "}},
    {m::explain_and, "explain.and", {" en ", " and "}},
    {m::explain_other_days, "explain.other_days", {" andere dagen", " other days"}},
    {m::explain_other_day, "explain.other_day", {" andere dag", " other day"}},
    {m::catalogue_of, "catalogue.of", {"Catalogus van de regels", "Catalogue of the rules"}},
    {m::catalogue_rules, "catalogue.rules", {"Regels", "Rules"}},
    {m::catalogue_parameters, "catalogue.parameters", {"Parameters", "Parameters"}},
    {m::catalogue_tables, "catalogue.tables", {"Tabellen", "Tables"}},
    {m::catalogue_facts, "catalogue.facts", {"Feiten", "Facts"}},
    {m::catalogue_sources, "catalogue.sources", {"Bronnen", "Sources"}},
    {m::catalogue_uncertain, "catalogue.uncertain", {"Onzeker", "Uncertain"}},
    {m::uncertain_upper, "catalogue.uncertain_upper", {"ONZEKER", "UNCERTAIN"}},
    {m::from_prefix, "catalogue.from", {"vanaf ", "from "}},
    {m::until_word, "catalogue.until", {" tot en met ", " up to and including "}},
    {m::files_suffix, "catalogue.files", {" bestanden", " files"}},
    {m::scenario_for, "scenario.for", {"Wat als: scenario voor ", "What if: scenario for "}},
    {m::scenario_known_until, "scenario.known_until", {"Bekend tot ", "Known until "}},
    {m::scenario_days_evaluated, "scenario.days_evaluated", {" dagen beoordeeld van ", " days evaluated from "}},
    {m::scenario_blocks, "scenario.blocks", {"Blokkeert (overtredingen die deze plaatsing zou veroorzaken):",
                                              "Blocks (violations this placement would cause):"}},
    {m::scenario_beside, "scenario.beside", {"Ernaast (acties en waarschuwingen die de plaatsing meebrengt):",
                                              "Beside it (actions and warnings the placement brings):"}},
    {m::scenario_none, "scenario.none", {"geen", "none"}},
    {m::scenario_hours, "scenario.hours", {" uur per week", " hours a week"}},
    {m::scenario_per_hour, "scenario.per_hour", {" per uur", " an hour"}},
    {m::day_late, "actions.day_late", {" dag te laat", " day late"}},
    {m::days_late, "actions.days_late", {" dagen te laat", " days late"}},
    {m::due_today, "due.today", {"vandaag", "today"}},
    {m::due_tomorrow, "due.tomorrow", {"morgen", "tomorrow"}},
    {m::header_placement, "advise.header.placement", {"Plaatsing", "Placement"}},
    {m::header_contract, "advise.header.contract", {"Contract", "Contract"}},
    {m::header_phase, "advise.header.phase", {"Fase", "Phase"}},
    {m::header_sick, "advise.header.sick", {"Ziek", "Sick"}},
    {m::header_id, "advise.header.id", {"ID-bewijs", "ID document"}},
    {m::header_permit, "advise.header.permit", {"Vergunning", "Permit"}},
    {m::header_deadlines, "advise.header.deadlines", {"Termijnen", "Deadlines"}},
    {m::until_date, "word.until_date", {"tot ", "until "}},
    {m::ended_date, "word.ended_date", {"liep tot ", "ended "}},
    {m::valid_until, "word.valid_until", {"geldig tot ", "valid until "}},
    {m::expired_on, "word.expired_on", {"verlopen op ", "expired on "}},
    {m::none_word, "word.none", {"geen", "none"}},
    {m::phase_word, "word.phase", {"fase ", "phase "}},
    {m::of_word, "word.of", {" van ", " of "}},
    {m::weeks_word, "word.weeks", {" weken", " weeks"}},
    {m::week_word, "word.week", {"week ", "week "}},
    {m::contracts_word, "word.contracts", {" contracten", " contracts"}},
    {m::section_now, "advise.section.now", {"Nu doen", "Do now"}},
    {m::section_soon, "advise.section.soon", {"Binnenkort", "Coming up"}},
    {m::section_info, "advise.section.info", {"Ter info", "For information"}},
    {m::act_by, "advise.act_by", {"handel uiterlijk ", "act by "}},
    {m::since_day, "due.since_day", {"sinds 1 dag", "for 1 day"}},
    {m::since_days, "due.since_days", {"sinds %d dagen", "for %d days"}},
    {m::since_today, "due.since_today", {"sinds vandaag", "since today"}},
    {m::violation_one, "count.violation.one", {"overtreding", "violation"}},
    {m::violation_many, "count.violation.many", {"overtredingen", "violations"}},
    {m::action_one, "count.action.one", {"actie", "action"}},
    {m::action_many, "count.action.many", {"acties", "actions"}},
    {m::warning_one, "count.warning.one", {"waarschuwing", "warning"}},
    {m::warning_many, "count.warning.many", {"waarschuwingen", "warnings"}},
    {m::info_one, "count.info.one", {"melding ter info", "note"}},
    {m::info_many, "count.info.many", {"meldingen ter info", "notes"}},
    {m::evidence_label, "explain.evidence", {"Waarom, in woorden:", "Why, in words:"}},
    {m::rules_language_label, "explain.rules_language", {"In de regeltaal:", "In the rules language:"}},
    {m::due_label, "explain.due", {"termijn ", "due "}},
    {m::computed_from, "explain.computed_from", {", berekend uit ", ", computed from "}},
    {m::step_recorded, "explain.step_recorded", {"stap vastgelegd: ", "step recorded: "}},
    {m::yes_word, "word.yes", {"ja", "yes"}},
    {m::no_word, "word.no", {"nee", "no"}},
    {m::on_word, "word.on", {"op ", "on "}},
    {m::condition_label, "explain.condition", {"voorwaarde ", "condition "}},
    {m::holds_word, "explain.holds", {"klopt", "holds"}},
    {m::does_not_hold_word, "explain.does_not_hold", {"klopt niet", "does not hold"}},
    {m::counted_weeks_label, "explain.counted_weeks", {"gewerkte weken (vastgelegd): ", "weeks worked (recorded): "}},
    {m::see_actions, "advise.see_actions", {" (zie regelwerk actions)", " (see regelwerk actions)"}},
    {m::match_for, "match.for", {"Matching: vacature ", "Matching: vacancy "}},
    {m::match_at, "match.at", {"; peildatum ", "; reference date "}},
    {m::match_candidates, "match.candidates", {" kandidaten (actieve sollicitatie): ", " candidates (active application): "}},
    {m::match_eligible, "match.eligible", {"Plaatsbaar (score, bij gelijke score op werker-id):",
                                           "Eligible (by score, ties by worker id):"}},
    {m::match_blocked, "match.blocked", {"Geblokkeerd (de plaatsing zou een regel breken, of een eis ontbreekt):",
                                         "Blocked (the placement would break a rule, or a must-have is missing):"}},
    {m::match_points, "match.points", {" punten", " points"}},
    {m::match_beside, "match.beside", {"ernaast: ", "beside: "}},
    {m::match_flag, "match.flag", {"Discriminerende eis: ", "Discriminatory requirement: "}},
    {m::match_flag_alternative, "match.flag_alternative", {"neutraal alternatief: ", "neutral alternative: "}},
    {m::match_flag_unused, "match.flag_unused", {"deze eis wordt niet gebruikt (AWGB art. 5)", "this requirement is not used (AWGB art. 5)"}},
    {m::match_person_decides, "match.person_decides",
     {"Dit is een voorstel: een intercedent beslist (AVG art. 22).", "This is a proposal: an intercedent decides (GDPR art. 22)."}},
    {m::match_worker_for, "match.worker_for", {"Matching: open vacatures voor ", "Matching: open vacancies for "}},
    {m::match_contract, "match.contract", {"contract ", "contract "}},
    {m::match_phase, "match.phase", {"fase ", "phase "}},
    {m::match_own_contract, "match.own_contract", {"eigen contract ", "own contract "}},
    {m::match_more, "match.more", {" meer (--top)", " more (--top)"}},
    {m::match_eligible_count, "match.eligible_count", {" plaatsbaar, ", " eligible, "}},
    {m::match_blocked_count, "match.blocked_count", {" geblokkeerd", " blocked"}},
}};
// clang-format on

constexpr bool in_id_order() {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].id) != i) return false;
    return true;
}
static_assert(in_id_order(), "the message table must list every id once, in enum order");

}  // namespace

std::array<message_entry, message_count> const& message_table() { return table; }

std::string_view text(msg id, language l) {
    return table[static_cast<std::size_t>(id)].text[static_cast<std::size_t>(l)];
}

}  // namespace rw::adapters::presentation
