// Lexical pieces shared by the grammar: keywords (a word not followed by a letter), reserved words,
// identifiers and dotted names, literals, and the annotation that records each node's byte span.
#pragma once

#include "config.hpp"
#include "rw/dsl/ast.hpp"

#include <boost/spirit/home/x3.hpp>

#include <cstring>
#include <string>

namespace rw::dsl::parser {

namespace x3 = boost::spirit::x3;

/// The start of the buffer being parsed, so annotations can store offsets (one parse per thread).
inline thread_local char const* buffer_begin = nullptr;

inline bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// A keyword: the exact word, not followed by a word character.
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    char const* word;
    constexpr explicit keyword_parser(char const* w) : word(w) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute&) const {
        x3::skip_over(first, last, ctx);
        Iterator i = first;
        for (char const* p = word; *p; ++p, ++i)
            if (i == last || *i != *p) return false;
        if (i != last && word_char(*i)) return false;
        first = i;
        return true;
    }
};
inline keyword_parser kw(char const* w) { return keyword_parser(w); }

/// Words that cannot start a name: clause and declaration keywords and expression operators.
inline bool is_reserved(char const* b, char const* e) {
    static char const* const words[] = {
        "bron",     "parameter", "tabel",   "feit",   "hulpfeit", "regel",  "geval",   "uitzondering", "soort",
        "artikel",  "volgens",   "onzeker", "geldig", "vanaf",    "tot",    "op",      "voor",         "elk",
        "elke",     "in",        "waarvoor", "als",   "tenzij",   "dan",    "anders",  "gedaan",
        "zichtbaar", "na",       "melding", "advies", "en",       "of",     "niet",    "is",           "leeg",
        "waar",     "onwaar",    "url",     "lijst",  "van",      "label"};
    auto n = static_cast<std::size_t>(e - b);
    for (auto w : words)
        if (std::strlen(w) == n && std::strncmp(w, b, n) == 0) return true;
    return false;
}

/// A name: words joined by dots; the first word may not be reserved (later ones may: ziekte.week).
struct name_parser : x3::parser<name_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;
    bool dotted;
    constexpr explicit name_parser(bool d) : dotted(d) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        Iterator i = first;
        auto word = [&](Iterator& it) {
            Iterator s = it;
            if (it == last || !(((*it >= 'a' && *it <= 'z') || (*it >= 'A' && *it <= 'Z') || *it == '_'))) return false;
            while (it != last && word_char(*it)) ++it;
            return it != s;
        };
        Iterator s = i;
        if (!word(i) || is_reserved(s, i)) return false;
        while (dotted && i != last && *i == '.' && (i + 1) != last && word_char(*(i + 1))) {
            Iterator j = i + 1;
            if (!word(j)) break;
            i = j;
        }
        x3::traits::move_to(std::string(first, i), attr);
        first = i;
        return true;
    }
};
inline name_parser const identifier{false};
inline name_parser const dotted_name{true};

/// How deeply expressions may nest. Real rules nest a handful of levels; without a limit a file of
/// a few thousand '(' overflows the stack of this recursive-descent parser (found by fuzzing).
inline constexpr int max_nesting = 64;
inline thread_local int nesting = 0;

/// How many binary operators one declaration may hold. A flat chain "a + b + c + ..." is parsed by
/// a loop, but it becomes a tree as deep as it is long, which the binder, the evaluator and the
/// printer walk recursively: 20,000 terms overflowed their stack. Real rules hold a few dozen.
inline constexpr int max_operators = 256;
inline thread_local int operators = 0;

/// Wraps a recursive point of the grammar: past max_nesting it fails with a diagnostic, not a crash.
template <typename Subject>
struct nesting_guard : x3::unary_parser<Subject, nesting_guard<Subject>> {
    using base_type = x3::unary_parser<Subject, nesting_guard<Subject>>;
    static bool const is_pass_through_unary = true;
    constexpr explicit nesting_guard(Subject const& guarded_parser) : base_type(guarded_parser) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx, Attribute& attr) const {
        struct level {
            level() { ++nesting; }
            ~level() { --nesting; }
        } here;
        if (nesting > max_nesting)
            boost::throw_exception(x3::expectation_failure<Iterator>(
                first, "an expression nested at most " + std::to_string(max_nesting) + " levels deep"));
        return this->subject.parse(first, last, ctx, rctx, attr);
    }
};

template <typename Subject>
constexpr nesting_guard<typename x3::extension::as_parser<Subject>::value_type> guarded(Subject const& p) {
    return nesting_guard<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(p));
}

/// Sets a node's span from the iterator range an x3::raw[] directive matched (after the pre-skip).
template <typename Range, typename Node>
void set_span(Range const& r, Node& n) {
    n.begin = static_cast<std::uint32_t>(&*r.begin() - buffer_begin);
    n.end = static_cast<std::uint32_t>(&*r.begin() - buffer_begin + (r.end() - r.begin()));
}

/// Records [begin, end) of every located node a rule produces (after the pre-skip).
struct annotate {
    template <typename Iterator, typename Context>
    void on_success(Iterator const& first, Iterator const& last, ast::expr& e, Context const&) {
        set(e, first, last);
    }
    template <typename T, typename Iterator, typename Context>
    void on_success(Iterator const& first, Iterator const& last, T& node, Context const&) {
        set_node(node, first, last);
    }

private:
    template <typename T, typename Iterator>
    static void set_node(T& node, Iterator first, Iterator last) {
        if constexpr (std::is_base_of_v<ast::located, T>) {
            if (node.begin == 0 && node.end == 0) {
                node.begin = static_cast<std::uint32_t>(first - buffer_begin);
                node.end = static_cast<std::uint32_t>(last - buffer_begin);
            }
        }
    }
    template <typename Iterator>
    static void set(ast::expr& e, Iterator first, Iterator last) {
        boost::apply_visitor(
            [&](auto& n) {
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::nil>) {
                } else if constexpr (std::is_base_of_v<ast::located, N>) {
                    set_node(n, first, last);
                } else {
                    set_node(n.get(), first, last);
                }
            },
            e);
    }
};

}  // namespace rw::dsl::parser

namespace boost::spirit::x3 {
template <>
struct get_info<rw::dsl::parser::keyword_parser> {
    using result_type = std::string;
    std::string operator()(rw::dsl::parser::keyword_parser const& p) const { return std::string("'") + p.word + "'"; }
};
template <>
struct get_info<rw::dsl::parser::name_parser> {
    using result_type = std::string;
    std::string operator()(rw::dsl::parser::name_parser const&) const { return "a name"; }
};
}  // namespace boost::spirit::x3
