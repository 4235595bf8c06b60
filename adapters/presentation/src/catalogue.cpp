// The catalogue of the rulebook (see catalogue.hpp).
#include "rw/adapters/presentation/catalogue.hpp"

#include "rw/adapters/presentation/render.hpp"
#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/calendar.hpp"
#include "rw/engine/value.hpp"

namespace rw::adapters::presentation {

namespace {

std::vector<std::string> source_ids(engine::program const& prog, std::vector<int> const& ids) {
    std::vector<std::string> out;
    for (int i : ids) out.push_back(prog.sources[static_cast<std::size_t>(i)].name);
    return out;
}

std::string where(dsl::span const& s) { return s.valid() ? dsl::location_string(s) : std::string(); }

nlohmann::ordered_json date_or_null(engine::opt_day const& d) {
    return d ? nlohmann::ordered_json(engine::format_date(*d)) : nlohmann::ordered_json();
}
nlohmann::ordered_json text_or_null(std::string const& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); }

nlohmann::ordered_json version_json(catalogue_version const& v, bool with_value, bool with_label, bool with_rows) {
    nlohmann::ordered_json j;
    if (with_label) j["label"] = v.label;
    if (with_value) j["value"] = v.value;
    j["valid_from"] = engine::format_date(v.from);
    j["valid_to"] = date_or_null(v.to);
    j["sources"] = v.sources;
    j["onzeker"] = !v.uncertain.empty();
    j["onzeker_reason"] = text_or_null(v.uncertain);
    if (with_rows) {
        auto& rows = j["rows"] = nlohmann::ordered_json::array();
        for (auto const& [k, val] : v.rows) rows.push_back({{"key", k}, {"value", val}});
    }
    j["location"] = text_or_null(v.location);
    return j;
}

std::string period(engine::day from, engine::opt_day const& to, language l) {
    // The period as the rules language writes it ("vanaf ... tot en met ..."), in the label language.
    return std::string(text(msg::from_prefix, l)) + engine::format_date(from) +
           (to ? std::string(text(msg::until_word, l)) + engine::format_date(*to) : "");
}

}  // namespace

catalogue_view build_catalogue(engine::program const& prog) {
    catalogue_view c;
    c.rules_hash = prog.rules_hash;
    c.files = prog.files;
    for (auto const& s : prog.sources) c.sources.push_back({s.name, s.title, s.url});
    for (auto const& r : prog.rules) {
        catalogue_view::rule_row row;
        row.id = r.id;
        row.variant = r.variant;
        row.exception_of = r.exception_of;
        row.kind = engine::to_string(r.kind);
        row.task = r.task;
        row.location = r.location;
        row.uncertain = r.uncertain;
        row.valid_from = r.valid_from;
        row.valid_to = r.valid_to;
        row.agency_level = r.agency_level;
        row.citations = r.citation_texts;
        for (auto const& ci : r.citations)
            for (auto const& id : source_ids(prog, ci.sources))
                if (std::find(row.sources.begin(), row.sources.end(), id) == row.sources.end()) row.sources.push_back(id);
        if (!r.uncertain.empty()) c.uncertain.push_back({"rule", r.id, r.uncertain, r.valid_from, r.valid_to});
        c.rules.push_back(std::move(row));
    }
    for (auto const& p : prog.params) {
        catalogue_view::parameter_row row;
        row.id = p.name;
        row.type = engine::type_name(p.t);
        row.location = where(p.where);
        row.uncertain = p.uncertain;
        for (auto const& [name, t] : p.args) row.args.emplace_back(name, engine::type_name(t));
        row.onzeker = !p.uncertain.empty();
        if (!p.uncertain.empty()) c.uncertain.push_back({"parameter", p.name, p.uncertain, std::nullopt, std::nullopt});
        for (auto const& v : p.versions) {
            row.versions.push_back({engine::to_text(v.v, "nl"), "", v.from, v.to, source_ids(prog, v.sources), v.uncertain, {}, where(v.where)});
            if (!v.uncertain.empty()) {
                row.onzeker = true;
                c.uncertain.push_back({"parameter_version", p.name, v.uncertain, v.from, v.to});
            }
        }
        for (auto const& x : p.exceptions) {
            row.exceptions.push_back({engine::to_text(x.v, "nl"), x.label, x.from, x.to, source_ids(prog, x.sources), x.uncertain, {}, where(x.where)});
            if (!x.uncertain.empty()) {
                row.onzeker = true;
                c.uncertain.push_back({"parameter_exception", p.name + " (" + x.label + ")", x.uncertain, x.from, x.to});
            }
        }
        c.parameters.push_back(std::move(row));
    }
    for (auto const& t : prog.tables) {
        catalogue_view::table_row row;
        row.id = t.name;
        for (std::size_t i = 0; i < t.args.size() && i < t.key_types.size(); ++i)
            row.keys.emplace_back(t.args[i], engine::type_name(t.key_types[i]));
        row.type = engine::type_name(t.t);
        row.location = where(t.where);
        for (auto const& v : t.versions) {
            catalogue_version cv{"", "", v.from, v.to, source_ids(prog, v.sources), v.uncertain, {}, ""};
            for (auto const& r : v.rows) {
                std::string key;
                for (std::size_t i = 0; i < r.keys.size(); ++i) key += (i ? ", " : "") + engine::to_text(r.keys[i], "nl");
                cv.rows.emplace_back(std::move(key), engine::to_text(r.v, "nl"));
            }
            if (!v.uncertain.empty()) {
                row.onzeker = true;
                c.uncertain.push_back({"table_version", t.name, v.uncertain, v.from, v.to});
            }
            row.versions.push_back(std::move(cv));
        }
        c.tables.push_back(std::move(row));
    }
    for (auto const& f : prog.facts) c.facts.push_back({f.name, engine::type_name(f.t), where(f.where), f.helper, f.per_agency});
    return c;
}

void render_catalogue_json(std::ostream& out, catalogue_view const& c) {
    nlohmann::ordered_json j;
    j["format"] = "regelwerk/catalogue-1";
    j["rules_hash"] = c.rules_hash;
    j["files"] = c.files;
    auto& sources = j["sources"] = nlohmann::ordered_json::array();
    for (auto const& s : c.sources) sources.push_back({{"id", s.id}, {"title", s.title}, {"url", text_or_null(s.url)}});
    auto& rules = j["rules"] = nlohmann::ordered_json::array();
    for (auto const& r : c.rules) {
        rules.push_back({{"id", r.id},
                         {"variant", text_or_null(r.variant)},
                         {"exception_of", text_or_null(r.exception_of)},
                         {"kind", r.kind},
                         {"valid_from", engine::format_date(r.valid_from)},
                         {"valid_to", date_or_null(r.valid_to)},
                         {"agency_level", r.agency_level},
                         {"citations", r.citations},
                         {"sources", r.sources},
                         {"onzeker", !r.uncertain.empty()},
                         {"onzeker_reason", text_or_null(r.uncertain)},
                         {"location", r.location}});
        if (!r.task.empty()) rules.back()["task"] = r.task;  // only guidance tasks carry it
    }
    auto& params = j["parameters"] = nlohmann::ordered_json::array();
    for (auto const& p : c.parameters) {
        nlohmann::ordered_json pj{{"id", p.id}, {"type", p.type}};
        auto& args = pj["args"] = nlohmann::ordered_json::array();
        for (auto const& [name, t] : p.args) args.push_back({{"name", name}, {"type", t}});
        pj["onzeker"] = p.onzeker;
        pj["onzeker_reason"] = text_or_null(p.uncertain);
        auto& vs = pj["versions"] = nlohmann::ordered_json::array();
        for (auto const& v : p.versions) vs.push_back(version_json(v, true, false, false));
        auto& xs = pj["exceptions"] = nlohmann::ordered_json::array();
        for (auto const& x : p.exceptions) xs.push_back(version_json(x, true, true, false));
        pj["location"] = text_or_null(p.location);
        params.push_back(std::move(pj));
    }
    auto& tables = j["tables"] = nlohmann::ordered_json::array();
    for (auto const& t : c.tables) {
        auto keys = nlohmann::ordered_json::array();
        for (auto const& [name, type] : t.keys) keys.push_back({{"name", name}, {"type", type}});
        nlohmann::ordered_json tj{{"id", t.id}, {"keys", keys}, {"type", t.type}, {"onzeker", t.onzeker}};
        auto& vs = tj["versions"] = nlohmann::ordered_json::array();
        for (auto const& v : t.versions) vs.push_back(version_json(v, false, false, true));
        tj["location"] = text_or_null(t.location);
        tables.push_back(std::move(tj));
    }
    auto& facts = j["facts"] = nlohmann::ordered_json::array();
    for (auto const& f : c.facts)
        facts.push_back({{"id", f.id}, {"type", f.type}, {"helper", f.helper}, {"per_agency", f.per_agency}, {"location", text_or_null(f.location)}});
    auto& unc = j["onzeker"] = nlohmann::ordered_json::array();
    for (auto const& u : c.uncertain)
        unc.push_back({{"what", u.what}, {"id", u.id}, {"valid_from", date_or_null(u.from)}, {"valid_to", date_or_null(u.to)}, {"reason", u.reason}});
    out << dump_json(j, 2) << "\n";
}

void render_catalogue_text(std::ostream& out, catalogue_view const& c, language l) {
    auto sources = [](std::vector<std::string> const& ids) {
        std::string s;
        for (auto const& id : ids) s += (s.empty() ? "" : ", ") + id;
        return s;
    };
    auto unc = [&](std::string const& reason) { return reason.empty() ? std::string() : "  [" + std::string(text(msg::uncertain_upper, l)) + ": " + reason + "]"; };
    out << text(msg::catalogue_of, l) << " (" << c.files.size() << text(msg::files_suffix, l) << ", " << text(msg::rule_set, l) << c.rules_hash << ")\n";
    out << "\n" << text(msg::catalogue_rules, l) << " (" << c.rules.size() << ")\n";
    for (auto const& r : c.rules) {
        out << "  " << r.id << (r.variant.empty() ? "" : " [" + r.variant + "]") << "  " << r.kind << (r.task.empty() ? "" : " (taak " + r.task + ")") << "  " << period(r.valid_from, r.valid_to, l)
            << unc(r.uncertain) << "\n";
        for (auto const& ct : r.citations) out << "      " << ct << "\n";
    }
    out << "\n" << text(msg::catalogue_parameters, l) << " (" << c.parameters.size() << ")\n";
    for (auto const& p : c.parameters) {
        out << "  " << p.id;
        if (!p.args.empty()) {
            out << "(";
            for (std::size_t i = 0; i < p.args.size(); ++i) out << (i ? ", " : "") << p.args[i].first << ": " << p.args[i].second;
            out << ")";
        }
        out << " : " << p.type << unc(p.uncertain) << "\n";
        for (auto const& v : p.versions)
            out << "      " << v.value << "  " << period(v.from, v.to, l) << "  (" << sources(v.sources) << ")" << unc(v.uncertain) << "\n";
        for (auto const& x : p.exceptions)
            out << "      " << x.label << ": " << x.value << "  " << period(x.from, x.to, l) << "  (" << sources(x.sources) << ")" << unc(x.uncertain)
                << "\n";
    }
    out << "\n" << text(msg::catalogue_tables, l) << " (" << c.tables.size() << ")\n";
    for (auto const& t : c.tables) {
        out << "  " << t.id << "(";
        for (std::size_t i = 0; i < t.keys.size(); ++i) out << (i ? ", " : "") << t.keys[i].first << ": " << t.keys[i].second;
        out << ") : " << t.type << "\n";
        for (auto const& v : t.versions) {
            out << "      " << period(v.from, v.to, l) << "  (" << sources(v.sources) << ")" << unc(v.uncertain) << "\n";
            for (auto const& [k, val] : v.rows) out << "          " << k << "  " << val << "\n";
        }
    }
    out << "\n" << text(msg::catalogue_facts, l) << " (" << c.facts.size() << ")\n";
    for (auto const& f : c.facts) out << "  " << f.id << " : " << f.type << (f.helper ? "  (hulpfeit)" : "") << "\n";
    out << "\n" << text(msg::catalogue_sources, l) << " (" << c.sources.size() << ")\n";
    for (auto const& s : c.sources) out << "  " << s.id << "  " << s.title << (s.url.empty() ? "" : "  <" + s.url + ">") << "\n";
    out << "\n" << text(msg::catalogue_uncertain, l) << " (" << c.uncertain.size() << ")\n";
    for (auto const& u : c.uncertain)
        out << "  " << u.what << "  " << u.id << (u.from ? "  " + period(*u.from, u.to, l) : "") << "\n      " << u.reason << "\n";
}

}  // namespace rw::adapters::presentation
