// See web_pages.hpp. The worker card follows render_worker_text's order (header, sections Nu doen /
// Binnenkort / Ter info), so that the terminal and the browser say the same.
#include "rw/adapters/presentation/web_pages.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/engine/calendar.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <utility>

namespace rw::adapters::presentation::web {

namespace {

struct entry {
    char const* key;
    char const* nl;
    char const* en;
};

// The web's labels (nl, en). Texts from the rules are not here: the rulebook carries those.
constexpr std::array labels{
    entry{"app", "regelwerk", "regelwerk"},
    entry{"skip", "Naar de inhoud", "Skip to content"},
    entry{"nav.signalen", "Signalen", "Signals"},
    entry{"nav.werkers", "Flexkrachten", "Flex workers"},
    entry{"nav.acties", "Actielijst", "Action list"},
    entry{"nav.audit", "Audit", "Audit"},
    entry{"audit.title", "Audit van alle dossiers", "Audit of every dossier"},
    entry{"audit.intro", "Controleer elk dossier op een peildatum, zoals een SNCU- of NEN 4400-1-inspecteur dat doet. Elke run wordt gelogd.",
          "Check every dossier on a reference date, as an SNCU or NEN 4400-1 inspector would. Every run is logged."},
    entry{"audit.date", "Peildatum", "Reference date"},
    entry{"audit.run", "Toon rapport", "Show the report"},
    entry{"audit.downloads", "Downloaden", "Download"},
    entry{"audit.csv", "CSV (puntkomma, voor Excel)", "CSV (semicolons, for Excel)"},
    entry{"audit.json", "JSON lines", "JSON lines"},
    entry{"audit.xlsx", "Excel-werkmap", "Excel workbook"},
    entry{"acties.downloads", "De hele actielijst downloaden (zonder filter; elke download wordt gelogd)",
          "Download the whole action list (unfiltered; every download is logged)"},
    entry{"guidance.title", "Begeleiding", "Guidance"},
    entry{"guidance.link", "Begeleiding en tijdlijn", "Guidance and timeline"},
    entry{"guidance.card", "Naar de kaart", "To the card"},
    entry{"guidance.record", "Taak vastleggen", "Record a task"},
    entry{"guidance.task", "Taak", "Task"},
    entry{"guidance.placement", "Plaatsing", "Placement"},
    entry{"guidance.auto", "de plaatsing van die dag", "the placement of that day"},
    entry{"guidance.on", "Gedaan op (JJJJ-MM-DD)", "Done on (YYYY-MM-DD)"},
    entry{"guidance.by", "Door", "By"},
    entry{"guidance.how", "Hoe (telefoon, bezoek, e-mail, ...)", "How (phone, visit, e-mail, ...)"},
    entry{"guidance.note", "Notitie", "Note"},
    entry{"guidance.submit", "Vastleggen", "Record"},
    entry{"guidance.recorded", "Vastgelegd.", "Recorded."},
    entry{"nav.examen", "Examengenerator", "Exam generator"},
    entry{"examen.title", "Examenvragen maken", "Make exam questions"},
    entry{"examen.intro", "SEU-achtige vragen over fictieve flexkrachten (nooit een dossier uit de database). De antwoorden berekent regelwerk; elke afleider komt uit een benoemde misvatting. Dezelfde seed geeft hetzelfde examen.",
          "SEU-style questions about fictitious flex workers (never a dossier from the store). regelwerk computes the answers; every distractor comes from a named misconception. The same seed gives the same exam."},
    entry{"examen.date", "Peildatum (JJJJ-MM-DD)", "Reference date (YYYY-MM-DD)"},
    entry{"examen.seed", "Seed", "Seed"},
    entry{"examen.count", "Aantal vragen (1–50)", "Number of questions (1–50)"},
    entry{"examen.topics", "Onderwerpen (geen keuze: alle)", "Topics (none chosen: all)"},
    entry{"examen.redraw", "Vraag opnieuw trekken (nummer, optioneel)", "Draw one question again (number, optional)"},
    entry{"examen.exam", "Toon examen", "Show the exam"},
    entry{"examen.key", "Toon antwoordmodel", "Show the answer key"},
    entry{"examen.json", "JSON voor een leerplatform", "JSON for a learning platform"},
    entry{"nav.gebruikers", "Gebruikers", "Users"},
    entry{"nav.inzage", "Inzagelog", "Access log"},
    entry{"logout", "Afmelden", "Log out"},
    entry{"logged_in_as", "Aangemeld als", "Logged in as"},
    entry{"other_lang", "English", "Nederlands"},
    entry{"login.title", "Aanmelden", "Log in"},
    entry{"login.name", "Gebruikersnaam", "User name"},
    entry{"login.password", "Wachtwoord", "Password"},
    entry{"login.submit", "Aanmelden", "Log in"},
    entry{"login.wrong", "Naam of wachtwoord klopt niet.", "Wrong name or password."},
    entry{"login.locked", "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
          "Too many failed attempts. Try again in a quarter of an hour."},
    entry{"login.expired", "Je sessie is verlopen. Meld je opnieuw aan.", "Your session has expired. Please log in again."},
    entry{"error.400", "Dit verzoek klopt niet", "Bad request"},
    entry{"error.403", "Geen toegang", "Forbidden"},
    entry{"error.404", "Niet gevonden", "Not found"},
    entry{"error.405", "Dit kan hier niet", "Method not allowed"},
    entry{"error.413", "Te groot", "Too large"},
    entry{"error.429", "Te veel pogingen", "Too many attempts"},
    entry{"error.500", "Er ging iets mis", "Something went wrong"},
    entry{"error.403.detail", "Je rol geeft geen toegang tot deze pagina.", "Your role does not give access to this page."},
    entry{"error.csrf", "Het formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw.",
          "The form has expired or did not come from this site. Reload the page."},
    entry{"error.home", "Naar de startpagina", "To the start page"},
    entry{"search.title", "Flexkrachten zoeken", "Find flex workers"},
    entry{"search.label", "Naam of nummer", "Name or number"},
    entry{"search.submit", "Zoeken", "Search"},
    entry{"search.none", "Geen flexkrachten gevonden.", "No flex workers found."},
    entry{"search.more", "Nog %n meer: maak de zoekvraag preciezer.", "%n more: narrow the search."},
    entry{"col.nummer", "Nummer", "Number"},
    entry{"col.naam", "Naam", "Name"},
    entry{"col.contracten", "Contracten", "Contracts"},
    entry{"col.plaatsingen", "Plaatsingen", "Placements"},
    entry{"col.periode", "Periode", "Period"},
    entry{"col.status", "Status", "Status"},
    entry{"col.datum", "Datum", "Date"},
    entry{"col.wie", "Wie", "Who"},
    entry{"col.wat", "Wat", "What"},
    entry{"col.artikel", "Artikel", "Article"},
    entry{"col.advies", "Advies", "Advice"},
    entry{"col.rol", "Rol", "Role"},
    entry{"col.sinds", "Sinds", "Since"},
    entry{"col.tijd", "Tijd (UTC)", "Time (UTC)"},
    entry{"col.gebruiker", "Gebruiker", "User"},
    entry{"col.handeling", "Handeling", "Action"},
    entry{"col.werker", "Flexkracht", "Flex worker"},
    entry{"open_contract", "lopend", "running"},
    entry{"filter.title", "Filter", "Filter"},
    entry{"filter.status", "Status", "Status"},
    entry{"filter.all", "Alles", "All"},
    entry{"filter.late", "Te laat", "Overdue"},
    entry{"filter.now", "Te laat of binnen 7 dagen", "Overdue or within 7 days"},
    entry{"filter.rule", "Regel", "Rule"},
    entry{"filter.any_rule", "Alle regels", "All rules"},
    entry{"filter.submit", "Toon", "Show"},
    entry{"signalen.title", "Signalen", "Signals"},
    entry{"signalen.intro", "Wat te laat is en wat binnenkort moet, per flexkracht.",
          "What is overdue and what is due soon, by flex worker."},
    entry{"signalen.late", "te laat", "overdue"},
    entry{"signalen.soon", "binnenkort", "soon"},
    entry{"signalen.shown", "getoond", "shown"},
    entry{"status.late", "TE LAAT", "OVERDUE"},
    entry{"status.now", "NU", "NOW"},
    entry{"users.title", "Gebruikers", "Users"},
    entry{"users.add", "Gebruiker toevoegen", "Add a user"},
    entry{"users.submit", "Toevoegen", "Add"},
    entry{"users.disabled", "uitgeschakeld", "disabled"},
    entry{"users.active", "actief", "active"},
    entry{"users.change", "Wijzigen", "Change"},
    entry{"users.disable", "Uitschakelen", "Disable"},
    entry{"users.enable", "Inschakelen", "Enable"},
    entry{"users.password_hint", "Minstens 12 tekens.", "At least 12 characters."},
    entry{"role.intercedent", "intercedent", "intercedent"},
    entry{"role.compliance", "compliance officer", "compliance officer"},
    entry{"role.trainer", "trainer", "trainer"},
    entry{"role.admin", "beheerder", "administrator"},
    entry{"inzage.title", "Inzagelog", "Access log"},
    entry{"inzage.intro", "Wie welk dossier bekeek of wijzigde, en wanneer (AVG art. 5 lid 2: verantwoording). De laatste 500.",
          "Who viewed or changed which dossier, and when (GDPR art. 5(2): accountability). The latest 500."},
    entry{"nav.matching", "Matching", "Matching"},
    entry{"matching.title", "Vacatures en kandidaten", "Vacancies and candidates"},
    entry{"matching.intro", "Kies een vacature: regelwerk toetst elke kandidaat aan de regels over de hele opdracht en scoort met redenen. Leeftijd, nationaliteit en andere AWGB-gronden tellen nooit mee. Elke run wordt gelogd.",
          "Choose a vacancy: regelwerk checks every candidate against the rules over the whole assignment and scores with reasons. Age, nationality and other protected grounds never count. Every run is logged."},
    entry{"matching.none", "Nog geen vacatures.", "No vacancies yet."},
    entry{"matching.back", "Alle vacatures", "All vacancies"},
    entry{"col.vacature", "Vacature", "Vacancy"},
    entry{"col.inlener", "Inlener", "Client"},
    entry{"col.functie", "Functie", "Function"},
    entry{"col.score", "Score", "Score"},
    entry{"col.redenen", "Waarom", "Why"},
    entry{"col.besluit", "Besluit", "Decision"},
    entry{"matching.rank", "Nr.", "No."},
    entry{"matching.decision", "Besluit", "Decision"},
    entry{"matching.propose", "Voorstellen aan de inlener", "Propose to the client"},
    entry{"matching.reject", "Afwijzen", "Reject"},
    entry{"matching.reason", "Reden", "Reason"},
    entry{"matching.submit", "Vastleggen", "Record"},
    entry{"matching.decided", "Besluit vastgelegd in het matchinglog.", "Decision recorded in the matching log."},
    entry{"matching.voorstellen", "voorgesteld", "proposed"},
    entry{"matching.afwijzen", "afgewezen", "rejected"},
    entry{"nav.tarief", "Tarief", "Tariff"},
    entry{"tarief.title", "Tarief voor de inlener", "Tariff for the client"},
    entry{"tarief.intro", "De kostprijs per uur uit de regels (rules/tarief/), elke regel met tarief en bron; daarboven marge of factor. Een tarief onder de kostprijs wordt geweigerd met de reden.",
          "The cost price per hour from the rules (rules/tarief/), each line with its rate and source; on top the margin or factor. A tariff below cost is refused with the reason."},
    entry{"tarief.date", "Datum van de offerte (JJJJ-MM-DD)", "Date of the quote (YYYY-MM-DD)"},
    entry{"tarief.placement", "Plaatsing (optioneel: geeft loon, contract, fase, leeftijd, uren, inlener en functie)",
          "Placement (optional: gives wage, contract, phase, age, hours, client and function)"},
    entry{"tarief.wage", "Bruto uurloon (bijv. 15,00)", "Gross hourly wage (e.g. 15.00)"},
    entry{"tarief.hours", "Uren per week", "Hours a week"},
    entry{"tarief.fase", "Fase", "Phase"},
    entry{"tarief.contract", "Contractsoort (leeg: volgt uit de fase)", "Contract kind (empty: follows from the phase)"},
    entry{"tarief.age", "Leeftijd", "Age"},
    entry{"tarief.margin", "Marge op de kostprijs (bijv. 20%)", "Margin on the cost price (e.g. 20%)"},
    entry{"tarief.factor", "of: factor op het loon (bijv. 1,85)", "or: factor on the wage (e.g. 1.85)"},
    entry{"tarief.client", "Inlener (met functie: de gelijke-beloningsgrens)", "Client (with function: the equal-pay floor)"},
    entry{"tarief.function", "Functie bij de inlener", "Function at the client"},
    entry{"tarief.none", "geen", "none"},
    entry{"tarief.submit", "Bereken offerte", "Compute the quote"},
    entry{"tarief.error", "De offerte kon niet worden berekend: ", "The quote could not be computed: "},
    entry{"card.header", "Overzicht", "Overview"},
    entry{"card.next_phase", "Volgende fase", "Next phase"},
    entry{"card.evidence", "Onderbouwing", "Evidence"},
    entry{"card.explain", "Toon onderbouwing", "Show the evidence"},
    entry{"card.source", "Bron", "Source"},
    entry{"card.advice", "Advies", "Advice"},
};

std::string L(std::string_view key, language l) { return label(key, l); }
std::string esc(std::string_view s) { return html_escape(s); }
std::string day_text(engine::day d, language l) { return engine::format_date_weekday(d, std::string(code(l))); }

void header_row(std::ostringstream& o, std::string const& name, std::string const& value_html) {
    o << "<tr><th scope=row>" << esc(name) << "</th><td>" << value_html << "</td></tr>\n";
}

char const* const css = R"CSS(
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b5394;--late:#a61b1b;--soon:#7a4d00;--bg:#fff}
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0;line-height:1.45}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f9a825;outline-offset:1px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:#f4f6f8}
header.top .brand{font-weight:700;font-size:1.1rem;margin-right:1rem}
nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}nav a[aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
header.top .who{margin-left:auto;display:flex;gap:.8rem;align-items:center;font-size:.9rem}
main{max-width:72rem;margin:1rem auto;padding:0 1rem}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid var(--line)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.93rem}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef1f4}table.kv th{width:11rem;background:#f7f7f7;font-weight:600}
.late{color:var(--late);font-weight:700}.soon{color:var(--soon)}.muted{color:var(--muted)}
form.inline{display:inline}label{display:block;font-weight:600;margin:.5rem 0 .2rem}
input[type=text],input[type=password],select{font:inherit;padding:.35rem;border:1px solid #767676;border-radius:3px;min-width:16rem}
button{font:inherit;padding:.35rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:3px;cursor:pointer}
button.link{background:none;border:none;color:var(--accent);text-decoration:underline;padding:0}
.error{border-left:4px solid var(--late);padding:.4rem .8rem;background:#fdecea}.ok{border-left:4px solid #2e7d32;padding:.4rem .8rem;background:#edf7ed}
ol.findings>li{margin-bottom:1rem}ol.findings .meta{font-size:.9rem;color:var(--muted)}details{margin-top:.3rem}
.filters{display:flex;gap:1rem;align-items:flex-end;flex-wrap:wrap}.filters label{margin:0}
@media print{header.top,nav,.filters,form{display:none}main{max-width:none}}
)CSS";

}  // namespace

std::string label(std::string_view key, language l) {
    for (auto const& e : labels)
        if (key == e.key) return l == language::en ? e.en : e.nl;
    return std::string(key);
}

std::vector<std::string> label_keys() {
    std::vector<std::string> out;
    for (auto const& e : labels) out.emplace_back(e.key);
    return out;
}

void render_page(std::ostream& out, page_frame const& f, std::string_view body) {
    auto const l = f.lang;
    out << "<!DOCTYPE html>\n<html lang=\"" << code(l) << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        << "<title>" << esc(f.title) << " · regelwerk</title><style>" << css << "</style></head>\n<body>\n"
        << "<a class=skip href=\"#main\">" << L("skip", l) << "</a>\n<header class=top><span class=brand>regelwerk</span>\n";
    if (!f.nav.empty()) {
        out << "<nav aria-label=\"" << (l == language::en ? "Main" : "Hoofdmenu") << "\"><ul>";
        for (auto const& n : f.nav)
            out << "<li><a href=\"" << esc(n.href) << "\"" << (n.active ? " aria-current=page" : "") << ">" << esc(n.label) << "</a></li>";
        out << "</ul></nav>\n";
    }
    out << "<div class=who>";
    if (!f.lang_href.empty()) out << "<a href=\"" << esc(f.lang_href) << "\" lang=\"" << (l == language::en ? "nl" : "en") << "\">" << L("other_lang", l) << "</a>";
    if (!f.user.empty())
        out << "<span>" << L("logged_in_as", l) << " <strong>" << esc(f.user) << "</strong> (" << esc(f.role) << ")</span>"
            << "<form class=inline method=post action=\"/afmelden\"><input type=hidden name=csrf value=\"" << esc(f.csrf)
            << "\"><button class=link type=submit>" << L("logout", l) << "</button></form>";
    out << "</div></header>\n<main id=main>\n" << body << "</main>\n</body></html>\n";
}

std::string login_body(language l, std::string const& csrf, std::string const& name, std::string const& error) {
    std::ostringstream o;
    o << "<h1>" << L("login.title", l) << "</h1>\n";
    if (!error.empty()) o << "<p class=error role=alert>" << esc(error) << "</p>\n";
    o << "<form method=post action=\"/aanmelden\"><input type=hidden name=csrf value=\"" << esc(csrf) << "\">"
      << "<label for=name>" << L("login.name", l) << "</label><input type=text id=name name=name autocomplete=username required value=\""
      << esc(name) << "\">"
      << "<label for=password>" << L("login.password", l)
      << "</label><input type=password id=password name=password autocomplete=current-password required>"
      << "<p><button type=submit>" << L("login.submit", l) << "</button></p></form>\n";
    return o.str();
}

std::string error_body(language l, int status, std::string const& detail) {
    std::ostringstream o;
    o << "<h1>" << status << " · " << L("error." + std::to_string(status), l) << "</h1>\n";
    if (!detail.empty()) o << "<p>" << esc(detail) << "</p>\n";
    o << "<p><a href=\"/\">" << L("error.home", l) << "</a></p>\n";
    return o.str();
}

std::string worker_search_body(language l, std::string const& csrf, std::string const& query, std::vector<worker_row> const* rows,
                               std::size_t more) {
    std::ostringstream o;
    o << "<h1>" << L("search.title", l) << "</h1>\n"
      // POST: a name typed in the search box must not end up in a URL, a browser history or a log.
      << "<form method=post action=\"/werkers\" role=search><input type=hidden name=csrf value=\"" << esc(csrf) << "\">"
      << "<label for=q>" << L("search.label", l) << "</label><input type=text id=q name=q value=\"" << esc(query)
      << "\"> <button type=submit>" << L("search.submit", l) << "</button></form>\n";
    if (!rows) return o.str();
    if (rows->empty()) {
        o << "<p>" << L("search.none", l) << "</p>\n";
        return o.str();
    }
    o << "<table><thead><tr><th scope=col>" << L("col.nummer", l) << "</th><th scope=col>" << L("col.naam", l) << "</th><th scope=col>"
      << L("col.contracten", l) << "</th><th scope=col>" << L("col.plaatsingen", l) << "</th><th scope=col>" << L("col.periode", l)
      << "</th></tr></thead><tbody>\n";
    for (auto const& r : *rows) {
        o << "<tr><td>" << esc(r.id) << "</td><td><a href=\"" << esc(r.href) << "\">" << esc(r.name) << "</a></td><td>" << r.contracts
          << "</td><td>" << r.placements << "</td><td>";
        if (r.first_start) o << day_text(*r.first_start, l);
        if (r.open_contract) o << " – " << L("open_contract", l);
        else if (r.last_end) o << " – " << day_text(*r.last_end, l);
        o << "</td></tr>\n";
    }
    o << "</tbody></table>\n";
    if (more) {
        auto t = L("search.more", l);
        t.replace(t.find("%n"), 2, std::to_string(more));
        o << "<p>" << esc(t) << "</p>\n";
    }
    return o.str();
}

namespace {

void finding_html(std::ostringstream& o, finding_view const& f, worker_view const& v) {
    auto const l = v.lang;
    bool late = is_late(f, v.reference);
    o << "<li><strong>" << esc(f.title.empty() ? f.rule : f.title) << "</strong>";
    if (late && f.seriousness != 0) o << " <span class=late>" << L("signalen.late", l) << "</span>";
    o << "<div class=meta>" << esc(std::string(kind_label(f.kind, l)));
    if (f.due) {
        o << " · " << day_text(*f.due, l);
        if (f.seriousness == 0 && f.open) o << " (" << esc(relative_since(*f.due, v.reference, l)) << ")";
        else if (f.open || f.kind == engine::finding_kind::action) o << " (" << esc(relative_due(*f.due, v.reference, l)) << ")";
    }
    if (!f.contract.empty()) o << " · contract " << esc(f.contract);
    if (!f.placement.empty()) o << " · " << esc(f.placement);
    if (f.uncertain) o << " · <span class=soon>onzeker</span>";
    o << "</div><p>" << esc(people_text(f.message, l)) << "</p><p><strong>" << L("card.advice", l) << ":</strong> "
      << esc(people_text(f.advice, l)) << "</p>";
    for (auto const& c : f.citations) o << "<p class=muted>" << L("card.source", l) << ": " << esc(c) << "</p>";
    if (v.explain && !f.explanation.empty()) {
        o << "<details><summary>" << L("card.evidence", l) << "</summary><ul>";
        for (auto const& x : f.explanation) o << "<li>" << esc(people_text(explanation_text(x, l, v.rules_root), l)) << "</li>";
        o << "</ul></details>";
    }
    o << "</li>\n";
}

}  // namespace

std::string worker_card_body(worker_view const& v) {
    auto const l = v.lang;
    std::ostringstream o;
    o << "<h1>" << esc(v.name) << " <small class=muted>(" << esc(v.worker_id) << ")</small></h1>\n<p class=muted>" << esc(v.agency)
      << " · " << esc(v.cao) << " · " << day_text(v.reference, l) << "</p>\n";
    o << "<h2>" << L("card.header", l) << "</h2>\n<table class=kv>\n";
    auto t = [&](msg m) { return std::string(text(m, l)); };
    auto strip = [](std::string s) {  // catalogue labels carry their layout spaces
        while (!s.empty() && (s.back() == ' ' || s.back() == ':')) s.pop_back();
        while (!s.empty() && s.front() == ' ') s.erase(0, 1);
        return s;
    };
    if (v.placement) {
        auto const& p = *v.placement;
        std::string s = esc(p.client);
        if (!p.function.empty()) s += " · " + esc(p.function);
        if (!p.wage.empty()) s += " · " + esc(p.wage) + esc(t(msg::scenario_per_hour));
        if (!p.hours.empty()) s += " · " + esc(p.hours) + esc(t(msg::scenario_hours));
        s += " · " + esc(t(msg::since_word)) + day_text(p.start, l);
        if (p.end) s += " · " + esc(t(p.running ? msg::until_date : msg::ended_date)) + day_text(*p.end, l);
        header_row(o, strip(t(msg::header_placement)), s);
    }
    if (v.contract) {
        auto const& c = *v.contract;
        std::string s = esc(c.kind);
        if (!c.hours.empty()) s += " · " + esc(c.hours) + esc(t(msg::scenario_hours));
        if (c.end) s += " · " + esc(t(c.running ? msg::until_date : msg::ended_date)) + day_text(*c.end, l);
        header_row(o, strip(t(msg::header_contract)), s);
    }
    if (v.phase) {
        auto const& ph = *v.phase;
        std::string s = esc(t(msg::phase_word)) + "<strong>" + esc(ph.label) + "</strong>";
        if (ph.weeks) s += ": " + std::to_string(*ph.weeks) + (ph.of ? esc(t(msg::of_word)) + std::to_string(*ph.of) : "") + esc(t(msg::weeks_word));
        if (ph.since) s += " " + esc(t(msg::since_word)) + day_text(*ph.since, l);
        if (ph.contracts)
            s += ": " + std::to_string(*ph.contracts) + (ph.max_contracts ? esc(t(msg::of_word)) + std::to_string(*ph.max_contracts) : "") +
                 esc(t(msg::contracts_word));
        if (ph.until) s += " · " + esc(t(msg::until_date)) + day_text(*ph.until, l);
        header_row(o, strip(t(msg::header_phase)), s);
    }
    if (v.sickness) {
        std::string s = esc(t(msg::since_word)) + day_text(v.sickness->since, l);
        if (v.sickness->week) s += ", " + esc(t(msg::week_word)) + std::to_string(*v.sickness->week);
        header_row(o, strip(t(msg::header_sick)), s);
    }
    auto valid = [&](std::string const& what, engine::opt_day until) {
        std::string s = esc(what);
        if (until) s += (s.empty() ? "" : ", ") + esc(t(*until < v.reference ? msg::expired_on : msg::valid_until)) + day_text(*until, l);
        return s;
    };
    if (!v.id_document.empty() || v.id_valid_until) header_row(o, strip(t(msg::header_id)), valid(v.id_document, v.id_valid_until));
    if (!v.permit.empty()) header_row(o, strip(t(msg::header_permit)), valid(v.permit, v.permit_valid_until));
    {
        std::string s;
        for (auto const& d : v.deadlines)
            s += (s.empty() ? "" : "<br>") + day_text(d.due, l) + " " + esc(d.title) + " (" + esc(relative_due(d.due, v.reference, l)) + ")";
        header_row(o, strip(t(msg::header_deadlines)), s.empty() ? esc(t(msg::none_word)) : s);
    }
    o << "</table>\n";
    if (v.next_phase)
        o << "<p><strong>" << L("card.next_phase", l) << ":</strong> " << esc(v.next_phase->label) << esc(t(msg::from_word))
          << day_text(v.next_phase->from, l) << ". " << esc(t(v.next_phase->fase == "B" ? msg::prepare_contract_b : msg::prepare_contract_c))
          << "</p>\n";
    auto sections = sections_for_people(v);
    auto section = [&](std::vector<finding_view const*> const& fs, msg title, char const* id) {
        if (fs.empty()) return;
        o << "<section aria-labelledby=" << id << "><h2 id=" << id << ">" << esc(strip(t(title))) << "</h2><ol class=findings>\n";
        for (auto const* f : fs) finding_html(o, *f, v);
        o << "</ol></section>\n";
    };
    section(sections.now, msg::section_now, "nu");
    section(sections.soon, msg::section_soon, "binnenkort");
    section(sections.info, msg::section_info, "info");
    if (v.findings.empty()) o << "<p>" << esc(t(msg::nothing_for_worker)) << "</p>\n";
    return o.str();
}

std::string texts_section(texts_view const& v) {
    auto const l = v.lang;
    auto t = [&](msg m) { return esc(std::string(text(m, l))); };
    bool worker = v.audience == text_audience::worker;
    std::ostringstream o;
    o << "<section aria-labelledby=teksten><h2 id=teksten>" << t(worker ? msg::texts_for_worker : msg::texts_for_client) << "</h2>\n<p class=muted>"
      << t(msg::texts_language) << esc(v.requested) << (v.language_recorded ? "" : t(msg::texts_not_recorded)) << "</p>\n";
    if (v.texts.empty()) o << "<p>" << t(msg::texts_none) << "</p>\n";
    else {
        o << "<ul>\n";
        for (auto const& x : v.texts) {
            o << "<li><strong>" << esc(x.title) << "</strong>";
            if (!x.client.empty()) o << " · " << t(msg::texts_client) << esc(x.client);
            if (x.fallback) o << "<br><span class=muted>" << t(msg::texts_fallback) << esc(v.requested) << t(msg::texts_fallback_end) << "</span>";
            o << "<p lang=\"" << esc(x.text_lang) << "\">" << esc(x.text) << "</p></li>\n";
        }
        o << "</ul>\n";
    }
    o << "</section>\n";
    return o.str();
}

std::string action_list_body(action_list_view const& v, std::map<std::string, std::string> const& hrefs, std::string const& status,
                             std::string const& rule, bool dashboard) {
    auto const l = v.lang;
    std::ostringstream o;
    std::size_t late = 0, soon = 0;
    for (auto const& f : v.actions) (is_late(f, v.reference) ? late : soon)++;
    o << "<h1>" << (dashboard ? L("signalen.title", l) : L("nav.acties", l)) << "</h1>\n<p>" << esc(v.agency) << " · "
      << day_text(v.reference, l) << " · <span class=late>" << late << " " << L("signalen.late", l) << "</span> · " << soon << " "
      << L("signalen.soon", l) << "</p>\n";
    if (dashboard) o << "<p class=muted>" << L("signalen.intro", l) << "</p>\n";
    // Filters by status and rule: neither is personal data, so a GET form (a URL) is fine.
    std::map<std::string, std::string> rules;
    for (auto const& f : v.actions) rules.emplace(f.rule, f.title.empty() ? f.rule : f.title);
    o << "<form method=get class=filters><div><label for=status>" << L("filter.status", l) << "</label><select id=status name=status>";
    for (auto [value, key] : {std::pair{"", "filter.all"}, {"laat", "filter.late"}, {"nu", "filter.now"}})
        o << "<option value=\"" << value << "\"" << (status == value ? " selected" : "") << ">" << L(key, l) << "</option>";
    o << "</select></div><div><label for=rule>" << L("filter.rule", l) << "</label><select id=rule name=rule><option value=\"\">"
      << L("filter.any_rule", l) << "</option>";
    for (auto const& [id, title] : rules)
        o << "<option value=\"" << esc(id) << "\"" << (rule == id ? " selected" : "") << ">" << esc(title) << "</option>";
    o << "</select></div><div><button type=submit>" << L("filter.submit", l) << "</button></div></form>\n";
    o << "<table><thead><tr><th scope=col>" << L("col.status", l) << "</th><th scope=col>" << L("col.datum", l) << "</th><th scope=col>"
      << L("col.wie", l) << "</th><th scope=col>" << L("col.wat", l) << "</th><th scope=col>" << L("col.advies", l)
      << "</th><th scope=col>" << L("col.artikel", l) << "</th></tr></thead><tbody>\n";
    std::size_t shown = 0;
    for (auto const& f : v.actions) {
        bool is_late_now = is_late(f, v.reference);
        if (status == "laat" && !is_late_now) continue;
        if (status == "nu" && !is_late_now && !(f.due && *f.due <= engine::add_days(v.reference, 7))) continue;
        if (!rule.empty() && f.rule != rule) continue;
        ++shown;
        std::string st = is_late_now ? "<span class=late>" + L("status.late", l) + "</span>"
                         : f.open && !f.due && f.kind != engine::finding_kind::action ? "<span class=late>" + L("status.now", l) + "</span>"
                                                                                      : "";
        o << "<tr><td>" << st << "</td><td>";
        if (f.due) o << day_text(*f.due, l) << "<br><span class=muted>" << esc(relative_due(*f.due, v.reference, l)) << "</span>";
        o << "</td><td>";
        if (auto h = hrefs.find(f.worker); !f.worker.empty() && h != hrefs.end())
            o << "<a href=\"" << esc(h->second) << "\">" << esc(f.name) << "</a> <span class=muted>" << esc(f.worker) << "</span>";
        else o << esc(f.worker.empty() ? std::string(text(msg::agency_paren, l)) : f.worker + " " + f.name);
        o << "</td><td>" << esc(f.title.empty() ? f.rule : f.title) << "</td><td>" << esc(people_text(f.advice, l)) << "</td><td>"
          << esc(f.citations.empty() ? "" : f.citations.front().substr(0, f.citations.front().find(": "))) << "</td></tr>\n";
    }
    o << "</tbody></table>\n<p class=muted>" << shown << " " << L("signalen.shown", l) << "</p>\n";
    if (!dashboard)
        o << "<h2>" << L("acties.downloads", l) << "</h2>\n<ul><li><a href=\"/acties/acties.csv\">" << L("audit.csv", l)
          << "</a></li><li><a href=\"/acties/acties.json\">JSON</a></li></ul>\n";
    return o.str();
}

std::string guidance_body(timeline_view const& v, std::string const& action, std::string const& csrf,
                          std::vector<std::pair<std::string, std::string>> const& tasks, std::vector<std::string> const& placements,
                          std::string const& by, std::string const& message, bool error) {
    auto const l = v.lang;
    std::ostringstream o;
    o << "<h1>" << L("guidance.title", l) << ": " << esc(v.name) << " <small class=muted>(" << esc(v.worker_id) << ")</small></h1>\n";
    if (!message.empty()) o << "<p class=" << (error ? "error role=alert" : "ok role=status") << ">" << esc(message) << "</p>\n";
    o << timeline_html(v);
    if (csrf.empty()) return o.str();
    o << "<h2>" << L("guidance.record", l) << "</h2>\n<form method=post action=\"" << esc(action) << "\"><input type=hidden name=csrf value=\""
      << esc(csrf) << "\"><label for=task>" << L("guidance.task", l) << "</label><select id=task name=task>";
    for (auto const& [id, label] : tasks) o << "<option value=\"" << esc(id) << "\">" << esc(label) << "</option>";
    o << "</select><label for=placement>" << L("guidance.placement", l) << "</label><select id=placement name=placement><option value=\"\">"
      << L("guidance.auto", l) << "</option>";
    for (auto const& p : placements) o << "<option value=\"" << esc(p) << "\">" << esc(p) << "</option>";
    o << "</select><label for=on>" << L("guidance.on", l) << "</label><input type=text id=on name=on required inputmode=numeric value=\""
      << engine::format_date(v.reference) << "\"><label for=by>" << L("guidance.by", l) << "</label><input type=text id=by name=by required value=\""
      << esc(by) << "\"><label for=how>" << L("guidance.how", l) << "</label><input type=text id=how name=how required>"
      << "<label for=note>" << L("guidance.note", l) << "</label><input type=text id=note name=note>"
      << "<p><button type=submit>" << L("guidance.submit", l) << "</button></p></form>\n";
    return o.str();
}

std::string exam_body(language l, std::string const& iso_date) {
    std::ostringstream o;
    o << "<h1>" << L("examen.title", l) << "</h1>\n<p class=muted>" << L("examen.intro", l) << "</p>\n<form method=get action=\"/examen/toets\">"
      << "<label for=datum>" << L("examen.date", l) << "</label><input type=text id=datum name=datum inputmode=numeric value=\"" << esc(iso_date)
      << "\"><label for=seed>" << L("examen.seed", l) << "</label><input type=text id=seed name=seed inputmode=numeric value=\"1\">"
      << "<label for=aantal>" << L("examen.count", l) << "</label><input type=text id=aantal name=aantal inputmode=numeric value=\"20\">"
      << "<fieldset><legend>" << L("examen.topics", l) << "</legend>";
    for (auto const* t : {"fasen", "keten", "aanzegging", "poortwachter", "minimumloon", "waadi"})
        o << "<label style=\"font-weight:normal\"><input type=checkbox name=onderwerp value=\"" << t << "\"> " << t << "</label>";
    o << "</fieldset><label for=opnieuw>" << L("examen.redraw", l) << "</label><input type=text id=opnieuw name=opnieuw inputmode=numeric>"
      << "<p><button type=submit>" << L("examen.exam", l) << "</button> <button type=submit formaction=\"/examen/antwoorden\">" << L("examen.key", l)
      << "</button> <button type=submit formaction=\"/examen/examen.json\">" << L("examen.json", l) << "</button></p></form>\n";
    return o.str();
}

std::string audit_body(language l, std::string const& iso_date) {
    std::ostringstream o;
    auto q = "?datum=" + esc(iso_date);
    o << "<h1>" << L("audit.title", l) << "</h1>\n<p class=muted>" << L("audit.intro", l) << "</p>\n"
      << "<form method=get action=\"/audit/rapport\"><label for=datum>" << L("audit.date", l)
      << "</label><input type=text id=datum name=datum inputmode=numeric pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" value=\"" << esc(iso_date)
      << "\"> <button type=submit>" << L("audit.run", l) << "</button></form>\n<h2>" << L("audit.downloads", l) << "</h2>\n<ul>"
      << "<li><a href=\"/audit/bevindingen.xlsx" << q << "\">" << L("audit.xlsx", l) << "</a></li>"
      << "<li><a href=\"/audit/bevindingen.csv" << q << "\">" << L("audit.csv", l) << "</a></li>"
      << "<li><a href=\"/audit/bevindingen.jsonl" << q << "\">" << L("audit.json", l) << "</a></li></ul>\n";
    return o.str();
}

std::string users_body(language l, std::string const& csrf, std::vector<user_row> const& users, std::string const& message, bool error,
                       std::string const& self) {
    std::ostringstream o;
    o << "<h1>" << L("users.title", l) << "</h1>\n";
    if (!message.empty()) o << "<p class=" << (error ? "error role=alert" : "ok role=status") << ">" << esc(message) << "</p>\n";
    o << "<table><thead><tr><th scope=col>" << L("col.gebruiker", l) << "</th><th scope=col>" << L("col.rol", l) << "</th><th scope=col>"
      << L("col.sinds", l) << "</th><th scope=col>" << L("col.status", l) << "</th><th scope=col>" << L("users.change", l)
      << "</th></tr></thead><tbody>\n";
    for (auto const& u : users) {
        o << "<tr><td>" << esc(u.name) << "</td><td>" << esc(L("role." + u.role, l)) << "</td><td>" << esc(u.created_at) << "</td><td>"
          << L(u.disabled ? "users.disabled" : "users.active", l) << "</td><td>";
        if (u.name != self)
            o << "<form class=inline method=post action=\"/beheer/gebruikers\"><input type=hidden name=csrf value=\"" << esc(csrf)
              << "\"><input type=hidden name=name value=\"" << esc(u.name) << "\"><input type=hidden name=actie value=\""
              << (u.disabled ? "inschakelen" : "uitschakelen") << "\"><button type=submit aria-label=\""
              << esc(L(u.disabled ? "users.enable" : "users.disable", l) + ": " + u.name) << "\">"
              << L(u.disabled ? "users.enable" : "users.disable", l) << "</button></form>";
        o << "</td></tr>\n";
    }
    o << "</tbody></table>\n<h2>" << L("users.add", l) << "</h2>\n<form method=post action=\"/beheer/gebruikers\">"
      << "<input type=hidden name=csrf value=\"" << esc(csrf) << "\"><label for=name>" << L("login.name", l)
      << "</label><input type=text id=name name=name required autocomplete=off><label for=role>" << L("col.rol", l)
      << "</label><select id=role name=role>";
    for (auto const* r : {"intercedent", "compliance", "trainer", "admin"})
        o << "<option value=\"" << r << "\">" << L(std::string("role.") + r, l) << "</option>";
    o << "</select><label for=password>" << L("login.password", l)
      << "</label><input type=password id=password name=password required autocomplete=new-password aria-describedby=pwhint>"
      << "<p id=pwhint class=muted>" << L("users.password_hint", l) << "</p><p><button type=submit>" << L("users.submit", l)
      << "</button></p></form>\n";
    return o.str();
}

std::string access_log_body(language l, std::vector<access_row> const& rows) {
    std::ostringstream o;
    o << "<h1>" << L("inzage.title", l) << "</h1>\n<p class=muted>" << L("inzage.intro", l) << "</p>\n<table><thead><tr><th scope=col>"
      << L("col.tijd", l) << "</th><th scope=col>" << L("col.gebruiker", l) << "</th><th scope=col>" << L("col.handeling", l)
      << "</th><th scope=col>" << L("col.werker", l) << "</th></tr></thead><tbody>\n";
    for (auto const& r : rows)
        o << "<tr><td>" << esc(r.at) << "</td><td>" << esc(r.user) << "</td><td>" << esc(r.action) << "</td><td>" << esc(r.worker)
          << "</td></tr>\n";
    o << "</tbody></table>\n";
    return o.str();
}

std::string vacancies_body(language l, std::vector<vacancy_row> const& rows) {
    std::ostringstream o;
    o << "<h1>" << L("matching.title", l) << "</h1>\n<p class=muted>" << L("matching.intro", l) << "</p>\n";
    if (rows.empty()) {
        o << "<p>" << L("matching.none", l) << "</p>\n";
        return o.str();
    }
    o << "<table><thead><tr><th scope=col>" << L("col.vacature", l) << "</th><th scope=col>" << L("col.inlener", l) << "</th><th scope=col>"
      << L("col.functie", l) << "</th><th scope=col>" << L("col.periode", l) << "</th><th scope=col>" << L("col.status", l)
      << "</th></tr></thead><tbody>\n";
    for (auto const& r : rows)
        o << "<tr><td><a href=\"" << esc(r.href) << "\">" << esc(r.id) << "</a></td><td>" << esc(r.client_name) << "</td><td>" << esc(r.function)
          << "</td><td>" << day_text(r.start, l) << " – " << (r.end ? day_text(*r.end, l) : std::string()) << "</td><td>" << esc(r.status)
          << "</td></tr>\n";
    o << "</tbody></table>\n";
    return o.str();
}

namespace {

/// The decision form of one candidate; `n` makes its field ids unique on the page.
void decision_form(std::ostringstream& o, language l, std::string const& action, std::string const& csrf, candidate_link const& c,
                   std::size_t n, bool may_propose) {
    auto id = std::to_string(n);
    o << "<form method=post action=\"" << esc(action) << "\" class=decision><input type=hidden name=csrf value=\"" << esc(csrf)
      << "\"><input type=hidden name=kandidaat value=\"" << esc(c.handle) << "\"><label for=besluit-" << id << ">"
      << L("matching.decision", l) << "</label><select id=besluit-" << id << " name=besluit>";
    if (may_propose) o << "<option value=voorstellen>" << L("matching.propose", l) << "</option>";
    o << "<option value=afwijzen>" << L("matching.reject", l) << "</option></select><label for=reden-" << id << ">" << L("matching.reason", l)
      << "</label><input type=text id=reden-" << id << " name=reden required> <button type=submit>" << L("matching.submit", l)
      << "</button></form>";
}

void decision_cell(std::ostringstream& o, language l, candidate_link const* c) {
    if (!c || c->decision.empty()) return;
    o << "<p><strong>" << L("matching." + c->decision, l) << "</strong> <span class=muted>" << esc(c->by) << ", " << esc(c->at)
      << "</span><br>" << esc(c->reason) << "</p>";
}

void beside_html(std::ostringstream& o, match_view const& v, match_view::candidate_row const& c) {
    if (c.beside.empty()) return;
    o << "<ul class=muted>";
    for (auto const& b : c.beside)
        o << "<li>" << esc(std::string(text(msg::match_beside, v.lang))) << day_text(b.on, v.lang) << " "
          << esc(b.f.title.empty() ? b.f.rule : b.f.title) << " (" << esc(std::string(kind_label(b.f.kind, v.lang))) << "): "
          << esc(people_text(b.f.message, v.lang)) << "</li>";
    o << "</ul>";
}

}  // namespace

std::string match_body(match_view const& v, std::map<std::string, candidate_link> const& candidates, std::string const& action,
                       std::string const& csrf, std::string const& message, bool error) {
    auto const l = v.lang;
    auto t = [&](msg m) { return esc(std::string(text(m, l))); };
    auto link = [&](std::string const& worker) -> candidate_link const* {
        auto it = candidates.find(worker);
        return it == candidates.end() ? nullptr : &it->second;
    };
    auto name = [&](match_view::candidate_row const& c) {
        auto const* k = link(c.worker);
        std::string n = esc(c.name) + " <span class=muted>" + esc(c.worker) + "</span>";
        return k && !k->card_href.empty() ? "<a href=\"" + esc(k->card_href) + "\">" + esc(c.name) + "</a> <span class=muted>" + esc(c.worker) + "</span>" : n;
    };
    auto contract = [&](match_view::candidate_row const& c) {
        std::string s = (c.own_contract ? t(msg::match_own_contract) : t(msg::match_contract)) + esc(c.contract_label.empty() ? c.contract_kind : c.contract_label);
        if (!c.fase.empty()) s += ", " + t(msg::match_phase) + esc(c.fase);
        return s;
    };
    std::ostringstream o;
    o << "<h1>" << L("col.vacature", l) << " " << esc(v.vacancy) << ": " << esc(v.function) << "</h1>\n<p>" << esc(v.client_name) << " · "
      << day_text(v.start, l) << " – " << (v.end ? day_text(*v.end, l) : std::string()) << " · " << esc(v.status) << "<br>"
      << v.candidates << t(msg::match_candidates) << v.eligible.size() << t(msg::match_eligible_count) << v.blocked.size()
      << t(msg::match_blocked_count) << t(msg::match_at) << day_text(v.at, l) << "</p>\n";
    if (auto note = checked_note(v); !note.empty()) o << "<p class=muted>" << esc(note) << "</p>\n";
    if (!message.empty()) o << "<p class=" << (error ? "error role=alert" : "ok role=status") << ">" << esc(message) << "</p>\n";
    for (auto const& f : v.flags) {
        o << "<p class=error>" << t(msg::match_flag) << "\"" << esc(f.found) << "\" (" << esc(f.ground) << "): " << t(msg::match_flag_unused);
        if (!f.alternative.empty()) o << "<br>" << t(msg::match_flag_alternative) << esc(f.alternative);
        o << "</p>\n";
    }
    o << "<p class=muted>" << t(msg::match_person_decides) << "</p>\n";
    std::size_t form = 0;
    o << "<section aria-labelledby=plaatsbaar><h2 id=plaatsbaar>" << t(msg::match_eligible) << "</h2>\n";
    if (v.eligible.empty()) o << "<p>" << t(msg::scenario_none) << "</p>\n";
    else {
        o << "<table><thead><tr><th scope=col>" << L("matching.rank", l) << "</th><th scope=col>" << L("col.werker", l) << "</th><th scope=col>"
          << L("col.score", l) << "</th><th scope=col>" << L("col.redenen", l) << "</th><th scope=col>" << L("col.besluit", l)
          << "</th></tr></thead><tbody>\n";
        std::size_t rank = 0;
        for (auto const& c : v.eligible) {
            if (v.top && rank >= v.top) break;
            o << "<tr><td>" << ++rank << "</td><td>" << name(c) << "<br><span class=muted>" << contract(c) << "</span></td><td>" << esc(c.score)
              << t(msg::match_points) << "</td><td><ul>";
            for (auto const& r : c.reasons) o << "<li>" << esc(r.text) << "</li>";
            o << "</ul>";
            beside_html(o, v, c);
            o << "</td><td>";
            decision_cell(o, l, link(c.worker));
            if (auto const* k = link(c.worker); k && !csrf.empty()) decision_form(o, l, action, csrf, *k, ++form, true);
            o << "</td></tr>\n";
        }
        o << "</tbody></table>\n";
        if (v.top && v.eligible.size() > v.top) o << "<p class=muted>" << (v.eligible.size() - v.top) << t(msg::match_more) << "</p>\n";
    }
    o << "</section>\n<section aria-labelledby=geblokkeerd><h2 id=geblokkeerd>" << t(msg::match_blocked) << "</h2>\n";
    if (v.blocked.empty()) o << "<p>" << t(msg::scenario_none) << "</p>\n";
    else {
        o << "<table><thead><tr><th scope=col>" << L("col.werker", l) << "</th><th scope=col>" << L("col.redenen", l) << "</th><th scope=col>"
          << L("col.besluit", l) << "</th></tr></thead><tbody>\n";
        for (auto const& c : v.blocked) {
            o << "<tr><td>" << name(c) << "<br><span class=muted>" << contract(c) << "</span></td><td><ul>";
            for (auto const& b : c.blocks) {
                o << "<li><strong>" << esc(b.title.empty() ? b.rule : b.title) << "</strong>, " << day_text(b.on, l) << ": " << esc(b.message);
                if (!b.article.empty()) o << "<br><span class=muted>" << esc(b.article) << "</span>";
                o << "</li>";
            }
            o << "</ul>";
            beside_html(o, v, c);
            o << "</td><td>";
            decision_cell(o, l, link(c.worker));
            if (auto const* k = link(c.worker); k && !csrf.empty()) decision_form(o, l, action, csrf, *k, ++form, false);
            o << "</td></tr>\n";
        }
        o << "</tbody></table>\n";
    }
    o << "</section>\n<p><a href=\"/matching\">" << L("matching.back", l) << "</a></p>\n";
    return o.str();
}

std::string tariff_body(language l, std::string const& csrf, tariff_form const& f, std::string const& error) {
    std::ostringstream o;
    o << "<h1>" << L("tarief.title", l) << "</h1>\n<p class=muted>" << L("tarief.intro", l) << "</p>\n";
    if (!error.empty()) o << "<p class=\"error\" role=alert>" << L("tarief.error", l) << esc(error) << "</p>\n";
    auto field = [&](char const* name, char const* key, std::string const& value, char const* mode = nullptr) {
        o << "<label for=" << name << ">" << L(key, l) << "</label><input type=text id=" << name << " name=" << name;
        if (mode) o << " inputmode=" << mode;
        o << " value=\"" << esc(value) << "\">";
    };
    auto choice = [&](char const* name, char const* key, std::string const& value, std::vector<std::pair<std::string, std::string>> const& options) {
        o << "<label for=" << name << ">" << L(key, l) << "</label><select id=" << name << " name=" << name << "><option value=\"\">"
          << L("tarief.none", l) << "</option>";
        for (auto const& [v, text] : options)
            o << "<option value=\"" << esc(v) << "\"" << (v == value ? " selected" : "") << ">" << esc(text) << "</option>";
        o << "</select>";
    };
    o << "<form method=post action=\"/tarief\"><input type=hidden name=csrf value=\"" << esc(csrf) << "\">";
    field("datum", "tarief.date", f.at, "numeric");
    field("plaatsing", "tarief.placement", f.placement);
    field("loon", "tarief.wage", f.wage, "decimal");
    field("uren", "tarief.hours", f.hours, "decimal");
    choice("fase", "tarief.fase", f.fase, {{"A", "A"}, {"B", "B"}, {"C", "C"}});
    choice("contract", "tarief.contract", f.contract,
           {{"uitzendbeding", "uitzendbeding"}, {"bepaalde_tijd", "bepaalde tijd"}, {"onbepaalde_tijd", "onbepaalde tijd"}, {"oproep", "oproep"}});
    field("leeftijd", "tarief.age", f.age, "numeric");
    field("marge", "tarief.margin", f.margin);
    field("factor", "tarief.factor", f.factor, "decimal");
    choice("inlener", "tarief.client", f.client, f.clients);
    field("functie", "tarief.function", f.function);
    o << "<p><button type=submit>" << L("tarief.submit", l) << "</button></p></form>\n";
    return o.str();
}

}  // namespace rw::adapters::presentation::web
