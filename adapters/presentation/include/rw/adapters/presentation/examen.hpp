// Exam questions for trainers (issue 15): the generated questions (engine/examen.hpp) as a
// printable exam and a separate answer key, in Markdown and HTML, and as JSON for a learning
// platform. Dutch: the narrative, the question and the labels of the misconceptions are here; the
// answers, due dates and explanations are the engine's.
#pragma once

#include "rw/engine/examen.hpp"

#include <string>
#include <vector>

namespace rw::adapters::presentation::examen {

struct exam_meta {
    std::uint64_t seed = 1;
    engine::day reference;
    std::vector<int> redraw;
};

enum class part { exam, key };

std::string render_markdown(std::vector<engine::examen::question> const& qs, exam_meta const& m, part p);
std::string render_html(std::vector<engine::examen::question> const& qs, exam_meta const& m, part p);
/// regelwerk/examen-1: every question with its topic, type, narrative, facts, question, options,
/// answer, articles, explanation, misconceptions and the file name of its case.
std::string render_json(std::vector<engine::examen::question> const& qs, exam_meta const& m);

/// The file name of a question's case ("vraag-07-keten.yaml").
std::string case_file_name(engine::examen::question const& q);

/// The Dutch label of a misconception id ("oude regel: fase A duurt 78 gewerkte weken"); the id
/// itself when unknown.
std::string misconception_label(std::string const& id);

}  // namespace rw::adapters::presentation::examen
