// The surface AST of the rules language: what a rules file says, before names and types are bound.
// Plain aggregates (x3_fun style): x3::variant + forward_ast for recursion; every node that a
// diagnostic may point at carries its byte span (begin, end) in the source.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rw::dsl::ast {

namespace x3 = boost::spirit::x3;

/// Byte offsets [begin, end) of a node in its source file.
struct located {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct nil {};
struct date_literal : located {
    std::string text;  // YYYY-MM-DD, checked by the binder
};
struct number_literal : located {
    std::string text;  // 16 or 37.5
};
struct duration_literal : located {
    std::string amount;
    std::string unit;  // canonical: dagen | weken | maanden | jaren
};
struct money_literal : located {
    std::string amount;  // after the euro sign, with its sign: 14.71, -12.50
};
struct percent_literal : located {
    std::string amount;  // before the % sign, with a decimal point: 21.8, 0.5 (written 0,5 % or 0.5 %)
};
struct text_literal : located {
    std::string value;  // unescaped; runs of whitespace with a newline collapsed to one space
};
struct bool_literal : located {
    bool value = false;
};
struct empty_literal : located {};  // leeg
struct name_ref : located {
    std::string name;  // possibly dotted: werker.naam, fase_a.lengte, c.start
};

struct unary;
struct binary;
struct call;
struct aggregate;
struct conditional;
struct set_literal;
struct as_of;
struct emptiness;
struct membership;
struct first_day;

struct expr : x3::variant<nil, date_literal, number_literal, duration_literal, money_literal, percent_literal, text_literal,
                          bool_literal, empty_literal, name_ref, x3::forward_ast<unary>, x3::forward_ast<binary>,
                          x3::forward_ast<call>, x3::forward_ast<aggregate>, x3::forward_ast<conditional>,
                          x3::forward_ast<set_literal>, x3::forward_ast<as_of>, x3::forward_ast<emptiness>,
                          x3::forward_ast<membership>, x3::forward_ast<first_day>> {
    using base_type::base_type;
    using base_type::operator=;
};

struct unary : located {
    std::string op;  // "-" | "niet"
    expr operand;
};
struct binary : located {
    std::string op;  // of en = != < <= > >= + - * /
    expr lhs;
    expr rhs;
};
struct argument : located {
    boost::optional<std::string> name;  // named argument "naam: waarde"
    expr value;
};
struct call : located {
    std::string function;
    std::vector<argument> args;
};
/// aantal | bestaat | alle | som | min | max | eerste | laatste | filter ( var in collection
/// [waarvoor filter] [: body] )
struct aggregate : located {
    std::string op;
    std::string var;
    expr collection;
    boost::optional<expr> filter;
    boost::optional<expr> body;
};
struct conditional : located {  // als c dan a anders b
    expr condition;
    expr then_value;
    expr else_value;
};
struct set_literal : located {
    std::vector<expr> items;
};
struct as_of : located {  // parameter op datum
    expr value;
    expr at;
};
struct emptiness : located {  // x is leeg / x is niet leeg
    expr value;
    bool negated = false;
};
struct membership : located {  // x in {..} / x niet in {..}
    expr value;
    bool negated = false;
    expr set;
};

/// eerste_dag(d van begin tot einde waarvoor conditie): the first day in [begin, einde] on which
/// the condition holds, found by trying only the days on which it can change (issue 10).
struct first_day : located {
    std::string var;
    expr from;
    expr to;
    expr condition;
};

// ---- declarations -------------------------------------------------------------------------------

struct type_ref : located {
    bool list = false;  // "lijst van X"
    std::string name;   // datum dagen weken maanden jaren getal geld waarheid tekst
};

struct source_decl : located {  // bron cao "CAO voor Uitzendkrachten" url "https://..."
    std::string name;
    text_literal title;
    boost::optional<text_literal> url;
};

struct sources : located {  // volgens cao, sncu
    std::vector<std::string> names;
};

struct param_arg : located {
    std::string name;
    type_ref type;
};

struct param_value : located {  // 52 weken vanaf 2023-01-02 [tot ...] volgens cao [onzeker "..."]
    expr value;
    date_literal from;
    boost::optional<date_literal> to;
    sources cited;
    boost::optional<text_literal> uncertain;
};

struct param_exception : located {  // uitzondering label: 52 weken vanaf D [tot D] als cond volgens x
    std::string label;
    expr value;
    date_literal from;
    boost::optional<date_literal> to;
    expr condition;
    sources cited;
    boost::optional<text_literal> uncertain;
};

struct parameter_decl : located {
    std::string name;
    std::vector<param_arg> args;
    type_ref type;
    boost::optional<text_literal> uncertain;
    std::vector<param_value> values;
    std::vector<param_exception> exceptions;
};

struct table_row : located {
    std::vector<expr> keys;  // one per key of the table: 21, bepaalde_tijd => ...
    expr value;
};

struct table_version : located {
    date_literal from;
    boost::optional<date_literal> to;
    sources cited;
    boost::optional<text_literal> uncertain;
    std::vector<table_row> rows;
};

struct table_decl : located {  // tabel wml.uurloon(leeftijd: getal [, contract: contractsoort]) : geld
    std::string name;
    std::vector<param_arg> args;  // the keys, in the order a lookup gives them
    type_ref type;
    std::vector<table_version> versions;
};

struct fact_decl : located {  // feit x [: T] = expr [als cond]
    std::string keyword;  // feit | hulpfeit
    std::string name;
    boost::optional<type_ref> type;
    expr value;
    boost::optional<expr> condition;
};

struct citation : located {  // artikel "7:668 lid 1 BW" [vanaf D [tot D]] volgens bw
    text_literal article;
    boost::optional<date_literal> from;  // the text cited is in force from ... to (inclusive)
    boost::optional<date_literal> to;
    sources cited;
};

struct validity : located {  // geldig vanaf D [tot D] [op expr]
    date_literal from;
    boost::optional<date_literal> to;
    boost::optional<expr> on;
};

struct generator : located {  // c in werker.contracten
    std::string var;
    expr collection;
};

struct scope : located {  // voor het bureau | voor elk g, g [waarvoor cond]
    std::string kind;  // "bureau" | "elk"
    std::vector<generator> generators;
    boost::optional<expr> filter;
};

/// A piece of a message: literal text (as written, unescaped) or a {placeholder}.
struct message_part {
    std::string text;       // the literal text before the next placeholder
    bool placeholder = false;
    expr value;             // the placeholder's expression ({termijn} is the name 'termijn')
    located where;          // the bytes between the braces
};

struct message : located {  // melding nl [na termijn] [als conditie] "..."
    std::string what;  // melding | advies
    std::string lang;  // nl | en
    bool after_due = false;           // na termijn: the wording once the deadline has passed
    boost::optional<expr> condition;  // als: this wording where the condition holds (first wins)
    text_literal text;
    /// Filled by the parser after the text is read (not by the grammar): literal text and
    /// placeholders alternate, so the binder only resolves names.
    std::vector<message_part> parts;
};

struct rule_decl : located {
    std::string id;
    boost::optional<std::string> variant;       // geval x
    boost::optional<std::string> exception_of;  // uitzondering op other.rule
    std::string kind;                           // overtreding | actie | waarschuwing | info
    boost::optional<std::string> task;          // taak wettelijk | beleid (issue 13: a guidance task)
    std::vector<citation> citations;
    boost::optional<text_literal> uncertain;
    validity valid;
    boost::optional<scope> for_each;
    boost::optional<expr> condition;   // als
    boost::optional<expr> unless;      // tenzij
    boost::optional<expr> due;         // termijn
    boost::optional<std::string> free_day;  // bij vrije dag werkdag ervoor | erna
    boost::optional<expr> done;        // gedaan
    boost::optional<expr> lead;        // zichtbaar vanaf <duur> voor termijn
    boost::optional<std::string> late; // na termijn overtreding
    boost::optional<expr> open_while;  // open zolang: a violation still to be remedied while this holds
    std::vector<message> messages;
};

/// A label for people: `label feit fase_a.begin nl "begin fase A" en "start of phase A"`. The
/// output shows labels instead of the rulebook's names; JSON and CSV keep the names.
struct label_decl : located {
    std::string kind;  // feit | regel | waarde | eenheid | term
    std::string name;
    text_literal nl;
    text_literal en;
};

/// Matching (issue 12): a scoring criterion or a must-have, evaluated for a candidate and a vacancy.
///   criterium match.afstand [geval x] soort punten|eis [artikel ...] geldig vanaf D [tot D]
///       [voor elk e in vacature.eisen.certificaten [waarvoor c]] [als c] [punten getal]
///       reden nl "..." reden en "..."
struct criterion_decl : located {
    std::string id;
    boost::optional<std::string> variant;  // geval x
    std::string kind;                      // punten | eis
    std::vector<citation> citations;       // zero or more
    validity valid;
    boost::optional<scope> for_each;
    boost::optional<expr> condition;       // als: the criterion applies (punten) / the item is missing (eis)
    boost::optional<expr> points;          // punten: a getal (kind punten only)
    std::vector<message> reasons;          // reden nl / reden en (message::what == "reden")
};

struct declaration : x3::variant<source_decl, parameter_decl, table_decl, fact_decl, rule_decl, label_decl, criterion_decl> {
    using base_type::base_type;
    using base_type::operator=;
};

struct file {
    std::vector<declaration> declarations;
    /// The comment lines in front of each declaration (same index), and after the last one; the
    /// canonical printer writes them back (comments inside a declaration are not kept).
    std::vector<std::vector<std::string>> comments;
    std::vector<std::string> trailing_comments;
};

/// Span of any expression node (begin == end == 0 for nil).
located span_of(expr const& e);

}  // namespace rw::dsl::ast
