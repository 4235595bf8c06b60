// Fusion adaptation of the AST nodes X3 fills by attribute propagation. Private to the parser.
// Single-member nodes (literals, names, sets, source lists) are deliberately NOT adapted: X3 would
// unwrap them to their one member and drop the node's span. Semantic actions fill them instead.
#pragma once

#include "rw/dsl/ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::duration_literal, amount, unit)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::argument, name, value)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::call, function, args)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::aggregate, op, var, collection, filter, body)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::conditional, condition, then_value, else_value)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::first_day, var, from, to, condition)

BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::type_ref, list, name)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::source_decl, name, title, url)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::param_arg, name, type)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::param_value, value, from, to, cited, uncertain)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::param_exception, label, value, from, to, condition, cited, uncertain)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::parameter_decl, name, args, type, uncertain, values, exceptions)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::table_row, keys, value)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::table_version, from, to, cited, uncertain, rows)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::table_decl, name, args, type, versions)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::fact_decl, keyword, name, type, value, condition)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::citation, article, from, to, cited)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::validity, from, to, on)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::generator, var, collection)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::scope, kind, generators, filter)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::message, what, lang, after_due, condition, text)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::label_decl, kind, name, nl, en)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::rule_decl, id, variant, exception_of, kind, task, citations, uncertain, valid,
                          for_each, condition, unless, due, free_day, done, lead, late, open_while, messages)
BOOST_FUSION_ADAPT_STRUCT(rw::dsl::ast::criterion_decl, id, variant, kind, citations, valid, for_each, condition, points,
                          reasons)
