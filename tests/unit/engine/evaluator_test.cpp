// The evaluator's semantics on small programs: default logic (a fact's exception overrides its
// default; two exceptions that both apply are a reported conflict), parameter exceptions, rules
// that are exceptions to other rules, empty values, the action listing window and lateness,
// messages (long dates, money, NBBU phase labels) and explanations with dated sources.
#include "rw/engine/engine.hpp"

#include <gtest/gtest.h>

using namespace rw;
using namespace rw::engine;

namespace {

day d(char const* s) { return *parse_date(s); }

std::string const prelude = R"(
bron src "Bron" url "https://example.org/"
parameter actie.vooruitblik : weken
    8 weken vanaf 2000-01-01 volgens src
)";

std::shared_ptr<program const> compile(std::string const& text) {
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>("t.rw", prelude + text)}, diags);
    EXPECT_TRUE(prog) << dsl::render_all(diags);
    return prog;
}

worker one_worker() {
    worker w;
    w.id = "W1";
    w.name = "Anna de Boer";
    contract c;
    c.id = "C1";
    c.kind = contract_kind::bepaalde_tijd;
    c.start = d("2026-01-05");
    c.end = d("2026-12-31");
    w.contracts.push_back(c);
    return w;
}

std::string rule(std::string const& id, std::string const& body) {
    // A rule with a deadline also says its wording after the deadline (issue 11, RW5101).
    bool due = body.find("    termijn ") != std::string::npos;
    return "regel " + id + "\n" + body +
           "\n    melding nl \"n {werker.naam}\"\n    melding en \"e\"\n    advies nl \"a\"\n    advies en \"b\"\n" +
           (due ? "    melding nl na termijn \"n {werker.naam}\"\n    melding en na termijn \"e\"\n    advies nl na termijn \"a\"\n"
                  "    advies en na termijn \"b\"\n"
                : "");
}

/// An action due a month before the agreed end, done by the notice date, violation when late.
std::string aanzeg_rule() {
    return rule("x.aanzeggen", R"(    soort actie
    artikel "a" volgens src
    geldig vanaf 2020-01-01
    voor elk c in werker.contracten
    termijn c.overeengekomen_einde - 1 maand
    gedaan c.aanzegging_op
    na termijn overtreding)");
}

}  // namespace

TEST(Evaluator, AFactExceptionOverridesItsDefault) {
    auto prog = compile("feit kleur = \"groen\"\nfeit kleur = \"rood\"\n    als werker.naam = \"Anna de Boer\"\n");
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    ASSERT_EQ(r.facts.size(), 1u);
    EXPECT_EQ(r.facts[0].text, "rood");
}

TEST(Evaluator, TwoExceptionsThatBothApplyAreAReportedConflict) {
    auto prog = compile("feit kleur = \"groen\"\nfeit kleur = \"rood\" als waar\nfeit kleur = \"blauw\" als waar\n");
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "regelwerk.conflict");
    EXPECT_NE(r.findings[0].message_en.find("two definitions of fact kleur"), std::string::npos) << r.findings[0].message_en;
}

TEST(Evaluator, ParameterExceptionsFollowTheirCondition) {
    auto prog = compile(R"(
parameter lengte(begin: datum) : weken
    78 weken vanaf 2015-07-01 volgens src
    52 weken vanaf 2023-01-02 volgens src
    uitzondering nieuw: 52 weken vanaf 2022-01-03 tot 2023-01-01 als begin >= 2022-01-03 volgens src
feit oud = lengte(begin: 2021-06-01) op 2022-06-01
feit nieuw = lengte(begin: 2022-02-01) op 2022-06-01
feit later = lengte(begin: 2021-06-01) op 2023-06-01
)");
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    std::map<std::string, std::string> f;
    for (auto const& x : r.facts) f[x.name] = x.text;
    EXPECT_EQ(f["oud"], "78");
    EXPECT_EQ(f["nieuw"], "52");
    EXPECT_EQ(f["later"], "52");
}

TEST(Evaluator, ARuleExceptionSuppressesTheGeneralRuleForTheSameSubject) {
    auto prog = compile(rule("x.algemeen", "    soort waarschuwing\n    artikel \"a\" volgens src\n    geldig vanaf 2020-01-01\n"
                                           "    voor elk c in werker.contracten") +
                        rule("x.bijzonder uitzondering op x.algemeen",
                             "    soort info\n    artikel \"b\" volgens src\n    geldig vanaf 2020-01-01\n"
                             "    voor elk c in werker.contracten waarvoor c.soort = bepaalde_tijd"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "x.bijzonder");
}

// Issue 10: a rule that names itself as the rule it is an exception to silenced itself; now an error.
TEST(Evaluator, ARuleCannotBeAnExceptionToItself) {
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>(
                                 "t.rw", prelude + rule("x.zelf uitzondering op x.zelf",
                                                        "    soort info\n    artikel \"a\" volgens src\n    geldig vanaf 2020-01-01\n"))},
                             diags);
    EXPECT_FALSE(prog);
    EXPECT_NE(dsl::render_all(diags).find("rule x.zelf cannot be an exception to itself"), std::string::npos)
        << dsl::render_all(diags);
}

// Issue 10: exceptions between agency-level rules were never applied.
TEST(Evaluator, AnExceptionBetweenAgencyLevelRulesApplies) {
    std::string const msgs = "    melding nl \"n\"\n    melding en \"e\"\n    advies nl \"a\"\n    advies en \"b\"\n";
    auto prog = compile("regel x.bureau\n    soort actie\n    artikel \"a\" volgens src\n    geldig vanaf 2020-01-01\n"
                        "    voor het bureau\n    termijn 2026-07-01\n" + msgs +
                        "    melding nl na termijn \"n\"\n    melding en na termijn \"e\"\n    advies nl na termijn \"a\"\n"
                        "    advies en na termijn \"b\"\n" +
                        "regel x.bureau_toegelaten uitzondering op x.bureau\n    soort info\n    artikel \"b\" volgens src\n"
                        "    geldig vanaf 2020-01-01\n    voor het bureau\n    als bureau.wtta_toegelaten_vanaf is niet leeg\n" + msgs);
    evaluator ev(prog);
    agency ag;
    auto fs = ev.evaluate_agency(ag, {d("2026-06-01")});
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].rule, "x.bureau");
    ag.wtta_admitted_from = d("2026-01-01");
    fs = ev.evaluate_agency(ag, {d("2026-06-01")});
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].rule, "x.bureau_toegelaten");
}

TEST(Evaluator, EmptyValuesPropagateAndCompareFalse) {
    auto prog = compile("feit a = werker.geboortedatum + 1 dag\nfeit b = werker.geboortedatum < 2030-01-01\n"
                        "feit c = werker.geboortedatum is leeg\nfeit e = niet (werker.geboortedatum = 2030-01-01)\n");
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    std::map<std::string, std::string> f;
    for (auto const& x : r.facts) f[x.name] = x.text;
    EXPECT_FALSE(f.count("a"));  // leeg: not a fact of the worker
    EXPECT_EQ(f["b"], "onwaar");
    EXPECT_EQ(f["c"], "waar");
    EXPECT_EQ(f["e"], "waar");
}

TEST(Evaluator, ActionsAreListedFromEightWeeksAheadAndTurnLate) {
    auto prog = compile(aanzeg_rule());
    evaluator ev(prog);
    agency ag;
    auto w = one_worker();  // due 2026-11-30
    auto at = [&](char const* r) { return ev.evaluate_worker(ag, client_index{}, w, {d(r)}).findings; };
    EXPECT_TRUE(at("2026-10-04").empty());       // 57 days ahead
    ASSERT_EQ(at("2026-10-05").size(), 1u);      // 56 days ahead
    EXPECT_EQ(at("2026-11-30")[0].kind, finding_kind::action);
    EXPECT_EQ(at("2026-12-01")[0].kind, finding_kind::violation);
    w.contracts[0].renewal_notice_on = d("2026-11-30");
    EXPECT_TRUE(at("2026-12-15").empty());       // done on the due date
    w.contracts[0].renewal_notice_on = d("2026-12-01");
    EXPECT_EQ(at("2026-12-15")[0].kind, finding_kind::violation);  // done a day late
}

TEST(Evaluator, AStepPastItsDeadlineStaysOpenUntilDone) {
    // Issue 11: a late step that became a violation must stay on the work list until it is done;
    // done late it is a violation of the past, no longer open.
    auto prog = compile(aanzeg_rule());
    evaluator ev(prog);
    agency ag;
    auto w = one_worker();  // due 2026-11-30
    auto at = [&](char const* r) { return ev.evaluate_worker(ag, client_index{}, w, {d(r)}).findings; };
    EXPECT_TRUE(at("2026-11-30")[0].open);   // due today
    auto late = at("2027-03-01");
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].kind, finding_kind::violation);
    EXPECT_TRUE(late[0].open);  // 91 days late, still to do
    w.contracts[0].renewal_notice_on = d("2026-12-01");
    EXPECT_FALSE(at("2026-12-15")[0].open);  // done a day late: past, not open
}

TEST(Evaluator, MessagesShowLabelsNotEngineCodes) {
    // Issue 11: a placeholder holding an enumeration value or a truth value is rendered with
    // the rulebook's labels, never as the engine's code (bepaalde_tijd, waar), a date with its weekday.
    auto prog = compile(R"(
label waarde contractsoort.bepaalde_tijd nl "bepaalde tijd" en "fixed term"
label term waar nl "ja" en "yes"
)" + std::string(R"(regel x.bericht
    soort info
    artikel "art. 1" volgens src
    geldig vanaf 2026-01-01
    voor elk c in werker.contracten
    melding nl "{c.soort}; {c.start > 2000-01-01}; {c.start}."
    melding en "{c.soort}; {c.start > 2000-01-01}; {c.start}."
    advies nl "a"
    advies en "b"
)"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].message_nl, "bepaalde tijd; ja; ma 5 jan 2026.");
    EXPECT_EQ(r.findings[0].message_en, "fixed term; yes; Mon 5 Jan 2026.");
}

TEST(Evaluator, MessagesAndExplanations) {
    auto prog = compile(R"(
parameter grens : geld
    € 14.71 vanaf 2026-01-01 volgens src onzeker "voorlopig"
)" + std::string(R"(regel x.bericht
    soort overtreding
    artikel "art. 1" volgens src
    geldig vanaf 2026-01-01
    voor elk c in werker.contracten
    als grens > € 10
    termijn c.start
    melding nl "{werker.naam}: vanaf {termijn}, grens {grens}."
    melding en "{werker.naam}: from {termijn}, limit {grens}."
    melding nl na termijn "{werker.naam}: sinds {termijn}, grens {grens}."
    melding en na termijn "{werker.naam}: since {termijn}, limit {grens}."
    advies nl "a"
    advies en "b"
    advies nl na termijn "a"
    advies en na termijn "b"
)"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01"), true});
    ASSERT_EQ(r.findings.size(), 1u);
    auto const& f = r.findings[0];
    // Past the deadline the 'na termijn' wording (issue 11).
    EXPECT_EQ(f.message_nl, "Anna de Boer: sinds ma 5 jan 2026, grens € 14,71.");
    EXPECT_EQ(f.message_en, "Anna de Boer: since Mon 5 Jan 2026, limit €14.71.");
    EXPECT_TRUE(f.uncertain);
    bool param_line = false;
    for (auto const& l : f.explanation)
        if (l.kind == "parameter" && l.name == "grens") {
            param_line = true;
            EXPECT_NE(l.detail.find("vanaf 2026-01-01"), std::string::npos) << l.detail;
            EXPECT_NE(l.detail.find("Bron <https://example.org/>"), std::string::npos) << l.detail;
            EXPECT_NE(l.detail.find("ONZEKER: voorlopig"), std::string::npos) << l.detail;
        }
    EXPECT_TRUE(param_line);
    EXPECT_EQ(f.citations.at(0), "art. 1 (Bron, https://example.org/)");
}

// A parameter read on several days with the same value and version is one explanation line that
// names the first day and how many other days; a different version would be its own line.
TEST(Evaluator, RepeatedParameterReadsCollapseIntoOneExplanationLine) {
    auto prog = compile(R"(
parameter grens : geld
    € 14.71 vanaf 2026-01-01 volgens src
)" + rule("x.vaak", "    soort overtreding\n    artikel \"art. 1\" volgens src\n    geldig vanaf 2026-01-01\n"
              "    voor elk c in werker.contracten\n    als grens op c.start > € 10 en grens > € 10 en grens op 2026-03-01 > € 10"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01"), true});
    ASSERT_EQ(r.findings.size(), 1u);
    int lines = 0;
    for (auto const& l : r.findings[0].explanation)
        if (l.kind == "parameter" && l.name == "grens") {
            ++lines;
            EXPECT_EQ(l.when, "2026-01-05");
            EXPECT_EQ(l.more_days, 2);
            EXPECT_EQ(l.value, "€ 14,71");
        }
    EXPECT_EQ(lines, 1);
}

// Issue 8: a parameter without a value on a day a rule is in force is an error of `rules check`,
// not a silent "no"; 'leeg vanaf' declares a deliberate absence.
TEST(Evaluator, AParameterWithoutValueOnARuleDayIsAnError) {
    std::string const text = R"(
parameter grens : geld
    € 14.71 vanaf 2026-01-01 volgens src
regel x.vroeg
    soort overtreding
    artikel "art. 1" volgens src
    geldig vanaf 2025-01-01
    als grens > € 10
    melding nl "a"
    melding en "b"
    advies nl "a"
    advies en "b"
)";
    dsl::diagnostics diags;
    auto prog = bind_program({std::make_shared<dsl::source_file>("t.rw", prelude + text)}, diags);
    EXPECT_FALSE(prog);
    EXPECT_NE(dsl::render_all(diags).find("parameter grens has no value before 2026-01-01, but rule x.vroeg"), std::string::npos)
        << dsl::render_all(diags);
    std::string fixed = text;
    fixed.replace(fixed.find("    € 14.71"), 0, "    leeg vanaf 2025-01-01 volgens src\n");
    dsl::diagnostics diags2;
    EXPECT_TRUE(bind_program({std::make_shared<dsl::source_file>("t.rw", prelude + fixed)}, diags2)) << dsl::render_all(diags2);
}

// A parameter read on a day before its first value (a dossier date older than the rules) gives a
// warning finding that names the parameter and the day.
TEST(Evaluator, AParameterReadOnADayWithoutValueIsReported) {
    auto prog = compile(R"(
parameter grens : geld
    € 14.71 vanaf 2026-01-01 volgens src
)" + rule("x.oud", "    soort overtreding\n    artikel \"art. 1\" volgens src\n    geldig vanaf 2026-01-01\n"
              "    voor elk c in werker.contracten\n    als grens op (c.start - 1 jaren) > € 10"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01"), false});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "regelwerk.parameter_ontbreekt");
    EXPECT_NE(r.findings[0].message_nl.find("parameter grens has no value on 2025-01-05"), std::string::npos)
        << r.findings[0].message_nl;
}

// Issue 8 point 8: a citation can be dated; a finding cites the texts in force on its due date.
TEST(Evaluator, DatedCitationsNameTheTextInForceOnTheDueDate) {
    auto prog = compile(rule("x.cao", "    soort overtreding\n"
                                      "    artikel \"cao 2022\" tot 2025-12-31 volgens src\n"
                                      "    artikel \"cao 2026\" vanaf 2026-01-01 volgens src\n"
                                      "    artikel \"wet\" volgens src\n"
                                      "    geldig vanaf 2020-01-01\n"
                                      "    voor elk c in werker.contracten\n    termijn c.start"));
    evaluator ev(prog);
    agency ag;
    auto w = one_worker();
    auto r = ev.evaluate_worker(ag, client_index{}, w, {d("2026-06-01"), false});
    ASSERT_EQ(r.findings.size(), 1u);
    ASSERT_EQ(r.findings[0].citations.size(), 2u);
    EXPECT_EQ(r.findings[0].citations[0], "cao 2026 (Bron, https://example.org/)");
    EXPECT_EQ(r.findings[0].citations[1], "wet (Bron, https://example.org/)");
    w.contracts[0].start = d("2025-12-31");
    r = ev.evaluate_worker(ag, client_index{}, w, {d("2026-06-01"), false});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].citations.at(0), "cao 2022 (Bron, https://example.org/)");
}

TEST(Evaluator, NbbuAgenciesSeePhaseNumbers) {
    EXPECT_EQ(phase_label("A", phase_labels::numbers), "1-2");
    EXPECT_EQ(phase_label("B", phase_labels::numbers), "3");
    EXPECT_EQ(phase_label("C", phase_labels::numbers), "4");
    EXPECT_EQ(phase_label("B", phase_labels::letters), "B");
}

// Dossier format v1.1: a contract's `gesloten_op` is concluded_on, defaulting to its start; a
// worker's `eerder_werk` lists prior employment with its fields, `klant` resolved or leeg.
TEST(Evaluator, RulesReadConcludedOnAndPriorEmployment) {
    auto prog = compile(R"(
feit gesloten_eerste = eerste(c in werker.contracten : c.gesloten_op)
feit gesloten_laatste = laatste(c in werker.contracten : c.gesloten_op)
feit eerder_aantal = aantal(e in werker.eerder_werk)
feit eerder_bureau = bestaat(e in werker.eerder_werk waarvoor e.soort = agency en e.zelfde_werk)
feit eerder_klant = eerste(e in werker.eerder_werk waarvoor e.klant is niet leeg : e.klant.naam)
feit eerder_zonder_klant = bestaat(e in werker.eerder_werk waarvoor e.klant is leeg en e.soort = other)
feit eerder_werkgever = eerste(e in werker.eerder_werk : e.werkgever)
feit eerder_einde = eerste(e in werker.eerder_werk : e.einde)
feit eerder_start = laatste(e in werker.eerder_werk : e.start)
feit eerder_open = bestaat(e in werker.eerder_werk waarvoor e.einde is leeg en e.zelfde_werk is leeg)
feit beeindigd = eerste(c in werker.contracten : c.beeindigd_door)
)");
    evaluator ev(prog);
    agency ag;
    client k;
    k.id = "K1";
    k.name = "Distributiecentrum Oost";
    std::vector<client> clients{k};
    client_index idx(clients);
    auto w = one_worker();
    w.contracts[0].ended_by = ended_by_kind::agreement;
    contract c2 = w.contracts[0];
    c2.id = "C2";
    c2.start = d("2027-01-04");
    c2.concluded_on = d("2026-12-20");
    w.contracts.push_back(c2);
    prior_employment e1;
    e1.employer = "Uitzendbureau Noord BV";
    e1.kind = prior_employer_kind::agency;
    e1.client = "K1";
    e1.start = d("2024-01-08");
    e1.end = d("2024-12-29");
    e1.same_work = true;
    prior_employment e2;
    e2.employer = "Bakkerij Jansen";
    e2.kind = prior_employer_kind::other;
    e2.start = d("2025-02-01");
    w.prior_employments = {e1, e2};
    auto r = ev.evaluate_worker(ag, idx, w, {d("2026-06-01")});
    std::map<std::string, std::string> f;
    for (auto const& x : r.facts) f[x.name] = x.text;
    EXPECT_EQ(f["gesloten_eerste"], "2026-01-05");   // no concluded_on: the start
    EXPECT_EQ(f["gesloten_laatste"], "2026-12-20");  // concluded before the start
    EXPECT_EQ(f["eerder_aantal"], "2");
    EXPECT_EQ(f["eerder_bureau"], "waar");
    EXPECT_EQ(f["eerder_klant"], "Distributiecentrum Oost");
    EXPECT_EQ(f["eerder_zonder_klant"], "waar");
    EXPECT_EQ(f["eerder_werkgever"], "Uitzendbureau Noord BV");
    EXPECT_EQ(f["eerder_einde"], "2024-12-29");
    EXPECT_EQ(f["eerder_start"], "2025-02-01");
    EXPECT_EQ(f["eerder_open"], "waar");
    EXPECT_EQ(f["beeindigd"], "agreement");
}

// Dossier format v1.1: werker.taal, and plaatsing.diensten which is leeg when unknown and an empty
// list when the placement has no shifts.
TEST(Evaluator, RulesReadLanguageAndPlacementShifts) {
    auto prog = compile(R"(
feit taal = werker.taal
feit onbekend = aantal(p in werker.plaatsingen waarvoor p.diensten is leeg)
feit met_nacht = bestaat(p in werker.plaatsingen waarvoor bestaat(s in p.diensten waarvoor s = nacht))
feit aantal_diensten = som(p in werker.plaatsingen : aantal(d in p.diensten))
)");
    evaluator ev(prog);
    agency ag;
    client k;
    k.id = "K1";
    std::vector<client> clients{k};
    client_index idx(clients);
    auto w = one_worker();
    w.language = "pl";
    placement p;
    p.id = "P1";
    p.contract = "C1";
    p.client = "K1";
    p.start = d("2026-01-05");
    w.placements = {p, p, p};
    w.placements[1].id = "P2";
    w.placements[1].shifts = std::vector<shift_kind>{shift_kind::dag, shift_kind::nacht};
    w.placements[2].id = "P3";
    w.placements[2].shifts = std::vector<shift_kind>{};
    auto r = ev.evaluate_worker(ag, idx, w, {d("2026-06-01")});
    std::map<std::string, std::string> f;
    for (auto const& x : r.facts) f[x.name] = x.text;
    EXPECT_EQ(f["taal"], "pl");
    EXPECT_EQ(f["onbekend"], "1");
    EXPECT_EQ(f["met_nacht"], "waar");
    EXPECT_EQ(f["aantal_diensten"], "2");
}

// ---- Issue 10: arithmetic (rounding, division, percentages, negative amounts, tables by two keys)

namespace {

/// The value of `feit x = <expr>` for one_worker on 2026-06-01 (with `extra` declarations).
value value_of(std::string const& expr, std::string const& extra = "") {
    auto prog = compile(extra + "feit x = " + expr + "\n");
    if (!prog) return value{value_kind::text};
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01")});
    for (auto const& f : r.facts)
        if (f.name == "x") return f.v;
    return value{value_kind::text};
}

std::int64_t cents_of(std::string const& expr, std::string const& extra = "") {
    value v = value_of(expr, extra);
    EXPECT_EQ(v.kind, value_kind::money) << expr;
    return v.i;
}

std::int64_t milli_of(std::string const& expr) {
    value v = value_of(expr);
    EXPECT_EQ(v.kind, value_kind::number) << expr;
    return v.i;
}

}  // namespace

TEST(Arithmetic, MoneyTimesANumberRoundsHalfAwayFromZeroToCents) {
    EXPECT_EQ(cents_of("€ 14.71 * 1.5"), 2207);      // 22.065: half up (it truncated to 22.06 before)
    EXPECT_EQ(cents_of("€ 14.71 * 1.499"), 2205);    // 22.05029
    EXPECT_EQ(cents_of("€ 1.29 * 0.5"), 65);         // 0.645
    EXPECT_EQ(cents_of("€ 1.29 * 0.499"), 64);       // 0.64371
    EXPECT_EQ(cents_of("€ 14.70 * 1.5"), 2205);      // exact
    EXPECT_EQ(cents_of("-€ 14.71 * 1.5"), -2207);    // away from zero
    EXPECT_EQ(cents_of("€ 0.05 * 0.1"), 1);          // 0.005
    EXPECT_EQ(cents_of("€ 0.04 * 0.1"), 0);          // 0.004
    EXPECT_EQ(cents_of("1.5 * € 14.71"), 2207);      // either side
    EXPECT_EQ(milli_of("0.5 * 0.001"), 1);           // numbers: 0.0005 half up to thousandths
    EXPECT_EQ(milli_of("0.499 * 0.001"), 0);         // 0.000499
}

TEST(Arithmetic, AfgerondStatesAnotherRoundingFromTheExactValue) {
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5, naar: beneden)"), 2206);
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5, naar: boven)"), 2207);
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5)"), 2207);
    EXPECT_EQ(cents_of("afgerond(€ 14.70 * 1.5, naar: boven)"), 2205);  // exact: nothing to round
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5, naar: beneden, op: € 0.05)"), 2205);
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5, naar: boven, op: € 0.05)"), 2210);
    EXPECT_EQ(cents_of("afgerond(€ 14.71 * 1.5, op: € 1)"), 2200);      // 22.065 -> 22
    EXPECT_EQ(cents_of("afgerond(€ 22.50, op: € 1)"), 2300);            // half away from zero
    EXPECT_EQ(cents_of("afgerond(€ 22.49, op: € 1)"), 2200);
    EXPECT_EQ(cents_of("afgerond(-€ 14.71 * 1.5, naar: beneden)"), -2207);  // toward -inf
    EXPECT_EQ(cents_of("afgerond(-€ 14.71 * 1.5, naar: boven)"), -2206);    // toward +inf
    EXPECT_EQ(cents_of("afgerond(€ 100 / 3, naar: boven)"), 3334);
    EXPECT_EQ(cents_of("afgerond(€ 100 * 7,45 % * 1, op: € 1)"), 700);  // through a rounded product
    EXPECT_EQ(milli_of("afgerond(7 / 2)"), 4000);
    EXPECT_EQ(milli_of("afgerond(7 / 2, naar: beneden)"), 3000);
}

TEST(Arithmetic, DivisionIsExactThenRoundedAndByZeroIsLeegWithAWarning) {
    EXPECT_EQ(cents_of("€ 100 / 3"), 3333);
    EXPECT_EQ(cents_of("€ 200 / 3"), 6667);
    EXPECT_EQ(cents_of("€ 0.05 / 10"), 1);   // 0.005
    EXPECT_EQ(cents_of("€ 0.04 / 10"), 0);   // 0.004
    EXPECT_EQ(milli_of("€ 10 / € 4"), 2500);  // geld / geld is a number
    EXPECT_EQ(milli_of("2 / 3"), 667);
    EXPECT_EQ(milli_of("1 / 3"), 333);
    EXPECT_EQ(milli_of("-1 / 2000"), -1);  // -0.0005: away from zero
    // A divisor that is zero only at run time: leeg, and a warning finding at the division.
    auto prog = compile(rule("x.deling", "    soort info\n    artikel \"art. 1\" volgens src\n    geldig vanaf 2026-01-01\n"
                                         "    als € 10 / aantal(c in werker.contracten waarvoor c.id = \"geen\") > € 1"));
    evaluator ev(prog);
    agency ag;
    auto r = ev.evaluate_worker(ag, client_index{}, one_worker(), {d("2026-06-01"), false});
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "regelwerk.deling_door_nul");
    EXPECT_NE(r.findings[0].message_nl.find("division by zero: € 10 / aantal("), std::string::npos) << r.findings[0].message_nl;
    // A constant zero is refused when the rules are checked.
    dsl::diagnostics diags;
    EXPECT_FALSE(bind_program({std::make_shared<dsl::source_file>("t.rw", prelude + "feit y = € 10 / 0\n")}, diags));
    EXPECT_NE(dsl::render_all(diags, true).find("division by zero [RW3020]"), std::string::npos) << dsl::render_all(diags, true);
}

TEST(Arithmetic, PercentagesAreExactMillionths) {
    EXPECT_EQ(cents_of("€ 100 * 7,45 %"), 745);
    EXPECT_EQ(cents_of("7.45 % * € 100"), 745);
    EXPECT_EQ(cents_of("€ 0.10 * 7,45 %"), 1);   // 0.00745
    EXPECT_EQ(cents_of("€ 0.06 * 7,45 %"), 0);   // 0.00447
    EXPECT_EQ(cents_of("€ 2000 * 0,5 %"), 1000);
    EXPECT_EQ(milli_of("1000 * 21.8 %"), 218000);
    value p = value_of("21.8 % + 0,2 %");
    EXPECT_EQ(p.kind, value_kind::percentage);
    EXPECT_EQ(p.i, 220000);
    EXPECT_EQ(value_of("-0,5 %").i, -5000);
    std::string const premie = "parameter premie : percentage\n    15,9 % vanaf 2020-01-01 volgens src\n";
    EXPECT_EQ(cents_of("€ 100 * premie", premie), 1590);
    EXPECT_TRUE(value_of("premie > 15.89 %", premie).as_bool());
    EXPECT_FALSE(value_of("premie > 15.9 %", premie).as_bool());
}

TEST(Arithmetic, NegativeAmountsAndNumbersAreConstants) {
    std::string const k = "parameter korting : geld\n    € -12.50 vanaf 2020-01-01 volgens src\n"
                          "parameter extra : geld\n    -€ 2.50 vanaf 2020-01-01 volgens src\n"
                          "parameter factor : getal\n    -1.5 vanaf 2020-01-01 volgens src\n";
    EXPECT_EQ(cents_of("korting + € 20", k), 750);
    EXPECT_EQ(cents_of("extra", k), -250);
    EXPECT_EQ(cents_of("€ 10 * factor", k), -1500);
    EXPECT_EQ(cents_of("€ -4.25 - -€ 1"), -325);
}

TEST(Arithmetic, ATableWithTwoKeysRangesOverNumbersAndMatchesKinds) {
    std::string const t = R"(tabel toeslag(leeftijd: getal, contract: contractsoort) : percentage
    vanaf 2020-01-01 volgens src
        0, uitzendbeding => 0 %
        0, bepaalde_tijd => 2,5 %
        21, uitzendbeding => 7.45 %
        21, bepaalde_tijd => 10 %
)";
    EXPECT_EQ(value_of("toeslag(20, uitzendbeding)", t).i, 0);
    EXPECT_EQ(value_of("toeslag(20, bepaalde_tijd)", t).i, 25000);
    EXPECT_EQ(value_of("toeslag(21, uitzendbeding)", t).i, 74500);
    EXPECT_EQ(value_of("toeslag(21, bepaalde_tijd)", t).i, 100000);
    EXPECT_EQ(value_of("toeslag(99, bepaalde_tijd)", t).i, 100000);
    EXPECT_TRUE(value_of("toeslag(21, oproep) is leeg", t).as_bool());  // a kind matches only itself
    EXPECT_TRUE(value_of("toeslag(-1, bepaalde_tijd) is leeg", t).as_bool());  // below the first row
    EXPECT_FALSE(value_of("toeslag(0, bepaalde_tijd) is leeg", t).as_bool());
    EXPECT_EQ(cents_of("€ 100 * toeslag(leeftijd: 30, contract: bepaalde_tijd)", t), 1000);
}

// eerste_dag(d van a tot b waarvoor c): the days tried are a and the days c can change on.
TEST(FirstDay, FindsTheDayAParameterATableOrAnAgeChanges) {
    std::string const decl = R"(parameter grens : geld
    € 10 vanaf 2020-01-01 volgens src
    € 12 vanaf 2026-03-01 volgens src
tabel loon(leeftijd: getal) : geld
    vanaf 2020-01-01 volgens src
        0 => € 5
        21 => € 12
)";
    auto day_of = [&](std::string const& e) {
        value v = value_of(e, decl);
        return v.kind == value_kind::date ? format_date(v.as_date()) : std::string("leeg");
    };
    // A parameter: € 11 is below the limit from the day it rises, not the day before.
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-12-31 waarvoor € 11 < grens op d)"), "2026-03-01");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-02-28 waarvoor € 11 < grens op d)"), "leeg");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-03-01 tot 2026-03-01 waarvoor € 11 < grens op d)"), "2026-03-01");
    // An age: 21 on 2026-05-10 (born 2005-05-10), so € 11 is below the table from that birthday.
    std::string const age = "eerste_dag(d van 2026-01-01 tot 2026-12-31 waarvoor € 11 < loon(leeftijd(2005-05-10, d)) op d)";
    EXPECT_EQ(day_of(age), "2026-05-10");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-05-09 waarvoor € 11 < loon(leeftijd(2005-05-10, d)) op d)"), "leeg");
    // Born on 29 February: 21 on 1 March in a year without one.
    EXPECT_EQ(day_of("eerste_dag(d van 2025-01-01 tot 2025-12-31 waarvoor € 11 < loon(leeftijd(2004-02-29, d)) op d)"), "2025-03-01");
    // A compared date, < and <= (the day itself and the day after are tried).
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-12-31 waarvoor d > 2026-04-15)"), "2026-04-16");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-12-31 waarvoor d >= 2026-04-15)"), "2026-04-15");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-01-01 tot 2026-12-31 waarvoor d >= 2025-04-15)"), "2026-01-01");
    // Dates inside an aggregate are found while it is evaluated (a contract's start and end).
    EXPECT_EQ(day_of("eerste_dag(d van 2025-06-01 tot 2027-12-31 waarvoor niet bestaat(c in werker.contracten waarvoor c.start <= d en d <= c.einde))"),
              "2025-06-01");
    EXPECT_EQ(day_of("eerste_dag(d van 2026-02-01 tot 2027-12-31 waarvoor niet bestaat(c in werker.contracten waarvoor c.start <= d en d <= c.einde))"),
              "2027-01-01");
    // An empty or reversed period has no first day.
    EXPECT_EQ(day_of("eerste_dag(d van 2026-02-01 tot 2026-01-01 waarvoor waar)"), "leeg");
    EXPECT_EQ(day_of("eerste_dag(d van leeg tot 2026-01-01 waarvoor waar)"), "leeg");
}
