// Diagnostic collection and the two renderers (human with caret underline, GNU one-liners).
#include "rw/dsl/diagnostic.hpp"

#include <algorithm>
#include <sstream>

namespace rw::dsl {

void diagnostics::add(diagnostic d) {
    if (d.level == severity::error) ++errors_;
    items_.push_back(std::move(d));
}

void diagnostics::error(std::string code, span where, std::string message) {
    add({severity::error, std::move(code), std::move(message), std::move(where), {}, {}});
}

void diagnostics::warning(std::string code, span where, std::string message) {
    add({severity::warning, std::move(code), std::move(message), std::move(where), {}, {}});
}

void diagnostics::append(diagnostics const& other) {
    for (auto const& d : other.items_) add(d);
}

std::vector<diagnostic> diagnostics::sorted() const {
    std::vector<diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](diagnostic const& a, diagnostic const& b) {
        std::string pa = a.primary.file ? a.primary.file->path() : std::string();
        std::string pb = b.primary.file ? b.primary.file->path() : std::string();
        if (pa != pb) return pa < pb;
        if (a.primary.begin != b.primary.begin) return a.primary.begin < b.primary.begin;
        return static_cast<int>(a.level) < static_cast<int>(b.level);
    });
    return out;
}

static char const* level_name(severity s) {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::note: return "note";
    }
    return "error";
}

std::string location_string(span const& s) {
    if (!s.file) return "<unknown>";
    auto lc = s.file->position(s.begin);
    return s.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

/// " [RW2001]" after the message, GCC-style (like "[-Wunused]"), for a code of the rules
/// language's scheme (rw/dsl/codes.hpp); the YAML readers' category words are not printed.
static std::string code_suffix(diagnostic const& d) {
    if (d.code.size() == 6 && d.code.compare(0, 2, "RW") == 0) return " [" + d.code + "]";
    return {};
}

static void render_excerpt(std::ostringstream& out, span const& s) {
    if (!s.file) return;
    auto lc = s.file->position(s.begin);
    std::string_view line = s.file->line_text(lc.line);
    std::string num = std::to_string(lc.line);
    std::uint32_t col = lc.column - 1;
    // A long line (a 20,000-term expression, a megabyte value) is cut to a window around the
    // caret: an error message never echoes a huge input whole.
    constexpr std::size_t window = 160;
    std::string_view before, after;
    if (line.size() > window) {
        std::size_t from = col > window / 2 ? col - window / 2 : 0;
        while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
        std::size_t to = std::min(line.size(), from + window);
        while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
        if (from > 0) before = "...";
        if (to < line.size()) after = "...";
        col = col - static_cast<std::uint32_t>(from) + static_cast<std::uint32_t>(before.size());
        line = line.substr(from, to - from);
    }
    out << ' ' << num << " | " << before << line << after << '\n';
    out << ' ' << std::string(num.size(), ' ') << " | ";
    if (!before.empty()) {
        out << "   ";
        col -= 3;
    }
    for (std::uint32_t i = 0; i < col && i < line.size(); ++i) out << (line[i] == '\t' ? '\t' : ' ');
    // Underline the whole token, but never past the end of the line.
    std::uint32_t len = s.end > s.begin ? s.end - s.begin : 1;
    if (col + len > line.size()) len = line.size() > col ? static_cast<std::uint32_t>(line.size()) - col : 1;
    out << '^';
    for (std::uint32_t i = 1; i < len; ++i) out << '~';
    out << '\n';
}

std::string render_human(diagnostic const& d) {
    std::ostringstream out;
    out << location_string(d.primary) << ": " << level_name(d.level) << ": " << d.message << code_suffix(d) << '\n';
    render_excerpt(out, d.primary);
    for (auto const& n : d.notes) {
        if (n.where.file) out << location_string(n.where) << ": ";
        out << "note: " << n.message << '\n';
        render_excerpt(out, n.where);
    }
    if (!d.suggestions.empty()) {
        out << "note: did you mean ";
        for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
            if (i) out << (i + 1 == d.suggestions.size() ? " or " : ", ");
            out << '\'' << d.suggestions[i] << '\'';
        }
        out << "?\n";
    }
    return out.str();
}

std::string render_gnu(diagnostic const& d) {
    std::string s = location_string(d.primary) + ": " + level_name(d.level) + ": " + d.message;
    if (!d.suggestions.empty()) s += " (did you mean '" + d.suggestions.front() + "'?)";
    return s + code_suffix(d) + "\n";
}

std::string render_all(diagnostics const& ds, bool gnu) {
    std::string out;
    for (auto const& d : ds.sorted()) out += gnu ? render_gnu(d) : render_human(d);
    return out;
}

static std::size_t edit_distance(std::string const& a, std::string const& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> closest_matches(std::string const& word,
                                         std::vector<std::string> const& candidates,
                                         std::size_t max_results) {
    // A suggestion must be reasonably close: at most a third of the word's length in edits.
    std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (auto const& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d <= limit && c != word) scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](auto const& x, auto const& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto const& s : scored) {
        if (out.size() == max_results) break;
        if (std::find(out.begin(), out.end(), s.second) == out.end()) out.push_back(s.second);
    }
    return out;
}

}  // namespace rw::dsl
