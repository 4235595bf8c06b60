// Field-by-field comparison of two dossiers in the engine model, independent of the YAML writer:
// a round trip that loses or changes a field (the writer dropping it, the store not keeping it) shows
// up here even when two exports agree with each other. Every field of model.hpp is compared; the
// result names each difference by its path, e.g. "workers[W1].contracts[C1].end: 2025-06-29 vs null".
#pragma once

#include "rw/engine/calendar.hpp"
#include "rw/engine/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rw::test {

class dossier_diff {
public:
    std::vector<std::string> out;

    static std::string show(std::string const& s) { return "'" + s + "'"; }
    static std::string show(engine::day d) { return engine::format_date(d); }
    static std::string show(engine::money m) { return engine::format_money(m); }
    static std::string show(engine::decimal v) { return engine::format_decimal(v); }
    static std::string show(engine::coordinate c) { return engine::format_coordinate(c); }
    static std::string show(engine::iso_week w) { return engine::format_iso_week(w); }
    static std::string show(bool b) { return b ? "true" : "false"; }
    static std::string show(int i) { return std::to_string(i); }
    template <typename E>
        requires std::is_enum_v<E>
    static std::string show(E e) {
        return engine::to_string(e);
    }
    static std::string show(engine::week_range const& r) { return show(r.first) + ".." + show(r.last); }
    template <typename T>
    static std::string show(std::vector<T> const& v) {
        std::string s = "[";
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + show(v[i]);
        return s + "]";
    }
    template <typename T>
    static std::string show(std::optional<T> const& o) {
        return o ? show(*o) : std::string("null");
    }

    template <typename T>
    void eq(std::string const& path, T const& a, T const& b) {
        if (!(a == b)) out.push_back(path + ": " + show(a) + " vs " + show(b));
    }
    bool same_size(std::string const& path, std::size_t a, std::size_t b) {
        if (a == b) return true;
        out.push_back(path + ": " + std::to_string(a) + " vs " + std::to_string(b) + " records");
        return false;
    }

    void agency(engine::agency const& a, engine::agency const& b) {
        eq("agency.name", a.name, b.name);
        eq("agency.cao", a.cao, b.cao);
        eq("agency.phase_labels", a.labels, b.labels);
        eq("agency.lender_registered_from", a.lender_registered_from, b.lender_registered_from);
        eq("agency.wtta_admitted_from", a.wtta_admitted_from, b.wtta_admitted_from);
        eq("agency.ziektewet_erd", a.ziektewet_erd, b.ziektewet_erd);
        eq("agency.extra", a.extra_json, b.extra_json);
        if (same_size("agency.offices", a.offices.size(), b.offices.size()))
            for (std::size_t i = 0; i < a.offices.size(); ++i) {
                std::string p = "agency.offices[" + a.offices[i].id + "]";
                eq(p + ".id", a.offices[i].id, b.offices[i].id);
                eq(p + ".name", a.offices[i].name, b.offices[i].name);
                eq(p + ".extra", a.offices[i].extra_json, b.offices[i].extra_json);
            }
    }

    void client(engine::client const& a, engine::client const& b) {
        std::string p = "clients[" + a.id + "]";
        eq(p + ".id", a.id, b.id);
        eq(p + ".name", a.name, b.name);
        eq(p + ".extra", a.extra_json, b.extra_json);
        if (same_size(p + ".strikes", a.strikes.size(), b.strikes.size()))
            for (std::size_t i = 0; i < a.strikes.size(); ++i) {
                eq(p + ".strikes[" + std::to_string(i) + "].from", a.strikes[i].from, b.strikes[i].from);
                eq(p + ".strikes[" + std::to_string(i) + "].to", a.strikes[i].to, b.strikes[i].to);
            }
        if (same_size(p + ".reference_wages", a.reference_wages.size(), b.reference_wages.size()))
            for (std::size_t i = 0; i < a.reference_wages.size(); ++i) {
                std::string q = p + ".reference_wages[" + std::to_string(i) + "]";
                eq(q + ".function", a.reference_wages[i].function, b.reference_wages[i].function);
                eq(q + ".hourly", a.reference_wages[i].hourly, b.reference_wages[i].hourly);
                eq(q + ".from", a.reference_wages[i].from, b.reference_wages[i].from);
            }
        if (same_size(p + ".vacancies", a.vacancies.size(), b.vacancies.size()))
            for (std::size_t i = 0; i < a.vacancies.size(); ++i) vacancy(p, a.vacancies[i], b.vacancies[i]);
    }

    void vacancy(std::string const& owner, engine::vacancy const& a, engine::vacancy const& b) {
        std::string p = owner + ".vacancies[" + a.id + "]";
        eq(p + ".id", a.id, b.id);
        eq(p + ".function", a.function, b.function);
        eq(p + ".code", a.code, b.code);
        eq(p + ".start", a.start, b.start);
        eq(p + ".end", a.end, b.end);
        eq(p + ".hours_per_week", a.hours_per_week, b.hours_per_week);
        eq(p + ".shifts", a.shifts, b.shifts);
        eq(p + ".hourly_wage", a.hourly_wage, b.hourly_wage);
        eq(p + ".place", a.place, b.place);
        eq(p + ".lat", a.lat, b.lat);
        eq(p + ".lon", a.lon, b.lon);
        eq(p + ".requirements.certificates", a.requirements.certificates, b.requirements.certificates);
        eq(p + ".requirements.licences", a.requirements.licences, b.requirements.licences);
        eq(p + ".requirements.languages", a.requirements.languages, b.requirements.languages);
        eq(p + ".requirements.skills", a.requirements.skills, b.requirements.skills);
        eq(p + ".requirements.education_level", a.requirements.education_level, b.requirements.education_level);
        eq(p + ".requirements.text", a.requirements.text, b.requirements.text);
        eq(p + ".wishes.skills", a.wishes.skills, b.wishes.skills);
        eq(p + ".wishes.certificates", a.wishes.certificates, b.wishes.certificates);
        eq(p + ".wishes.languages", a.wishes.languages, b.wishes.languages);
        eq(p + ".status", a.status, b.status);
        eq(p + ".extra", a.extra_json, b.extra_json);
    }

    void worker(engine::worker const& a, engine::worker const& b) {
        std::string p = "workers[" + a.id + "]";
        eq(p + ".id", a.id, b.id);
        eq(p + ".name", a.name, b.name);
        eq(p + ".birth_date", a.birth_date, b.birth_date);
        eq(p + ".nationality", a.nationality, b.nationality);
        eq(p + ".extra", a.extra_json, b.extra_json);
        eq(p + ".language", a.language, b.language);
        if (same_size(p + ".identity", a.ident.has_value(), b.ident.has_value()) && a.ident) {
            auto const &x = *a.ident, &y = *b.ident;
            eq(p + ".identity.document", x.document, y.document);
            eq(p + ".identity.number", x.number, y.number);
            eq(p + ".identity.expires", x.expires, y.expires);
            eq(p + ".identity.checked_on", x.checked_on, y.checked_on);
            eq(p + ".identity.copy_kept", x.copy_kept, y.copy_kept);
            eq(p + ".identity.extra", x.extra_json, y.extra_json);
        }
        if (same_size(p + ".work_permit", a.permit.has_value(), b.permit.has_value()) && a.permit) {
            auto const &x = *a.permit, &y = *b.permit;
            eq(p + ".work_permit.kind", x.kind, y.kind);
            eq(p + ".work_permit.valid_from", x.valid_from, y.valid_from);
            eq(p + ".work_permit.valid_until", x.valid_until, y.valid_until);
            eq(p + ".work_permit.notified_on", x.notified_on, y.notified_on);
            eq(p + ".work_permit.extra", x.extra_json, y.extra_json);
        }
        if (same_size(p + ".contracts", a.contracts.size(), b.contracts.size()))
            for (std::size_t i = 0; i < a.contracts.size(); ++i) {
                auto const &x = a.contracts[i], &y = b.contracts[i];
                std::string q = p + ".contracts[" + x.id + "]";
                eq(q + ".id", x.id, y.id);
                eq(q + ".kind", x.kind, y.kind);
                eq(q + ".start", x.start, y.start);
                eq(q + ".end", x.end, y.end);
                eq(q + ".hours_per_week", x.hours_per_week, y.hours_per_week);
                eq(q + ".probation_months", x.probation_months, y.probation_months);
                eq(q + ".renewal_notice_on", x.renewal_notice_on, y.renewal_notice_on);
                eq(q + ".ended_on", x.ended_on, y.ended_on);
                eq(q + ".ended_by", x.ended_by, y.ended_by);
                eq(q + ".concluded_on", x.concluded_on, y.concluded_on);
                eq(q + ".extra", x.extra_json, y.extra_json);
            }
        if (same_size(p + ".placements", a.placements.size(), b.placements.size()))
            for (std::size_t i = 0; i < a.placements.size(); ++i) {
                auto const &x = a.placements[i], &y = b.placements[i];
                std::string q = p + ".placements[" + x.id + "]";
                eq(q + ".id", x.id, y.id);
                eq(q + ".contract", x.contract, y.contract);
                eq(q + ".client", x.client, y.client);
                eq(q + ".function", x.function, y.function);
                eq(q + ".start", x.start, y.start);
                eq(q + ".end", x.end, y.end);
                eq(q + ".hourly_wage", x.hourly_wage, y.hourly_wage);
                eq(q + ".shifts", x.shifts, y.shifts);
                eq(q + ".extra", x.extra_json, y.extra_json);
            }
        eq(p + ".worked_weeks", a.worked_weeks, b.worked_weeks);
        eq(p + ".paid_holiday_weeks", a.paid_holiday_weeks, b.paid_holiday_weeks);
        if (same_size(p + ".sickness", a.sicknesses.size(), b.sicknesses.size()))
            for (std::size_t i = 0; i < a.sicknesses.size(); ++i) {
                auto const &x = a.sicknesses[i], &y = b.sicknesses[i];
                std::string q = p + ".sickness[" + std::to_string(i) + "]";
                eq(q + ".first_day", x.first_day, y.first_day);
                eq(q + ".recovered_on", x.recovered_on, y.recovered_on);
                eq(q + ".steps.bedrijfsarts_melding", x.steps.bedrijfsarts_melding, y.steps.bedrijfsarts_melding);
                eq(q + ".steps.probleemanalyse", x.steps.probleemanalyse, y.steps.probleemanalyse);
                eq(q + ".steps.plan_van_aanpak", x.steps.plan_van_aanpak, y.steps.plan_van_aanpak);
                eq(q + ".steps.uwv_ziekmelding", x.steps.uwv_ziekmelding, y.steps.uwv_ziekmelding);
                eq(q + ".steps.eerstejaarsevaluatie", x.steps.eerstejaarsevaluatie, y.steps.eerstejaarsevaluatie);
                eq(q + ".steps.wia_aanvraag", x.steps.wia_aanvraag, y.steps.wia_aanvraag);
                eq(q + ".extra", x.extra_json, y.extra_json);
            }
        if (same_size(p + ".application", a.appl.has_value(), b.appl.has_value()) && a.appl) {
            auto const &x = *a.appl, &y = *b.appl;
            std::string q = p + ".application";
            eq(q + ".status", x.status, y.status);
            eq(q + ".closed_on", x.closed_on, y.closed_on);
            eq(q + ".retention_consent", x.retention_consent, y.retention_consent);
            eq(q + ".skills", x.skills, y.skills);
            if (same_size(q + ".certificates", x.certificates.size(), y.certificates.size()))
                for (std::size_t i = 0; i < x.certificates.size(); ++i) {
                    eq(q + ".certificates[" + std::to_string(i) + "].name", x.certificates[i].name, y.certificates[i].name);
                    eq(q + ".certificates[" + std::to_string(i) + "].valid_until", x.certificates[i].valid_until,
                       y.certificates[i].valid_until);
                }
            eq(q + ".education_level", x.education_level, y.education_level);
            eq(q + ".languages", x.languages, y.languages);
            eq(q + ".postcode", x.postcode, y.postcode);
            eq(q + ".available_hours_per_week", x.available_hours_per_week, y.available_hours_per_week);
            eq(q + ".extra", x.extra_json, y.extra_json);
            eq(q + ".licences", x.licences, y.licences);
            eq(q + ".shifts", x.shifts, y.shifts);
            eq(q + ".available_from", x.available_from, y.available_from);
            eq(q + ".max_travel_km", x.max_travel_km, y.max_travel_km);
            eq(q + ".place", x.place, y.place);
            eq(q + ".lat", x.lat, y.lat);
            eq(q + ".lon", x.lon, y.lon);
            eq(q + ".preferred_functions", x.preferred_functions, y.preferred_functions);
        }
        if (same_size(p + ".prior_employment", a.prior_employments.size(), b.prior_employments.size()))
            for (std::size_t i = 0; i < a.prior_employments.size(); ++i) {
                auto const &x = a.prior_employments[i], &y = b.prior_employments[i];
                std::string q = p + ".prior_employment[" + std::to_string(i) + "]";
                eq(q + ".employer", x.employer, y.employer);
                eq(q + ".kind", x.kind, y.kind);
                eq(q + ".client", x.client, y.client);
                eq(q + ".start", x.start, y.start);
                eq(q + ".end", x.end, y.end);
                eq(q + ".same_work", x.same_work, y.same_work);
                eq(q + ".extra", x.extra_json, y.extra_json);
            }
        eq(p + ".tasks_recorded", a.tasks_recorded, b.tasks_recorded);
        if (same_size(p + ".tasks_done", a.tasks_done.size(), b.tasks_done.size()))
            for (std::size_t i = 0; i < a.tasks_done.size(); ++i) {
                auto const &x = a.tasks_done[i], &y = b.tasks_done[i];
                std::string q = p + ".tasks_done[" + std::to_string(i) + "]";
                eq(q + ".task", x.task, y.task);
                eq(q + ".placement", x.placement, y.placement);
                eq(q + ".on", x.on, y.on);
                eq(q + ".by", x.by, y.by);
                eq(q + ".how", x.how, y.how);
                eq(q + ".note", x.note, y.note);
                eq(q + ".extra", x.extra_json, y.extra_json);
            }
    }
};

/// Every difference between `expected` and `actual` (same order of clients and workers), as text;
/// empty when they are equal in every field.
inline std::vector<std::string> dossier_differences(engine::dossier const& expected, engine::dossier const& actual) {
    dossier_diff d;
    d.agency(expected.agency_info, actual.agency_info);
    if (d.same_size("clients", expected.clients.size(), actual.clients.size()))
        for (std::size_t i = 0; i < expected.clients.size(); ++i) d.client(expected.clients[i], actual.clients[i]);
    if (d.same_size("workers", expected.workers.size(), actual.workers.size()))
        for (std::size_t i = 0; i < expected.workers.size(); ++i) d.worker(expected.workers[i], actual.workers[i]);
    return d.out;
}

inline std::string joined(std::vector<std::string> const& lines, std::size_t max = 20) {
    std::string s;
    for (std::size_t i = 0; i < lines.size() && i < max; ++i) s += lines[i] + "\n";
    if (lines.size() > max) s += "... and " + std::to_string(lines.size() - max) + " more\n";
    return s;
}

}  // namespace rw::test
