// The binder's shared state, split by kind as DuckDB splits its binder: one class, its members
// defined in one file per kind of thing bound:
//   symbols.cpp       name collection (the declarations' names) and lookup (names, fields, sources)
//   expressions.cpp   literals and the type checking of expressions
//   declarations.cpp  parameters, tables and facts
//   rules.cpp         rules: scope, clauses and messages (placeholders are parsed by dsl/)
//   overrides.cpp     override files merged into the rulebook's AST before binding (AST -> AST)
//   checks.cpp        checks over the whole bound program (rule ids, exceptions, fact cycles,
//                     coverage of dated values, actie.vooruitblik)
//   binder.cpp        the order of the passes
// Private to engine/src/bind.
#pragma once

#include "rw/dsl/ast.hpp"
#include "rw/dsl/codes.hpp"
#include "rw/engine/program.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rw::engine::binding {

namespace ast = rw::dsl::ast;
namespace codes = rw::dsl::codes;
using source_files = std::vector<std::pair<dsl::source_ptr, ast::file>>;

struct var_info {
    std::string name;
    std::uint16_t slot;
    type t;
    std::optional<std::uint32_t> alias = std::nullopt;  // a name for an existing node ("termijn" in messages)
};

struct bound {
    std::uint32_t node = 0;
    type t;
};

struct fact_group {
    std::string name;
    std::vector<std::pair<dsl::source_ptr, ast::fact_decl const*>> decls;
    int state = 0;  // 0 unbound, 1 binding, 2 bound
};

bool ordered(type t);
bool has_period(type t);
std::vector<std::string> split_dots(std::string const& s);

/// The override pass: the rulebook's files with every declaration an override replaces left
/// out, followed by the override files. Reports overrides that replace nothing, change a type or
/// hold something else than bron, parameter or tabel.
source_files merge_overrides(source_files const& rulebook, source_files const& overrides, dsl::diagnostics& diags);

/// Checks over the whole bound program (checks.cpp).
void check_rule_ids(program const& prog, dsl::diagnostics& diags);
/// reads[f]: the facts fact f's definitions name (recorded while binding, so a read whose
/// expression turned into an error still counts).
void check_fact_cycles(program const& prog, std::vector<std::vector<int>> const& reads, dsl::diagnostics& diags);
void check_coverage(program const& prog, dsl::diagnostics& diags);
void check_default_lead(program& prog, dsl::diagnostics& diags);
/// Labels name things the rules have, once in the rulebook (an override may replace one); builds
/// program::label_index.
void check_labels(program& prog, dsl::diagnostics& diags);
/// Matching (issue 12): (criterion id, geval) unique (criteria.cpp).
void check_criterion_ids(program const& prog, dsl::diagnostics& diags);
/// Guidance (issue 13): every task taak_gedaan names is the id of a rule (RW5504).
void check_task_refs(program const& prog, std::vector<std::pair<std::string, dsl::span>> const& refs, dsl::diagnostics& diags);

class binder {
public:
    binder(program& p, dsl::diagnostics& d) : prog_(p), diags_(d) {}

    // ---- symbols.cpp ----
    void collect(dsl::source_ptr const& src, ast::declaration const& d);
    /// Declarations collected from now on come from an override file.
    void collecting_overrides(bool b) { in_override_ = b; }
    std::vector<int> bind_sources(ast::sources const& s);
    bound bind_name(ast::name_ref const& n, type const* expected);
    bound apply_fields(bound b, std::vector<std::string> const& segs, std::size_t from, ast::located const& where);
    std::vector<std::string> all_names() const;

    // ---- expressions.cpp ----
    bound bind(ast::expr const& e, type const* expected = nullptr);
    std::optional<value> constant_value(ast::expr const& e, type t, std::string const& what);
    std::optional<day> literal_date(ast::date_literal const& d);

    // ---- declarations.cpp ----
    void bind_parameter(dsl::source_ptr const& src, ast::parameter_decl const& p);
    void bind_table(dsl::source_ptr const& src, ast::table_decl const& t);
    void ensure_fact(int id);
    std::size_t fact_count() const { return fact_groups_.size(); }
    std::vector<std::vector<int>> const& fact_reads() const { return fact_reads_; }

    // ---- rules.cpp ----
    void bind_rule(dsl::source_ptr const& src, ast::rule_decl const& r);
    /// 'voor elk g in L, ... [waarvoor C]' (rules and criteria): each variable gets a slot in
    /// scope, typed by its list's element; the filter must be a truth value.
    void bind_generators(ast::scope const& s, std::vector<generator_info>& generators, std::optional<std::uint32_t>& filter);

    // ---- criteria.cpp (matching, issue 12) ----
    void bind_criterion(dsl::source_ptr const& src, ast::criterion_decl const& c);
    /// A protected ground is read at s (a field, leeftijd, or a fact that reads one): marks the
    /// facts being bound, and is an error inside a criterion (RW5301).
    void note_protected(std::string const& ground, std::string const& what, dsl::span const& s);
    std::string& fact_ground(int id) {
        if (fact_ground_.size() < fact_groups_.size()) fact_ground_.resize(fact_groups_.size());
        return fact_ground_[static_cast<std::size_t>(id)];
    }

private:
    program& prog_;
    dsl::diagnostics& diags_;
    dsl::source_ptr cur_;
    std::vector<var_info> scope_;
    std::uint16_t next_slot_ = 0;
    bool worker_allowed_ = true;
    bool in_override_ = false;
    std::unordered_map<std::string, int> source_ids_, param_ids_, table_ids_, fact_ids_;
    std::vector<fact_group> fact_groups_;
    std::vector<int> binding_facts_;             // the facts being bound, innermost last
    std::vector<std::vector<int>> fact_reads_;   // per fact, the facts its definitions name
    bool in_criterion_ = false;                  // binding a criterion: 'vacature' allowed, no protected ground
    std::vector<std::string> fact_ground_;       // per fact, the protected ground it reads ("" = none)
    // Guidance (issue 13): an expression read the worker's task records (werker.taken, taak_gedaan);
    // the task names taak_gedaan was given, checked against the rule ids once all rules are bound.
    bool reads_tasks_ = false;
    std::vector<std::pair<std::string, dsl::span>> task_refs_;

public:
    std::vector<std::pair<std::string, dsl::span>> const& task_refs() const { return task_refs_; }

private:

    // ---- helpers ----
    dsl::span span(ast::located const& l) const { return {cur_, l.begin, l.end}; }
    dsl::span span(ast::expr const& e) const { return span(ast::span_of(e)); }
    void error(char const* code, dsl::span const& s, std::string msg, std::vector<std::string> suggestions = {}) {
        diags_.add({dsl::severity::error, code, std::move(msg), s, {}, std::move(suggestions)});
    }

    std::uint32_t add(node n, std::vector<std::uint32_t> const& kids = {}) {
        n.first_child = static_cast<std::uint32_t>(prog_.children.size());
        n.child_count = static_cast<std::uint16_t>(kids.size());
        prog_.children.insert(prog_.children.end(), kids.begin(), kids.end());
        prog_.nodes.push_back(n);
        return static_cast<std::uint32_t>(prog_.nodes.size() - 1);
    }
    bound constant(value v, type t, dsl::span s) {
        node n;
        n.o = op::constant;
        n.t = t;
        n.constant = v;
        n.where = s;
        return {add(n), t};
    }
    bound error_node(dsl::span s) { return constant(value{}, type::of(type_kind::error), s); }
    std::uint16_t new_slot() {
        std::uint16_t s = next_slot_++;
        prog_.slot_count = std::max<std::uint16_t>(prog_.slot_count, next_slot_);
        return s;
    }

    static bool compatible(type actual, type expected);
    void expect_type(bound const& b, type expected, dsl::span s, std::string const& what) {
        if (!compatible(b.t, expected))
            error(codes::type_mismatch, s, what + " must be " + type_name(expected) + ", but is " + type_name(b.t));
    }

    // ---- expressions.cpp ----
    bound literal(ast::expr const& e, type const* expected);
    bound bind_unary(ast::unary const& u, type const* expected);
    bound bind_binary(ast::binary const& b, type const* expected);
    bound bind_call(ast::call const& c, std::optional<bound> at_date);
    bound bind_rounding(ast::call const& c);
    bound bind_first_day(ast::first_day const& f);
    bound bind_aggregate(ast::aggregate const& a);
    bound bind_as_of(ast::as_of const& a);
    bound bind_series_arg(ast::expr const& e, type expected);
    bound param_node(int pid, std::vector<std::uint32_t> args, std::optional<bound> at, dsl::span s);
    /// The day a parameter or table is read on: the 'op' expression, or else the reference date.
    std::uint32_t read_day(std::optional<bound> const& at, dsl::span s) {
        if (at) return at->node;
        node r;
        r.o = op::reference_date;
        r.t = type::of(type_kind::date);
        r.where = s;
        return add(r);
    }

    // ---- rules.cpp ----
    /// The node of the working day to act on; *text_node gets the day {handel_uiterlijk} prints.
    std::uint32_t bind_act_by(std::string const& kind, std::uint32_t due, ast::located const& where,
                              std::optional<std::uint32_t>* text_node = nullptr);
    message_template bind_message(ast::message const& m, std::optional<std::uint32_t> due, std::optional<std::uint32_t> act_by);
};

}  // namespace rw::engine::binding
