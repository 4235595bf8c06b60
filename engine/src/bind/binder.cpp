// The binder: surface AST -> typed program (program.hpp). Resolves names (variables, werker,
// bureau, peildatum, facts, parameters, tables, enumeration members, fields), checks types (units
// never mix), checks dated parameters (ascending, no gaps or overlaps), rule ids, message
// placeholders; every error is reported with its span and, where it helps, "did you mean".
#include "binder.hpp"

#include "../eval/builtins.hpp"
#include "../eval/fields.hpp"
#include "rw/dsl/parse.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace rw::engine {

namespace ast = rw::dsl::ast;

namespace {

struct var_info {
    std::string name;
    std::uint16_t slot;
    type t;
    std::optional<std::uint32_t> alias = std::nullopt;  // a name for an existing node ("termijn" in messages)
};

struct bound {
    std::uint32_t node = 0;
    type t;
};

struct fact_group {
    std::string name;
    std::vector<std::pair<dsl::source_ptr, ast::fact_decl const*>> decls;
    int state = 0;  // 0 unbound, 1 binding, 2 bound
};

using dsl::collapse_whitespace;

/// Runs of whitespace become one space, keeping a leading or trailing one (message parts sit
/// between placeholders).
std::string collapse_runs(std::string const& s) { return collapse_whitespace(s, true); }

bool ordered(type t) {
    switch (t.kind) {
        case type_kind::number:
        case type_kind::money:
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

class binder {
public:
    binder(program& p, dsl::diagnostics& d) : prog_(p), diags_(d) {}

    void run(std::vector<std::pair<dsl::source_ptr, ast::file>> const& files,
             std::vector<std::pair<dsl::source_ptr, ast::file>> const& overrides);

private:
    program& prog_;
    dsl::diagnostics& diags_;
    dsl::source_ptr cur_;
    std::vector<var_info> scope_;
    std::uint16_t next_slot_ = 0;
    bool worker_allowed_ = true;
    std::unordered_map<std::string, int> source_ids_, param_ids_, table_ids_, fact_ids_;
    std::vector<fact_group> fact_groups_;

    // ---- helpers ----
    dsl::span span(ast::located const& l) const { return {cur_, l.begin, l.end}; }
    dsl::span span(ast::expr const& e) const { return span(ast::span_of(e)); }
    void error(dsl::span const& s, std::string msg, std::vector<std::string> suggestions = {}) {
        dsl::diagnostic d{dsl::severity::error, "semantic", std::move(msg), s, {}, std::move(suggestions)};
        diags_.add(std::move(d));
    }
    void warning(dsl::span const& s, std::string msg) { diags_.warning("semantic", s, std::move(msg)); }

    std::uint32_t add(node n, std::vector<std::uint32_t> const& kids = {}) {
        n.first_child = static_cast<std::uint32_t>(prog_.children.size());
        n.child_count = static_cast<std::uint16_t>(kids.size());
        prog_.children.insert(prog_.children.end(), kids.begin(), kids.end());
        prog_.nodes.push_back(n);
        return static_cast<std::uint32_t>(prog_.nodes.size() - 1);
    }
    bound constant(value v, type t, dsl::span s) {
        node n;
        n.o = op::constant;
        n.t = t;
        n.constant = v;
        n.where = s;
        return {add(n), t};
    }
    bound error_node(dsl::span s) { return constant(value{}, type::of(type_kind::error), s); }
    std::uint16_t new_slot() {
        std::uint16_t s = next_slot_++;
        prog_.slot_count = std::max<std::uint16_t>(prog_.slot_count, next_slot_);
        return s;
    }

    static bool compatible(type actual, type expected) {
        if (actual.kind == type_kind::error || expected.kind == type_kind::error) return true;
        if (actual.kind == type_kind::empty) return true;
        if (expected.kind == type_kind::entity && expected.sub == 0) return has_period(actual);
        if (actual.kind == type_kind::list && expected.kind == type_kind::list) {
            if (actual.elem == type_kind::empty || actual.elem == type_kind::error) return true;
            return compatible(actual.element(), expected.element());
        }
        return actual == expected;
    }
    void expect_type(bound const& b, type expected, dsl::span s, std::string const& what) {
        if (!compatible(b.t, expected))
            error(s, what + " must be " + type_name(expected) + ", but is " + type_name(b.t));
    }

    std::vector<std::string> all_names() const;

    // ---- values ----
    std::optional<day> literal_date(ast::date_literal const& d) {
        auto v = parse_date(d.text);
        if (!v) error(span(d), "'" + d.text + "' is not a calendar date");
        return v;
    }
    bound literal(ast::expr const& e, type const* expected);
    std::optional<value> constant_value(ast::expr const& e, type t, std::string const& what);

    // ---- expressions ----
    bound bind(ast::expr const& e, type const* expected = nullptr);
    bound bind_name(ast::name_ref const& n, type const* expected);
    bound apply_fields(bound b, std::vector<std::string> const& segs, std::size_t from, ast::located const& where);
    bound bind_binary(ast::binary const& b, type const* expected);
    bound bind_call(ast::call const& c, std::optional<bound> at_date);
    bound bind_aggregate(ast::aggregate const& a);
    bound bind_as_of(ast::as_of const& a);
    bound bind_series_arg(ast::expr const& e, type expected);
    bound param_node(int pid, std::vector<std::uint32_t> args, std::optional<bound> at, dsl::span s);
    /// The day a parameter or table is read on: the 'op' expression, or else the reference date.
    std::uint32_t read_day(std::optional<bound> const& at, dsl::span s) {
        if (at) return at->node;
        node r;
        r.o = op::reference_date;
        r.t = type::of(type_kind::date);
        r.where = s;
        return add(r);
    }

    // ---- declarations ----
    void collect(ast::declaration const& d);
    void bind_source(ast::source_decl const& s);
    void bind_parameter(ast::parameter_decl const& p);
    void bind_table(ast::table_decl const& t);
    void ensure_fact(int id);
    void bind_rule(ast::rule_decl const& r);
    void check_coverage();
    std::vector<int> bind_sources(ast::sources const& s);
    message_template bind_message(ast::text_literal const& text, std::optional<std::uint32_t> due);
};

std::vector<std::string> binder::all_names() const {
    std::vector<std::string> out = {"werker", "bureau", "peildatum"};
    for (auto const& v : scope_) out.push_back(v.name);
    for (auto const& [n, i] : fact_ids_) out.push_back(n);
    for (auto const& [n, i] : param_ids_) out.push_back(n);
    for (auto const& [n, i] : table_ids_) out.push_back(n);
    return out;
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
                error(span(e), what + " must be a constant");
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
    if (n.o != op::constant) {
        error(span(e), what + " must be a constant (a literal value)");
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
        return constant(value::number_milli(v ? v->milli : 0), type::of(type_kind::number), span(*n));
    }
    if (auto const* d = boost::get<ast::duration_literal>(&e)) {
        auto v = parse_decimal(d->amount);
        if (!v || v->milli % 1000 != 0) {
            error(span(*d), "a duration must be a whole number of " + d->unit);
            return error_node(span(*d));
        }
        std::int64_t n = v->milli / 1000;
        type_kind k = d->unit == "dagen" ? type_kind::days : d->unit == "weken" ? type_kind::weeks : type_kind::months;
        // At most 200 years either way: date arithmetic stays far from overflow, and a typo such as
        // 2147483647 weken is an error instead of a silently different result.
        std::int64_t const limit = d->unit == "dagen" ? 73050 : d->unit == "weken" ? 10440 : d->unit == "jaren" ? 200 : 2400;
        if (n > limit || n < -limit) {
            error(span(*d), "a duration of at most " + std::to_string(limit) + " " + d->unit + " (200 years), not " + d->amount);
            return error_node(span(*d));
        }
        if (d->unit == "jaren") n *= 12;  // a year is 12 months: the catalogue's month arithmetic applies
        value_kind vk = k == type_kind::days ? value_kind::days : k == type_kind::weeks ? value_kind::weeks : value_kind::months;
        return constant(value::duration(vk, n), type::of(k), span(*d));
    }
    if (auto const* m = boost::get<ast::money_literal>(&e)) {
        auto v = parse_money(m->amount);
        if (!v) error(span(*m), "'" + m->amount + "' is not an amount in euro (at most two decimals)");
        return constant(value::cents(v ? v->cents : 0), type::of(type_kind::money), span(*m));
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
        boost::get<money_literal>(&e) || boost::get<text_literal>(&e) || boost::get<bool_literal>(&e) ||
        boost::get<empty_literal>(&e))
        return literal(e, expected);
    if (auto const* n = boost::get<name_ref>(&e)) return bind_name(*n, expected);
    if (auto const* u = boost::get<x3::forward_ast<unary>>(&e)) {
        auto const& un = u->get();
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
        if (!(x.t.kind == type_kind::number || x.t.kind == type_kind::money || x.t.is_duration() ||
              x.t.kind == type_kind::error))
            error(span(un.operand), "'-' needs a number, an amount or a duration, not " + type_name(x.t));
        node n;
        n.o = op::negate;
        n.t = x.t;
        n.where = span(un);
        return {add(n, {x.node}), x.t};
    }
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
            error(span(cn.else_value), "both branches must have the same type: " + type_name(a.t) + " and " + type_name(b.t));
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
            else if (!compatible(b.t, elem)) error(span(item), "set items must all be " + type_name(elem) + ", not " + type_name(b.t));
            kids.push_back(b.node);
        }
        node n;
        n.o = op::make_list;
        n.t = type::list_of(elem);
        n.where = span(sn);
        return {add(n, kids), n.t};
    }
    if (auto const* a = boost::get<x3::forward_ast<as_of>>(&e)) return bind_as_of(a->get());
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
            error(span(mn.set), "'in' needs a list or a set {a, b}, not " + type_name(l.t));
        else if (l.t.kind == type_kind::list && !compatible(v.t, l.t.element()) && !compatible(l.t.element(), v.t))
            error(span(mn), "cannot look for " + type_name(v.t) + " in " + type_name(l.t));
        node n;
        n.o = mn.negated ? op::not_member : op::member;
        n.t = type::of(type_kind::boolean);
        n.where = span(mn);
        return {add(n, {v.node, l.node}), n.t};
    }
    return error_node(span(e));
}

bound binder::apply_fields(bound b, std::vector<std::string> const& segs, std::size_t from, ast::located const& where) {
    for (std::size_t i = from; i < segs.size(); ++i) {
        if (b.t.kind == type_kind::error) return b;
        field_info const* f = nullptr;
        std::vector<std::string> names;
        if (b.t.kind == type_kind::entity) {
            f = find_field(static_cast<entity_id>(b.t.sub), segs[i]);
            for (auto const& x : entity_fields(static_cast<entity_id>(b.t.sub))) names.push_back(x.name);
        } else if (b.t.kind == type_kind::week) {
            f = detail::find_week_field(segs[i]);
            names = {"maandag", "zondag", "code"};
        }
        if (!f) {
            std::string path;
            for (std::size_t k = 0; k < i; ++k) path += (k ? "." : "") + segs[k];
            error(span(where), "'" + path + "' (" + type_name(b.t) + ") has no field '" + segs[i] + "'",
                  dsl::closest_matches(segs[i], names));
            return error_node(span(where));
        }
        node n;
        n.o = op::field;
        n.t = f->t;
        n.id = f->index;
        n.where = span(where);
        b = {add(n, {b.node}), f->t};
    }
    return b;
}

static std::vector<std::string> split_dots(std::string const& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto p = s.find('.', start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + 1;
    }
    return out;
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

bound binder::bind_name(ast::name_ref const& nr, type const* expected) {
    auto segs = split_dots(nr.name);
    dsl::span s = span(nr);
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
        if (it->name == segs[0] && it->alias) return apply_fields({*it->alias, it->t}, segs, 1, nr);
        if (it->name == segs[0]) {
            node n;
            n.o = op::slot;
            n.slot = it->slot;
            n.t = it->t;
            n.where = s;
            return apply_fields({add(n), it->t}, segs, 1, nr);
        }
    }
    if (segs[0] == "werker") {
        if (!worker_allowed_) {
            error(s, "'werker' is not available in a rule 'voor het bureau'");
            return error_node(s);
        }
        node n;
        n.o = op::worker;
        n.t = type::entity(entity_id::werker);
        n.where = s;
        return apply_fields({add(n), n.t}, segs, 1, nr);
    }
    if (segs[0] == "bureau") {
        node n;
        n.o = op::agency;
        n.t = type::entity(entity_id::bureau);
        n.where = s;
        return apply_fields({add(n), n.t}, segs, 1, nr);
    }
    if (segs[0] == "peildatum" && segs.size() == 1) {
        node n;
        n.o = op::reference_date;
        n.t = type::of(type_kind::date);
        n.where = s;
        return {add(n), n.t};
    }
    // The longest dotted prefix that names a fact or a parameter; the rest are fields.
    for (std::size_t k = segs.size(); k >= 1; --k) {
        std::string prefix;
        for (std::size_t i = 0; i < k; ++i) prefix += (i ? "." : "") + segs[i];
        if (auto f = fact_ids_.find(prefix); f != fact_ids_.end()) {
            if (!worker_allowed_) {
                error(s, "facts describe a worker and are not available in a rule 'voor het bureau'");
                return error_node(s);
            }
            ensure_fact(f->second);
            node n;
            n.o = op::fact;
            n.id = static_cast<std::uint16_t>(f->second);
            n.t = prog_.facts[static_cast<std::size_t>(f->second)].t;
            n.where = s;
            return apply_fields({add(n), n.t}, segs, k, nr);
        }
        if (auto p = param_ids_.find(prefix); p != param_ids_.end()) {
            auto const& pi = prog_.params[static_cast<std::size_t>(p->second)];
            if (!pi.args.empty()) {
                error(s, "parameter " + pi.name + " needs its arguments: " + pi.name + "(" + pi.args.front().first + ": ...)");
                return error_node(s);
            }
            if (k != segs.size()) {
                error(s, "parameter " + pi.name + " has no fields");
                return error_node(s);
            }
            return param_node(p->second, {}, std::nullopt, s);
        }
        if (table_ids_.count(prefix)) {
            error(s, "table " + prefix + " needs a key: " + prefix + "(key)");
            return error_node(s);
        }
    }
    if (segs.size() == 1 && expected) {
        type et = *expected;
        if (et.kind == type_kind::list) et = et.element();
        if (et.kind == type_kind::enumeration) {
            int m = enum_member(static_cast<enum_id>(et.sub), segs[0]);
            if (m >= 0) return constant(value::enumeration(static_cast<enum_id>(et.sub), m), et, s);
            error(s, "'" + segs[0] + "' is not a " + enum_name(static_cast<enum_id>(et.sub)),
                  dsl::closest_matches(segs[0], enum_members(static_cast<enum_id>(et.sub))));
            return error_node(s);
        }
    }
    error(s, "unknown name '" + nr.name + "'", dsl::closest_matches(nr.name, all_names()));
    return error_node(s);
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
            error(s, "cannot compare " + type_name(l.t) + " with " + type_name(r.t) + hint);
        } else if (it->second != cmp_kind::eq && it->second != cmp_kind::ne && !ordered(l.t) && l.t.kind != type_kind::error) {
            error(s, "'" + b.op + "' needs ordered values; " + type_name(l.t) + " can only be compared with = or !=");
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
    } else if (b.op == "*") {
        if (k(l.t) == type_kind::number && k(r.t) == type_kind::number) ak = arith_kind::number_mul;
        else if (k(l.t) == type_kind::money && k(r.t) == type_kind::number) ak = arith_kind::money_mul;
        else if (l.t.is_duration() && k(r.t) == type_kind::number) ak = arith_kind::duration_mul;
    }
    if (!ak) {
        error(s, "cannot compute " + type_name(l.t) + " " + b.op + " " + type_name(r.t));
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
        error(s, "expected the name of a parameter (" + type_name(expected) + ")");
        return error_node(s);
    }
    if (expected.kind == type_kind::table) {
        auto it = table_ids_.find(nr->name);
        if (it == table_ids_.end()) {
            std::vector<std::string> names;
            for (auto const& [n, i] : table_ids_) names.push_back(n);
            error(s, "unknown table '" + nr->name + "'", dsl::closest_matches(nr->name, names));
            return error_node(s);
        }
        auto const& t = prog_.tables[static_cast<std::size_t>(it->second)];
        if (t.t.kind != expected.elem) error(s, "table " + t.name + " gives " + type_name(t.t) + ", expected " + type_name(expected.element()));
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
        error(s, "unknown parameter '" + nr->name + "'", dsl::closest_matches(nr->name, names));
        return error_node(s);
    }
    auto const& p = prog_.params[static_cast<std::size_t>(it->second)];
    if (!(p.t == expected.element()))
        error(s, "parameter " + p.name + " is " + type_name(p.t) + ", expected " + type_name(expected.element()));
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
            error(s, "parameter " + pi.name + " takes " + std::to_string(pi.args.size()) + " argument(s), got " +
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
        if (c.args.size() != 1) {
            error(s, "table " + ti.name + " takes one key");
            return error_node(s);
        }
        bound key = bind(c.args[0].value, &ti.key_type);
        expect_type(key, ti.key_type, span(c.args[0].value), "the key of table " + ti.name);
        std::uint32_t date_node = read_day(at, s);
        node n;
        n.o = op::table_at;
        n.id = static_cast<std::uint16_t>(t->second);
        n.t = ti.t;
        n.where = s;
        return {add(n, {key.node, date_node}), ti.t};
    }
    if (at) {
        error(s, "'op' needs a parameter or a table, and " + c.function + " is neither");
        return error_node(s);
    }
    int bi = find_builtin(c.function);
    if (bi < 0) {
        std::vector<std::string> names;
        for (auto const& b : builtin_table()) names.push_back(b.name);
        for (auto const& [n, i] : param_ids_) names.push_back(n);
        for (auto const& [n, i] : table_ids_) names.push_back(n);
        error(s, "unknown function '" + c.function + "'", dsl::closest_matches(c.function, names));
        return error_node(s);
    }
    auto const& b = builtin_table()[static_cast<std::size_t>(bi)];
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
                error(span(a.value), b.name + " has no argument '" + *a.name + "'", dsl::closest_matches(*a.name, names));
                continue;
            }
            auto idx = static_cast<std::size_t>(it - b.params.begin());
            if (given[idx]) error(span(a.value), "argument '" + *a.name + "' given twice");
            given[idx] = &a.value;
        } else {
            if (named_seen) error(span(a.value), "a positional argument cannot follow a named one");
            if (positional >= b.params.size()) {
                error(span(a.value), b.name + " takes at most " + std::to_string(b.params.size()) + " argument(s)");
                continue;
            }
            given[positional++] = &a.value;
        }
    }
    std::vector<std::uint32_t> kids;
    for (std::size_t i = 0; i < b.params.size(); ++i) {
        auto const& p = b.params[i];
        if (!given[i]) {
            if (!p.optional) error(s, b.name + " needs argument '" + p.name + "' (" + type_name(p.t) + ")");
            kids.push_back(constant(value{}, type::of(type_kind::empty), s).node);
            continue;
        }
        if (p.t.kind == type_kind::series || p.t.kind == type_kind::table) {
            kids.push_back(bind_series_arg(*given[i], p.t).node);
            continue;
        }
        bound a = bind(*given[i], &p.t);
        if (!compatible(a.t, p.t))
            error(span(*given[i]), "argument '" + p.name + "' of " + b.name + " must be " +
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
                error(s, "parameter " + pi.name + " needs its arguments: " + pi.name + "(" + pi.args.front().first + ": ...)");
                return error_node(s);
            }
            return param_node(p->second, {}, at, s);
        }
    }
    error(span(a.value), "'op' needs a parameter or a table on its left");
    return error_node(s);
}

bound binder::bind_aggregate(ast::aggregate const& a) {
    dsl::span s = span(a);
    bound coll = bind(a.collection);
    type elem = type::of(type_kind::error);
    if (coll.t.kind == type_kind::list) elem = coll.t.element();
    else if (coll.t.kind != type_kind::error) error(span(a.collection), "'" + a.op + "' needs a list, not " + type_name(coll.t));
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
            if (body) error(span(*a.body), "'aantal' counts elements: use 'waarvoor' to filter, not ':'");
            result = type::of(type_kind::number);
            break;
        case aggregate_kind::exists:
        case aggregate_kind::all:
            if (body) expect_type(*body, bt, span(*a.body), "the condition of '" + a.op + "'");
            if (kind == aggregate_kind::all && !body) error(s, "'alle' needs a condition after ':'");
            result = bt;
            break;
        case aggregate_kind::sum:
            if (!body) error(s, "'som' needs the value to add after ':'");
            result = body ? body->t : type::of(type_kind::error);
            if (!(result.kind == type_kind::number || result.kind == type_kind::money || result.is_duration() ||
                  result.kind == type_kind::error))
                error(s, "'som' adds numbers, amounts or durations, not " + type_name(result));
            break;
        case aggregate_kind::min:
        case aggregate_kind::max:
            result = body ? body->t : elem;
            if (!ordered(result) && result.kind != type_kind::error) error(s, "'" + a.op + "' needs ordered values, not " + type_name(result));
            break;
        case aggregate_kind::first:
        case aggregate_kind::last: result = body ? body->t : elem; break;
        case aggregate_kind::filter:
            if (body) error(span(*a.body), "'filter' keeps elements: use 'waarvoor', not ':'");
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

std::vector<int> binder::bind_sources(ast::sources const& s) {
    std::vector<int> out;
    for (auto const& n : s.names) {
        auto it = source_ids_.find(n);
        if (it == source_ids_.end()) {
            std::vector<std::string> names;
            for (auto const& [k, v] : source_ids_) names.push_back(k);
            error(span(s), "unknown source '" + n + "' (declare it with: bron " + n + " \"title\" url \"...\")",
                  dsl::closest_matches(n, names));
            continue;
        }
        out.push_back(it->second);
    }
    return out;
}

void binder::collect(ast::declaration const& d) {
    if (auto const* s = boost::get<ast::source_decl>(&d)) {
        if (source_ids_.count(s->name)) error(span(*s), "source '" + s->name + "' is declared twice");
        source_ids_[s->name] = static_cast<int>(prog_.sources.size());
        prog_.sources.push_back({s->name, collapse_whitespace(s->title.value), s->url ? s->url->value : ""});
    } else if (auto const* p = boost::get<ast::parameter_decl>(&d)) {
        if (param_ids_.count(p->name) || fact_ids_.count(p->name) || table_ids_.count(p->name))
            error(span(*p), "'" + p->name + "' is declared twice");
        param_ids_[p->name] = static_cast<int>(prog_.params.size());
        parameter_info pi;
        pi.name = p->name;
        pi.where = span(*p);
        if (!type_from_name(p->type.name, p->type.list, pi.t)) error(span(p->type), "unknown type '" + p->type.name + "'");
        for (auto const& a : p->args) {
            type t;
            if (!type_from_name(a.type.name, a.type.list, t)) error(span(a.type), "unknown type '" + a.type.name + "'");
            pi.args.emplace_back(a.name, t);
        }
        prog_.params.push_back(std::move(pi));
    } else if (auto const* t = boost::get<ast::table_decl>(&d)) {
        if (param_ids_.count(t->name) || fact_ids_.count(t->name) || table_ids_.count(t->name))
            error(span(*t), "'" + t->name + "' is declared twice");
        table_ids_[t->name] = static_cast<int>(prog_.tables.size());
        table_info ti;
        ti.name = t->name;
        ti.arg = t->arg.name;
        ti.where = span(*t);
        if (!type_from_name(t->arg.type.name, t->arg.type.list, ti.key_type)) error(span(t->arg.type), "unknown type");
        if (!type_from_name(t->type.name, t->type.list, ti.t)) error(span(t->type), "unknown type");
        prog_.tables.push_back(std::move(ti));
    } else if (auto const* f = boost::get<ast::fact_decl>(&d)) {
        auto it = fact_ids_.find(f->name);
        if (it == fact_ids_.end()) {
            if (param_ids_.count(f->name) || table_ids_.count(f->name)) error(span(*f), "'" + f->name + "' is declared twice");
            it = fact_ids_.emplace(f->name, static_cast<int>(prog_.facts.size())).first;
            fact_info fi;
            fi.name = f->name;
            fi.helper = f->keyword == "hulpfeit";
            fi.where = span(*f);
            prog_.facts.push_back(std::move(fi));
            fact_groups_.push_back({f->name, {}, 0});
        }
        fact_groups_[static_cast<std::size_t>(it->second)].decls.emplace_back(cur_, f);
    }
}

void binder::bind_parameter(ast::parameter_decl const& p) {
    auto& pi = prog_.params[static_cast<std::size_t>(param_ids_.at(p.name))];
    if (p.uncertain) pi.uncertain = collapse_whitespace(p.uncertain->value);
    if (p.values.empty()) error(span(p), "parameter " + p.name + " has no dated value");
    std::optional<day> prev_from;
    for (std::size_t i = 0; i < p.values.size(); ++i) {
        auto const& v = p.values[i];
        param_version pv;
        auto val = constant_value(v.value, pi.t, "the value of " + p.name);
        auto from = literal_date(v.from);
        if (!val || !from) continue;
        pv.v = *val;
        pv.from = *from;
        if (v.to) pv.to = literal_date(*v.to);
        pv.sources = bind_sources(v.cited);
        if (v.uncertain) pv.uncertain = collapse_whitespace(v.uncertain->value);
        pv.where = span(v);
        if (pv.to && *pv.to < pv.from) error(span(*v.to), "the period ends before it starts");
        if (prev_from && pv.from <= *prev_from)
            error(span(v.from), "dated values of " + p.name + " must ascend: " + format_date(pv.from) + " does not come after " +
                                    format_date(*prev_from));
        if (!pi.versions.empty() && pi.versions.back().to) {
            day expected_from = *pi.versions.back().to + date::days{1};
            if (pv.from > expected_from)
                error(span(v.from), "gap in " + p.name + ": no value from " + format_date(expected_from) + " to " +
                                        format_date(pv.from - date::days{1}));
            else if (pv.from < expected_from)
                error(span(v.from), "overlap in " + p.name + ": the previous value runs until " +
                                        format_date(*pi.versions.back().to));
        }
        prev_from = pv.from;
        pi.versions.push_back(std::move(pv));
    }
    // Versions without an explicit end run until the next one starts.
    for (std::size_t i = 0; i + 1 < pi.versions.size(); ++i)
        if (!pi.versions[i].to) pi.versions[i].to = pi.versions[i + 1].from - date::days{1};
    // Exceptions: their conditions see the parameter's arguments as variables.
    pi.first_arg_slot = next_slot_;
    std::vector<var_info> saved = scope_;
    scope_.clear();
    for (auto const& [n, t] : pi.args) scope_.push_back({n, new_slot(), t});
    std::set<std::string> labels;
    for (auto const& x : p.exceptions) {
        param_exception pe;
        pe.label = x.label;
        if (!labels.insert(x.label).second) error(span(x), "exception '" + x.label + "' is declared twice");
        auto val = constant_value(x.value, pi.t, "the value of exception " + x.label);
        auto from = literal_date(x.from);
        if (!val || !from) continue;
        pe.v = *val;
        pe.from = *from;
        if (x.to) pe.to = literal_date(*x.to);
        type bt = type::of(type_kind::boolean);
        bound c = bind(x.condition, &bt);
        expect_type(c, bt, span(x.condition), "the condition of exception " + x.label);
        pe.condition = c.node;
        pe.sources = bind_sources(x.cited);
        if (x.uncertain) pe.uncertain = collapse_whitespace(x.uncertain->value);
        pe.where = span(x);
        pi.exceptions.push_back(std::move(pe));
    }
    // Two unconditional-looking exceptions over the same days with different values would always
    // conflict; that is caught at run time with both spans, and here when their conditions are identical.
    scope_ = saved;
}

void binder::bind_table(ast::table_decl const& t) {
    auto& ti = prog_.tables[static_cast<std::size_t>(table_ids_.at(t.name))];
    std::optional<day> prev_from;
    for (auto const& v : t.versions) {
        table_version tv;
        auto from = literal_date(v.from);
        if (!from) continue;
        tv.from = *from;
        if (v.to) tv.to = literal_date(*v.to);
        tv.sources = bind_sources(v.cited);
        if (v.uncertain) tv.uncertain = collapse_whitespace(v.uncertain->value);
        if (prev_from && tv.from <= *prev_from) error(span(v.from), "table versions must ascend");
        if (!ti.versions.empty() && ti.versions.back().to) {
            day expected_from = *ti.versions.back().to + date::days{1};
            if (tv.from != expected_from)
                error(span(v.from), tv.from > expected_from ? "gap in table " + t.name : "overlap in table " + t.name);
        }
        prev_from = tv.from;
        for (auto const& r : v.rows) {
            auto k = constant_value(r.key, ti.key_type, "a key of " + t.name);
            auto val = constant_value(r.value, ti.t, "a value of " + t.name);
            if (!k || !val) continue;
            if (!tv.rows.empty() && compare(*k, tv.rows.back().first) <= 0) error(span(r.key), "table keys must ascend");
            tv.rows.emplace_back(*k, *val);
        }
        ti.versions.push_back(std::move(tv));
    }
    for (std::size_t i = 0; i + 1 < ti.versions.size(); ++i)
        if (!ti.versions[i].to) ti.versions[i].to = ti.versions[i + 1].from - date::days{1};
}

/// Every parameter and table a rule reads (directly or through facts) must have a declared value
/// on every day the rule is in force: a day without one would silently read as "no" (issue 8).
/// A value that is deliberately absent is declared as `leeg vanaf ...`.
void binder::check_coverage() {
    if (diags_.has_errors()) return;
    std::set<std::string> reported;  // one error per parameter or table
    for (auto const& r : prog_.rules) {
        std::set<std::uint32_t> seen_nodes;
        std::set<int> seen_facts;
        std::set<int> params, tables;
        std::vector<std::uint32_t> todo;
        auto push_opt = [&](std::optional<std::uint32_t> const& n) {
            if (n) todo.push_back(*n);
        };
        push_opt(r.filter), push_opt(r.condition), push_opt(r.unless), push_opt(r.due), push_opt(r.done), push_opt(r.lead);
        push_opt(r.valid_on);
        for (auto const& g : r.generators) todo.push_back(g.collection);
        for (auto const* m : {&r.message_nl, &r.message_en, &r.advice_nl, &r.advice_en})
            for (auto const& part : m->parts) push_opt(part.node);
        while (!todo.empty()) {
            std::uint32_t i = todo.back();
            todo.pop_back();
            if (!seen_nodes.insert(i).second) continue;
            node const& n = prog_.nodes[i];
            if (n.o == op::param_at || n.o == op::param_series) params.insert(n.id);
            if (n.o == op::table_at || n.o == op::table_series) tables.insert(n.id);
            if (n.o == op::fact && seen_facts.insert(n.id).second)
                for (auto const& d : prog_.facts[n.id].defs) {
                    todo.push_back(d.value_node);
                    push_opt(d.condition);
                }
            for (std::size_t k = 0; k < n.child_count; ++k) todo.push_back(prog_.child(n, k));
            if (n.o == op::param_at || n.o == op::param_series)
                for (auto const& x : prog_.params[n.id].exceptions) todo.push_back(x.condition);
        }
        auto report = [&](dsl::span const& where, std::string const& what, day first, opt_day last) {
            if (reported.count(what)) return;
            if (first > r.valid_from || (last && (!r.valid_to || *r.valid_to > *last))) reported.insert(what);
            if (first > r.valid_from)
                error(where, what + " has no value before " + format_date(first) + ", but rule " + r.id +
                                 " (geldig vanaf " + format_date(r.valid_from) + ") reads it; declare the earlier value "
                                 "(or 'leeg vanaf " + format_date(r.valid_from) + "' where it deliberately has none)");
            else if (last && (!r.valid_to || *r.valid_to > *last))
                error(where, what + " has no value after " + format_date(*last) + ", but rule " + r.id + " reads it" +
                                 (r.valid_to ? " until " + format_date(*r.valid_to) : " with no end"));
        };
        for (int p : params) {
            auto const& pi = prog_.params[static_cast<std::size_t>(p)];
            if (pi.versions.empty()) continue;
            report(pi.where, "parameter " + pi.name, pi.versions.front().from, pi.versions.back().to);
        }
        for (int t : tables) {
            auto const& ti = prog_.tables[static_cast<std::size_t>(t)];
            if (ti.versions.empty()) continue;
            report(ti.where, "table " + ti.name, ti.versions.front().from, ti.versions.back().to);
        }
    }
}

void binder::ensure_fact(int id) {
    auto& g = fact_groups_[static_cast<std::size_t>(id)];
    auto& fi = prog_.facts[static_cast<std::size_t>(id)];
    if (g.state == 2) return;
    if (g.state == 1) {
        error(fi.where, "fact " + fi.name + " depends on itself");
        fi.t = type::of(type_kind::error);
        return;
    }
    g.state = 1;
    auto saved_scope = scope_;
    auto saved_src = cur_;
    bool saved_worker = worker_allowed_;
    scope_.clear();
    worker_allowed_ = true;
    int defaults = 0;
    type t = type::of(type_kind::empty);
    for (auto const& [src, decl] : g.decls) {
        cur_ = src;
        fact_definition def;
        def.where = span(*decl);
        std::optional<type> declared;
        if (decl->type) {
            type dt;
            if (type_from_name(decl->type->name, decl->type->list, dt)) declared = dt;
            else error(span(*decl->type), "unknown type '" + decl->type->name + "'");
        }
        bound v = bind(decl->value, declared ? &*declared : nullptr);
        if (declared) expect_type(v, *declared, span(decl->value), "fact " + fi.name);
        def.value_node = v.node;
        type vt = declared ? *declared : v.t;
        if (t.kind == type_kind::empty) t = vt;
        else if (!compatible(vt, t) && !compatible(t, vt))
            error(span(*decl), "fact " + fi.name + " is " + type_name(t) + " elsewhere, here " + type_name(vt));
        if (decl->condition) {
            type bt = type::of(type_kind::boolean);
            bound c = bind(*decl->condition, &bt);
            expect_type(c, bt, span(*decl->condition), "the condition of fact " + fi.name);
            def.condition = c.node;
        } else if (++defaults > 1) {
            error(span(*decl), "fact " + fi.name + " has two definitions without a condition (one is the default; "
                               "the others need 'als')");
        }
        if ((decl->keyword == "hulpfeit") != fi.helper)
            error(span(*decl), "fact " + fi.name + " is declared both as 'feit' and as 'hulpfeit'");
        fi.defs.push_back(def);
    }
    fi.t = t;
    scope_ = saved_scope;
    cur_ = saved_src;
    worker_allowed_ = saved_worker;
    g.state = 2;
}

message_template binder::bind_message(ast::text_literal const& text, std::optional<std::uint32_t> due) {
    message_template out;
    std::string const& raw = cur_->text();
    // Placeholders are found in the source text (for their spans) and in the value (for the
    // literal parts between them); escapes never touch braces, so both sequences line up.
    // A placeholder may itself hold braces (a set {B, C}): match them.
    auto matching = [](std::string const& t, std::size_t open, std::size_t end) -> std::size_t {
        int depth = 0;
        for (std::size_t j = open; j < end; ++j) {
            if (t[j] == '{') ++depth;
            else if (t[j] == '}' && --depth == 0) return j;
        }
        return std::string::npos;
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> holes;
    for (std::uint32_t i = text.begin + 1; i + 1 < text.end; ++i) {
        if (raw[i] == '{') {
            auto j = matching(raw, i, text.end - 1);
            if (j == std::string::npos) {
                error({cur_, i, i + 1}, "'{' without a closing '}' in a message");
                break;
            }
            holes.emplace_back(i + 1, static_cast<std::uint32_t>(j));
            i = static_cast<std::uint32_t>(j);
        }
    }
    std::string const& v = text.value;
    std::size_t pos = 0, hole = 0;
    while (pos < v.size()) {
        auto open = v.find('{', pos);
        out.parts.push_back({collapse_runs(v.substr(pos, open == std::string::npos ? std::string::npos : open - pos)), {}});
        if (open == std::string::npos) break;
        auto close = matching(v, open, v.size());
        if (close == std::string::npos) break;
        std::string inner = v.substr(open + 1, close - open - 1);
        pos = close + 1;
        if (hole >= holes.size()) break;
        auto [hb, he] = holes[hole++];
        if (inner == "termijn") {
            if (!due) error({cur_, hb, he}, "{termijn} needs a 'termijn' clause in this rule");
            else out.parts.push_back({"", due});
            continue;
        }
        dsl::diagnostics local;
        auto e = dsl::parse_expression(cur_, hb, he, local);
        diags_.append(local);
        if (local.has_errors()) continue;
        if (due) scope_.push_back({"termijn", 0, type::of(type_kind::date), due});
        bound b = bind(e);
        if (due) scope_.pop_back();
        if (b.t.kind == type_kind::list || b.t.kind == type_kind::entity)
            error({cur_, hb, he}, "a placeholder must give a value to print, not " + type_name(b.t));
        out.parts.push_back({"", b.node});
    }
    return out;
}

void binder::bind_rule(ast::rule_decl const& r) {
    rule_info ri;
    ri.id = r.id;
    ri.variant = r.variant.value_or("");
    ri.exception_of = r.exception_of.value_or("");
    ri.where = span(r);
    auto lc = cur_->position(r.begin);
    ri.location = cur_->path() + ":" + std::to_string(lc.line);
    static std::map<std::string, finding_kind> const kinds = {{"overtreding", finding_kind::violation},
                                                             {"actie", finding_kind::action},
                                                             {"waarschuwing", finding_kind::warning},
                                                             {"info", finding_kind::info}};
    ri.kind = kinds.at(r.kind);
    for (auto const& c : r.citations) {
        citation_info ci{collapse_whitespace(c.article.value), bind_sources(c.cited), {}, {}};
        if (c.from) ci.from = literal_date(*c.from);
        if (c.to) ci.to = literal_date(*c.to);
        if (ci.from && ci.to && *ci.to < *ci.from)
            error(span(c), "the citation's 'tot' " + c.to->text + " lies before its 'vanaf' " + c.from->text);
        ri.citations.push_back(std::move(ci));
    }
    if (r.uncertain) ri.uncertain = collapse_whitespace(r.uncertain->value);
    if (auto f = literal_date(r.valid.from)) ri.valid_from = *f;
    if (r.valid.to) ri.valid_to = literal_date(*r.valid.to);
    scope_.clear();
    next_slot_ = prog_.slot_count;
    worker_allowed_ = true;
    type bt = type::of(type_kind::boolean), dt = type::of(type_kind::date);
    if (r.for_each) {
        if (r.for_each->kind == "bureau") {
            ri.agency_level = true;
            worker_allowed_ = false;
        } else {
            for (auto const& g : r.for_each->generators) {
                bound coll = bind(g.collection);
                type elem = type::of(type_kind::error);
                if (coll.t.kind == type_kind::list) elem = coll.t.element();
                else if (coll.t.kind != type_kind::error)
                    error(span(g.collection), "'voor elk' needs a list, not " + type_name(coll.t));
                std::uint16_t slot = new_slot();
                scope_.push_back({g.var, slot, elem});
                ri.generators.push_back({slot, coll.node, elem, g.var});
            }
            if (r.for_each->filter) {
                bound f = bind(*r.for_each->filter, &bt);
                expect_type(f, bt, span(*r.for_each->filter), "the condition after 'waarvoor'");
                ri.filter = f.node;
            }
        }
    }
    if (r.valid.on) {
        bound on = bind(*r.valid.on, &dt);
        expect_type(on, dt, span(*r.valid.on), "the date after 'geldig ... op'");
        ri.valid_on = on.node;
    }
    auto clause = [&](boost::optional<ast::expr> const& e, type const& t, std::string const& what) -> std::optional<std::uint32_t> {
        if (!e) return std::nullopt;
        bound b = bind(*e, &t);
        expect_type(b, t, span(*e), what);
        return b.node;
    };
    ri.condition = clause(r.condition, bt, "the condition after 'als'");
    ri.unless = clause(r.unless, bt, "the condition after 'tenzij'");
    ri.due = clause(r.due, dt, "the due date after 'termijn'");
    ri.done = clause(r.done, dt, "the date after 'gedaan'");
    if (r.lead) {
        bound b = bind(*r.lead);
        if (!b.t.is_duration() && b.t.kind != type_kind::error)
            error(span(*r.lead), "'zichtbaar vanaf' needs a duration (dagen, weken or maanden), not " + type_name(b.t));
        ri.lead = b.node;
    }
    ri.late_is_violation = r.late.has_value();
    if (ri.kind == finding_kind::action && !ri.due) error(span(r), "an action ('soort actie') needs a 'termijn'");
    if ((ri.done || ri.lead || ri.late_is_violation) && !ri.due)
        error(span(r), "'gedaan', 'zichtbaar' and 'na termijn' need a 'termijn'");
    if (ri.late_is_violation && ri.kind != finding_kind::action)
        error(span(r), "'na termijn overtreding' only makes sense for 'soort actie'");
    for (auto const& m : r.messages) {
        auto tmpl = bind_message(m.text, ri.due);
        auto& slot = m.what == "melding" ? (m.lang == "nl" ? ri.message_nl : ri.message_en)
                                         : (m.lang == "nl" ? ri.advice_nl : ri.advice_en);
        if (!slot.empty()) error(span(m), "'" + m.what + " " + m.lang + "' is given twice");
        slot = std::move(tmpl);
    }
    for (auto [t, what] : {std::pair{&ri.message_nl, "melding nl"}, std::pair{&ri.message_en, "melding en"},
                           std::pair{&ri.advice_nl, "advies nl"}, std::pair{&ri.advice_en, "advies en"}})
        if (t->empty()) error(span(r), "rule " + r.id + " has no '" + what + "'");
    scope_.clear();
    prog_.rules.push_back(std::move(ri));
}

void binder::run(std::vector<std::pair<dsl::source_ptr, ast::file>> const& rulebook,
                 std::vector<std::pair<dsl::source_ptr, ast::file>> const& overrides) {
    // Overrides replace rulebook declarations by name: only sources, parameters and tables, each
    // with the type of the declaration it replaces.
    std::map<std::string, ast::type_ref const*> replaced;
    std::set<std::string> replaced_sources;
    for (auto const& [src, f] : overrides) {
        cur_ = src;
        for (auto const& d : f.declarations) {
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) replaced[p->name] = &p->type;
            else if (auto const* t = boost::get<ast::table_decl>(&d)) replaced[t->name] = &t->type;
            else if (auto const* b = boost::get<ast::source_decl>(&d)) replaced_sources.insert(b->name);
            else
                error(span(boost::apply_visitor([](auto const& x) { return static_cast<ast::located const&>(x); }, d)),
                      "an override file may only hold 'bron', 'parameter' and 'tabel' declarations");
        }
    }
    std::vector<std::pair<dsl::source_ptr, ast::file>> files;
    std::set<std::string> found;
    for (auto const& [src, f] : rulebook) {
        ast::file kept;
        for (std::size_t i = 0; i < f.declarations.size(); ++i) {
            auto const& d = f.declarations[i];
            std::string name;
            ast::type_ref const* type = nullptr;
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) name = p->name, type = &p->type;
            else if (auto const* t = boost::get<ast::table_decl>(&d)) name = t->name, type = &t->type;
            else if (auto const* b = boost::get<ast::source_decl>(&d); b && replaced_sources.count(b->name)) continue;
            if (type && replaced.count(name)) {
                found.insert(name);
                auto const* by = replaced[name];
                if (by->list != type->list || by->name != type->name) {
                    cur_ = overrides.front().first;
                    for (auto const& [osrc, of] : overrides)
                        for (auto const& od : of.declarations) {
                            auto const* op = boost::get<ast::parameter_decl>(&od);
                            if (op && op->name == name) cur_ = osrc;
                        }
                    error(span(*by), "the override of " + name + " must keep its type (" + std::string(type->list ? "lijst van " : "") +
                                         type->name + ")");
                }
                continue;
            }
            kept.declarations.push_back(d);
        }
        files.emplace_back(src, std::move(kept));
    }
    for (auto const& [name, type] : replaced)
        if (!found.count(name)) {
            for (auto const& [src, f] : overrides)
                for (auto const& d : f.declarations) {
                    auto const* p = boost::get<ast::parameter_decl>(&d);
                    auto const* t = boost::get<ast::table_decl>(&d);
                    if ((p && p->name == name) || (t && t->name == name)) {
                        cur_ = src;
                        std::vector<std::string> names;
                        for (auto const& [rs, rf] : rulebook)
                            for (auto const& rd : rf.declarations)
                                if (auto const* rp = boost::get<ast::parameter_decl>(&rd)) names.push_back(rp->name);
                        error(p ? span(*p) : span(*t), "override of '" + name + "', which the rules do not declare",
                              dsl::closest_matches(name, names));
                    }
                }
        }
    files.insert(files.end(), overrides.begin(), overrides.end());
    for (auto const& [src, f] : files) {
        cur_ = src;
        for (auto const& d : f.declarations) collect(d);
    }
    for (auto const& [src, f] : files) {
        cur_ = src;
        for (auto const& d : f.declarations)
            if (auto const* p = boost::get<ast::parameter_decl>(&d)) bind_parameter(*p);
    }
    for (auto const& [src, f] : files) {
        cur_ = src;
        for (auto const& d : f.declarations)
            if (auto const* t = boost::get<ast::table_decl>(&d)) bind_table(*t);
    }
    for (std::size_t i = 0; i < fact_groups_.size(); ++i) ensure_fact(static_cast<int>(i));
    for (auto const& [src, f] : files) {
        cur_ = src;
        for (auto const& d : f.declarations)
            if (auto const* r = boost::get<ast::rule_decl>(&d)) bind_rule(*r);
    }
    // Rule ids: (id, geval) unique; exceptions name existing rules.
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < prog_.rules.size(); ++i) {
        auto const& r = prog_.rules[i];
        ids.insert(r.id);
        auto [it, fresh] = seen.emplace(std::pair{r.id, r.variant}, i);
        if (!fresh) {
            dsl::diagnostic d{dsl::severity::error, "semantic",
                              "rule " + r.id + (r.variant.empty() ? "" : " geval " + r.variant) +
                                  " is declared twice (give each case its own 'geval')",
                              r.where, {{prog_.rules[it->second].where, "first declared here"}}, {}};
            diags_.add(std::move(d));
        }
    }
    for (auto const& r : prog_.rules)
        if (r.exception_of == r.id) error(r.where, "rule " + r.id + " cannot be an exception to itself");
    for (auto const& r : prog_.rules)
        if (!r.exception_of.empty() && !ids.count(r.exception_of)) {
            std::vector<std::string> names(ids.begin(), ids.end());
            error(r.where, "rule " + r.id + " is an exception to unknown rule '" + r.exception_of + "'",
                  dsl::closest_matches(r.exception_of, names));
        }
    check_coverage();
    if (auto it = param_ids_.find("actie.vooruitblik"); it != param_ids_.end()) {
        prog_.default_lead_param = it->second;
        if (!prog_.params[static_cast<std::size_t>(it->second)].t.is_duration())
            error(prog_.params[static_cast<std::size_t>(it->second)].where, "actie.vooruitblik must be a duration");
    } else if (!prog_.rules.empty()) {
        error({}, "the rules must declare 'parameter actie.vooruitblik : weken' (how far ahead actions are listed)");
    }
}

}  // namespace

void bind_files(std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& files,
                std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> const& overrides, program& prog, dsl::diagnostics& diags) {
    binder b(prog, diags);
    b.run(files, overrides);
}

}  // namespace rw::engine
