// The parser driver: parses a file declaration by declaration so that every syntax error is
// reported (after an error it resumes at the next line that starts a declaration keyword), and
// turns X3 expectation failures into diagnostics with the whole offending token underlined.
#include "rw/dsl/parse.hpp"

#include "rw/dsl/codes.hpp"

#include "parser/common.hpp"
#include "parser/declaration.hpp"
#include "parser/expression.hpp"

#include <cstring>

namespace rw::dsl {

namespace x3 = boost::spirit::x3;
using parser::iterator_type;

ast::located ast::span_of(expr const& e) {
    located out;
    boost::apply_visitor(
        [&](auto const& n) {
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, nil>) {
            } else if constexpr (std::is_base_of_v<located, N>) {
                out = n;
            } else {
                out = static_cast<located const&>(n.get());
            }
        },
        e);
    return out;
}

namespace {

bool is_word(char c) { return parser::word_char(c); }

/// End of the token that starts at `p`: a word, a quoted text, or one character.
char const* token_end(char const* p, char const* end) {
    if (p >= end) return p;
    if (is_word(*p)) {
        while (p < end && (is_word(*p) || *p == '.' || *p == '-')) ++p;
        return p;
    }
    if (*p == '"') {
        char const* q = p + 1;
        while (q < end && *q != '"' && *q != '\n') ++q;
        return q < end && *q == '"' ? q + 1 : q;
    }
    // A multi-byte UTF-8 character counts as one.
    ++p;
    while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
    return p;
}

/// Skips whitespace and comments, collecting the comment lines (with their '#'); a blank line
/// between comment lines, or between the comments and what follows, is kept as "".
char const* skip_space_collect(char const* p, char const* end, std::vector<std::string>& comments) {
    int newlines = 0;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
            if (*p == '\n') ++newlines;
            ++p;
        }
        if (!comments.empty() && newlines >= 2) comments.push_back("");
        if (p < end && *p == '#') {
            char const* b = p;
            while (p < end && *p != '\n') ++p;
            std::string line(b, p);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
            comments.push_back(line);
            newlines = 0;
            continue;
        }
        return p;
    }
}

char const* skip_space(char const* p, char const* end) {
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
        if (p < end && *p == '#') {
            while (p < end && *p != '\n') ++p;
            continue;
        }
        return p;
    }
}

bool starts_declaration(char const* p, char const* end) {
    for (char const* k : {"bron", "parameter", "tabel", "feit", "hulpfeit", "regel", "criterium"}) {
        auto n = std::strlen(k);
        if (static_cast<std::size_t>(end - p) >= n && std::strncmp(p, k, n) == 0 && (p + n == end || !is_word(p[n])))
            return true;
    }
    return false;
}

/// The next line (after `p`) whose first column starts a declaration keyword.
char const* resync(char const* p, char const* end) {
    while (p < end) {
        while (p < end && *p != '\n') ++p;
        if (p < end) ++p;
        if (starts_declaration(p, end)) return p;
    }
    return end;
}

std::string describe_found(char const* p, char const* tok_end, char const* end, char const* end_text) {
    if (p >= end) return end_text;
    return "'" + std::string(p, tok_end) + "'";
}

/// Words the user might have misspelled, for "did you mean".
std::vector<std::string> keyword_candidates(std::string const& expected) {
    std::vector<std::string> out;
    if (expected.size() > 2 && expected.front() == '\'' && expected.back() == '\'')
        out.push_back(expected.substr(1, expected.size() - 2));
    return out;
}

void report(diagnostics& diags, source_ptr const& src, char const* begin, char const* where, char const* end,
            std::string const& expected, char const* code = codes::syntax, char const* end_text = "the end of the file") {
    char const* at = skip_space(where, end);
    char const* te = token_end(at, end);
    diagnostic d;
    d.level = severity::error;
    d.code = code;
    d.message = "expected " + expected + ", found " + describe_found(at, te, end, end_text);
    d.primary = {src, static_cast<std::uint32_t>(at - begin), static_cast<std::uint32_t>(te - begin)};
    if (at < end && te > at) d.suggestions = closest_matches(std::string(at, te), keyword_candidates(expected));
    diags.add(std::move(d));
}

ast::expr parse_range(source_ptr const& src, std::uint32_t from, std::uint32_t to, diagnostics& diags,
                      char const* code, char const* end_text) {
    char const* const begin = src->text().data();
    char const* const end = begin + to;
    parser::buffer_begin = begin;
    ast::expr e;
    iterator_type it = begin + from;
    parser::nesting = 0;
    parser::operators = 0;
    try {
        bool ok = x3::phrase_parse(it, end, parser::expression(), parser::skipper, e);
        it = skip_space(it, end);
        if (!ok || it != end)
            report(diags, src, begin, it, end, ok ? "the end of the expression" : "an expression", code, end_text);
    } catch (x3::expectation_failure<iterator_type> const& x) {
        report(diags, src, begin, x.where(), end, x.which(), code, end_text);
    }
    return e;
}

/// The closing brace that matches the '{' at `open` (a placeholder may hold a set {B, C}).
std::size_t matching_brace(std::string_view t, std::size_t open, std::size_t end) {
    int depth = 0;
    for (std::size_t j = open; j < end; ++j) {
        if (t[j] == '{') ++depth;
        else if (t[j] == '}' && --depth == 0) return j;
    }
    return std::string_view::npos;
}

/// Splits a message into literal text and {placeholders}, parsing each placeholder as an
/// expression, so that its syntax errors are reported with the file's other syntax errors.
/// The braces are found in the source (for the spans) and in the unescaped value (for the
/// literal text); escapes never touch braces, so both sequences line up.
void parse_placeholders(source_ptr const& src, ast::message& m, diagnostics& diags) {
    std::string_view raw = src->text();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> holes;
    for (std::uint32_t i = m.text.begin + 1; i + 1 < m.text.end; ++i) {
        if (raw[i] != '{') continue;
        auto j = matching_brace(raw, i, m.text.end - 1);
        if (j == std::string_view::npos) {
            diags.add({severity::error, codes::placeholder_unclosed, "'{' without a closing '}' in a message",
                       {src, i, i + 1}, {}, {}});
            return;
        }
        holes.emplace_back(i + 1, static_cast<std::uint32_t>(j));
        i = static_cast<std::uint32_t>(j);
    }
    std::string const& v = m.text.value;
    std::size_t pos = 0, hole = 0;
    while (pos < v.size()) {
        auto open = v.find('{', pos);
        ast::message_part lit;
        lit.text = v.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
        m.parts.push_back(std::move(lit));
        if (open == std::string::npos) break;
        auto close = matching_brace(v, open, v.size());
        if (close == std::string::npos || hole >= holes.size()) break;
        pos = close + 1;
        auto [hb, he] = holes[hole++];
        ast::message_part ph;
        ph.placeholder = true;
        ph.where.begin = hb;
        ph.where.end = he;
        if (skip_space(raw.data() + hb, raw.data() + he) == raw.data() + he) {
            diags.add({severity::error, codes::placeholder_empty, "an empty placeholder {} (write the value to show inside the braces)",
                       {src, hb - 1, he + 1}, {}, {}});
            continue;
        }
        ph.value = parse_range(src, hb, he, diags, codes::placeholder_syntax, "the closing '}'");
        m.parts.push_back(std::move(ph));
    }
}

}  // namespace

/// The end of a declaration the parser read up to `it`. A trailing optional part that is absent
/// (`als ...` after a fact, an operator after an expression) lets the skipper run past the white
/// space and comment lines that follow, which belong to the next declaration: step back over them,
/// so that `rules fmt` keeps those comments.
char const* declaration_end(char const* p, char const* it) {
    char const* q = it;
    for (;;) {
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n' || q[-1] == '\r')) --q;
        char const* line = q;
        while (line > p && line[-1] != '\n') --line;
        char const* first = line;
        while (first < q && (*first == ' ' || *first == '\t')) ++first;
        if (first < q && *first == '#' && line > p) {
            q = line;  // a whole comment line: not part of the declaration
            continue;
        }
        return q;
    }
}

ast::file parse(source_ptr const& src, diagnostics& diags) {
    ast::file out;
    char const* const begin = src->text().data();
    char const* const end = begin + src->text().size();
    parser::buffer_begin = begin;
    char const* p = begin;
    for (;;) {
        std::vector<std::string> comments;
        p = skip_space_collect(p, end, comments);
        if (p >= end) {
            out.trailing_comments = std::move(comments);
            break;
        }
        ast::declaration decl;
        iterator_type it = p;
        parser::nesting = 0;
        parser::operators = 0;
        try {
            // No post-skip: the comments after a declaration belong to the next one.
            bool ok = x3::phrase_parse(it, end, parser::declaration(), parser::skipper, decl, x3::skip_flag::dont_post_skip);
            if (ok && it > p) {
                if (auto* r = boost::get<ast::rule_decl>(&decl)) {
                    for (auto& m : r->messages) parse_placeholders(src, m, diags);
                    parser::buffer_begin = begin;
                }
                if (auto* c = boost::get<ast::criterion_decl>(&decl)) {  // matching (issue 12)
                    for (auto& m : c->reasons) parse_placeholders(src, m, diags);
                    parser::buffer_begin = begin;
                }
                out.declarations.push_back(std::move(decl));
                out.comments.push_back(std::move(comments));
                p = declaration_end(p, it);
                continue;
            }
            report(diags, src, begin, p, end, "a declaration (bron, parameter, tabel, feit, hulpfeit or regel)");
        } catch (x3::expectation_failure<iterator_type> const& e) {
            report(diags, src, begin, e.where(), end, e.which());
        }
        p = resync(p, end);
    }
    parser::buffer_begin = nullptr;
    return out;
}

ast::expr parse_expression(source_ptr const& src, diagnostics& diags) {
    return parse_expression(src, 0, static_cast<std::uint32_t>(src->text().size()), diags);
}

ast::expr parse_expression(source_ptr const& src, std::uint32_t from, std::uint32_t to, diagnostics& diags) {
    ast::expr e = parse_range(src, from, to, diags, codes::syntax, "the end of the file");
    parser::buffer_begin = nullptr;
    return e;
}

}  // namespace rw::dsl
