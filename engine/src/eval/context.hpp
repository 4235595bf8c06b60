// The evaluator's state for one worker (private to the engine): the dossier in hand, variable
// slots, memoised facts, a bump arena for lists, computed records, and the optional trace that
// becomes a finding's explanation.
#pragma once

#include "rw/engine/engine.hpp"
#include "rw/engine/temporal.hpp"

#include <deque>
#include <map>
#include <optional>

namespace rw::engine {

/// The values the rules language sees for a phase timeline and a chain are the temporal results
/// themselves (one definition, in temporal.hpp).
using fasering_data = temporal::phase_timeline;
using keten_data = temporal::chain;

/// Periods of sickness that follow each other with a break of less than 4 weeks: one illness for
/// every deadline (ZW art. 29 and 38, BW 7:629 lid 10), counted in days of sickness only.
struct ziektegeval_data {
    std::vector<sickness const*> periods;  // in order of first day
    day first_day;
    opt_day recovered_on;  // of the last period (none = still sick)
    sickness_steps steps;  // per step the earliest date recorded on any period
    /// The date of sick day n + 1 (first_day is sick day 1), as if the last period went on.
    day sick_day(std::int64_t n) const;
    /// Sick days from first_day up to and including d.
    std::int64_t sick_days_through(day d) const;
    /// Whether d lies in one of the periods.
    bool sick_on(day d) const;
};

class arena {
public:
    value* alloc(std::size_t n);
    void reset() {
        block_ = 0;
        used_ = 0;
    }

private:
    static constexpr std::size_t block_size = 4096;
    std::vector<std::unique_ptr<value[]>> blocks_;
    std::vector<std::size_t> sizes_;
    std::size_t block_ = 0, used_ = 0;
    std::deque<std::vector<value>> big_;
};

struct trace {
    std::vector<explanation_line> lines;
    void add(explanation_line l);
};

struct runtime_issue {
    std::string message;
    dsl::span where;
    std::string rule = "regelwerk.conflict";
};

struct eval_context {
    explicit eval_context(program const& p) : prog(p) {}
    program const& prog;
    agency const* ag = nullptr;
    client_index const* clients = nullptr;
    worker const* w = nullptr;
    vacancy const* vac = nullptr;        // matching (issue 12): the vacancy a criterion is evaluated for
    client const* vac_client = nullptr;  // and its client
    day R;  // the day evaluated ("peildatum")
    day K;  // known until: nothing recorded after it is used (K <= R; K == R outside scenarios)
    std::vector<value> slots;
    std::vector<value> fact_values;
    std::vector<std::uint8_t> fact_state;  // 0 not yet, 1 computing, 2 done
    arena lists;
    std::deque<fasering_data> faseringen;
    std::deque<keten_data> ketens;
    std::deque<ziektegeval_data> ziektegevallen;
    std::deque<worker> with_prior;  // the worker with counted prior employment (see builtins: fasen, ketens)
    std::deque<std::string> texts;
    std::deque<list_data> list_headers;
    trace* tr = nullptr;
    /// While one rule instance is finished (its messages rendered), its due date: `{termijn}` in a
    /// message is the rule's `termijn` node, evaluated once (an eerste_dag can be costly).
    /// No node while nothing is cached, and never while tracing (explain records what it reads).
    static constexpr std::uint32_t no_node = 0xFFFFFFFFu;
    std::uint32_t due_node = no_node;
    value due_value;
    std::vector<runtime_issue> issues;
    std::optional<list_data> worked_weeks, holiday_weeks;

    void reset_for(worker const* worker_ptr, day reference, opt_day known_until = std::nullopt);
    /// The contract a placement belongs to (looked up once per worker, not by string each time).
    contract const* contract_of(placement const& p) {
        if (placement_contracts.size() != w->placements.size()) {
            placement_contracts.assign(w->placements.size(), nullptr);
            for (std::size_t i = 0; i < w->placements.size(); ++i)
                for (auto const& c : w->contracts)
                    if (c.id == w->placements[i].contract) {
                        placement_contracts[i] = &c;
                        break;
                    }
        }
        auto i = static_cast<std::size_t>(&p - w->placements.data());
        return i < placement_contracts.size() ? placement_contracts[i] : nullptr;
    }
    std::vector<contract const*> placement_contracts;
    list_data make_list(std::vector<value> const& items);
    list_data make_list(value const* items, std::size_t n);
    /// A list value whose header lives until the next worker.
    value list_value(list_data l) {
        list_headers.push_back(l);
        return value{value_kind::list, 0, static_cast<std::int64_t>(l.size), &list_headers.back()};
    }
    std::string const* keep_text(std::string s) {
        texts.push_back(std::move(s));
        return &texts.back();
    }
};

}  // namespace rw::engine
