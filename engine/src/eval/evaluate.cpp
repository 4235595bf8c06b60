// Evaluation of bound expressions (see program.hpp for the node kinds). Empty values (`leeg`)
// propagate through arithmetic; a comparison or membership test with an empty operand is false;
// a condition that is empty counts as false.
#include "evaluate.hpp"

#include "builtins.hpp"
#include "fields.hpp"

#include <algorithm>

namespace rw::engine {

namespace {

std::string describe_sources(program const& prog, std::vector<int> const& ids) {
    std::string s;
    for (int i : ids) {
        if (!s.empty()) s += "; ";
        auto const& src = prog.sources[static_cast<std::size_t>(i)];
        s += src.title.empty() ? src.name : src.title;
        if (!src.url.empty()) s += " <" + src.url + ">";
    }
    return s;
}

std::vector<explanation_source> source_refs(program const& prog, std::vector<int> const& ids) {
    std::vector<explanation_source> out;
    for (int i : ids) {
        auto const& s = prog.sources[static_cast<std::size_t>(i)];
        out.push_back({s.name, s.title, s.url});
    }
    return out;
}

explanation_ref fact_ref(std::string const& name) {
    explanation_ref r;
    r.kind = explanation_kind::fact;
    r.id = name;
    return r;
}

std::string period_text(day from, opt_day const& to) {
    std::string s = "vanaf " + format_date(from);
    if (to) s += " tot en met " + format_date(*to);
    return s;
}

// Products and quotients are computed exactly in 128 bits (cents x millionths does not fit in 64)
// and rounded once. __extension__: __int128 is a GCC/Clang extension, fine under -Wpedantic so.
__extension__ using wide = __int128;

/// num / den rounded to a whole number: half away from zero, toward -inf (beneden) or toward
/// +inf (boven). den != 0.
std::int64_t round_quotient(wide num, wide den, round_kind k) {
    if (den < 0) num = -num, den = -den;
    wide q = num / den, r = num % den;  // truncated toward zero
    if (r == 0) return static_cast<std::int64_t>(q);
    switch (k) {
        case round_kind::half_up:
            if ((r < 0 ? -r : r) * 2 >= den) q += num < 0 ? -1 : 1;
            break;
        case round_kind::down:
            if (num < 0) --q;
            break;
        case round_kind::up:
            if (num > 0) ++q;
            break;
    }
    return static_cast<std::int64_t>(q);
}

/// The days an eerste_dag condition may change on, found while it is evaluated (see
/// bind_first_day): per thread, the innermost eerste_dag being evaluated.
struct breakpoint_sink {
    day from, to;
    std::vector<day> days;
    std::vector<std::pair<std::uint32_t, value>> collections;  // built once (probe bit 4)
    std::vector<std::pair<node const*, value>> today;           // per day tried (probe bit 8)
    void add(day d) {
        if (d > from && d <= to) days.push_back(d);
    }
};
thread_local breakpoint_sink* sink = nullptr;

/// The collection of an aggregate inside an eerste_dag condition that does not change from day
/// to day (the client's reference wages): built on the first day tried, then reused.
[[gnu::noinline]] value same_every_day(eval_context& ctx, std::uint32_t node) {
    for (auto const& [i, v] : sink->collections)
        if (i == node) return v;
    value v = eval(ctx, node);
    sink->collections.emplace_back(node, v);
    return v;
}

/// A comparison of the day d with the date x (x_left: written "x op d"): the first day on which
/// its truth can differ from the day before. d >= x and d < x change on x, d > x and d <= x on the
/// day after; = and != on both.
// Out of line: eval is recursive, and its frame stays small.
[[gnu::noinline]] void probe_date(cmp_kind k, bool x_left, value const& x) {
    if (x.kind != value_kind::date) return;
    if (x_left) {  // "x < d" is "d > x"
        k = k == cmp_kind::lt ? cmp_kind::gt : k == cmp_kind::gt ? cmp_kind::lt : k == cmp_kind::le ? cmp_kind::ge
          : k == cmp_kind::ge ? cmp_kind::le : k;
    }
    day at = x.as_date();
    if (k == cmp_kind::ge || k == cmp_kind::lt || k == cmp_kind::eq || k == cmp_kind::ne) sink->add(at);
    if (k == cmp_kind::gt || k == cmp_kind::le || k == cmp_kind::eq || k == cmp_kind::ne) sink->add(at + date::days{1});
}

/// leeftijd(birth, day): the age changes on the birthdays (29 February: 1 March in other years).
// Out of line: eval is recursive, and its frame stays small.
[[gnu::noinline]] void probe_birthdays(value const& birth) {
    if (birth.kind != value_kind::date) return;
    date::year_month_day b{birth.as_date()};
    int last = static_cast<int>(date::year_month_day{sink->to}.year());
    for (int y = static_cast<int>(date::year_month_day{sink->from}.year()); y <= last; ++y) {
        auto ymd = date::year{y} / b.month() / b.day();
        sink->add(ymd.ok() ? date::sys_days{ymd} : date::sys_days{date::year{y} / date::March / 1});
    }
}

/// The first day in [from, to] on which the condition holds: tries `from`, then each day on which
/// the condition may change (parameter and table changes, birthdays, compared dates), in order.
// Out of line: eval is recursive, and its frame stays small.
[[gnu::noinline]] value first_day_of(eval_context& ctx, node const& n) {
    auto const& prog = ctx.prog;
    value a = eval(ctx, prog.child(n, 0)), b = eval(ctx, prog.child(n, 1));
    if (a.empty() || b.empty() || a.i > b.i) return {};
    breakpoint_sink mine{a.as_date(), b.as_date(), {}, {}, {}};
    auto const& info = prog.first_days[n.id];
    for (int p : info.params)
        for (day d : param_breakpoints(prog.params[static_cast<std::size_t>(p)])) mine.add(d);
    for (int t : info.tables)
        for (auto const& v : prog.tables[static_cast<std::size_t>(t)].versions) {
            mine.add(v.from);
            if (v.to) mine.add(*v.to + date::days{1});
        }
    breakpoint_sink* outer = sink;
    sink = &mine;
    value saved = ctx.slots[n.slot];
    value out{};
    day next = mine.from;
    for (;;) {
        ctx.slots[n.slot] = value::date(next);
        mine.today.clear();
        if (eval(ctx, prog.child(n, 2)).as_bool()) {
            out = value::date(next);
            break;
        }
        // The next candidate: the earliest day found so far that comes after this one (the same
        // dates are found again on every try: keep them sorted and unique).
        std::sort(mine.days.begin(), mine.days.end());
        mine.days.erase(std::unique(mine.days.begin(), mine.days.end()), mine.days.end());
        auto it = std::upper_bound(mine.days.begin(), mine.days.end(), next);
        if (it == mine.days.end()) break;
        next = *it;
    }
    ctx.slots[n.slot] = saved;
    sink = outer;
    return out;
}

/// The source text of a node, for a run-time issue.
std::string where_text(dsl::span const& s) {
    if (!s.file || s.end <= s.begin) return "";
    return dsl::collapse_whitespace(std::string_view(s.file->text()).substr(s.begin, s.end - s.begin));
}

bool is_division(arith_kind k) {
    return k == arith_kind::number_div || k == arith_kind::money_div || k == arith_kind::money_ratio;
}

/// The exact value of a product or quotient, in the result's unit (cents, thousandths,
/// millionths), as num / den; none for the other kinds (they are exact already).
std::optional<std::pair<wide, wide>> exact_of(arith_kind k, value const& a, value const& b) {
    wide x = a.i, y = b.i;
    switch (k) {
        case arith_kind::number_mul:
        case arith_kind::money_mul: return std::pair{x * y, wide{1000}};
        case arith_kind::money_mul_pct:
        case arith_kind::number_mul_pct: return std::pair{x * y, wide{1000000}};
        case arith_kind::number_div:
        case arith_kind::money_div:
        case arith_kind::money_ratio: return std::pair{x * 1000, y};
        default: return std::nullopt;
    }
}

value with_unit(arith_kind k, std::int64_t i) {
    switch (k) {
        case arith_kind::money_mul:
        case arith_kind::money_mul_pct:
        case arith_kind::money_div: return value::cents(i);
        default: return value::number_milli(i);
    }
}

value arith(arith_kind k, value const& a, value const& b) {
    if (a.empty() || b.empty()) return {};
    if (is_division(k) && b.i == 0) return {};  // reported by the caller, which knows the node
    if (auto e = exact_of(k, a, b)) return with_unit(k, round_quotient(e->first, e->second, round_kind::half_up));
    switch (k) {
        case arith_kind::number_add: return value::number_milli(a.i + b.i);
        case arith_kind::number_sub: return value::number_milli(a.i - b.i);
        case arith_kind::money_add: return value::cents(a.i + b.i);
        case arith_kind::money_sub: return value::cents(a.i - b.i);
        case arith_kind::date_add_days: return value::date(add_days(a.as_date(), static_cast<int>(b.i)));
        case arith_kind::date_add_weeks: return value::date(add_days(a.as_date(), static_cast<int>(7 * b.i)));
        case arith_kind::date_add_months: return value::date(add_months(a.as_date(), static_cast<int>(b.i)));
        case arith_kind::date_sub_days: return value::date(add_days(a.as_date(), static_cast<int>(-b.i)));
        case arith_kind::date_sub_weeks: return value::date(add_days(a.as_date(), static_cast<int>(-7 * b.i)));
        case arith_kind::date_sub_months: return value::date(add_months(a.as_date(), static_cast<int>(-b.i)));
        case arith_kind::date_diff: return value::duration(value_kind::days, a.i - b.i);
        case arith_kind::duration_add: return value::duration(a.kind, a.i + b.i);
        case arith_kind::duration_sub: return value::duration(a.kind, a.i - b.i);
        case arith_kind::duration_mul: return value::duration(a.kind, a.i * b.i / 1000);
        case arith_kind::percent_add: return value::percent_micro(a.i + b.i);
        case arith_kind::percent_sub: return value::percent_micro(a.i - b.i);
        default: return {};
    }
}

/// afgerond(x, naar: k, op: unit): x's exact value (a product or quotient is not rounded first)
/// rounded to a whole multiple of unit.
// Out of line: eval is recursive, and its frame stays small.
[[gnu::noinline]] value round_node(eval_context& ctx, node const& n) {
    program const& prog = ctx.prog;
    node const& x = prog.nodes[prog.child(n, 0)];
    value unit = eval(ctx, prog.child(n, 1));
    if (unit.empty() || unit.i <= 0) return {};
    wide num = 0, den = 1;
    std::optional<std::pair<wide, wide>> e;
    if (x.o == op::arith) {
        auto k = static_cast<arith_kind>(x.id);
        value a = eval(ctx, prog.child(x, 0)), b = eval(ctx, prog.child(x, 1));
        if (a.empty() || b.empty()) return {};
        if (is_division(k) && b.i == 0) {
            ctx.issues.push_back({"division by zero: " + where_text(x.where), x.where, "regelwerk.deling_door_nul"});
            return {};
        }
        e = exact_of(k, a, b);
    }
    if (e) {
        num = e->first, den = e->second;
    } else {
        value v = eval(ctx, prog.child(n, 0));
        if (v.empty()) return {};
        num = v.i;
    }
    value out = unit;
    out.i = round_quotient(num, den * unit.i, static_cast<round_kind>(n.id)) * unit.i;
    return out;
}

bool compare_values(cmp_kind k, value const& a, value const& b) {
    if (a.empty() || b.empty()) return false;
    if (k == cmp_kind::eq) return equal(a, b);
    if (k == cmp_kind::ne) return !equal(a, b);
    int c = compare(a, b);
    switch (k) {
        case cmp_kind::lt: return c < 0;
        case cmp_kind::le: return c <= 0;
        case cmp_kind::gt: return c > 0;
        case cmp_kind::ge: return c >= 0;
        default: return false;
    }
}

list_data as_list(value const& v) {
    if (v.kind != value_kind::list || !v.p) return {};
    return v.as<list_data>();
}

value aggregate_once(eval_context& ctx, node const& n);

value aggregate(eval_context& ctx, node const& n) {
    if ((n.probe & 8) && sink) {
        for (auto const& [m, v] : sink->today)
            if (m == &n) return v;
        value v = aggregate_once(ctx, n);
        sink->today.emplace_back(&n, v);
        return v;
    }
    return aggregate_once(ctx, n);
}

value aggregate_once(eval_context& ctx, node const& n) {
    auto const& prog = ctx.prog;
    list_data items = as_list((n.probe & 4) && sink ? same_every_day(ctx, prog.child(n, 0)) : eval(ctx, prog.child(n, 0)));
    auto kind = static_cast<aggregate_kind>(n.id);
    std::uint32_t filter = n.has_filter ? prog.child(n, 1) : 0;
    std::uint32_t body = n.has_body ? prog.child(n, 2) : 0;
    value saved = ctx.slots[n.slot];
    value acc{};
    std::int64_t count = 0;
    bool all = true, any = false;
    std::vector<value> kept;
    for (auto const& item : items) {
        ctx.slots[n.slot] = item;
        if (n.has_filter && !eval(ctx, filter).as_bool()) continue;
        switch (kind) {
            case aggregate_kind::count: ++count; break;
            case aggregate_kind::exists:
                if (!n.has_body || eval(ctx, body).as_bool()) any = true;
                break;
            case aggregate_kind::all:
                if (n.has_body && !eval(ctx, body).as_bool()) all = false;
                break;
            case aggregate_kind::sum: {
                value v = n.has_body ? eval(ctx, body) : item;
                if (v.empty()) break;
                if (acc.empty()) acc = v;
                else acc.i += v.i;
                break;
            }
            case aggregate_kind::min:
            case aggregate_kind::max: {
                value v = n.has_body ? eval(ctx, body) : item;
                if (v.empty()) break;
                if (acc.empty() || (kind == aggregate_kind::min ? compare(v, acc) < 0 : compare(v, acc) > 0)) acc = v;
                break;
            }
            case aggregate_kind::first:
                if (acc.empty()) acc = n.has_body ? eval(ctx, body) : item;
                break;
            case aggregate_kind::last: acc = n.has_body ? eval(ctx, body) : item; break;
            case aggregate_kind::filter: kept.push_back(item); break;
        }
        if (kind == aggregate_kind::exists && any) break;
        if (kind == aggregate_kind::first && !acc.empty()) break;
        if (kind == aggregate_kind::all && !all) break;
    }
    ctx.slots[n.slot] = saved;
    switch (kind) {
        case aggregate_kind::count: return value::integer(count);
        case aggregate_kind::exists: return value::boolean(any);
        case aggregate_kind::all: return value::boolean(all);
        case aggregate_kind::filter: return ctx.list_value(ctx.make_list(kept));
        default: return acc;
    }
}

}  // namespace

std::vector<day> param_breakpoints(parameter_info const& p) {
    std::vector<day> out;
    for (auto const& v : p.versions) {
        out.push_back(v.from);
        if (v.to) out.push_back(*v.to + date::days{1});
    }
    for (auto const& x : p.exceptions) {
        out.push_back(x.from);
        if (x.to) out.push_back(*x.to + date::days{1});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

value param_at(eval_context& ctx, std::uint16_t pid, day d, value const* args, std::size_t nargs) {
    auto const& p = ctx.prog.params[pid];
    param_version const* base = nullptr;
    for (auto const& v : p.versions) {
        if (v.from <= d && (!v.to || d <= *v.to)) base = &v;
    }
    // Exceptions in force on d whose condition holds for these arguments (default logic: a more
    // specific value overrides the base; two that both apply with different values conflict).
    param_exception const* chosen = nullptr;
    if (!p.exceptions.empty()) {
        std::vector<value> saved(nargs);
        for (std::size_t i = 0; i < nargs; ++i) {
            saved[i] = ctx.slots[p.first_arg_slot + i];
            ctx.slots[p.first_arg_slot + i] = args[i];
        }
        for (auto const& x : p.exceptions) {
            if (x.from > d || (x.to && d > *x.to)) continue;
            if (!eval(ctx, x.condition).as_bool()) continue;
            if (chosen && !equal(chosen->v, x.v)) {
                ctx.issues.push_back({"conflict: exceptions '" + chosen->label + "' and '" + x.label + "' of parameter " +
                                          p.name + " both apply on " + format_date(d) + " with different values",
                                      x.where});
                continue;
            }
            if (!chosen) chosen = &x;
        }
        for (std::size_t i = 0; i < nargs; ++i) ctx.slots[p.first_arg_slot + i] = saved[i];
    }
    value out = chosen ? chosen->v : base ? base->v : value{};
    if (!chosen && !base) {
        // A day without a declared value must not read as a silent "no" (rules check demands values
        // on the days rules are in force; dossier dates before that land here).
        std::string msg = "parameter " + p.name + " has no value on " + format_date(d);
        bool known = false;
        for (auto const& i : ctx.issues)
            known = known || (i.rule == "regelwerk.parameter_ontbreekt" && i.where.begin == p.where.begin && i.where.file == p.where.file);
        if (!known) ctx.issues.push_back({std::move(msg), p.where, "regelwerk.parameter_ontbreekt"});
    }
    if (ctx.tr) {
        explanation_line l;
        l.kind = "parameter";
        l.name = p.name;
        l.ref.kind = explanation_kind::parameter;
        l.ref.id = p.name;
        if (chosen)
            l.ref.version = explanation_version{chosen->from, chosen->to, source_refs(ctx.prog, chosen->sources), chosen->uncertain,
                                                chosen->label};
        else if (base)
            l.ref.version = explanation_version{base->from, base->to, source_refs(ctx.prog, base->sources),
                                                base->uncertain.empty() ? p.uncertain : base->uncertain, ""};
        l.value = to_text(out, "nl");
        l.when = format_date(d);
        if (chosen) {
            l.detail = "uitzondering '" + chosen->label + "', " + period_text(chosen->from, chosen->to) +
                       ", volgens " + describe_sources(ctx.prog, chosen->sources);
            l.uncertain = !chosen->uncertain.empty();
            if (l.uncertain) l.detail += "; ONZEKER: " + chosen->uncertain;
        } else if (base) {
            l.detail = period_text(base->from, base->to) + ", volgens " + describe_sources(ctx.prog, base->sources);
            l.uncertain = !base->uncertain.empty() || !p.uncertain.empty();
            if (!base->uncertain.empty()) l.detail += "; ONZEKER: " + base->uncertain;
            else if (!p.uncertain.empty()) l.detail += "; ONZEKER: " + p.uncertain;
        } else {
            l.detail = "geen waarde van kracht";
        }
        ctx.tr->add(std::move(l));
    }
    return out;
}

/// Does a key of this type cover the values up to the next row's key (an age, an amount, a
/// date), or match only itself (a contract kind)?
static bool ranged(type const& t) {
    switch (t.kind) {
        case type_kind::number:
        case type_kind::money:
        case type_kind::percentage:
        case type_kind::date:
        case type_kind::days:
        case type_kind::weeks:
        case type_kind::months: return true;
        default: return false;
    }
}

value table_at(eval_context& ctx, std::uint16_t tid, value const* keys, std::size_t nkeys, day d) {
    auto const& t = ctx.prog.tables[tid];
    for (std::size_t i = 0; i < nkeys; ++i)
        if (keys[i].empty()) return {};
    table_version const* ver = nullptr;
    for (auto const& v : t.versions)
        if (v.from <= d && (!v.to || d <= *v.to)) ver = &v;
    value out{};
    table_version::row const* hit = nullptr;
    if (ver) {
        // Key by key: a ranged key takes the greatest row key <= the value among the rows still in
        // play, an exact key the rows equal to it. Rows ascend, so the candidates stay one run.
        std::size_t lo = 0, hi = ver->rows.size();
        for (std::size_t k = 0; k < nkeys && lo < hi; ++k) {
            bool range = k < t.key_types.size() && ranged(t.key_types[k]);
            std::optional<value> chosen;
            for (std::size_t r = lo; r < hi; ++r) {
                value const& rk = ver->rows[r].keys[k];
                if (range ? compare(rk, keys[k]) <= 0 : equal(rk, keys[k])) chosen = rk;
            }
            if (!chosen) {
                lo = hi;
                break;
            }
            std::size_t nlo = hi, nhi = lo;
            for (std::size_t r = lo; r < hi; ++r)
                if (equal(ver->rows[r].keys[k], *chosen)) nlo = std::min(nlo, r), nhi = r + 1;
            lo = nlo, hi = nhi;
        }
        if (lo < hi) {
            hit = &ver->rows[lo];
            out = hit->v;
        }
    }
    auto keys_text = [](std::vector<value> const& ks) {
        std::string s;
        for (std::size_t i = 0; i < ks.size(); ++i) s += (i ? ", " : "") + to_text(ks[i]);
        return s;
    };
    if (ctx.tr) {
        explanation_line l;
        l.kind = "table";
        std::string key_text = keys_text(std::vector<value>(keys, keys + nkeys));
        l.name = t.name + "(" + key_text + ")";
        l.ref.kind = explanation_kind::table;
        l.ref.id = t.name;
        l.ref.key = key_text;
        if (ver) {
            if (hit) l.ref.row = keys_text(hit->keys);
            l.ref.version = explanation_version{ver->from, ver->to, source_refs(ctx.prog, ver->sources), ver->uncertain, ""};
        }
        l.value = to_text(out, "nl");
        l.when = format_date(d);
        if (ver) {
            l.detail = "rij " + (hit ? keys_text(hit->keys) : std::string()) + ", " + period_text(ver->from, ver->to) + ", volgens " +
                       describe_sources(ctx.prog, ver->sources);
            l.uncertain = !ver->uncertain.empty();
            if (l.uncertain) l.detail += "; ONZEKER: " + ver->uncertain;
        } else {
            l.detail = "geen tabelversie van kracht";
        }
        ctx.tr->add(std::move(l));
    }
    return out;
}

value eval_fact(eval_context& ctx, std::uint16_t id) {
    auto& state = ctx.fact_state[id];
    if (state == 2) {
        if (ctx.tr) {
            auto const& f = ctx.prog.facts[id];
            if (!f.helper && ctx.fact_values[id].kind != value_kind::list && ctx.fact_values[id].kind != value_kind::entity)
                ctx.tr->add({"fact", f.name, to_text(ctx.fact_values[id], "nl"), "", false, "", 0, fact_ref(f.name)});
        }
        return ctx.fact_values[id];
    }
    if (state == 1) return {};  // a cycle; the binder rejects these, so this is defensive
    state = 1;
    auto const& f = ctx.prog.facts[id];
    value out{};
    fact_definition const* chosen = nullptr;
    fact_definition const* fallback = nullptr;
    for (auto const& def : f.defs) {
        if (!def.condition) {
            fallback = &def;
            continue;
        }
        if (!eval(ctx, *def.condition).as_bool()) continue;
        value v = eval(ctx, def.value_node);
        if (chosen) {
            if (!equal(v, out))
                ctx.issues.push_back({"conflict: two definitions of fact " + f.name + " apply with different values (" +
                                          to_text(out) + " and " + to_text(v) + ")",
                                      def.where});
            continue;
        }
        chosen = &def;
        out = v;
    }
    if (!chosen && fallback) out = eval(ctx, fallback->value_node);
    ctx.fact_values[id] = out;
    state = 2;
    if (ctx.tr && !f.helper && out.kind != value_kind::list && out.kind != value_kind::entity)
        ctx.tr->add({"fact", f.name, to_text(out, "nl"), "", false, "", 0, fact_ref(f.name)});
    return out;
}

value eval(eval_context& ctx, std::uint32_t idx) {
    if (idx == ctx.due_node) return ctx.due_value;
    auto const& prog = ctx.prog;
    node const& n = prog.nodes[idx];
    switch (n.o) {
        case op::constant: return n.constant;
        case op::slot: return ctx.slots[n.slot];
        case op::fact: return eval_fact(ctx, n.id);
        case op::param_at: {
            value d = eval(ctx, prog.child(n, 0));
            if (d.empty()) return {};
            value args[8];
            std::size_t na = std::min<std::size_t>(n.child_count - 1u, 8);
            for (std::size_t i = 0; i < na; ++i) args[i] = eval(ctx, prog.child(n, i + 1));
            return param_at(ctx, n.id, d.as_date(), args, na);
        }
        case op::param_series: return value{value_kind::series, n.id, 0, nullptr};
        case op::table_series: return value{value_kind::table, n.id, 0, nullptr};
        case op::table_at: {  // children: [keys..., date]
            std::size_t nk = std::min<std::size_t>(n.child_count - 1u, 8);
            value keys[8];
            for (std::size_t i = 0; i < nk; ++i) keys[i] = eval(ctx, prog.child(n, i));
            value d = eval(ctx, prog.child(n, n.child_count - 1u));
            if (d.empty()) return {};
            return table_at(ctx, n.id, keys, nk, d.as_date());
        }
        case op::reference_date: return value::date(ctx.R);
        case op::worker: return value::entity(entity_id::werker, ctx.w);
        case op::agency: return value::entity(entity_id::bureau, ctx.ag);
        case op::vacancy: return ctx.vac ? value::entity(entity_id::vacature, ctx.vac) : value{};
        case op::field: {
            value v = eval(ctx, prog.child(n, 0));
            if (v.empty()) return {};
            if (v.kind == value_kind::week) return detail::week_field(n.id, v, ctx);
            return detail::field_table(static_cast<entity_id>(v.tag)).getters[n.id](v.p, ctx);
        }
        case op::logical_not: return value::boolean(!eval(ctx, prog.child(n, 0)).as_bool());
        case op::logical_and:
            return value::boolean(eval(ctx, prog.child(n, 0)).as_bool() && eval(ctx, prog.child(n, 1)).as_bool());
        case op::logical_or:
            return value::boolean(eval(ctx, prog.child(n, 0)).as_bool() || eval(ctx, prog.child(n, 1)).as_bool());
        case op::compare: {
            if (n.probe && sink) {  // inside eerste_dag: d compared with a date
                value l = eval(ctx, prog.child(n, 0)), r = eval(ctx, prog.child(n, 1));
                probe_date(static_cast<cmp_kind>(n.id), n.probe == 1, n.probe == 1 ? l : r);
                return value::boolean(compare_values(static_cast<cmp_kind>(n.id), l, r));
            }
            return value::boolean(
                compare_values(static_cast<cmp_kind>(n.id), eval(ctx, prog.child(n, 0)), eval(ctx, prog.child(n, 1))));
        }
        case op::first_day: return first_day_of(ctx, n);
        case op::arith: {
            auto k = static_cast<arith_kind>(n.id);
            value a = eval(ctx, prog.child(n, 0)), b = eval(ctx, prog.child(n, 1));
            if (is_division(k) && !a.empty() && !b.empty() && b.i == 0) {
                // Never a crash or a silent value: leeg, and a warning finding naming the place.
                ctx.issues.push_back({"division by zero: " + where_text(n.where), n.where, "regelwerk.deling_door_nul"});
                return {};
            }
            return arith(k, a, b);
        }
        case op::round: return round_node(ctx, n);
        case op::negate: {
            value v = eval(ctx, prog.child(n, 0));
            if (!v.empty()) v.i = -v.i;
            return v;
        }
        case op::is_empty: return value::boolean(eval(ctx, prog.child(n, 0)).empty());
        case op::not_empty: return value::boolean(!eval(ctx, prog.child(n, 0)).empty());
        case op::member:
        case op::not_member: {
            value v = eval(ctx, prog.child(n, 0));
            if (v.empty()) return value::boolean(false);
            bool found = false;
            for (auto const& item : as_list(eval(ctx, prog.child(n, 1))))
                if (equal(item, v)) {
                    found = true;
                    break;
                }
            return value::boolean(n.o == op::member ? found : !found);
        }
        case op::make_list: {
            value* items = ctx.lists.alloc(n.child_count);
            for (std::size_t i = 0; i < n.child_count; ++i) items[i] = eval(ctx, prog.child(n, i));
            return ctx.list_value({items, n.child_count});
        }
        case op::conditional:
            return eval(ctx, eval(ctx, prog.child(n, 0)).as_bool() ? prog.child(n, 1) : prog.child(n, 2));
        case op::call: {
            value args[12];
            std::size_t na = std::min<std::size_t>(n.child_count, 12);
            for (std::size_t i = 0; i < na; ++i) args[i] = eval(ctx, prog.child(n, i));
            if (n.probe == 3 && sink) probe_birthdays(args[0]);
            return builtin_table()[n.id].fn(ctx, args);
        }
        case op::aggregate: return aggregate(ctx, n);
    }
    return {};
}

// ---- values -------------------------------------------------------------------------------------

bool equal(value const& a, value const& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case value_kind::empty: return true;
        case value_kind::text: {
            if (a.p == b.p) return true;
            auto const& x = a.as_text();
            auto const& y = b.as_text();
            return x.size() == y.size() && (x.empty() || (x[0] == y[0] && x == y));
        }
        case value_kind::enumeration: return a.tag == b.tag && a.i == b.i;
        case value_kind::entity: return a.p == b.p;
        case value_kind::list: return a.p == b.p;
        default: return a.i == b.i;
    }
}

int compare(value const& a, value const& b) {
    if (a.kind == value_kind::text && b.kind == value_kind::text) return a.as_text().compare(b.as_text()) < 0 ? -1 : a.as_text() == b.as_text() ? 0 : 1;
    return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
}

/// Polish plural forms (issue 13): 1 tydzień; 2-4, 22-24, ... tygodnie; else tygodni.
static std::string polish_count(std::int64_t n, char const* one, char const* few, char const* many) {
    std::int64_t a = n < 0 ? -n : n;
    char const* w = a == 1 ? one : (a % 10 >= 2 && a % 10 <= 4 && !(a % 100 >= 12 && a % 100 <= 14)) ? few : many;
    return std::to_string(n) + " " + w;
}

/// Polish (issue 13): a decimal comma; amounts in euro as "1234,56 EUR" (the currency after the
/// amount, as Polish writes it, but the euro's code: never "zł"); durations with Polish plurals.
static std::optional<std::string> to_text_pl(value const& v) {
    auto comma = [](std::string s) {
        for (auto& c : s)
            if (c == '.') c = ',';
        return s;
    };
    switch (v.kind) {
        case value_kind::number: return comma(format_decimal(decimal{v.i}));
        case value_kind::money: return comma(format_money(money{v.i})) + " EUR";
        case value_kind::days: return std::to_string(v.i) + (v.i == 1 || v.i == -1 ? " dzień" : " dni");
        case value_kind::weeks: return polish_count(v.i, "tydzień", "tygodnie", "tygodni");
        case value_kind::months: return polish_count(v.i, "miesiąc", "miesiące", "miesięcy");
        default: return std::nullopt;
    }
}

std::string to_text(value const& v, std::string_view lang, bool long_dates) {
    if (lang == "pl")
        if (auto t = to_text_pl(v)) return *t;
    switch (v.kind) {
        case value_kind::empty: return "";
        case value_kind::boolean: return v.i ? "waar" : "onwaar";
        case value_kind::number: return format_decimal(decimal{v.i});
        case value_kind::percentage: {  // millionths of one = ten-thousandths of a percent
            std::int64_t m = v.i < 0 ? -v.i : v.i;
            std::string t = std::to_string(m / 10000);
            if (std::int64_t f = m % 10000) {
                std::string fs = std::to_string(f + 10000).substr(1);
                while (fs.back() == '0') fs.pop_back();
                t += (lang == "nl" || lang == "pl" ? "," : ".") + fs;
            }
            return (v.i < 0 ? "-" : "") + t + (lang == "en" || lang == "pl" ? "%" : " %");
        }
        case value_kind::money: {
            std::string s = format_money(money{v.i});
            if (lang == "nl") {
                for (auto& c : s)
                    if (c == '.') c = ',';
                return "€ " + s;
            }
            return lang == "en" ? "€" + s : s;
        }
        case value_kind::date: return long_dates ? format_date_long(v.as_date(), lang) : format_date(v.as_date());
        case value_kind::days:
            if (lang == "en") return std::to_string(v.i) + (v.i == 1 ? " day" : " days");
            return lang == "nl" ? std::to_string(v.i) + (v.i == 1 ? " dag" : " dagen") : std::to_string(v.i);
        case value_kind::weeks:
            if (lang == "en") return std::to_string(v.i) + (v.i == 1 ? " week" : " weeks");
            return lang == "nl" ? std::to_string(v.i) + (v.i == 1 ? " week" : " weken") : std::to_string(v.i);
        case value_kind::months:
            if (lang == "en") return std::to_string(v.i) + (v.i == 1 ? " month" : " months");
            return lang == "nl" ? std::to_string(v.i) + (v.i == 1 ? " maand" : " maanden") : std::to_string(v.i);
        case value_kind::text: return v.as_text();
        case value_kind::enumeration: {
            auto const& ms = enum_members(static_cast<enum_id>(v.tag));
            return v.i >= 0 && static_cast<std::size_t>(v.i) < ms.size() ? ms[static_cast<std::size_t>(v.i)] : "?";
        }
        case value_kind::week: return format_iso_week(iso_week_of(v.as_date()));
        case value_kind::entity: return "<" + entity_name(static_cast<entity_id>(v.tag)) + ">";
        case value_kind::list: return "<lijst van " + std::to_string(v.i) + ">";
        case value_kind::series: return "<reeks>";
        case value_kind::table: return "<tabel>";
    }
    return "";
}

// ---- context ------------------------------------------------------------------------------------

value* arena::alloc(std::size_t n) {
    if (n > block_size) {
        big_.emplace_back(n);
        return big_.back().data();
    }
    if (block_ < blocks_.size() && used_ + n > block_size) {
        ++block_;
        used_ = 0;
    }
    if (block_ == blocks_.size()) {
        blocks_.push_back(std::make_unique<value[]>(block_size));
        used_ = 0;
    }
    value* out = blocks_[block_].get() + used_;
    used_ += n;
    return out;
}

void trace::add(explanation_line l) {
    // The same value from the same version, read on other days (a parameter read per week): one line.
    for (auto& x : lines)
        if (x.kind == l.kind && x.name == l.name && x.value == l.value && x.detail == l.detail) {
            if (!l.when.empty() && l.when != x.when) ++x.more_days;
            return;
        }
    lines.push_back(std::move(l));
}

void eval_context::reset_for(worker const* worker_ptr, day reference, opt_day known_until) {
    w = worker_ptr;
    R = reference;
    K = known_until && *known_until < reference ? *known_until : reference;
    slots.assign(prog.slot_count + 1u, value{});
    fact_values.assign(prog.facts.size(), value{});
    fact_state.assign(prog.facts.size(), 0);
    lists.reset();
    faseringen.clear();
    ketens.clear();
    ziektegevallen.clear();
    with_prior.clear();
    texts.clear();
    list_headers.clear();
    issues.clear();
    worked_weeks.reset();
    holiday_weeks.reset();
    placement_contracts.clear();
}

day ziektegeval_data::sick_day(std::int64_t n) const {
    for (std::size_t i = 0; i < periods.size(); ++i) {
        auto const* z = periods[i];
        bool last = i + 1 == periods.size();
        opt_day end = z->recovered_on ? opt_day(*z->recovered_on - date::days{1}) : std::nullopt;
        if (last || !end) return z->first_day + date::days{n};
        std::int64_t len = (*end - z->first_day).count() + 1;
        if (n < len) return z->first_day + date::days{n};
        n -= len;
    }
    return first_day + date::days{n};
}

std::int64_t ziektegeval_data::sick_days_through(day d) const {
    std::int64_t n = 0;
    for (auto const* z : periods) {
        if (d < z->first_day) break;
        day to = z->recovered_on && *z->recovered_on - date::days{1} < d ? *z->recovered_on - date::days{1} : d;
        if (to >= z->first_day) n += (to - z->first_day).count() + 1;
    }
    return n;
}

bool ziektegeval_data::sick_on(day d) const {
    for (auto const* z : periods)
        if (z->first_day <= d && (!z->recovered_on || d < *z->recovered_on)) return true;
    return false;
}

list_data eval_context::make_list(std::vector<value> const& items) { return make_list(items.data(), items.size()); }

list_data eval_context::make_list(value const* items, std::size_t n) {
    value* out = lists.alloc(n);
    std::copy(items, items + n, out);
    return {out, n};
}

}  // namespace rw::engine
