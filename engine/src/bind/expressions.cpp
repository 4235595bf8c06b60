// Expressions: literals, and the type checking of every expression form (units never mix).
#include "binder_impl.hpp"

#include "../eval/builtins.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

bool ordered(type t) {
    switch (t.kind) {
        case type_kind::number:
        case type_kind::money:
        case type_kind::percentage:
        case type_kind::date:
        case type_kind::days:
        case type_kind::weeks:
        case type_kind::months:
        case type_kind::text:
        case type_kind::week:
        case type_kind::enumeration:
            return true;
        default: return false;
    }
}

bool has_period(type t) {
    if (t.kind != type_kind::entity) return false;
    auto e = static_cast<entity_id>(t.sub);
    return e == entity_id::contract || e == entity_id::plaatsing || e == entity_id::ziekte || e == entity_id::staking ||
           e == entity_id::keten || e == entity_id::ziektegeval;
}

bool binder::compatible(type actual, type expected) {
    if (actual.kind == type_kind::error || expected.kind == type_kind::error) return true;
    if (actual.kind == type_kind::empty) return true;
    if (expected.kind == type_kind::entity && expected.sub == 0) return has_period(actual);
    if (actual.kind == type_kind::list && expected.kind == type_kind::list) {
        if (actual.elem == type_kind::empty || actual.elem == type_kind::error) return true;
        return compatible(actual.element(), expected.element());
    }
    return actual == expected;
}

std::optional<day> binder::literal_date(ast::date_literal const& d) {
    auto v = parse_date(d.text);
    if (!v) error(codes::bad_date, span(d), "'" + d.text + "' is not a calendar date");
    return v;
}

std::optional<value> binder::constant_value(ast::expr const& e, type t, std::string const& what) {
    bound b = bind(e, &t);
    node const& n = prog_.nodes[b.node];
    if (n.o == op::make_list) {
        // A constant list: every item must be a constant.
        std::vector<value> items;
        for (std::size_t i = 0; i < n.child_count; ++i) {
            node const& item = prog_.nodes[prog_.child(n, i)];
            if (item.o != op::constant) {
                error(codes::not_constant, span(e), what + " must be a constant");
                return std::nullopt;
            }
            items.push_back(item.constant);
        }
        expect_type(b, t, span(e), what);
        prog_.constant_lists.push_back(std::move(items));
        auto const& stored = prog_.constant_lists.back();
        prog_.constant_list_headers.push_back({stored.data(), stored.size()});
        return value{value_kind::list, 0, static_cast<std::int64_t>(stored.size()), &prog_.constant_list_headers.back()};
    }
    if (n.o == op::negate && prog_.nodes[prog_.child(n, 0)].o == op::constant) {
        // -5, -€ 12.50, -0,5 %: a negative literal is a constant too.
        value v = prog_.nodes[prog_.child(n, 0)].constant;
        if (!v.empty()) v.i = -v.i;
        expect_type(b, t, span(e), what);
        return v;
    }
    if (n.o != op::constant) {
        error(codes::not_constant, span(e), what + " must be a constant (a literal value)");
        return std::nullopt;
    }
    expect_type(b, t, span(e), what);
    return n.constant;
}

bound binder::literal(ast::expr const& e, type const*) {
    if (auto const* d = boost::get<ast::date_literal>(&e)) {
        auto v = literal_date(*d);
        return constant(v ? value::date(*v) : value{}, type::of(type_kind::date), span(*d));
    }
    if (auto const* n = boost::get<ast::number_literal>(&e)) {
        auto v = parse_decimal(n->text);
        if (!v) error(codes::bad_number, span(*n), "'" + n->text + "' is not a number with at most three decimals");
        return constant(value::number_milli(v ? v->milli : 0), type::of(type_kind::number), span(*n));
    }
    if (auto const* d = boost::get<ast::duration_literal>(&e)) {
        auto v = parse_decimal(d->amount);
        if (!v || v->milli % 1000 != 0) {
            error(codes::duration_not_whole, span(*d), "a duration must be a whole number of " + d->unit);
            return error_node(span(*d));
        }
        std::int64_t n = v->milli / 1000;
        type_kind k = d->unit == "dagen" ? type_kind::days : d->unit == "weken" ? type_kind::weeks : type_kind::months;
        // At most 200 years either way: date arithmetic stays far from overflow, and a typo such as
        // 2147483647 weken is an error instead of a silently different result.
        std::int64_t const limit = d->unit == "dagen" ? 73050 : d->unit == "weken" ? 10440 : d->unit == "jaren" ? 200 : 2400;
        if (n > limit || n < -limit) {
            error(codes::duration_range, span(*d), "a duration of at most " + std::to_string(limit) + " " + d->unit + " (200 years), not " + d->amount);
            return error_node(span(*d));
        }
        if (d->unit == "jaren") n *= 12;  // a year is 12 months: the catalogue's month arithmetic applies
        value_kind vk = k == type_kind::days ? value_kind::days : k == type_kind::weeks ? value_kind::weeks : value_kind::months;
        return constant(value::duration(vk, n), type::of(k), span(*d));
    }
    if (auto const* m = boost::get<ast::money_literal>(&e)) {
        auto v = parse_money(m->amount);
        if (!v) error(codes::bad_amount, span(*m), "'" + m->amount + "' is not an amount in euro (at most two decimals)");
        return constant(value::cents(v ? v->cents : 0), type::of(type_kind::money), span(*m));
    }
    if (auto const* p = boost::get<ast::percent_literal>(&e)) {
        auto v = parse_percent_micro(p->amount);
        if (!v) error(codes::bad_percentage, span(*p), "'" + p->amount + " %' is not a percentage with at most four decimals");
        return constant(value::percent_micro(v ? *v : 0), type::of(type_kind::percentage), span(*p));
    }
    if (auto const* t = boost::get<ast::text_literal>(&e)) {
        prog_.strings.push_back(collapse_whitespace(t->value));
        return constant(value::text(&prog_.strings.back()), type::of(type_kind::text), span(*t));
    }
    if (auto const* b = boost::get<ast::bool_literal>(&e))
        return constant(value::boolean(b->value), type::of(type_kind::boolean), span(*b));
    if (auto const* l = boost::get<ast::empty_literal>(&e)) return constant(value{}, type::of(type_kind::empty), span(*l));
    return error_node(span(e));
}

bound binder::bind(ast::expr const& e, type const* expected) {
    using namespace ast;
    if (boost::get<date_literal>(&e) || boost::get<number_literal>(&e) || boost::get<duration_literal>(&e) ||
        boost::get<money_literal>(&e) || boost::get<percent_literal>(&e) || boost::get<text_literal>(&e) || boost::get<bool_literal>(&e) ||
        boost::get<empty_literal>(&e))
        return literal(e, expected);
    if (auto const* n = boost::get<name_ref>(&e)) return bind_name(*n, expected);
    if (auto const* u = boost::get<x3::forward_ast<unary>>(&e)) return bind_unary(u->get(), expected);
    if (auto const* b = boost::get<x3::forward_ast<binary>>(&e)) return bind_binary(b->get(), expected);
    if (auto const* c = boost::get<x3::forward_ast<call>>(&e)) return bind_call(c->get(), std::nullopt);
    if (auto const* a = boost::get<x3::forward_ast<aggregate>>(&e)) return bind_aggregate(a->get());
    if (auto const* c = boost::get<x3::forward_ast<conditional>>(&e)) {
        auto const& cn = c->get();
        type bt = type::of(type_kind::boolean);
        bound cond = bind(cn.condition, &bt);
        expect_type(cond, bt, span(cn.condition), "the condition after 'als'");
        bound a = bind(cn.then_value, expected);
        bound b = bind(cn.else_value, a.t.kind == type_kind::empty ? expected : &a.t);
        type t = a.t.kind == type_kind::empty ? b.t : a.t;
        if (!compatible(b.t, t) && !compatible(t, b.t))
            error(codes::branch_types, span(cn.else_value), "both branches must have the same type: " + type_name(a.t) + " and " + type_name(b.t));
        node n;
        n.o = op::conditional;
        n.t = t;
        n.where = span(cn);
        return {add(n, {cond.node, a.node, b.node}), t};
    }
    if (auto const* s = boost::get<x3::forward_ast<set_literal>>(&e)) {
        auto const& sn = s->get();
        type elem = expected && expected->kind == type_kind::list ? expected->element() : type::of(type_kind::empty);
        std::vector<std::uint32_t> kids;
        for (auto const& item : sn.items) {
            bound b = bind(item, elem.kind == type_kind::empty ? nullptr : &elem);
            if (elem.kind == type_kind::empty) elem = b.t;
            else if (!compatible(b.t, elem)) error(codes::set_item_type, span(item), "set items must all be " + type_name(elem) + ", not " + type_name(b.t));
            kids.push_back(b.node);
        }
        node n;
        n.o = op::make_list;
        n.t = type::list_of(elem);
        n.where = span(sn);
        return {add(n, kids), n.t};
    }
    if (auto const* a = boost::get<x3::forward_ast<as_of>>(&e)) return bind_as_of(a->get());
    if (auto const* f = boost::get<x3::forward_ast<first_day>>(&e)) return bind_first_day(f->get());
    if (auto const* em = boost::get<x3::forward_ast<emptiness>>(&e)) {
        bound x = bind(em->get().value);
        node n;
        n.o = em->get().negated ? op::not_empty : op::is_empty;
        n.t = type::of(type_kind::boolean);
        n.where = span(em->get());
        return {add(n, {x.node}), n.t};
    }
    if (auto const* m = boost::get<x3::forward_ast<membership>>(&e)) {
        auto const& mn = m->get();
        bound v = bind(mn.value);
        type lt = type::list_of(v.t);
        bound l = bind(mn.set, &lt);
        if (l.t.kind != type_kind::list && l.t.kind != type_kind::error)
            error(codes::membership_type, span(mn.set), "'in' needs a list or a set {a, b}, not " + type_name(l.t));
        else if (l.t.kind == type_kind::list && !compatible(v.t, l.t.element()) && !compatible(l.t.element(), v.t))
            error(codes::membership_type, span(mn), "cannot look for " + type_name(v.t) + " in " + type_name(l.t));
        node n;
        n.o = mn.negated ? op::not_member : op::member;
        n.t = type::of(type_kind::boolean);
        n.where = span(mn);
        return {add(n, {v.node, l.node}), n.t};
    }
    return error_node(span(e));
}

bound binder::bind_unary(ast::unary const& un, type const* expected) {
    if (un.op == "niet") {
        type bt = type::of(type_kind::boolean);
        bound x = bind(un.operand, &bt);
        expect_type(x, bt, span(un.operand), "the operand of 'niet'");
        node n;
        n.o = op::logical_not;
        n.t = bt;
        n.where = span(un);
        return {add(n, {x.node}), bt};
    }
    bound x = bind(un.operand, expected);
    if (!(x.t.kind == type_kind::number || x.t.kind == type_kind::money || x.t.kind == type_kind::percentage ||
          x.t.is_duration() || x.t.kind == type_kind::error))
        error(codes::bad_negation, span(un.operand), "'-' needs a number, an amount, a percentage or a duration, not " + type_name(x.t));
    node n;
    n.o = op::negate;
    n.t = x.t;
    n.where = span(un);
    return {add(n, {x.node}), x.t};
}

bound binder::param_node(int pid, std::vector<std::uint32_t> args, std::optional<bound> at, dsl::span s) {
    auto const& p = prog_.params[static_cast<std::size_t>(pid)];
    node n;
    n.o = op::param_at;
    n.t = p.t;
    n.id = static_cast<std::uint16_t>(pid);
    n.where = s;
    std::uint32_t date_node = read_day(at, s);
    std::vector<std::uint32_t> kids{date_node};
    kids.insert(kids.end(), args.begin(), args.end());
    return {add(n, kids), p.t};
}

bound binder::bind_binary(ast::binary const& b, type const* expected) {
    dsl::span s = span(b);
    type bt = type::of(type_kind::boolean);
    if (b.op == "en" || b.op == "of") {
        bound l = bind(b.lhs, &bt), r = bind(b.rhs, &bt);
        expect_type(l, bt, span(b.lhs), "the left side of '" + b.op + "'");
        expect_type(r, bt, span(b.rhs), "the right side of '" + b.op + "'");
        node n;
        n.o = b.op == "en" ? op::logical_and : op::logical_or;
        n.t = bt;
        n.where = s;
        return {add(n, {l.node, r.node}), bt};
    }
    static std::map<std::string, cmp_kind> const cmps = {{"=", cmp_kind::eq},  {"!=", cmp_kind::ne}, {"<", cmp_kind::lt},
                                                        {"<=", cmp_kind::le}, {">", cmp_kind::gt},  {">=", cmp_kind::ge}};
    if (auto it = cmps.find(b.op); it != cmps.end()) {
        bound l = bind(b.lhs);
        bound r = bind(b.rhs, &l.t);
        if (l.t.kind == type_kind::empty && r.t.kind != type_kind::empty) std::swap(l, r);
        if (r.t.kind == type_kind::empty && (it->second == cmp_kind::eq || it->second == cmp_kind::ne)) {
            node n;
            n.o = it->second == cmp_kind::eq ? op::is_empty : op::not_empty;
            n.t = bt;
            n.where = s;
            return {add(n, {l.node}), bt};
        }
        bool same = l.t == r.t || l.t.kind == type_kind::error || r.t.kind == type_kind::error;
        if (!same) {
            std::string hint;
            if (l.t.is_duration() && r.t.is_duration()) hint = " (durations of different units never compare: write both in the same unit)";
            else if ((l.t.is_duration() && r.t.kind == type_kind::number) || (r.t.is_duration() && l.t.kind == type_kind::number))
                hint = " (write the number with its unit, e.g. 52 weken)";
            error(codes::cannot_compare, s, "cannot compare " + type_name(l.t) + " with " + type_name(r.t) + hint);
        } else if (it->second != cmp_kind::eq && it->second != cmp_kind::ne && !ordered(l.t) && l.t.kind != type_kind::error) {
            error(codes::not_ordered, s, "'" + b.op + "' needs ordered values; " + type_name(l.t) + " can only be compared with = or !=");
        }
        node n;
        n.o = op::compare;
        n.id = static_cast<std::uint16_t>(it->second);
        n.t = bt;
        n.where = s;
        return {add(n, {l.node, r.node}), bt};
    }
    // Arithmetic
    bound l = bind(b.lhs, expected);
    bound r = bind(b.rhs);
    auto k = [](type t) { return t.kind; };
    std::optional<arith_kind> ak;
    type result = l.t;
    if (l.t.kind == type_kind::error || r.t.kind == type_kind::error) return error_node(s);
    if (b.op == "+" || b.op == "-") {
        bool plus = b.op == "+";
        if (k(l.t) == type_kind::number && k(r.t) == type_kind::number) ak = plus ? arith_kind::number_add : arith_kind::number_sub;
        else if (k(l.t) == type_kind::money && k(r.t) == type_kind::money) ak = plus ? arith_kind::money_add : arith_kind::money_sub;
        else if (k(l.t) == type_kind::date && k(r.t) == type_kind::days) ak = plus ? arith_kind::date_add_days : arith_kind::date_sub_days;
        else if (k(l.t) == type_kind::date && k(r.t) == type_kind::weeks) ak = plus ? arith_kind::date_add_weeks : arith_kind::date_sub_weeks;
        else if (k(l.t) == type_kind::date && k(r.t) == type_kind::months) ak = plus ? arith_kind::date_add_months : arith_kind::date_sub_months;
        else if (!plus && k(l.t) == type_kind::date && k(r.t) == type_kind::date) {
            ak = arith_kind::date_diff;
            result = type::of(type_kind::days);
        } else if (l.t.is_duration() && l.t == r.t) ak = plus ? arith_kind::duration_add : arith_kind::duration_sub;
        else if (k(l.t) == type_kind::percentage && k(r.t) == type_kind::percentage)
            ak = plus ? arith_kind::percent_add : arith_kind::percent_sub;
    } else if (b.op == "*") {
        // A scale factor may stand on either side (€ 100 * 7,45 % and 7,45 % * € 100): the node
        // keeps the amount (or number) left.
        auto is = [&](type t, type_kind want) { return k(t) == want; };
        bool swap = (is(l.t, type_kind::number) && is(r.t, type_kind::money)) ||
                    (is(l.t, type_kind::percentage) && (is(r.t, type_kind::money) || is(r.t, type_kind::number)));
        if (swap) std::swap(l, r);
        if (is(l.t, type_kind::number) && is(r.t, type_kind::number)) ak = arith_kind::number_mul;
        else if (is(l.t, type_kind::money) && is(r.t, type_kind::number)) ak = arith_kind::money_mul;
        else if (is(l.t, type_kind::money) && is(r.t, type_kind::percentage)) ak = arith_kind::money_mul_pct;
        else if (is(l.t, type_kind::number) && is(r.t, type_kind::percentage)) ak = arith_kind::number_mul_pct;
        else if (l.t.is_duration() && is(r.t, type_kind::number)) ak = arith_kind::duration_mul;
        if (ak) result = l.t;
    } else if (b.op == "/") {
        if (k(l.t) == type_kind::number && k(r.t) == type_kind::number) ak = arith_kind::number_div;
        else if (k(l.t) == type_kind::money && k(r.t) == type_kind::number) ak = arith_kind::money_div;
        else if (k(l.t) == type_kind::money && k(r.t) == type_kind::money) {
            ak = arith_kind::money_ratio;
            result = type::of(type_kind::number);
        }
        node const& divisor = prog_.nodes[r.node];
        if (ak && divisor.o == op::constant && !divisor.constant.empty() && divisor.constant.i == 0) {
            error(codes::division_by_zero, span(b.rhs), "division by zero");
            return error_node(s);
        }
    }
    if (!ak) {
        error(codes::cannot_compute, s, "cannot compute " + type_name(l.t) + " " + b.op + " " + type_name(r.t));
        return error_node(s);
    }
    node n;
    n.o = op::arith;
    n.id = static_cast<std::uint16_t>(*ak);
    n.t = result;
    n.where = s;
    return {add(n, {l.node, r.node}), result};
}

bound binder::bind_series_arg(ast::expr const& e, type expected) {
    auto const* nr = boost::get<ast::name_ref>(&e);
    dsl::span s = span(e);
    if (!nr) {
        error(codes::series_argument, s, "expected the name of a parameter (" + type_name(expected) + ")");
        return error_node(s);
    }
    if (expected.kind == type_kind::table) {
        auto it = table_ids_.find(nr->name);
        if (it == table_ids_.end()) {
            std::vector<std::string> names;
            for (auto const& [n, i] : table_ids_) names.push_back(n);
            error(codes::unknown_table, s, "unknown table '" + nr->name + "'", dsl::closest_matches(nr->name, names));
            return error_node(s);
        }
        auto const& t = prog_.tables[static_cast<std::size_t>(it->second)];
        if (t.key_types.size() != 1)
            error(codes::series_argument, s, "table " + t.name + " has " + std::to_string(t.key_types.size()) +
                                                 " keys; this primitive reads tables with one key");
        if (t.t.kind != expected.elem) error(codes::series_argument, s, "table " + t.name + " gives " + type_name(t.t) + ", expected " + type_name(expected.element()));
        node n;
        n.o = op::table_series;
        n.id = static_cast<std::uint16_t>(it->second);
        n.t = expected;
        n.where = s;
        return {add(n), expected};
    }
    auto it = param_ids_.find(nr->name);
    if (it == param_ids_.end()) {
        std::vector<std::string> names;
        for (auto const& [n, i] : param_ids_) names.push_back(n);
        error(codes::unknown_parameter, s, "unknown parameter '" + nr->name + "'", dsl::closest_matches(nr->name, names));
        return error_node(s);
    }
    auto const& p = prog_.params[static_cast<std::size_t>(it->second)];
    if (!(p.t == expected.element()))
        error(codes::series_argument, s, "parameter " + p.name + " is " + type_name(p.t) + ", expected " + type_name(expected.element()));
    node n;
    n.o = op::param_series;
    n.id = static_cast<std::uint16_t>(it->second);
    n.t = expected;
    n.where = s;
    return {add(n), expected};
}

bound binder::bind_call(ast::call const& c, std::optional<bound> at) {
    dsl::span s = span(c);
    // A parameter with arguments, or a table with its key.
    if (auto p = param_ids_.find(c.function); p != param_ids_.end()) {
        auto const& pi = prog_.params[static_cast<std::size_t>(p->second)];
        if (c.args.size() != pi.args.size()) {
            error(codes::parameter_arguments, s, "parameter " + pi.name + " takes " + std::to_string(pi.args.size()) + " argument(s), got " +
                         std::to_string(c.args.size()));
            return error_node(s);
        }
        std::vector<std::uint32_t> kids;
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            type t = pi.args[i].second;
            bound b = bind(c.args[i].value, &t);
            expect_type(b, t, span(c.args[i].value), "argument '" + pi.args[i].first + "'");
            kids.push_back(b.node);
        }
        return param_node(p->second, kids, at, s);
    }
    if (auto t = table_ids_.find(c.function); t != table_ids_.end()) {
        auto const& ti = prog_.tables[static_cast<std::size_t>(t->second)];
        if (c.args.size() != ti.key_types.size()) {
            std::string names;
            for (std::size_t i = 0; i < ti.args.size(); ++i) names += (i ? ", " : "") + ti.args[i];
            error(codes::table_key, s,
                  ti.key_types.size() == 1 ? "table " + ti.name + " takes one key"
                                           : "table " + ti.name + " takes " + std::to_string(ti.key_types.size()) +
                                                 " keys (" + names + "), got " + std::to_string(c.args.size()));
            return error_node(s);
        }
        std::vector<std::uint32_t> kids;  // [keys..., date]
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            if (c.args[i].name && *c.args[i].name != ti.args[i])
                error(codes::table_key, span(c.args[i].value),
                      "key " + std::to_string(i + 1) + " of table " + ti.name + " is '" + ti.args[i] + "', not '" + *c.args[i].name + "'");
            bound key = bind(c.args[i].value, &ti.key_types[i]);
            expect_type(key, ti.key_types[i], span(c.args[i].value),
                        ti.key_types.size() == 1 ? "the key of table " + ti.name : "key '" + ti.args[i] + "' of table " + ti.name);
            kids.push_back(key.node);
        }
        kids.push_back(read_day(at, s));
        node n;
        n.o = op::table_at;
        n.id = static_cast<std::uint16_t>(t->second);
        n.t = ti.t;
        n.where = s;
        return {add(n, kids), ti.t};
    }
    if (at) {
        error(codes::as_of_target, s, "'op' needs a parameter or a table, and " + c.function + " is neither");
        return error_node(s);
    }
    if (c.function == "afgerond") return bind_rounding(c);
    int bi = find_builtin(c.function);
    if (bi < 0) {
        std::vector<std::string> names;
        for (auto const& b : builtin_table()) names.push_back(b.name);
        for (auto const& [n, i] : param_ids_) names.push_back(n);
        for (auto const& [n, i] : table_ids_) names.push_back(n);
        error(codes::unknown_function, s, "unknown function '" + c.function + "'", dsl::closest_matches(c.function, names));
        return error_node(s);
    }
    auto const& b = builtin_table()[static_cast<std::size_t>(bi)];
    if (b.name == "leeftijd") note_protected("leeftijd", "leeftijd(...)", s);  // matching (issue 12)
    if (b.name == "taak_gedaan") {  // guidance (issue 13): the task is a rule id, written out
        reads_tasks_ = true;
        ast::expr const* task = nullptr;
        for (auto const& a : c.args)
            if ((!a.name && !task) || (a.name && *a.name == "taak")) task = &a.value;
        if (task) {
            if (auto const* t = boost::get<ast::text_literal>(task)) task_refs_.emplace_back(t->value, span(*task));
            else error(codes::task_name_not_text, span(*task), "taak_gedaan needs the task's id written out as a text (\"begeleiding.evaluatie_1\"), so that it can be checked");
        }
    }
    std::vector<ast::expr const*> given(b.params.size(), nullptr);
    std::size_t positional = 0;
    bool named_seen = false;
    for (auto const& a : c.args) {
        if (a.name) {
            named_seen = true;
            auto it = std::find_if(b.params.begin(), b.params.end(), [&](auto const& p) { return p.name == *a.name; });
            if (it == b.params.end()) {
                std::vector<std::string> names;
                for (auto const& p : b.params) names.push_back(p.name);
                error(codes::unknown_argument, span(a.value), b.name + " has no argument '" + *a.name + "'", dsl::closest_matches(*a.name, names));
                continue;
            }
            auto idx = static_cast<std::size_t>(it - b.params.begin());
            if (given[idx]) error(codes::argument_twice, span(a.value), "argument '" + *a.name + "' given twice");
            given[idx] = &a.value;
        } else {
            if (named_seen) error(codes::argument_order, span(a.value), "a positional argument cannot follow a named one");
            if (positional >= b.params.size()) {
                error(codes::too_many_arguments, span(a.value), b.name + " takes at most " + std::to_string(b.params.size()) + " argument(s)");
                continue;
            }
            given[positional++] = &a.value;
        }
    }
    std::vector<std::uint32_t> kids;
    for (std::size_t i = 0; i < b.params.size(); ++i) {
        auto const& p = b.params[i];
        if (!given[i]) {
            if (!p.optional) error(codes::missing_argument, s, b.name + " needs argument '" + p.name + "' (" + type_name(p.t) + ")");
            kids.push_back(constant(value{}, type::of(type_kind::empty), s).node);
            continue;
        }
        if (p.t.kind == type_kind::series || p.t.kind == type_kind::table) {
            kids.push_back(bind_series_arg(*given[i], p.t).node);
            continue;
        }
        bound a = bind(*given[i], &p.t);
        if (!compatible(a.t, p.t))
            error(codes::argument_type, span(*given[i]), "argument '" + p.name + "' of " + b.name + " must be " +
                                       (p.t.kind == type_kind::entity && p.t.sub == 0 ? std::string("a contract, plaatsing, ziekte, staking or keten")
                                                                                       : type_name(p.t)) +
                                       ", not " + type_name(a.t));
        kids.push_back(a.node);
    }
    node n;
    n.o = op::call;
    n.id = static_cast<std::uint16_t>(bi);
    n.t = b.result;
    n.where = s;
    return {add(n, kids), b.result};
}

/// afgerond(x [, naar: half_omhoog | beneden | boven] [, op: unit]): x (an amount, a number or a
/// percentage) rounded to a whole multiple of `op` (by default € 0.01, 1 or 0,01 %), half away
/// from zero unless `naar` says otherwise. An exact product or quotient given as x is rounded
/// once, from its exact value (the evaluator looks through it).
bound binder::bind_rounding(ast::call const& c) {
    dsl::span s = span(c);
    ast::expr const* x = nullptr;
    ast::expr const* mode = nullptr;
    ast::expr const* unit = nullptr;
    for (auto const& a : c.args) {
        if (!a.name) {
            if (x) error(codes::rounding_misuse, span(a.value), "afgerond takes one value; name the others (naar: ..., op: ...)");
            x = &a.value;
        } else if (*a.name == "naar") {
            mode = &a.value;
        } else if (*a.name == "op") {
            unit = &a.value;
        } else {
            error(codes::unknown_argument, span(a.value), "afgerond has no argument '" + *a.name + "' (naar, op)",
                  dsl::closest_matches(*a.name, {"naar", "op"}));
        }
    }
    if (!x) {
        error(codes::rounding_misuse, s, "afgerond needs the value to round: afgerond(x, naar: beneden, op: € 0.01)");
        return error_node(s);
    }
    bound v = bind(*x);
    if (v.t.kind == type_kind::error) return v;
    if (v.t.kind != type_kind::money && v.t.kind != type_kind::number && v.t.kind != type_kind::percentage) {
        error(codes::rounding_misuse, span(*x), "afgerond rounds an amount, a number or a percentage, not " + type_name(v.t));
        return error_node(s);
    }
    round_kind k = round_kind::half_up;
    if (mode) {
        auto const* nr = boost::get<ast::name_ref>(mode);
        static std::map<std::string, round_kind> const modes = {
            {"half_omhoog", round_kind::half_up}, {"beneden", round_kind::down}, {"boven", round_kind::up}};
        if (!nr || !modes.count(nr->name)) {
            error(codes::rounding_misuse, span(*mode), "'naar:' is half_omhoog, beneden or boven",
                  nr ? dsl::closest_matches(nr->name, {"half_omhoog", "beneden", "boven"}) : std::vector<std::string>{});
        } else {
            k = modes.at(nr->name);
        }
    }
    value u = v.t.kind == type_kind::money ? value::cents(1) : v.t.kind == type_kind::number ? value::integer(1)
                                                                                               : value::percent_micro(100);
    if (unit) {
        auto given = constant_value(*unit, v.t, "the unit after 'op:'");
        if (given && given->i <= 0) error(codes::rounding_misuse, span(*unit), "the unit after 'op:' must be more than zero");
        else if (given) u = *given;
    }
    std::uint32_t unit_node = constant(u, v.t, unit ? span(*unit) : s).node;
    node n;
    n.o = op::round;
    n.id = static_cast<std::uint16_t>(k);
    n.t = v.t;
    n.where = s;
    return {add(n, {v.node, unit_node}), v.t};
}

/// eerste_dag(d van a tot b waarvoor c). The days tried are a, and every day in (a, b] on which c
/// may change: where a parameter or table read on d changes value, a birthday when c reads
/// leeftijd(x, d), and a date that c compares d with (that date and the day after). Marked here,
/// collected while the condition is evaluated (a date inside an aggregate is only known then).
bound binder::bind_first_day(ast::first_day const& f) {
    dsl::span s = span(f);
    type dt = type::of(type_kind::date), bt = type::of(type_kind::boolean);
    bound from = bind(f.from, &dt);
    expect_type(from, dt, span(f.from), "the first day after 'van'");
    bound to = bind(f.to, &dt);
    expect_type(to, dt, span(f.to), "the last day after 'tot'");
    std::uint16_t slot = new_slot();
    scope_.push_back({f.var, slot, dt});
    bound c = bind(f.condition, &bt);
    expect_type(c, bt, span(f.condition), "the condition after 'waarvoor'");
    scope_.pop_back();
    // Which nodes of the condition depend on the day (memoised over the condition's subtree).
    std::unordered_map<std::uint32_t, bool> memo;
    auto depends = [&](auto const& self, std::uint32_t i) -> bool {
        if (auto it = memo.find(i); it != memo.end()) return it->second;
        node const& n = prog_.nodes[i];
        bool d = n.o == op::slot && n.slot == slot;
        for (std::size_t k = 0; k < n.child_count && !d; ++k) d = self(self, prog_.child(n, k));
        memo[i] = d;
        return d;
    };
    // Slots bound inside the condition (d and its aggregates' variables): a collection that uses
    // none of them is the same on every day tried, so the evaluator builds it once (probe 4).
    std::set<std::uint16_t> inner{slot};
    {
        std::vector<std::uint32_t> stack{c.node};
        while (!stack.empty()) {
            node const& n = prog_.nodes[stack.back()];
            stack.pop_back();
            if (n.o == op::aggregate) inner.insert(n.slot);
            for (std::size_t k = 0; k < n.child_count; ++k) stack.push_back(prog_.child(n, k));
        }
    }
    // The slots a subtree reads but does not bind itself.
    std::unordered_map<std::uint32_t, std::set<std::uint16_t>> free_memo;
    auto free_slots = [&](auto const& self, std::uint32_t i) -> std::set<std::uint16_t> const& {
        if (auto it = free_memo.find(i); it != free_memo.end()) return it->second;
        node const& n = prog_.nodes[i];
        std::set<std::uint16_t> out;
        if (n.o == op::slot) out.insert(n.slot);
        for (std::size_t k = 0; k < n.child_count; ++k) {
            auto const& sub = self(self, prog_.child(n, k));
            out.insert(sub.begin(), sub.end());
        }
        if (n.o == op::aggregate) out.erase(n.slot);
        return free_memo[i] = std::move(out);
    };
    first_day_info info;
    std::vector<std::uint32_t> todo{c.node};
    std::set<std::uint32_t> seen;
    while (!todo.empty()) {
        std::uint32_t i = todo.back();
        todo.pop_back();
        if (!seen.insert(i).second || !depends(depends, i)) continue;
        node& n = prog_.nodes[i];
        if (n.o == op::aggregate) {
            bool closed = true;  // the collection reads no variable bound in the condition
            for (auto sl : free_slots(free_slots, prog_.child(n, 0)))
                if (inner.count(sl)) closed = false;
            if (closed) n.probe |= 4;
            // An aggregate that reads no variable of an enclosing aggregate (only d and what is
            // outside the condition) is the same for every element of that aggregate: computed
            // once per day tried (the reference wage in force, inside a loop over the wages).
            bool loop_invariant = true;
            for (auto sl : free_slots(free_slots, i))
                if (sl != slot && inner.count(sl)) loop_invariant = false;
            if (loop_invariant) n.probe |= 8;
        }
        if (n.o == op::compare && n.child_count == 2) {
            std::uint32_t l = prog_.child(n, 0), r = prog_.child(n, 1);
            bool dl = depends(depends, l), dr = depends(depends, r);
            // Only d itself against a date: where d sits inside an expression (d + 1 dag, an
            // aggregate) the day it changes on is not the date compared with.
            node const& dside = prog_.nodes[dl ? l : r];
            bool plain_d = dside.o == op::slot && dside.slot == slot;
            if (dl != dr && plain_d && prog_.nodes[dl ? r : l].t.kind == type_kind::date) n.probe = dl ? 2 : 1;
        } else if (n.o == op::param_at && depends(depends, prog_.child(n, 0))) {
            info.params.push_back(n.id);
        } else if (n.o == op::table_at && depends(depends, prog_.child(n, n.child_count - 1u))) {
            info.tables.push_back(n.id);
        } else if (n.o == op::call && builtin_table()[n.id].name == "leeftijd" && n.child_count == 2 &&
                   !depends(depends, prog_.child(n, 0))) {
            n.probe = 3;
        }
        for (std::size_t k = 0; k < n.child_count; ++k) todo.push_back(prog_.child(n, k));
    }
    node n;
    n.o = op::first_day;
    n.id = static_cast<std::uint16_t>(prog_.first_days.size());
    n.slot = slot;
    n.t = dt;
    n.where = s;
    prog_.first_days.push_back(std::move(info));
    return {add(n, {from.node, to.node, c.node}), dt};
}

bound binder::bind_as_of(ast::as_of const& a) {
    dsl::span s = span(a);
    type dt = type::of(type_kind::date);
    bound at = bind(a.at, &dt);
    expect_type(at, dt, span(a.at), "the date after 'op'");
    if (auto const* c = boost::get<ast::x3::forward_ast<ast::call>>(&a.value)) return bind_call(c->get(), at);
    if (auto const* nr = boost::get<ast::name_ref>(&a.value)) {
        if (auto p = param_ids_.find(nr->name); p != param_ids_.end()) {
            auto const& pi = prog_.params[static_cast<std::size_t>(p->second)];
            if (!pi.args.empty()) {
                error(codes::parameter_arguments, s, "parameter " + pi.name + " needs its arguments: " + pi.name + "(" + pi.args.front().first + ": ...)");
                return error_node(s);
            }
            return param_node(p->second, {}, at, s);
        }
    }
    error(codes::as_of_target, span(a.value), "'op' needs a parameter or a table on its left");
    return error_node(s);
}

bound binder::bind_aggregate(ast::aggregate const& a) {
    dsl::span s = span(a);
    bound coll = bind(a.collection);
    type elem = type::of(type_kind::error);
    if (coll.t.kind == type_kind::list) elem = coll.t.element();
    else if (coll.t.kind != type_kind::error) error(codes::aggregate_misuse, span(a.collection), "'" + a.op + "' needs a list, not " + type_name(coll.t));
    std::uint16_t slot = new_slot();
    scope_.push_back({a.var, slot, elem});
    type bt = type::of(type_kind::boolean);
    std::optional<bound> filter, body;
    if (a.filter) {
        filter = bind(*a.filter, &bt);
        expect_type(*filter, bt, span(*a.filter), "the condition after 'waarvoor'");
    }
    if (a.body) body = bind(*a.body, a.op == "alle" || a.op == "bestaat" ? &bt : nullptr);
    scope_.pop_back();
    static std::map<std::string, aggregate_kind> const kinds = {
        {"aantal", aggregate_kind::count}, {"bestaat", aggregate_kind::exists}, {"alle", aggregate_kind::all},
        {"som", aggregate_kind::sum},      {"min", aggregate_kind::min},        {"max", aggregate_kind::max},
        {"eerste", aggregate_kind::first}, {"laatste", aggregate_kind::last},   {"filter", aggregate_kind::filter}};
    auto kind = kinds.at(a.op);
    type result = elem;
    switch (kind) {
        case aggregate_kind::count:
            if (body) error(codes::aggregate_misuse, span(*a.body), "'aantal' counts elements: use 'waarvoor' to filter, not ':'");
            result = type::of(type_kind::number);
            break;
        case aggregate_kind::exists:
        case aggregate_kind::all:
            if (body) expect_type(*body, bt, span(*a.body), "the condition of '" + a.op + "'");
            if (kind == aggregate_kind::all && !body) error(codes::aggregate_misuse, s, "'alle' needs a condition after ':'");
            result = bt;
            break;
        case aggregate_kind::sum:
            if (!body) error(codes::aggregate_misuse, s, "'som' needs the value to add after ':'");
            result = body ? body->t : type::of(type_kind::error);
            if (!(result.kind == type_kind::number || result.kind == type_kind::money || result.is_duration() ||
                  result.kind == type_kind::error))
                error(codes::aggregate_misuse, s, "'som' adds numbers, amounts or durations, not " + type_name(result));
            break;
        case aggregate_kind::min:
        case aggregate_kind::max:
            result = body ? body->t : elem;
            if (!ordered(result) && result.kind != type_kind::error) error(codes::not_ordered, s, "'" + a.op + "' needs ordered values, not " + type_name(result));
            break;
        case aggregate_kind::first:
        case aggregate_kind::last: result = body ? body->t : elem; break;
        case aggregate_kind::filter:
            if (body) error(codes::aggregate_misuse, span(*a.body), "'filter' keeps elements: use 'waarvoor', not ':'");
            result = coll.t;
            break;
    }
    node n;
    n.o = op::aggregate;
    n.id = static_cast<std::uint16_t>(kind);
    n.slot = slot;
    n.t = result;
    n.has_filter = filter.has_value();
    n.has_body = body.has_value();
    n.where = s;
    std::uint32_t none = constant(value{}, type::of(type_kind::empty), s).node;
    return {add(n, {coll.node, filter ? filter->node : none, body ? body->node : none}), result};
}

// ---- declarations -------------------------------------------------------------------------------


}  // namespace rw::engine::binding
