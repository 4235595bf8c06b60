// Override files as an AST-to-AST pass: the declarations an override replaces are left out of
// the rulebook before anything is bound, so the binder sees one rulebook. Only sources, parameters
// and tables may be overridden, each keeping the type of the declaration it replaces.
#include "binder_impl.hpp"

#include <map>
#include <set>

namespace rw::engine::binding {

namespace {

struct replacement {
    dsl::source_ptr src;
    ast::located where;
    ast::type_ref const* type = nullptr;
};

}  // namespace

source_files merge_overrides(source_files const& rulebook, source_files const& overrides, dsl::diagnostics& diags) {
    std::map<std::string, replacement> replaced;  // parameter or table name
    std::set<std::string> replaced_sources;
    for (auto const& [src, f] : overrides) {
        for (auto const& d : f.declarations) {
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) replaced[p->name] = {src, *p, &p->type};
            else if (auto const* t = boost::get<ast::table_decl>(&d)) replaced[t->name] = {src, *t, &t->type};
            else if (auto const* b = boost::get<ast::source_decl>(&d)) replaced_sources.insert(b->name);
            else if (boost::get<ast::label_decl>(&d)) continue;  // an agency's own labels: the last one wins
            else {
                auto where = boost::apply_visitor([](auto const& x) { return static_cast<ast::located const&>(x); }, d);
                diags.error(codes::override_kind, {src, where.begin, where.end},
                            "an override file may only hold 'bron', 'parameter', 'tabel' and 'label' declarations");
            }
        }
    }
    source_files files;
    std::set<std::string> found;
    for (auto const& [src, f] : rulebook) {
        ast::file kept;
        for (auto const& d : f.declarations) {
            std::string name;
            ast::type_ref const* type = nullptr;
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) name = p->name, type = &p->type;
            else if (auto const* t = boost::get<ast::table_decl>(&d)) name = t->name, type = &t->type;
            else if (auto const* b = boost::get<ast::source_decl>(&d); b && replaced_sources.count(b->name)) continue;
            if (auto it = type ? replaced.find(name) : replaced.end(); it != replaced.end()) {
                found.insert(name);
                auto const* by = it->second.type;
                if (by->list != type->list || by->name != type->name)
                    diags.error(codes::override_type, {it->second.src, by->begin, by->end},
                                "the override of " + name + " must keep its type (" +
                                    std::string(type->list ? "lijst van " : "") + type->name + ")");
                continue;
            }
            kept.declarations.push_back(d);
        }
        files.emplace_back(src, std::move(kept));
    }
    for (auto const& [name, r] : replaced) {
        if (found.count(name)) continue;
        std::vector<std::string> names;
        for (auto const& [rs, rf] : rulebook)
            for (auto const& rd : rf.declarations)
                if (auto const* rp = boost::get<ast::parameter_decl>(&rd)) names.push_back(rp->name);
        diags.add({dsl::severity::error, codes::override_unknown, "override of '" + name + "', which the rules do not declare",
                   {r.src, r.where.begin, r.where.end}, {}, dsl::closest_matches(name, names)});
    }
    files.insert(files.end(), overrides.begin(), overrides.end());
    return files;
}

}  // namespace rw::engine::binding
