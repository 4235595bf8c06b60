// The expression grammar (x3_fun layout). Precedence, loosest first:
//   of < en < niet < comparison, in, is leeg < + - < * / < unary - < "op" (as of) < primary
// Binary nodes are built left-associatively by semantic actions.
#pragma once

#include "ast_adapted.hpp"
#include "common.hpp"
#include "expression.hpp"

namespace rw::dsl::parser {

// ---- Rule IDs -----------------------------------------------------------------------------------
struct expression_class : annotate {};
struct date_class : annotate {};
struct text_class : annotate {};
struct primary_class : annotate {};
struct or_class;
struct and_class;
struct not_class;
struct cmp_class;
struct add_class;
struct mul_class;
struct unary_class;
struct postfix_class;
struct number_class : annotate {};
struct duration_class : annotate {};
struct money_class : annotate {};
struct percent_class : annotate {};
struct bool_class : annotate {};
struct empty_class : annotate {};
struct name_class : annotate {};
struct argument_class : annotate {};
struct call_class : annotate {};
struct aggregate_class : annotate {};
struct conditional_class : annotate {};
struct first_day_class : annotate {};
struct set_class : annotate {};

// ---- Semantic actions ---------------------------------------------------------------------------
namespace actions {
inline auto const assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };

inline ast::expr make_binary(std::string op, ast::expr lhs, ast::expr rhs) {
    ast::binary b;
    b.op = std::move(op);
    b.begin = ast::span_of(lhs).begin;
    b.end = ast::span_of(rhs).end;
    b.lhs = std::move(lhs);
    b.rhs = std::move(rhs);
    return ast::expr(std::move(b));
}

/// Counts the operators of the declaration being parsed (see max_operators).
template <typename Context>
void count_operator(Context const& ctx) {
    if (++operators > max_operators)
        boost::throw_exception(x3::expectation_failure<char const*>(
            x3::_where(ctx).begin(), "at most " + std::to_string(max_operators) +
                                         " operators in one declaration (split it into facts)"));
}

/// _attr is the right operand; the operator is fixed.
inline auto fold(char const* op) {
    return [op](auto& ctx) {
        count_operator(ctx);
        x3::_val(ctx) = make_binary(op, std::move(x3::_val(ctx)), std::move(x3::_attr(ctx)));
    };
}
/// _attr is (operator text, right operand).
inline auto const fold_op = [](auto& ctx) {
    count_operator(ctx);
    auto& a = x3::_attr(ctx);
    x3::_val(ctx) = make_binary(boost::fusion::at_c<0>(a), std::move(x3::_val(ctx)), std::move(boost::fusion::at_c<1>(a)));
};
inline auto prefix(char const* op) {
    return [op](auto& ctx) {
        ast::unary u;
        u.op = op;
        u.operand = std::move(x3::_attr(ctx));
        u.begin = static_cast<std::uint32_t>(x3::_where(ctx).begin() - buffer_begin);
        u.end = ast::span_of(u.operand).end;
        x3::_val(ctx) = ast::expr(std::move(u));
    };
}
inline auto const as_of = [](auto& ctx) {
    ast::as_of a;
    a.begin = ast::span_of(x3::_val(ctx)).begin;
    a.at = std::move(x3::_attr(ctx));
    a.end = ast::span_of(a.at).end;
    a.value = std::move(x3::_val(ctx));
    x3::_val(ctx) = ast::expr(std::move(a));
};
inline auto emptiness(bool negated) {
    return [negated](auto& ctx) {
        ast::emptiness e;
        e.begin = ast::span_of(x3::_val(ctx)).begin;
        // _where(ctx) ends at the end of the input, not of the match: take the raw[] range.
        auto const& r = x3::_attr(ctx);
        e.end = static_cast<std::uint32_t>(&*r.begin() - buffer_begin + (r.end() - r.begin()));
        e.negated = negated;
        e.value = std::move(x3::_val(ctx));
        x3::_val(ctx) = ast::expr(std::move(e));
    };
}
inline auto membership(bool negated) {
    return [negated](auto& ctx) {
        ast::membership m;
        m.begin = ast::span_of(x3::_val(ctx)).begin;
        m.negated = negated;
        m.set = std::move(x3::_attr(ctx));
        m.end = ast::span_of(m.set).end;
        m.value = std::move(x3::_val(ctx));
        x3::_val(ctx) = ast::expr(std::move(m));
    };
}
}  // namespace actions

// ---- Rules --------------------------------------------------------------------------------------
expression_type const expression_rule = "an expression";
date_type const date_rule = "a date (YYYY-MM-DD)";
text_type const text_rule = "a text in double quotes";
primary_type const primary_rule = "a value, a name or '('";
x3::rule<or_class, ast::expr> const or_rule = "an expression";
x3::rule<and_class, ast::expr> const and_rule = "an expression";
x3::rule<not_class, ast::expr> const not_rule = "an expression";
x3::rule<cmp_class, ast::expr> const cmp_rule = "an expression";
x3::rule<add_class, ast::expr> const add_rule = "an expression";
x3::rule<mul_class, ast::expr> const mul_rule = "an expression";
x3::rule<unary_class, ast::expr> const unary_rule = "an expression";
x3::rule<postfix_class, ast::expr> const postfix_rule = "an expression";
x3::rule<number_class, ast::number_literal> const number_rule = "a number";
x3::rule<duration_class, ast::duration_literal> const duration_rule = "a duration (8 weken)";
x3::rule<money_class, ast::money_literal> const money_rule = "an amount (€ 14.71)";
x3::rule<percent_class, ast::percent_literal> const percent_rule = "a percentage (7,45 %)";
x3::rule<bool_class, ast::bool_literal> const bool_rule = "waar or onwaar";
x3::rule<empty_class, ast::empty_literal> const empty_rule = "leeg";
x3::rule<name_class, ast::name_ref> const name_rule = "a name";
x3::rule<argument_class, ast::argument> const argument_rule = "an argument";
x3::rule<call_class, ast::call> const call_rule = "a function call";
x3::rule<aggregate_class, ast::aggregate> const aggregate_rule = "an aggregate";
x3::rule<conditional_class, ast::conditional> const conditional_rule = "als ... dan ... anders ...";
x3::rule<first_day_class, ast::first_day> const first_day_rule = "eerste_dag(d van ... tot ... waarvoor ...)";
x3::rule<set_class, ast::set_literal> const set_rule = "a set {a, b}";

// clang-format off
struct unit_symbols : x3::symbols<std::string> {
    unit_symbols() {
        add("dag", "dagen")("dagen", "dagen")("week", "weken")("weken", "weken")
           ("maand", "maanden")("maanden", "maanden")("jaar", "jaren")("jaren", "jaren");
    }
};
inline unit_symbols const units;

struct aggregate_symbols : x3::symbols<std::string> {
    aggregate_symbols() {
        add("aantal", "aantal")("bestaat", "bestaat")("alle", "alle")("som", "som")("min", "min")
           ("max", "max")("eerste", "eerste")("laatste", "laatste")("filter", "filter");
    }
};
inline aggregate_symbols const aggregates;

struct compare_symbols : x3::symbols<std::string> {
    compare_symbols() {
        add("=", "=")("!=", "!=")("≠", "!=")("<>", "!=")("<", "<")("<=", "<=")("≤", "<=")(">", ">")
           (">=", ">=")("≥", ">=");
    }
};
inline compare_symbols const comparisons;

struct add_symbols : x3::symbols<std::string> {
    add_symbols() { add("+", "+")("-", "-"); }
};
inline add_symbols const add_ops;
struct mul_symbols : x3::symbols<std::string> {
    mul_symbols() { add("*", "*")("/", "/"); }
};
inline mul_symbols const mul_ops;

// Single-member literal nodes are filled by actions (X3 would treat them as containers), and the
// actions also record the node's span: on_success annotations do not reach nodes that X3 fills
// as members of an enclosing struct across translation units.
inline auto set_text = [](auto& ctx) {
    auto const& r = x3::_attr(ctx);
    x3::_val(ctx).text.assign(r.begin(), r.end());
    set_span(r, x3::_val(ctx));
};
inline auto set_amount = [](auto& ctx) {  // "€ 14.71", "€ -12.50" or "-€ 12.50": keep the sign
    auto const& r = x3::_attr(ctx);
    std::string t(r.begin(), r.end());
    auto p = t.find_first_of("0123456789");
    bool negative = t.find('-') < p;
    x3::_val(ctx).amount = (negative ? "-" : "") + (p == std::string::npos ? t : t.substr(p));
    set_span(r, x3::_val(ctx));
};
inline auto set_percent = [](auto& ctx) {  // "7,45 %" -> 7.45 (a Dutch decimal comma is allowed here)
    auto const& r = x3::_attr(ctx);
    std::string a;
    for (char c : std::string(r.begin(), r.end())) {
        if (c == ',') a += '.';
        else if ((c >= '0' && c <= '9') || c == '.' || c == '-') a += c;
    }
    x3::_val(ctx).amount = std::move(a);
    set_span(r, x3::_val(ctx));
};
inline auto set_value = [](auto& ctx) {  // the range is the quoted text: unescape it
    auto const& r = x3::_attr(ctx);
    std::string v;
    for (auto it = r.begin() + 1; it + 1 < r.end(); ++it) {
        if (*it == '\\' && it + 2 < r.end()) ++it;
        v += *it;
    }
    x3::_val(ctx).value = std::move(v);
    set_span(r, x3::_val(ctx));
};
inline auto set_name = [](auto& ctx) {
    auto const& r = x3::_attr(ctx);
    x3::_val(ctx).name.assign(r.begin(), r.end());
    set_span(r, x3::_val(ctx));
};

auto const digits = +x3::digit;
auto const number_text = x3::raw[x3::lexeme[digits >> -('.' >> digits)]];
auto const end_of_word = !(x3::alnum | '_');

auto const date_rule_def =
    x3::raw[x3::lexeme[x3::repeat(4)[x3::digit] >> '-' >> x3::repeat(2)[x3::digit] >> '-' >> x3::repeat(2)[x3::digit]
                       >> !x3::digit]][set_text];
// A literal may carry its sign where only a value may stand (a parameter's value, a table row:
// "-1.5 vanaf ..."); in an expression a leading '-' is the unary operator, which is tried first.
auto const number_rule_def = x3::raw[x3::lexeme[-x3::lit('-') >> digits >> -('.' >> digits)]][set_text];
auto const duration_rule_def = number_text >> x3::lexeme[units >> end_of_word];
auto const money_rule_def =
    x3::raw[x3::lexeme[-x3::lit('-') >> x3::lit("€") >> *x3::lit(' ') >> -x3::lit('-') >> digits >> -('.' >> digits)]][set_amount];
// Only a percentage may write its decimals after a comma (0,5 %): elsewhere a comma separates.
auto const percent_rule_def =
    x3::raw[x3::lexeme[-x3::lit('-') >> digits >> -((x3::lit('.') | ',') >> digits) >> *x3::lit(' ') >> '%']][set_percent];
auto const text_rule_def = x3::raw[x3::lexeme['"' > *(('\\' > x3::char_) | ~x3::char_('"')) > '"']][set_value];
auto const bool_rule_def = (kw("waar") >> x3::attr(ast::bool_literal{{}, true}))
                         | (kw("onwaar") >> x3::attr(ast::bool_literal{{}, false}));
auto const empty_rule_def = kw("leeg") >> x3::attr(ast::empty_literal{});
auto const name_rule_def = x3::raw[dotted_name][set_name];
// Argument names may be any word, reserved ones included ("vanaf: d"). The named alternative comes
// first; the positional one states its empty name explicitly (X3 does not roll back attributes).
auto const argument_name = x3::rule<struct argument_name_class, std::string>{"an argument name"} =
    x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_'))];
auto const argument_rule_def = (argument_name >> ':' >> !x3::lit('=') > expression_rule)
                             | (x3::attr(boost::optional<std::string>()) >> expression_rule);
auto const call_rule_def = dotted_name >> '(' >> -(argument_rule % ',') > ')';
auto const aggregate_rule_def =
    x3::lexeme[aggregates >> end_of_word] >> '(' >> identifier >> kw("in") > expression_rule
    > -(kw("waarvoor") > expression_rule) > -(':' > expression_rule) > ')';
// Committed only at 'van': eerste_dag_in_fase(...) stays a call.
auto const first_day_rule_def = kw("eerste_dag") >> '(' >> identifier >> kw("van") > expression_rule > kw("tot")
                              > expression_rule > kw("waarvoor") > expression_rule > ')';
auto const conditional_rule_def =
    kw("als") > expression_rule > kw("dan") > expression_rule > kw("anders") > expression_rule;
inline auto set_items = [](auto& ctx) {
    auto& n = x3::_val(ctx);
    n.items = std::move(x3::_attr(ctx));
    if (!n.items.empty()) {  // from the first item to the last; the braces lie just outside
        n.begin = ast::span_of(n.items.front()).begin - 1;
        n.end = ast::span_of(n.items.back()).end + 1;
    }
};
auto const set_items_rule = x3::rule<struct set_items_class, std::vector<ast::expr>>{"a set {a, b}"} =
    '{' > (expression_rule % ',') > '}';
auto const set_rule_def = set_items_rule[set_items];

// A parenthesised expression spans its parentheses: otherwise `a en (b of c)` ends at `c`, and
// the clause text an explanation quotes loses its closing parenthesis (issue 11).
inline auto paren_span = [](auto& ctx) {
    auto& e = x3::_val(ctx);
    e = std::move(x3::_attr(ctx));
    auto inner = ast::span_of(e);
    if (inner.begin == 0 && inner.end == 0) return;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::uint32_t begin = inner.begin, end = inner.end;
    while (begin > 0 && space(buffer_begin[begin - 1])) --begin;
    if (begin == 0 || buffer_begin[begin - 1] != '(') return;  // a comment in between: keep the inner span
    --begin;
    auto const* last = buffer_begin + end;
    while (space(*last)) ++last;  // the buffer ends in '\0' and the ')' was matched, so this stops
    if (*last != ')') return;
    end = static_cast<std::uint32_t>(last - buffer_begin) + 1;
    boost::apply_visitor(
        [&](auto& n) {
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, ast::nil>) {
            } else if constexpr (std::is_base_of_v<ast::located, N>) {
                n.begin = begin, n.end = end;
            } else {
                n.get().begin = begin, n.get().end = end;
            }
        },
        e);
};
auto const paren_rule = x3::rule<struct paren_class, ast::expr>{"'('"} = ('(' > expression_rule > ')')[paren_span];

auto const primary_rule_def =
      date_rule | money_rule | percent_rule | duration_rule | number_rule | text_rule | bool_rule | empty_rule
    | conditional_rule | first_day_rule | aggregate_rule | call_rule | name_rule | set_rule
    | paren_rule;

using namespace actions;
auto const postfix_rule_def = guarded(primary_rule)[assign] >> -(kw("op") > guarded(primary_rule))[as_of];
auto const unary_rule_def = ('-' > guarded(unary_rule))[prefix("-")] | postfix_rule[assign];
auto const mul_rule_def = unary_rule[assign] >> *((mul_ops > unary_rule)[fold_op]);
auto const add_rule_def = mul_rule[assign] >> *((add_ops > mul_rule)[fold_op]);
auto const cmp_rule_def =
    add_rule[assign]
    >> -( (comparisons > add_rule)[fold_op]
        | (kw("in") > postfix_rule)[membership(false)]
        | (kw("niet") >> kw("in") > postfix_rule)[membership(true)]
        | x3::raw[kw("is") >> kw("niet") > kw("leeg")][emptiness(true)]
        | x3::raw[kw("is") > kw("leeg")][emptiness(false)]);
auto const not_rule_def = (kw("niet") > guarded(not_rule))[prefix("niet")] | cmp_rule[assign];
auto const and_rule_def = not_rule[assign] >> *((kw("en") > not_rule)[fold("en")]);
auto const or_rule_def = and_rule[assign] >> *((kw("of") > and_rule)[fold("of")]);
auto const expression_rule_def = or_rule;
// clang-format on

BOOST_SPIRIT_DEFINE(expression_rule, date_rule, text_rule, primary_rule, or_rule, and_rule, not_rule, cmp_rule,
                    add_rule, mul_rule, unary_rule, postfix_rule, number_rule, duration_rule, money_rule, percent_rule, bool_rule,
                    empty_rule, name_rule, argument_rule, call_rule, aggregate_rule, conditional_rule, first_day_rule, set_rule)

}  // namespace rw::dsl::parser
