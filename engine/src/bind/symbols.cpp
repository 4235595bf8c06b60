// Symbols: the names the declarations introduce (collected before anything is bound, so that
// order in and across files does not matter) and the lookup of names, fields and sources.
#include "binder_impl.hpp"

#include "../eval/fields.hpp"

#include <algorithm>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

std::vector<std::string> binder::all_names() const {
    std::vector<std::string> out = {"werker", "bureau", "peildatum"};
    if (in_criterion_) out.push_back("vacature");
    for (auto const& v : scope_) out.push_back(v.name);
    for (auto const& [n, i] : fact_ids_) out.push_back(n);
    for (auto const& [n, i] : param_ids_) out.push_back(n);
    for (auto const& [n, i] : table_ids_) out.push_back(n);
    return out;
}


std::vector<std::string> split_dots(std::string const& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto p = s.find('.', start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + 1;
    }
    return out;
}


bound binder::apply_fields(bound b, std::vector<std::string> const& segs, std::size_t from, ast::located const& where) {
    for (std::size_t i = from; i < segs.size(); ++i) {
        if (b.t.kind == type_kind::error) return b;
        field_info const* f = nullptr;
        std::vector<std::string> names;
        if (b.t.kind == type_kind::entity) {
            f = find_field(static_cast<entity_id>(b.t.sub), segs[i]);
            for (auto const& x : entity_fields(static_cast<entity_id>(b.t.sub))) names.push_back(x.name);
        } else if (b.t.kind == type_kind::week) {
            f = detail::find_week_field(segs[i]);
            names = {"maandag", "zondag", "code"};
        }
        if (!f) {
            std::string path;
            for (std::size_t k = 0; k < i; ++k) path += (k ? "." : "") + segs[k];
            error(codes::unknown_field, span(where), "'" + path + "' (" + type_name(b.t) + ") has no field '" + segs[i] + "'",
                  dsl::closest_matches(segs[i], names));
            return error_node(span(where));
        }
        if (f->ground) {
            std::string path;
            for (std::size_t k = 0; k <= i; ++k) path += (k ? "." : "") + segs[k];
            note_protected(f->ground, "'" + path + "'", span(where));
        }
        if (b.t.sub == static_cast<std::uint16_t>(entity_id::werker) && segs[i] == "taken") reads_tasks_ = true;
        node n;
        n.o = op::field;
        n.t = f->t;
        n.id = f->index;
        n.where = span(where);
        b = {add(n, {b.node}), f->t};
    }
    return b;
}

bound binder::bind_name(ast::name_ref const& nr, type const* expected) {
    auto segs = split_dots(nr.name);
    dsl::span s = span(nr);
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
        if (it->name == segs[0] && it->alias) return apply_fields({*it->alias, it->t}, segs, 1, nr);
        if (it->name == segs[0]) {
            node n;
            n.o = op::slot;
            n.slot = it->slot;
            n.t = it->t;
            n.where = s;
            return apply_fields({add(n), it->t}, segs, 1, nr);
        }
    }
    if (segs[0] == "werker") {
        if (!worker_allowed_) {
            error(codes::worker_in_agency_rule, s, "'werker' is not available in a rule 'voor het bureau'");
            return error_node(s);
        }
        node n;
        n.o = op::worker;
        n.t = type::entity(entity_id::werker);
        n.where = s;
        return apply_fields({add(n), n.t}, segs, 1, nr);
    }
    if (segs[0] == "vacature") {  // matching (issue 12)
        if (!in_criterion_) {
            error(codes::vacancy_outside_criterion, s, "'vacature' is only known in a criterion (criterium), not in a rule or fact");
            return error_node(s);
        }
        node n;
        n.o = op::vacancy;
        n.t = type::entity(entity_id::vacature);
        n.where = s;
        return apply_fields({add(n), n.t}, segs, 1, nr);
    }
    if (segs[0] == "bureau") {
        node n;
        n.o = op::agency;
        n.t = type::entity(entity_id::bureau);
        n.where = s;
        return apply_fields({add(n), n.t}, segs, 1, nr);
    }
    if (segs[0] == "peildatum" && segs.size() == 1) {
        node n;
        n.o = op::reference_date;
        n.t = type::of(type_kind::date);
        n.where = s;
        return {add(n), n.t};
    }
    // The longest dotted prefix that names a fact or a parameter; the rest are fields.
    for (std::size_t k = segs.size(); k >= 1; --k) {
        std::string prefix;
        for (std::size_t i = 0; i < k; ++i) prefix += (i ? "." : "") + segs[i];
        if (auto f = fact_ids_.find(prefix); f != fact_ids_.end()) {
            if (!worker_allowed_) {
                error(codes::fact_in_agency_rule, s, "facts describe a worker and are not available in a rule 'voor het bureau'");
                return error_node(s);
            }
            if (!binding_facts_.empty()) {
                auto& reads = fact_reads_[static_cast<std::size_t>(binding_facts_.back())];
                if (std::find(reads.begin(), reads.end(), f->second) == reads.end()) reads.push_back(f->second);
            }
            ensure_fact(f->second);
            if (auto const& g = fact_ground(f->second); !g.empty()) note_protected(g, "fact '" + prefix + "'", s);
            node n;
            n.o = op::fact;
            n.id = static_cast<std::uint16_t>(f->second);
            n.t = prog_.facts[static_cast<std::size_t>(f->second)].t;
            n.where = s;
            return apply_fields({add(n), n.t}, segs, k, nr);
        }
        if (auto p = param_ids_.find(prefix); p != param_ids_.end()) {
            auto const& pi = prog_.params[static_cast<std::size_t>(p->second)];
            if (!pi.args.empty()) {
                error(codes::parameter_arguments, s, "parameter " + pi.name + " needs its arguments: " + pi.name + "(" + pi.args.front().first + ": ...)");
                return error_node(s);
            }
            if (k != segs.size()) {
                error(codes::parameter_fields, s, "parameter " + pi.name + " has no fields");
                return error_node(s);
            }
            return param_node(p->second, {}, std::nullopt, s);
        }
        if (table_ids_.count(prefix)) {
            error(codes::table_key, s, "table " + prefix + " needs a key: " + prefix + "(key)");
            return error_node(s);
        }
    }
    if (segs.size() == 1 && expected) {
        type et = *expected;
        if (et.kind == type_kind::list) et = et.element();
        if (et.kind == type_kind::enumeration) {
            int m = enum_member(static_cast<enum_id>(et.sub), segs[0]);
            if (m >= 0) return constant(value::enumeration(static_cast<enum_id>(et.sub), m), et, s);
            error(codes::unknown_member, s, "'" + segs[0] + "' is not a " + enum_name(static_cast<enum_id>(et.sub)),
                  dsl::closest_matches(segs[0], enum_members(static_cast<enum_id>(et.sub))));
            return error_node(s);
        }
    }
    error(codes::unknown_name, s, "unknown name '" + nr.name + "'", dsl::closest_matches(nr.name, all_names()));
    return error_node(s);
}

std::vector<int> binder::bind_sources(ast::sources const& s) {
    std::vector<int> out;
    for (auto const& n : s.names) {
        auto it = source_ids_.find(n);
        if (it == source_ids_.end()) {
            std::vector<std::string> names;
            for (auto const& [k, v] : source_ids_) names.push_back(k);
            error(codes::unknown_source, span(s), "unknown source '" + n + "' (declare it with: bron " + n + " \"title\" url \"...\")",
                  dsl::closest_matches(n, names));
            continue;
        }
        out.push_back(it->second);
    }
    return out;
}

void binder::collect(dsl::source_ptr const& src, ast::declaration const& d) {
    cur_ = src;
    if (auto const* l = boost::get<ast::label_decl>(&d)) {
        label_info li;
        li.kind = l->kind == "feit"    ? label_kind::feit
                : l->kind == "regel"   ? label_kind::regel
                : l->kind == "waarde"  ? label_kind::waarde
                : l->kind == "eenheid" ? label_kind::eenheid
                                       : label_kind::term;
        li.name = l->name;
        li.nl = collapse_whitespace(l->nl.value);
        li.en = collapse_whitespace(l->en.value);
        li.where = span(*l);
        li.location = src->path() + ":" + std::to_string(src->position(l->begin).line);
        li.from_override = in_override_;
        if (li.nl.empty() || li.en.empty()) error(codes::label_empty, span(*l), "the label of '" + l->name + "' is empty");
        prog_.labels.push_back(std::move(li));
    } else if (auto const* s = boost::get<ast::source_decl>(&d)) {
        if (source_ids_.count(s->name)) error(codes::source_twice, span(*s), "source '" + s->name + "' is declared twice");
        source_ids_[s->name] = static_cast<int>(prog_.sources.size());
        prog_.sources.push_back({s->name, collapse_whitespace(s->title.value), s->url ? s->url->value : ""});
    } else if (auto const* p = boost::get<ast::parameter_decl>(&d)) {
        if (param_ids_.count(p->name) || fact_ids_.count(p->name) || table_ids_.count(p->name))
            error(codes::declared_twice, span(*p), "'" + p->name + "' is declared twice");
        param_ids_[p->name] = static_cast<int>(prog_.params.size());
        parameter_info pi;
        pi.name = p->name;
        pi.where = span(*p);
        if (!type_from_name(p->type.name, p->type.list, pi.t)) error(codes::unknown_type, span(p->type), "unknown type '" + p->type.name + "'");
        for (auto const& a : p->args) {
            type t;
            if (!type_from_name(a.type.name, a.type.list, t)) error(codes::unknown_type, span(a.type), "unknown type '" + a.type.name + "'");
            pi.args.emplace_back(a.name, t);
        }
        prog_.params.push_back(std::move(pi));
    } else if (auto const* t = boost::get<ast::table_decl>(&d)) {
        if (param_ids_.count(t->name) || fact_ids_.count(t->name) || table_ids_.count(t->name))
            error(codes::declared_twice, span(*t), "'" + t->name + "' is declared twice");
        table_ids_[t->name] = static_cast<int>(prog_.tables.size());
        table_info ti;
        ti.name = t->name;
        ti.where = span(*t);
        for (auto const& a : t->args) {
            type kt;
            if (!type_from_name(a.type.name, a.type.list, kt)) error(codes::unknown_type, span(a.type), "unknown type '" + a.type.name + "'");
            else if (kt.kind == type_kind::list) error(codes::unknown_type, span(a.type), "a table key cannot be a list");
            ti.args.push_back(a.name);
            ti.key_types.push_back(kt);
        }
        if (!type_from_name(t->type.name, t->type.list, ti.t)) error(codes::unknown_type, span(t->type), "unknown type '" + t->type.name + "'");
        prog_.tables.push_back(std::move(ti));
    } else if (auto const* f = boost::get<ast::fact_decl>(&d)) {
        auto it = fact_ids_.find(f->name);
        if (it == fact_ids_.end()) {
            if (param_ids_.count(f->name) || table_ids_.count(f->name)) error(codes::declared_twice, span(*f), "'" + f->name + "' is declared twice");
            it = fact_ids_.emplace(f->name, static_cast<int>(prog_.facts.size())).first;
            fact_info fi;
            fi.name = f->name;
            fi.helper = f->keyword == "hulpfeit";
            fi.where = span(*f);
            prog_.facts.push_back(std::move(fi));
            fact_groups_.push_back({f->name, {}, 0});
            fact_reads_.emplace_back();
        }
        fact_groups_[static_cast<std::size_t>(it->second)].decls.emplace_back(cur_, f);
    }
}


}  // namespace rw::engine::binding
