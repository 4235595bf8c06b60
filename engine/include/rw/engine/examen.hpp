// Exam questions for trainers (issue 15): SEU-style questions built from generated dossiers, whose
// answers the engine computes (facts and findings), with distractors from named misconceptions that
// the engine computes too, on a modified dossier or with the misconception's parameter values (the
// override files in overrides/examen/, bound by the caller). Every question carries a case
// (regelwerk/case-1) whose expectations re-check the answer key. Pure: no I/O, no texts for people
// beyond what the rules say (the presentation layer writes the narrative and the question).
#pragma once

#include "rw/engine/casefile.hpp"
#include "rw/engine/engine.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rw::engine::examen {

/// Exam topics (tags), in the order of the coverage table.
enum class topic { fasen, keten, aanzegging, poortwachter, minimumloon, waadi };
/// SEU question types: one correct of four, a date or number to fill in, an amount, steps in order,
/// true/false per statement.
enum class question_kind { meerkeuze, invullen, bedrag, volgorde, juist_onjuist };

char const* to_string(topic t);
char const* to_string(question_kind k);
std::optional<topic> topic_from_string(std::string_view s);
std::vector<topic> all_topics();

/// What is asked (the presentation layer has a text per id).
enum class ask {
    fase_b_start,        // meerkeuze, date: fact fase_b.start
    fase_a_weken,        // invullen, number: fact fase_a.weken
    fase_c_start,        // meerkeuze, date: fact fase_c.start
    keten_onbepaald,     // meerkeuze, date: finding bw.ketenregeling, due
    aanzegging_uiterlijk,  // invullen, date: finding bw.aanzegplicht, due
    poortwachter_volgorde,  // volgorde: findings poortwachter.*, due
    poortwachter_datum,  // invullen, date: finding poortwachter.* (one step), due
    minimumloon_uur,     // bedrag: the lowest hourly wage without wml.minimumloon
    waadi_stellingen,    // juist_onjuist: findings present or absent
};
char const* to_string(ask a);

/// A value as an answer: "2026-03-02", "37", "14.71", or a rule id (steps, statements).
struct answer_value {
    enum class kind { date, number, amount, text } type = kind::text;
    std::string text;  // canonical: ISO date, integer, amount with two decimals, id
    friend bool operator==(answer_value const& a, answer_value const& b) { return a.text == b.text; }
};

/// A wrong answer and the misconception that gives it (id from overrides/examen/ or a built-in one).
struct wrong_answer {
    std::string misconception;  // e.g. "oud_78_weken", "kalenderweken", "week_te_laat"
    answer_value value;
};

/// One choice of a meerkeuze question (A-D).
struct choice {
    answer_value value;
    bool correct = false;
    std::string misconception;  // empty for the correct choice
};

/// A step (volgorde) or a statement (juist_onjuist): the rule it is about and what the engine says.
struct item {
    std::string rule;
    opt_day due;       // steps: the engine's due date
    bool truth = false;  // statements: the rule's finding is present
    std::string message;  // the finding's Dutch message (the engine's explanation), if present
};

struct question {
    int number = 0;  // 1-based
    topic tag = topic::fasen;
    question_kind kind = question_kind::meerkeuze;
    enum ask asks = ask::fase_b_start;
    std::uint64_t draw = 0;  // the seed the question was drawn from (redraws change it)
    day reference;           // the question's peildatum
    std::string worker;      // the worker the question is about (W1)
    dossier data;            // the generated dossier (synthetic names only)
    answer_value answer;     // meerkeuze, invullen, bedrag
    std::vector<choice> choices;  // meerkeuze: four, shuffled, exactly one correct
    std::vector<wrong_answer> wrong;  // invullen, bedrag: answers from misconceptions (for the key)
    std::vector<item> items;  // volgorde: in the order shown; juist_onjuist: the statements
    std::vector<int> order;   // volgorde: the right order as indices into items
    std::vector<std::string> articles;     // the articles of the rules the answer rests on
    std::vector<std::string> explanation;  // the engine's messages and facts behind the answer
    std::map<std::string, std::string> facts;  // the worker's facts at the reference date (text)
    bool uncertain = false;  // a finding behind the answer used a value marked onzeker
    case_file as_case;  // the question as a regelwerk/case-1 case (without path)
};

/// Programs bound with the misconceptions' parameter values: id -> program. Missing ids are left
/// out of the distractors (the generator falls back to the other misconceptions).
using misconception_programs = std::map<std::string, std::shared_ptr<program const>>;

struct settings {
    std::uint64_t seed = 1;
    day reference;
    int count = 20;
    std::vector<topic> topics;  // empty: all; questions go round the list
    std::vector<int> redraw;    // 1-based question numbers to draw again (each alone)
};

/// Generates the exam. Same settings, same exam. A question whose options do not differ or whose
/// key is not unique is drawn again (up to 200 times; then std::runtime_error).
std::vector<question> make_exam(settings const& s, std::shared_ptr<program const> const& prog,
                                misconception_programs const& misconceptions);

/// The misconceptions the generator knows: those computed with override files (their file name
/// without .rw under overrides/examen/) and those computed on a modified dossier or date.
std::vector<std::string> override_misconceptions();

}  // namespace rw::engine::examen
