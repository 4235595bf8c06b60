// advise: "what applies to this flex worker today, and what must I do by when?" Phase and
// counters, the next phase, open actions (overdue first), violations, warnings, advice; --explain
// adds why (facts, dated parameters with their sources, conditions). The view and its text and
// JSON forms are the presentation layer's; this file loads and evaluates.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "worker_inputs.hpp"
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/presentation/texts_view.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "safe_output.hpp"

#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;
namespace app = rw::adapters::app;

static int run_advise(std::string const& db, std::string const& worker_id, std::string const& at, std::string const& lang,
                      std::string const& format, bool explain, std::string const& rules, std::string const& audience,
                      std::string const& text_lang) {
    engine::day R = parse_at(at);
    auto in = open_worker_inputs(db, worker_id, rules);
    if (!in) return bad_input;
    auto& s = *in->store;
    auto const& prog = in->prog;
    auto const& ref = in->ref;
    try {
        if (!audience.empty()) {  // issue 13: the texts for the worker or the client
            auto view = app::texts(s, prog, ref, worker_id, R, language_of(lang),
                                   audience == "werker" ? pr::text_audience::worker : pr::text_audience::client, text_lang);
            if (!view) return bad_input;
            if (format == "json") pr::render_texts_json(std::cout, *view);
            else pr::render_texts_text(std::cout, *view);
            return ok;
        }
        auto view = app::worker_card(s, prog, ref, worker_id, R, language_of(lang), explain);
        if (!view) return bad_input;  // gone between the two reads: the check above said what
        if (format == "json") pr::render_worker_json(std::cout, *view);
        else pr::render_worker_text(std::cout, *view);
        return ok;
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
}

void register_advise_command(CLI::App& app, int& result) {
    struct opts {
        std::string db, worker, at, lang = "nl", format = "text", rules = default_rules_dir(), audience, text_lang;
        bool explain = false;
    };
    auto o = std::make_shared<opts>();
    auto* c = app.add_subcommand("advise", "What applies to one flex worker: phase, next phase, actions, violations, advice");
    c->add_option("--db", o->db, "SQLite store")->required();
    c->add_option("--worker", o->worker, "Worker id")->required();
    c->add_option("--at", o->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    c->add_option("--lang", o->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    c->add_option("--format", o->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    c->add_flag("--explain", o->explain, "Add why: facts, dated parameters with their sources, conditions");
    c->add_option("--for", o->audience,
                  "werker | inlener: instead of the advice, the texts for the flex worker (in the dossier's language) "
                  "or for the client")
        ->check(CLI::IsMember({"werker", "inlener"}));
    c->add_option("--text-lang", o->text_lang,
                  "With --for: the texts in this language (nl, en, pl; a rule without it gives its Dutch text)")
        ->check([](std::string const& s) {
            bool okay = s.size() >= 2 && s.size() <= 3;  // as the dossier's `language` (ISO 639, lower case)
            for (char ch : s) okay = okay && ch >= 'a' && ch <= 'z';
            return okay ? std::string() : std::string("an ISO 639 language code in lower case, such as nl, en or pl");
        });
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_advise(o->db, o->worker, o->at, o->lang, o->format, o->explain, o->rules, o->audience, o->text_lang); });
}

}  // namespace rw::cli
