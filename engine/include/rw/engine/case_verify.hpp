// Checking a case (regelwerk/case-1) against the engine: facts, expected findings, absent
// findings, and `exactly` (case-format.md). Pure: the caller reads the case and prints.
#pragma once

#include "rw/engine/casefile.hpp"
#include "rw/engine/engine.hpp"

#include <string>
#include <vector>

namespace rw::engine {

struct case_outcome {
    bool passed = true;
    std::vector<std::string> failures;  // one line each: what was expected vs produced
    std::vector<std::string> notes;     // expectations read but not verified (expect.match)
};

case_outcome verify_case(evaluator& ev, case_file const& c);

/// Fact values compare as text after normalising: dates ISO, numbers without trailing zeros.
std::string normalise_fact_text(std::string const& s);

/// A short description of a finding: "W1 cao.fase_a.overgang action due 2026-01-05 contract C1".
std::string describe(finding const& f);

}  // namespace rw::engine
