// Exam and answer key (see examen.hpp). A question becomes a list of blocks (heading, paragraph,
// table, list); the Markdown and HTML renderers write the same blocks, so both say the same.
#include "rw/adapters/presentation/examen.hpp"

#include "rw/adapters/presentation/escape.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace rw::adapters::presentation::examen {

namespace ex = engine::examen;
using engine::day;
using engine::format_date;
using engine::format_date_weekday;

namespace {

struct block {
    enum class kind { heading, paragraph, table, ordered, unordered, rule } type = kind::paragraph;
    int level = 2;
    std::string text;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> items;
};

block heading(int level, std::string t) { return {block::kind::heading, level, std::move(t), {}, {}, {}}; }
block para(std::string t) { return {block::kind::paragraph, 0, std::move(t), {}, {}, {}}; }
block table(std::vector<std::string> h, std::vector<std::vector<std::string>> rows) {
    return {block::kind::table, 0, {}, std::move(h), std::move(rows), {}};
}
block list(bool ordered, std::vector<std::string> items) {
    return {ordered ? block::kind::ordered : block::kind::unordered, 0, {}, {}, {}, std::move(items)};
}
block rule() { return {block::kind::rule, 0, {}, {}, {}, {}}; }

std::string d(day x) { return format_date_weekday(x, "nl"); }
std::string d(engine::opt_day const& x) { return x ? d(*x) : "—"; }
std::string d_iso(std::string const& iso) {
    auto p = engine::parse_date(iso);
    return p ? d(*p) : iso;
}
std::string euro(std::string amount) {
    std::replace(amount.begin(), amount.end(), '.', ',');
    return "€ " + amount;
}
std::string euro(engine::money m) { return euro(engine::format_money(m)); }

char const* topic_label(ex::topic t) {
    switch (t) {
        case ex::topic::fasen: return "Fasensysteem (CAO voor Uitzendkrachten)";
        case ex::topic::keten: return "Ketenregeling (art. 7:668a en 7:691 BW)";
        case ex::topic::aanzegging: return "Aanzegplicht (art. 7:668 BW)";
        case ex::topic::poortwachter: return "Ziekte en Wet verbetering poortwachter";
        case ex::topic::minimumloon: return "Wettelijk minimumloon";
        case ex::topic::waadi: return "Waadi, identiteit en tewerkstellingsvergunning";
    }
    return "?";
}

char const* kind_label(ex::question_kind k) {
    switch (k) {
        case ex::question_kind::meerkeuze: return "meerkeuze";
        case ex::question_kind::invullen: return "invulvraag";
        case ex::question_kind::bedrag: return "bedrag berekenen";
        case ex::question_kind::volgorde: return "volgorde";
        case ex::question_kind::juist_onjuist: return "juist of onjuist";
    }
    return "?";
}

char const* contract_label(engine::contract_kind k) {
    switch (k) {
        case engine::contract_kind::uitzendbeding: return "uitzendovereenkomst met uitzendbeding";
        case engine::contract_kind::bepaalde_tijd: return "voor bepaalde tijd (zonder uitzendbeding)";
        case engine::contract_kind::onbepaalde_tijd: return "voor onbepaalde tijd";
        case engine::contract_kind::oproep: return "oproepovereenkomst";
    }
    return "?";
}

std::string step_label(std::string const& rule) {
    static std::map<std::string, std::string> const labels = {
        {"poortwachter.probleemanalyse", "probleemanalyse door de bedrijfsarts"},
        {"poortwachter.plan_van_aanpak", "plan van aanpak (werkgever en werknemer)"},
        {"poortwachter.uwv_ziekmelding", "ziekmelding bij UWV (langdurig ziek)"},
        {"poortwachter.eerstejaarsevaluatie", "eerstejaarsevaluatie"},
        {"poortwachter.wia_aanvraag", "WIA-aanvraag door de werknemer"},
    };
    auto it = labels.find(rule);
    return it == labels.end() ? rule : it->second;
}

std::string statement(std::string const& rule, std::string const& name) {
    if (rule == "waadi.gelijke_beloning")
        return name + " krijgt een lager uurloon dan de beloning van een vergelijkbare werknemer van de inlener.";
    if (rule == "waadi.registratie")
        return "Het bureau stond bij de start van de plaatsing van " + name + " niet als uitlener in het Handelsregister.";
    if (rule == "id.controle") return "De identiteit van " + name + " is niet vóór de eerste werkdag vastgesteld.";
    if (rule == "wav.vergunning") return name + " werkt of werkte zonder geldige tewerkstellingsvergunning (TWV of GVVA).";
    if (rule == "id.kopie")
        return "Wat de kopie van het identiteitsbewijs van " + name + " betreft, handelt het bureau in strijd met de Wet op de loonbelasting.";
    return rule;
}

std::string letter(std::size_t i) { return std::string(1, static_cast<char>('A' + i)); }

std::string answer_text(ex::answer_value const& a) {
    switch (a.type) {
        case ex::answer_value::kind::date: return d_iso(a.text);
        case ex::answer_value::kind::amount: return euro(a.text);
        case ex::answer_value::kind::number: return a.text + " weken";
        case ex::answer_value::kind::text: return a.text;
    }
    return a.text;
}

engine::worker const& who(ex::question const& q) { return q.data.workers.front(); }
std::string client_name(ex::question const& q) { return q.data.clients.front().name; }

std::vector<std::string> contract_row(engine::contract const& c) {
    return {c.id, contract_label(c.kind), d(c.start), c.end ? d(*c.end) : "geen (open einde)"};
}

std::string weeks_text(std::vector<engine::week_range> const& ws) {
    std::string out;
    for (auto const& w : ws) {
        if (!out.empty()) out += "; ";
        auto a = engine::monday_of(w.first), b = engine::monday_of(w.last) + date::days{6};
        out += a == engine::monday_of(w.last) ? "week van " + d(a) : d(a) + " t/m " + d(b);
    }
    return out.empty() ? "geen" : out;
}

/// The narrative, the facts and the question: what a candidate sees.
std::vector<block> exam_blocks(ex::question const& q) {
    std::vector<block> out;
    auto const& w = who(q);
    auto const& ag = q.data.agency_info;
    std::string name = w.name;
    std::string cao = ag.cao == engine::cao_kind::none ? "past geen cao voor uitzendkrachten toe" : "is lid van de ABU en past de CAO voor Uitzendkrachten toe";
    out.push_back(heading(2, "Vraag " + std::to_string(q.number) + " — " + topic_label(q.tag) + " (" + kind_label(q.kind) + ")"));
    std::vector<std::vector<std::string>> contracts;
    for (auto const& c : w.contracts) contracts.push_back(contract_row(c));
    std::string func = w.placements.empty() || !w.placements.front().function ? "uitzendkracht" : *w.placements.front().function;
    switch (q.asks) {
        case ex::ask::fase_c_start:
            out.push_back(para(name + " werkt via " + ag.name + " als " + func + " bij " + client_name(q) + ". " + ag.name + " " + cao +
                               ". " + name + " heeft in elke week van elk contract gewerkt. Vandaag is het " + d(q.reference) + "."));
            out.push_back(table({"contract", "soort", "begin", "einde"}, contracts));
            out.push_back(para("Op welke dag begint (of begon) fase C voor " + name + ", als elk contract tot het einde loopt?"));
            break;
        case ex::ask::fase_b_start:
        case ex::ask::fase_a_weken: {
            out.push_back(para(name + " werkt via " + ag.name + " als " + func + " bij " + client_name(q) + ". " + ag.name + " " + cao +
                               ". Het bureau houdt per week bij of " + name + " heeft gewerkt. Vandaag is het " + d(q.reference) + "."));
            out.push_back(table({"contract", "soort", "begin", "einde"}, contracts));
            out.push_back(table({"gegeven", "weken"}, {{"gewerkte weken", weeks_text(w.worked_weeks)},
                                                       {"weken met doorbetaalde vakantie", weeks_text(w.paid_holiday_weeks)}}));
            if (q.asks == ex::ask::fase_b_start)
                out.push_back(para("Op welke dag begint fase B voor " + name + ", als " + name +
                                   " vanaf vandaag elke week blijft werken op het lopende contract?"));
            else
                out.push_back(para("Hoeveel gewerkte weken heeft " + name + " op " + d(q.reference) +
                                   " in fase A opgebouwd (de telling die bepaalt wanneer fase B begint)?"));
            break;
        }
        case ex::ask::keten_onbepaald:
            out.push_back(para(name + " werkt via " + ag.name + " als " + func + " bij " + client_name(q) + ". " + ag.name + " " + cao +
                               ": voor " + name + " gelden de ketenregeling van art. 7:668a BW en art. 7:691 BW. " + name +
                               " heeft in elke week van elk contract gewerkt. Vandaag is het " + d(q.reference) + "."));
            out.push_back(table({"contract", "soort", "begin", "einde"}, contracts));
            out.push_back(para("Vanaf welke dag geldt het contract van " + name + " als een contract voor onbepaalde tijd?"));
            break;
        case ex::ask::aanzegging_uiterlijk:
            out.push_back(para(name + " werkt via " + ag.name + " als " + func + " bij " + client_name(q) + ". " + ag.name + " " + cao +
                               ". Na fase A kreeg " + name + " een contract zonder uitzendbeding. Vandaag is het " + d(q.reference) + "."));
            out.push_back(table({"contract", "soort", "begin", "einde"}, contracts));
            out.push_back(para("Uiterlijk op welke dag moet " + ag.name + " " + name +
                               " schriftelijk laten weten of contract C2 wordt voortgezet, en zo ja onder welke voorwaarden (aanzegging)?"));
            break;
        case ex::ask::poortwachter_volgorde: {
            auto const& z = w.sicknesses.front();
            out.push_back(para(name + " heeft bij " + ag.name + " een contract voor onbepaalde tijd en is sinds " + d(z.first_day) +
                               " ziek; " + name + " is nog niet hersteld. De bedrijfsarts kreeg de ziekmelding op " +
                               d(z.steps.bedrijfsarts_melding) + ". Vandaag (" + d(q.reference) +
                               ") beoordeelt een auditor het re-integratiedossier achteraf."));
            std::vector<std::string> steps;
            for (std::size_t i = 0; i < q.items.size(); ++i) steps.push_back(letter(i) + ". " + step_label(q.items[i].rule));
            out.push_back(para("Zet de volgende stappen in de volgorde van hun uiterste datum (de vroegste eerst):"));
            out.push_back(list(false, steps));
            break;
        }
        case ex::ask::poortwachter_datum: {
            auto const& z = w.sicknesses.front();
            auto const& st = z.steps;
            std::vector<std::vector<std::string>> rows = {{"eerste ziektedag", d(z.first_day)},
                                                          {"ziekmelding bij de bedrijfsarts", d(st.bedrijfsarts_melding)}};
            if (st.probleemanalyse) rows.push_back({"probleemanalyse gereed", d(st.probleemanalyse)});
            if (st.plan_van_aanpak) rows.push_back({"plan van aanpak opgesteld", d(st.plan_van_aanpak)});
            out.push_back(para(name + " heeft bij " + ag.name + " een contract voor onbepaalde tijd en is sinds " + d(z.first_day) +
                               " ziek; " + name + " is nog niet hersteld. Vandaag is het " + d(q.reference) + "."));
            out.push_back(table({"gegeven", "datum"}, rows));
            out.push_back(para("Uiterlijk op welke dag moet de stap '" + step_label(q.items.front().rule) +
                               "' gedaan zijn?"));
            break;
        }
        case ex::ask::minimumloon_uur: {
            auto const& c = w.contracts.front();
            out.push_back(para(name + " is geboren op " + d(w.birth_date) + " en begint op " + d(c.start) + " via " + ag.name + " als " +
                               func + " bij " + client_name(q) + "."));
            out.push_back(table({"gegeven", "waarde"}, {{"geboortedatum", d(w.birth_date)},
                                                        {"eerste werkdag", d(c.start)},
                                                        {"uren per week", c.hours_per_week ? engine::format_decimal(*c.hours_per_week) : "—"}}));
            out.push_back(para("Wat is het wettelijk minimumloon per uur (bruto) dat " + name + " op " + d(c.start) +
                               " ten minste moet krijgen? Geef het bedrag in euro en cent."));
            break;
        }
        case ex::ask::waadi_stellingen: {
            auto const& p = w.placements.front();
            auto const& k = q.data.clients.front();
            out.push_back(para(name + " (nationaliteit " + w.nationality.value_or("?") + ") werkt sinds " + d(p.start) + " via " +
                               ag.name + " als " + func + " bij " + k.name + ". Vandaag is het " + d(q.reference) + "."));
            std::vector<std::vector<std::string>> rows = {
                {"start plaatsing", d(p.start)},
                {"uurloon van " + name, p.hourly_wage ? euro(*p.hourly_wage) : "—"},
                {"uurloon van een vergelijkbare werknemer van de inlener (sinds " + d(k.reference_wages.front().from) + ")",
                 euro(k.reference_wages.front().hourly)},
                {"bureau als uitlener in het Handelsregister sinds", d(ag.lender_registered_from)},
                {"identiteit vastgesteld (origineel document) op", w.ident ? d(w.ident->checked_on) : "—"},
            };
            if (w.ident && w.ident->copy_kept) rows.push_back({"kopie identiteitsbewijs in de loonadministratie", *w.ident->copy_kept ? "ja" : "nee"});
            if (w.permit)
                rows.push_back({"tewerkstellingsvergunning (TWV)", "geldig van " + d(w.permit->valid_from) + " tot en met " + d(w.permit->valid_until)});
            else
                rows.push_back({"tewerkstellingsvergunning", "geen"});
            out.push_back(table({"gegeven", "waarde"}, rows));
            out.push_back(para("Geef bij elke stelling aan of die juist of onjuist is."));
            std::vector<std::string> st;
            for (std::size_t i = 0; i < q.items.size(); ++i) st.push_back(std::to_string(i + 1) + ". " + statement(q.items[i].rule, name) + "  (juist / onjuist)");
            out.push_back(list(false, st));
            break;
        }
    }
    if (q.kind == ex::question_kind::meerkeuze) {
        std::vector<std::string> opts;
        for (std::size_t i = 0; i < q.choices.size(); ++i) opts.push_back(letter(i) + ". " + answer_text(q.choices[i].value));
        out.push_back(list(false, opts));
    } else if (q.kind == ex::question_kind::invullen || q.kind == ex::question_kind::bedrag) {
        out.push_back(para("Antwoord: ______________________"));
    } else if (q.kind == ex::question_kind::volgorde) {
        out.push_back(para("Antwoord (letters in volgorde): ___ ___ ___ ___"));
    }
    return out;
}

std::string key_answer(ex::question const& q) {
    switch (q.kind) {
        case ex::question_kind::meerkeuze:
            for (std::size_t i = 0; i < q.choices.size(); ++i)
                if (q.choices[i].correct) return letter(i) + " (" + answer_text(q.choices[i].value) + ")";
            return "?";
        case ex::question_kind::invullen:
        case ex::question_kind::bedrag: return answer_text(q.answer);
        case ex::question_kind::volgorde: {
            std::string out;
            for (int i : q.order) out += (out.empty() ? "" : " – ") + letter(static_cast<std::size_t>(i));
            return out;
        }
        case ex::question_kind::juist_onjuist: {
            std::string out;
            for (std::size_t i = 0; i < q.items.size(); ++i)
                out += (out.empty() ? "" : "; ") + std::to_string(i + 1) + " " + (q.items[i].truth ? "juist" : "onjuist");
            return out;
        }
    }
    return "?";
}

std::vector<block> key_blocks(ex::question const& q) {
    std::vector<block> out;
    out.push_back(heading(2, "Vraag " + std::to_string(q.number) + " — " + to_string(q.tag) + " (" + kind_label(q.kind) + ")"));
    std::vector<std::vector<std::string>> rows = {{"antwoord", key_answer(q)}};
    if (q.kind == ex::question_kind::volgorde)
        for (int i : q.order)
            rows.push_back({letter(static_cast<std::size_t>(i)) + ". " + step_label(q.items[static_cast<std::size_t>(i)].rule),
                            "uiterlijk " + d(q.items[static_cast<std::size_t>(i)].due)});
    std::string arts;
    for (auto const& a : q.articles) arts += (arts.empty() ? "" : "; ") + a;
    rows.push_back({"artikel", arts});
    rows.push_back({"case", case_file_name(q) + " (id " + q.as_case.id + ")"});
    out.push_back(table({"", ""}, rows));
    if (!q.choices.empty()) {
        std::vector<std::vector<std::string>> opts;
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            opts.push_back({letter(i), answer_text(q.choices[i].value), q.choices[i].correct ? "juist" : misconception_label(q.choices[i].misconception)});
        out.push_back(para("Afleiders (elke fout antwoord is wat de engine zegt onder de genoemde misvatting):"));
        out.push_back(table({"optie", "waarde", "juist of misvatting"}, opts));
    }
    if (!q.wrong.empty()) {
        std::vector<std::vector<std::string>> opts;
        for (auto const& w : q.wrong) opts.push_back({answer_text(w.value), misconception_label(w.misconception)});
        out.push_back(para("Veelgemaakte fouten (door de engine berekend):"));
        out.push_back(table({"fout antwoord", "misvatting"}, opts));
    }
    if (!q.facts.empty()) {
        std::vector<std::vector<std::string>> fr;
        for (auto const& [k, v] : q.facts) fr.push_back({k, v});
        out.push_back(para("Feiten volgens de engine op " + d(q.reference) + ":"));
        out.push_back(table({"feit", "waarde"}, fr));
    }
    if (!q.explanation.empty()) {
        out.push_back(para("Uitleg van de engine:"));
        out.push_back(list(false, q.explanation));
    }
    if (q.uncertain)
        out.push_back(para("Let op: dit antwoord rust op een waarde die het regelwerk als onzeker markeert (rules/README.md, "
                           "\"Values marked UNCERTAIN\"); controleer die waarde voordat u de vraag gebruikt."));
    return out;
}

std::vector<block> coverage(std::vector<ex::question> const& qs) {
    std::vector<std::vector<std::string>> rows;
    for (auto t : ex::all_topics()) {
        int n = 0;
        std::string nums, kinds;
        for (auto const& q : qs) {
            if (q.tag != t) continue;
            ++n;
            nums += (nums.empty() ? "" : ", ") + std::to_string(q.number);
            if (kinds.find(kind_label(q.kind)) == std::string::npos) kinds += (kinds.empty() ? "" : ", ") + std::string(kind_label(q.kind));
        }
        rows.push_back({topic_label(t), std::to_string(n), nums.empty() ? "—" : nums, kinds.empty() ? "—" : kinds});
    }
    return {heading(2, "Dekking per onderwerp"), table({"onderwerp", "vragen", "nummers", "vraagsoorten"}, rows)};
}

std::vector<block> document(std::vector<ex::question> const& qs, exam_meta const& m, part p) {
    std::vector<block> out;
    std::string redraws;
    for (int r : m.redraw) redraws += (redraws.empty() ? "" : ", ") + std::to_string(r);
    std::string colophon = "Gegenereerd door regelwerk examen, seed " + std::to_string(m.seed) + ", peildatum " + format_date(m.reference) +
                           (redraws.empty() ? "" : ", opnieuw getrokken: " + redraws) +
                           ". Alle namen zijn verzonnen. Elke vraag is ook een case (regelwerk/case-1) die regelwerk case verify controleert.";
    if (p == part::exam) {
        out.push_back(heading(1, "Oefenexamen uitzendwetgeving (" + std::to_string(qs.size()) + " vragen)"));
        out.push_back(para(colophon));
        for (auto const& q : qs) {
            auto b = exam_blocks(q);
            out.insert(out.end(), b.begin(), b.end());
            out.push_back(rule());
        }
    } else {
        out.push_back(heading(1, "Antwoordsleutel (" + std::to_string(qs.size()) + " vragen)"));
        out.push_back(para(colophon));
        auto c = coverage(qs);
        out.insert(out.end(), c.begin(), c.end());
        for (auto const& q : qs) {
            auto b = key_blocks(q);
            out.insert(out.end(), b.begin(), b.end());
        }
    }
    return out;
}

std::string md_cell(std::string s) {
    std::string out;
    for (char ch : s) {
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += ' ';
        else out += ch;
    }
    return out;
}

}  // namespace

std::string misconception_label(std::string const& id) {
    static std::map<std::string, std::string> const labels = {
        {"oud_78_weken", "oude regel: fase A duurt 78 gewerkte weken"},
        {"geen_reset", "geen nieuwe start na een onderbreking van meer dan 6 maanden"},
        {"reset_3_maanden", "nieuwe start al na een onderbreking van 3 maanden"},
        {"vakantie_telt_niet", "weken met doorbetaalde vakantie niet meegeteld"},
        {"kalenderweken", "kalenderweken geteld in plaats van gewerkte weken"},
        {"week_te_laat", "een week te laat"},
        {"fase_b_4_jaar", "oude regel: fase B duurt 4 jaar"},
        {"zesde_contract", "fase C al bij het zesde contract in fase B in plaats van het zevende"},
        {"contracten_tellen_niet", "alleen de duur van fase B geteld, niet het aantal contracten"},
        {"week_te_vroeg", "een week te vroeg (de 52e week zelf)"},
        {"geen_26_weken", "de eerste 26 gewerkte weken (art. 7:691 BW) toch meegeteld"},
        {"keten_24_maanden", "oude ketenduur van 24 maanden (2015-2019)"},
        {"keten_derde_contract", "het derde contract in plaats van het vierde"},
        {"dag_te_laat", "een dag te laat"},
        {"vanaf_melding_bedrijfsarts", "gerekend vanaf de melding bij de bedrijfsarts in plaats van de eerste ziektedag"},
        {"maand_is_30_dagen", "een maand als 30 dagen gerekend"},
        {"vier_weken", "vier weken in plaats van een kalendermaand"},
        {"minimumloon_vorig_jaar", "het minimumloon van een jaar eerder"},
        {"leeftijd_een_jaar_te_jong", "leeftijd een jaar te laag (de laatste verjaardag vergeten)"},
        {"volwassen_minimumloon", "het minimumloon voor 21 jaar en ouder"},
    };
    auto it = labels.find(id);
    return it == labels.end() ? id : it->second;
}

std::string case_file_name(ex::question const& q) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "vraag-%02d-%s.yaml", q.number, ex::to_string(q.tag));
    return buf;
}

std::string render_markdown(std::vector<ex::question> const& qs, exam_meta const& m, part p) {
    std::ostringstream o;
    for (auto const& b : document(qs, m, p)) {
        switch (b.type) {
            case block::kind::heading: o << std::string(static_cast<std::size_t>(b.level), '#') << ' ' << b.text << "\n\n"; break;
            case block::kind::paragraph: o << b.text << "\n\n"; break;
            case block::kind::table: {
                o << '|';
                for (auto const& h : b.header) o << ' ' << md_cell(h) << " |";
                o << "\n|";
                for (std::size_t i = 0; i < b.header.size(); ++i) o << "---|";
                o << '\n';
                for (auto const& r : b.rows) {
                    o << '|';
                    for (auto const& c : r) o << ' ' << md_cell(c) << " |";
                    o << '\n';
                }
                o << '\n';
                break;
            }
            case block::kind::ordered:
            case block::kind::unordered:
                for (std::size_t i = 0; i < b.items.size(); ++i)
                    o << (b.type == block::kind::ordered ? std::to_string(i + 1) + ". " : "- ") << b.items[i] << '\n';
                o << '\n';
                break;
            case block::kind::rule: o << "---\n\n"; break;
        }
    }
    return o.str();
}

std::string render_html(std::vector<ex::question> const& qs, exam_meta const& m, part p) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>"
      << (p == part::exam ? "Oefenexamen" : "Antwoordsleutel") << " (seed " << m.seed << ")</title>\n"
      << "<style>\nbody{font-family:Georgia,'Times New Roman',serif;max-width:50rem;margin:2rem auto;color:#1b1b1b;line-height:1.4}\n"
         "h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #999;page-break-after:avoid}\n"
         "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}\n"
         "th{background:#eee}ul{list-style:none;padding-left:.5rem}hr{border:0;border-top:1px dashed #bbb;margin:1.5rem 0}\n"
         "@media print{body{margin:1.5cm;max-width:none}section{page-break-inside:avoid}}\n</style></head><body>\n";
    for (auto const& b : document(qs, m, p)) {
        switch (b.type) {
            case block::kind::heading: o << "<h" << b.level << '>' << html_escape(b.text) << "</h" << b.level << ">\n"; break;
            case block::kind::paragraph: o << "<p>" << html_escape(b.text) << "</p>\n"; break;
            case block::kind::table: {
                o << "<table>";
                bool any = std::any_of(b.header.begin(), b.header.end(), [](std::string const& h) { return !h.empty(); });
                if (any) {
                    o << "<tr>";
                    for (auto const& h : b.header) o << "<th>" << html_escape(h) << "</th>";
                    o << "</tr>";
                }
                for (auto const& r : b.rows) {
                    o << "<tr>";
                    for (auto const& c : r) o << "<td>" << html_escape(c) << "</td>";
                    o << "</tr>";
                }
                o << "</table>\n";
                break;
            }
            case block::kind::ordered:
            case block::kind::unordered: {
                char const* tag = b.type == block::kind::ordered ? "ol" : "ul";
                o << '<' << tag << '>';
                for (auto const& i : b.items) o << "<li>" << html_escape(i) << "</li>";
                o << "</" << tag << ">\n";
                break;
            }
            case block::kind::rule: o << "<hr>\n"; break;
        }
    }
    o << "</body></html>\n";
    return o.str();
}

std::string render_json(std::vector<ex::question> const& qs, exam_meta const& m) {
    using json = nlohmann::ordered_json;
    json root;
    root["format"] = "regelwerk/examen-1";
    root["seed"] = m.seed;
    root["reference_date"] = format_date(m.reference);
    root["redraw"] = m.redraw;
    json cov = json::object();
    for (auto t : ex::all_topics()) cov[ex::to_string(t)] = std::count_if(qs.begin(), qs.end(), [&](ex::question const& q) { return q.tag == t; });
    root["coverage"] = cov;
    json arr = json::array();
    for (auto const& q : qs) {
        json j;
        j["number"] = q.number;
        j["topic"] = ex::to_string(q.tag);
        j["type"] = ex::to_string(q.kind);
        j["asks"] = ex::to_string(q.asks);
        j["case_file"] = case_file_name(q);
        j["case_id"] = q.as_case.id;
        // The candidate's text, as the Markdown exam has it (blocks joined).
        std::string text;
        for (auto const& b : exam_blocks(q)) {
            if (b.type == block::kind::paragraph) text += b.text + "\n";
            for (auto const& i : b.items) text += i + "\n";
            for (auto const& r : b.rows) {
                std::string line;
                for (auto const& c : r) line += (line.empty() ? "" : " | ") + c;
                text += line + "\n";
            }
        }
        j["text_nl"] = text;
        if (!q.choices.empty()) {
            json opts = json::array();
            for (std::size_t i = 0; i < q.choices.size(); ++i) {
                auto const& c = q.choices[i];
                opts.push_back({{"label", letter(i)}, {"value", c.value.text}, {"display_nl", answer_text(c.value)}, {"correct", c.correct},
                                {"misconception", c.correct ? json() : json(c.misconception)},
                                {"misconception_nl", c.correct ? json() : json(misconception_label(c.misconception))}});
            }
            j["options"] = opts;
        }
        if (!q.answer.text.empty()) j["answer"] = q.answer.text;
        if (q.kind == ex::question_kind::volgorde) {
            json steps = json::array();
            for (std::size_t i = 0; i < q.items.size(); ++i)
                steps.push_back({{"label", letter(i)}, {"rule", q.items[i].rule}, {"display_nl", step_label(q.items[i].rule)},
                                 {"due", q.items[i].due ? json(format_date(*q.items[i].due)) : json()}});
            j["steps"] = steps;
            json order = json::array();
            for (int i : q.order) order.push_back(letter(static_cast<std::size_t>(i)));
            j["answer_order"] = order;
        }
        if (q.kind == ex::question_kind::juist_onjuist) {
            json st = json::array();
            for (auto const& it : q.items)
                st.push_back({{"rule", it.rule}, {"display_nl", statement(it.rule, who(q).name)}, {"true", it.truth}});
            j["statements"] = st;
        }
        if (!q.wrong.empty()) {
            json w = json::array();
            for (auto const& x : q.wrong) w.push_back({{"value", x.value.text}, {"misconception", x.misconception}, {"misconception_nl", misconception_label(x.misconception)}});
            j["misconception_answers"] = w;
        }
        j["articles"] = q.articles;
        j["uncertain"] = q.uncertain;
        j["explanation_nl"] = q.explanation;
        json facts = json::object();
        for (auto const& [k, v] : q.facts) facts[k] = v;
        j["facts"] = facts;
        arr.push_back(j);
    }
    root["questions"] = arr;
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace rw::adapters::presentation::examen
