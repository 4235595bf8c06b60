// Acquisition (issue 14): evaluating a `tarief` declaration, the quote around it (margin or
// factor, floors, refusal below cost) and the re-quote list. The numbers and their sources live in
// rules/tarief/; this file only runs them.
#include "rw/engine/tariff.hpp"

#include "eval/evaluate.hpp"

#include <algorithm>
#include <set>

namespace rw::engine {

namespace {

__extension__ using wide = __int128;

/// num / den rounded half away from zero.
std::int64_t round_half(wide num, wide den) {
    if (den < 0) num = -num, den = -den;
    wide q = num / den, r = num % den;
    if (r < 0) r = -r;
    if (2 * r >= den) q += num < 0 ? -1 : 1;
    return static_cast<std::int64_t>(q);
}

std::string trim(std::string s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t') out += c;
    return out;
}

std::string decimal_point(std::string s) {
    std::replace(s.begin(), s.end(), ',', '.');
    return s;
}

/// An input's text as a value of the argument's type; nullopt when it does not read.
std::optional<value> input_value(eval_context& ctx, type const& t, std::string const& raw) {
    std::string s = trim(raw);
    if (s.empty()) return value{};
    switch (t.kind) {
        case type_kind::money: {
            if (s.rfind("€", 0) == 0) s = s.substr(std::string("€").size());
            if (auto m = parse_money(decimal_point(s))) return value::cents(m->cents);
            return std::nullopt;
        }
        case type_kind::number:
            if (auto d = parse_decimal(decimal_point(s))) return value::number_milli(d->milli);
            return std::nullopt;
        case type_kind::percentage:
            if (!s.empty() && s.back() == '%') s.pop_back();
            if (auto p = parse_percent_micro(decimal_point(s))) return value::percent_micro(*p);
            return std::nullopt;
        case type_kind::boolean:
            if (s == "ja" || s == "waar" || s == "true" || s == "yes") return value::boolean(true);
            if (s == "nee" || s == "onwaar" || s == "false" || s == "no") return value::boolean(false);
            return std::nullopt;
        case type_kind::date:
            if (auto d = parse_date(s)) return value::date(*d);
            return std::nullopt;
        case type_kind::text: return value::text(ctx.keep_text(raw));
        case type_kind::enumeration: {
            int m = enum_member(static_cast<enum_id>(t.sub), s);
            if (m < 0) return std::nullopt;
            return value::enumeration(static_cast<enum_id>(t.sub), m);
        }
        default: return std::nullopt;
    }
}

void add_source(std::vector<explanation_source>& to, explanation_source const& s) {
    for (auto const& x : to)
        if (x.id == s.id) return;
    to.push_back(s);
}

void add_text(std::vector<std::string>& to, std::string const& s) {
    if (!s.empty() && std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

}  // namespace

tariff_result evaluator::run_tariff(agency const* ag, std::string const& name, day at, tariff_inputs const& inputs) {
    tariff_result out;
    out.tariff = name;
    out.at = at;
    auto& ctx = *ctx_;
    program const& prog = *prog_;
    tariff_info const* t = nullptr;
    for (auto const& x : prog.tariffs)
        if (x.name == name && x.valid_from <= at && (!x.valid_to || at <= *x.valid_to)) t = &x;
    if (!t) {
        bool known = std::any_of(prog.tariffs.begin(), prog.tariffs.end(), [&](auto const& x) { return x.name == name; });
        out.errors.push_back(known ? "tariff " + name + " is not in force on " + format_date(at)
                                   : "the rules have no tariff '" + name + "'");
        return out;
    }
    ctx.reset_for(nullptr, at);
    ctx.ag = ag;
    static client_index const no_clients;
    ctx.clients = &no_clients;
    out.citations = t->citation_texts;
    for (auto const& [k, v] : inputs) {
        bool known = std::any_of(t->args.begin(), t->args.end(), [&](auto const& a) { return a.first == k; });
        if (!known) out.errors.push_back("tariff " + name + " has no input '" + k + "'");
    }
    for (std::size_t i = 0; i < t->args.size(); ++i) {
        auto const& [an, at_type] = t->args[i];
        value v{};
        if (auto it = inputs.find(an); it != inputs.end()) {
            auto parsed = input_value(ctx, at_type, it->second);
            if (!parsed) out.errors.push_back("input '" + an + "' (" + type_name(at_type) + "): cannot read '" + it->second + "'");
            else v = *parsed;
        }
        ctx.slots[t->first_arg_slot + i] = v;
    }
    if (!out.errors.empty()) return out;
    for (auto const& l : t->lines) {
        ctx.tr = nullptr;
        if (l.condition && !eval(ctx, *l.condition).as_bool()) {
            ctx.slots[l.slot] = value::cents(0);  // a line that does not apply adds nothing
            continue;
        }
        trace tr;
        ctx.tr = &tr;
        tariff_line_result r;
        r.name = l.name;
        r.kind = l.kind;
        r.label_nl = l.nl;
        r.label_en = l.en;
        if (l.base)
            if (value b = eval(ctx, *l.base); !b.empty()) r.base_cents = b.i;
        if (l.rate)
            if (value p = eval(ctx, *l.rate); !p.empty()) r.rate_micro = p.i;
        value a = eval(ctx, l.amount);
        ctx.tr = nullptr;
        ctx.slots[l.slot] = a;
        if (!a.empty()) r.amount_cents = a.i;
        else out.errors.push_back("line " + l.name + " of tariff " + name + " has no amount (an input or a value is leeg)");
        for (int s : l.sources) {
            auto const& src = prog.sources[static_cast<std::size_t>(s)];
            add_source(r.sources, {src.name, src.title, src.url});
        }
        add_text(r.uncertain, l.uncertain);
        for (auto const& x : tr.lines) {
            if (x.ref.kind != explanation_kind::parameter && x.ref.kind != explanation_kind::table) continue;
            if (x.ref.version) {
                for (auto const& s : x.ref.version->sources) add_source(r.sources, s);
                if (!x.ref.version->uncertain.empty()) add_text(r.uncertain, x.name + ": " + x.ref.version->uncertain);
            }
            r.reads.push_back(x);
        }
        if (l.kind == tariff_line_kind::cost && r.amount_cents) out.cost_cents += *r.amount_cents;
        out.lines.push_back(std::move(r));
    }
    for (auto const& i : ctx.issues) out.errors.push_back(i.message);
    return out;
}

tariff_result evaluate_tariff(evaluator& ev, agency const* ag, std::string const& name, day at, tariff_inputs const& inputs) {
    return ev.run_tariff(ag, name, at, inputs);
}

std::string contract_for_phase(std::string const& fase) {
    if (fase == "A") return "uitzendbeding";
    if (fase == "B") return "bepaalde_tijd";
    if (fase == "C") return "onbepaalde_tijd";
    return "";
}

quote make_quote(evaluator& ev, agency const* ag, std::string const& tariff_name, day at, tariff_inputs const& inputs,
                 quote_options const& o) {
    quote q;
    q.cost = evaluate_tariff(ev, ag, tariff_name, at, inputs);
    if (auto it = inputs.find("loon"); it != inputs.end())
        if (auto m = parse_money(decimal_point(trim(it->second)))) q.wage_cents = m->cents;
    for (auto const& l : q.cost.lines) {
        if (l.kind != tariff_line_kind::floor || !l.amount_cents) continue;
        tariff_floor f{l.name, l.label_nl, l.label_en, *l.amount_cents, q.wage_cents >= *l.amount_cents, l.sources, l.uncertain};
        if (!f.met) {
            q.refused = true;
            q.refusals.push_back({refusal_kind::below_floor, l.name, l.label_nl, l.label_en, f.amount_cents});
        }
        q.floors.push_back(std::move(f));
    }
    if (!q.cost.errors.empty()) {
        q.refused = true;
        q.refusals.push_back({refusal_kind::no_cost, "", "", "", 0});
        return q;
    }
    if (q.wage_cents > 0) q.cost_factor_micro = round_half(wide(q.cost.cost_cents) * 1000000, q.wage_cents);
    if (o.margin_micro) q.tariff_cents = round_half(wide(q.cost.cost_cents) * (1000000 + *o.margin_micro), 1000000);
    else if (o.factor_milli) q.tariff_cents = round_half(wide(q.wage_cents) * *o.factor_milli, 1000);
    if (q.tariff_cents) {
        if (q.wage_cents > 0) q.factor_micro = round_half(wide(*q.tariff_cents) * 1000000, q.wage_cents);
        if (q.cost.cost_cents > 0) q.margin_micro = round_half(wide(*q.tariff_cents - q.cost.cost_cents) * 1000000, q.cost.cost_cents);
        if (*q.tariff_cents < q.cost.cost_cents) {
            q.refused = true;
            q.refusals.push_back({refusal_kind::below_cost, "", "", "", q.cost.cost_cents - *q.tariff_cents});
        }
    }
    return q;
}

tariff_inputs placement_inputs(evaluator& ev, dossier const& d, worker const& w, placement const& p, day at,
                               std::string const& tariff_name) {
    tariff_inputs in;
    client_index clients(d.clients);
    if (p.hourly_wage) in["loon"] = format_money(*p.hourly_wage);
    for (auto const& c : w.contracts)
        if (c.id == p.contract) {
            in["contract"] = to_string(c.kind);
            if (c.hours_per_week) in["uren"] = format_decimal(*c.hours_per_week);
        }
    evaluation_options eo;
    eo.reference = at;
    for (auto const& f : ev.evaluate_worker(d.agency_info, clients, w, eo).facts)
        if (f.name == "fase" && !f.text.empty()) in["fase"] = f.text;
    if (w.birth_date) in["leeftijd"] = std::to_string(age_on(*w.birth_date, at));
    if (client const* k = clients.find(p.client); k && p.function) {
        std::optional<money> ref;
        day from{};
        for (auto const& r : k->reference_wages)
            if (r.function == *p.function && r.from <= at && (!ref || r.from >= from)) ref = r.hourly, from = r.from;
        if (ref) in["referentieloon"] = format_money(*ref);
    }
    for (auto const& t : ev.prog().tariffs)
        if (t.name == tariff_name)
            for (auto it = in.begin(); it != in.end();)
                it = std::any_of(t.args.begin(), t.args.end(), [&](auto const& a) { return a.first == it->first; }) ? std::next(it)
                                                                                                                   : in.erase(it);
    return in;
}

// ---- the re-quote list ---------------------------------------------------------------------------

namespace {

struct day_inputs {
    tariff_inputs in;
    std::string fase, contract;
    int age = -1;
};

std::string fact_text(worker_result const& r, std::string const& name) {
    for (auto const& f : r.facts)
        if (f.name == name) return f.text;
    return "";
}

/// A parameter's base value on d (its dated versions; exceptions are not tried).
std::optional<value> version_value(parameter_info const& p, day d) {
    for (auto const& v : p.versions)
        if (v.from <= d && (!v.to || d <= *v.to)) return v.v;
    return std::nullopt;
}

opt_day fact_day(worker_result const& r, std::string const& name) {
    auto t = fact_text(r, name);
    return t.empty() ? opt_day{} : parse_date(t);
}

}  // namespace

std::vector<requote_change> requote_list(evaluator& ev, dossier const& d, requote_options const& o) {
    std::vector<requote_change> out;
    program const& prog = ev.prog();
    tariff_info const* t = nullptr;
    for (auto const& x : prog.tariffs)
        if (x.name == o.tariff && x.valid_from <= o.at && (!x.valid_to || o.at <= *x.valid_to)) t = &x;
    if (!t) return out;
    day last = o.at + date::days{7 * o.weeks};
    // Days on which what the tariff reads changes value.
    std::map<day, std::vector<std::pair<int, int>>> param_days;  // (0 parameter | 1 table, index)
    std::set<day> table_days;
    for (int p : t->params_read) {
        auto const& pi = prog.params[static_cast<std::size_t>(p)];
        for (day x : param_breakpoints(pi))
            if (x > o.at && x <= last) param_days[x].push_back({0, p});
    }
    for (int k : t->tables_read) {
        auto const& ti = prog.tables[static_cast<std::size_t>(k)];
        for (auto const& v : ti.versions)
            if (v.from > o.at && v.from <= last) table_days.insert(v.from);
    }
    client_index clients(d.clients);
    for (auto const& w : d.workers) {
        for (auto const& p : w.placements) {
            if (p.start > o.at || (p.end && *p.end < o.at) || !p.hourly_wage) continue;
            contract const* pc = nullptr;
            for (auto const& c : w.contracts)
                if (c.id == p.contract) pc = &c;
            if (!pc || (pc->effective_end() && *pc->effective_end() < o.at)) continue;
            client const* k = clients.find(p.client);
            // The worker's phase now and the days a later phase begins (projected from the contracts).
            evaluation_options eo;
            eo.reference = last;
            eo.known_until = o.at;
            auto later = ev.evaluate_worker(d.agency_info, clients, w, eo);
            evaluation_options now_o;
            now_o.reference = o.at;
            auto now = ev.evaluate_worker(d.agency_info, clients, w, now_o);
            std::string fase_now = fact_text(now, "fase");
            opt_day b_start = fact_day(later, "fase_b.start"), c_start = fact_day(later, "fase_c.start");
            auto inputs_on = [&](day x) {
                day_inputs di;
                di.fase = fase_now;
                if (c_start && *c_start <= x && *c_start > o.at) di.fase = "C";
                else if (b_start && *b_start <= x && *b_start > o.at && di.fase != "C") di.fase = "B";
                // The contract that runs on x; after a phase change the kind the new phase allows.
                contract const* c = pc;
                for (auto const& cc : w.contracts)
                    if (cc.start <= x && (!cc.effective_end() || x <= *cc.effective_end()) && cc.start > pc->start) c = &cc;
                di.contract = to_string(c->kind);
                if (di.fase != fase_now && c == pc && pc->kind != contract_kind::oproep) {
                    auto k2 = contract_for_phase(di.fase);
                    if (!k2.empty()) di.contract = k2;
                }
                di.in["loon"] = format_money(*p.hourly_wage);
                di.in["contract"] = di.contract;
                if (!di.fase.empty()) di.in["fase"] = di.fase;
                if (w.birth_date) {
                    di.age = age_on(*w.birth_date, x);
                    di.in["leeftijd"] = std::to_string(di.age);
                }
                if (c->hours_per_week) di.in["uren"] = format_decimal(*c->hours_per_week);
                if (k && p.function) {
                    std::optional<money> ref;
                    for (auto const& r : k->reference_wages)
                        if (r.function == *p.function && r.from <= x) ref = r.hourly;
                    if (ref) di.in["referentieloon"] = format_money(*ref);
                }
                std::set<std::string> names;
                for (auto const& a : t->args) names.insert(a.first);
                for (auto it = di.in.begin(); it != di.in.end();)
                    it = names.count(it->first) ? std::next(it) : di.in.erase(it);
                return di;
            };
            std::map<day, std::vector<requote_cause>> days;
            for (auto const& [x, ids] : param_days)
                for (auto const& [kind, id] : ids) {
                    requote_cause rc;
                    if (kind == 0) {
                        auto const& pi = prog.params[static_cast<std::size_t>(id)];
                        auto old_v = version_value(pi, x - date::days{1}), new_v = version_value(pi, x);
                        if (old_v && new_v && equal(*old_v, *new_v)) continue;  // only a new source or marking
                        rc.kind = requote_cause_kind::parameter;
                        rc.name = pi.name;
                        if (old_v) rc.old_value = *old_v;
                        if (new_v) rc.new_value = *new_v;
                    } else {
                        continue;  // a table (the minimum wage) changes the cost only through the wage: wage_floor
                    }
                    days[x].push_back(rc);
                }
            auto mark = [&](day x, requote_cause rc) { days[x].push_back(std::move(rc)); };
            if (b_start && *b_start > o.at && *b_start <= last) mark(*b_start, {requote_cause_kind::phase, "fase", "", "", {}, {}, fase_now, "B"});
            if (c_start && *c_start > o.at && *c_start <= last) mark(*c_start, {requote_cause_kind::phase, "fase", "", "", {}, {}, fase_now, "C"});
            for (auto const& cc : w.contracts)
                if (cc.start > o.at && cc.start <= last && cc.kind != pc->kind)
                    mark(cc.start, {requote_cause_kind::contract, cc.id, "", "", {}, {}, to_string(pc->kind), to_string(cc.kind)});
            for (auto const& x : table_days)
                if (!days.count(x)) days[x];  // the minimum wage may rise: try the day
            if (w.birth_date) {
                for (int y = 0; y < 2; ++y) {
                    auto ymd = date::year_month_day{*w.birth_date};
                    int age_then = age_on(*w.birth_date, o.at) + 1 + y;
                    auto yy = ymd.year() + date::years{age_then};
                    auto bd = date::year_month_day{yy, ymd.month(), ymd.day()};
                    day bday = bd.ok() ? day{bd} : day{date::year_month_day{yy, date::month{3}, date::day{1}}};
                    if (bday > o.at && bday <= last)
                        mark(bday, {requote_cause_kind::birthday, "leeftijd", "", "", value::integer(age_then - 1), value::integer(age_then), "", ""});
                }
            }
            // The cost on a day; a wage below a floor ('ondergrens': the minimum wage for the age)
            // must rise to it, so the cost is computed at the floor (cause wage_floor).
            std::int64_t wage = p.hourly_wage->cents;
            auto cost_on = [&](day x, std::vector<requote_cause>* causes) {
                auto di = inputs_on(x);
                di.in["loon"] = format_money(money{wage});
                auto r = evaluate_tariff(ev, &d.agency_info, o.tariff, x, di.in);
                std::int64_t need = wage;
                tariff_line_result const* floor = nullptr;
                for (auto const& l : r.lines)
                    if (l.kind == tariff_line_kind::floor && l.amount_cents && *l.amount_cents > need) need = *l.amount_cents, floor = &l;
                if (floor && r.errors.empty()) {
                    if (causes)
                        causes->push_back({requote_cause_kind::wage_floor, floor->name, floor->label_nl, floor->label_en, value::cents(wage),
                                           value::cents(need), "", ""});
                    wage = need;
                    di.in["loon"] = format_money(money{wage});
                    r = evaluate_tariff(ev, &d.agency_info, o.tariff, x, di.in);
                }
                return r;
            };
            auto prev = cost_on(o.at, nullptr);
            if (!prev.errors.empty()) continue;
            for (auto& [x, causes] : days) {
                auto cur = cost_on(x, &causes);
                if (!cur.errors.empty()) continue;
                if (cur.cost_cents != prev.cost_cents) {
                    requote_change ch;
                    ch.client = p.client;
                    ch.client_name = k ? k->name : "";
                    ch.worker = w.id;
                    ch.worker_name = w.name;
                    ch.placement = p.id;
                    ch.function = p.function.value_or("");
                    ch.on = x;
                    ch.old_cost_cents = prev.cost_cents;
                    ch.new_cost_cents = cur.cost_cents;
                    ch.causes = causes;
                    ch.uncertain = cur.uncertain();
                    out.push_back(std::move(ch));
                }
                prev = std::move(cur);
            }
        }
    }
    std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) {
        return std::tie(a.client, a.on, a.worker, a.placement) < std::tie(b.client, b.on, b.worker, b.placement);
    });
    return out;
}

}  // namespace rw::engine
