// The primitives (see builtins.hpp). Each wraps a function of temporal.hpp or the calendar; dated
// numbers come in as parameter series and are read "as of" the days the primitive needs.
#include "builtins.hpp"

#include "evaluate.hpp"
#include "rw/engine/temporal.hpp"

#include <algorithm>
#include <limits>

namespace rw::engine {

namespace {

using temporal::dated;

type const T_DATE = type::of(type_kind::date), T_BOOL = type::of(type_kind::boolean), T_NUM = type::of(type_kind::number),
           T_WEEKS = type::of(type_kind::weeks), T_DAYS = type::of(type_kind::days), T_MONTHS = type::of(type_kind::months), T_TEXT = type::of(type_kind::text),
           T_ANY_ENTITY = type::entity(entity_id::none);
type const T_WEEKLIST = type::list_of(type::of(type_kind::week));
type const T_DATELIST = type::list_of(type::of(type_kind::date));
type const T_MONEY = type::of(type_kind::money);

/// A working day in the sense of the Algemene termijnenwet: no Saturday, Sunday or public holiday
/// of art. 3 lid 1-2 (the calendar), nor a day equated with one by decree (art. 3 lid 3; a dated
/// list in rules/, passed as `gelijkgesteld`).
bool atw_working_day(day d, value const& equated) {
    if (!is_working_day(d)) return false;
    if (equated.kind == value_kind::list && equated.p)
        for (auto const& v : equated.as<list_data>())
            if (!v.empty() && v.as_date() == d) return false;
    return true;
}

dated series_fn(eval_context& ctx, value const& s) {
    std::uint16_t pid = s.tag;
    return [&ctx, pid](day d) -> std::optional<std::int64_t> {
        value v = param_at(ctx, pid, d, nullptr, 0);
        if (v.empty()) return std::nullopt;
        return v.kind == value_kind::number ? v.i / 1000 : v.i;
    };
}

std::vector<day> week_mondays(value const& v) {
    std::vector<day> out;
    if (v.kind != value_kind::list || !v.p) return out;
    out.reserve(v.as<list_data>().size);
    for (auto const& w : v.as<list_data>()) out.push_back(w.as_date());
    if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
    return out;
}

value week_list_value(eval_context& ctx, std::vector<day> const& mondays) {
    value* items = ctx.lists.alloc(mondays.size());
    for (std::size_t i = 0; i < mondays.size(); ++i) items[i] = value::week(mondays[i]);
    return ctx.list_value({items, mondays.size()});
}

/// The period [start, end] of an entity that has one (end none = open).
bool period_of(eval_context& ctx, value const& v, day& start, opt_day& end) {
    if (v.kind != value_kind::entity) return false;
    switch (static_cast<entity_id>(v.tag)) {
        case entity_id::contract: {
            auto const& c = v.as<contract>();
            start = c.start;
            end = c.effective_end();
            return true;
        }
        case entity_id::plaatsing: {
            auto const& p = v.as<placement>();
            start = p.start;
            end = p.end;
            if (auto const* c = ctx.contract_of(p)) {
                auto e = c->effective_end();
                if (e && (!end || *e < *end)) end = e;
            }
            return true;
        }
        case entity_id::ziekte: {
            auto const& z = v.as<sickness>();
            start = z.first_day;
            end = z.recovered_on ? opt_day(*z.recovered_on - date::days{1}) : std::nullopt;
            return true;
        }
        case entity_id::staking: {
            auto const& s = v.as<period>();
            start = s.from;
            end = s.to;
            return true;
        }
        case entity_id::ziektegeval: {
            auto const& g = v.as<ziektegeval_data>();
            start = g.first_day;
            end = g.recovered_on ? opt_day(*g.recovered_on - date::days{1}) : std::nullopt;
            return true;
        }
        case entity_id::keten: {
            auto const& k = v.as<keten_data>();
            start = k.start;
            end = k.end;
            return true;
        }
        default: return false;
    }
}

value fasering_value(eval_context& ctx, temporal::phase_timeline t) {
    ctx.faseringen.push_back(std::move(t));
    return value::entity(entity_id::fasering, &ctx.faseringen.back());
}

/// Opvolgend werkgeverschap (7:668a lid 2, 7:691, CAO art. 12): the prior employment the rules chose
/// to count becomes a fixed-term contract with every week of it worked. Records without an end are
/// skipped (their length is unknown). Without any, the worker itself.
worker const& worker_with_prior(eval_context& ctx, value const& prior) {
    if (prior.kind != value_kind::list || !prior.p || prior.as<list_data>().size == 0) return *ctx.w;
    ctx.with_prior.push_back(*ctx.w);
    worker& w = ctx.with_prior.back();
    for (auto const& v : prior.as<list_data>()) {
        if (v.kind != value_kind::entity) continue;
        auto const& pe = v.as<prior_employment>();
        if (!pe.end || *pe.end < pe.start) continue;
        contract c;
        c.id = "eerder werk bij " + pe.employer;
        c.kind = contract_kind::bepaalde_tijd;
        c.start = pe.start;
        c.end = pe.end;
        w.contracts.push_back(std::move(c));
        w.worked_weeks.push_back({iso_week_of(pe.start), iso_week_of(*pe.end)});
    }
    std::stable_sort(w.worked_weeks.begin(), w.worked_weeks.end(),
                     [](week_range const& x, week_range const& y) { return monday_of(x.first) < monday_of(y.first); });
    return w;
}

// ---- primitives ---------------------------------------------------------------------------------

value getelde_weken(eval_context& ctx, value const* a) {
    std::uint16_t pid = a[0].tag;
    auto weeks = temporal::counted_weeks(*ctx.w, ctx.K, [&](day m) { return param_at(ctx, pid, m, nullptr, 0).as_bool(); });
    if (ctx.K < ctx.R) weeks = temporal::known_then_projected(std::move(weeks), ctx.w->contracts, ctx.K, ctx.R);
    return week_list_value(ctx, weeks);
}

value projectie(eval_context& ctx, value const* a) {
    return week_list_value(ctx, temporal::project_weeks(week_mondays(a[0]), ctx.w->contracts, ctx.R,
                                                        temporal::projection_horizon_weeks));
}

value dag_na_week(eval_context& ctx, value const* a) {
    auto weeks = week_mondays(a[0]);
    if (weeks.empty()) return {};
    auto d = temporal::day_after_nth_week(weeks, series_fn(ctx, a[1]), param_breakpoints(ctx.prog.params[a[1].tag]),
                                          weeks.front());
    return d ? value::date(*d) : value{};
}

value herstart(eval_context& ctx, value const* a) {
    std::vector<contract> cs;
    if (a[0].kind == value_kind::list)
        for (auto const& v : a[0].as<list_data>()) cs.push_back(v.as<contract>());
    auto starts = temporal::series_starts(cs, ctx.R, series_fn(ctx, a[1]));
    return starts.empty() ? value{} : value::date(starts.back());
}

value fasen(eval_context& ctx, value const* a) {
    temporal::phase_parameters p;
    p.gap_months = series_fn(ctx, a[1]);
    std::uint16_t len_id = a[2].tag;
    bool len_has_arg = !ctx.prog.params[len_id].args.empty();
    p.fase_a_weeks = [&ctx, len_id, len_has_arg](day d, day series_start) -> std::optional<std::int64_t> {
        value arg = value::date(series_start);
        value v = param_at(ctx, len_id, d, len_has_arg ? &arg : nullptr, len_has_arg ? 1 : 0);
        if (v.empty()) return std::nullopt;
        return v.i;
    };
    p.fase_a_breakpoints = param_breakpoints(ctx.prog.params[len_id]);
    p.fase_b_months = series_fn(ctx, a[3]);
    p.fase_b_breakpoints = param_breakpoints(ctx.prog.params[a[3].tag]);
    p.fase_b_max_contracts = series_fn(ctx, a[4]);
    if (a[5].kind == value_kind::series) p.fase_b_contract_concluded_before = series_fn(ctx, a[5]);
    worker const& w = worker_with_prior(ctx, a[6]);
    auto weeks = week_mondays(a[0]);
    if (&w != ctx.w) {
        // Every week of the counted prior employment is a counted week (up to R).
        for (std::size_t i = ctx.w->contracts.size(); i < w.contracts.size(); ++i)
            for (day m = monday_of(w.contracts[i].start); m <= *w.contracts[i].end && m <= ctx.R; m += date::days{7})
                weeks.push_back(m);
        std::sort(weeks.begin(), weeks.end());
        weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
    }
    return fasering_value(ctx, temporal::phases(w, weeks, ctx.R, p));
}

value fase_op(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    auto const& f = a[0].as<fasering_data>();
    day d = a[1].as_date();
    for (auto const& p : f.periods)
        if (p.from <= d && (!p.to || d <= *p.to)) return value::enumeration(enum_id::fase, p.fase);
    return {};
}

value eerste_dag_in_fase(eval_context& ctx, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    auto const& f = a[0].as<fasering_data>();
    day start;
    opt_day end;
    if (!period_of(ctx, a[1], start, end)) return {};
    day last = end && *end < ctx.R ? *end : ctx.R;
    std::optional<day> best;
    for (auto const& p : f.periods) {
        bool wanted = false;
        if (a[2].kind == value_kind::list)
            for (auto const& v : a[2].as<list_data>()) wanted = wanted || v.i == p.fase;
        if (!wanted) continue;
        day from = std::max(p.from, start);
        day to = p.to ? std::min(*p.to, last) : last;
        if (from <= to && (!best || from < *best)) best = from;
    }
    return best ? value::date(*best) : value{};
}

value ketens(eval_context& ctx, value const* a) {
    temporal::chain_parameters p;
    p.gap_months = series_fn(ctx, a[0]);
    p.max_contracts = series_fn(ctx, a[1]);
    p.max_months = series_fn(ctx, a[2]);
    p.max_months_breakpoints = param_breakpoints(ctx.prog.params[a[2].tag]);
    p.threshold_weeks = series_fn(ctx, a[3]);
    p.threshold_gap_months = series_fn(ctx, a[4]);
    auto cs = temporal::chains(worker_with_prior(ctx, a[5]), ctx.R, p);
    value* items = ctx.lists.alloc(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
        ctx.ketens.push_back(cs[i]);
        items[i] = value::entity(entity_id::keten, &ctx.ketens.back());
    }
    return ctx.list_value({items, cs.size()});
}

/// The worker's periods of sickness (first day <= K: nothing reported after it is known), those following each other with a break
/// (next first day - recovery day) shorter than `onderbreking` joined into one illness.
value ziektegevallen(eval_context& ctx, value const* a) {
    std::vector<sickness const*> zs;
    for (auto const& z : ctx.w->sicknesses)
        if (z.first_day <= ctx.K) zs.push_back(&z);
    std::stable_sort(zs.begin(), zs.end(), [](auto x, auto y) { return x->first_day < y->first_day; });
    auto gap = series_fn(ctx, a[0]);
    auto earliest = [](opt_day& into, opt_day const& d) {
        if (d && (!into || *d < *into)) into = d;
    };
    std::size_t first = ctx.ziektegevallen.size();
    for (auto const* z : zs) {
        bool joins = false;
        if (ctx.ziektegevallen.size() > first) {
            auto const& prev = ctx.ziektegevallen.back();
            auto weeks = gap(z->first_day);
            joins = !prev.recovered_on || (weeks && (z->first_day - *prev.recovered_on).count() < 7 * *weeks);
        }
        if (!joins) {
            ctx.ziektegevallen.emplace_back();
            ctx.ziektegevallen.back().first_day = z->first_day;
        }
        auto& g = ctx.ziektegevallen.back();
        g.periods.push_back(z);
        if (!z->recovered_on) g.recovered_on.reset();
        else if (g.periods.size() == 1 || (g.recovered_on && *z->recovered_on > *g.recovered_on)) g.recovered_on = z->recovered_on;
        earliest(g.steps.bedrijfsarts_melding, z->steps.bedrijfsarts_melding);
        earliest(g.steps.probleemanalyse, z->steps.probleemanalyse);
        earliest(g.steps.plan_van_aanpak, z->steps.plan_van_aanpak);
        earliest(g.steps.uwv_ziekmelding, z->steps.uwv_ziekmelding);
        earliest(g.steps.eerstejaarsevaluatie, z->steps.eerstejaarsevaluatie);
        earliest(g.steps.wia_aanvraag, z->steps.wia_aanvraag);
    }
    std::size_t n = ctx.ziektegevallen.size() - first;
    value* items = ctx.lists.alloc(n);
    for (std::size_t i = 0; i < n; ++i) items[i] = value::entity(entity_id::ziektegeval, &ctx.ziektegevallen[first + i]);
    return ctx.list_value({items, n});
}

value ziektedag(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    return value::date(a[0].as<ziektegeval_data>().sick_day(a[1].i));
}

value ziektedagen(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    return value::duration(value_kind::days, a[0].as<ziektegeval_data>().sick_days_through(a[1].as_date()));
}

value ziekteweek(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    auto n = a[0].as<ziektegeval_data>().sick_days_through(a[1].as_date());
    if (n <= 0) return {};
    return value::integer((n - 1) / 7 + 1);
}

value ziek_op(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return value::boolean(false);
    return value::boolean(a[0].as<ziektegeval_data>().sick_on(a[1].as_date()));
}

value eerstvolgende_werkdag(eval_context&, value const* a) {
    if (a[0].empty()) return {};
    day d = a[0].as_date();
    while (!atw_working_day(d, a[1])) d += date::days{1};
    return value::date(d);
}

value laatste_werkdag(eval_context&, value const* a) {
    if (a[0].empty()) return {};
    day d = a[0].as_date();
    while (!atw_working_day(d, a[1])) d -= date::days{1};
    return value::date(d);
}

/// bedrag x teller / noemer, rounded half away from zero to whole cents (exact: 128-bit integers).
value breuk(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty() || a[2].empty() || a[2].i == 0) return {};
    __extension__ using i128 = __int128;
    i128 num = static_cast<i128>(a[0].i) * a[1].i;  // numbers are in thousandths: they cancel
    i128 den = a[2].i;
    if (den < 0) num = -num, den = -den;
    i128 q = (2 * num + (num >= 0 ? den : -den)) / (2 * den);
    return value::cents(static_cast<std::int64_t>(q));
}

value aantal_dagen(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    return value::integer((a[1].as_date() - a[0].as_date()).count() + 1);
}

value werkbegin_in_week(eval_context& ctx, value const* a) {
    if (a[0].empty()) return {};
    return value::date(temporal::first_contract_day_in_week(*ctx.w, a[0].as_date()));
}

value werkeinde_in_week(eval_context& ctx, value const* a) {
    if (a[0].empty()) return {};
    return value::date(temporal::last_contract_day_in_week(*ctx.w, a[0].as_date()));
}

value loopt_op(eval_context& ctx, value const* a) {
    day start;
    opt_day end;
    if (a[1].empty() || !period_of(ctx, a[0], start, end)) return value::boolean(false);
    day d = a[1].as_date();
    return value::boolean(start <= d && (!end || d <= *end));
}

value overlapt(eval_context& ctx, value const* a) {
    day s1, s2;
    opt_day e1, e2;
    if (!period_of(ctx, a[0], s1, e1) || !period_of(ctx, a[1], s2, e2)) return value::boolean(false);
    return value::boolean((!e1 || s2 <= *e1) && (!e2 || s1 <= *e2));
}

value leeftijd(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    return value::integer(age_on(a[0].as_date(), a[1].as_date()));
}

value werkdagen_voor(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    day cur = a[0].as_date();
    for (auto n = a[1].i / 1000; n > 0;) {
        cur -= date::days{1};
        if (atw_working_day(cur, a[2])) --n;
    }
    return value::date(cur);
}

// Also hoogste_bedrag / laagste_bedrag: dates and cents both compare as their integer.
value vroegste(eval_context&, value const* a) {
    if (a[0].empty()) return a[1];
    if (a[1].empty()) return a[0];
    return a[0].i <= a[1].i ? a[0] : a[1];
}

value uiterste(eval_context&, value const* a) {
    if (a[0].empty()) return a[1];
    if (a[1].empty()) return a[0];
    return a[0].i >= a[1].i ? a[0] : a[1];
}

value einde_jaar(eval_context&, value const* a) {
    if (a[0].empty()) return {};
    date::year_month_day ymd{a[0].as_date()};
    return value::date(date::sys_days{ymd.year() / date::December / 31});
}

value maand(eval_context&, value const* a) {
    if (a[0].empty()) return {};
    return value::integer(static_cast<unsigned>(date::year_month_day{a[0].as_date()}.month()));
}

value weken_tussen(eval_context&, value const* a) {
    if (a[0].empty() || a[1].empty()) return {};
    auto d = a[1].i - a[0].i;
    return value::integer(d >= 0 ? d / 7 : -((-d + 6) / 7));
}

value loopt_buiten_maanden(eval_context& ctx, value const* a) {
    day start;
    opt_day end;
    if (!period_of(ctx, a[0], start, end) || a[1].kind != value_kind::list) return value::boolean(false);
    day last = end ? *end : (a[2].empty() ? ctx.R : a[2].as_date());
    if (!a[2].empty() && a[2].as_date() < last) last = a[2].as_date();
    auto allowed = [&](unsigned m) {
        for (auto const& v : a[1].as<list_data>())
            if (v.i / 1000 == m) return true;
        return false;
    };
    // Walk month by month from the start: any day in a month not allowed?
    for (day d = start; d <= last;) {
        date::year_month_day ymd{d};
        if (!allowed(static_cast<unsigned>(ymd.month()))) return value::boolean(true);
        d = date::sys_days{(ymd.year() / ymd.month() / date::last)} + date::days{1};
    }
    return value::boolean(false);
}

/// Guidance (issue 13): the period (contract or placement) a task record without a placement
/// belongs to: the first one running on its day, else the first to start after it (a statement
/// given before the first day), else none.
void const* period_for_day(eval_context& ctx, entity_id kind, day d) {
    void const* next = nullptr;
    day next_start{};
    auto consider = [&](void const* e, day start, opt_day end) -> bool {
        if (start <= d && (!end || d <= *end)) return true;
        if (start > d && (!next || start < next_start)) {
            next = e;
            next_start = start;
        }
        return false;
    };
    if (kind == entity_id::contract) {
        for (auto const& c : ctx.w->contracts)
            if (consider(&c, c.start, c.effective_end())) return &c;
    } else {
        for (auto const& p : ctx.w->placements) {
            day start;
            opt_day end;
            if (period_of(ctx, value::entity(entity_id::plaatsing, &p), start, end) && consider(&p, start, end)) return &p;
        }
    }
    return next;
}

/// taak_gedaan(taak, [voor: contract | plaatsing], [vanaf: datum]): the earliest day a record
/// (tasks_done) of that task was made; with `voor`, a record naming that placement (for a contract:
/// one of its placements), or naming none and made while it ran or before it began (see
/// period_for_day); with `vanaf`, records from that day on.
value taak_gedaan(eval_context& ctx, value const* a) {
    if (a[0].empty() || !ctx.w) return {};
    std::string const& task = a[0].as_text();
    value const& period = a[1];
    entity_id kind = entity_id::none;
    if (period.kind == value_kind::entity) kind = static_cast<entity_id>(period.tag);
    if (!period.empty() && kind != entity_id::contract && kind != entity_id::plaatsing) return {};
    opt_day best;
    for (auto const& t : ctx.w->tasks_done) {
        if (t.task != task) continue;
        if (!a[2].empty() && t.on < a[2].as_date()) continue;
        if (kind == entity_id::plaatsing) {
            auto const& p = period.as<placement>();
            if (t.placement ? *t.placement != p.id : period_for_day(ctx, kind, t.on) != &p) continue;
        } else if (kind == entity_id::contract) {
            auto const& c = period.as<contract>();
            if (t.placement) {
                bool mine = false;
                for (auto const& p : ctx.w->placements)
                    if (p.id == *t.placement && p.contract == c.id) mine = true;
                if (!mine) continue;
            } else if (period_for_day(ctx, kind, t.on) != &c) {
                continue;
            }
        }
        if (!best || t.on < *best) best = t.on;
    }
    return best ? value::date(*best) : value{};
}

std::vector<builtin> make_table() {
    type const fasering = type::entity(entity_id::fasering);
    type const fase_list = type::list_of(type::enumeration(enum_id::fase));
    return {
        {"getelde_weken", {{"vakantie_telt", type::series_of(T_BOOL)}}, T_WEEKLIST, getelde_weken,
         "recorded worked weeks (Monday <= peildatum) plus paid-holiday weeks on whose Monday vakantie_telt holds"},
        {"projectie", {{"weken", T_WEEKLIST}}, T_WEEKLIST, projectie,
         "adds every week from the peildatum's week on that overlaps a contract"},
        {"dag_na_week", {{"weken", T_WEEKLIST}, {"nummer", type::series_of(T_WEEKS)}}, T_DATE, dag_na_week,
         "the day after the week in which the Nth counted week falls (N in force on that day)"},
        {"herstart", {{"contracten", type::list_of(type::entity(entity_id::contract))}, {"onderbreking", type::series_of(T_MONTHS)}},
         T_DATE, herstart, "start of the current series of contracts (a gap of more than `onderbreking` restarts)"},
        {"fasen",
         {{"weken", T_WEEKLIST},
          {"onderbreking", type::series_of(T_MONTHS)},
          {"lengte_a", type::series_of(T_WEEKS)},
          {"duur_b", type::series_of(T_MONTHS)},
          {"max_contracten_b", type::series_of(T_NUM)},
          {"overgang_b_gesloten_voor", type::series_of(T_DATE), true},
          {"eerder_werk", type::list_of(type::entity(entity_id::eerder_werk)), true}},
         fasering, fasen,
         "the phase timeline (fasensysteem); duur_b is read on each day of fase B; a fixed-term contract concluded "
         "before overgang_b_gesloten_voor (read on the first day of fase C) runs to its end; eerder_werk (opvolgend "
         "werkgeverschap) counts as contracts with every week worked"},
        {"fase_op", {{"fasering", fasering}, {"dag", T_DATE}}, type::enumeration(enum_id::fase), fase_op,
         "the phase on a day"},
        {"eerste_dag_in_fase", {{"fasering", fasering}, {"periode", T_ANY_ENTITY}, {"fasen", fase_list}}, T_DATE,
         eerste_dag_in_fase, "the first day of the period (up to the peildatum) in one of the phases"},
        {"ketens",
         {{"onderbreking", type::series_of(T_MONTHS)},
          {"max_contracten", type::series_of(T_NUM)},
          {"max_duur", type::series_of(T_MONTHS)},
          {"drempel", type::series_of(T_WEEKS)},
          {"drempel_onderbreking", type::series_of(T_MONTHS)},
          {"eerder_werk", type::list_of(type::entity(entity_id::eerder_werk)), true}},
         type::list_of(type::entity(entity_id::keten)), ketens, "chains of fixed-term contracts (7:668a, 7:691)"},
        {"ziektegevallen", {{"onderbreking", type::series_of(T_WEEKS)}}, type::list_of(type::entity(entity_id::ziektegeval)),
         ziektegevallen,
         "the worker's periods of sickness (first day <= peildatum), those with a break shorter than `onderbreking` "
         "joined into one illness"},
        {"ziektedag", {{"geval", type::entity(entity_id::ziektegeval)}, {"dagen", T_DAYS}}, T_DATE, ziektedag,
         "first day + N days, counting only days of sickness (as if the last period went on)"},
        {"ziektedagen", {{"geval", type::entity(entity_id::ziektegeval)}, {"tot_en_met", T_DATE}}, T_DAYS, ziektedagen,
         "days of sickness of the illness up to and including a day"},
        {"ziekteweek", {{"geval", type::entity(entity_id::ziektegeval)}, {"dag", T_DATE}}, T_NUM, ziekteweek,
         "the week of sickness a day falls in, counting only days of sickness"},
        {"ziek_op", {{"geval", type::entity(entity_id::ziektegeval)}, {"dag", T_DATE}}, T_BOOL, ziek_op,
         "the day lies in one of the periods of sickness"},
        {"eerstvolgende_werkdag", {{"dag", T_DATE}, {"gelijkgesteld", T_DATELIST, true}}, T_DATE, eerstvolgende_werkdag,
         "the day itself or the next day that is no Saturday, Sunday or public holiday (Algemene termijnenwet art. 1 and 3)"},
        {"laatste_werkdag", {{"dag", T_DATE}, {"gelijkgesteld", T_DATELIST, true}}, T_DATE, laatste_werkdag,
         "the day itself or the last earlier day that is no Saturday, Sunday or public holiday (Atw art. 3)"},
        {"breuk", {{"bedrag", T_MONEY}, {"teller", T_NUM}, {"noemer", T_NUM}}, T_MONEY, breuk,
         "bedrag x teller / noemer, rounded half away from zero to whole cents"},
        {"aantal_dagen", {{"van", T_DATE}, {"tot_en_met", T_DATE}}, T_NUM, aantal_dagen,
         "the number of days from one day up to and including another"},
        {"hoogste_bedrag", {{"a", T_MONEY}, {"b", T_MONEY}}, T_MONEY, uiterste, "the higher of two amounts (leeg is ignored)"},
        {"laagste_bedrag", {{"a", T_MONEY}, {"b", T_MONEY}}, T_MONEY, vroegste, "the lower of two amounts (leeg is ignored)"},
        {"werkbegin_in_week", {{"week", type::of(type_kind::week)}}, T_DATE, werkbegin_in_week,
         "the first day of the week that lies in one of the worker's contracts (else its Monday)"},
        {"werkeinde_in_week", {{"week", type::of(type_kind::week)}}, T_DATE, werkeinde_in_week,
         "the last day of the week that lies in one of the worker's contracts (else its Sunday)"},
        {"loopt_op", {{"periode", T_ANY_ENTITY}, {"dag", T_DATE}}, T_BOOL, loopt_op, "the period includes the day"},
        {"overlapt", {{"periode", T_ANY_ENTITY}, {"andere", T_ANY_ENTITY}}, T_BOOL, overlapt, "two periods share a day"},
        {"leeftijd", {{"geboortedatum", T_DATE}, {"op", T_DATE}}, T_NUM, leeftijd, "age in whole years on a day"},
        {"werkdagen_voor", {{"dag", T_DATE}, {"aantal", T_NUM}, {"gelijkgesteld", T_DATELIST, true}}, T_DATE, werkdagen_voor,
         "the day that many working days before (Algemene termijnenwet holidays and the days in `gelijkgesteld` excluded)"},
        {"vroegste", {{"a", T_DATE}, {"b", T_DATE}}, T_DATE, vroegste, "the earlier of two dates (leeg is ignored)"},
        {"uiterste", {{"a", T_DATE}, {"b", T_DATE}}, T_DATE, uiterste, "the later of two dates (leeg is ignored)"},
        {"einde_jaar", {{"dag", T_DATE}}, T_DATE, einde_jaar, "31 December of the day's year"},
        {"maand", {{"dag", T_DATE}}, T_NUM, maand, "the month number (1-12)"},
        {"weken_tussen", {{"van", T_DATE}, {"tot", T_DATE}}, T_NUM, weken_tussen, "whole weeks from one day to another"},
        {"taak_gedaan", {{"taak", T_TEXT}, {"voor", T_ANY_ENTITY, true}, {"vanaf", T_DATE, true}}, T_DATE, taak_gedaan,
         "the earliest day a task record (tasks_done) of the task was made; with `voor` (a contract or plaatsing) a "
         "record naming that placement (or one of the contract's), or naming none and made while it ran or before it "
         "began; with `vanaf` records from that day on"},
        {"loopt_buiten_maanden", {{"periode", T_ANY_ENTITY}, {"maanden", type::list_of(T_NUM)}, {"tot", T_DATE, true}},
         T_BOOL, loopt_buiten_maanden, "the period (up to `tot`) has a day in a month not in the list"},
    };
}

}  // namespace

std::vector<builtin> const& builtin_table() {
    static std::vector<builtin> const table = make_table();
    return table;
}

int find_builtin(std::string const& name) {
    auto const& t = builtin_table();
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i].name == name) return static_cast<int>(i);
    return -1;
}

}  // namespace rw::engine
