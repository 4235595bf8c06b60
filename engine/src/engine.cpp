// The engine's driver: binding all rule files into one program, and evaluating rules for a worker
// or the agency at a reference date: generators, validity, conditions, deadlines (listing window,
// overdue, late as violation), exceptions between rules, messages and explanations.
#include "rw/engine/engine.hpp"

#include "bind/binder.hpp"
#include "eval/context.hpp"
#include "eval/evaluate.hpp"
#include "rw/dsl/parse.hpp"

#include <algorithm>
#include <functional>

namespace rw::engine {

char const* to_string(finding_kind k) {
    switch (k) {
        case finding_kind::violation: return "violation";
        case finding_kind::action: return "action";
        case finding_kind::warning: return "warning";
        case finding_kind::info: return "info";
    }
    return "?";
}

char const* to_string(explanation_kind k) {
    switch (k) {
        case explanation_kind::rule: return "rule";
        case explanation_kind::fact: return "fact";
        case explanation_kind::parameter: return "parameter";
        case explanation_kind::table: return "table";
        case explanation_kind::condition: return "condition";
        case explanation_kind::note: return "note";
    }
    return "?";
}

char const* dutch_name(finding_kind k) {
    switch (k) {
        case finding_kind::violation: return "overtreding";
        case finding_kind::action: return "actie";
        case finding_kind::warning: return "waarschuwing";
        case finding_kind::info: return "info";
    }
    return "?";
}

int program::fact_index(std::string const& name) const {
    for (std::size_t i = 0; i < facts.size(); ++i)
        if (facts[i].name == name) return static_cast<int>(i);
    return -1;
}

std::string label_key(label_kind kind, std::string_view name) {
    std::string k(1, static_cast<char>('0' + static_cast<int>(kind)));
    k += name;
    return k;
}

std::string_view program::label(label_kind kind, std::string_view name, std::string_view lang) const {
    auto it = label_index.find(label_key(kind, name));
    if (it == label_index.end()) return {};
    auto const& l = labels[it->second];
    // Labels are nl and en; Polish (issue 13) reads the English one (rules check keeps labels out
    // of Polish texts: RW5606).
    return (lang == "en" || lang == "pl") && !l.en.empty() ? l.en : l.nl;
}

std::string program::label_or_name(label_kind kind, std::string_view name, std::string_view lang) const {
    auto l = label(kind, name, lang);
    return std::string(l.empty() ? name : l);
}

int program::param_index(std::string const& name) const {
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].name == name) return static_cast<int>(i);
    return -1;
}

std::shared_ptr<program const> bind_program(std::vector<dsl::source_ptr> const& sources, dsl::diagnostics& diags,
                                            std::vector<dsl::source_ptr> const& overrides) {
    auto prog = std::make_shared<program>();
    std::vector<std::pair<dsl::source_ptr, dsl::ast::file>> files, override_files;
    std::uint64_t h = 14695981039346656037ULL;
    for (auto const& src : overrides) {
        override_files.emplace_back(src, dsl::parse(src, diags));
        prog->files.push_back(src->path() + " (override)");
        for (unsigned char c : src->text()) {
            h ^= c;
            h *= 1099511628211ULL;
        }
    }
    for (auto const& src : sources) {
        files.emplace_back(src, dsl::parse(src, diags));
        prog->files.push_back(src->path());
        for (unsigned char c : src->text()) {
            h ^= c;
            h *= 1099511628211ULL;
        }
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    prog->rules_hash = buf;
    if (diags.has_errors()) return nullptr;  // stop at the phase boundary: no binding of broken syntax
    bind_files(files, override_files, *prog, diags);  // (not "bind": ADL would find std::bind)
    if (diags.has_errors()) return nullptr;
    // Citations are the same for every finding of a rule: render them once.
    for (auto& r : prog->rules)
        for (auto const& c : r.citations) {
            std::string t = c.article;
            if (!c.sources.empty()) {
                t += " (";
                for (std::size_t i = 0; i < c.sources.size(); ++i) {
                    auto const& src = prog->sources[static_cast<std::size_t>(c.sources[i])];
                    t += (i ? "; " : "") + (src.title.empty() ? src.name : src.title);
                    if (!src.url.empty()) t += ", " + src.url;
                }
                t += ")";
            }
            r.citation_texts.push_back(std::move(t));
        }
    return prog;
}

std::string describe_program(program const& prog) {
    std::string out;
    for (auto const& s : prog.sources) out += "bron " + s.name + "\n";
    for (auto const& p : prog.params) {
        out += "parameter " + p.name;
        if (!p.args.empty()) {
            out += "(";
            for (std::size_t i = 0; i < p.args.size(); ++i) out += (i ? ", " : "") + p.args[i].first + ": " + type_name(p.args[i].second);
            out += ")";
        }
        out += " : " + type_name(p.t) + "\n";
        for (auto const& v : p.versions)
            out += "    " + to_text(v.v, "nl") + " vanaf " + format_date(v.from) + (v.to ? " tot en met " + format_date(*v.to) : "") +
                   (v.uncertain.empty() ? "" : " [onzeker]") + "\n";
        for (auto const& x : p.exceptions)
            out += "    uitzondering " + x.label + ": " + to_text(x.v, "nl") + " vanaf " + format_date(x.from) +
                   (x.to ? " tot en met " + format_date(*x.to) : "") + "\n";
    }
    for (auto const& t : prog.tables) out += "tabel " + t.name + " : " + type_name(t.t) + " (" + std::to_string(t.versions.size()) + " versies)\n";
    for (auto const& f : prog.facts)
        out += std::string(f.helper ? "hulpfeit " : "feit ") + f.name + " : " + type_name(f.t) + " (" + std::to_string(f.defs.size()) +
               (f.defs.size() == 1 ? " definitie" : " definities") + ")\n";
    for (auto const& r : prog.rules) {
        out += "regel " + r.id + (r.variant.empty() ? "" : " geval " + r.variant) + " : " + dutch_name(r.kind) +
               (r.task.empty() ? "" : std::string(" (taak ") + r.task + (r.done_by_record ? ", gedaan per vastgelegde taak" : "") + ")") +
               ", geldig vanaf " +
               format_date(r.valid_from) + (r.valid_to ? " tot en met " + format_date(*r.valid_to) : "") +
               (r.agency_level ? ", voor het bureau" : "");
        for (auto const& g : r.generators) out += ", voor elk " + g.var + " : " + type_name(g.element);
        out += "\n";
    }
    return out;
}

client_index::client_index(std::vector<client> const& clients) {
    for (auto const& c : clients) by_id_[c.id] = &c;
}

client const* client_index::find(std::string const& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

std::string phase_label(std::string const& fase, phase_labels labels) {
    if (labels == phase_labels::letters) return fase;
    if (fase == "A") return "1-2";
    if (fase == "B") return "3";
    if (fase == "C") return "4";
    return fase;
}

std::string text_for_people(program const& prog, value const& v, std::string_view lang) {
    std::string_view l = lang == "en" ? "en" : lang == "pl" ? "pl" : "nl";
    switch (v.kind) {
        case value_kind::enumeration:
            return prog.label_or_name(label_kind::waarde, enum_name(static_cast<enum_id>(v.tag)) + "." + to_text(v), l);
        case value_kind::boolean: return prog.label_or_name(label_kind::term, v.i ? "waar" : "onwaar", l);
        case value_kind::empty: return std::string(prog.label(label_kind::term, "leeg", l));
        case value_kind::number:
            if (l == "nl") {  // Dutch writes a decimal comma: "3,3 km" (Polish too: to_text does that)
                std::string t = to_text(v, l, true);
                std::replace(t.begin(), t.end(), '.', ',');
                return t;
            }
            return to_text(v, l, true);
        case value_kind::date: return format_date_weekday(v.as_date(), l);
        case value_kind::week:
            return (l == "en" ? "week of " : l == "pl" ? "tydzień od " : "week van ") + format_date_weekday(monday_of(v.as_date()), l);
        default: return to_text(v, l, true);
    }
}

finding data_quality_finding(data_issue const& issue) {
    finding f;
    f.rule = "data.kwaliteit";
    f.kind = finding_kind::warning;
    f.worker = issue.worker_id;
    std::string what = issue.table + (issue.record.empty() ? "" : " " + issue.record) + ": " + issue.message;
    f.message_nl = "Gegevens niet bruikbaar (" + what + "); deze rij is bij de controle overgeslagen.";
    f.message_en = "Unusable data (" + what + "); this row was skipped in the audit.";
    f.advice_nl = "Corrigeer de gegevens in de bronadministratie en importeer het dossier opnieuw.";
    f.advice_en = "Correct the data in the source records and import the dossier again.";
    f.citations.push_back("regelwerk: gegevenskwaliteit (dossier-format.md)");
    return f;
}

void sort_findings(std::vector<finding>& fs) {
    // References, not copies: this runs for every worker of an audit.
    std::stable_sort(fs.begin(), fs.end(), [](finding const& a, finding const& b) {
        if (a.overdue != b.overdue) return a.overdue;
        auto da = a.due ? a.due->time_since_epoch().count() : std::int64_t{1} << 40;
        auto db = b.due ? b.due->time_since_epoch().count() : std::int64_t{1} << 40;
        if (da != db) return da < db;
        if (int c = a.worker.compare(b.worker)) return c < 0;
        if (int c = a.rule.compare(b.rule)) return c < 0;
        if (int c = a.variant.compare(b.variant)) return c < 0;
        if (int c = a.contract.compare(b.contract)) return c < 0;
        if (int c = a.placement.compare(b.placement)) return c < 0;
        return a.sickness < b.sickness;
    });
}

namespace {

std::string source_text(dsl::span const& s) {
    if (!s.file) return "";
    return dsl::collapse_whitespace(std::string_view(s.file->text()).substr(s.begin, s.end - s.begin));
}

/// Where a span is, for an explanation's typed reference (the file as it was loaded).
void set_span(explanation_ref& ref, dsl::span const& s) {
    if (!s.file) return;
    auto b = s.file->position(s.begin), e = s.file->position(s.end);
    ref.file = s.file->path();
    ref.line = b.line;
    ref.column = b.column;
    ref.end_line = e.line;
    ref.end_column = e.column;
}

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

}  // namespace

struct rule_runner {
    eval_context& ctx;
    evaluation_options const& opts;
    std::vector<finding>& out;

    /// The text of one message or advice on the evaluated day: after the deadline its 'na termijn'
    /// wording, and of the phase's texts the first whose 'als' holds (generator variables bound).
    std::string render(message_texts const& texts, bool after_due, std::string_view lang) {
        auto const* m = texts.choose(after_due, [&](std::uint32_t c) { return eval(ctx, c).as_bool(); });
        if (!m) m = texts.choose(false, [&](std::uint32_t c) { return eval(ctx, c).as_bool(); });
        return m ? render(*m, lang) : std::string();
    }

    std::string render(message_template const& m, std::string_view lang, bool* empty_placeholder = nullptr) {
        std::string s;
        for (auto const& p : m.parts) {
            if (!p.node) {
                s += p.text;
                continue;
            }
            value v = eval(ctx, *p.node);
            if (empty_placeholder && v.empty()) *empty_placeholder = true;
            if (v.kind == value_kind::enumeration && static_cast<enum_id>(v.tag) == enum_id::fase && ctx.ag)
                s += phase_label(to_text(v), ctx.ag->labels);
            else
                s += v.empty() ? std::string() : text_for_people(ctx.prog, v, lang);
        }
        return trim(s);
    }

    /// Evaluates one instance of a rule (generator variables already in their slots).
    void instance(rule_info const& r, std::size_t index) {
        auto const& prog = ctx.prog;
        if (r.filter && !eval(ctx, *r.filter).as_bool()) return;
        if (r.valid_on) {
            value on = eval(ctx, *r.valid_on);
            if (on.empty()) return;
            if (on.as_date() < r.valid_from || (r.valid_to && on.as_date() > *r.valid_to)) return;
        }
        if (r.condition && !eval(ctx, *r.condition).as_bool()) return;
        if (r.unless && eval(ctx, *r.unless).as_bool()) return;
        finding f;
        f.rule = r.id;
        f.variant = r.variant;
        f.kind = r.kind;
        f.rule_index = index;
        f.uncertain = !r.uncertain.empty();
        f.task = r.task;
        // {termijn} in the messages (and handel_uiterlijk) is the due node: evaluated once.
        struct due_memo {
            eval_context& ctx;
            ~due_memo() { ctx.due_node = eval_context::no_node; }
        } memo{ctx};
        if (r.due) {
            value due = eval(ctx, *r.due);
            if (due.empty()) return;
            f.due = due.as_date();
            if (!ctx.tr) {
                ctx.due_value = due;
                ctx.due_node = *r.due;
            }
            if (r.act_by) {  // bij vrije dag werkdag ervoor | erna
                value a = eval(ctx, *r.act_by);
                if (!a.empty() && a.as_date() != *f.due) {
                    if (r.due_moves) f.due = a.as_date();  // Atw art. 1: the deadline itself moves
                    else f.act_by = a.as_date();
                }
            }
            if (r.kind == finding_kind::action) {
                opt_day done;
                if (r.done) {
                    value d = eval(ctx, *r.done);
                    if (!d.empty() && d.as_date() <= ctx.K) done = d.as_date();  // nothing after K is known
                }
                if (done && opts.timeline) {
                    // The timeline keeps a step done, with its day; done late by a statutory step
                    // stays a violation.
                    f.done = done;
                    if (r.late_is_violation && *done > *f.due) f.kind = finding_kind::violation;
                } else if (done) {
                    if (!(r.late_is_violation && *done > *f.due)) return;
                    f.kind = finding_kind::violation;
                    f.done = done;
                } else if (ctx.R > *f.due) {
                    // Past its deadline and not done: it stays on the work list until done.
                    if (r.late_is_violation) f.kind = finding_kind::violation;
                    else f.overdue = true;
                    f.open = true;
                } else if (opts.timeline) {
                    // Every future step, whatever its listing window.
                } else if (opts.lead_days) {
                    if (*f.due > add_days(ctx.R, *opts.lead_days)) return;
                } else {
                    // Listed once the due date is at most the lead time after R.
                    value lead;
                    if (r.lead) lead = eval(ctx, *r.lead);
                    else if (prog.default_lead_param >= 0)
                        lead = param_at(ctx, static_cast<std::uint16_t>(prog.default_lead_param), ctx.R, nullptr, 0);
                    if (!lead.empty()) {
                        day horizon = lead.kind == value_kind::months ? add_months(ctx.R, static_cast<int>(lead.i))
                                                                      : add_days(ctx.R, static_cast<int>(lead.kind == value_kind::weeks ? 7 * lead.i : lead.i));
                        if (*f.due > horizon) return;
                    }
                }
                if (*f.due >= ctx.R && !f.done) f.open = true;  // listed and not yet due
            }
        }
        if (r.open_while && f.kind != finding_kind::action) f.open = eval(ctx, *r.open_while).as_bool();
        if (ctx.w) f.worker = ctx.w->id;
        for (auto const& g : r.generators) {
            value v = ctx.slots[g.slot];
            if (v.kind != value_kind::entity) continue;
            switch (static_cast<entity_id>(v.tag)) {
                case entity_id::contract: f.contract = v.as<contract>().id; break;
                case entity_id::plaatsing:
                    f.placement = v.as<placement>().id;
                    if (f.contract.empty()) f.contract = v.as<placement>().contract;
                    break;
                case entity_id::ziekte: f.sickness = static_cast<int>(&v.as<sickness>() - ctx.w->sicknesses.data()); break;
                case entity_id::ziektegeval:
                    f.sickness = static_cast<int>(v.as<ziektegeval_data>().periods.front() - ctx.w->sicknesses.data());
                    break;
                case entity_id::keten:
                    if (auto const* c = v.as<keten_data>().crossing_contract) f.contract = c->id;
                    break;
                default: break;
            }
        }
        // A dated citation names the text in force on the finding's day (its due date, else R).
        day cited_on = f.due ? *f.due : ctx.R;
        for (std::size_t i = 0; i < r.citations.size(); ++i)
            if (r.citations[i].in_force_on(cited_on)) f.citations.push_back(r.citation_texts[i]);
        bool after_due = f.due && *f.due < ctx.R;
        if (opts.messages != evaluation_options::message_mode::none && opts.lang != "en") {
            f.message_nl = render(r.message_nl, after_due, "nl");
            f.advice_nl = render(r.advice_nl, after_due, "nl");
        }
        if (opts.messages != evaluation_options::message_mode::none && opts.lang != "nl") {
            f.message_en = render(r.message_en, after_due, "en");
            f.advice_en = render(r.advice_en, after_due, "en");
        }
        // Issue 13: the texts for the worker and the client, in the language asked for; a rule
        // without that language gives its Dutch text, and says so (requested != lang).
        auto audience = [&](std::map<std::string, message_texts> const& texts, std::string const& want) -> std::optional<audience_text> {
            if (want.empty() || texts.empty()) return std::nullopt;
            auto it = texts.find(want);
            if (it == texts.end()) it = texts.find("nl");
            if (it == texts.end()) it = texts.begin();
            auto holds = [&](std::uint32_t c) { return eval(ctx, c).as_bool(); };
            auto const* m = it->second.choose(after_due, holds);
            if (!m) m = it->second.choose(false, holds);
            if (!m) return std::nullopt;
            audience_text t{"", it->first, want};
            t.text = render(*m, it->first, &t.empty_placeholder);
            t.variant = static_cast<int>(m - it->second.texts.data());
            return t;
        };
        f.worker_text = audience(r.worker_texts, opts.worker_text_lang);
        f.client_text = audience(r.client_texts, opts.client_text_lang);
        ctx.due_node = eval_context::no_node;  // explain traces every clause, the due date too
        if (opts.explain) explain(r, f);
        out.push_back(std::move(f));
    }

    /// Re-runs the instance with the trace on and the fact memo cleared, so that every fact and
    /// every dated parameter value that led to the finding is recorded with its source.
    void explain(rule_info const& r, finding& f) {
        trace t;
        std::string version = "geldig vanaf " + format_date(r.valid_from);
        if (r.valid_to) version += " tot en met " + format_date(*r.valid_to);
        explanation_ref rule_ref;
        rule_ref.kind = explanation_kind::rule;
        rule_ref.id = r.id;
        rule_ref.variant = r.variant;
        rule_ref.finding_kind = to_string(r.kind);
        std::vector<explanation_source> cited;
        for (auto const& c : r.citations)
            for (int s : c.sources) {
                auto const& src = ctx.prog.sources[static_cast<std::size_t>(s)];
                if (std::none_of(cited.begin(), cited.end(), [&](auto const& x) { return x.id == src.name; }))
                    cited.push_back({src.name, src.title, src.url});
            }
        rule_ref.version = explanation_version{r.valid_from, r.valid_to, std::move(cited), r.uncertain, ""};
        set_span(rule_ref, r.where);
        t.add({"rule", r.id + (r.variant.empty() ? "" : " (geval " + r.variant + ")"), dutch_name(r.kind),
               version + "; " + r.location, false, "", 0, std::move(rule_ref)});
        if (!r.uncertain.empty()) {
            explanation_ref note;
            note.kind = explanation_kind::note;
            note.id = r.id;
            t.add({"note", "onzeker", "", r.uncertain, true, "", 0, std::move(note)});
        }
        auto saved_values = ctx.fact_values;
        auto saved_state = ctx.fact_state;
        std::fill(ctx.fact_state.begin(), ctx.fact_state.end(), 0);
        ctx.tr = &t;
        int clause_index = 0;
        auto clause = [&](char const* kw, std::optional<std::uint32_t> const& n) {
            int index = clause_index++;
            if (!n) return;
            value v = eval(ctx, *n);
            explanation_ref ref;
            ref.kind = explanation_kind::condition;
            ref.id = r.id;
            ref.clause = kw;
            ref.clause_index = index;
            set_span(ref, ctx.prog.nodes[*n].where);
            t.add({"condition", kw, to_text(v, "nl"), source_text(ctx.prog.nodes[*n].where), false, "", 0, std::move(ref)});
        };
        clause("waarvoor", r.filter);
        clause("geldig op", r.valid_on);
        clause("als", r.condition);
        clause("tenzij", r.unless);
        clause("termijn", r.due);
        clause("gedaan", r.done);
        clause("open zolang", r.open_while);
        ctx.tr = nullptr;
        ctx.fact_values = saved_values;
        ctx.fact_state = saved_state;
        // Facts first as the reader meets them; parameters carry their dated source.
        f.explanation = std::move(t.lines);
        for (auto const& l : f.explanation) f.uncertain = f.uncertain || l.uncertain;
    }

    void generate(rule_info const& r, std::size_t index, std::size_t g) {
        if (g == r.generators.size()) {
            instance(r, index);
            return;
        }
        auto const& gen = r.generators[g];
        value coll = eval(ctx, gen.collection);
        if (coll.kind != value_kind::list || !coll.p) return;
        list_data items = coll.as<list_data>();
        for (auto const& item : items) {
            ctx.slots[gen.slot] = item;
            generate(r, index, g + 1);
        }
        ctx.slots[gen.slot] = value{};
    }

    void run(rule_info const& r, std::size_t index) {
        if (!r.valid_on && (ctx.R < r.valid_from || (r.valid_to && ctx.R > *r.valid_to))) return;
        generate(r, index, 0);
    }
};

static void apply_exceptions(program const& prog, std::vector<finding>& fs) {
    // A rule declared 'uitzondering op X' that fired for a subject suppresses X for that subject.
    std::vector<bool> drop(fs.size(), false);
    for (auto const& e : fs) {
        auto const& er = prog.rules[e.rule_index];
        if (er.exception_of.empty()) continue;
        for (std::size_t i = 0; i < fs.size(); ++i) {
            auto const& f = fs[i];
            if (f.rule != er.exception_of || f.worker != e.worker) continue;
            if (!e.contract.empty() && e.contract != f.contract) continue;
            if (!e.placement.empty() && e.placement != f.placement) continue;
            if (e.sickness >= 0 && e.sickness != f.sickness) continue;
            drop[i] = true;
        }
    }
    std::vector<finding> kept;
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (!drop[i]) kept.push_back(std::move(fs[i]));
    fs = std::move(kept);
}

static void report_issues(eval_context& ctx, std::vector<finding>& out) {
    for (auto const& issue : ctx.issues) {
        finding f;
        f.rule = issue.rule;
        f.kind = finding_kind::warning;
        if (ctx.w) f.worker = ctx.w->id;
        f.message_nl = f.message_en = issue.message + " (" + dsl::location_string(issue.where) + ")";
        if (issue.rule == "regelwerk.parameter_ontbreekt") {
            f.advice_nl = "De regels kennen deze waarde niet voor die dag: controleer dit dossier met de hand of laat "
                          "een regelbeheerder de waarde toevoegen.";
            f.advice_en = "The rules have no value for that day: check this dossier by hand or ask a rule maintainer to add it.";
        } else {
            f.advice_nl = "Laat een regelbeheerder de tegenstrijdige regels of parameters herzien.";
            f.advice_en = "Ask a rule maintainer to resolve the conflicting rules or parameters.";
        }
        bool dup = false;
        for (auto const& o : out) dup = dup || (o.rule == f.rule && o.message_en == f.message_en);
        if (!dup) out.push_back(std::move(f));
    }
}

evaluator::evaluator(std::shared_ptr<program const> prog)
    : prog_(std::move(prog)), ctx_(std::make_unique<eval_context>(*prog_)) {}
evaluator::~evaluator() = default;

worker_result evaluator::evaluate_worker(agency const& ag, client_index const& clients, worker const& w,
                                         evaluation_options const& opts) {
    auto& ctx = *ctx_;
    ctx.reset_for(&w, opts.reference, opts.known_until);
    ctx.ag = &ag;
    ctx.clients = &clients;
    worker_result res;
    rule_runner runner{ctx, opts, res.findings};
    for (std::size_t i = 0; i < prog_->rules.size(); ++i)
        if (!prog_->rules[i].agency_level && (!opts.only_rules || (*opts.only_rules)[i])) runner.run(prog_->rules[i], i);
    apply_exceptions(*prog_, res.findings);
    for (std::size_t i = 0; i < prog_->facts.size() && opts.facts; ++i) {
        auto const& f = prog_->facts[i];
        if (f.helper || f.t.kind == type_kind::list || f.t.kind == type_kind::entity) continue;
        value v = eval_fact(ctx, static_cast<std::uint16_t>(i));
        if (v.empty()) continue;
        fact_value fv;
        fv.name = f.name;
        fv.v = v;
        fv.text = to_text(v);
        fv.display = (v.kind == value_kind::enumeration && static_cast<enum_id>(v.tag) == enum_id::fase)
                         ? phase_label(fv.text, ag.labels)
                         : to_text(v, "nl", false);
        res.facts.push_back(std::move(fv));
    }
    report_issues(ctx, res.findings);
    sort_findings(res.findings);
    return res;
}

std::vector<finding> evaluator::evaluate_agency(agency const& ag, evaluation_options const& opts) {
    auto& ctx = *ctx_;
    ctx.reset_for(nullptr, opts.reference, opts.known_until);
    ctx.ag = &ag;
    static client_index const no_clients;
    ctx.clients = &no_clients;
    std::vector<finding> out;
    rule_runner runner{ctx, opts, out};
    for (std::size_t i = 0; i < prog_->rules.size(); ++i)
        if (prog_->rules[i].agency_level) runner.run(prog_->rules[i], i);
    apply_exceptions(*prog_, out);
    report_issues(ctx, out);
    sort_findings(out);
    return out;
}

}  // namespace rw::engine
