// Diagnostics for users (never routed through the operator log): one type for rule files, YAML
// dossiers and cases, collected rather than thrown, sorted by location with errors first.
#pragma once

#include "rw/dsl/source.hpp"

#include <string>
#include <vector>

namespace rw::dsl {

enum class severity { error, warning, note };

struct diagnostic_note {
    span where;  // may be invalid: then the note has no location
    std::string message;
};

struct diagnostic {
    severity level = severity::error;
    std::string code;  // stable id: RWnnnn for the rules language (rw/dsl/codes.hpp); a category word
                       // ("dossier", "yaml-syntax") for the YAML readers
    std::string message;
    span primary;
    std::vector<diagnostic_note> notes;
    std::vector<std::string> suggestions;  // "did you mean ..." candidates
};

/// The sink every pass reports into. Passes add; drivers check has_errors() at phase boundaries.
class diagnostics {
public:
    void add(diagnostic d);
    void error(std::string code, span where, std::string message);
    void warning(std::string code, span where, std::string message);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }

    /// Stable order: by file, then offset, errors before warnings at the same place.
    std::vector<diagnostic> sorted() const;
    std::vector<diagnostic> const& items() const { return items_; }
    void append(diagnostics const& other);

private:
    std::vector<diagnostic> items_;
    std::size_t errors_ = 0;
};

/// GCC-style: "path:line:col: error: message [RW2001]", the source line, a caret under the whole span,
/// then notes and "did you mean" hints.
std::string render_human(diagnostic const& d);
/// One line per diagnostic: "path:line:col: error: message [RW2001]" (for tools and golden files).
std::string render_gnu(diagnostic const& d);
std::string render_all(diagnostics const& ds, bool gnu = false);

/// "file:line:col" of a span, or "<unknown>".
std::string location_string(span const& s);

/// Closest candidates by edit distance (at most max_distance edits), best first.
std::vector<std::string> closest_matches(std::string const& word,
                                         std::vector<std::string> const& candidates,
                                         std::size_t max_results = 3);

}  // namespace rw::dsl
