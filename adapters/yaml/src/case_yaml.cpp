// regelwerk/case-1 reader.
#include "rw/adapters/yaml/case_yaml.hpp"

#include "dossier_body.hpp"
#include "node_reader.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"

#include <sstream>

namespace rw::adapters::yaml {

using detail::index_path;
using detail::key_path;
using detail::node_reader;

document_kind sniff_format(dsl::source_ptr const& src) {
    try {
        auto root = YAML::Load(src->text());
        if (!root.IsMap() || !root["format"] || !root["format"].IsScalar()) return document_kind::unknown;
        auto f = root["format"].Scalar();
        if (f == case_format) return document_kind::case_file;
        if (f == "regelwerk/dossier-1") return document_kind::dossier;
    } catch (YAML::Exception const&) {
    }
    return document_kind::unknown;
}

static engine::finding_expectation read_finding(node_reader& r, YAML::Node const& n, std::string const& p) {
    engine::finding_expectation f;
    f.where = r.span_of(n);
    if (!r.check_map(n, p, {"worker", "rule", "kind", "due", "contract", "placement", "open"}) && !n.IsMap()) return f;
    f.worker = r.text(n, "worker", p);
    f.rule = r.text(n, "rule", p, true).value_or("");
    f.kind = r.text(n, "kind", p);
    if (f.kind && *f.kind != "violation" && *f.kind != "action" && *f.kind != "warning" && *f.kind != "info")
        r.error(r.field(n, "kind", p, false), key_path(p, "kind"),
                "'" + *f.kind + "' is not one of violation | action | warning | info");
    f.due = r.date(n, "due", p);
    f.contract = r.text(n, "contract", p);
    f.placement = r.text(n, "placement", p);
    f.open = r.boolean(n, "open", p);
    return f;
}

// A list of worker ids (eligible, top).
static std::optional<std::vector<std::string>> read_ids(node_reader& r, YAML::Node const& map, char const* key, std::string const& path) {
    auto n = r.field(map, key, path, false);
    std::string p = key_path(path, key);
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, p)) return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (auto t = r.scalar_text(n[i], index_path(p, i), "a worker id")) out.push_back(*t);
    return out;
}

// v1.1 expect.match (case-format.md): read strictly; engine/src/case_verify.cpp runs the match.
static std::vector<engine::match_expectation> read_matches(node_reader& r, YAML::Node const& n) {
    std::vector<engine::match_expectation> out;
    std::string path = "expect.match";
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        std::string p = index_path(path, i);
        engine::match_expectation m;
        m.where = r.span_of(n[i]);
        if (!r.check_map(n[i], p, {"vacancy", "blocked", "eligible", "top"}) && !n[i].IsMap()) continue;
        m.vacancy = r.text(n[i], "vacancy", p, true).value_or("");
        auto blocked = r.field(n[i], "blocked", p, false);
        std::string bp = key_path(p, "blocked");
        if (blocked.IsDefined() && !blocked.IsNull() && r.expect_seq(blocked, bp)) {
            for (std::size_t j = 0; j < blocked.size(); ++j) {
                std::string ip = index_path(bp, j);
                if (!r.check_map(blocked[j], ip, {"worker", "rule"}) && !blocked[j].IsMap()) continue;
                engine::match_blocked b;
                b.where = r.span_of(blocked[j]);
                b.worker = r.text(blocked[j], "worker", ip, true).value_or("");
                b.rule = r.text(blocked[j], "rule", ip, true).value_or("");
                m.blocked.push_back(std::move(b));
            }
        }
        m.eligible = read_ids(r, n[i], "eligible", p);
        m.top = read_ids(r, n[i], "top", p);
        out.push_back(std::move(m));
    }
    return out;
}

// regelwerk extension: `scenario:` names the hypothetical contracts and placements of one worker.
static engine::scenario_case read_scenario(node_reader& r, YAML::Node const& n) {
    engine::scenario_case s;
    s.where = r.span_of(n);
    if (!r.check_map(n, "scenario", {"worker", "contracts", "placements", "from", "to"})) return s;
    s.worker = r.text(n, "worker", "scenario", true).value_or("");
    s.contracts = read_ids(r, n, "contracts", "scenario").value_or(std::vector<std::string>{});
    s.placements = read_ids(r, n, "placements", "scenario").value_or(std::vector<std::string>{});
    s.from = r.date(n, "from", "scenario");
    s.to = r.date(n, "to", "scenario");
    if (s.contracts.empty() && s.placements.empty())
        r.error(n, "scenario", "a scenario names at least one hypothetical contract or placement");
    return s;
}

static std::vector<engine::scenario_expectation> read_effects(node_reader& r, YAML::Node const& map, char const* key,
                                                              std::string const& path) {
    std::vector<engine::scenario_expectation> out;
    auto n = r.field(map, key, path, false);
    std::string lp = key_path(path, key);
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, lp)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        std::string p = index_path(lp, i);
        if (!r.check_map(n[i], p, {"rule", "kind", "on", "contract", "placement"}) && !n[i].IsMap()) continue;
        engine::scenario_expectation e;
        e.where = r.span_of(n[i]);
        e.rule = r.text(n[i], "rule", p, true).value_or("");
        e.kind = r.text(n[i], "kind", p);
        if (e.kind && *e.kind != "violation" && *e.kind != "action" && *e.kind != "warning" && *e.kind != "info")
            r.error(r.field(n[i], "kind", p, false), key_path(p, "kind"),
                    "'" + *e.kind + "' is not one of violation | action | warning | info");
        e.on = r.date(n[i], "on", p);
        e.contract = r.text(n[i], "contract", p);
        e.placement = r.text(n[i], "placement", p);
        out.push_back(std::move(e));
    }
    return out;
}

// regelwerk extension (issue 14): `tariff:` is a quote; `expect.tariff` what it must give.
static std::vector<std::pair<std::string, std::string>> read_text_map(node_reader& r, YAML::Node const& n, std::string const& path) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsMap()) {
        r.error(n, path, "expected a mapping (name: value)");
        return out;
    }
    for (auto const& kv : n) {
        if (!kv.second.IsScalar()) {
            r.error(kv.second, key_path(path, kv.first.Scalar().c_str()), "expected a scalar value");
            continue;
        }
        out.emplace_back(kv.first.Scalar(), kv.second.Scalar());
    }
    return out;
}

static engine::tariff_case read_tariff(node_reader& r, YAML::Node const& n) {
    engine::tariff_case t;
    t.where = r.span_of(n);
    if (!r.check_map(n, "tariff", {"name", "at", "inputs", "margin", "factor", "client", "function"})) return t;
    if (auto v = r.text(n, "name", "tariff")) t.name = *v;
    t.at = r.date(n, "at", "tariff");
    t.inputs = read_text_map(r, r.field(n, "inputs", "tariff", true), "tariff.inputs");
    t.margin = r.text(n, "margin", "tariff");
    t.factor = r.text(n, "factor", "tariff");
    t.client = r.text(n, "client", "tariff");
    t.function = r.text(n, "function", "tariff");
    if (t.margin && t.factor) r.error(n, "tariff", "give margin or factor, not both");
    if (t.client.has_value() != t.function.has_value()) r.error(n, "tariff", "client and function go together");
    return t;
}

static void read_tariff_expect(node_reader& r, YAML::Node const& n, engine::tariff_case& t) {
    if (!r.check_map(n, "expect.tariff", {"lines", "absent", "cost", "tariff", "refused", "refusals", "uncertain"})) return;
    t.expected = true;
    t.lines = read_text_map(r, r.field(n, "lines", "expect.tariff", false), "expect.tariff.lines");
    t.absent_lines = read_ids(r, n, "absent", "expect.tariff").value_or(std::vector<std::string>{});
    t.refusals = read_ids(r, n, "refusals", "expect.tariff").value_or(std::vector<std::string>{});
    t.cost = r.text(n, "cost", "expect.tariff");
    t.tariff = r.text(n, "tariff", "expect.tariff");
    t.refused = r.boolean(n, "refused", "expect.tariff");
    t.uncertain = r.boolean(n, "uncertain", "expect.tariff");
}

std::optional<engine::case_file> read_case(dsl::source_ptr const& src, dsl::diagnostics& diags) {
    dsl::diagnostics local;
    auto root = detail::parse_yaml(src, local);
    engine::case_file c;
    c.path = src->path();
    if (root) {
        node_reader r(src, local);
        if (!root->IsMap()) {
            r.error(*root, "", "expected a regelwerk/case-1 document (a mapping)");
        } else {
            r.check_map(*root, "", {"format", "id", "title", "reference_date", "source", "tags", "dossier", "scenario", "tariff", "expect"});
            auto fmt = r.text(*root, "format", "", true);
            if (fmt && *fmt != case_format)
                r.error(r.field(*root, "format", "", false), "format",
                        "expected '" + std::string(case_format) + "', got '" + *fmt + "'");
            c.id = r.text(*root, "id", "", true).value_or("");
            c.title = r.text(*root, "title", "").value_or("");
            c.source = r.text(*root, "source", "").value_or("");
            if (auto d = r.date(*root, "reference_date", "", true)) c.reference_date = *d;
            auto tags = r.field(*root, "tags", "", false);
            if (tags.IsDefined() && !tags.IsNull() && r.expect_seq(tags, "tags"))
                for (std::size_t i = 0; i < tags.size(); ++i)
                    if (auto t = r.scalar_text(tags[i], index_path("tags", i), "text")) c.tags.push_back(*t);
            auto dn = r.field(*root, "dossier", "", true);
            if (dn.IsDefined() && !dn.IsNull() && r.check_map(dn, "dossier", {"agency", "clients", "workers"}))
                c.dossier_data = detail::read_dossier_body(r, dn, "dossier");
            auto sn = r.field(*root, "scenario", "", false);
            if (sn.IsDefined() && !sn.IsNull()) c.scenario = read_scenario(r, sn);
            auto tn = r.field(*root, "tariff", "", false);
            if (tn.IsDefined() && !tn.IsNull()) c.tariff = read_tariff(r, tn);
            auto ex = r.field(*root, "expect", "", true);
            if (ex.IsDefined() && !ex.IsNull() && r.check_map(ex, "expect", {"facts", "findings", "absent", "exactly", "match", "scenario", "tariff"})) {
                auto te = r.field(ex, "tariff", "expect", false);
                if (te.IsDefined() && !te.IsNull()) {
                    if (!c.tariff) r.error(te, "expect.tariff", "expect.tariff needs a top-level `tariff:` block");
                    else read_tariff_expect(r, te, *c.tariff);
                }
                auto facts = r.field(ex, "facts", "expect", false);
                if (facts.IsDefined() && !facts.IsNull() && r.expect_seq(facts, "expect.facts")) {
                    for (std::size_t i = 0; i < facts.size(); ++i) {
                        std::string p = index_path("expect.facts", i);
                        engine::fact_expectation fe;
                        fe.where = r.span_of(facts[i]);
                        if (!r.check_map(facts[i], p, {"worker", "fact", "value"}) && !facts[i].IsMap()) continue;
                        fe.worker = r.text(facts[i], "worker", p);
                        fe.fact = r.text(facts[i], "fact", p, true).value_or("");
                        auto v = r.field(facts[i], "value", p, true);
                        if (v.IsDefined() && v.IsScalar()) fe.value = v.Scalar();
                        else if (v.IsDefined() && !v.IsNull()) r.error(v, key_path(p, "value"), "expected a scalar value");
                        c.facts.push_back(fe);
                    }
                }
                for (auto [key, out] : {std::pair{"findings", &c.findings}, std::pair{"absent", &c.absent}}) {
                    auto list = r.field(ex, key, "expect", false);
                    std::string lp = key_path("expect", key);
                    if (list.IsDefined() && !list.IsNull() && r.expect_seq(list, lp))
                        for (std::size_t i = 0; i < list.size(); ++i)
                            out->push_back(read_finding(r, list[i], index_path(lp, i)));
                }
                c.exactly = r.boolean(ex, "exactly", "expect").value_or(false);
                c.matches = read_matches(r, r.field(ex, "match", "expect", false));  // v1.1
                auto se = r.field(ex, "scenario", "expect", false);
                if (se.IsDefined() && !se.IsNull()) {
                    if (!c.scenario) r.error(se, "expect.scenario", "expect.scenario needs a top-level `scenario:` block");
                    else if (r.check_map(se, "expect.scenario", {"caused", "not_caused"})) {
                        c.scenario->caused = read_effects(r, se, "caused", "expect.scenario");
                        c.scenario->not_caused = read_effects(r, se, "not_caused", "expect.scenario");
                    }
                }
            }
        }
    }
    bool ok = root && !local.has_errors();
    diags.append(local);
    if (!ok) return std::nullopt;
    return c;
}

namespace {

/// A YAML scalar in double quotes (every text: ids, titles, values).
std::string quoted(std::string const& s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        if (ch == '\n') {
            out += "\\n";
            continue;
        }
        out += ch;
    }
    return out + "\"";
}

void write_finding(std::ostringstream& o, engine::finding_expectation const& f) {
    o << "    - {";
    bool first = true;
    auto put = [&](char const* k, std::string const& v) {
        o << (first ? "" : ", ") << k << ": " << v;
        first = false;
    };
    if (f.worker) put("worker", quoted(*f.worker));
    put("rule", quoted(f.rule));
    if (f.kind) put("kind", *f.kind);
    if (f.due) put("due", engine::format_date(*f.due));
    if (f.contract) put("contract", quoted(*f.contract));
    if (f.placement) put("placement", quoted(*f.placement));
    if (f.open) put("open", *f.open ? "true" : "false");
    o << "}\n";
}

}  // namespace

std::string write_case(engine::case_file const& c) {
    std::ostringstream o;
    o << "format: " << case_format << "\n";
    o << "id: " << quoted(c.id) << "\n";
    o << "title: " << quoted(c.title) << "\n";
    o << "reference_date: " << engine::format_date(c.reference_date) << "\n";
    o << "source: " << quoted(c.source) << "\n";
    o << "tags: [";
    for (std::size_t i = 0; i < c.tags.size(); ++i) o << (i ? ", " : "") << quoted(c.tags[i]);
    o << "]\n";
    o << "dossier:\n";
    std::istringstream body(write_dossier(c.dossier_data));
    std::string line;
    while (std::getline(body, line)) {
        if (line.rfind("format:", 0) == 0) continue;
        o << "  " << line << "\n";
    }
    o << "expect:\n";
    if (!c.facts.empty()) {
        o << "  facts:\n";
        for (auto const& f : c.facts) {
            o << "    - {";
            if (f.worker) o << "worker: " << quoted(*f.worker) << ", ";
            o << "fact: " << quoted(f.fact) << ", value: " << quoted(f.value) << "}\n";
        }
    }
    if (!c.findings.empty()) {
        o << "  findings:\n";
        for (auto const& f : c.findings) write_finding(o, f);
    }
    if (!c.absent.empty()) {
        o << "  absent:\n";
        for (auto const& f : c.absent) write_finding(o, f);
    }
    o << "  exactly: " << (c.exactly ? "true" : "false") << "\n";
    return o.str();
}

}  // namespace rw::adapters::yaml
