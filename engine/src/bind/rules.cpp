// Rules: scope (voor elk / voor het bureau), clauses, citations and messages. The parser has
// already split messages into text and placeholder expressions; here they are only resolved.
#include "binder_impl.hpp"

#include <map>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

/// Runs of whitespace become one space, keeping a leading or trailing one (message parts sit
/// between placeholders).
static std::string collapse_runs(std::string const& s) { return collapse_whitespace(s, true); }

message_template binder::bind_message(ast::message const& m, std::optional<std::uint32_t> due) {
    message_template out;
    for (auto const& part : m.parts) {
        if (!part.placeholder) {
            out.parts.push_back({collapse_runs(part.text), {}});
            continue;
        }
        dsl::span where{cur_, part.where.begin, part.where.end};
        auto const* name = boost::get<ast::name_ref>(&part.value);
        if (name && name->name == "termijn") {
            if (!due) error(codes::placeholder_needs_due, where, "{termijn} needs a 'termijn' clause in this rule");
            else out.parts.push_back({"", due});
            continue;
        }
        if (due) scope_.push_back({"termijn", 0, type::of(type_kind::date), due});
        bound b = bind(part.value);
        if (due) scope_.pop_back();
        if (b.t.kind == type_kind::list || b.t.kind == type_kind::entity)
            error(codes::placeholder_type, where, "a placeholder must give a value to print, not " + type_name(b.t));
        out.parts.push_back({"", b.node});
    }
    return out;
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
            for (auto const& g : r.for_each->generators) {
                bound coll = bind(g.collection);
                type elem = type::of(type_kind::error);
                if (coll.t.kind == type_kind::list) elem = coll.t.element();
                else if (coll.t.kind != type_kind::error)
                    error(codes::for_each_not_list, span(g.collection), "'voor elk' needs a list, not " + type_name(coll.t));
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
    for (auto const& m : r.messages) {
        auto tmpl = bind_message(m, ri.due);
        auto& slot = m.what == "melding" ? (m.lang == "nl" ? ri.message_nl : ri.message_en)
                                         : (m.lang == "nl" ? ri.advice_nl : ri.advice_en);
        if (!slot.empty()) error(codes::message_twice, span(m), "'" + m.what + " " + m.lang + "' is given twice");
        slot = std::move(tmpl);
    }
    for (auto [t, what] : {std::pair{&ri.message_nl, "melding nl"}, std::pair{&ri.message_en, "melding en"},
                           std::pair{&ri.advice_nl, "advies nl"}, std::pair{&ri.advice_en, "advies en"}})
        if (t->empty()) error(codes::message_missing, span(r), "rule " + r.id + " has no '" + what + "'");
    scope_.clear();
    prog_.rules.push_back(std::move(ri));
}


}  // namespace rw::engine::binding
