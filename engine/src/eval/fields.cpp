// Entity fields (see fields.hpp). Field names are Dutch; enumeration members keep the dossier
// format's spelling. An identity number is deliberately not exposed to rules (privacy).
#include "fields.hpp"

#include "context.hpp"

#include <array>
#include <cmath>

namespace rw::engine::detail {

namespace {

value opt_date(opt_day const& d) { return d ? value::date(*d) : value{}; }
template <typename E>
value opt_enum(enum_id id, std::optional<E> const& e) {
    return e ? value::enumeration(id, static_cast<int>(*e)) : value{};
}
value opt_bool(std::optional<bool> const& b) { return b ? value::boolean(*b) : value{}; }
value opt_text(std::optional<std::string> const& s) { return s ? value::text(&*s) : value{}; }

template <typename T>
list_data entity_list(eval_context& ctx, entity_id e, std::vector<T> const& items) {
    value* out = ctx.lists.alloc(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = value::entity(e, &items[i]);
    return {out, items.size()};
}

value list_value(eval_context& ctx, list_data l) { return ctx.list_value(l); }

// Matching (issue 12): lists of dossier texts and shifts.
value text_list(eval_context& ctx, std::vector<std::string> const& items) {
    value* out = ctx.lists.alloc(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = value::text(&items[i]);
    return ctx.list_value({out, items.size()});
}
value shift_list(eval_context& ctx, std::optional<std::vector<shift_kind>> const& sh) {
    if (!sh) return value{};
    value* out = ctx.lists.alloc(sh->size());
    for (std::size_t i = 0; i < sh->size(); ++i) out[i] = value::enumeration(enum_id::shift, static_cast<int>((*sh)[i]));
    return ctx.list_value({out, sh->size()});
}
value opt_decimal(std::optional<decimal> const& d) { return d ? value::number_milli(d->milli) : value{}; }
/// Great-circle distance (haversine, earth radius 6371 km) in km, rounded to 0.1 km; leeg when a
/// side has no coordinates. The only floating point in the engine: a distance, never money.
value distance_km(vacancy const& v, worker const* w) {
    if (!w || !w->appl || !v.lat || !v.lon || !w->appl->lat || !w->appl->lon) return value{};
    constexpr double pi = 3.14159265358979323846, rad = pi / 180.0 / 1e7;
    double la1 = static_cast<double>(v.lat->e7) * rad, lo1 = static_cast<double>(v.lon->e7) * rad;
    double la2 = static_cast<double>(w->appl->lat->e7) * rad, lo2 = static_cast<double>(w->appl->lon->e7) * rad;
    double a = std::pow(std::sin((la2 - la1) / 2), 2) + std::cos(la1) * std::cos(la2) * std::pow(std::sin((lo2 - lo1) / 2), 2);
    double km = 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
    return value::number_milli(static_cast<std::int64_t>(std::llround(km * 10.0)) * 100);
}

list_data week_list(eval_context& ctx, std::vector<week_range> const& ranges) {
    std::size_t n = 0;
    for (auto const& r : ranges) n += static_cast<std::size_t>((monday_of(r.last) - monday_of(r.first)).count() / 7 + 1);
    value* out = ctx.lists.alloc(n);
    std::size_t k = 0;
    for (auto const& r : ranges)
        for (auto m = monday_of(r.first); m <= monday_of(r.last); m += date::days{7}) out[k++] = value::week(m);
    return {out, n};
}

using W = worker;
using A = agency;
using C = contract;
using P = placement;
using Z = sickness;
using K = client;

template <typename T>
T const& as(void const* p) {
    return *static_cast<T const*>(p);
}

entity_field_table build(entity_id e) {
    entity_field_table t;
    auto add = [&](char const* name, type ty, field_getter g, char const* ground = nullptr) {
        t.infos.push_back({name, ty, static_cast<std::uint16_t>(t.infos.size()), ground});
        t.getters.push_back(g);
    };
    type const txt = type::of(type_kind::text), dt = type::of(type_kind::date), bl = type::of(type_kind::boolean),
               num = type::of(type_kind::number), mon = type::of(type_kind::money);
    switch (e) {
        case entity_id::werker:
            add("id", txt, [](void const* p, eval_context&) { return value::text(&as<W>(p).id); });
            // Matching (issue 12): the last argument is the protected ground a field reveals (AWGB
            // art. 1, AVG art. 9): a criterion may not read it (RW5301); rules may.
            add("naam", txt, [](void const* p, eval_context&) { return value::text(&as<W>(p).name); },
                "geslacht of afkomst (de naam)");
            add("geboortedatum", dt, [](void const* p, eval_context&) { return opt_date(as<W>(p).birth_date); }, "leeftijd");
            add("nationaliteit", txt, [](void const* p, eval_context&) { return opt_text(as<W>(p).nationality); },
                "nationaliteit");
            add("identiteit", type::entity(entity_id::identiteit), [](void const* p, eval_context&) {
                auto const& w = as<W>(p);
                return w.ident ? value::entity(entity_id::identiteit, &*w.ident) : value{};
            });
            add("vergunning", type::entity(entity_id::vergunning), [](void const* p, eval_context&) {
                auto const& w = as<W>(p);
                return w.permit ? value::entity(entity_id::vergunning, &*w.permit) : value{};
            }, "nationaliteit (verblijfsstatus)");
            add("sollicitatie", type::entity(entity_id::sollicitatie), [](void const* p, eval_context&) {
                auto const& w = as<W>(p);
                return w.appl ? value::entity(entity_id::sollicitatie, &*w.appl) : value{};
            });
            add("contracten", type::list_of(type::entity(entity_id::contract)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::contract, as<W>(p).contracts));
            });
            add("plaatsingen", type::list_of(type::entity(entity_id::plaatsing)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::plaatsing, as<W>(p).placements));
            });
            add("ziektes", type::list_of(type::entity(entity_id::ziekte)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::ziekte, as<W>(p).sicknesses));
            }, "handicap of chronische ziekte (gezondheid)");
            add("gewerkte_weken", type::list_of(type::of(type_kind::week)), [](void const* p, eval_context& ctx) {
                if (&as<W>(p) == ctx.w) {
                    if (!ctx.worked_weeks) {
                        ctx.worked_weeks = week_list(ctx, ctx.w->worked_weeks);
                        if (ctx.K < ctx.R) {  // a scenario: recorded up to K, projected from K to R
                            std::vector<day> ms;
                            for (auto const& v : *ctx.worked_weeks) ms.push_back(v.as_date());
                            ms = temporal::known_then_projected(std::move(ms), ctx.w->contracts, ctx.K, ctx.R);
                            value* out = ctx.lists.alloc(ms.size());
                            for (std::size_t i = 0; i < ms.size(); ++i) out[i] = value::week(ms[i]);
                            ctx.worked_weeks = list_data{out, ms.size()};
                        }
                    }
                    return list_value(ctx, *ctx.worked_weeks);
                }
                return list_value(ctx, week_list(ctx, as<W>(p).worked_weeks));
            });
            add("vakantieweken", type::list_of(type::of(type_kind::week)), [](void const* p, eval_context& ctx) {
                if (&as<W>(p) == ctx.w) {
                    if (!ctx.holiday_weeks) ctx.holiday_weeks = week_list(ctx, ctx.w->paid_holiday_weeks);
                    return list_value(ctx, *ctx.holiday_weeks);
                }
                return list_value(ctx, week_list(ctx, as<W>(p).paid_holiday_weeks));
            });
            // v1.1
            add("eerder_werk", type::list_of(type::entity(entity_id::eerder_werk)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::eerder_werk, as<W>(p).prior_employments));
            });
            add("taken", type::list_of(type::entity(entity_id::taak)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::taak, as<W>(p).tasks_done));
            });
            add("taal", txt, [](void const* p, eval_context&) { return opt_text(as<W>(p).language); },
                "nationaliteit of afkomst (taal van de werker)");
            // Guidance evidence is kept for this worker (tasks_done given); without it no guidance task can fall due.
            add("taken_bijgehouden", type::of(type_kind::boolean),
                [](void const* p, eval_context&) { return value::boolean(as<W>(p).tasks_recorded); });
            break;
        case entity_id::bureau:
            add("naam", txt, [](void const* p, eval_context&) { return value::text(&as<A>(p).name); });
            add("cao", type::enumeration(enum_id::cao),
                [](void const* p, eval_context&) { return value::enumeration(enum_id::cao, static_cast<int>(as<A>(p).cao)); });
            add("fase_labels", type::enumeration(enum_id::labels), [](void const* p, eval_context&) {
                return value::enumeration(enum_id::labels, static_cast<int>(as<A>(p).labels));
            });
            add("uitlener_geregistreerd_vanaf", dt,
                [](void const* p, eval_context&) { return opt_date(as<A>(p).lender_registered_from); });
            add("wtta_toegelaten_vanaf", dt, [](void const* p, eval_context&) { return opt_date(as<A>(p).wtta_admitted_from); });
            add("eigenrisicodrager_ziektewet", bl, [](void const* p, eval_context&) { return value::boolean(as<A>(p).ziektewet_erd); });
            break;
        case entity_id::identiteit:
            add("document", type::enumeration(enum_id::document),
                [](void const* p, eval_context&) { return opt_enum(enum_id::document, as<identity>(p).document); });
            add("verloopt", dt, [](void const* p, eval_context&) { return opt_date(as<identity>(p).expires); });
            add("gecontroleerd_op", dt, [](void const* p, eval_context&) { return opt_date(as<identity>(p).checked_on); });
            add("kopie_bewaard", bl, [](void const* p, eval_context&) { return opt_bool(as<identity>(p).copy_kept); });
            break;
        case entity_id::vergunning:
            add("soort", type::enumeration(enum_id::permit), [](void const* p, eval_context&) {
                return value::enumeration(enum_id::permit, static_cast<int>(as<work_permit>(p).kind));
            });
            add("geldig_vanaf", dt, [](void const* p, eval_context&) { return opt_date(as<work_permit>(p).valid_from); });
            add("geldig_tot", dt, [](void const* p, eval_context&) { return opt_date(as<work_permit>(p).valid_until); });
            add("gemeld_op", dt, [](void const* p, eval_context&) { return opt_date(as<work_permit>(p).notified_on); });
            break;
        case entity_id::sollicitatie:
            add("status", type::enumeration(enum_id::status), [](void const* p, eval_context&) {
                return value::enumeration(enum_id::status, static_cast<int>(as<application>(p).status));
            });
            add("gesloten_op", dt, [](void const* p, eval_context&) { return opt_date(as<application>(p).closed_on); });
            add("bewaartoestemming", bl,
                [](void const* p, eval_context&) { return opt_bool(as<application>(p).retention_consent); });
            // Matching (issue 12): the candidate's profile.
            add("vaardigheden", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<application>(p).skills); });
            add("certificaten", type::list_of(type::entity(entity_id::certificaat)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::certificaat, as<application>(p).certificates));
            });
            add("opleiding", txt, [](void const* p, eval_context&) { return opt_text(as<application>(p).education_level); });
            add("talen", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<application>(p).languages); });
            add("postcode", txt, [](void const* p, eval_context&) { return opt_text(as<application>(p).postcode); });
            add("uren", num, [](void const* p, eval_context&) { return opt_decimal(as<application>(p).available_hours_per_week); });
            add("rijbewijzen", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<application>(p).licences); });
            add("diensten", type::list_of(type::enumeration(enum_id::shift)),
                [](void const* p, eval_context& ctx) { return shift_list(ctx, as<application>(p).shifts); });
            add("beschikbaar_vanaf", dt, [](void const* p, eval_context&) { return opt_date(as<application>(p).available_from); });
            add("max_reisafstand", num, [](void const* p, eval_context&) { return opt_decimal(as<application>(p).max_travel_km); });
            add("plaats", txt, [](void const* p, eval_context&) { return opt_text(as<application>(p).place); });
            add("voorkeursfuncties", type::list_of(txt),
                [](void const* p, eval_context& ctx) { return text_list(ctx, as<application>(p).preferred_functions); });
            break;
        case entity_id::certificaat:
            add("naam", txt, [](void const* p, eval_context&) { return value::text(&as<certificate>(p).name); });
            add("geldig_tot", dt, [](void const* p, eval_context&) { return opt_date(as<certificate>(p).valid_until); });
            break;
        case entity_id::vacature: {
            using V = vacancy;
            add("id", txt, [](void const* p, eval_context&) { return value::text(&as<V>(p).id); });
            add("functie", txt, [](void const* p, eval_context&) { return value::text(&as<V>(p).function); });
            add("code", txt, [](void const* p, eval_context&) { return opt_text(as<V>(p).code); });
            add("start", dt, [](void const* p, eval_context&) { return value::date(as<V>(p).start); });
            add("einde", dt, [](void const* p, eval_context&) { return opt_date(as<V>(p).end); });
            // The last day of the assignment: its end, or for an open end one year after the start
            // (the scenario's horizon, scenario.hpp horizon_end).
            add("laatste_dag", dt, [](void const* p, eval_context&) {
                auto const& v = as<V>(p);
                return value::date(v.end ? *v.end : add_months(v.start, 12));
            });
            add("uren", num, [](void const* p, eval_context&) { return opt_decimal(as<V>(p).hours_per_week); });
            add("diensten", type::list_of(type::enumeration(enum_id::shift)),
                [](void const* p, eval_context& ctx) { return shift_list(ctx, as<V>(p).shifts); });
            add("uurloon", mon, [](void const* p, eval_context&) {
                auto const& m = as<V>(p).hourly_wage;
                return m ? value::cents(m->cents) : value{};
            });
            add("plaats", txt, [](void const* p, eval_context&) { return opt_text(as<V>(p).place); });
            add("klant", type::entity(entity_id::klant), [](void const* p, eval_context& ctx) {
                return &as<V>(p) == ctx.vac && ctx.vac_client ? value::entity(entity_id::klant, ctx.vac_client) : value{};
            });
            add("eisen", type::entity(entity_id::eisen),
                [](void const* p, eval_context&) { return value::entity(entity_id::eisen, &as<V>(p).requirements); });
            add("wensen", type::entity(entity_id::wensen),
                [](void const* p, eval_context&) { return value::entity(entity_id::wensen, &as<V>(p).wishes); });
            // Km between the vacancy's and the candidate's coordinates; leeg without coordinates.
            add("afstand", num, [](void const* p, eval_context& ctx) { return distance_km(as<V>(p), ctx.w); });
            break;
        }
        case entity_id::eisen: {
            using E = vacancy_requirements;
            add("certificaten", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).certificates); });
            add("rijbewijzen", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).licences); });
            add("talen", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).languages); });
            add("vaardigheden", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).skills); });
            add("opleiding", txt, [](void const* p, eval_context&) { return opt_text(as<E>(p).education_level); });
            add("tekst", txt, [](void const* p, eval_context&) { return opt_text(as<E>(p).text); });
            break;
        }
        case entity_id::wensen: {
            using E = vacancy_wishes;
            add("vaardigheden", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).skills); });
            add("certificaten", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).certificates); });
            add("talen", type::list_of(txt), [](void const* p, eval_context& ctx) { return text_list(ctx, as<E>(p).languages); });
            break;
        }
        case entity_id::contract:
            add("id", txt, [](void const* p, eval_context&) { return value::text(&as<C>(p).id); });
            add("soort", type::enumeration(enum_id::contract_kind), [](void const* p, eval_context&) {
                return value::enumeration(enum_id::contract_kind, static_cast<int>(as<C>(p).kind));
            });
            add("start", dt, [](void const* p, eval_context&) { return value::date(as<C>(p).start); });
            add("einde", dt, [](void const* p, eval_context&) { return opt_date(as<C>(p).effective_end()); });
            add("overeengekomen_einde", dt, [](void const* p, eval_context&) { return opt_date(as<C>(p).end); });
            add("beeindigd_op", dt, [](void const* p, eval_context&) { return opt_date(as<C>(p).ended_on); });
            add("uren", num, [](void const* p, eval_context&) {
                auto const& h = as<C>(p).hours_per_week;
                return h ? value::number_milli(h->milli) : value{};
            });
            add("proeftijd", type::of(type_kind::months), [](void const* p, eval_context&) {
                return value::duration(value_kind::months, as<C>(p).probation_months.value_or(0));
            });
            add("aanzegging_op", dt, [](void const* p, eval_context&) { return opt_date(as<C>(p).renewal_notice_on); });
            add("beeindigd_door", type::enumeration(enum_id::ended_by),
                [](void const* p, eval_context&) { return opt_enum(enum_id::ended_by, as<C>(p).ended_by); });
            // v1.1: concluded_on, or the start when it was not recorded (dossier-format.md).
            add("gesloten_op", dt, [](void const* p, eval_context&) { return value::date(as<C>(p).concluded()); });
            add("plaatsingen", type::list_of(type::entity(entity_id::plaatsing)), [](void const* p, eval_context& ctx) {
                auto const& c = as<C>(p);
                std::vector<value> out;
                for (auto const& pl : ctx.w->placements)
                    if (pl.contract == c.id) out.push_back(value::entity(entity_id::plaatsing, &pl));
                return list_value(ctx, ctx.make_list(out));
            });
            add("klanten", type::list_of(type::entity(entity_id::klant)), [](void const* p, eval_context& ctx) {
                auto const& c = as<C>(p);
                std::vector<value> out;
                for (auto const& pl : ctx.w->placements)
                    if (pl.contract == c.id)
                        if (auto const* k = ctx.clients->find(pl.client)) {
                            bool seen = false;
                            for (auto const& v : out) seen = seen || v.p == k;
                            if (!seen) out.push_back(value::entity(entity_id::klant, k));
                        }
                return list_value(ctx, ctx.make_list(out));
            });
            break;
        case entity_id::plaatsing:
            add("id", txt, [](void const* p, eval_context&) { return value::text(&as<P>(p).id); });
            add("contract", type::entity(entity_id::contract), [](void const* p, eval_context& ctx) {
                return value::entity(entity_id::contract, ctx.contract_of(as<P>(p)));
            });
            add("klant", type::entity(entity_id::klant), [](void const* p, eval_context& ctx) {
                return value::entity(entity_id::klant, ctx.clients->find(as<P>(p).client));
            });
            add("functie", txt, [](void const* p, eval_context&) { return opt_text(as<P>(p).function); });
            add("start", dt, [](void const* p, eval_context&) { return value::date(as<P>(p).start); });
            add("einde", dt, [](void const* p, eval_context&) { return opt_date(as<P>(p).end); });
            add("uurloon", mon, [](void const* p, eval_context&) {
                auto const& m = as<P>(p).hourly_wage;
                return m ? value::cents(m->cents) : value{};
            });
            // v1.1: leeg when not given (no shift rule can fire), an empty list when none.
            add("diensten", type::list_of(type::enumeration(enum_id::shift)), [](void const* p, eval_context& ctx) {
                auto const& sh = as<P>(p).shifts;
                if (!sh) return value{};
                value* out = ctx.lists.alloc(sh->size());
                for (std::size_t i = 0; i < sh->size(); ++i) out[i] = value::enumeration(enum_id::shift, static_cast<int>((*sh)[i]));
                return list_value(ctx, {out, sh->size()});
            });
            break;
        case entity_id::ziekte:
            add("eerste_dag", dt, [](void const* p, eval_context&) { return value::date(as<Z>(p).first_day); });
            add("hersteld_op", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).recovered_on); });
            add("bedrijfsarts_melding", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.bedrijfsarts_melding); });
            add("probleemanalyse", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.probleemanalyse); });
            add("plan_van_aanpak", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.plan_van_aanpak); });
            add("uwv_ziekmelding", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.uwv_ziekmelding); });
            add("eerstejaarsevaluatie", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.eerstejaarsevaluatie); });
            add("wia_aanvraag", dt, [](void const* p, eval_context&) { return opt_date(as<Z>(p).steps.wia_aanvraag); });
            add("nummer", num, [](void const* p, eval_context& ctx) {
                auto const* z = static_cast<Z const*>(p);
                return value::integer(z - ctx.w->sicknesses.data() + 1);
            });
            break;
        case entity_id::klant:
            add("id", txt, [](void const* p, eval_context&) { return value::text(&as<K>(p).id); });
            add("naam", txt, [](void const* p, eval_context&) { return value::text(&as<K>(p).name); });
            add("stakingen", type::list_of(type::entity(entity_id::staking)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::staking, as<K>(p).strikes));
            });
            add("referentielonen", type::list_of(type::entity(entity_id::referentieloon)), [](void const* p, eval_context& ctx) {
                return list_value(ctx, entity_list(ctx, entity_id::referentieloon, as<K>(p).reference_wages));
            });
            break;
        case entity_id::staking:
            add("begin", dt, [](void const* p, eval_context&) { return value::date(as<period>(p).from); });
            add("einde", dt, [](void const* p, eval_context&) { return value::date(as<period>(p).to); });
            break;
        case entity_id::referentieloon:
            add("functie", txt, [](void const* p, eval_context&) { return value::text(&as<reference_wage>(p).function); });
            add("uurloon", mon, [](void const* p, eval_context&) { return value::cents(as<reference_wage>(p).hourly.cents); });
            add("vanaf", dt, [](void const* p, eval_context&) { return value::date(as<reference_wage>(p).from); });
            break;
        case entity_id::ziektegeval: {
            using G = ziektegeval_data;
            add("eerste_dag", dt, [](void const* p, eval_context&) { return value::date(as<G>(p).first_day); });
            add("hersteld_op", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).recovered_on); });
            add("bedrijfsarts_melding", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.bedrijfsarts_melding); });
            add("probleemanalyse", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.probleemanalyse); });
            add("plan_van_aanpak", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.plan_van_aanpak); });
            add("uwv_ziekmelding", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.uwv_ziekmelding); });
            add("eerstejaarsevaluatie", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.eerstejaarsevaluatie); });
            add("wia_aanvraag", dt, [](void const* p, eval_context&) { return opt_date(as<G>(p).steps.wia_aanvraag); });
            add("perioden", num, [](void const* p, eval_context&) {
                return value::integer(static_cast<std::int64_t>(as<G>(p).periods.size()));
            });
            add("ziekte", type::entity(entity_id::ziekte), [](void const* p, eval_context&) {
                return value::entity(entity_id::ziekte, as<G>(p).periods.front());
            });
            break;
        }
        case entity_id::fasering:
            add("fase_a_begin", dt, [](void const* p, eval_context&) { return opt_date(as<fasering_data>(p).fase_a_begin); });
            add("fase_a_weken", type::of(type_kind::weeks), [](void const* p, eval_context&) {
                return value::duration(value_kind::weeks, as<fasering_data>(p).fase_a_weken);
            });
            add("fase_b_start", dt, [](void const* p, eval_context&) { return opt_date(as<fasering_data>(p).fase_b_start); });
            add("fase_c_start", dt, [](void const* p, eval_context&) { return opt_date(as<fasering_data>(p).fase_c_start); });
            add("fase_b_contracten", num,
                [](void const* p, eval_context&) { return value::integer(as<fasering_data>(p).fase_b_contracten); });
            break;
        case entity_id::keten:
            add("start", dt, [](void const* p, eval_context&) { return value::date(as<keten_data>(p).start); });
            add("begin", dt, [](void const* p, eval_context&) { return value::date(as<keten_data>(p).first_start); });
            add("telt_vanaf", dt, [](void const* p, eval_context&) { return opt_date(as<keten_data>(p).counts_from); });
            add("contracten", num, [](void const* p, eval_context&) { return value::integer(as<keten_data>(p).contracts); });
            add("overschreden_op", dt, [](void const* p, eval_context&) { return opt_date(as<keten_data>(p).crossed_on); });
            add("contract", type::entity(entity_id::contract), [](void const* p, eval_context&) {
                return value::entity(entity_id::contract, as<keten_data>(p).crossing_contract);
            });
            add("reden", txt, [](void const* p, eval_context&) { return value::text(&as<keten_data>(p).reason); });
            add("einde", dt, [](void const* p, eval_context&) { return opt_date(as<keten_data>(p).end); });
            break;
        case entity_id::taak:
            add("taak", txt, [](void const* p, eval_context&) { return value::text(&as<task_done>(p).task); });
            add("plaatsing", txt, [](void const* p, eval_context&) { return opt_text(as<task_done>(p).placement); });
            add("op", dt, [](void const* p, eval_context&) { return value::date(as<task_done>(p).on); });
            add("door", txt, [](void const* p, eval_context&) { return opt_text(as<task_done>(p).by); });
            add("hoe", txt, [](void const* p, eval_context&) { return opt_text(as<task_done>(p).how); });
            add("notitie", txt, [](void const* p, eval_context&) { return opt_text(as<task_done>(p).note); });
            break;
        case entity_id::eerder_werk:
            add("werkgever", txt, [](void const* p, eval_context&) { return value::text(&as<prior_employment>(p).employer); });
            add("soort", type::enumeration(enum_id::prior_kind), [](void const* p, eval_context&) {
                return value::enumeration(enum_id::prior_kind, static_cast<int>(as<prior_employment>(p).kind));
            });
            add("klant", type::entity(entity_id::klant), [](void const* p, eval_context& ctx) {
                auto const& pe = as<prior_employment>(p);
                return pe.client && ctx.clients ? value::entity(entity_id::klant, ctx.clients->find(*pe.client)) : value{};
            });
            add("start", dt, [](void const* p, eval_context&) { return value::date(as<prior_employment>(p).start); });
            add("einde", dt, [](void const* p, eval_context&) { return opt_date(as<prior_employment>(p).end); });
            add("zelfde_werk", bl, [](void const* p, eval_context&) { return opt_bool(as<prior_employment>(p).same_work); });
            break;
        case entity_id::none:
        case entity_id::count:
            break;
    }
    return t;
}

}  // namespace

entity_field_table const& field_table(entity_id e) {
    static std::array<entity_field_table, static_cast<std::size_t>(entity_id::count)> const tables = [] {
        std::array<entity_field_table, static_cast<std::size_t>(entity_id::count)> a;
        for (std::size_t i = 0; i < a.size(); ++i) a[i] = build(static_cast<entity_id>(i));
        return a;
    }();
    return tables[static_cast<std::size_t>(e)];
}

field_info const* find_week_field(std::string const& name) {
    static std::vector<field_info> const fields = {{"maandag", type::of(type_kind::date), 0},
                                                   {"zondag", type::of(type_kind::date), 1},
                                                   {"code", type::of(type_kind::text), 2}};
    for (auto const& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

value week_field(std::uint16_t index, value const& week, eval_context& ctx) {
    day monday = week.as_date();
    switch (index) {
        case 0: return value::date(monday);
        case 1: return value::date(monday + date::days{6});
        default: return value::text(ctx.keep_text(format_iso_week(iso_week_of(monday))));
    }
}

}  // namespace rw::engine::detail
