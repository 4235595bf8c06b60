// Issue 13: the texts for the flex worker and the client (`advise --for werker|inlener`). Each
// finding whose rule has a `tekst werker` (or `tekst inlener`) gives its text, in the worker's
// language (the dossier's `language`; nl, en and pl at least) or the one asked for. A rule
// without that language gives its Dutch text, and the view says so per text. The frame (headings,
// notes) is in the intercedent's language (`--lang`); the texts are in the reader's.
#pragma once

#include "rw/adapters/presentation/views.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

enum class text_audience : std::uint8_t { worker, client };
/// "werker" | "inlener" (the rules language's words).
std::string_view audience_code(text_audience a);

struct texts_view {
    language lang = language::nl;  // the frame's language (the intercedent's)
    text_audience audience = text_audience::worker;
    engine::day reference;
    std::string worker_id, name;
    /// The language the texts were asked in: the worker's `language`, `--text-lang`, or nl when
    /// the dossier records none (`language_recorded` false).
    std::string requested;
    bool language_recorded = true;
    struct item {
        std::string rule, variant, title;  // title: the rule as the intercedent reads it
        engine::finding_kind kind = engine::finding_kind::info;
        std::string contract, placement, client;  // client: the placement's client's name
        engine::opt_day due;
        std::string text;
        std::string text_lang;  // the language the text is in
        bool fallback = false;  // the rule has no text in `requested`: its Dutch text
    };
    std::vector<item> texts;  // in the engine's order
};

/// Builds the view from a worker's findings evaluated with evaluation_options::worker_text_lang
/// (or client_text_lang) set to `requested`.
texts_view build_texts_view(engine::program const& prog, std::vector<engine::client> const& clients, engine::worker const& w,
                            std::vector<engine::finding> const& findings, engine::day reference, language l,
                            text_audience audience, std::string requested, bool language_recorded);

void render_texts_text(std::ostream& out, texts_view const& v);
void render_texts_json(std::ostream& out, texts_view const& v);

}  // namespace rw::adapters::presentation
