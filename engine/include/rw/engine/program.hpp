// The bound program: what `rules/` says after names and types are resolved. Expressions are a
// flat array of typed nodes (indices, no pointers); sources, dated parameters (versions and
// exceptions), tables, facts (with default/exception definitions) and rules reference them.
// Built once by bind(); evaluated for many workers.
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/model.hpp"
#include "rw/engine/types.hpp"
#include "rw/engine/value.hpp"

#include <deque>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

namespace rw::engine {

enum class op : std::uint8_t {
    constant,
    slot,            // a variable bound by `voor elk` or an aggregate
    fact,            // id = fact index
    param_at,        // id = parameter index; children: [date, args...] (date child may be reference date)
    param_series,    // id = parameter index: the whole parameter, for a primitive
    table_series,    // id = table index
    table_at,        // id = table index; children: [key, date]
    reference_date,  // peildatum
    worker,          // werker
    agency,          // bureau
    field,           // id = field index of the child's entity; children: [entity]
    logical_not,
    logical_and,
    logical_or,
    compare,         // id = comparison (cmp_kind); children: [lhs, rhs]
    arith,           // id = arith_kind; children: [lhs, rhs]
    negate,
    is_empty,
    not_empty,
    member,          // children: [value, list]
    not_member,
    make_list,       // children: items
    conditional,     // children: [cond, then, else]
    call,            // id = builtin index; children: args (missing optional args are empty constants)
    aggregate,       // id = aggregate_kind; slot = variable; children: [collection, filter|none, body|none]
    first_day,       // eerste_dag(d van a tot b waarvoor c): id = first_day_info index; slot = d;
                     // children: [a, b, c]
    vacancy,         // vacature (matching, issue 12: only in a criterion)
    round,           // afgerond(x, naar: ..., op: unit): id = round_kind; children: [x, unit]; an exact
                     // product or quotient as x is rounded once, from its exact value
};

enum class cmp_kind : std::uint8_t { eq, ne, lt, le, gt, ge };
enum class arith_kind : std::uint8_t {
    number_add, number_sub, number_mul, money_add, money_sub, money_mul,
    date_add_days, date_add_weeks, date_add_months, date_sub_days, date_sub_weeks, date_sub_months,
    date_diff,  // date - date = days
    duration_add, duration_sub, duration_mul,
    // Issue 10: computed exactly in integers, then rounded half away from zero to the result's unit
    // (money_mul too: cents x thousandths). Division by zero gives leeg and a run-time issue.
    number_div, money_div, money_ratio,  // getal / getal, geld / getal, geld / geld -> getal
    money_mul_pct, number_mul_pct,       // geld x percentage, getal x percentage
    percent_add, percent_sub,
};
/// afgerond(x, naar: half_omhoog | beneden | boven): half away from zero, toward -inf, toward +inf.
enum class round_kind : std::uint8_t { half_up, down, up };
enum class aggregate_kind : std::uint8_t { count, exists, all, sum, min, max, first, last, filter };

struct node {
    op o = op::constant;
    type t;
    std::uint16_t id = 0;
    std::uint16_t slot = 0;
    std::uint32_t first_child = 0;
    std::uint16_t child_count = 0;
    bool has_filter = false;  // aggregates
    bool has_body = false;
    /// Inside an eerste_dag condition: 1 or 2, a comparison of the day with a date that does not
    /// depend on it (the left or the right side): that date is a day the condition may change on;
    /// 3, leeftijd(birth, day): the birthdays are. On an aggregate, bit 4: its collection is the
    /// same on every day tried (built once); bit 8: its value is the same for every element of an
    /// enclosing aggregate (computed once per day tried).
    std::uint8_t probe = 0;
    value constant;
    dsl::span where;
};

enum class finding_kind : std::uint8_t { violation, action, warning, info };
char const* to_string(finding_kind k);      // violation | action | warning | info
char const* dutch_name(finding_kind k);     // overtreding | actie | waarschuwing | info

/// What an eerste_dag condition reads on its day: the parameters and tables whose changes are
/// days on which the condition may change (the comparisons and ages are marked on their nodes).
struct first_day_info {
    std::vector<int> params;
    std::vector<int> tables;
};

struct source_info {
    std::string name;
    std::string title;
    std::string url;
};

struct param_version {
    value v;
    day from;
    opt_day to;  // inclusive; none = until the next version
    std::vector<int> sources;
    std::string uncertain;
    dsl::span where;
};

struct param_exception {
    std::string label;
    value v;
    day from;
    opt_day to;
    std::uint32_t condition = 0;  // node; the parameter's arguments are slots first_arg_slot...
    std::vector<int> sources;
    std::string uncertain;
    dsl::span where;
};

struct parameter_info {
    std::string name;
    std::vector<std::pair<std::string, type>> args;
    std::uint16_t first_arg_slot = 0;
    type t;
    std::string uncertain;
    std::vector<param_version> versions;  // ascending, contiguous
    std::vector<param_exception> exceptions;
    dsl::span where;
};

struct table_version {
    day from;
    opt_day to;
    std::vector<int> sources;
    std::string uncertain;
    /// Ascending keys (compared key by key). A number, amount, date or duration key covers up to
    /// the next row's key; an enumeration, text or truth key matches only itself.
    struct row {
        std::vector<value> keys;
        value v;
    };
    std::vector<row> rows;
};

struct table_info {
    std::string name;
    std::vector<std::string> args;  // the keys' names
    std::vector<type> key_types;
    type t;
    std::vector<table_version> versions;
    dsl::span where;
};

struct fact_definition {
    std::uint32_t value_node = 0;
    std::optional<std::uint32_t> condition;  // none: the default definition
    dsl::span where;
};

struct fact_info {
    std::string name;
    bool helper = false;  // hulpfeit: not shown as a fact of the worker
    type t;
    std::vector<fact_definition> defs;
    bool per_agency = false;  // does not depend on the worker
    dsl::span where;
};

/// A message with {placeholders}: literal parts and expression nodes.
struct message_template {
    struct part {
        std::string text;
        std::optional<std::uint32_t> node;
    };
    std::vector<part> parts;
    bool after_due = false;                  // na termijn: once the deadline has passed
    std::optional<std::uint32_t> condition;  // als: only where this holds (the first that holds wins)
    bool empty() const { return parts.empty(); }
};

/// The wordings of one message or advice in one language: before and after the deadline, each with
/// conditional texts (tried in order) and one text without a condition (the rest).
struct message_texts {
    std::vector<message_template> texts;
    bool empty() const { return texts.empty(); }
    /// The text that applies: the first conditional one of the phase whose condition holds, else
    /// the phase's unconditional one; none (nullptr) if the phase has no text.
    template <class Holds>
    message_template const* choose(bool after_due, Holds&& holds) const {
        message_template const* fallback = nullptr;
        for (auto const& t : texts) {
            if (t.after_due != after_due) continue;
            if (!t.condition) {
                if (!fallback) fallback = &t;
            } else if (holds(*t.condition)) {
                return &t;
            }
        }
        return fallback;
    }
};

struct citation_info {
    std::string article;
    std::vector<int> sources;
    opt_day from, to;  // the cited text is in force on these days (inclusive; none = open)
    bool in_force_on(day d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

struct generator_info {
    std::uint16_t slot;
    std::uint32_t collection;  // node
    type element;
    std::string var;
};

struct rule_info {
    std::string id;
    std::string variant;
    std::string exception_of;
    finding_kind kind = finding_kind::violation;
    /// Guidance (issue 13): `taak wettelijk` (statutory: late is a violation) or `taak beleid` (the
    /// agency's policy: late is a reminder); empty for other rules.
    std::string task;
    /// Its 'gedaan' reads the worker's task records (werker.taken or taak_gedaan): a record with
    /// this rule's id as task closes it (`regelwerk taak gedaan` accepts its id).
    bool done_by_record = false;
    std::vector<citation_info> citations;
    std::vector<std::string> citation_texts;  // rendered once at bind time
    std::string uncertain;
    day valid_from;
    opt_day valid_to;
    std::optional<std::uint32_t> valid_on;
    bool agency_level = false;
    std::vector<generator_info> generators;
    std::optional<std::uint32_t> filter, condition, unless, due, done, lead;
    /// bij vrije dag werkdag ervoor | erna: the working day to act on (the day itself when it is a
    /// working day); with erna the deadline itself moves there (Algemene termijnenwet art. 1).
    std::optional<std::uint32_t> act_by;
    bool due_moves = false;
    bool late_is_violation = false;
    /// open zolang: while it holds on the reference date, a violation or warning is still to be
    /// remedied (stop the placement, pay the difference) and stays on the work list.
    std::optional<std::uint32_t> open_while;
    message_texts message_nl, message_en, advice_nl, advice_en;
    dsl::span where;
    std::string location;  // file:line
};

/// What a rulebook label names: `label <soort> <naam> nl "..." en "..."` (issue 11: every name
/// people read comes from the rulebook, not from C++).
enum class label_kind : std::uint8_t {
    feit,     // a fact or helper fact: fase_a.begin
    regel,    // a rule id, as a heading: poortwachter.plan_van_aanpak
    waarde,   // an enumeration value or a dossier code: bepaalde_tijd, id_card, twv
    eenheid,  // a unit of a quantity: weken, dagen, uur
    term,     // any other word the output shows: cao, waar, onwaar, leeg
};
struct label_info {
    label_kind kind = label_kind::feit;
    std::string name;
    std::string nl, en;
    std::string location;  // file:line
    dsl::span where;
    bool from_override = false;  // an agency's label may replace the rulebook's
};

/// The key of program::label_index.
std::string label_key(label_kind kind, std::string_view name);

/// Matching (issue 12): a criterion (`criterium`). Kind punten adds points with a reason; kind eis
/// is a must-have: when its condition holds for an item, the item is missing and blocks the
/// candidate (the catalogue's `match.eis_ontbreekt`).
enum class criterion_kind : std::uint8_t { points, requirement };
struct criterion_info {
    std::string id;
    std::string variant;
    criterion_kind kind = criterion_kind::points;
    std::vector<std::string> citation_texts;
    day valid_from;
    opt_day valid_to;
    std::vector<generator_info> generators;
    std::optional<std::uint32_t> filter, condition, points;
    message_template reason_nl, reason_en;
    dsl::span where;
    std::string location;  // file:line
};

struct program {
    std::vector<node> nodes;
    std::vector<std::uint32_t> children;
    std::deque<std::string> strings;  // text constants (stable addresses)
    std::deque<std::vector<value>> constant_lists;  // list values of parameters
    std::deque<list_data> constant_list_headers;
    std::vector<source_info> sources;
    std::vector<parameter_info> params;
    std::vector<table_info> tables;
    std::vector<fact_info> facts;
    std::vector<rule_info> rules;
    std::vector<criterion_info> criteria;  // matching (issue 12)
    std::vector<first_day_info> first_days;
    std::uint16_t slot_count = 0;
    int default_lead_param = -1;  // actie.vooruitblik: how far ahead actions are listed
    std::string rules_hash;  // FNV-1a over the rule files' text, for colophons
    std::vector<std::string> files;

    node const& at(std::uint32_t i) const { return nodes[i]; }
    std::uint32_t child(node const& n, std::size_t k) const { return children[n.first_child + k]; }
    int fact_index(std::string const& name) const;
    int param_index(std::string const& name) const;

    std::vector<label_info> labels;  // in the order declared; an override's label replaces the rulebook's
    std::unordered_map<std::string, std::size_t> label_index;  // kind letter + name -> labels[i]
    /// The rulebook's label for people in `lang` ("nl" or "en"; en falls back to nl); empty when
    /// the rulebook has none, so that callers can fall back on the name itself. Values are named
    /// with their enumeration: waarde contractsoort.bepaalde_tijd.
    std::string_view label(label_kind kind, std::string_view name, std::string_view lang) const;
    /// A label or, without one, the name itself.
    std::string label_or_name(label_kind kind, std::string_view name, std::string_view lang) const;
};

}  // namespace rw::engine
