// The binder: surface AST -> typed program (program.hpp). Resolves names (variables, werker,
// bureau, peildatum, facts, parameters, tables, enumeration members, fields), checks types (units
// never mix), checks dated parameters (ascending, no gaps or overlaps), rule ids, message
// placeholders; every error is reported with its code, its span and, where it helps, "did you
// mean". This file only orders the passes; binder_impl.hpp says which file does what.
#include "binder.hpp"

#include "binder_impl.hpp"

namespace rw::engine {

void bind_files(std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& rulebook,
                std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& overrides, program& prog, dsl::diagnostics& diags) {
    using namespace binding;
    // 1. Overrides: AST -> AST.
    source_files files = merge_overrides(rulebook, overrides, diags);
    binder b(prog, diags);
    // 2. Names first, so that declarations may refer to each other in any order.
    for (std::size_t i = 0; i < files.size(); ++i) {
        b.collecting_overrides(i + overrides.size() >= files.size());  // overrides come last
        for (auto const& d : files[i].second.declarations) b.collect(files[i].first, d);
    }
    b.collecting_overrides(false);
    // 3. Declarations: parameters, tables, then facts (each bound on first use).
    for (auto const& [src, f] : files)
        for (auto const& d : f.declarations)
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) b.bind_parameter(src, *p);
    for (auto const& [src, f] : files)
        for (auto const& d : f.declarations)
            if (auto const* t = boost::get<ast::table_decl>(&d)) b.bind_table(src, *t);
    for (std::size_t i = 0; i < b.fact_count(); ++i) b.ensure_fact(static_cast<int>(i));
    // 4. Rules.
    for (auto const& [src, f] : files)
        for (auto const& d : f.declarations)
            if (auto const* r = boost::get<ast::rule_decl>(&d)) b.bind_rule(src, *r);
    // 4b. Criteria (matching, issue 12).
    for (auto const& [src, f] : files)
        for (auto const& d : f.declarations)
            if (auto const* c = boost::get<ast::criterion_decl>(&d)) b.bind_criterion(src, *c);
    check_criterion_ids(prog, diags);
    // 5. Checks over the whole program.
    check_rule_ids(prog, diags);
    check_fact_cycles(prog, b.fact_reads(), diags);
    check_coverage(prog, diags);
    check_default_lead(prog, diags);
    check_labels(prog, diags);
    check_task_refs(prog, b.task_refs(), diags);
}

}  // namespace rw::engine
