// The engine's public face: bind the rules once, then evaluate workers (and the agency) at a
// reference date R, producing facts and findings that explain themselves.
//
//   rules/*.rw --dsl::parse--> AST --bind--> program --evaluator--> facts, findings (+ explanation)
//   dossier (from an adapter) ------------------------^
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/model.hpp"
#include "rw/engine/program.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rw::engine {

/// Parses and binds rule sources (all errors of all files go to diags). Returns the program when
/// there is no error. `overrides` hold `bron`, `parameter` and `tabel` declarations that replace the
/// rulebook's declarations of the same name (same type), e.g. for a value marked onzeker.
std::shared_ptr<program const> bind_program(std::vector<dsl::source_ptr> const& sources, dsl::diagnostics& diags,
                                            std::vector<dsl::source_ptr> const& overrides = {});

/// A readable listing of the bound program: sources, parameters with their dated versions, tables,
/// facts with their types, rules with kind and validity (`rules check --dump bound`, golden files).
std::string describe_program(program const& prog);

/// Clients by id, for placements.
class client_index {
public:
    client_index() = default;
    explicit client_index(std::vector<client> const& clients);
    client const* find(std::string const& id) const;

private:
    std::unordered_map<std::string, client const*> by_id_;
};

/// What an explanation line is about.
enum class explanation_kind : std::uint8_t { rule, fact, parameter, table, condition, note };
char const* to_string(explanation_kind k);  // rule | fact | parameter | table | condition | note

/// A source (`bron`) as an explanation cites it.
struct explanation_source {
    std::string id, title, url;
};

/// The dated version a rule, parameter or table value came from.
struct explanation_version {
    day from;
    opt_day to;                                // inclusive; none = open
    std::vector<explanation_source> sources;  // rule: the sources of its citations
    std::string uncertain;             // the onzeker reason; empty: certain
    std::string exception;             // parameters: the label of the exception that applied
};

/// The typed side of an explanation line: ids other modules (guidance, exam questions, web
/// pages) use without parsing the human text.
struct explanation_ref {
    explanation_kind kind = explanation_kind::note;
    std::string id;            // rule id, fact name, parameter name, table name; a condition or
                               // note: the id of its rule
    std::string variant;       // rule: the `geval`
    std::string finding_kind;  // rule: violation | action | warning | info
    std::optional<explanation_version> version;  // rule, parameter, table (none: nothing in force)
    std::string key, row;      // table: the key looked up and the key of the row it fell in
    std::string clause;        // condition: waarvoor | geldig op | als | tenzij | termijn | gedaan
    int clause_index = -1;     // condition: 0..6 in that order, 6 = open zolang (stable whatever clauses a rule has)
    std::string file;          // rule: its declaration; condition: the clause's expression
    std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based; end exclusive
};

/// One line of a finding's explanation: a fact, a parameter value with its dated source, a table
/// value, a condition that held, or the rule version. The strings are the human text (Dutch, as
/// the rules are written); `ref` says the same as data.
struct explanation_line {
    std::string kind;  // rule | fact | parameter | table | condition | note (= to_string(ref.kind))
    std::string name;
    std::string value;
    std::string detail;  // period and source of a parameter; the clause text of a condition
    bool uncertain = false;
    std::string when;    // parameters and tables: the day it was read on (the first one)
    int more_days = 0;   // ... and on this many other days with the same value and version
    explanation_ref ref = {};
};

/// Issue 13: a text for the flex worker or the client, in plain language.
struct audience_text {
    std::string text;
    std::string lang;       // the language it is written in
    std::string requested;  // the language asked for; another than `lang` when the rule lacks it (then nl)
    int variant = -1;       // which of the rule's texts in `lang` (rule_info::worker_texts[lang].texts index)
    bool empty_placeholder = false;  // a placeholder gave no value (leeg): the text has a gap
    bool fallback() const { return lang != requested; }
};

struct finding {
    std::string rule;
    std::string variant;
    finding_kind kind = finding_kind::violation;
    std::string worker;  // empty: agency-level
    std::string contract;
    std::string placement;
    int sickness = -1;  // index into the worker's sickness list
    opt_day due;
    /// The working day to act on when the deadline falls on a weekend or public holiday and the rule
    /// says to act on the working day before it ('bij vrije dag werkdag ervoor'); none when it is
    /// the due date itself. (Where the deadline moves, 'erna', `due` is the moved day.)
    opt_day act_by;
    bool overdue = false;
    /// Still to do on the reference date: an action not done (due or overdue), or a step whose
    /// lateness makes it a violation and that is not done yet (it must still be done, late). The
    /// work list (`actions`) shows every open finding; a step done late is not open.
    bool open = false;
    std::vector<std::string> citations;  // "art. 7:668 lid 1 BW (Burgerlijk Wetboek, https://...)"
    std::string message_nl, message_en, advice_nl, advice_en;
    /// Issue 13: the rule's `tekst werker` / `tekst inlener`, when evaluation_options asks for them
    /// and the rule has them.
    std::optional<audience_text> worker_text, client_text;
    std::vector<explanation_line> explanation;  // filled when evaluation_options::explain
    std::size_t rule_index = 0;
    bool uncertain = false;
    /// Guidance (issue 13): the rule's task tag (wettelijk | beleid; empty: none), and with
    /// evaluation_options::timeline the day the step was done (none: not done).
    std::string task;
    opt_day done;
};

struct fact_value {
    std::string name;
    value v;
    std::string text;      // normalised: dates ISO, numbers without trailing zeros
    std::string display;   // for people: fase with the agency's labels
};

struct evaluation_options {
    /// The day the rules are evaluated on ("peildatum"): validity, deadlines, what is overdue.
    day reference;
    bool explain = false;
    /// List actions due up to this many days after the reference date, instead of each rule's own
    /// window (`actions --within`).
    std::optional<int> lead_days = std::nullopt;
    /// Also compute the worker's facts (advise, cases); the audit only needs findings.
    bool facts = true;
    /// Render messages and advice only in this language ("nl" or "en"); empty renders both.
    std::string lang = {};
    /// Issue 13: also render the texts for the worker (`tekst werker`) and the client (`tekst
    /// inlener`) in this language (nl, en, pl; a rule without it gives nl); empty: not rendered.
    std::string worker_text_lang = {};
    std::string client_text_lang = {};
    /// Nothing recorded after this day is known (done steps, sickness reports, worked weeks); weeks
    /// between it and `reference` are projected from the contracts. None: the reference date.
    /// A scenario (scenario.hpp) evaluates days after what is known; everything else leaves it empty.
    opt_day known_until = std::nullopt;
    /// The timeline (issue 13, `tijdlijn`): every instance of an action, also one done (with
    /// finding::done; done late stays visible) and one due beyond the listing window.
    bool timeline = false;
    /// Evaluate only the rules i with (*only_rules)[i] != 0 (size: the program's rules); null: every
    /// rule. A rule's findings do not depend on which other rules run, except that an `uitzondering
    /// op` rule must run with the rule it suppresses, and runtime issues come only from the rules run.
    std::vector<char> const* only_rules = nullptr;
    /// Messages and advice: rendered, or skipped (none: for a run whose findings are only compared
    /// by rule and subject; issues that only a message's expression would raise are then not seen).
    enum class message_mode : std::uint8_t { render, none };
    message_mode messages = message_mode::render;
};

struct worker_result {
    std::vector<fact_value> facts;
    std::vector<finding> findings;  // deterministic order: overdue actions, then by due, rule, ids
};

/// Matching (issue 12): one instance of a criterion (`criterium`) that applied to a candidate and
/// a vacancy: points with a reason, or a missing must-have.
struct criterion_result {
    std::string criterion;
    std::string variant;
    criterion_kind kind = criterion_kind::points;
    std::int64_t points_milli = 0;  // thousandths (getal)
    std::string reason_nl, reason_en;
    std::vector<std::string> citations;
};

struct eval_context;
struct tariff_result;  // tariff.hpp (acquisition, issue 14)
/// A tariff's inputs by its argument names, as text: geld "15.00" or "15,00", getal "21",
/// percentage "12.5" or "12,5%", waarheid "ja"/"nee", an enumeration by its member (contract
/// "uitzendbeding", fase "A"). A missing argument is leeg.
using tariff_inputs = std::map<std::string, std::string>;

/// Evaluates the program. Not thread-safe: use one evaluator per thread (they share the program).
class evaluator {
public:
    explicit evaluator(std::shared_ptr<program const> prog);
    ~evaluator();
    evaluator(evaluator const&) = delete;
    evaluator& operator=(evaluator const&) = delete;

    worker_result evaluate_worker(agency const& ag, client_index const& clients, worker const& w,
                                  evaluation_options const& opts);
    std::vector<finding> evaluate_agency(agency const& ag, evaluation_options const& opts);

    /// Matching (issue 12): the criteria in force on opts.reference for a candidate and a vacancy
    /// (of client k), in declaration order; every instance whose condition holds (matching.cpp).
    std::vector<criterion_result> evaluate_criteria(agency const& ag, client_index const& clients, worker const& w,
                                                    client const& k, vacancy const& v, evaluation_options const& opts);

    /// Acquisition (issue 14): the tariff `name` in force on `at` (tariff.cpp; use evaluate_tariff).
    tariff_result run_tariff(agency const* ag, std::string const& name, day at, tariff_inputs const& inputs);

    program const& prog() const { return *prog_; }
    std::shared_ptr<program const> const& shared_prog() const { return prog_; }

private:
    std::shared_ptr<program const> prog_;
    std::unique_ptr<eval_context> ctx_;
};

/// A row of the store that could not be read, as a data-quality finding (rule "data.kwaliteit").
finding data_quality_finding(data_issue const& issue);

/// Sort order of findings for people: overdue actions first, then by due date, then rule and ids.
void sort_findings(std::vector<finding>& fs);

/// A value as people read it in `lang`: enumeration values, waar/onwaar and leeg with the rulebook's
/// labels (program::label), dates with their weekday ("zo 15 nov 2026"), a week by its Monday
/// ("week van ma 1 mei 2023"), durations with units in the language. Never an engine code.
std::string text_for_people(program const& prog, value const& v, std::string_view lang);

/// "A"/"B"/"C" or "1-2"/"3"/"4" for NBBU-style labels.
std::string phase_label(std::string const& fase, phase_labels labels);

}  // namespace rw::engine
