// The stable codes of the rules language's diagnostics, in one place. A code names one kind of
// problem and never changes meaning; it is written out here by hand (never derived from a
// position in a list), so adding a diagnostic never renumbers the others. rules/README.md lists
// them (a unit test checks that every code below is there, and that no code is used twice).
//
//   RW1xxx  syntax (the parser, dsl/)            RW5xxx  rules: clauses and messages
//   RW2xxx  names: declarations and lookup       RW6xxx  override files
//   RW3xxx  types of expressions                  RW7xxx  checks over the whole program
//   RW4xxx  literals and dated declarations
//
// A retired code is kept commented out with its number, so that it is not given out again.
#pragma once

#include <array>
#include <string_view>

namespace rw::dsl::codes {

struct code_info {
    std::string_view code;
    std::string_view summary;
};

// ---- RW1: syntax --------------------------------------------------------------------------------
inline constexpr char const* syntax = "RW1001";                // expected X, found Y
inline constexpr char const* placeholder_unclosed = "RW1101";  // '{' without '}' in a message
inline constexpr char const* placeholder_syntax = "RW1102";    // the expression in {...} does not parse
inline constexpr char const* placeholder_empty = "RW1103";     // {} holds nothing

// ---- RW2: names ---------------------------------------------------------------------------------
inline constexpr char const* unknown_name = "RW2001";
inline constexpr char const* unknown_field = "RW2002";
inline constexpr char const* unknown_function = "RW2003";
inline constexpr char const* unknown_source = "RW2004";
inline constexpr char const* unknown_parameter = "RW2005";
inline constexpr char const* unknown_table = "RW2006";
inline constexpr char const* unknown_member = "RW2007";   // not a member of the enumeration
inline constexpr char const* unknown_type = "RW2008";
inline constexpr char const* declared_twice = "RW2009";   // parameter, table or fact name
inline constexpr char const* source_twice = "RW2010";
inline constexpr char const* worker_in_agency_rule = "RW2011";
inline constexpr char const* fact_in_agency_rule = "RW2012";
inline constexpr char const* unknown_argument = "RW2013";  // a built-in has no argument of that name

// ---- RW3: types ---------------------------------------------------------------------------------
inline constexpr char const* type_mismatch = "RW3001";  // X must be T, but is U
inline constexpr char const* cannot_compare = "RW3002";
inline constexpr char const* not_ordered = "RW3003";
inline constexpr char const* cannot_compute = "RW3004";
inline constexpr char const* bad_negation = "RW3005";
inline constexpr char const* branch_types = "RW3006";
inline constexpr char const* set_item_type = "RW3007";
inline constexpr char const* membership_type = "RW3008";
inline constexpr char const* parameter_arguments = "RW3009";  // count, or arguments missing
inline constexpr char const* parameter_fields = "RW3010";
inline constexpr char const* table_key = "RW3011";            // missing key, wrong number of keys
inline constexpr char const* as_of_target = "RW3012";         // 'op' needs a parameter or a table
inline constexpr char const* argument_twice = "RW3013";
inline constexpr char const* argument_order = "RW3014";       // positional after named
inline constexpr char const* too_many_arguments = "RW3015";
inline constexpr char const* missing_argument = "RW3016";
inline constexpr char const* argument_type = "RW3017";
inline constexpr char const* series_argument = "RW3018";      // expected the name of a parameter or table
inline constexpr char const* aggregate_misuse = "RW3019";
inline constexpr char const* division_by_zero = "RW3020";     // a constant divisor of zero
inline constexpr char const* rounding_misuse = "RW3021";      // afgerond(...) arguments

// ---- RW4: literals and dated declarations -------------------------------------------------------
inline constexpr char const* bad_date = "RW4001";
inline constexpr char const* duration_not_whole = "RW4002";
inline constexpr char const* duration_range = "RW4003";
inline constexpr char const* bad_amount = "RW4004";
inline constexpr char const* not_constant = "RW4005";
inline constexpr char const* no_dated_value = "RW4006";
inline constexpr char const* period_reversed = "RW4007";
inline constexpr char const* values_not_ascending = "RW4008";
inline constexpr char const* value_gap = "RW4009";
inline constexpr char const* value_overlap = "RW4010";
inline constexpr char const* exception_twice = "RW4011";
inline constexpr char const* table_keys_not_ascending = "RW4012";
inline constexpr char const* fact_types_differ = "RW4013";
inline constexpr char const* fact_two_defaults = "RW4014";
inline constexpr char const* fact_keyword_mixed = "RW4015";
inline constexpr char const* bad_percentage = "RW4016";
inline constexpr char const* bad_number = "RW4017";

// ---- RW5: rules ---------------------------------------------------------------------------------
inline constexpr char const* citation_period = "RW5001";
inline constexpr char const* for_each_not_list = "RW5002";
inline constexpr char const* action_needs_due = "RW5003";
inline constexpr char const* clause_needs_due = "RW5004";
inline constexpr char const* late_needs_action = "RW5005";
inline constexpr char const* lead_not_duration = "RW5006";
inline constexpr char const* message_twice = "RW5007";
inline constexpr char const* message_missing = "RW5008";
inline constexpr char const* placeholder_needs_due = "RW5009";
inline constexpr char const* placeholder_type = "RW5010";
inline constexpr char const* open_while_on_action = "RW5011";
// issue 11, texts that know the day (RW5101-RW5149)
inline constexpr char const* after_due_text_missing = "RW5101";  // a rule with 'termijn' lacks a 'na termijn' text
inline constexpr char const* after_due_needs_due = "RW5102";     // 'na termijn' wording without 'termijn'
inline constexpr char const* free_day_needs_due = "RW5103";      // 'bij vrije dag' without 'termijn'
inline constexpr char const* placeholder_needs_act_by = "RW5104"; // {handel_uiterlijk} without 'termijn'
inline constexpr char const* label_unknown = "RW5201";  // a label for a fact, rule, value or unit that does not exist
inline constexpr char const* label_twice = "RW5202";    // the same thing labelled twice in the rulebook
inline constexpr char const* label_empty = "RW5203";    // a label with an empty text
// Matching (issue 12): criteria (criterium) for candidates and vacancies.
inline constexpr char const* protected_ground = "RW5301";      // a criterion reads a protected ground (AWGB, AVG art. 9)
inline constexpr char const* vacancy_outside_criterion = "RW5302";  // 'vacature' outside a criterion
inline constexpr char const* criterion_points = "RW5303";      // 'punten' missing in soort punten, or given in soort eis
inline constexpr char const* reason_missing = "RW5304";        // 'reden nl'/'reden en' missing or twice
inline constexpr char const* criterion_twice = "RW5305";       // a criterion (with its geval) is declared twice
inline constexpr char const* criterion_for_agency = "RW5306";  // 'voor het bureau' in a criterion
// Guidance (issue 13): tasks (taak wettelijk | beleid) and their evidence (RW5501-RW5599).
inline constexpr char const* task_needs_action = "RW5501";        // 'taak' in a rule that is not 'soort actie'
inline constexpr char const* statutory_task_late = "RW5502";      // 'taak wettelijk' without 'na termijn overtreding'
inline constexpr char const* policy_task_late = "RW5503";         // 'taak beleid' with 'na termijn overtreding'
inline constexpr char const* task_unknown = "RW5504";             // taak_gedaan names no rule of the program
inline constexpr char const* task_name_not_text = "RW5505";       // taak_gedaan's task is not a text written out

// ---- RW6: overrides -----------------------------------------------------------------------------
inline constexpr char const* override_kind = "RW6001";
inline constexpr char const* override_type = "RW6002";
inline constexpr char const* override_unknown = "RW6003";

// ---- RW7: whole program -------------------------------------------------------------------------
inline constexpr char const* rule_twice = "RW7001";
inline constexpr char const* exception_to_itself = "RW7002";
inline constexpr char const* exception_to_unknown = "RW7003";
inline constexpr char const* coverage_before = "RW7004";
inline constexpr char const* coverage_after = "RW7005";
inline constexpr char const* default_lead_type = "RW7006";
inline constexpr char const* default_lead_missing = "RW7007";
inline constexpr char const* fact_cycle = "RW7008";

/// Every code with a one-line summary (the README's table is checked against this).
inline constexpr std::array all = {
    code_info{"RW1001", "syntax error: expected one thing, found another"},
    code_info{"RW1101", "'{' without a closing '}' in a message"},
    code_info{"RW1102", "the expression inside a message placeholder does not parse"},
    code_info{"RW1103", "an empty placeholder {}"},
    code_info{"RW2001", "unknown name"},
    code_info{"RW2002", "an entity has no such field"},
    code_info{"RW2003", "unknown function"},
    code_info{"RW2004", "unknown source (bron)"},
    code_info{"RW2005", "unknown parameter"},
    code_info{"RW2006", "unknown table"},
    code_info{"RW2007", "not a member of the enumeration"},
    code_info{"RW2008", "unknown type"},
    code_info{"RW2009", "a parameter, table or fact name is declared twice"},
    code_info{"RW2010", "a source is declared twice"},
    code_info{"RW2011", "'werker' in a rule 'voor het bureau'"},
    code_info{"RW2012", "a fact in a rule 'voor het bureau'"},
    code_info{"RW2013", "a built-in has no argument of that name"},
    code_info{"RW3001", "a value has the wrong type for its place"},
    code_info{"RW3002", "values of different types are compared"},
    code_info{"RW3003", "'<', '>' on values without an order"},
    code_info{"RW3004", "arithmetic on types that do not combine"},
    code_info{"RW3005", "'-' on a value that cannot be negative"},
    code_info{"RW3006", "the branches of 'als ... dan ... anders' differ in type"},
    code_info{"RW3007", "the items of a set differ in type"},
    code_info{"RW3008", "'in' on something that is not a list, or a list of another type"},
    code_info{"RW3009", "a parameter is read with the wrong arguments"},
    code_info{"RW3010", "a parameter has no fields"},
    code_info{"RW3011", "a table is read without its keys, or with the wrong number"},
    code_info{"RW3012", "'op' after something that is neither a parameter nor a table"},
    code_info{"RW3013", "an argument is given twice"},
    code_info{"RW3014", "a positional argument after a named one"},
    code_info{"RW3015", "too many arguments"},
    code_info{"RW3016", "a required argument is missing"},
    code_info{"RW3017", "an argument has the wrong type"},
    code_info{"RW3018", "a built-in needs the name of a parameter or table here"},
    code_info{"RW3019", "an aggregate (aantal, som, alle, ...) used the wrong way"},
    code_info{"RW3020", "division by a constant zero"},
    code_info{"RW3021", "afgerond(...) with the wrong arguments"},
    code_info{"RW4001", "not a calendar date"},
    code_info{"RW4002", "a duration that is not a whole number"},
    code_info{"RW4003", "a duration of more than 200 years"},
    code_info{"RW4004", "not an amount in euro with at most two decimals"},
    code_info{"RW4005", "a value that must be a constant is not"},
    code_info{"RW4006", "a parameter without a dated value"},
    code_info{"RW4007", "a period ends before it starts"},
    code_info{"RW4008", "dated values or table versions do not ascend"},
    code_info{"RW4009", "a gap between dated values"},
    code_info{"RW4010", "dated values overlap"},
    code_info{"RW4011", "a parameter exception label is used twice"},
    code_info{"RW4012", "table keys do not ascend"},
    code_info{"RW4013", "the definitions of a fact differ in type"},
    code_info{"RW4014", "a fact has two definitions without a condition"},
    code_info{"RW4015", "a fact is declared both as 'feit' and 'hulpfeit'"},
    code_info{"RW4016", "a percentage with more than four decimals"},
    code_info{"RW4017", "a number with more than three decimals (it read as 0 before)"},
    code_info{"RW5001", "a citation's 'tot' lies before its 'vanaf'"},
    code_info{"RW5002", "'voor elk' over something that is not a list"},
    code_info{"RW5003", "an action without 'termijn'"},
    code_info{"RW5004", "'gedaan', 'zichtbaar' or 'na termijn' without 'termijn'"},
    code_info{"RW5005", "'na termijn overtreding' in a rule that is not an action"},
    code_info{"RW5006", "'zichtbaar vanaf' without a duration"},
    code_info{"RW5007", "a message or advice is given twice for one language"},
    code_info{"RW5008", "a rule lacks a message or advice in a language"},
    code_info{"RW5009", "{termijn} in a rule without 'termijn'"},
    code_info{"RW5010", "a placeholder gives a list or an entity, not a printable value"},
    code_info{"RW5011", "'open zolang' in an action (an action is open until it is done)"},
    code_info{"RW5101", "a rule with 'termijn' lacks the wording after its deadline ('melding nl na termijn', ...)"},
    code_info{"RW5102", "'na termijn' wording in a rule without 'termijn'"},
    code_info{"RW5103", "'bij vrije dag' in a rule without 'termijn'"},
    code_info{"RW5104", "{handel_uiterlijk} in a rule without 'termijn'"},
    code_info{"RW5201", "a label for a fact, rule, value or unit the rules do not have"},
    code_info{"RW5202", "the same fact, rule, value, unit or term is labelled twice"},
    code_info{"RW5203", "a label with an empty text"},
    code_info{"RW5301", "a criterion reads a protected ground (AWGB art. 1 and 5, AVG art. 9)"},
    code_info{"RW5302", "'vacature' outside a criterion"},
    code_info{"RW5303", "'punten' missing in a criterion 'soort punten', or given in 'soort eis'"},
    code_info{"RW5304", "a criterion lacks 'reden nl' or 'reden en', or gives one twice"},
    code_info{"RW5305", "a criterion (with its geval) is declared twice"},
    code_info{"RW5306", "'voor het bureau' in a criterion"},
    code_info{"RW5501", "'taak' in a rule that is not 'soort actie'"},
    code_info{"RW5502", "'taak wettelijk' without 'na termijn overtreding' (a statutory task done late is a violation)"},
    code_info{"RW5503", "'taak beleid' with 'na termijn overtreding' (the agency's policy is no law: late is a reminder)"},
    code_info{"RW5504", "taak_gedaan names a task that is no rule of the program"},
    code_info{"RW5505", "taak_gedaan's task is not a text written out (\"...\")"},
    code_info{"RW6001", "an override file holds something else than bron, parameter, tabel or label"},
    code_info{"RW6002", "an override changes the type of what it replaces"},
    code_info{"RW6003", "an override of something the rules do not declare"},
    code_info{"RW7001", "a rule (with its geval) is declared twice"},
    code_info{"RW7002", "a rule is an exception to itself"},
    code_info{"RW7003", "a rule is an exception to an unknown rule"},
    code_info{"RW7004", "a parameter or table read by a rule has no value before a day the rule is in force"},
    code_info{"RW7005", "a parameter or table read by a rule has no value after a day the rule is in force"},
    code_info{"RW7006", "actie.vooruitblik is not a duration"},
    code_info{"RW7007", "the rules do not declare actie.vooruitblik"},
    code_info{"RW7008", "facts depend on each other in a cycle"},
};

}  // namespace rw::dsl::codes
