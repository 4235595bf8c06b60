// Declarations of a rules file. Each clause starts with a keyword followed by '>' (an expectation),
// so a failure lands at the exact token and names what was expected there.
#pragma once

#include "ast_adapted.hpp"
#include "common.hpp"
#include "declaration.hpp"
#include "expression.hpp"

namespace rw::dsl::parser {

// ---- Rule IDs -----------------------------------------------------------------------------------
struct declaration_class : annotate {};
struct source_class : annotate {};
struct sources_class : annotate {};
struct type_class : annotate {};
struct param_arg_class : annotate {};
struct param_value_class : annotate {};
struct param_exception_class : annotate {};
struct parameter_class : annotate {};
struct table_row_class : annotate {};
struct table_version_class : annotate {};
struct table_class : annotate {};
struct fact_class : annotate {};
struct citation_class : annotate {};
struct validity_class : annotate {};
struct generator_class : annotate {};
struct scope_class : annotate {};
struct message_class : annotate {};
struct rule_class : annotate {};
struct label_class : annotate {};
struct citations_class;
// Matching (issue 12): criterium.
struct criterion_class : annotate {};
struct reason_class : annotate {};
struct reasons_class;
struct criterion_citations_class;
struct messages_class;
struct table_rows_class;
struct table_versions_class;

// ---- Rules --------------------------------------------------------------------------------------
declaration_type const declaration_rule = "a declaration (bron, parameter, tabel, feit, hulpfeit, regel or label)";
x3::rule<source_class, ast::source_decl> const source_rule = "a source";
x3::rule<sources_class, ast::sources> const sources_rule = "'volgens' and source names";
x3::rule<type_class, ast::type_ref> const type_rule = "a type (datum, dagen, weken, maanden, jaren, getal, geld, percentage, waarheid, tekst, an enumeration, lijst van ...)";
x3::rule<param_arg_class, ast::param_arg> const param_arg_rule = "a parameter argument (naam: type)";
x3::rule<param_value_class, ast::param_value> const param_value_rule = "a dated value";
x3::rule<param_exception_class, ast::param_exception> const param_exception_rule = "an exception";
x3::rule<parameter_class, ast::parameter_decl> const parameter_rule = "a parameter";
x3::rule<table_row_class, ast::table_row> const table_row_rule = "a table row (key, ... => value)";
x3::rule<table_version_class, ast::table_version> const table_version_rule = "a table version ('vanaf' date)";
x3::rule<table_class, ast::table_decl> const table_rule = "a table";
x3::rule<fact_class, ast::fact_decl> const fact_rule = "a fact";
x3::rule<citation_class, ast::citation> const citation_rule = "'artikel' with a text";
x3::rule<validity_class, ast::validity> const validity_rule = "'geldig vanaf' and a date";
x3::rule<generator_class, ast::generator> const generator_rule = "a generator (naam in collectie)";
x3::rule<scope_class, ast::scope> const scope_rule = "'het bureau' or 'elk ...'";
x3::rule<message_class, ast::message> const message_rule = "'melding' or 'advies' with a language (nl, en) and a text";
x3::rule<rule_class, ast::rule_decl> const rule_rule = "a rule";
x3::rule<label_class, ast::label_decl> const label_rule = "a label (label feit|regel|waarde|eenheid|term <naam> nl \"...\" en \"...\")";
// Named repetitions, so that an expectation failure names what was expected in words.
x3::rule<citations_class, std::vector<ast::citation>> const citations_rule = "'artikel' with a text and 'volgens' (at least one)";
x3::rule<messages_class, std::vector<ast::message>> const messages_rule =
    "'melding nl', 'melding en', 'advies nl' and 'advies en' with their texts";
x3::rule<criterion_class, ast::criterion_decl> const criterion_rule = "a criterion";
x3::rule<reason_class, ast::message> const reason_rule = "'reden' with a language (nl, en) and a text";
x3::rule<reasons_class, std::vector<ast::message>> const reasons_rule = "'reden nl' and 'reden en' with their texts";
x3::rule<criterion_citations_class, std::vector<ast::citation>> const criterion_citations_rule = "'artikel' with a text and 'volgens'";
x3::rule<table_rows_class, std::vector<ast::table_row>> const table_rows_rule = "table rows (key => value)";
x3::rule<table_versions_class, std::vector<ast::table_version>> const table_versions_rule =
    "a table version ('vanaf' and a date)";

// clang-format off
struct kind_symbols : x3::symbols<std::string> {
    kind_symbols() { add("overtreding", "overtreding")("actie", "actie")("waarschuwing", "waarschuwing")("info", "info"); }
};
inline kind_symbols const kinds;
struct lang_symbols : x3::symbols<std::string> {
    lang_symbols() { add("nl", "nl")("en", "en"); }
};
inline lang_symbols const languages;
struct message_kind_symbols : x3::symbols<std::string> {
    message_kind_symbols() { add("melding", "melding")("advies", "advies"); }
};
inline message_kind_symbols const message_kinds;
struct fact_keyword_symbols : x3::symbols<std::string> {
    fact_keyword_symbols() { add("feit", "feit")("hulpfeit", "hulpfeit"); }
};
inline fact_keyword_symbols const fact_keywords;
struct type_symbols : x3::symbols<std::string> {
    type_symbols() {
        add("datum", "datum")("dagen", "dagen")("weken", "weken")("maanden", "maanden")("jaren", "jaren")
           ("getal", "getal")("geld", "geld")("waarheid", "waarheid")("tekst", "tekst")("percentage", "percentage");
    }
};
inline type_symbols const types;
struct late_symbols : x3::symbols<std::string> {
    late_symbols() { add("overtreding", "overtreding"); }
};
inline late_symbols const late_kinds;
// taak wettelijk: a statutory guidance task (overdue = violation); taak beleid: the agency's policy.
struct task_symbols : x3::symbols<std::string> {
    task_symbols() { add("wettelijk", "wettelijk")("beleid", "beleid"); }
};
inline task_symbols const task_kinds;
auto const task_kind_rule = x3::rule<struct task_kind_class, std::string>{"'wettelijk' or 'beleid'"} =
    x3::lexeme[task_kinds >> !(x3::alnum | '_')];
// bij vrije dag werkdag ervoor: the deadline stands, act on the working day before it;
// bij vrije dag werkdag erna: the deadline moves to the next working day (Algemene termijnenwet art. 1).
struct free_day_symbols : x3::symbols<std::string> {
    free_day_symbols() { add("ervoor", "ervoor")("erna", "erna"); }
};
inline free_day_symbols const free_day_kinds;
struct label_kind_symbols : x3::symbols<std::string> {
    label_kind_symbols() { add("feit", "feit")("regel", "regel")("waarde", "waarde")("eenheid", "eenheid")("term", "term"); }
};
inline label_kind_symbols const label_kinds;

struct criterion_kind_symbols : x3::symbols<std::string> {
    criterion_kind_symbols() { add("punten", "punten")("eis", "eis"); }
};
inline criterion_kind_symbols const criterion_kinds;

auto const end_of_word_d = !(x3::alnum | '_');
auto const word = [](auto const& syms) { return x3::lexeme[syms >> end_of_word_d]; };
auto const uncertain_clause = kw("onzeker") > text_lit();

auto const source_rule_def = kw("bron") > identifier > text_lit() > -(kw("url") > text_lit());
inline auto set_names = [](auto& ctx) {  // the range is "volgens a, b": split the names again
    auto const& r = x3::_attr(ctx);
    std::string t(r.begin(), r.end());
    auto& n = x3::_val(ctx);
    n.names.clear();
    std::string cur;
    for (std::size_t i = std::string("volgens").size(); i <= t.size(); ++i) {
        char c = i < t.size() ? t[i] : ',';
        if (c == ',') {
            if (!cur.empty()) n.names.push_back(cur);
            cur.clear();
        } else if (word_char(c)) {
            cur += c;
        }
    }
    set_span(r, n);
};
auto const sources_rule_def = x3::raw[kw("volgens") > (identifier % ',')][set_names];
// Besides the scalar types, an enumeration by its name (contractsoort, fase, ...): the binder
// checks the name.
auto const type_name_rule = x3::rule<struct type_name_class, std::string>{"a type"} = word(types) | identifier;
auto const type_rule_def = (kw("lijst") > kw("van") > x3::attr(true) > type_name_rule)
                         | (x3::attr(false) >> type_name_rule);
auto const param_arg_rule_def = identifier > ':' > type_rule;
// After the value, 'vanaf' is certain: a new declaration cannot start with a value.
auto const param_value_rule_def =
    primary_expr() > kw("vanaf") > date_lit() > -(kw("tot") > date_lit()) > sources_rule > -uncertain_clause;
auto const param_exception_rule_def =
    kw("uitzondering") > identifier > ':' > primary_expr() > kw("vanaf") > date_lit() > -(kw("tot") > date_lit())
    > kw("als") > expression() > sources_rule > -uncertain_clause;
auto const parameter_rule_def =
    kw("parameter") > dotted_name > -('(' > (param_arg_rule % ',') > ')') > ':' > type_rule
    > -uncertain_clause > *param_value_rule > *param_exception_rule;
// Several keys are separated by commas: 21, bepaalde_tijd => € 14.71.
auto const table_row_rule_def = (primary_expr() % ',') >> "=>" > primary_expr();
auto const table_version_rule_def =
    kw("vanaf") > date_lit() > -(kw("tot") > date_lit()) > sources_rule > -uncertain_clause > table_rows_rule;
auto const table_rule_def =
    kw("tabel") > dotted_name > '(' > (param_arg_rule % ',') > ')' > ':' > type_rule > table_versions_rule;
auto const fact_rule_def =
    word(fact_keywords) > dotted_name > -(':' > type_rule) > '=' > expression() > -(kw("als") > expression());
auto const citation_rule_def =
    kw("artikel") > text_lit() > -(kw("vanaf") > date_lit()) > -(kw("tot") > date_lit()) > sources_rule;
auto const validity_rule_def =
    kw("geldig") > kw("vanaf") > date_lit() > -(kw("tot") > date_lit()) > -(kw("op") > primary_expr());
auto const generator_rule_def = identifier > kw("in") > expression();
auto const scope_rule_def =
      (kw("het") > kw("bureau") > x3::attr(std::string("bureau")) > x3::attr(std::vector<ast::generator>())
         > x3::attr(boost::optional<ast::expr>()))
    | ((kw("elk") | kw("elke")) > x3::attr(std::string("elk")) > (generator_rule % ',')
         > -(kw("waarvoor") > expression()));
// melding nl [na termijn] [als conditie] "...": the wording after the deadline, and wording for
// the case where a condition holds (the first that holds wins; the text without 'als' is the rest).
auto const message_rule_def = word(message_kinds) > word(languages)
    > x3::matches[kw("na") > kw("termijn")] > -(kw("als") > expression()) > text_lit();
auto const rule_rule_def =
    kw("regel") > dotted_name
    > -(kw("geval") > identifier)
    > -(kw("uitzondering") > kw("op") > dotted_name)
    > kw("soort") > word(kinds)
    > -(kw("taak") > task_kind_rule)
    > citations_rule
    > -uncertain_clause
    > validity_rule
    > -(kw("voor") > scope_rule)
    > -(kw("als") > expression())
    > -(kw("tenzij") > expression())
    > -(kw("termijn") > expression())
    > -(kw("bij") > kw("vrije") > kw("dag") > kw("werkdag") > word(free_day_kinds))
    > -(kw("gedaan") > expression())
    > -(kw("zichtbaar") > kw("vanaf") > expression() > kw("voor") > kw("termijn"))
    > -(kw("na") > kw("termijn") > word(late_kinds))
    > -(kw("open") > kw("zolang") > expression())
    > messages_rule;
// A label names anything people read, reserved words included (term waar, eenheid weken).
auto const label_name = x3::rule<struct label_name_class, std::string>{"a name"} =
    x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_') | (x3::char_('.') >> &(x3::alnum | '_')))];
auto const label_rule_def =
    kw("label") > word(label_kinds) > label_name > kw("nl") > text_lit() > kw("en") > text_lit();
// Matching (issue 12).
auto const reason_rule_def = x3::attr(std::string("reden")) >> kw("reden") > word(languages) > x3::attr(false)
                           > x3::attr(boost::optional<ast::expr>()) > text_lit();
auto const criterion_rule_def =
    kw("criterium") > dotted_name
    > -(kw("geval") > identifier)
    > kw("soort") > word(criterion_kinds)
    > criterion_citations_rule
    > validity_rule
    > -(kw("voor") > scope_rule)
    > -(kw("als") > expression())
    > -(kw("punten") > expression())
    > reasons_rule;
auto const reasons_rule_def = +reason_rule;
auto const criterion_citations_rule_def = *citation_rule;
auto const declaration_rule_def = source_rule | parameter_rule | table_rule | fact_rule | rule_rule | label_rule | criterion_rule;
auto const citations_rule_def = +citation_rule;
auto const messages_rule_def = +message_rule;
auto const table_rows_rule_def = +table_row_rule;
auto const table_versions_rule_def = +table_version_rule;
// clang-format on

BOOST_SPIRIT_DEFINE(declaration_rule, source_rule, sources_rule, type_rule, param_arg_rule, param_value_rule,
                    param_exception_rule, parameter_rule, table_row_rule, table_version_rule, table_rule, fact_rule,
                    citation_rule, validity_rule, generator_rule, scope_rule, message_rule, rule_rule, label_rule, citations_rule,
                    messages_rule, table_rows_rule, table_versions_rule)
BOOST_SPIRIT_DEFINE(criterion_rule, reason_rule, reasons_rule, criterion_citations_rule)

}  // namespace rw::dsl::parser
