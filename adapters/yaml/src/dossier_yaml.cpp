// regelwerk/dossier-1: strict reader and canonical writer.
#include "rw/adapters/yaml/dossier_yaml.hpp"

#include "dossier_body.hpp"
#include "node_reader.hpp"

#include <map>
#include <set>

namespace rw::adapters::yaml {

using namespace rw::engine;
using detail::index_path;
using detail::key_path;
using detail::node_reader;

namespace detail {

// `extra:` is free-form on every record: kept as JSON text and written back unchanged.
static std::optional<std::string> read_extra(node_reader& r, YAML::Node const& map, std::string const& path) {
    auto n = r.field(map, "extra", path, false);
    if (!n.IsDefined()) return std::nullopt;
    r.check_free_form(n, key_path(path, "extra"));
    return extra_to_json(n);
}

static std::optional<week_range> parse_week_range(node_reader& r, YAML::Node const& n, std::string const& path) {
    auto t = r.scalar_text(n, path, "an ISO week (2025-W07) or a range (2025-W02..2025-W26)");
    if (!t) {
        if (n.IsNull()) r.error(n, path, "expected an ISO week, got null");
        return std::nullopt;
    }
    auto dots = t->find("..");
    std::string a = t->substr(0, dots), b = dots == std::string::npos ? a : t->substr(dots + 2);
    auto wa = parse_iso_week(a), wb = parse_iso_week(b);
    if (!wa || !wb) {
        std::string bad = !wa ? a : b;
        std::string why = detail::shown(bad) + " is not an ISO week (YYYY-Www, week 01..52, or 53 in a 53-week year)";
        auto shaped = bad.size() == 8 && bad[4] == '-' && bad[5] == 'W';
        if (shaped) {
            int y = std::atoi(bad.substr(0, 4).c_str());
            why = "'" + bad + "' does not exist: " + std::to_string(y) + " has " +
                  std::to_string(iso_weeks_in_year(y)) + " ISO weeks";
            if (bad.substr(6, 2) == "00") why = "'" + bad + "' does not exist: ISO weeks start at W01";
        }
        r.error(n, path, why);
        return std::nullopt;
    }
    if (monday_of(*wb) < monday_of(*wa)) {
        r.error(n, path, "week range " + detail::shown(*t) + " descends (the first week must not come after the last)");
        return std::nullopt;
    }
    return week_range{*wa, *wb};
}

static std::vector<week_range> read_weeks(node_reader& r, YAML::Node const& worker, char const* key, std::string const& wpath) {
    std::vector<week_range> out;
    auto n = r.field(worker, key, wpath, false);
    std::string path = key_path(wpath, key);
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto wr = parse_week_range(r, n[i], index_path(path, i));
        if (!wr) continue;
        if (!out.empty() && monday_of(wr->first) <= monday_of(out.back().last)) {
            r.error(n[i], index_path(path, i),
                    "week ranges must ascend without overlap: " + format_iso_week(wr->first) +
                        " does not come after " + format_iso_week(out.back().last));
        }
        out.push_back(*wr);
    }
    return out;
}

static agency read_agency(node_reader& r, YAML::Node const& n, std::string const& path) {
    agency a;
    if (!r.check_map(n, path, {"name", "cao", "phase_labels", "lender_registered_from", "wtta_admitted_from",
                               "ziektewet_erd", "extra"}))
        if (!n.IsMap()) return a;
    a.name = r.name(n, "name", path, true).value_or("");
    a.cao = r.enumeration<cao_kind>(n, "cao", path, true).value_or(cao_kind::abu);
    a.labels = r.enumeration<phase_labels>(n, "phase_labels", path).value_or(phase_labels::letters);
    a.lender_registered_from = r.date(n, "lender_registered_from", path);
    a.wtta_admitted_from = r.date(n, "wtta_admitted_from", path);
    a.ziektewet_erd = r.boolean(n, "ziektewet_erd", path).value_or(false);
    a.extra_json = read_extra(r, n, path);
    return a;
}

static std::vector<client> read_clients(node_reader& r, YAML::Node const& n, std::string const& path) {
    std::vector<client> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    std::map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& cn = n[i];
        std::string cp = index_path(path, i);
        if (!r.check_map(cn, cp, {"id", "name", "strikes", "reference_wages", "extra"}) && !cn.IsMap()) continue;
        client c;
        c.id = r.name(cn, "id", cp, true).value_or("");
        c.name = r.name(cn, "name", cp, true).value_or("");
        if (!c.id.empty() && !ids.emplace(c.id, i).second)
            r.error(r.field(cn, "id", cp, false), key_path(cp, "id"), "duplicate client id '" + c.id + "'");
        auto strikes = r.field(cn, "strikes", cp, false);
        std::string sp = key_path(cp, "strikes");
        if (strikes.IsDefined() && !strikes.IsNull() && r.expect_seq(strikes, sp)) {
            for (std::size_t j = 0; j < strikes.size(); ++j) {
                std::string p = index_path(sp, j);
                if (!r.check_map(strikes[j], p, {"from", "to"}) && !strikes[j].IsMap()) continue;
                auto f = r.date(strikes[j], "from", p, true);
                auto t = r.date(strikes[j], "to", p, true);
                if (f && t && *t < *f) {
                    r.error(r.field(strikes[j], "to", p, false), key_path(p, "to"),
                            "strike ends (" + format_date(*t) + ") before it starts (" + format_date(*f) + ")");
                } else if (f && t) {
                    c.strikes.push_back({*f, *t});
                }
            }
        }
        auto wages = r.field(cn, "reference_wages", cp, false);
        std::string wp = key_path(cp, "reference_wages");
        if (wages.IsDefined() && !wages.IsNull() && r.expect_seq(wages, wp)) {
            for (std::size_t j = 0; j < wages.size(); ++j) {
                std::string p = index_path(wp, j);
                if (!r.check_map(wages[j], p, {"function", "hourly", "from"}) && !wages[j].IsMap()) continue;
                auto fn = r.text(wages[j], "function", p, true);
                auto h = r.money(wages[j], "hourly", p, true);
                auto f = r.date(wages[j], "from", p, true);
                if (fn && h && f) c.reference_wages.push_back({*fn, *h, *f});
            }
        }
        c.extra_json = read_extra(r, cn, cp);
        out.push_back(std::move(c));
    }
    return out;
}

static std::optional<identity> read_identity(node_reader& r, YAML::Node const& n, std::string const& path) {
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    struct redacted {  // no document number or BSN in an error message
        node_reader& r;
        ~redacted() { r.redact(false); }
    } hide{r};
    r.redact(true);
    if (!r.check_map(n, path, {"document", "number", "expires", "checked_on", "copy_kept", "extra"}) && !n.IsMap())
        return std::nullopt;
    identity id;
    id.document = r.enumeration<document_kind>(n, "document", path);
    id.number = r.text(n, "number", path);
    id.expires = r.date(n, "expires", path);
    id.checked_on = r.date(n, "checked_on", path);
    id.copy_kept = r.boolean(n, "copy_kept", path);
    id.extra_json = read_extra(r, n, path);
    return id;
}

static std::optional<work_permit> read_permit(node_reader& r, YAML::Node const& n, std::string const& path) {
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!r.check_map(n, path, {"kind", "valid_from", "valid_until", "notified_on", "extra"}) && !n.IsMap()) return std::nullopt;
    work_permit p;
    p.kind = r.enumeration<permit_kind>(n, "kind", path, true).value_or(permit_kind::twv);
    p.valid_from = r.date(n, "valid_from", path);
    p.valid_until = r.date(n, "valid_until", path);
    p.notified_on = r.date(n, "notified_on", path);
    p.extra_json = read_extra(r, n, path);
    if (p.valid_from && p.valid_until && *p.valid_until < *p.valid_from)
        r.error(r.field(n, "valid_until", path, false), key_path(path, "valid_until"),
                "permit ends (" + format_date(*p.valid_until) + ") before it starts (" + format_date(*p.valid_from) + ")");
    return p;
}

static std::vector<contract> read_contracts(node_reader& r, YAML::Node const& n, std::string const& path) {
    std::vector<contract> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& cn = n[i];
        std::string p = index_path(path, i);
        if (!r.check_map(cn, p, {"id", "kind", "start", "end", "hours_per_week", "probation_months",
                                 "renewal_notice_on", "ended_on", "ended_by", "extra"}) &&
            !cn.IsMap())
            continue;
        contract c;
        c.id = r.name(cn, "id", p, true).value_or("");
        if (!c.id.empty() && !ids.insert(c.id).second)
            r.error(r.field(cn, "id", p, false), key_path(p, "id"), "duplicate contract id '" + c.id + "'");
        c.kind = r.enumeration<contract_kind>(cn, "kind", p, true).value_or(contract_kind::uitzendbeding);
        auto start = r.date(cn, "start", p, true);
        c.end = r.date(cn, "end", p);
        c.hours_per_week = r.decimal(cn, "hours_per_week", p);
        c.probation_months = r.integer(cn, "probation_months", p);
        c.renewal_notice_on = r.date(cn, "renewal_notice_on", p);
        c.ended_on = r.date(cn, "ended_on", p);
        c.ended_by = r.enumeration<ended_by_kind>(cn, "ended_by", p);
        c.extra_json = read_extra(r, cn, p);
        if (start) {
            c.start = *start;
            if (c.end && *c.end < *start)
                r.error(r.field(cn, "end", p, false), key_path(p, "end"),
                        "contract ends (" + format_date(*c.end) + ") before it starts (" + format_date(*start) + ")");
            if (c.ended_on && *c.ended_on < *start)
                r.error(r.field(cn, "ended_on", p, false), key_path(p, "ended_on"),
                        "contract ended (" + format_date(*c.ended_on) + ") before it started (" + format_date(*start) + ")");
        }
        out.push_back(std::move(c));
    }
    return out;
}

static std::vector<placement> read_placements(node_reader& r, YAML::Node const& n, std::string const& path,
                                              std::vector<contract> const& contracts,
                                              std::set<std::string> const& client_ids) {
    std::vector<placement> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& pn = n[i];
        std::string p = index_path(path, i);
        if (!r.check_map(pn, p, {"id", "contract", "client", "function", "start", "end", "hourly_wage", "extra"}) && !pn.IsMap())
            continue;
        placement pl;
        pl.id = r.name(pn, "id", p, true).value_or("");
        if (!pl.id.empty() && !ids.insert(pl.id).second)
            r.error(r.field(pn, "id", p, false), key_path(p, "id"), "duplicate placement id '" + pl.id + "'");
        pl.contract = r.text(pn, "contract", p, true).value_or("");
        pl.client = r.text(pn, "client", p, true).value_or("");
        pl.function = r.text(pn, "function", p);
        auto start = r.date(pn, "start", p, true);
        pl.end = r.date(pn, "end", p);
        pl.hourly_wage = r.money(pn, "hourly_wage", p);
        pl.extra_json = read_extra(r, pn, p);
        if (!pl.contract.empty()) {
            bool found = false;
            std::vector<std::string> names;
            for (auto const& c : contracts) {
                found = found || c.id == pl.contract;
                names.push_back(c.id);
            }
            if (!found) {
                dsl::diagnostic d{dsl::severity::error, "dossier",
                                  key_path(p, "contract") + ": no contract '" + pl.contract + "' in this worker",
                                  r.span_of(r.field(pn, "contract", p, false)), {}, dsl::closest_matches(pl.contract, names)};
                r.diags().add(std::move(d));
            }
        }
        if (!pl.client.empty() && !client_ids.count(pl.client)) {
            std::vector<std::string> names(client_ids.begin(), client_ids.end());
            dsl::diagnostic d{dsl::severity::error, "dossier", key_path(p, "client") + ": no client '" + pl.client + "'",
                              r.span_of(r.field(pn, "client", p, false)), {}, dsl::closest_matches(pl.client, names)};
            r.diags().add(std::move(d));
        }
        if (start) {
            pl.start = *start;
            if (pl.end && *pl.end < *start)
                r.error(r.field(pn, "end", p, false), key_path(p, "end"),
                        "placement ends (" + format_date(*pl.end) + ") before it starts (" + format_date(*start) + ")");
        }
        out.push_back(std::move(pl));
    }
    return out;
}

static std::vector<sickness> read_sickness(node_reader& r, YAML::Node const& n, std::string const& path) {
    std::vector<sickness> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& sn = n[i];
        std::string p = index_path(path, i);
        if (!r.check_map(sn, p, {"first_day", "recovered_on", "steps", "extra"}) && !sn.IsMap()) continue;
        sickness s;
        auto first = r.date(sn, "first_day", p, true);
        s.recovered_on = r.date(sn, "recovered_on", p);
        s.extra_json = read_extra(r, sn, p);
        auto steps = r.field(sn, "steps", p, false);
        std::string sp = key_path(p, "steps");
        if (steps.IsDefined() && !steps.IsNull() &&
            (r.check_map(steps, sp, {"bedrijfsarts_melding", "probleemanalyse", "plan_van_aanpak", "uwv_ziekmelding",
                                     "eerstejaarsevaluatie", "wia_aanvraag"}) ||
             steps.IsMap())) {
            s.steps.bedrijfsarts_melding = r.date(steps, "bedrijfsarts_melding", sp);
            s.steps.probleemanalyse = r.date(steps, "probleemanalyse", sp);
            s.steps.plan_van_aanpak = r.date(steps, "plan_van_aanpak", sp);
            s.steps.uwv_ziekmelding = r.date(steps, "uwv_ziekmelding", sp);
            s.steps.eerstejaarsevaluatie = r.date(steps, "eerstejaarsevaluatie", sp);
            s.steps.wia_aanvraag = r.date(steps, "wia_aanvraag", sp);
        }
        if (first) {
            s.first_day = *first;
            if (s.recovered_on && *s.recovered_on < *first)
                r.error(r.field(sn, "recovered_on", p, false), key_path(p, "recovered_on"),
                        "recovered (" + format_date(*s.recovered_on) + ") before the first day of sickness (" +
                            format_date(*first) + ")");
        }
        out.push_back(s);
    }
    return out;
}

static std::vector<std::string> read_text_list(node_reader& r, YAML::Node const& map, char const* key, std::string const& path) {
    std::vector<std::string> out;
    auto n = r.field(map, key, path, false);
    std::string p = key_path(path, key);
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, p)) return out;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (auto t = r.scalar_text(n[i], index_path(p, i), "text")) out.push_back(*t);
    return out;
}

static std::optional<application> read_application(node_reader& r, YAML::Node const& n, std::string const& path) {
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!r.check_map(n, path, {"status", "closed_on", "retention_consent", "skills", "certificates", "education_level",
                               "languages", "postcode", "available_hours_per_week", "extra"}) &&
        !n.IsMap())
        return std::nullopt;
    application a;
    a.status = r.enumeration<application_status>(n, "status", path, true).value_or(application_status::active);
    a.closed_on = r.date(n, "closed_on", path);
    a.retention_consent = r.boolean(n, "retention_consent", path);
    a.skills = read_text_list(r, n, "skills", path);
    auto certs = r.field(n, "certificates", path, false);
    std::string cp = key_path(path, "certificates");
    if (certs.IsDefined() && !certs.IsNull() && r.expect_seq(certs, cp)) {
        for (std::size_t i = 0; i < certs.size(); ++i) {
            std::string p = index_path(cp, i);
            if (!r.check_map(certs[i], p, {"name", "valid_until"}) && !certs[i].IsMap()) continue;
            certificate c;
            c.name = r.text(certs[i], "name", p, true).value_or("");
            c.valid_until = r.date(certs[i], "valid_until", p);
            a.certificates.push_back(c);
        }
    }
    a.education_level = r.text(n, "education_level", path);
    if (a.education_level && !is_education_level(*a.education_level))
        r.error(r.field(n, "education_level", path, false), key_path(path, "education_level"),
                "'" + *a.education_level + "' is not one of none | vmbo | mbo-1 | mbo-2 | mbo-3 | mbo-4 | hbo | wo");
    a.languages = read_text_list(r, n, "languages", path);
    a.postcode = r.text(n, "postcode", path);
    a.available_hours_per_week = r.decimal(n, "available_hours_per_week", path);
    a.extra_json = read_extra(r, n, path);
    return a;
}

// Data quality, not an error (dossier-format.md): a worked week should lie inside some contract.
static void warn_weeks_outside_contracts(node_reader& r, YAML::Node const& wn, std::string const& wpath, worker const& w) {
    auto weeks = r.field(wn, "worked_weeks", wpath, false);
    for (std::size_t i = 0; i < w.worked_weeks.size(); ++i) {
        auto const& wr = w.worked_weeks[i];
        for (auto m = monday_of(wr.first); m <= monday_of(wr.last); m += date::days{7}) {
            bool inside = false;
            for (auto const& c : w.contracts) {
                auto e = c.effective_end();
                if (c.start <= m + date::days{6} && (!e || *e >= m)) inside = true;
            }
            if (!inside) {
                YAML::Node at = weeks.IsSequence() && i < weeks.size() ? weeks[i] : wn;
                r.warning(at, index_path(key_path(wpath, "worked_weeks"), i),
                          "worked week " + format_iso_week(iso_week_of(m)) + " lies outside every contract");
                break;
            }
        }
    }
}

static std::vector<worker> read_workers(node_reader& r, YAML::Node const& n, std::string const& path,
                                        std::set<std::string> const& client_ids, std::set<std::string>* all_ids = nullptr,
                                        std::size_t first_index = 0) {
    std::vector<worker> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    std::set<std::string> local_ids;
    auto& ids = all_ids ? *all_ids : local_ids;  // the whole file's ids when read item by item
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& wn = n[i];
        std::string p = index_path(path, first_index + i);
        if (!r.check_map(wn, p, {"id", "name", "birth_date", "nationality", "identity", "work_permit", "contracts",
                                 "placements", "worked_weeks", "paid_holiday_weeks", "sickness", "application", "extra"}) &&
            !wn.IsMap())
            continue;
        worker w;
        w.id = r.name(wn, "id", p, true).value_or("");
        if (!w.id.empty() && !ids.insert(w.id).second)
            r.error(r.field(wn, "id", p, false), key_path(p, "id"), "duplicate worker id '" + w.id + "'");
        w.name = r.name(wn, "name", p, true).value_or("");
        w.birth_date = r.date(wn, "birth_date", p);
        w.nationality = r.text(wn, "nationality", p);
        if (w.nationality) {
            auto const& s = *w.nationality;
            if (s.size() != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
                r.error(r.field(wn, "nationality", p, false), key_path(p, "nationality"),
                        "expected an ISO 3166-1 alpha-2 code in capitals (NL, PL, UA), got " + detail::shown(s));
        }
        w.ident = read_identity(r, r.field(wn, "identity", p, false), key_path(p, "identity"));
        w.permit = read_permit(r, r.field(wn, "work_permit", p, false), key_path(p, "work_permit"));
        w.contracts = read_contracts(r, r.field(wn, "contracts", p, false), key_path(p, "contracts"));
        w.placements = read_placements(r, r.field(wn, "placements", p, false), key_path(p, "placements"), w.contracts,
                                       client_ids);
        w.worked_weeks = read_weeks(r, wn, "worked_weeks", p);
        w.paid_holiday_weeks = read_weeks(r, wn, "paid_holiday_weeks", p);
        w.sicknesses = read_sickness(r, r.field(wn, "sickness", p, false), key_path(p, "sickness"));
        w.appl = read_application(r, r.field(wn, "application", p, false), key_path(p, "application"));
        w.extra_json = read_extra(r, wn, p);
        warn_weeks_outside_contracts(r, wn, p, w);
        out.push_back(std::move(w));
    }
    return out;
}

dossier read_dossier_body(node_reader& r, YAML::Node const& map, std::string const& path) {
    dossier d;
    auto an = r.field(map, "agency", path, true);
    if (an.IsDefined() && !an.IsNull()) d.agency_info = read_agency(r, an, key_path(path, "agency"));
    d.clients = read_clients(r, r.field(map, "clients", path, false), key_path(path, "clients"));
    std::set<std::string> client_ids;
    for (auto const& c : d.clients) client_ids.insert(c.id);
    d.workers = read_workers(r, r.field(map, "workers", path, false), key_path(path, "workers"), client_ids);
    return d;
}

}  // namespace detail

/// Reads the workers item by item (see stream_plan): the head (format, agency, clients) as one
/// document, then each worker's lines as their own. nullopt when a part does not parse alone (the
/// caller then reads the file whole, which reports the error where it is).
static std::optional<dossier> read_streamed(dsl::source_ptr const& src, detail::stream_plan const& plan, dsl::diagnostics& local) {
    std::string_view text = src->text();
    auto root = detail::load_part(text.substr(0, plan.head_end));
    if (!root || !root->IsMap()) return std::nullopt;
    node_reader r(src, local);
    r.check_map(*root, "", {"format", "agency", "clients", "workers"});
    auto fmt = r.text(*root, "format", "", true);
    if (fmt && *fmt != dossier_format)
        r.error(r.field(*root, "format", "", false), "format", "expected '" + std::string(dossier_format) + "', got '" + *fmt + "'");
    dossier d = detail::read_dossier_body(r, *root, "");  // `workers:` is empty in the head
    std::set<std::string> client_ids, worker_ids;
    for (auto const& c : d.clients) client_ids.insert(c.id);
    d.workers.reserve(plan.items.size());
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        std::size_t end = i + 1 < plan.items.size() ? plan.items[i + 1] : text.size();
        auto part = detail::load_part(text.substr(plan.items[i], end - plan.items[i]));
        if (!part || !part->IsSequence() || part->size() != 1) return std::nullopt;
        r.set_line_offset(plan.lines[i] - 1);
        for (auto& w : detail::read_workers(r, *part, "workers", client_ids, &worker_ids, i)) d.workers.push_back(std::move(w));
    }
    return d;
}

std::optional<dossier> read_dossier(dsl::source_ptr const& src, dsl::diagnostics& diags) {
    {
        dsl::diagnostics local;
        detail::stream_plan plan;
        if (!detail::check_yaml(src, local, &plan)) {
            diags.append(local);
            return std::nullopt;
        }
        if (plan.streamable) {
            if (auto d = read_streamed(src, plan, local)) {
                diags.append(local);
                if (!local.has_errors()) return d;
                return std::nullopt;
            }
        }
    }
    dsl::diagnostics local;
    auto root = detail::parse_yaml(src, local);
    if (root) {
        node_reader r(src, local);
        if (!root->IsMap()) {
            r.error(*root, "", "expected a regelwerk/dossier-1 document (a mapping with format, agency, clients, workers)");
        } else {
            r.check_map(*root, "", {"format", "agency", "clients", "workers"});
            auto fmt = r.text(*root, "format", "", true);
            if (fmt && *fmt != dossier_format)
                r.error(r.field(*root, "format", "", false), "format",
                        "expected '" + std::string(dossier_format) + "', got '" + *fmt + "'");
            auto d = detail::read_dossier_body(r, *root, "");
            if (!local.has_errors()) {
                diags.append(local);
                return d;
            }
        }
    }
    diags.append(local);
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Writer

static void put_date(YAML::Emitter& out, opt_day const& d) {
    if (d) out << format_date(*d);
    else out << YAML::Null;
}

template <typename T, typename F>
static void put_opt(YAML::Emitter& out, std::optional<T> const& v, F&& f) {
    if (v) f(*v);
    else out << YAML::Null;
}

static void put_extra(YAML::Emitter& out, std::optional<std::string> const& extra) {
    if (!extra) return;
    out << YAML::Key << "extra" << YAML::Value;
    detail::emit_json_as_yaml(out, *extra);
}

static void put_weeks(YAML::Emitter& out, std::vector<week_range> const& ws) {
    out << YAML::Flow << YAML::BeginSeq;
    for (auto const& w : ws) {
        if (w.first == w.last) out << YAML::DoubleQuoted << format_iso_week(w.first);
        else out << YAML::DoubleQuoted << (format_iso_week(w.first) + ".." + format_iso_week(w.last));
    }
    out << YAML::EndSeq;
}

static void put_text(YAML::Emitter& out, std::string const& s) {
    // Quote texts a reader would take for something else (numbers, booleans, null, dates).
    bool plain_ok = !s.empty() && s != "null" && s != "~" && s != "true" && s != "false" &&
                    s.find_first_not_of("0123456789.-") != std::string::npos;
    if (plain_ok) out << s;
    else out << YAML::DoubleQuoted << s;
}

std::string write_dossier(dossier const& d) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "format" << YAML::Value << dossier_format;
    auto const& a = d.agency_info;
    out << YAML::Key << "agency" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value;
    put_text(out, a.name);
    out << YAML::Key << "cao" << YAML::Value << to_string(a.cao);
    out << YAML::Key << "phase_labels" << YAML::Value << to_string(a.labels);
    out << YAML::Key << "lender_registered_from" << YAML::Value;
    put_date(out, a.lender_registered_from);
    out << YAML::Key << "wtta_admitted_from" << YAML::Value;
    put_date(out, a.wtta_admitted_from);
    out << YAML::Key << "ziektewet_erd" << YAML::Value << (a.ziektewet_erd ? "true" : "false");
    put_extra(out, a.extra_json);
    out << YAML::EndMap;

    out << YAML::Key << "clients" << YAML::Value << YAML::BeginSeq;
    for (auto const& c : d.clients) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value;
        put_text(out, c.id);
        out << YAML::Key << "name" << YAML::Value;
        put_text(out, c.name);
        out << YAML::Key << "strikes" << YAML::Value << YAML::BeginSeq;
        for (auto const& s : c.strikes)
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << format_date(s.from)
                << YAML::Key << "to" << YAML::Value << format_date(s.to) << YAML::EndMap;
        out << YAML::EndSeq;
        out << YAML::Key << "reference_wages" << YAML::Value << YAML::BeginSeq;
        for (auto const& w : c.reference_wages) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "function" << YAML::Value;
            put_text(out, w.function);
            out << YAML::Key << "hourly" << YAML::Value << format_money(w.hourly) << YAML::Key << "from" << YAML::Value
                << format_date(w.from) << YAML::EndMap;
        }
        out << YAML::EndSeq;
        put_extra(out, c.extra_json);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    out << YAML::Key << "workers" << YAML::Value << YAML::BeginSeq;
    for (auto const& w : d.workers) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value;
        put_text(out, w.id);
        out << YAML::Key << "name" << YAML::Value;
        put_text(out, w.name);
        out << YAML::Key << "birth_date" << YAML::Value;
        put_date(out, w.birth_date);
        out << YAML::Key << "nationality" << YAML::Value;
        put_opt(out, w.nationality, [&](auto const& v) { put_text(out, v); });
        out << YAML::Key << "identity" << YAML::Value;
        put_opt(out, w.ident, [&](identity const& id) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "document" << YAML::Value;
            put_opt(out, id.document, [&](auto v) { out << to_string(v); });
            out << YAML::Key << "number" << YAML::Value;
            put_opt(out, id.number, [&](auto const& v) { put_text(out, v); });
            out << YAML::Key << "expires" << YAML::Value;
            put_date(out, id.expires);
            out << YAML::Key << "checked_on" << YAML::Value;
            put_date(out, id.checked_on);
            out << YAML::Key << "copy_kept" << YAML::Value;
            put_opt(out, id.copy_kept, [&](bool v) { out << (v ? "true" : "false"); });
            put_extra(out, id.extra_json);
            out << YAML::EndMap;
        });
        out << YAML::Key << "work_permit" << YAML::Value;
        put_opt(out, w.permit, [&](work_permit const& p) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "kind" << YAML::Value << to_string(p.kind);
            out << YAML::Key << "valid_from" << YAML::Value;
            put_date(out, p.valid_from);
            out << YAML::Key << "valid_until" << YAML::Value;
            put_date(out, p.valid_until);
            out << YAML::Key << "notified_on" << YAML::Value;
            put_date(out, p.notified_on);
            put_extra(out, p.extra_json);
            out << YAML::EndMap;
        });
        out << YAML::Key << "contracts" << YAML::Value << YAML::BeginSeq;
        for (auto const& c : w.contracts) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "id" << YAML::Value;
            put_text(out, c.id);
            out << YAML::Key << "kind" << YAML::Value << to_string(c.kind);
            out << YAML::Key << "start" << YAML::Value << format_date(c.start);
            out << YAML::Key << "end" << YAML::Value;
            put_date(out, c.end);
            out << YAML::Key << "hours_per_week" << YAML::Value;
            put_opt(out, c.hours_per_week, [&](decimal v) { out << format_decimal(v); });
            out << YAML::Key << "probation_months" << YAML::Value;
            put_opt(out, c.probation_months, [&](int v) { out << v; });
            out << YAML::Key << "renewal_notice_on" << YAML::Value;
            put_date(out, c.renewal_notice_on);
            out << YAML::Key << "ended_on" << YAML::Value;
            put_date(out, c.ended_on);
            out << YAML::Key << "ended_by" << YAML::Value;
            put_opt(out, c.ended_by, [&](auto v) { out << to_string(v); });
            put_extra(out, c.extra_json);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        out << YAML::Key << "placements" << YAML::Value << YAML::BeginSeq;
        for (auto const& p : w.placements) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "id" << YAML::Value;
            put_text(out, p.id);
            out << YAML::Key << "contract" << YAML::Value;
            put_text(out, p.contract);
            out << YAML::Key << "client" << YAML::Value;
            put_text(out, p.client);
            out << YAML::Key << "function" << YAML::Value;
            put_opt(out, p.function, [&](auto const& v) { put_text(out, v); });
            out << YAML::Key << "start" << YAML::Value << format_date(p.start);
            out << YAML::Key << "end" << YAML::Value;
            put_date(out, p.end);
            out << YAML::Key << "hourly_wage" << YAML::Value;
            put_opt(out, p.hourly_wage, [&](money v) { out << format_money(v); });
            put_extra(out, p.extra_json);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        out << YAML::Key << "worked_weeks" << YAML::Value;
        put_weeks(out, w.worked_weeks);
        out << YAML::Key << "paid_holiday_weeks" << YAML::Value;
        put_weeks(out, w.paid_holiday_weeks);
        out << YAML::Key << "sickness" << YAML::Value << YAML::BeginSeq;
        for (auto const& s : w.sicknesses) {
            out << YAML::BeginMap;
            out << YAML::Key << "first_day" << YAML::Value << format_date(s.first_day);
            out << YAML::Key << "recovered_on" << YAML::Value;
            put_date(out, s.recovered_on);
            out << YAML::Key << "steps" << YAML::Value << YAML::Flow << YAML::BeginMap;
            auto step = [&](char const* k, opt_day const& v) {
                out << YAML::Key << k << YAML::Value;
                put_date(out, v);
            };
            step("bedrijfsarts_melding", s.steps.bedrijfsarts_melding);
            step("probleemanalyse", s.steps.probleemanalyse);
            step("plan_van_aanpak", s.steps.plan_van_aanpak);
            step("uwv_ziekmelding", s.steps.uwv_ziekmelding);
            step("eerstejaarsevaluatie", s.steps.eerstejaarsevaluatie);
            step("wia_aanvraag", s.steps.wia_aanvraag);
            out << YAML::EndMap;
            put_extra(out, s.extra_json);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        if (w.appl) {
            auto const& ap = *w.appl;
            out << YAML::Key << "application" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "status" << YAML::Value << to_string(ap.status);
            out << YAML::Key << "closed_on" << YAML::Value;
            put_date(out, ap.closed_on);
            out << YAML::Key << "retention_consent" << YAML::Value;
            put_opt(out, ap.retention_consent, [&](bool v) { out << (v ? "true" : "false"); });
            out << YAML::Key << "skills" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (auto const& s : ap.skills) put_text(out, s);
            out << YAML::EndSeq;
            out << YAML::Key << "certificates" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (auto const& c : ap.certificates) {
                out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
                put_text(out, c.name);
                out << YAML::Key << "valid_until" << YAML::Value;
                put_date(out, c.valid_until);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
            out << YAML::Key << "education_level" << YAML::Value;
            put_opt(out, ap.education_level, [&](auto const& v) { put_text(out, v); });
            out << YAML::Key << "languages" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (auto const& s : ap.languages) put_text(out, s);
            out << YAML::EndSeq;
            out << YAML::Key << "postcode" << YAML::Value;
            put_opt(out, ap.postcode, [&](auto const& v) { put_text(out, v); });
            out << YAML::Key << "available_hours_per_week" << YAML::Value;
            put_opt(out, ap.available_hours_per_week, [&](decimal v) { out << format_decimal(v); });
            put_extra(out, ap.extra_json);
            out << YAML::EndMap;
        }
        put_extra(out, w.extra_json);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace rw::adapters::yaml
