// The canonical printer and the structural dump (see print.hpp).
#include "rw/dsl/print.hpp"

#include <sstream>

namespace rw::dsl {

namespace {

using namespace ast;

std::string quote(std::string const& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Binding strength, loosest first; a child printed under a parent needs parentheses when weaker.
int binary_precedence(std::string const& op) {
    if (op == "of") return 1;
    if (op == "en") return 2;
    if (op == "+" || op == "-") return 5;
    if (op == "*" || op == "/") return 6;
    return 4;  // comparisons
}

int precedence(expr const& e) {
    // Dispatch on the variant index, not on overloads: aggregate types convert into each other
    // through their common `located` base, which makes overload-based visitors pick wrongly.
    if (auto const* b = boost::get<x3::forward_ast<binary>>(&e)) return binary_precedence(b->get().op);
    if (auto const* u = boost::get<x3::forward_ast<unary>>(&e)) return u->get().op == "niet" ? 3 : 7;
    if (boost::get<x3::forward_ast<emptiness>>(&e) || boost::get<x3::forward_ast<membership>>(&e)) return 4;
    if (boost::get<x3::forward_ast<as_of>>(&e)) return 8;
    return 9;
}

void print_expr(std::ostream& out, expr const& e);

void print_at(std::ostream& out, expr const& e, int min_prec) {
    if (precedence(e) < min_prec) {
        out << '(';
        print_expr(out, e);
        out << ')';
    } else {
        print_expr(out, e);
    }
}

struct expr_printer {
    std::ostream& out;
    void operator()(nil const&) const {}
    void operator()(date_literal const& d) const { out << d.text; }
    void operator()(number_literal const& n) const { out << n.text; }
    void operator()(duration_literal const& d) const {
        bool one = d.amount == "1";
        std::string u = d.unit;
        if (one) u = u == "dagen" ? "dag" : u == "weken" ? "week" : u == "maanden" ? "maand" : "jaar";
        out << d.amount << ' ' << u;
    }
    void operator()(money_literal const& m) const { out << "€ " << m.amount; }
    void operator()(percent_literal const& p) const { out << p.amount << " %"; }
    void operator()(text_literal const& t) const { out << quote(t.value); }
    void operator()(bool_literal const& b) const { out << (b.value ? "waar" : "onwaar"); }
    void operator()(empty_literal const&) const { out << "leeg"; }
    void operator()(name_ref const& n) const { out << n.name; }
    void operator()(unary const& u) const {
        auto const& n = u;
        if (n.op == "niet") {
            out << "niet ";
            print_at(out, n.operand, 3);
        } else {
            out << '-';
            print_at(out, n.operand, 7);
        }
    }
    void operator()(binary const& b) const {
        auto const& n = b;
        int p = binary_precedence(n.op);
        print_at(out, n.lhs, p == 4 ? 5 : p);
        out << ' ' << n.op << ' ';
        print_at(out, n.rhs, p == 4 ? 5 : p + 1);
    }
    void operator()(call const& c) const {
        auto const& n = c;
        out << n.function << '(';
        for (std::size_t i = 0; i < n.args.size(); ++i) {
            if (i) out << ", ";
            if (n.args[i].name) out << *n.args[i].name << ": ";
            print_expr(out, n.args[i].value);
        }
        out << ')';
    }
    void operator()(aggregate const& a) const {
        auto const& n = a;
        out << n.op << '(' << n.var << " in ";
        print_expr(out, n.collection);
        if (n.filter) {
            out << " waarvoor ";
            print_expr(out, *n.filter);
        }
        if (n.body) {
            out << ": ";
            print_expr(out, *n.body);
        }
        out << ')';
    }
    void operator()(conditional const& c) const {
        auto const& n = c;
        out << "(als ";
        print_expr(out, n.condition);
        out << " dan ";
        print_expr(out, n.then_value);
        out << " anders ";
        print_expr(out, n.else_value);
        out << ')';
    }
    void operator()(first_day const& f) const {
        out << "eerste_dag(" << f.var << " van ";
        print_expr(out, f.from);
        out << " tot ";
        print_expr(out, f.to);
        out << " waarvoor ";
        print_expr(out, f.condition);
        out << ')';
    }
    void operator()(set_literal const& s) const {
        auto const& n = s;
        out << '{';
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (i) out << ", ";
            print_expr(out, n.items[i]);
        }
        out << '}';
    }
    void operator()(as_of const& a) const {
        auto const& n = a;
        print_at(out, n.value, 9);
        out << " op ";
        print_at(out, n.at, 9);
    }
    void operator()(emptiness const& e) const {
        auto const& n = e;
        print_at(out, n.value, 5);
        out << (n.negated ? " is niet leeg" : " is leeg");
    }
    void operator()(membership const& m) const {
        auto const& n = m;
        print_at(out, n.value, 5);
        out << (n.negated ? " niet in " : " in ");
        print_expr(out, n.set);
    }
};

void print_expr(std::ostream& out, expr const& e) { boost::apply_visitor(expr_printer{out}, e); }

void print_term(std::ostream& out, expr const& e, int min_prec, std::string const& indent);

/// A long condition breaks before each top-level 'en' / 'of' of the same kind, one per line.
void print_clause(std::ostream& out, expr const& e, std::string const& cont_indent, std::size_t budget = 88) {
    std::ostringstream flat;
    print_expr(flat, e);
    auto const* b = boost::get<x3::forward_ast<binary>>(&e);
    if (flat.str().size() <= budget || !b || (b->get().op != "en" && b->get().op != "of")) {
        out << flat.str();
        return;
    }
    std::string const op = b->get().op;
    std::vector<expr const*> terms;
    expr const* cur = &e;
    while (auto const* bb = boost::get<x3::forward_ast<binary>>(cur)) {
        if (bb->get().op != op) break;
        terms.push_back(&bb->get().rhs);
        cur = &bb->get().lhs;
    }
    terms.push_back(cur);
    int min_prec = op == "en" ? 2 : 1;
    for (std::size_t i = terms.size(); i-- > 0;) {
        if (i + 1 != terms.size()) out << '\n' << cont_indent << op << ' ';
        print_term(out, *terms[i], i + 1 == terms.size() ? min_prec : min_prec + 1, cont_indent);
    }
}

/// A term of a long condition: an aggregate whose filter is long breaks inside its parentheses.
void print_term(std::ostream& out, expr const& e, int min_prec, std::string const& indent) {
    std::ostringstream flat;
    print_at(flat, e, min_prec);
    auto const* a = boost::get<x3::forward_ast<aggregate>>(&e);
    if (flat.str().size() + indent.size() <= 100 || !a || !a->get().filter) {
        out << flat.str();
        return;
    }
    auto const& n = a->get();
    std::string inner = indent + std::string(n.op.size() + 1, ' ');
    out << n.op << '(' << n.var << " in ";
    print_expr(out, n.collection);
    out << " waarvoor ";
    print_clause(out, *n.filter, inner + "    ", 60);
    if (n.body) {
        out << ": ";
        print_expr(out, *n.body);
    }
    out << ')';
}

std::string type_text(type_ref const& t) { return (t.list ? "lijst van " : "") + t.name; }

void print_sources(std::ostream& out, sources const& s) {
    out << "volgens ";
    for (std::size_t i = 0; i < s.names.size(); ++i) out << (i ? ", " : "") << s.names[i];
}

void print_period(std::ostream& out, date_literal const& from, boost::optional<date_literal> const& to) {
    out << "vanaf " << from.text;
    if (to) out << " tot " << to->text;
}

struct decl_printer {
    std::ostream& out;
    void operator()(source_decl const& s) const {
        out << "bron " << s.name << ' ' << quote(s.title.value);
        if (s.url) out << " url " << quote(s.url->value);
        out << '\n';
    }
    void operator()(label_decl const& l) const {
        out << "label " << l.kind << ' ' << l.name << " nl " << quote(l.nl.value) << " en " << quote(l.en.value) << '\n';
    }
    void operator()(parameter_decl const& p) const {
        out << "parameter " << p.name;
        if (!p.args.empty()) {
            out << '(';
            for (std::size_t i = 0; i < p.args.size(); ++i)
                out << (i ? ", " : "") << p.args[i].name << ": " << type_text(p.args[i].type);
            out << ')';
        }
        out << " : " << type_text(p.type) << '\n';
        if (p.uncertain) out << "    onzeker " << quote(p.uncertain->value) << '\n';
        for (auto const& v : p.values) {
            out << "    ";
            print_expr(out, v.value);
            out << ' ';
            print_period(out, v.from, v.to);
            out << ' ';
            print_sources(out, v.cited);
            if (v.uncertain) out << " onzeker " << quote(v.uncertain->value);
            out << '\n';
        }
        for (auto const& x : p.exceptions) {
            out << "    uitzondering " << x.label << ": ";
            print_expr(out, x.value);
            out << ' ';
            print_period(out, x.from, x.to);
            out << " als ";
            print_expr(out, x.condition);
            out << ' ';
            print_sources(out, x.cited);
            if (x.uncertain) out << " onzeker " << quote(x.uncertain->value);
            out << '\n';
        }
    }
    void operator()(table_decl const& t) const {
        out << "tabel " << t.name << '(';
        for (std::size_t i = 0; i < t.args.size(); ++i)
            out << (i ? ", " : "") << t.args[i].name << ": " << type_text(t.args[i].type);
        out << ") : " << type_text(t.type) << '\n';
        for (auto const& v : t.versions) {
            out << "    ";
            print_period(out, v.from, v.to);
            out << ' ';
            print_sources(out, v.cited);
            if (v.uncertain) out << " onzeker " << quote(v.uncertain->value);
            out << '\n';
            for (auto const& r : v.rows) {
                out << "        ";
                for (std::size_t i = 0; i < r.keys.size(); ++i) {
                    if (i) out << ", ";
                    print_expr(out, r.keys[i]);
                }
                out << " => ";
                print_expr(out, r.value);
                out << '\n';
            }
        }
    }
    void operator()(fact_decl const& f) const {
        out << f.keyword << ' ' << f.name;
        if (f.type) out << " : " << type_text(*f.type);
        out << " = ";
        std::ostringstream flat;
        print_expr(flat, f.value);
        auto const* c = boost::get<x3::forward_ast<call>>(&f.value);
        if (flat.str().size() + f.name.size() + 12 > 100 && c && c->get().args.size() > 1) {
            // A long call: one argument per line.
            out << c->get().function << "(\n";
            for (std::size_t i = 0; i < c->get().args.size(); ++i) {
                auto const& a = c->get().args[i];
                out << "        ";
                if (a.name) out << *a.name << ": ";
                print_expr(out, a.value);
                out << (i + 1 < c->get().args.size() ? ",\n" : ")");
            }
        } else if (auto const* k = boost::get<x3::forward_ast<conditional>>(&f.value);
                   k && flat.str().size() + f.name.size() + 12 > 100) {
            // A long conditional: "dan" and "anders" on lines of their own.
            out << "(als ";
            print_clause(out, k->get().condition, "        ");
            out << "\n    dan ";
            print_expr(out, k->get().then_value);
            out << "\n    anders ";
            print_expr(out, k->get().else_value);
            out << ')';
        } else if (flat.str().size() + f.name.size() + 12 > 100) {
            if (boost::get<x3::forward_ast<aggregate>>(&f.value)) print_term(out, f.value, 1, "");
            else print_clause(out, f.value, "    ");
        } else {
            out << flat.str();
        }
        if (f.condition) {
            out << "\n    als ";
            print_clause(out, *f.condition, "        ");
        }
        out << '\n';
    }
    void operator()(rule_decl const& r) const {
        out << "regel " << r.id;
        if (r.variant) out << " geval " << *r.variant;
        if (r.exception_of) out << " uitzondering op " << *r.exception_of;
        out << "\n    soort " << r.kind << '\n';
        if (r.task) out << "    taak " << *r.task << '\n';
        for (auto const& c : r.citations) {
            out << "    artikel " << quote(c.article.value) << ' ';
            if (c.from) out << "vanaf " << c.from->text << ' ';
            if (c.to) out << "tot " << c.to->text << ' ';
            print_sources(out, c.cited);
            out << '\n';
        }
        if (r.uncertain) out << "    onzeker " << quote(r.uncertain->value) << '\n';
        out << "    geldig ";
        print_period(out, r.valid.from, r.valid.to);
        if (r.valid.on) {
            out << " op ";
            print_at(out, *r.valid.on, 9);
        }
        out << '\n';
        if (r.for_each) {
            out << "    voor ";
            if (r.for_each->kind == "bureau") {
                out << "het bureau";
            } else {
                std::ostringstream line;
                line << "elk ";
                for (std::size_t i = 0; i < r.for_each->generators.size(); ++i) {
                    auto const& g = r.for_each->generators[i];
                    line << (i ? ", " : "") << g.var << " in ";
                    print_expr(line, g.collection);
                }
                out << line.str();
                if (r.for_each->filter) {
                    std::ostringstream f;
                    print_expr(f, *r.for_each->filter);
                    if (line.str().size() + f.str().size() + 18 <= 100) {
                        out << " waarvoor " << f.str();
                    } else {
                        out << "\n        waarvoor ";
                        print_clause(out, *r.for_each->filter, "            ");
                    }
                }
            }
            out << '\n';
        }
        auto clause = [&](char const* kw, boost::optional<expr> const& e) {
            if (!e) return;
            out << "    " << kw << ' ';
            print_clause(out, *e, "        ");
            out << '\n';
        };
        clause("als", r.condition);
        clause("tenzij", r.unless);
        clause("termijn", r.due);
        if (r.free_day) out << "    bij vrije dag werkdag " << *r.free_day << '\n';
        clause("gedaan", r.done);
        if (r.lead) {
            out << "    zichtbaar vanaf ";
            print_expr(out, *r.lead);
            out << " voor termijn\n";
        }
        if (r.late) out << "    na termijn " << *r.late << '\n';
        clause("open zolang", r.open_while);
        for (auto const& m : r.messages) {
            out << "    " << m.what << ' ' << m.lang << (m.after_due ? " na termijn" : "");
            if (m.condition) {
                out << " als ";
                print_expr(out, *m.condition);
            }
            out << ' ' << quote(m.text.value) << '\n';
        }
    }
    // Matching (issue 12): a criterion, clause by clause in the grammar's order.
    void operator()(criterion_decl const& c) const {
        out << "criterium " << c.id;
        if (c.variant) out << " geval " << *c.variant;
        out << "\n    soort " << c.kind << '\n';
        for (auto const& a : c.citations) {
            out << "    artikel " << quote(a.article.value) << ' ';
            if (a.from) out << "vanaf " << a.from->text << ' ';
            if (a.to) out << "tot " << a.to->text << ' ';
            print_sources(out, a.cited);
            out << '\n';
        }
        out << "    geldig ";
        print_period(out, c.valid.from, c.valid.to);
        if (c.valid.on) {
            out << " op ";
            print_at(out, *c.valid.on, 9);
        }
        out << '\n';
        if (c.for_each && c.for_each->kind == "bureau") out << "    voor het bureau\n";
        else if (c.for_each) {
            out << "    voor elk ";
            for (std::size_t i = 0; i < c.for_each->generators.size(); ++i) {
                auto const& g = c.for_each->generators[i];
                out << (i ? ", " : "") << g.var << " in ";
                print_expr(out, g.collection);
            }
            if (c.for_each->filter) {
                out << "\n        waarvoor ";
                print_clause(out, *c.for_each->filter, "            ");
            }
            out << '\n';
        }
        for (auto [kw, e] : {std::pair{"als", &c.condition}, std::pair{"punten", &c.points}}) {
            if (!*e) continue;
            out << "    " << kw << ' ';
            print_clause(out, **e, "        ");
            out << '\n';
        }
        for (auto const& m : c.reasons) out << "    " << m.what << ' ' << m.lang << ' ' << quote(m.text.value) << '\n';
    }
};

// ---- dump ---------------------------------------------------------------------------------------

void dump_expr(std::ostream& out, expr const& e);

struct expr_dumper {
    std::ostream& out;
    void operator()(nil const&) const { out << "nil"; }
    void operator()(date_literal const& d) const { out << "(date " << d.text << ')'; }
    void operator()(number_literal const& n) const { out << "(number " << n.text << ')'; }
    void operator()(duration_literal const& d) const { out << "(duration " << d.amount << ' ' << d.unit << ')'; }
    void operator()(money_literal const& m) const { out << "(money " << m.amount << ')'; }
    void operator()(percent_literal const& p) const { out << "(percent " << p.amount << ')'; }
    void operator()(text_literal const& t) const { out << "(text " << quote(t.value) << ')'; }
    void operator()(bool_literal const& b) const { out << (b.value ? "(bool waar)" : "(bool onwaar)"); }
    void operator()(empty_literal const&) const { out << "(leeg)"; }
    void operator()(name_ref const& n) const { out << "(name " << n.name << ')'; }
    void operator()(unary const& u) const {
        out << "(unary " << u.op << ' ';
        dump_expr(out, u.operand);
        out << ')';
    }
    void operator()(binary const& b) const {
        out << "(binary " << b.op << ' ';
        dump_expr(out, b.lhs);
        out << ' ';
        dump_expr(out, b.rhs);
        out << ')';
    }
    void operator()(call const& c) const {
        out << "(call " << c.function;
        for (auto const& a : c.args) {
            out << " (arg " << (a.name ? *a.name : "-") << ' ';
            dump_expr(out, a.value);
            out << ')';
        }
        out << ')';
    }
    void operator()(aggregate const& a) const {
        auto const& n = a;
        out << "(aggregate " << n.op << ' ' << n.var << ' ';
        dump_expr(out, n.collection);
        out << ' ';
        if (n.filter) dump_expr(out, *n.filter);
        else out << '-';
        out << ' ';
        if (n.body) dump_expr(out, *n.body);
        else out << '-';
        out << ')';
    }
    void operator()(conditional const& c) const {
        out << "(if ";
        dump_expr(out, c.condition);
        out << ' ';
        dump_expr(out, c.then_value);
        out << ' ';
        dump_expr(out, c.else_value);
        out << ')';
    }
    void operator()(first_day const& f) const {
        out << "(first-day " << f.var << ' ';
        dump_expr(out, f.from);
        out << ' ';
        dump_expr(out, f.to);
        out << ' ';
        dump_expr(out, f.condition);
        out << ')';
    }
    void operator()(set_literal const& s) const {
        out << "(set";
        for (auto const& i : s.items) {
            out << ' ';
            dump_expr(out, i);
        }
        out << ')';
    }
    void operator()(as_of const& a) const {
        out << "(as-of ";
        dump_expr(out, a.value);
        out << ' ';
        dump_expr(out, a.at);
        out << ')';
    }
    void operator()(emptiness const& e) const {
        out << (e.negated ? "(not-empty " : "(empty ");
        dump_expr(out, e.value);
        out << ')';
    }
    void operator()(membership const& m) const {
        out << (m.negated ? "(not-in " : "(in ");
        dump_expr(out, m.value);
        out << ' ';
        dump_expr(out, m.set);
        out << ')';
    }
};

void dump_expr(std::ostream& out, expr const& e) { boost::apply_visitor(expr_dumper{out}, e); }

template <typename T>
void dump_opt(std::ostream& out, boost::optional<T> const& v) {
    if (!v) {
        out << " -";
        return;
    }
    out << ' ';
    if constexpr (std::is_same_v<T, expr>) dump_expr(out, *v);
    else if constexpr (std::is_same_v<T, text_literal>) out << quote(v->value);
    else if constexpr (std::is_same_v<T, date_literal>) out << v->text;
    else out << *v;
}

void dump_sources(std::ostream& out, sources const& s) {
    out << " (sources";
    for (auto const& n : s.names) out << ' ' << n;
    out << ')';
}

struct decl_dumper {
    std::ostream& out;
    void operator()(label_decl const& l) const {
        out << "(label " << l.kind << ' ' << l.name << ' ' << quote(l.nl.value) << ' ' << quote(l.en.value) << ")\n";
    }
    void operator()(source_decl const& s) const {
        out << "(bron " << s.name << ' ' << quote(s.title.value);
        dump_opt(out, s.url);
        out << ")\n";
    }
    void operator()(parameter_decl const& p) const {
        out << "(parameter " << p.name << " (args";
        for (auto const& a : p.args) out << ' ' << a.name << ':' << type_text(a.type);
        out << ") " << type_text(p.type);
        dump_opt(out, p.uncertain);
        for (auto const& v : p.values) {
            out << "\n  (value ";
            dump_expr(out, v.value);
            out << ' ' << v.from.text;
            dump_opt(out, v.to);
            dump_sources(out, v.cited);
            dump_opt(out, v.uncertain);
            out << ')';
        }
        for (auto const& x : p.exceptions) {
            out << "\n  (exception " << x.label << ' ';
            dump_expr(out, x.value);
            out << ' ' << x.from.text;
            dump_opt(out, x.to);
            out << ' ';
            dump_expr(out, x.condition);
            dump_sources(out, x.cited);
            dump_opt(out, x.uncertain);
            out << ')';
        }
        out << ")\n";
    }
    void operator()(table_decl const& t) const {
        out << "(tabel " << t.name;
        for (auto const& a : t.args) out << ' ' << a.name << ':' << type_text(a.type);
        out << ' ' << type_text(t.type);
        for (auto const& v : t.versions) {
            out << "\n  (version " << v.from.text;
            dump_opt(out, v.to);
            dump_sources(out, v.cited);
            dump_opt(out, v.uncertain);
            for (auto const& r : v.rows) {
                out << "\n    (row ";
                for (auto const& k : r.keys) {
                    dump_expr(out, k);
                    out << ' ';
                }
                dump_expr(out, r.value);
                out << ')';
            }
            out << ')';
        }
        out << ")\n";
    }
    void operator()(fact_decl const& f) const {
        out << '(' << f.keyword << ' ' << f.name << (f.type ? " " + type_text(*f.type) : std::string(" -")) << ' ';
        dump_expr(out, f.value);
        dump_opt(out, f.condition);
        out << ")\n";
    }
    void operator()(rule_decl const& r) const {
        out << "(regel " << r.id;
        dump_opt(out, r.variant);
        dump_opt(out, r.exception_of);
        out << ' ' << r.kind;
        if (r.task) out << " (taak " << *r.task << ')';
        for (auto const& c : r.citations) {
            out << "\n  (artikel " << quote(c.article.value);
            if (c.from) out << " (vanaf " << c.from->text << ')';
            if (c.to) out << " (tot " << c.to->text << ')';
            dump_sources(out, c.cited);
            out << ')';
        }
        out << "\n  (onzeker";
        dump_opt(out, r.uncertain);
        out << ")\n  (geldig " << r.valid.from.text;
        dump_opt(out, r.valid.to);
        dump_opt(out, r.valid.on);
        out << ')';
        if (r.for_each) {
            out << "\n  (voor " << r.for_each->kind;
            for (auto const& g : r.for_each->generators) {
                out << " (" << g.var << ' ';
                dump_expr(out, g.collection);
                out << ')';
            }
            dump_opt(out, r.for_each->filter);
            out << ')';
        }
        for (auto [kw, e] : {std::pair{"als", &r.condition}, std::pair{"tenzij", &r.unless}, std::pair{"termijn", &r.due},
                             std::pair{"gedaan", &r.done}, std::pair{"zichtbaar", &r.lead}}) {
            out << "\n  (" << kw;
            dump_opt(out, *e);
            out << ')';
        }
        out << "\n  (na-termijn";
        dump_opt(out, r.late);
        out << ')';
        if (r.open_while) {  // only when given: the dumps of rules without it stay as they were
            out << "\n  (open-zolang";
            dump_opt(out, r.open_while);
            out << ')';
        }
        if (r.free_day) out << "\n  (vrije-dag " << *r.free_day << ')';
        for (auto const& m : r.messages) {
            out << "\n  (" << m.what << ' ' << m.lang << (m.after_due ? " na-termijn" : "");
            if (m.condition) {
                out << " (als ";
                dump_expr(out, *m.condition);
                out << ')';
            }
            out << ' ' << quote(m.text.value) << ')';
        }
        out << ")\n";
    }
    void operator()(criterion_decl const& c) const {  // matching (issue 12)
        out << "(criterium " << c.id;
        dump_opt(out, c.variant);
        out << ' ' << c.kind;
        for (auto const& a : c.citations) {
            out << "\n  (artikel " << quote(a.article.value);
            if (a.from) out << " (vanaf " << a.from->text << ')';
            if (a.to) out << " (tot " << a.to->text << ')';
            dump_sources(out, a.cited);
            out << ')';
        }
        out << "\n  (geldig " << c.valid.from.text;
        dump_opt(out, c.valid.to);
        dump_opt(out, c.valid.on);
        out << ')';
        if (c.for_each) {
            out << "\n  (voor " << c.for_each->kind;
            for (auto const& g : c.for_each->generators) {
                out << " (" << g.var << ' ';
                dump_expr(out, g.collection);
                out << ')';
            }
            dump_opt(out, c.for_each->filter);
            out << ')';
        }
        out << "\n  (als";
        dump_opt(out, c.condition);
        out << ")\n  (punten";
        dump_opt(out, c.points);
        out << ')';
        for (auto const& m : c.reasons) out << "\n  (" << m.what << ' ' << m.lang << ' ' << quote(m.text.value) << ')';
        out << ")\n";
    }
};

}  // namespace

std::string print(ast::expr const& e) {
    std::ostringstream out;
    print_expr(out, e);
    return out.str();
}

std::string print(ast::file const& f) {
    std::ostringstream out;
    for (std::size_t i = 0; i < f.declarations.size(); ++i) {
        auto const& d = f.declarations[i];
        bool has_comments = i < f.comments.size() && !f.comments[i].empty();
        // A blank line between declarations, except between consecutive short ones (sources,
        // facts, parameters of one value) that have no comment of their own.
        if (i) {
            auto const& prev = f.declarations[i - 1];
            bool same_short = d.get().which() == prev.get().which() &&
                              (boost::get<ast::source_decl>(&d) || boost::get<ast::fact_decl>(&d) ||
                               boost::get<ast::label_decl>(&d));
            if (!same_short || has_comments) out << '\n';
        }
        if (has_comments) {
            auto const& cs = f.comments[i];
            std::size_t b = 0;
            while (b < cs.size() && cs[b].empty()) ++b;  // the printer already separates declarations
            for (std::size_t k = b; k < cs.size(); ++k) out << cs[k] << '\n';
        }
        boost::apply_visitor(decl_printer{out}, d);
    }
    if (!f.trailing_comments.empty()) {
        out << '\n';
        for (auto const& c : f.trailing_comments) out << c << '\n';
    }
    return out.str();
}

std::string dump(ast::expr const& e) {
    std::ostringstream out;
    dump_expr(out, e);
    return out.str();
}

std::string dump(ast::file const& f) {
    std::ostringstream out;
    for (auto const& d : f.declarations) boost::apply_visitor(decl_dumper{out}, d);
    return out.str();
}

}  // namespace rw::dsl
