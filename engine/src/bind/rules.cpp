// Rules: scope (voor elk / voor het bureau), clauses, citations and messages. The parser has
// already split messages into text and placeholder expressions; here they are only resolved.
#include "binder_impl.hpp"

#include <algorithm>
#include <map>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

/// Runs of whitespace become one space, keeping a leading or trailing one (message parts sit
/// between placeholders).
static std::string collapse_runs(std::string const& s) { return collapse_whitespace(s, true); }

message_template binder::bind_message(ast::message const& m, std::optional<std::uint32_t> due,
                                       std::optional<std::uint32_t> act_by) {
    message_template out;
    out.after_due = m.after_due;
    // {termijn} and {handel_uiterlijk} (the working day to act on) are names for the rule's nodes,
    // in the placeholders and in the condition of the text alike.
    if (due) {
        scope_.push_back({"termijn", 0, type::of(type_kind::date), due});
        scope_.push_back({"handel_uiterlijk", 0, type::of(type_kind::date), act_by ? act_by : due});
    }
    if (m.condition) {
        type bt = type::of(type_kind::boolean);
        bound c = bind(*m.condition, &bt);
        expect_type(c, bt, span(*m.condition), "the condition after '" + m.what + " " + m.lang + " als'");
        out.condition = c.node;
    }
    for (auto const& part : m.parts) {
        if (!part.placeholder) {
            out.parts.push_back({collapse_runs(part.text), {}});
            continue;
        }
        dsl::span where{cur_, part.where.begin, part.where.end};
        auto const* name = boost::get<ast::name_ref>(&part.value);
        if (name && name->name == "termijn" && !due) {
            error(codes::placeholder_needs_due, where, "{termijn} needs a 'termijn' clause in this rule");
            continue;
        }
        if (name && name->name == "handel_uiterlijk" && !due) {
            error(codes::placeholder_needs_act_by, where, "{handel_uiterlijk} (the working day to act on) needs a 'termijn' clause in this rule");
            continue;
        }
        bound b = bind(part.value);
        if (b.t.kind == type_kind::list || b.t.kind == type_kind::entity)
            error(codes::placeholder_type, where, "a placeholder must give a value to print, not " + type_name(b.t));
        out.parts.push_back({"", b.node});
    }
    if (due) scope_.resize(scope_.size() - 2);
    return out;
}

/// The working day to act on for 'bij vrije dag werkdag ervoor | erna': laatste_werkdag(termijn) or
/// eerstvolgende_werkdag(termijn), with the days equated with a holiday by decree where the rules
/// declare them (atw.gelijkgestelde_dagen).
std::uint32_t binder::bind_act_by(std::string const& kind, std::uint32_t due, ast::located const& where,
                                  std::optional<std::uint32_t>* text_node) {
    ast::call c;
    c.begin = where.begin;
    c.end = where.end;
    c.function = kind == "erna" ? "eerstvolgende_werkdag" : "laatste_werkdag";
    ast::argument day;
    ast::name_ref t;
    t.name = "termijn";
    t.begin = where.begin;
    t.end = where.end;
    day.value = t;
    c.args.push_back(day);
    if (param_ids_.count("atw.gelijkgestelde_dagen")) {
        ast::argument eq;
        ast::name_ref n;
        n.name = "atw.gelijkgestelde_dagen";
        n.begin = where.begin;
        n.end = where.end;
        eq.value = n;
        c.args.push_back(eq);
    }
    scope_.push_back({"termijn", 0, type::of(type_kind::date), due});
    bound b = bind(ast::expr(c));
    if (kind != "erna" && text_node) {
        // For the reader, the day to act on is that working day while it is still ahead; on the
        // weekend or holiday itself (the working day passed, the deadline not yet) it is the deadline.
        ast::binary ahead;
        ahead.op = ">=";
        ahead.lhs = c;
        ast::name_ref today;
        today.name = "peildatum";
        today.begin = where.begin;
        today.end = where.end;
        ahead.rhs = today;
        ast::conditional choice;
        choice.begin = where.begin;
        choice.end = where.end;
        choice.condition = ahead;
        choice.then_value = c;
        choice.else_value = t;
        *text_node = bind(ast::expr(choice)).node;
    } else if (text_node) {
        *text_node = b.node;
    }
    scope_.pop_back();
    return b.node;
}

void binder::bind_generators(ast::scope const& s, std::vector<generator_info>& generators,
                             std::optional<std::uint32_t>& filter) {
    for (auto const& g : s.generators) {
        bound coll = bind(g.collection);
        type elem = type::of(type_kind::error);
        if (coll.t.kind == type_kind::list) elem = coll.t.element();
        else if (coll.t.kind != type_kind::error)
            error(codes::for_each_not_list, span(g.collection), "'voor elk' needs a list, not " + type_name(coll.t));
        std::uint16_t slot = new_slot();
        scope_.push_back({g.var, slot, elem});
        generators.push_back({slot, coll.node, elem, g.var});
    }
    if (s.filter) {
        type bt = type::of(type_kind::boolean);
        bound f = bind(*s.filter, &bt);
        expect_type(f, bt, span(*s.filter), "the condition after 'waarvoor'");
        filter = f.node;
    }
}

void binder::bind_rule(dsl::source_ptr const& src, ast::rule_decl const& r) {
    cur_ = src;
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
            error(codes::citation_period, span(c), "the citation's 'tot' " + c.to->text + " lies before its 'vanaf' " + c.from->text);
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
            bind_generators(*r.for_each, ri.generators, ri.filter);
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
    std::optional<std::uint32_t> act_by_text;  // {handel_uiterlijk}
    if (r.free_day) {
        if (!ri.due) error(codes::free_day_needs_due, span(r), "'bij vrije dag werkdag " + *r.free_day + "' needs a 'termijn'");
        else {
            ri.act_by = bind_act_by(*r.free_day, *ri.due, r, &act_by_text);
            ri.due_moves = *r.free_day == "erna";
        }
    }
    reads_tasks_ = false;
    ri.done = clause(r.done, dt, "the date after 'gedaan'");
    ri.done_by_record = ri.done && reads_tasks_;
    if (r.lead) {
        bound b = bind(*r.lead);
        if (!b.t.is_duration() && b.t.kind != type_kind::error)
            error(codes::lead_not_duration, span(*r.lead), "'zichtbaar vanaf' needs a duration (dagen, weken or maanden), not " + type_name(b.t));
        ri.lead = b.node;
    }
    ri.late_is_violation = r.late.has_value();
    ri.open_while = clause(r.open_while, bt, "the condition after 'open zolang'");
    if (ri.open_while && ri.kind == finding_kind::action)
        error(codes::open_while_on_action, span(*r.open_while),
              "'open zolang' is for violations and warnings: an action is open until it is done ('gedaan')");
    if (ri.kind == finding_kind::action && !ri.due) error(codes::action_needs_due, span(r), "an action ('soort actie') needs a 'termijn'");
    if ((ri.done || ri.lead || ri.late_is_violation) && !ri.due)
        error(codes::clause_needs_due, span(r), "'gedaan', 'zichtbaar' and 'na termijn' need a 'termijn'");
    if (ri.late_is_violation && ri.kind != finding_kind::action)
        error(codes::late_needs_action, span(r), "'na termijn overtreding' only makes sense for 'soort actie'");
    if (r.task) {  // guidance (issue 13)
        ri.task = *r.task;
        if (ri.kind != finding_kind::action)
            error(codes::task_needs_action, span(r), "'taak " + *r.task + "' is for a step to take: rule " + r.id + " must be 'soort actie'");
        else if (*r.task == "wettelijk" && !ri.late_is_violation)
            error(codes::statutory_task_late, span(r),
                  "rule " + r.id + " is 'taak wettelijk': a statutory step not done by its deadline is a violation; add 'na termijn overtreding'");
        else if (*r.task == "beleid" && ri.late_is_violation)
            error(codes::policy_task_late, span(r),
                  "rule " + r.id + " is 'taak beleid': the agency's policy is no law, so a late step is a reminder; remove 'na termijn overtreding' (or make it 'taak wettelijk' with its article)");
    }
    for (auto const& m : r.messages) {
        if (m.after_due && !ri.due)
            error(codes::after_due_needs_due, span(m), "'" + m.what + " " + m.lang + " na termijn' needs a 'termijn' in rule " + r.id);
        auto tmpl = bind_message(m, ri.due, act_by_text);
        auto& slot = m.what == "melding" ? (m.lang == "nl" ? ri.message_nl : ri.message_en)
                                         : (m.lang == "nl" ? ri.advice_nl : ri.advice_en);
        if (!tmpl.condition)
            for (auto const& t : slot.texts)
                if (!t.condition && t.after_due == tmpl.after_due)
                    error(codes::message_twice, span(m),
                          "'" + m.what + " " + m.lang + (m.after_due ? " na termijn" : "") + "' without 'als' is given twice");
        slot.texts.push_back(std::move(tmpl));
    }
    for (auto [t, what] : {std::pair{&ri.message_nl, "melding nl"}, std::pair{&ri.message_en, "melding en"},
                           std::pair{&ri.advice_nl, "advies nl"}, std::pair{&ri.advice_en, "advies en"}}) {
        auto has = [&](bool after) {
            return std::any_of(t->texts.begin(), t->texts.end(), [&](auto const& x) { return x.after_due == after && !x.condition; });
        };
        if (t->empty()) error(codes::message_missing, span(r), "rule " + r.id + " has no '" + what + "'");
        else if (!has(false))
            error(codes::message_missing, span(r), "rule " + r.id + " has no '" + what + "' without 'als' (the text where no condition holds)");
        if (ri.due && !has(true))
            error(codes::after_due_text_missing, span(r),
                  "rule " + r.id + " has a 'termijn' but no '" + what +
                      " na termijn' (the wording once the deadline has passed, without 'als')");
    }
    scope_.clear();
    prog_.rules.push_back(std::move(ri));
}


}  // namespace rw::engine::binding
