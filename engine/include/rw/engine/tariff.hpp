// Acquisition (issue 14): the client tariff. The cost price of an hour of agency work is a
// `tarief` declaration in the rulebook (rules/tarief/): dated, cited cost lines. The engine
// evaluates it for the quote's inputs, applies the agency's margin or factor, checks the floors
// (minimum wage, the client's reference wage) and refuses a quote below cost. The re-quote list
// finds the placements whose cost price changes within a number of weeks.
#pragma once

#include "rw/engine/engine.hpp"
#include "rw/engine/batch.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rw::engine {

struct tariff_line_result {
    std::string name;
    tariff_line_kind kind = tariff_line_kind::cost;
    std::string label_nl, label_en;
    std::optional<std::int64_t> base_cents;  // basis
    std::optional<std::int64_t> rate_micro;  // tarief: millionths of one
    std::optional<std::int64_t> amount_cents;  // none: leeg (an input was missing)
    std::vector<explanation_source> sources;   // the line's own (volgens), then what its values came from
    std::vector<std::string> uncertain;        // why a value it used is onzeker (the line's own first)
    std::vector<explanation_line> reads;       // parameters and tables read, with their dated versions
};

struct tariff_result {
    std::string tariff;
    day at;
    std::vector<std::string> citations;
    std::vector<tariff_line_result> lines;  // the lines whose condition held, in declaration order
    std::int64_t cost_cents = 0;            // the sum of the 'post' lines
    std::vector<std::string> errors;        // bad inputs, no tariff in force, a line that is leeg
    bool uncertain() const {
        for (auto const& l : lines)
            if (!l.uncertain.empty()) return true;
        return false;
    }
};

/// The tariff named `name` in force on `at`, for these inputs. ag may be null (no store).
tariff_result evaluate_tariff(evaluator& ev, agency const* ag, std::string const& name, day at, tariff_inputs const& inputs);

/// A floor the wage must reach (the tariff's 'ondergrens' lines, and the client's reference wage).
struct tariff_floor {
    std::string name, label_nl, label_en;
    std::int64_t amount_cents = 0;
    bool met = true;
    std::vector<explanation_source> sources;
    std::vector<std::string> uncertain;
};

enum class refusal_kind : std::uint8_t {
    below_cost,   // the tariff lies below the cost price (amount: by how much)
    below_floor,  // the wage lies below a floor (amount: the floor)
    no_cost,      // the cost price could not be computed (see cost.errors)
};
struct refusal {
    refusal_kind kind = refusal_kind::below_cost;
    std::string floor, label_nl, label_en;
    std::int64_t amount_cents = 0;
};

struct quote_options {
    std::optional<std::int64_t> margin_micro;  // --margin P%: tariff = cost x (1 + P)
    std::optional<std::int64_t> factor_milli;  // --factor F: tariff = wage x F
};

struct quote {
    tariff_result cost;
    std::int64_t wage_cents = 0;
    std::optional<std::int64_t> tariff_cents;   // none without margin and factor (cost only)
    std::optional<std::int64_t> factor_micro;   // tariff / wage, millionths
    std::optional<std::int64_t> cost_factor_micro;  // cost / wage
    std::optional<std::int64_t> margin_micro;   // (tariff - cost) / cost
    std::vector<tariff_floor> floors;
    bool refused = false;
    std::vector<refusal> refusals;  // why refused
};

/// Computes the quote: the cost (evaluate_tariff), the floors and the tariff. Rounding: the
/// tariff is the cost x (1 + margin), or the wage x factor, rounded half away from zero to a cent
/// (the same rule as each line's afgerond(...)); the factors are shown to four decimals.
quote make_quote(evaluator& ev, agency const* ag, std::string const& tariff_name, day at, tariff_inputs const& inputs,
                 quote_options const& o);

/// A placement's inputs on day `at`: loon (its wage), contract (its contract's kind), uren (the
/// contract's hours), fase (the worker's fact on that day), leeftijd (on that day) and
/// referentieloon (the client's reference wage for the function). Only inputs the tariff declares.
tariff_inputs placement_inputs(evaluator& ev, dossier const& d, worker const& w, placement const& p, day at,
                               std::string const& tariff_name = "kostprijs");

/// "A" -> uitzendbeding, "B" -> bepaalde_tijd, "C" -> onbepaalde_tijd (CAO art. 9-12: the contract a
/// phase allows); empty when the phase is unknown.
std::string contract_for_phase(std::string const& fase);

// ---- the re-quote list ---------------------------------------------------------------------------

/// Why a placement's cost price changes on a day.
enum class requote_cause_kind : std::uint8_t {
    parameter,   // a parameter the tariff reads takes another value (name; old and new value)
    phase,       // the worker's phase changes (old and new phase; the contract kind follows it)
    contract,    // a later contract of another kind begins (old and new kind)
    birthday,    // the worker reaches an age (new: the age)
    wage_floor,  // the wage must rise to a floor (name: the floor's line; old and new wage)
};
struct requote_cause {
    requote_cause_kind kind = requote_cause_kind::parameter;
    std::string name, label_nl, label_en;
    value old_value, new_value;  // numbers, amounts, percentages; text in old_text/new_text
    std::string old_text, new_text;
};

struct requote_change {
    std::string client, client_name, worker, worker_name, placement, function;
    day on;                                  // the first day of the new cost
    std::int64_t old_cost_cents = 0, new_cost_cents = 0;
    std::vector<requote_cause> causes;
    bool uncertain = false;                  // the new cost uses an onzeker value
};

struct requote_options {
    day at;
    int weeks = 8;
    std::string tariff = "kostprijs";
};

/// The placements running on `at` whose cost price per hour changes within `weeks` weeks: on the
/// days a parameter or table the tariff reads changes value, the worker's phase changes (fact
/// `fase`), a later contract of another kind begins, or the worker has a birthday. Sorted by
/// client, then date, then worker.
std::vector<requote_change> requote_list(evaluator& ev, dossier const& d, requote_options const& o);

}  // namespace rw::engine
