// Tariffs (acquisition, issue 14): `tarief` declarations. A tariff has arguments (the quote's
// inputs: loon, contract, leeftijd, ...) and lines; each line's `bedrag` may read the arguments, the
// lines before it by name, the parameters and tables of the rulebook, `bureau` and `peildatum`,
// and its own `basis` and `tarief` (so that `bedrag afgerond(basis * tarief)` states the rounding).
// No worker and no facts: a tariff prices an hour, it does not judge a dossier.
#include "binder_impl.hpp"

#include <map>
#include <set>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

void binder::bind_tariff(dsl::source_ptr const& src, ast::tariff_decl const& t) {
    cur_ = src;
    tariff_info ti;
    ti.name = t.name;
    ti.where = span(t);
    ti.location = cur_->path() + ":" + std::to_string(cur_->position(t.begin).line);
    for (auto const& a : t.citations) {
        std::string txt = collapse_whitespace(a.article.value);
        auto ids = bind_sources(a.cited);
        if (!ids.empty()) {
            txt += " (";
            for (std::size_t i = 0; i < ids.size(); ++i) {
                auto const& s = prog_.sources[static_cast<std::size_t>(ids[i])];
                txt += (i ? "; " : "") + (s.title.empty() ? s.name : s.title);
                if (!s.url.empty()) txt += ", " + s.url;
            }
            txt += ")";
        }
        ti.citation_texts.push_back(std::move(txt));
    }
    if (auto f = literal_date(t.valid.from)) ti.valid_from = *f;
    if (t.valid.to) ti.valid_to = literal_date(*t.valid.to);
    scope_.clear();
    next_slot_ = prog_.slot_count;
    worker_allowed_ = false;
    std::uint32_t first_node = static_cast<std::uint32_t>(prog_.nodes.size());
    std::set<std::string> names;
    ti.first_arg_slot = next_slot_;
    for (auto const& a : t.args) {
        type at;
        if (!type_from_name(a.type.name, a.type.list, at)) {
            error(codes::unknown_type, span(a.type), "unknown type '" + a.type.name + "'");
            at = type::of(type_kind::error);
        } else if (at.kind == type_kind::list || at.kind == type_kind::entity) {
            error(codes::tariff_argument_type, span(a.type),
                  "argument '" + a.name + "' of tariff " + t.name + " must be a single value (geld, getal, percentage, datum, waarheid, "
                  "tekst or an enumeration), not " + type_name(at));
        }
        if (!names.insert(a.name).second)
            error(codes::tariff_name_twice, span(a), "'" + a.name + "' is named twice in tariff " + t.name);
        if (a.name == "loon" && at.kind == type_kind::money) ti.wage_arg = static_cast<int>(ti.args.size());
        ti.args.emplace_back(a.name, at);
        scope_.push_back({a.name, new_slot(), at});
    }
    type money = type::of(type_kind::money), pct = type::of(type_kind::percentage), bt = type::of(type_kind::boolean);
    bool any_cost = false;
    for (auto const& l : t.lines) {
        tariff_line_info li;
        li.kind = l.kind == "grondslag" ? tariff_line_kind::base : l.kind == "ondergrens" ? tariff_line_kind::floor : tariff_line_kind::cost;
        li.name = l.name;
        li.nl = collapse_whitespace(l.nl.value);
        li.en = collapse_whitespace(l.en.value);
        li.where = span(l);
        if (li.kind == tariff_line_kind::cost) any_cost = true;
        if (li.kind == tariff_line_kind::floor && ti.wage_arg < 0)
            error(codes::tariff_floor_needs_wage, span(l),
                  "'ondergrens " + l.name + "' needs the argument 'loon: geld' in tariff " + t.name + " (the wage the floor is checked against)");
        if (!names.insert(l.name).second)
            error(codes::tariff_name_twice, span(l), "'" + l.name + "' is named twice in tariff " + t.name);
        if (l.condition) {
            bound b = bind(*l.condition, &bt);
            expect_type(b, bt, span(*l.condition), "the condition after 'als'");
            li.condition = b.node;
        }
        auto typed = [&](ast::expr const& e, type want, char const* what) {
            bound b = bind(e, &want);
            if (!compatible(b.t, want))
                error(codes::tariff_line_type, span(e),
                      std::string(what) + " of line " + l.name + " must be " + type_name(want) + ", but is " + type_name(b.t));
            return b.node;
        };
        std::size_t scope_size = scope_.size();
        if (l.base) {
            li.base = typed(*l.base, money, "'basis'");
            scope_.push_back({"basis", 0, money, li.base});
        }
        if (l.rate) {
            li.rate = typed(*l.rate, pct, "'tarief'");
            scope_.push_back({"tarief", 0, pct, li.rate});
        }
        li.amount = typed(l.amount, money, "'bedrag'");
        scope_.resize(scope_size);
        li.sources = bind_sources(l.cited);
        if (l.uncertain) li.uncertain = collapse_whitespace(l.uncertain->value);
        li.slot = new_slot();
        scope_.push_back({l.name, li.slot, money});
        ti.lines.push_back(std::move(li));
    }
    if (!any_cost) error(codes::tariff_no_cost, span(t), "tariff " + t.name + " has no 'post': nothing counts in its cost price");
    std::set<int> params, tables;
    for (auto i = first_node; i < prog_.nodes.size(); ++i) {
        auto const& n = prog_.nodes[i];
        if (n.o == op::param_at) params.insert(n.id);
        if (n.o == op::table_at) tables.insert(n.id);
    }
    ti.params_read.assign(params.begin(), params.end());
    ti.tables_read.assign(tables.begin(), tables.end());
    worker_allowed_ = true;
    scope_.clear();
    prog_.tariffs.push_back(std::move(ti));
}

void check_tariffs(program const& prog, dsl::diagnostics& diags) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < prog.tariffs.size(); ++i) {
        auto const& t = prog.tariffs[i];
        auto [it, fresh] = seen.emplace(t.name, i);
        if (!fresh)
            diags.add({dsl::severity::error, codes::tariff_twice, "tariff " + t.name + " is declared twice", t.where,
                       {{prog.tariffs[it->second].where, "first declared here"}}, {}});
        // Every parameter and table the tariff reads has a value on every day it is in force.
        auto uncovered = [&](day first, opt_day last, std::string const& what, dsl::span where) {
            if (first > t.valid_from)
                diags.add({dsl::severity::error, codes::tariff_uncovered,
                           "tariff " + t.name + " is in force from " + format_date(t.valid_from) + ", but " + what +
                               " has no value before " + format_date(first),
                           t.where, {{where, "declared here"}}, {}});
            if (last && (!t.valid_to || *last < *t.valid_to))
                diags.add({dsl::severity::error, codes::tariff_uncovered,
                           "tariff " + t.name + " is in force " + (t.valid_to ? "until " + format_date(*t.valid_to) : std::string("without an end")) +
                               ", but " + what + " has no value after " + format_date(*last),
                           t.where, {{where, "declared here"}}, {}});
        };
        for (int p : t.params_read) {
            auto const& pi = prog.params[static_cast<std::size_t>(p)];
            if (pi.versions.empty()) continue;
            uncovered(pi.versions.front().from, pi.versions.back().to, "parameter " + pi.name, pi.where);
        }
        for (int k : t.tables_read) {
            auto const& ti = prog.tables[static_cast<std::size_t>(k)];
            if (ti.versions.empty()) continue;
            uncovered(ti.versions.front().from, ti.versions.back().to, "table " + ti.name, ti.where);
        }
    }
}

}  // namespace rw::engine::binding
