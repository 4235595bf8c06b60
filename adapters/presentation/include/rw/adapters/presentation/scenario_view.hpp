// The view of a scenario (engine/scenario.hpp): what a hypothetical placement would cause, split
// into what blocks it (violations) and what goes beside it (actions, warnings), each with the day
// it bites; and the days the rulebook was evaluated on, with why each matters.
#pragma once

#include "rw/adapters/presentation/views.hpp"
#include "rw/engine/scenario.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

struct scenario_view {
    language lang = language::nl;
    bool explain = false;
    std::string worker_id, name;
    engine::day known_until, from, to;
    struct placement_row {
        std::string id, contract, client, function, kind, hours, wage;
        engine::day start;
        engine::opt_day end;
    };
    std::vector<placement_row> placements;
    struct effect_row {
        finding_view f;
        engine::day on, first_day, last_day;
        std::size_t days = 0;  // evaluated days on which it was caused
    };
    std::vector<effect_row> blocks;  // violations: the placement may not go ahead as given
    std::vector<effect_row> beside;  // actions, warnings, info: shown beside it
    struct day_row {
        engine::day on;
        std::vector<std::string> why;
    };
    std::vector<day_row> days;
};

/// `prog` (when given) names rules and contract kinds with the rulebook's labels.
scenario_view build_scenario_view(engine::worker const& w, engine::scenario const& s, engine::scenario_result const& r,
                                  language l, bool explain, engine::program const* prog = nullptr);
void render_scenario_text(std::ostream& out, scenario_view const& v);
void render_scenario_json(std::ostream& out, scenario_view const& v);

}  // namespace rw::adapters::presentation
