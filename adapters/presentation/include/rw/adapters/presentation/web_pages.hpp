// The web application's pages as HTML (issue 16): the page frame (navigation, language switch,
// logout), the login form, the worker card, the work list, worker search, users and the access
// log. The same views as the CLI's text (worker_view, action_list_view); all dossier text is
// escaped. No JavaScript: forms and links only, so the pages work offline and without scripts.
#pragma once

#include "rw/adapters/presentation/match_view.hpp"
#include "rw/adapters/presentation/texts_view.hpp"
#include "rw/adapters/presentation/timeline.hpp"
#include "rw/adapters/presentation/views.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation::web {

struct nav_item {
    std::string href;
    std::string label;
    bool active = false;
};

/// What every page around its content shows.
struct page_frame {
    language lang = language::nl;
    std::string title;
    std::string user;   // empty: not logged in (login and error pages)
    std::string role;   // as people read it
    std::string csrf;   // for the logout form
    std::vector<nav_item> nav;
    std::string lang_href;  // the link that switches to the other language
};

/// A complete HTML document: frame + `body` (HTML, already escaped).
void render_page(std::ostream& out, page_frame const& f, std::string_view body);

/// Labels of the web pages in `l` (navigation, headings, buttons): the web's column of the
/// interface catalogue. Unknown keys come back as the key, and a test checks every key has both.
std::string label(std::string_view key, language l);
/// Every key `label` knows (for the catalogue test).
std::vector<std::string> label_keys();

std::string login_body(language l, std::string const& csrf, std::string const& name, std::string const& error);
std::string error_body(language l, int status, std::string const& detail);

/// A worker as a search result; `href` is the card's address (an opaque handle, never the id).
struct worker_row {
    std::string href, id, name;
    int contracts = 0, placements = 0;
    std::optional<engine::day> first_start, last_end;
    bool open_contract = false;
};
std::string worker_search_body(language l, std::string const& csrf, std::string const& query, std::vector<worker_row> const* rows,
                               std::size_t more);

/// The worker card: the worker view (as `advise` shows it) in HTML.
std::string worker_card_body(worker_view const& v);

/// The texts for the worker (issue 13) as a section of the card, each marked with its language.
std::string texts_section(texts_view const& v);

/// The work list (signals): `hrefs` maps a worker id to its card's address. `status` filters:
/// "" all, "laat" overdue, "nu" late or due within 7 days; `rule` filters by rule id.
std::string action_list_body(action_list_view const& v, std::map<std::string, std::string> const& hrefs, std::string const& status,
                             std::string const& rule, bool dashboard);

/// The guidance page of a worker: the timeline and (when `csrf` is given: the intercedent) a form
/// to record a task. `tasks` are (id, label) pairs; `placements` the worker's placement ids.
std::string guidance_body(timeline_view const& v, std::string const& action, std::string const& csrf,
                          std::vector<std::pair<std::string, std::string>> const& tasks, std::vector<std::string> const& placements,
                          std::string const& by, std::string const& message, bool error);

/// The exam generator's form (issue 15): date, seed, number of questions, topics; the exam, the
/// answer key and JSON open from it (GET: nothing personal in these addresses).
std::string exam_body(language l, std::string const& iso_date);

/// The audit page: a date and the report's forms (HTML to read and print; CSV, JSON lines and
/// Excel to download).
std::string audit_body(language l, std::string const& iso_date);

/// A vacancy on the matching page (issue 12): `href` opens its match (a vacancy id is no personal data).
struct vacancy_row {
    std::string href, id, client_name, function, status;
    engine::day start;
    engine::opt_day end;
};
std::string vacancies_body(language l, std::vector<vacancy_row> const& rows);

/// A candidate on a match page: the card's address, the opaque handle the decision form posts
/// (never the worker id), and the latest decision recorded for this vacancy.
struct candidate_link {
    std::string card_href, handle;
    std::string decision, reason, by, at;  // empty: no decision yet
};
/// One vacancy's match as `match` shows it: the flagged requirement texts (never used), the
/// eligible by rank with every reason and its points, the blocked with the rule, the day it bites
/// and the article, what is beside each. When `csrf` is given (the intercedent), each candidate has
/// a decision form (voorstellen only for the eligible; afwijzen for all), posted to `action`.
std::string match_body(match_view const& v, std::map<std::string, candidate_link> const& candidates, std::string const& action,
                       std::string const& csrf, std::string const& message, bool error);

/// The tariff calculator (issue 14): the quote's inputs as typed, the clients to choose from
/// (id, name) and an error to show. The form posts (a placement id names a worker) and the quote
/// comes back as the printable document `tarief --format html` writes.
struct tariff_form {
    std::string at, wage, hours, fase, contract, age, margin, factor, client, function, placement;
    std::vector<std::pair<std::string, std::string>> clients;
};
std::string tariff_body(language l, std::string const& csrf, tariff_form const& f, std::string const& error);

struct user_row {
    std::string name, role, created_at;
    bool disabled = false;
};
/// The users and a form to add one; each user but `self` (the admin looking) can be disabled or enabled.
std::string users_body(language l, std::string const& csrf, std::vector<user_row> const& users, std::string const& message,
                       bool error, std::string const& self);

struct access_row {
    std::string at, user, action, worker;
};
std::string access_log_body(language l, std::vector<access_row> const& rows);

}  // namespace rw::adapters::presentation::web
