// Criteria (matching, issue 12): `criterium` declarations. A criterion sees the candidate
// (`werker`, with `werker.sollicitatie`), the vacancy (`vacature`) and the peildatum; it may read
// no protected ground (AWGB art. 1 and 5, AVG art. 9): not the birth date or age, nationality,
// permit, sickness, the name or the worker's language, nor a fact that reads one (RW5301).
// Rules (regel) may read them: the legal checks need them.
#include "binder_impl.hpp"

#include <map>

namespace rw::engine::binding {

using dsl::collapse_whitespace;

void binder::note_protected(std::string const& ground, std::string const& what, dsl::span const& s) {
    for (int f : binding_facts_) {
        auto& g = fact_ground(f);
        if (g.empty()) g = ground;
    }
    if (in_criterion_)
        error(codes::protected_ground, s,
              "a criterion may not read a protected ground: " + what + " reveals " + ground +
                  " (AWGB art. 1 en 5: no distinction on a protected ground in recruiting and placing; AVG art. 9); "
                  "only rules (regel) may read it, for the legal checks");
}

void binder::bind_criterion(dsl::source_ptr const& src, ast::criterion_decl const& c) {
    cur_ = src;
    criterion_info ci;
    ci.id = c.id;
    ci.variant = c.variant.value_or("");
    ci.kind = c.kind == "eis" ? criterion_kind::requirement : criterion_kind::points;
    ci.where = span(c);
    ci.location = cur_->path() + ":" + std::to_string(cur_->position(c.begin).line);
    for (auto const& a : c.citations) {
        citation_info cit{collapse_whitespace(a.article.value), bind_sources(a.cited), {}, {}};
        std::string t = cit.article;
        if (!cit.sources.empty()) {
            t += " (";
            for (std::size_t i = 0; i < cit.sources.size(); ++i) {
                auto const& s = prog_.sources[static_cast<std::size_t>(cit.sources[i])];
                t += (i ? "; " : "") + (s.title.empty() ? s.name : s.title);
                if (!s.url.empty()) t += ", " + s.url;
            }
            t += ")";
        }
        ci.citation_texts.push_back(std::move(t));
    }
    if (auto f = literal_date(c.valid.from)) ci.valid_from = *f;
    if (c.valid.to) ci.valid_to = literal_date(*c.valid.to);
    scope_.clear();
    next_slot_ = prog_.slot_count;
    worker_allowed_ = true;
    in_criterion_ = true;
    type bt = type::of(type_kind::boolean), num = type::of(type_kind::number);
    if (c.for_each && c.for_each->kind == "bureau") {
        error(codes::criterion_for_agency, span(*c.for_each), "a criterion is about a candidate and a vacancy, not 'voor het bureau'");
    } else if (c.for_each) {
        bind_generators(*c.for_each, ci.generators, ci.filter);
    }
    if (c.condition) {
        bound b = bind(*c.condition, &bt);
        expect_type(b, bt, span(*c.condition), "the condition after 'als'");
        ci.condition = b.node;
    }
    if (c.points) {
        bound b = bind(*c.points, &num);
        expect_type(b, num, span(*c.points), "the points after 'punten'");
        ci.points = b.node;
        if (ci.kind == criterion_kind::requirement)
            error(codes::criterion_points, span(*c.points), "a must-have ('soort eis') blocks, it gives no 'punten'");
    } else if (ci.kind == criterion_kind::points) {
        error(codes::criterion_points, span(c), "criterion " + c.id + " ('soort punten') needs 'punten'");
    }
    // {punten} in a reason is the criterion's points.
    if (ci.points) scope_.push_back({"punten", 0, num, ci.points});
    for (auto const& m : c.reasons) {
        if (m.lang != "nl" && m.lang != "en") {
            error(codes::language_not_allowed, span(m), "'reden' is written in nl and en, not " + m.lang);
            continue;
        }
        auto tmpl = bind_message(m, std::nullopt, std::nullopt);
        auto& slot = m.lang == "nl" ? ci.reason_nl : ci.reason_en;
        if (!slot.empty()) error(codes::reason_missing, span(m), "'reden " + m.lang + "' is given twice");
        slot = std::move(tmpl);
    }
    for (auto [t, what] : {std::pair{&ci.reason_nl, "reden nl"}, std::pair{&ci.reason_en, "reden en"}})
        if (t->empty()) error(codes::reason_missing, span(c), "criterion " + c.id + " has no '" + what + "'");
    in_criterion_ = false;
    scope_.clear();
    prog_.criteria.push_back(std::move(ci));
}

void check_criterion_ids(program const& prog, dsl::diagnostics& diags) {
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (std::size_t i = 0; i < prog.criteria.size(); ++i) {
        auto const& c = prog.criteria[i];
        auto [it, fresh] = seen.emplace(std::pair{c.id, c.variant}, i);
        if (!fresh)
            diags.add({dsl::severity::error, codes::criterion_twice,
                       "criterion " + c.id + (c.variant.empty() ? "" : " geval " + c.variant) +
                           " is declared twice (give each case its own 'geval')",
                       c.where, {{prog.criteria[it->second].where, "first declared here"}}, {}});
    }
}

}  // namespace rw::engine::binding
