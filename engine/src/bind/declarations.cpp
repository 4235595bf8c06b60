// Declarations: dated parameters (ascending, no gaps or overlaps, exceptions), tables and facts
// (a default and exceptions, bound on first use so that order does not matter).
#include "binder_impl.hpp"

#include <set>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

void binder::bind_parameter(dsl::source_ptr const& src, ast::parameter_decl const& p) {
    cur_ = src;
    auto& pi = prog_.params[static_cast<std::size_t>(param_ids_.at(p.name))];
    if (p.uncertain) pi.uncertain = collapse_whitespace(p.uncertain->value);
    if (p.values.empty()) error(codes::no_dated_value, span(p), "parameter " + p.name + " has no dated value");
    std::optional<day> prev_from;
    for (std::size_t i = 0; i < p.values.size(); ++i) {
        auto const& v = p.values[i];
        param_version pv;
        auto val = constant_value(v.value, pi.t, "the value of " + p.name);
        auto from = literal_date(v.from);
        if (!val || !from) continue;
        pv.v = *val;
        pv.from = *from;
        if (v.to) pv.to = literal_date(*v.to);
        pv.sources = bind_sources(v.cited);
        if (v.uncertain) pv.uncertain = collapse_whitespace(v.uncertain->value);
        pv.where = span(v);
        if (pv.to && *pv.to < pv.from) error(codes::period_reversed, span(*v.to), "the period ends before it starts");
        if (prev_from && pv.from <= *prev_from)
            error(codes::values_not_ascending, span(v.from), "dated values of " + p.name + " must ascend: " + format_date(pv.from) + " does not come after " +
                                    format_date(*prev_from));
        if (!pi.versions.empty() && pi.versions.back().to) {
            day expected_from = *pi.versions.back().to + date::days{1};
            if (pv.from > expected_from)
                error(codes::value_gap, span(v.from), "gap in " + p.name + ": no value from " + format_date(expected_from) + " to " +
                                        format_date(pv.from - date::days{1}));
            else if (pv.from < expected_from)
                error(codes::value_overlap, span(v.from), "overlap in " + p.name + ": the previous value runs until " +
                                        format_date(*pi.versions.back().to));
        }
        prev_from = pv.from;
        pi.versions.push_back(std::move(pv));
    }
    // Versions without an explicit end run until the next one starts.
    for (std::size_t i = 0; i + 1 < pi.versions.size(); ++i)
        if (!pi.versions[i].to) pi.versions[i].to = pi.versions[i + 1].from - date::days{1};
    // Exceptions: their conditions see the parameter's arguments as variables.
    pi.first_arg_slot = next_slot_;
    std::vector<var_info> saved = scope_;
    scope_.clear();
    for (auto const& [n, t] : pi.args) scope_.push_back({n, new_slot(), t});
    std::set<std::string> labels;
    for (auto const& x : p.exceptions) {
        param_exception pe;
        pe.label = x.label;
        if (!labels.insert(x.label).second) error(codes::exception_twice, span(x), "exception '" + x.label + "' is declared twice");
        auto val = constant_value(x.value, pi.t, "the value of exception " + x.label);
        auto from = literal_date(x.from);
        if (!val || !from) continue;
        pe.v = *val;
        pe.from = *from;
        if (x.to) pe.to = literal_date(*x.to);
        type bt = type::of(type_kind::boolean);
        bound c = bind(x.condition, &bt);
        expect_type(c, bt, span(x.condition), "the condition of exception " + x.label);
        pe.condition = c.node;
        pe.sources = bind_sources(x.cited);
        if (x.uncertain) pe.uncertain = collapse_whitespace(x.uncertain->value);
        pe.where = span(x);
        pi.exceptions.push_back(std::move(pe));
    }
    // Two unconditional-looking exceptions over the same days with different values would always
    // conflict; that is caught at run time with both spans, and here when their conditions are identical.
    scope_ = saved;
}

void binder::bind_table(dsl::source_ptr const& src, ast::table_decl const& t) {
    cur_ = src;
    auto& ti = prog_.tables[static_cast<std::size_t>(table_ids_.at(t.name))];
    std::optional<day> prev_from;
    for (auto const& v : t.versions) {
        table_version tv;
        auto from = literal_date(v.from);
        if (!from) continue;
        tv.from = *from;
        if (v.to) tv.to = literal_date(*v.to);
        tv.sources = bind_sources(v.cited);
        if (v.uncertain) tv.uncertain = collapse_whitespace(v.uncertain->value);
        if (prev_from && tv.from <= *prev_from) error(codes::values_not_ascending, span(v.from), "table versions must ascend");
        if (!ti.versions.empty() && ti.versions.back().to) {
            day expected_from = *ti.versions.back().to + date::days{1};
            if (tv.from != expected_from)
                error(tv.from > expected_from ? codes::value_gap : codes::value_overlap, span(v.from), tv.from > expected_from ? "gap in table " + t.name : "overlap in table " + t.name);
        }
        prev_from = tv.from;
        for (auto const& r : v.rows) {
            if (r.keys.size() != ti.key_types.size()) {
                error(codes::table_key, span(r.keys.front()),
                      "a row of " + t.name + " needs " + std::to_string(ti.key_types.size()) + " key(s), not " +
                          std::to_string(r.keys.size()));
                continue;
            }
            table_version::row row;
            bool ok = true;
            for (std::size_t i = 0; i < r.keys.size(); ++i) {
                auto k = constant_value(r.keys[i], ti.key_types[i], "a key of " + t.name);
                ok = ok && k.has_value();
                row.keys.push_back(k.value_or(value{}));
            }
            auto val = constant_value(r.value, ti.t, "a value of " + t.name);
            if (!ok || !val) continue;
            row.v = *val;
            // Rows ascend key by key (the first key first): a lookup narrows them key by key.
            if (!tv.rows.empty()) {
                int c = 0;
                for (std::size_t i = 0; i < row.keys.size() && c == 0; ++i) c = compare(row.keys[i], tv.rows.back().keys[i]);
                if (c <= 0) error(codes::table_keys_not_ascending, span(r.keys.front()), "table keys must ascend");
            }
            tv.rows.push_back(std::move(row));
        }
        ti.versions.push_back(std::move(tv));
    }
    for (std::size_t i = 0; i + 1 < ti.versions.size(); ++i)
        if (!ti.versions[i].to) ti.versions[i].to = ti.versions[i + 1].from - date::days{1};
}

/// Binds a fact on first use, wherever it is declared. A fact met again while it is being bound
/// is part of a cycle: its type is an error here (so nothing else is reported about it) and
/// check_fact_cycles names the cycle with its path.
void binder::ensure_fact(int id) {
    auto& g = fact_groups_[static_cast<std::size_t>(id)];
    auto& fi = prog_.facts[static_cast<std::size_t>(id)];
    if (g.state == 2) return;
    if (g.state == 1) {
        fi.t = type::of(type_kind::error);
        return;
    }
    g.state = 1;
    binding_facts_.push_back(id);
    auto saved_scope = scope_;
    auto saved_src = cur_;
    bool saved_worker = worker_allowed_;
    bool saved_criterion = in_criterion_;
    scope_.clear();
    worker_allowed_ = true;
    in_criterion_ = false;
    int defaults = 0;
    type t = type::of(type_kind::empty);
    for (auto const& [src, decl] : g.decls) {
        cur_ = src;
        fact_definition def;
        def.where = span(*decl);
        std::optional<type> declared;
        if (decl->type) {
            type dt;
            if (type_from_name(decl->type->name, decl->type->list, dt)) declared = dt;
            else error(codes::unknown_type, span(*decl->type), "unknown type '" + decl->type->name + "'");
        }
        bound v = bind(decl->value, declared ? &*declared : nullptr);
        if (declared) expect_type(v, *declared, span(decl->value), "fact " + fi.name);
        def.value_node = v.node;
        type vt = declared ? *declared : v.t;
        if (t.kind == type_kind::empty) t = vt;
        else if (!compatible(vt, t) && !compatible(t, vt))
            error(codes::fact_types_differ, span(*decl), "fact " + fi.name + " is " + type_name(t) + " elsewhere, here " + type_name(vt));
        if (decl->condition) {
            type bt = type::of(type_kind::boolean);
            bound c = bind(*decl->condition, &bt);
            expect_type(c, bt, span(*decl->condition), "the condition of fact " + fi.name);
            def.condition = c.node;
        } else if (++defaults > 1) {
            error(codes::fact_two_defaults, span(*decl), "fact " + fi.name + " has two definitions without a condition (one is the default; "
                               "the others need 'als')");
        }
        if ((decl->keyword == "hulpfeit") != fi.helper)
            error(codes::fact_keyword_mixed, span(*decl), "fact " + fi.name + " is declared both as 'feit' and as 'hulpfeit'");
        fi.defs.push_back(def);
    }
    fi.t = t;
    scope_ = saved_scope;
    cur_ = saved_src;
    worker_allowed_ = saved_worker;
    in_criterion_ = saved_criterion;
    binding_facts_.pop_back();
    g.state = 2;
}


}  // namespace rw::engine::binding
