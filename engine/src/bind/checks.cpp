// Checks over the whole bound program: rule ids, exceptions, fact cycles, the coverage of dated
// values and actie.vooruitblik. They read the program, never the AST.
#include "binder_impl.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace rw::engine::binding {

void check_rule_ids(program const& prog, dsl::diagnostics& diags) {
    // (id, geval) unique; exceptions name existing rules other than themselves.
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < prog.rules.size(); ++i) {
        auto const& r = prog.rules[i];
        ids.insert(r.id);
        auto [it, fresh] = seen.emplace(std::pair{r.id, r.variant}, i);
        if (!fresh)
            diags.add({dsl::severity::error, codes::rule_twice,
                       "rule " + r.id + (r.variant.empty() ? "" : " geval " + r.variant) +
                           " is declared twice (give each case its own 'geval')",
                       r.where, {{prog.rules[it->second].where, "first declared here"}}, {}});
    }
    for (auto const& r : prog.rules)
        if (r.exception_of == r.id)
            diags.error(codes::exception_to_itself, r.where, "rule " + r.id + " cannot be an exception to itself");
    for (auto const& r : prog.rules)
        if (!r.exception_of.empty() && !ids.count(r.exception_of)) {
            std::vector<std::string> names(ids.begin(), ids.end());
            diags.add({dsl::severity::error, codes::exception_to_unknown,
                       "rule " + r.id + " is an exception to unknown rule '" + r.exception_of + "'", r.where, {},
                       dsl::closest_matches(r.exception_of, names)});
        }
}

/// Facts that depend on each other: each cycle is reported once, at the first fact of the cycle
/// met (in declaration order), with its path "a -> b -> c -> a".
void check_fact_cycles(program const& prog, std::vector<std::vector<int>> const& unsorted, dsl::diagnostics& diags) {
    std::size_t const n = prog.facts.size();
    auto reads = unsorted;
    reads.resize(n);
    for (auto& r : reads) std::sort(r.begin(), r.end());  // declaration order: a stable report
    std::vector<int> state(n, 0);  // 0 unseen, 1 on the path, 2 done
    std::vector<int> path;
    // Iterative depth-first search (a long chain of facts must not overflow the stack).
    for (std::size_t root = 0; root < n; ++root) {
        if (state[root]) continue;
        std::vector<std::pair<int, std::size_t>> stack{{static_cast<int>(root), 0}};
        state[root] = 1;
        path.push_back(static_cast<int>(root));
        while (!stack.empty()) {
            auto& [f, next] = stack.back();
            if (next < reads[static_cast<std::size_t>(f)].size()) {
                int g = reads[static_cast<std::size_t>(f)][next++];
                if (state[static_cast<std::size_t>(g)] == 1) {
                    auto from = std::find(path.begin(), path.end(), g);
                    std::string text;
                    for (auto it = from; it != path.end(); ++it) text += prog.facts[static_cast<std::size_t>(*it)].name + " -> ";
                    text += prog.facts[static_cast<std::size_t>(g)].name;
                    auto const& head = prog.facts[static_cast<std::size_t>(g)];
                    diags.error(codes::fact_cycle, head.where, "fact " + head.name + " depends on itself: " + text);
                } else if (state[static_cast<std::size_t>(g)] == 0) {
                    state[static_cast<std::size_t>(g)] = 1;
                    path.push_back(g);
                    stack.emplace_back(g, 0);
                }
            } else {
                state[static_cast<std::size_t>(f)] = 2;
                path.pop_back();
                stack.pop_back();
            }
        }
    }
}

/// Every parameter and table a rule reads (directly or through facts) must have a declared value
/// on every day the rule is in force: a day without one would silently read as "no" (issue 8).
/// A value that is deliberately absent is declared as `leeg vanaf ...`.
void check_coverage(program const& prog, dsl::diagnostics& diags) {
    if (diags.has_errors()) return;
    std::set<std::string> reported;  // one error per parameter or table
    for (auto const& r : prog.rules) {
        std::set<std::uint32_t> seen_nodes;
        std::set<int> seen_facts;
        std::set<int> params, tables;
        std::vector<std::uint32_t> todo;
        auto push_opt = [&](std::optional<std::uint32_t> const& n) {
            if (n) todo.push_back(*n);
        };
        push_opt(r.filter), push_opt(r.condition), push_opt(r.unless), push_opt(r.due), push_opt(r.done), push_opt(r.lead), push_opt(r.open_while);
        push_opt(r.valid_on);
        for (auto const& g : r.generators) todo.push_back(g.collection);
        push_opt(r.act_by);
        auto push_texts = [&](message_texts const& m) {
            for (auto const& t : m.texts) {
                push_opt(t.condition);
                for (auto const& part : t.parts) push_opt(part.node);
            }
        };
        for (auto const* m : {&r.message_nl, &r.message_en, &r.advice_nl, &r.advice_en}) push_texts(*m);
        for (auto const* texts : {&r.worker_texts, &r.client_texts})  // issue 13
            for (auto const& [lang, m] : *texts) push_texts(m);
        while (!todo.empty()) {
            std::uint32_t i = todo.back();
            todo.pop_back();
            if (!seen_nodes.insert(i).second) continue;
            node const& n = prog.nodes[i];
            if (n.o == op::param_at || n.o == op::param_series) params.insert(n.id);
            if (n.o == op::table_at || n.o == op::table_series) tables.insert(n.id);
            if (n.o == op::fact && seen_facts.insert(n.id).second)
                for (auto const& d : prog.facts[n.id].defs) {
                    todo.push_back(d.value_node);
                    push_opt(d.condition);
                }
            for (std::size_t k = 0; k < n.child_count; ++k) todo.push_back(prog.child(n, k));
            if (n.o == op::param_at || n.o == op::param_series)
                for (auto const& x : prog.params[n.id].exceptions) todo.push_back(x.condition);
        }
        auto report = [&](dsl::span const& where, std::string const& what, day first, opt_day last) {
            if (reported.count(what)) return;
            if (first > r.valid_from || (last && (!r.valid_to || *r.valid_to > *last))) reported.insert(what);
            if (first > r.valid_from)
                diags.error(codes::coverage_before, where, what + " has no value before " + format_date(first) + ", but rule " + r.id +
                                 " (geldig vanaf " + format_date(r.valid_from) + ") reads it; declare the earlier value "
                                 "(or 'leeg vanaf " + format_date(r.valid_from) + "' where it deliberately has none)");
            else if (last && (!r.valid_to || *r.valid_to > *last))
                diags.error(codes::coverage_after, where, what + " has no value after " + format_date(*last) + ", but rule " + r.id + " reads it" +
                                 (r.valid_to ? " until " + format_date(*r.valid_to) : " with no end"));
        };
        for (int p : params) {
            auto const& pi = prog.params[static_cast<std::size_t>(p)];
            if (pi.versions.empty()) continue;
            report(pi.where, "parameter " + pi.name, pi.versions.front().from, pi.versions.back().to);
        }
        for (int t : tables) {
            auto const& ti = prog.tables[static_cast<std::size_t>(t)];
            if (ti.versions.empty()) continue;
            report(ti.where, "table " + ti.name, ti.versions.front().from, ti.versions.back().to);
        }
    }
}



void check_default_lead(program& prog, dsl::diagnostics& diags) {
    for (std::size_t i = 0; i < prog.params.size(); ++i) {
        if (prog.params[i].name != "actie.vooruitblik") continue;
        prog.default_lead_param = static_cast<int>(i);
        if (!prog.params[i].t.is_duration())
            diags.error(codes::default_lead_type, prog.params[i].where, "actie.vooruitblik must be a duration");
        return;
    }
    if (!prog.rules.empty())
        diags.error(codes::default_lead_missing, {},
                    "the rules must declare 'parameter actie.vooruitblik : weken' (how far ahead actions are listed)");
}

void check_labels(program& prog, dsl::diagnostics& diags) {
    auto exists = [&](label_info const& l) {
        switch (l.kind) {
            case label_kind::feit: return prog.fact_index(l.name) >= 0;
            case label_kind::regel:  // a rule or a matching criterion (both are named in findings and blocks)
                return std::any_of(prog.rules.begin(), prog.rules.end(), [&](rule_info const& r) { return r.id == l.name; }) ||
                       std::any_of(prog.criteria.begin(), prog.criteria.end(), [&](criterion_info const& c) { return c.id == l.name; });
            case label_kind::waarde: {  // enumeration.member
                auto dot = l.name.find('.');
                if (dot == std::string::npos) return false;
                for (std::size_t e = 1; e < static_cast<std::size_t>(enum_id::count); ++e)
                    if (enum_name(static_cast<enum_id>(e)) == l.name.substr(0, dot))
                        return enum_member(static_cast<enum_id>(e), l.name.substr(dot + 1)) >= 0;
                return false;
            }
            case label_kind::eenheid:
                return l.name == "dagen" || l.name == "weken" || l.name == "maanden" || l.name == "jaren" || l.name == "uur";
            case label_kind::term: return true;
        }
        return false;
    };
    static char const* const kind_words[] = {"feit", "regel", "waarde", "eenheid", "term"};
    prog.label_index.clear();
    for (std::size_t i = 0; i < prog.labels.size(); ++i) {
        auto const& l = prog.labels[i];
        std::string what = std::string(kind_words[static_cast<int>(l.kind)]) + " " + l.name;
        if (!exists(l)) {
            std::string hint = l.kind == label_kind::waarde ? " (name a value with its enumeration: contractsoort.bepaalde_tijd)"
                             : l.kind == label_kind::eenheid ? " (units: dagen, weken, maanden, jaren, uur)"
                                                             : "";
            diags.error(codes::label_unknown, l.where, "label for " + what + ", which the rules do not have" + hint);
            continue;
        }
        auto [it, fresh] = prog.label_index.emplace(label_key(l.kind, l.name), i);
        if (fresh) continue;
        if (!l.from_override)
            diags.error(codes::label_twice, l.where, what + " is labelled twice (first at " + prog.labels[it->second].location + ")");
        it->second = i;
    }
}

void check_task_refs(program const& prog, std::vector<std::pair<std::string, dsl::span>> const& refs, dsl::diagnostics& diags) {
    std::set<std::string> ids;
    for (auto const& r : prog.rules) ids.insert(r.id);
    for (auto const& [name, where] : refs)
        if (!ids.count(name)) {
            std::vector<std::string> names(ids.begin(), ids.end());
            diags.add({dsl::severity::error, codes::task_unknown,
                       "taak_gedaan names task '" + name + "', but no rule has that id (a task record's task is the id of its rule)",
                       where, {}, dsl::closest_matches(name, names)});
        }
}

}  // namespace rw::engine::binding
