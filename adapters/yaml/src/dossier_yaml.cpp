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

// ---- v1.1 helpers ------------------------------------------------------------------------------

static std::vector<std::string> read_text_list(node_reader& r, YAML::Node const& map, char const* key, std::string const& path);

// A list of shifts: absent or null = not given (nullopt), distinct from an empty list.
static std::optional<std::vector<shift_kind>> read_shifts(node_reader& r, YAML::Node const& map, std::string const& path) {
    auto n = r.field(map, "shifts", path, false);
    std::string p = key_path(path, "shifts");
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!r.expect_seq(n, p)) return std::nullopt;
    std::vector<shift_kind> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        std::string ip = index_path(p, i);
        auto t = r.scalar_text(n[i], ip, "a shift (dag | avond | nacht | weekend)");
        if (!t) {
            if (n[i].IsNull()) r.error(n[i], ip, "expected a shift (dag | avond | nacht | weekend), got null");
            continue;
        }
        if (auto k = enum_from_string<shift_kind>(*t)) {
            bool dup = false;
            for (auto x : out) dup = dup || x == *k;
            if (dup) r.error(n[i], ip, "shift '" + *t + "' is listed twice");
            else out.push_back(*k);
        } else {
            auto names = enum_names<shift_kind>();
            dsl::diagnostic d{dsl::severity::error, "dossier", ip + ": '" + *t + "' is not one of dag | avond | nacht | weekend",
                              r.span_of(n[i]), {}, dsl::closest_matches(*t, names)};
            r.diags().add(std::move(d));
        }
    }
    return out;
}

// WGS84 `lat`/`lon`: both or neither, in range, at most 7 decimals.
static void read_lat_lon(node_reader& r, YAML::Node const& map, std::string const& path, std::optional<coordinate>& lat,
                         std::optional<coordinate>& lon) {
    auto one = [&](char const* key, std::int64_t limit) -> std::optional<coordinate> {
        auto v = r.field(map, key, path, false);
        auto t = r.scalar_text(v, key_path(path, key), "a WGS84 coordinate in degrees");
        if (!t) return std::nullopt;
        auto c = parse_coordinate(*t);
        if (!c) {
            r.error(v, key_path(path, key), "expected degrees as a decimal number with at most 7 decimals (52.2215), got '" + *t + "'");
            return std::nullopt;
        }
        if (c->e7 > limit * 10000000 || c->e7 < -limit * 10000000) {
            r.error(v, key_path(path, key), "'" + *t + "' is out of range (-" + std::to_string(limit) + " .. " + std::to_string(limit) + ")");
            return std::nullopt;
        }
        return c;
    };
    lat = one("lat", 90);
    lon = one("lon", 180);
    auto ln = r.field(map, "lat", path, false), on = r.field(map, "lon", path, false);
    bool has_lat = ln.IsDefined() && !ln.IsNull(), has_lon = on.IsDefined() && !on.IsNull();
    if (has_lat != has_lon)
        r.error(has_lat ? ln : on, key_path(path, has_lat ? "lat" : "lon"),
                std::string("'lat' and 'lon' go together: '") + (has_lat ? "lon" : "lat") + "' is missing");
}

static std::optional<std::string> read_education_level(node_reader& r, YAML::Node const& map, std::string const& path) {
    auto e = r.text(map, "education_level", path);
    if (e && !is_education_level(*e))
        r.error(r.field(map, "education_level", path, false), key_path(path, "education_level"),
                "'" + *e + "' is not one of none | vmbo | mbo-1 | mbo-2 | mbo-3 | mbo-4 | hbo | wo");
    return e;
}

static std::vector<office> read_offices(node_reader& r, YAML::Node const& map, std::string const& path) {
    std::vector<office> out;
    auto n = r.field(map, "offices", path, false);
    std::string op = key_path(path, "offices");
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, op)) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        std::string p = index_path(op, i);
        if (!r.check_map(n[i], p, {"id", "name", "extra"}) && !n[i].IsMap()) continue;
        office o;
        o.id = r.text(n[i], "id", p, true).value_or("");
        o.name = r.text(n[i], "name", p, true).value_or("");
        o.extra_json = read_extra(r, n[i], p);
        if (!o.id.empty() && !ids.insert(o.id).second)
            r.error(r.field(n[i], "id", p, false), key_path(p, "id"), "duplicate office id '" + o.id + "'");
        out.push_back(std::move(o));
    }
    return out;
}

static std::vector<vacancy> read_vacancies(node_reader& r, YAML::Node const& map, std::string const& path) {
    std::vector<vacancy> out;
    auto n = r.field(map, "vacancies", path, false);
    std::string vp = key_path(path, "vacancies");
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, vp)) return out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& vn = n[i];
        std::string p = index_path(vp, i);
        if (!r.check_map(vn, p, {"id", "function", "code", "start", "end", "hours_per_week", "shifts", "hourly_wage", "place",
                                 "lat", "lon", "requirements", "wishes", "status", "extra"}) &&
            !vn.IsMap())
            continue;
        vacancy v;
        v.id = r.text(vn, "id", p, true).value_or("");
        if (!v.id.empty() && !ids.insert(v.id).second)
            r.error(r.field(vn, "id", p, false), key_path(p, "id"), "duplicate vacancy id '" + v.id + "'");
        v.function = r.text(vn, "function", p, true).value_or("");
        v.code = r.text(vn, "code", p);
        auto start = r.date(vn, "start", p, true);
        v.end = r.date(vn, "end", p);
        v.hours_per_week = r.decimal(vn, "hours_per_week", p);
        v.shifts = read_shifts(r, vn, p);
        v.hourly_wage = r.money(vn, "hourly_wage", p);
        v.place = r.text(vn, "place", p);
        read_lat_lon(r, vn, p, v.lat, v.lon);
        auto req = r.field(vn, "requirements", p, false);
        std::string rp = key_path(p, "requirements");
        if (req.IsDefined() && !req.IsNull() &&
            (r.check_map(req, rp, {"certificates", "licences", "languages", "skills", "education_level", "text"}) || req.IsMap())) {
            v.requirements.certificates = read_text_list(r, req, "certificates", rp);
            v.requirements.licences = read_text_list(r, req, "licences", rp);
            v.requirements.languages = read_text_list(r, req, "languages", rp);
            v.requirements.skills = read_text_list(r, req, "skills", rp);
            v.requirements.education_level = read_education_level(r, req, rp);
            v.requirements.text = r.text(req, "text", rp);
        }
        auto wish = r.field(vn, "wishes", p, false);
        std::string wp = key_path(p, "wishes");
        if (wish.IsDefined() && !wish.IsNull() && (r.check_map(wish, wp, {"skills", "certificates", "languages"}) || wish.IsMap())) {
            v.wishes.skills = read_text_list(r, wish, "skills", wp);
            v.wishes.certificates = read_text_list(r, wish, "certificates", wp);
            v.wishes.languages = read_text_list(r, wish, "languages", wp);
        }
        v.status = r.enumeration<vacancy_status>(vn, "status", p).value_or(vacancy_status::open);
        v.extra_json = read_extra(r, vn, p);
        if (start) {
            v.start = *start;
            if (v.end && *v.end < *start)
                r.error(r.field(vn, "end", p, false), key_path(p, "end"),
                        "vacancy ends (" + format_date(*v.end) + ") before it starts (" + format_date(*start) + ")");
        }
        out.push_back(std::move(v));
    }
    return out;
}

// -------------------------------------------------------------------------------------------------

static agency read_agency(node_reader& r, YAML::Node const& n, std::string const& path) {
    agency a;
    if (!r.check_map(n, path, {"name", "cao", "phase_labels", "lender_registered_from", "wtta_admitted_from",
                               "ziektewet_erd", "extra", "offices"}))
        if (!n.IsMap()) return a;
    a.name = r.name(n, "name", path, true).value_or("");
    a.cao = r.enumeration<cao_kind>(n, "cao", path, true).value_or(cao_kind::abu);
    a.labels = r.enumeration<phase_labels>(n, "phase_labels", path).value_or(phase_labels::letters);
    a.lender_registered_from = r.date(n, "lender_registered_from", path);
    a.wtta_admitted_from = r.date(n, "wtta_admitted_from", path);
    a.ziektewet_erd = r.boolean(n, "ziektewet_erd", path).value_or(false);
    a.extra_json = read_extra(r, n, path);
    a.offices = read_offices(r, n, path);  // v1.1
    return a;
}

static std::vector<client> read_clients(node_reader& r, YAML::Node const& n, std::string const& path) {
    std::vector<client> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    std::map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& cn = n[i];
        std::string cp = index_path(path, i);
        if (!r.check_map(cn, cp, {"id", "name", "strikes", "reference_wages", "extra", "vacancies"}) && !cn.IsMap()) continue;
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
        c.vacancies = read_vacancies(r, cn, cp);  // v1.1
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
                                 "renewal_notice_on", "ended_on", "ended_by", "extra", "concluded_on"}) &&
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
        c.concluded_on = r.date(cn, "concluded_on", p);  // v1.1; may lie before start (agreed in advance)
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
        if (!r.check_map(pn, p, {"id", "contract", "client", "function", "start", "end", "hourly_wage", "extra", "shifts"}) &&
            !pn.IsMap())
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
        pl.shifts = read_shifts(r, pn, p);  // v1.1
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
                               "languages", "postcode", "available_hours_per_week", "extra", "licences", "shifts",
                               "available_from", "max_travel_km", "place", "lat", "lon", "preferred_functions"}) &&
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
    // v1.1
    a.licences = read_text_list(r, n, "licences", path);
    a.shifts = read_shifts(r, n, path);
    a.available_from = r.date(n, "available_from", path);
    a.max_travel_km = r.decimal(n, "max_travel_km", path);
    a.place = r.text(n, "place", path);
    read_lat_lon(r, n, path, a.lat, a.lon);
    a.preferred_functions = read_text_list(r, n, "preferred_functions", path);
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

// v1.1: work before this agency (opvolgend werkgeverschap). Records have no id.
static std::vector<prior_employment> read_prior_employment(node_reader& r, YAML::Node const& n, std::string const& path,
                                                           std::set<std::string> const& client_ids) {
    std::vector<prior_employment> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& en = n[i];
        std::string p = index_path(path, i);
        if (!r.check_map(en, p, {"employer", "kind", "client", "start", "end", "same_work", "extra"}) && !en.IsMap())
            continue;
        prior_employment e;
        e.employer = r.text(en, "employer", p, true).value_or("");
        e.kind = r.enumeration<prior_employer_kind>(en, "kind", p, true).value_or(prior_employer_kind::other);
        e.client = r.text(en, "client", p);
        auto start = r.date(en, "start", p, true);
        e.end = r.date(en, "end", p);
        e.same_work = r.boolean(en, "same_work", p);
        e.extra_json = read_extra(r, en, p);
        if (e.client && !client_ids.count(*e.client)) {
            std::vector<std::string> names(client_ids.begin(), client_ids.end());
            dsl::diagnostic d{dsl::severity::error, "dossier", key_path(p, "client") + ": no client '" + *e.client + "'",
                              r.span_of(r.field(en, "client", p, false)), {}, dsl::closest_matches(*e.client, names)};
            r.diags().add(std::move(d));
        }
        if (start) {
            e.start = *start;
            if (e.end && *e.end < *start)
                r.error(r.field(en, "end", p, false), key_path(p, "end"),
                        "prior employment ends (" + format_date(*e.end) + ") before it starts (" + format_date(*start) + ")");
        }
        out.push_back(std::move(e));
    }
    return out;
}

// v1.1: evidence that a guidance task was done; `placement` must name a placement of this worker.
static std::vector<task_done> read_tasks_done(node_reader& r, YAML::Node const& n, std::string const& path,
                                              std::vector<placement> const& placements) {
    std::vector<task_done> out;
    if (!n.IsDefined() || n.IsNull() || !r.expect_seq(n, path)) return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        auto const& tn = n[i];
        std::string p = index_path(path, i);
        if (!r.check_map(tn, p, {"task", "placement", "on", "by", "how", "note", "extra"}) && !tn.IsMap()) continue;
        task_done t;
        t.task = r.text(tn, "task", p, true).value_or("");
        t.placement = r.text(tn, "placement", p);
        auto on = r.date(tn, "on", p, true);
        t.by = r.text(tn, "by", p);
        t.how = r.text(tn, "how", p);
        t.note = r.text(tn, "note", p);
        t.extra_json = read_extra(r, tn, p);
        if (t.placement) {
            bool found = false;
            std::vector<std::string> names;
            for (auto const& pl : placements) {
                found = found || pl.id == *t.placement;
                names.push_back(pl.id);
            }
            if (!found) {
                dsl::diagnostic d{dsl::severity::error, "dossier",
                                  key_path(p, "placement") + ": no placement '" + *t.placement + "' in this worker",
                                  r.span_of(r.field(tn, "placement", p, false)), {}, dsl::closest_matches(*t.placement, names)};
                r.diags().add(std::move(d));
            }
        }
        if (on) t.on = *on;
        out.push_back(std::move(t));
    }
    return out;
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
                                 "placements", "worked_weeks", "paid_holiday_weeks", "sickness", "application", "extra",
                                 "prior_employment", "language", "tasks_done"}) &&
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
        w.prior_employments = read_prior_employment(r, r.field(wn, "prior_employment", p, false),
                                                    key_path(p, "prior_employment"), client_ids);
        w.language = r.text(wn, "language", p);
        if (w.language) {
            auto const& s = *w.language;
            bool ok = s.size() >= 2 && s.size() <= 3;
            for (char ch : s) ok = ok && ch >= 'a' && ch <= 'z';
            if (!ok)
                r.error(r.field(wn, "language", p, false), key_path(p, "language"),
                        "expected an ISO 639 language code in lower case (nl, en, pl, ro), got '" + s + "'");
        }
        auto tasks_node = r.field(wn, "tasks_done", p, false);
        w.tasks_recorded = tasks_node.IsDefined() && !tasks_node.IsNull();
        w.tasks_done = read_tasks_done(r, tasks_node, key_path(p, "tasks_done"), w.placements);
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

// v1.1 writers. New keys are written only when they carry something, so that a v1 dossier exports
// exactly as before; `shifts` is written whenever it is known (an empty list is not "unknown").
static void put_text_list(YAML::Emitter& out, char const* key, std::vector<std::string> const& items) {
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (auto const& s : items) put_text(out, s);
    out << YAML::EndSeq;
}

static void put_shifts(YAML::Emitter& out, std::vector<shift_kind> const& shifts) {
    out << YAML::Flow << YAML::BeginSeq;
    for (auto k : shifts) out << to_string(k);
    out << YAML::EndSeq;
}

static void put_lat_lon(YAML::Emitter& out, std::optional<coordinate> const& lat, std::optional<coordinate> const& lon) {
    if (lat) out << YAML::Key << "lat" << YAML::Value << format_coordinate(*lat);
    if (lon) out << YAML::Key << "lon" << YAML::Value << format_coordinate(*lon);
}

static void put_vacancy(YAML::Emitter& out, vacancy const& v) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value;
    put_text(out, v.id);
    out << YAML::Key << "function" << YAML::Value;
    put_text(out, v.function);
    out << YAML::Key << "code" << YAML::Value;
    put_opt(out, v.code, [&](auto const& x) { put_text(out, x); });
    out << YAML::Key << "start" << YAML::Value << format_date(v.start);
    out << YAML::Key << "end" << YAML::Value;
    put_date(out, v.end);
    out << YAML::Key << "hours_per_week" << YAML::Value;
    put_opt(out, v.hours_per_week, [&](decimal x) { out << format_decimal(x); });
    out << YAML::Key << "shifts" << YAML::Value;
    put_opt(out, v.shifts, [&](auto const& x) { put_shifts(out, x); });
    out << YAML::Key << "hourly_wage" << YAML::Value;
    put_opt(out, v.hourly_wage, [&](money x) { out << format_money(x); });
    out << YAML::Key << "place" << YAML::Value;
    put_opt(out, v.place, [&](auto const& x) { put_text(out, x); });
    put_lat_lon(out, v.lat, v.lon);
    auto const& rq = v.requirements;
    out << YAML::Key << "requirements" << YAML::Value << YAML::BeginMap;
    put_text_list(out, "certificates", rq.certificates);
    put_text_list(out, "licences", rq.licences);
    put_text_list(out, "languages", rq.languages);
    put_text_list(out, "skills", rq.skills);
    out << YAML::Key << "education_level" << YAML::Value;
    put_opt(out, rq.education_level, [&](auto const& x) { put_text(out, x); });
    out << YAML::Key << "text" << YAML::Value;
    put_opt(out, rq.text, [&](auto const& x) { out << YAML::DoubleQuoted << x; });
    out << YAML::EndMap;
    out << YAML::Key << "wishes" << YAML::Value << YAML::Flow << YAML::BeginMap;
    put_text_list(out, "skills", v.wishes.skills);
    put_text_list(out, "certificates", v.wishes.certificates);
    put_text_list(out, "languages", v.wishes.languages);
    out << YAML::EndMap;
    out << YAML::Key << "status" << YAML::Value << to_string(v.status);
    put_extra(out, v.extra_json);
    out << YAML::EndMap;
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
    if (!a.offices.empty()) {  // v1.1
        out << YAML::Key << "offices" << YAML::Value << YAML::BeginSeq;
        for (auto const& o : a.offices) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
            put_text(out, o.id);
            out << YAML::Key << "name" << YAML::Value;
            put_text(out, o.name);
            put_extra(out, o.extra_json);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
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
        if (!c.vacancies.empty()) {  // v1.1
            out << YAML::Key << "vacancies" << YAML::Value << YAML::BeginSeq;
            for (auto const& v : c.vacancies) put_vacancy(out, v);
            out << YAML::EndSeq;
        }
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
        if (w.language) {  // v1.1
            out << YAML::Key << "language" << YAML::Value;
            put_text(out, *w.language);
        }
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
        if (!w.prior_employments.empty()) {  // v1.1: written only when there is any, so a v1 dossier exports as before
            out << YAML::Key << "prior_employment" << YAML::Value << YAML::BeginSeq;
            for (auto const& e : w.prior_employments) {
                out << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "employer" << YAML::Value;
                put_text(out, e.employer);
                out << YAML::Key << "kind" << YAML::Value << to_string(e.kind);
                out << YAML::Key << "client" << YAML::Value;
                put_opt(out, e.client, [&](auto const& v) { put_text(out, v); });
                out << YAML::Key << "start" << YAML::Value << format_date(e.start);
                out << YAML::Key << "end" << YAML::Value;
                put_date(out, e.end);
                out << YAML::Key << "same_work" << YAML::Value;
                put_opt(out, e.same_work, [&](bool v) { out << (v ? "true" : "false"); });
                put_extra(out, e.extra_json);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
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
            if (c.concluded_on) out << YAML::Key << "concluded_on" << YAML::Value << format_date(*c.concluded_on);  // v1.1
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
            if (p.shifts) {  // v1.1: absent = unknown, [] = none
                out << YAML::Key << "shifts" << YAML::Value;
                put_shifts(out, *p.shifts);
            }
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
        if (w.tasks_recorded || !w.tasks_done.empty()) {  // v1.1; [] = recorded, none done yet
            out << YAML::Key << "tasks_done" << YAML::Value << YAML::BeginSeq;
            for (auto const& t : w.tasks_done) {
                out << YAML::Flow << YAML::BeginMap;
                out << YAML::Key << "task" << YAML::Value;
                put_text(out, t.task);
                out << YAML::Key << "placement" << YAML::Value;
                put_opt(out, t.placement, [&](auto const& v) { put_text(out, v); });
                out << YAML::Key << "on" << YAML::Value << format_date(t.on);
                out << YAML::Key << "by" << YAML::Value;
                put_opt(out, t.by, [&](auto const& v) { out << YAML::DoubleQuoted << v; });
                out << YAML::Key << "how" << YAML::Value;
                put_opt(out, t.how, [&](auto const& v) { put_text(out, v); });
                out << YAML::Key << "note" << YAML::Value;
                put_opt(out, t.note, [&](auto const& v) { out << YAML::DoubleQuoted << v; });
                put_extra(out, t.extra_json);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
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
            // v1.1, each only when given
            if (!ap.licences.empty()) put_text_list(out, "licences", ap.licences);
            if (ap.shifts) {
                out << YAML::Key << "shifts" << YAML::Value;
                put_shifts(out, *ap.shifts);
            }
            if (ap.available_from) out << YAML::Key << "available_from" << YAML::Value << format_date(*ap.available_from);
            if (ap.max_travel_km) out << YAML::Key << "max_travel_km" << YAML::Value << format_decimal(*ap.max_travel_km);
            if (ap.place) {
                out << YAML::Key << "place" << YAML::Value;
                put_text(out, *ap.place);
            }
            put_lat_lon(out, ap.lat, ap.lon);
            if (!ap.preferred_functions.empty()) put_text_list(out, "preferred_functions", ap.preferred_functions);
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
