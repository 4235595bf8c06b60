// See server.hpp. Every handler runs inside one guard: a store error, a bad form or any exception
// becomes an error page with a 4xx/5xx status, never a crash. Personal data stays out of URLs
// (worker cards have per-session handles, searches are POSTed) and out of the operator log.
#include "rw/adapters/web/server.hpp"

#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/examen.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/presentation/web_pages.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/web/auth.hpp"
#include "rw/engine/calendar.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <semaphore>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

namespace rw::adapters::web {

namespace pr = rw::adapters::presentation;
namespace pw = rw::adapters::presentation::web;
namespace sq = rw::adapters::sqlite;

namespace {

constexpr char const* session_cookie = "rw_session";
constexpr char const* login_cookie = "rw_login";  // the login form's CSRF token (double submit)
constexpr char const* lang_cookie = "rw_lang";
constexpr std::size_t match_page_top = 25;  // eligible candidates on a match page (the check stops there)

std::string cookie(httplib::Request const& req, std::string const& name) {
    auto header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        auto part = header.substr(pos, end - pos);
        auto first = part.find_first_not_of(' ');
        if (first != std::string::npos) part = part.substr(first);
        if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=')
            return part.substr(name.size() + 1);
        pos = end + 1;
    }
    return {};
}

std::string set_cookie(std::string const& name, std::string const& value, std::optional<long> max_age, bool secure) {
    std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (secure) c += "; Secure";
    if (max_age) c += "; Max-Age=" + std::to_string(*max_age);
    return c;
}

pr::language lang_of(std::string const& code) { return code == "en" ? pr::language::en : pr::language::nl; }

/// A local path to return to after a language switch: "/x..." but never "//host" or a scheme.
std::string safe_local(std::string const& path) {
    if (path.empty() || path[0] != '/' || (path.size() > 1 && (path[1] == '/' || path[1] == '\\'))) return "/";
    for (char c : path)
        if (static_cast<unsigned char>(c) < 0x20) return "/";
    return path;
}

std::string percent_encoded(std::string const& s) {
    static char const hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch == '/' || ch == '-' || ch == '_' || ch == '.') out += static_cast<char>(ch);
        else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

engine::day today() { return date::floor<date::days>(std::chrono::system_clock::now()); }

/// What a role may open (issue 16): intercedent and compliance the dossiers (compliance only
/// reads), trainer only the exam generator, admin only users and the access log.
enum class area { dossiers, record, audit, exam, admin };
bool allowed(role r, area a) {
    switch (a) {
        case area::exam: return r == role::trainer;
        case area::audit: return r == role::compliance;
        case area::dossiers: return r == role::intercedent || r == role::compliance;
        case area::record: return r == role::intercedent;
        case area::admin: return r == role::admin;
    }
    return false;
}

struct http_error {
    int status;
    std::string detail;
};

/// Turns for the password hash: as many at once as the machine has cores (a counting semaphore
/// with lock/unlock, for std::lock_guard).
class hashing_turns {
public:
    void lock() { turns_.acquire(); }
    void unlock() { turns_.release(); }

private:
    std::counting_semaphore<1024> turns_{std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 1024)};
};

/// Open store connections, reused across requests. Opening one per request cost a third of a
/// worker card (the schema read, and a WAL checkpoint with an fsync whenever the last connection
/// closed); a reused connection also keeps SQLite's page cache warm. Readers: as many as requests
/// run at once (at most `max_idle` kept when idle). One writer, held by one request at a time
/// (SQLite allows one writer anyway); it also tells whether another process (an import, `user
/// add`) changed the store (PRAGMA data_version).
class store_pool {
public:
    explicit store_pool(std::string path) : path_(std::move(path)) {}

    /// A connection lent for the length of a request (returned by the destructor).
    class lease {
    public:
        lease(store_pool* pool, sq::store s, std::unique_lock<std::mutex> held = {})
            : pool_(pool), s_(std::move(s)), held_(std::move(held)) {}
        lease(lease&& o) noexcept : pool_(std::exchange(o.pool_, nullptr)), s_(std::move(o.s_)), held_(std::move(o.held_)) {
            o.s_.reset();
        }
        lease& operator=(lease&&) = delete;
        ~lease() {
            if (!pool_ || !s_) return;
            if (held_.owns_lock()) {  // still under the writer's lock
                pool_->writer_ = std::move(*s_);
                pool_->writer_owner_ = std::thread::id();
            } else {
                pool_->give_back(std::move(*s_));
            }
        }
        sq::store* operator->() { return &*s_; }
        sq::store& operator*() { return *s_; }
        operator sq::store&() { return *s_; }  // NOLINT: a lease stands for its connection

    private:
        store_pool* pool_;
        std::optional<sq::store> s_;
        std::unique_lock<std::mutex> held_;
    };

    lease reader() {
        {
            std::lock_guard lock(idle_mutex_);
            if (!idle_.empty()) {
                auto s = std::move(idle_.back());
                idle_.pop_back();
                return lease(this, std::move(s));
            }
        }
        return lease(this, sq::store::open(path_, sq::open_mode::read_only));
    }

    /// The writer; a request that holds it must not ask for it again (that would wait for itself):
    /// that is a programming error, and throws instead of hanging the request.
    lease writer() {
        if (writer_owner_.load() == std::this_thread::get_id()) throw std::logic_error("the store's writer was asked for twice by one request");
        std::unique_lock lock(writer_mutex_);
        writer_owner_ = std::this_thread::get_id();
        if (!writer_) {
            try {
                writer_ = sq::store::open(path_, sq::open_mode::read_write);
            } catch (...) {
                writer_owner_ = std::thread::id();
                throw;
            }
        }
        auto s = std::move(*writer_);
        writer_.reset();
        return lease(this, std::move(s), std::move(lock));
    }

    /// Changes whenever another process has committed to the store since (PRAGMA data_version on
    /// the writer: the server's own writes do not change it).
    std::int64_t outside_changes() { return writer()->data_version(); }

private:
    void give_back(sq::store&& s) {
        std::lock_guard lock(idle_mutex_);
        if (idle_.size() < max_idle) idle_.push_back(std::move(s));
    }
    static constexpr std::size_t max_idle = 16;
    std::string path_;
    std::mutex idle_mutex_;
    std::vector<sq::store> idle_;
    std::mutex writer_mutex_;
    std::optional<sq::store> writer_;
    std::atomic<std::thread::id> writer_owner_{};
};

}  // namespace

struct server::impl {
    server_options opts;
    std::shared_ptr<engine::program const> prog;
    httplib::Server http;
    session_table sessions;
    login_limiter limiter;
    int port = -1;

    impl(server_options o, std::shared_ptr<engine::program const> p)
        : opts(std::move(o)), prog(std::move(p)), sessions(opts.session_ttl), limiter(opts.max_login_failures, opts.login_window) {}

    engine::day reference() const { return opts.at ? *opts.at : today(); }

    // ---- per request -------------------------------------------------------------------------

    struct context {
        httplib::Request const& req;
        httplib::Response& res;
        std::optional<session> s;
        pr::language lang = pr::language::nl;
    };

    context begin(httplib::Request const& req, httplib::Response& res) {
        context c{req, res, sessions.find(cookie(req, session_cookie)), pr::language::nl};
        c.lang = lang_of(c.s ? c.s->lang : cookie(req, lang_cookie));
        return c;
    }

    pw::page_frame frame(context const& c, std::string title, std::string const& active) {
        pw::page_frame f;
        f.lang = c.lang;
        f.title = std::move(title);
        f.lang_href = "/taal?naar=" + std::string(c.lang == pr::language::en ? "nl" : "en") + "&terug=" +
                      percent_encoded(c.req.path);
        if (!c.s) return f;
        f.user = c.s->user;
        f.role = pw::label("role." + std::string(role_name(c.s->who)), c.lang);
        f.csrf = c.s->csrf;
        auto add = [&](std::string href, std::string key) {
            f.nav.push_back({href, pw::label(key, c.lang), href == active});
        };
        if (allowed(c.s->who, area::dossiers)) {
            add("/signalen", "nav.signalen");
            add("/werkers", "nav.werkers");
            add("/acties", "nav.acties");
            add("/matching", "nav.matching");
            add("/tarief", "nav.tarief");
        }
        if (allowed(c.s->who, area::audit)) add("/audit", "nav.audit");
        if (allowed(c.s->who, area::exam)) add("/examen", "nav.examen");
        if (allowed(c.s->who, area::admin)) {
            add("/beheer/gebruikers", "nav.gebruikers");
            add("/beheer/inzage", "nav.inzage");
        }
        return f;
    }

    void page(context& c, int status, std::string const& title, std::string const& active, std::string const& body) {
        std::ostringstream out;
        pw::render_page(out, frame(c, title, active), body);
        c.res.status = status;
        c.res.set_header("Cache-Control", "no-store");
        c.res.set_content(out.str(), "text/html; charset=utf-8");
    }

    void error_page(context& c, int status, std::string const& detail) {
        page(c, status, pw::label("error." + std::to_string(status), c.lang), "", pw::error_body(c.lang, status, detail));
    }

    /// The session, or a redirect to the login page (no session) or 403 (a role without access).
    session const& require(context& c, area a) {
        if (!c.s) throw http_error{401, {}};
        if (!allowed(c.s->who, a)) throw http_error{403, pw::label("error.403.detail", c.lang)};
        return *c.s;
    }

    void require_csrf(context& c) {
        if (!c.s || !same_token(c.req.get_param_value("csrf"), c.s->csrf)) throw http_error{403, pw::label("error.csrf", c.lang)};
    }

    /// Runs a handler inside the guard every request goes through.
    template <typename F>
    httplib::Server::Handler guarded(F f) {
        return [this, f](httplib::Request const& req, httplib::Response& res) {
            auto c = begin(req, res);
            try {
                f(c);
            } catch (http_error const& e) {
                if (e.status == 401) {
                    res.status = 303;
                    res.set_header("Location", "/aanmelden");
                    return;
                }
                error_page(c, e.status, e.detail);
            } catch (sq::store_error const& e) {
                log(std::string("store error: ") + e.what());
                error_page(c, 500, {});
            } catch (std::exception const& e) {
                log(std::string("error: ") + e.what());
                error_page(c, 500, {});
            }
        };
    }

    void log(std::string const& line) {
        if (opts.log) opts.log(line);
    }

    store_pool stores{opts.db};
    hashing_turns hashing;
    store_pool::lease open_store(sq::open_mode mode) { return mode == sq::open_mode::read_only ? stores.reader() : stores.writer(); }

    void record_access(std::string const& user, std::string const& action, std::optional<std::string> worker) {
        stores.writer()->append_access({0, utc_now(), user, action, std::move(worker)});
    }

    std::string card_href(session const& s, std::string const& worker) { return "/werker/" + sessions.handle_for(s.id, worker); }

    // ---- pages -------------------------------------------------------------------------------

    void home(context& c) {
        if (!c.s) throw http_error{401, {}};
        c.res.status = 303;
        c.res.set_header("Location", c.s->who == role::admin     ? "/beheer/gebruikers"
                                     : c.s->who == role::trainer ? "/examen"
                                                                 : "/signalen");
    }

    void login_form(context& c, int status, std::string const& name, std::string const& error) {
        auto token = random_token();
        c.res.set_header("Set-Cookie", set_cookie(login_cookie, token, 3600, opts.secure_cookies));
        page(c, status, pw::label("login.title", c.lang), "", pw::login_body(c.lang, token, name, error));
    }

    void login(context& c) {
        auto name = c.req.get_param_value("name");
        auto password = c.req.get_param_value("password");
        if (!same_token(c.req.get_param_value("csrf"), cookie(c.req, login_cookie))) throw http_error{403, pw::label("error.csrf", c.lang)};
        std::string const by_name = "user:" + name, by_address = "address:" + c.req.remote_addr;
        if (!limiter.allowed(by_name) || !limiter.allowed(by_address)) {
            log("login refused: too many failures");
            return login_form(c, 429, name, pw::label("login.locked", c.lang));
        }
        std::optional<sq::user_record> user;
        if (!name.empty() && name.size() <= 64) user = open_store(sq::open_mode::read_only)->find_user(name);
        bool ok = false;
        {
            // Argon2id takes 64 MB and most of a core for ~0.1 s: at most one per core at a time,
            // so that an office logging in at nine does not run 64 at once (memory, and every
            // login slowed down until connections time out); the rest wait their turn.
            std::lock_guard turn(hashing);
            if (user && !user->disabled) ok = verify_password(user->password_hash, password);
            else verify_dummy(password);
        }
        auto who = user ? parse_role(user->role) : std::nullopt;
        if (!ok || !who) {
            limiter.failed(by_name);
            limiter.failed(by_address);
            return login_form(c, 401, name, pw::label("login.wrong", c.lang));
        }
        limiter.succeeded(by_name);
        limiter.succeeded(by_address);
        auto s = sessions.create(user->name, *who, std::string(pr::code(c.lang)));
        record_access(s.user, "aanmelding", std::nullopt);
        c.res.status = 303;
        c.res.set_header("Set-Cookie", set_cookie(session_cookie, s.id, std::nullopt, opts.secure_cookies));
        c.res.set_header("Set-Cookie", set_cookie(login_cookie, "", 0, opts.secure_cookies));
        c.res.set_header("Location", "/");
    }

    void logout(context& c) {
        require_csrf(c);
        sessions.remove(c.s->id);
        c.res.status = 303;
        c.res.set_header("Set-Cookie", set_cookie(session_cookie, "", 0, opts.secure_cookies));
        c.res.set_header("Location", "/aanmelden");
    }

    void switch_language(context& c) {
        auto to = c.req.get_param_value("naar") == "en" ? "en" : "nl";
        if (c.s) sessions.set_lang(c.s->id, to);
        else c.res.set_header("Set-Cookie", set_cookie(lang_cookie, to, 365L * 24 * 3600, opts.secure_cookies));
        c.res.status = 303;
        c.res.set_header("Location", safe_local(c.req.get_param_value("terug")));
    }

    /// The agency and its clients (with vacancies, strikes, reference wages): read once, again only
    /// when another process changed the store (the server itself never writes them). Reading them
    /// was a fifth of a worker card on a store with 300 clients.
    std::shared_ptr<app::reference_data const> reference_data(sq::store const& s) {
        auto version = stores.outside_changes();
        {
            std::lock_guard lock(reference_mutex);
            if (reference_cache && reference_version == version) return reference_cache;
        }
        auto ref = app::load_reference_data(s);
        if (!ref) throw http_error{404, c_no_agency};
        auto fresh = std::make_shared<app::reference_data const>(std::move(*ref));
        std::lock_guard lock(reference_mutex);
        reference_cache = fresh;
        reference_version = version;
        return fresh;
    }
    std::mutex reference_mutex;
    std::shared_ptr<app::reference_data const> reference_cache;
    std::int64_t reference_version = -1;
    static inline std::string const c_no_agency = "The store has no agency yet: import a dossier first.";

    void actions(context& c, bool dashboard) {
        auto const& s = require(c, area::dossiers);
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        auto v = app::action_list(st, prog, *ref, reference(), c.lang, std::nullopt, {}, opts.threads);
        std::map<std::string, std::string> hrefs;
        for (auto const& f : v.actions)
            if (!f.worker.empty() && !hrefs.count(f.worker)) hrefs[f.worker] = card_href(s, f.worker);
        auto status = c.req.get_param_value("status");
        if (status != "laat" && status != "nu") status.clear();
        auto body = pw::action_list_body(v, hrefs, status, c.req.get_param_value("rule"), dashboard);
        page(c, 200, pw::label(dashboard ? "signalen.title" : "nav.acties", c.lang), dashboard ? "/signalen" : "/acties", body);
    }

    /// The whole action list as a file (CSV for Excel, or JSON), as `regelwerk actions --format`
    /// gives it; logged like the audit's downloads (a list of many workers' duties).
    void actions_download(context& c, std::string const& form) {
        auto const& s = require(c, area::dossiers);
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        auto v = app::action_list(st, prog, *ref, reference(), c.lang, std::nullopt, {}, opts.threads);
        record_access(s.user, "acties." + form, std::nullopt);
        std::string const file = "acties-" + engine::format_date(reference());
        c.res.set_header("Cache-Control", "no-store");
        std::ostringstream out;
        if (form == "csv") {
            pr::render_actions_csv(out, v, ';');
            c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
            c.res.set_content("\xEF\xBB\xBF" + out.str(), "text/csv; charset=utf-8");  // BOM: Excel reads UTF-8
        } else {
            pr::render_actions_json(out, v);
            c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".json\"");
            c.res.set_content(out.str(), "application/json");
        }
    }

    void workers(context& c) {
        auto const& s = require(c, area::dossiers);
        std::string query;
        std::vector<pw::worker_row> rows;
        std::size_t more = 0;
        bool searched = c.req.method == "POST";
        if (searched) {
            require_csrf(c);
            query = c.req.get_param_value("q");
            constexpr std::size_t limit = 50;
            std::int64_t total = 0;
            for (auto const& w : open_store(sq::open_mode::read_only)->find_workers(query, limit, &total))
                rows.push_back({card_href(s, w.id), w.id, w.name, w.contracts, w.placements, w.first_start, w.last_end, w.open_contract});
            more = static_cast<std::size_t>(total) - rows.size();
        }
        page(c, 200, pw::label("search.title", c.lang), "/werkers",
             pw::worker_search_body(c.lang, s.csrf, query, searched ? &rows : nullptr, more));
    }

    void worker_card(context& c) {
        auto const& s = require(c, area::dossiers);
        auto handle = c.req.matches.size() > 1 ? c.req.matches[1].str() : std::string();
        auto it = s.handle_to_worker.find(handle);
        if (it == s.handle_to_worker.end()) throw http_error{404, {}};
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        auto both = app::worker_card_and_texts(st, prog, *ref, it->second, reference(), c.lang, c.req.get_param_value("uitleg") == "1");
        if (!both) throw http_error{404, {}};
        auto const* v = &both->card;
        // AVG accountability: every view of a dossier is logged (who, when, which worker).
        record_access(s.user, "werker.bekeken", it->second);
        auto body = pw::worker_card_body(*v) + pw::texts_section(both->texts);
        body += "<p><a href=\"/werker/" + handle + "/begeleiding\">" + pw::label("guidance.link", c.lang) + "</a></p>\n";
        if (!v->explain) body += "<p><a href=\"/werker/" + handle + "?uitleg=1\">" + pw::label("card.explain", c.lang) + "</a></p>\n";
        page(c, 200, v->name, "/werkers", body);
    }

    std::string handle_of(context& c, session const& s, std::string& worker) {
        auto handle = c.req.matches.size() > 1 ? c.req.matches[1].str() : std::string();
        auto it = s.handle_to_worker.find(handle);
        if (it == s.handle_to_worker.end()) throw http_error{404, {}};
        worker = it->second;
        return handle;
    }

    /// Guidance (issue 13): the worker's timeline; the intercedent records a task here (POST, then
    /// back to the page: a reload does not record it twice).
    void guidance(context& c) {
        bool const posting = c.req.method == "POST";
        auto const& s = require(c, posting ? area::record : area::dossiers);
        std::string worker;
        auto handle = handle_of(c, s, worker);
        std::string message;
        bool error = false;
        if (posting) {
            require_csrf(c);
            engine::task_done t;
            t.task = c.req.get_param_value("task");
            auto on = engine::parse_date(c.req.get_param_value("on"));
            t.by = c.req.get_param_value("by");
            t.how = c.req.get_param_value("how");
            if (auto note = c.req.get_param_value("note"); !note.empty()) t.note = note;
            if (auto p = c.req.get_param_value("placement"); !p.empty()) t.placement = p;
            if (!on) {
                message = c.lang == pr::language::en ? "The date is not a date (YYYY-MM-DD)." : "De datum is geen datum (JJJJ-MM-DD).";
                error = true;
            } else {
                t.on = *on;
                // The writer is held for this statement only: record_access takes it again.
                auto r = app::record_task(open_store(sq::open_mode::read_write), *prog, worker, t, reference());
                if (r.error.empty()) {
                    record_access(s.user, "taak.vastgelegd:" + t.task, worker);
                    c.res.status = 303;
                    c.res.set_header("Location", "/werker/" + handle + "/begeleiding?vastgelegd=1");
                    return;
                }
                message = c.lang == pr::language::en || r.error_nl.empty() ? r.error : r.error_nl;
                error = true;
            }
        } else if (c.req.has_param("vastgelegd")) {
            message = pw::label("guidance.recorded", c.lang);
        }
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        auto v = app::timeline(st, prog, *ref, worker, reference(), c.lang);
        if (!v) throw http_error{404, {}};
        if (!posting) record_access(s.user, "werker.tijdlijn", worker);
        std::vector<std::pair<std::string, std::string>> tasks;
        for (auto const& id : app::task_ids(*prog)) tasks.emplace_back(id, prog->label_or_name(engine::label_kind::regel, id, std::string(pr::code(c.lang))));
        std::vector<std::string> placements;
        for (auto const& p : v->placements) placements.push_back(p.id);
        auto body = pw::guidance_body(*v, "/werker/" + handle + "/begeleiding", allowed(s.who, area::record) ? s.csrf : std::string(), tasks,
                                      placements, s.user, message, error);
        body += "<p><a href=\"/werker/" + handle + "\">" + pw::label("guidance.card", c.lang) + "</a></p>\n";
        page(c, error ? 400 : 200, pw::label("guidance.title", c.lang) + " " + v->name, "/werkers", body);
    }

    /// Matching (issue 12): the vacancies of the agency's clients, newest start first.
    void vacancies(context& c) {
        require(c, area::dossiers);
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        std::vector<pw::vacancy_row> rows;
        for (auto const& k : ref->clients)
            for (auto const& v : k.vacancies)
                rows.push_back({"/matching/" + percent_encoded(v.id), v.id, k.name, v.function, engine::to_string(v.status), v.start, v.end});
        std::stable_sort(rows.begin(), rows.end(), [](auto const& a, auto const& b) { return a.start > b.start; });
        page(c, 200, pw::label("matching.title", c.lang), "/matching", pw::vacancies_body(c.lang, rows));
    }

    /// One vacancy's match. GET runs it and logs the run (AVG art. 22, AI Act art. 26(6)); POST
    /// records the intercedent's decision about one candidate, named by an opaque handle, and
    /// returns to the page (a reload does not record it twice). A candidate the rules block cannot
    /// be proposed: the match is run again to check.
    void match(context& c) {
        bool const posting = c.req.method == "POST";
        auto const& s = require(c, posting ? area::record : area::dossiers);
        auto vacancy = c.req.matches.size() > 1 ? c.req.matches[1].str() : std::string();
        auto const here = "/matching/" + percent_encoded(vacancy);
        engine::match_options mo;
        mo.at = reference();
        mo.lang = std::string(pr::code(c.lang));
        mo.threads = opts.threads;
        // A page shows the best 25 eligible: the check stops there (on a large store, checking
        // every candidate takes many seconds); the page says how many were checked.
        mo.stop_after_eligible = match_page_top;
        auto run = [&](bool log) {
            auto st = open_store(sq::open_mode::read_only);
            std::string store_hash;
            auto d = app::matching_dossier(st, {}, nullptr, log ? &store_hash : nullptr);
            if (!d) throw http_error{404, c_no_agency};
            bool known = false;
            for (auto const& k : d->clients)
                for (auto const& v : k.vacancies) known = known || v.id == vacancy;
            if (!known) throw http_error{404, {}};
            auto r = app::match_vacancy(*d, prog, vacancy, mo, c.lang, match_page_top, s.user, store_hash);
            if (log) open_store(sq::open_mode::read_write)->append_match_log(r.entry);
            return r.view;
        };
        std::string message;
        bool error = false;
        if (posting) {
            require_csrf(c);
            auto handle = c.req.get_param_value("kandidaat");
            auto it = s.handle_to_worker.find(handle);
            if (it == s.handle_to_worker.end()) throw http_error{400, {}};
            auto const& worker = it->second;
            auto decision = c.req.get_param_value("besluit");
            if (decision == "voorstellen") {
                auto v = run(false);
                bool eligible = std::any_of(v.eligible.begin(), v.eligible.end(), [&](auto const& x) { return x.worker == worker; });
                if (!eligible) {
                    message = c.lang == pr::language::en ? "This candidate cannot be proposed: the rules block the placement or the candidate is not eligible."
                                                         : "Deze kandidaat kan niet worden voorgesteld: de regels blokkeren de plaatsing of de kandidaat is niet plaatsbaar.";
                    error = true;
                }
            }
            if (!error) {
                // The writer is held for this statement only: record_access takes it again.
                auto r = app::record_match_decision(open_store(sq::open_mode::read_write), vacancy, worker, decision,
                                                    c.req.get_param_value("reden"), s.user, reference());
                if (r.error.empty()) {
                    record_access(s.user, "matching.besluit:" + decision, worker);
                    c.res.status = 303;
                    c.res.set_header("Location", here + "?besluit=1");
                    return;
                }
                message = c.lang == pr::language::en ? r.error : r.error_nl;
                error = true;
            }
        } else if (c.req.has_param("besluit")) {
            message = pw::label("matching.decided", c.lang);
        }
        auto v = run(!posting);
        if (!posting) record_access(s.user, "matching.bekeken:" + vacancy, std::nullopt);
        std::map<std::string, pw::candidate_link> links;
        auto decisions = app::latest_decisions(open_store(sq::open_mode::read_only), vacancy);
        auto add = [&](auto const& rows) {
            for (auto const& x : rows) {
                auto href = card_href(s, x.worker);
                pw::candidate_link k{href, href.substr(std::string("/werker/").size()), {}, {}, {}, {}};
                if (auto d = decisions.find(x.worker); d != decisions.end())
                    k = {href, k.handle, d->second.decision.value_or(""), d->second.reason.value_or(""), d->second.by, d->second.at};
                links[x.worker] = std::move(k);
            }
        };
        add(v.eligible);
        add(v.blocked);
        auto body = pw::match_body(v, links, here, allowed(s.who, area::record) ? s.csrf : std::string(), message, error);
        page(c, error ? 400 : 200, pw::label("col.vacature", c.lang) + " " + vacancy, "/matching", body);
    }

    /// The tariff calculator (issue 14). GET shows the form; POST computes the quote and answers
    /// with the printable quote (or the form again with what is wrong). Nothing is written.
    void tariff(context& c) {
        auto const& s = require(c, area::dossiers);
        auto st = open_store(sq::open_mode::read_only);
        pw::tariff_form f;
        f.at = engine::format_date(reference());
        f.margin = "20%";
        for (auto const& k : st->load_clients()) f.clients.emplace_back(k.id, k.id + " " + k.name);
        std::string error;
        if (c.req.method == "POST") {
            require_csrf(c);
            auto p = [&](char const* name) { return c.req.get_param_value(name); };
            f.at = p("datum"), f.wage = p("loon"), f.hours = p("uren"), f.fase = p("fase"), f.contract = p("contract"), f.age = p("leeftijd");
            f.margin = p("marge"), f.factor = p("factor"), f.client = p("inlener"), f.function = p("functie"), f.placement = p("plaatsing");
            auto at = engine::parse_date(f.at);
            if (!at) error = c.lang == pr::language::en ? "the date is not a date (YYYY-MM-DD)" : "de datum is geen datum (JJJJ-MM-DD)";
            else {
                app::quote_request r;
                r.at = *at;
                r.wage = f.wage, r.hours = f.hours, r.fase = f.fase, r.contract = f.contract, r.age = f.age;
                r.margin = f.margin, r.factor = f.factor, r.client = f.client, r.function = f.function, r.placement = f.placement;
                r.lang = c.lang;
                auto q = app::make_quote(&*st, prog, std::move(r));
                if (q.error.empty()) {
                    if (!f.placement.empty()) record_access(s.user, "tarief.offerte:" + f.placement, std::nullopt);
                    std::ostringstream out;
                    pr::render_quote_html(out, *prog, q.q, q.context);
                    c.res.set_header("Cache-Control", "no-store");
                    c.res.set_content(out.str(), "text/html; charset=utf-8");
                    return;
                }
                error = q.error;
            }
        }
        page(c, error.empty() ? 200 : 400, pw::label("tarief.title", c.lang), "/tarief", pw::tariff_body(c.lang, s.csrf, f, error));
    }

    /// The exam generator (issue 15) for trainers: synthetic dossiers only, never the store's.
    void exam_page(context& c) {
        require(c, area::exam);
        page(c, 200, pw::label("examen.title", c.lang), "/examen", pw::exam_body(c.lang, engine::format_date(reference())));
    }

    void exam(context& c, std::string const& form) {
        require(c, area::exam);
        namespace ex = engine::examen;
        namespace pe = rw::adapters::presentation::examen;
        ex::settings st;
        st.reference = audit_date(c);
        auto number = [&](char const* name, long lo, long hi, long fallback) {
            auto text = c.req.get_param_value(name);
            if (text.empty()) return fallback;
            try {
                std::size_t used = 0;
                long v = std::stol(text, &used);
                if (used == text.size() && v >= lo && v <= hi) return v;
            } catch (std::exception const&) {
            }
            throw http_error{400, std::string(name) + ": " + std::to_string(lo) + "–" + std::to_string(hi)};
        };
        st.seed = static_cast<std::uint64_t>(number("seed", 1, 999999999, 1));
        st.count = static_cast<int>(number("aantal", 1, 50, 20));
        for (std::size_t i = 0; i < c.req.get_param_value_count("onderwerp"); ++i) {
            auto t = ex::topic_from_string(c.req.get_param_value("onderwerp", i));
            if (!t) throw http_error{400, "onderwerp"};
            st.topics.push_back(*t);
        }
        if (auto r = c.req.get_param_value("opnieuw"); !r.empty()) st.redraw.push_back(static_cast<int>(number("opnieuw", 1, st.count, 1)));
        auto qs = ex::make_exam(st, prog, opts.misconceptions);
        pe::exam_meta meta{st.seed, st.reference, st.redraw};
        c.res.set_header("Cache-Control", "no-store");
        if (form == "json") {
            c.res.set_header("Content-Disposition", "attachment; filename=\"examen-" + std::to_string(st.seed) + ".json\"");
            c.res.set_content(pe::render_json(qs, meta), "application/json");
        } else {
            c.res.set_content(pe::render_html(qs, meta, form == "antwoorden" ? pe::part::key : pe::part::exam), "text/html; charset=utf-8");
        }
    }

    /// The audit's date: ?datum=YYYY-MM-DD, else the server's reference date.
    engine::day audit_date(context& c) {
        auto text = c.req.get_param_value("datum");
        if (text.empty()) return reference();
        auto d = engine::parse_date(text);
        if (!d) throw http_error{400, "datum: YYYY-MM-DD"};
        return *d;
    }

    void audit_page(context& c) {
        require(c, area::audit);
        auto d = audit_date(c);
        page(c, 200, pw::label("audit.title", c.lang), "/audit", pw::audit_body(c.lang, engine::format_date(d)));
    }

    /// Runs the audit (logged: who ran it, when) and answers in one of the report's forms.
    void audit_download(context& c, std::string const& form) {
        auto const& s = require(c, area::audit);
        auto d = audit_date(c);
        auto st = open_store(sq::open_mode::read_only);
        auto ref = reference_data(st);
        engine::evaluation_options eo;
        eo.reference = d;
        eo.facts = false;
        eo.lang = std::string(pr::code(c.lang));
        std::vector<pr::finding_view> rows;
        auto report = app::audit(st, prog, *ref, eo, c.lang, opts.threads, form == "html" ? 250 : 0, version(), "regelwerk serve",
                                 [&](engine::finding const& f, std::string const& name) {
                                     if (form != "html") rows.push_back(pr::make_finding_view(f, c.lang, name, prog.get(), d));
                                 });
        record_access(s.user, "audit." + form, std::nullopt);
        std::string const file = "audit-" + engine::format_date(d);
        c.res.set_header("Cache-Control", "no-store");
        if (form == "html") {
            std::ostringstream out;
            pr::render_audit_html(out, report);
            c.res.set_content(out.str(), "text/html; charset=utf-8");
            return;
        }
        if (form == "csv") {
            std::string out = pr::audit_csv_header(';');
            for (auto const& f : rows) out += pr::render_audit_row(pr::audit_format::csv, f, c.lang, ';');
            c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
            c.res.set_content("\xEF\xBB\xBF" + out, "text/csv; charset=utf-8");  // BOM: Excel reads UTF-8
        } else if (form == "json") {
            std::string out;
            for (auto const& f : rows) out += pr::render_audit_row(pr::audit_format::json, f, c.lang, ',');
            c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".jsonl\"");
            c.res.set_content(out, "application/x-ndjson");
        } else {
            std::string error;
            auto bytes = pr::render_audit_xlsx(report, rows, error);
            if (!bytes) throw std::runtime_error(error);
            c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"");
            c.res.set_content(*bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    }

    std::string version() const { return opts.version; }

    void users(context& c) {
        auto const& s = require(c, area::admin);
        std::string message;
        bool error = false;
        if (c.req.method == "POST" && c.req.has_param("actie")) {  // disable or enable a user
            require_csrf(c);
            auto name = c.req.get_param_value("name");
            bool const disable = c.req.get_param_value("actie") == "uitschakelen";
            bool const en = c.lang == pr::language::en;
            if (name == s.user) {
                message = en ? "You cannot disable yourself." : "Je kunt jezelf niet uitschakelen.";
                error = true;
            } else if (!open_store(sq::open_mode::read_write)->set_user_disabled(name, disable)) {
                throw http_error{404, {}};
            } else {
                if (disable) sessions.remove_user(name);
                record_access(s.user, std::string(disable ? "gebruiker.uitgeschakeld:" : "gebruiker.ingeschakeld:") + name, std::nullopt);
                message = (disable ? (en ? "User disabled: " : "Gebruiker uitgeschakeld: ") : (en ? "User enabled: " : "Gebruiker ingeschakeld: ")) + name;
            }
        } else if (c.req.method == "POST") {
            require_csrf(c);
            auto name = c.req.get_param_value("name");
            auto r = parse_role(c.req.get_param_value("role"));
            auto password = c.req.get_param_value("password");
            if (name.empty() || name.size() > 64 || !r) {
                message = c.lang == pr::language::en ? "Give a name (at most 64 characters) and a role." : "Geef een naam (hoogstens 64 tekens) en een rol.";
                error = true;
            } else if (password.size() < min_password_length) {
                message = pw::label("users.password_hint", c.lang);
                error = true;
            } else {
                try {
                    open_store(sq::open_mode::read_write)->add_user({name, std::string(role_name(*r)), hash_password(password), utc_now(), false});
                    record_access(s.user, "gebruiker.toegevoegd:" + name, std::nullopt);
                    message = (c.lang == pr::language::en ? "User added: " : "Gebruiker toegevoegd: ") + name;
                } catch (sq::store_error const&) {
                    message = (c.lang == pr::language::en ? "Not added: a user with this name exists: " : "Niet toegevoegd: deze naam bestaat al: ") + name;
                    error = true;
                }
            }
        }
        std::vector<pw::user_row> rows;
        for (auto const& u : open_store(sq::open_mode::read_only)->list_users()) rows.push_back({u.name, u.role, u.created_at, u.disabled});
        page(c, error ? 400 : 200, pw::label("users.title", c.lang), "/beheer/gebruikers", pw::users_body(c.lang, s.csrf, rows, message, error, s.user));
    }

    void access_log(context& c) {
        require(c, area::admin);
        std::vector<pw::access_row> rows;
        for (auto const& e : open_store(sq::open_mode::read_only)->access_log(500)) rows.push_back({e.at, e.user, e.action, e.worker.value_or("")});
        page(c, 200, pw::label("inzage.title", c.lang), "/beheer/inzage", pw::access_log_body(c.lang, rows));
    }

    void routes() {
        http.set_payload_max_length(64 * 1024);
        http.set_read_timeout(10, 0);
        http.Get("/", guarded([this](context& c) { home(c); }));
        http.Get("/aanmelden", guarded([this](context& c) {
            if (c.s) return home(c);
            login_form(c, 200, {}, c.req.has_param("verlopen") ? pw::label("login.expired", c.lang) : std::string());
        }));
        http.Post("/aanmelden", guarded([this](context& c) { login(c); }));
        http.Post("/afmelden", guarded([this](context& c) { logout(c); }));
        http.Get("/taal", guarded([this](context& c) { switch_language(c); }));
        http.Get("/signalen", guarded([this](context& c) { actions(c, true); }));
        http.Get("/acties", guarded([this](context& c) { actions(c, false); }));
        http.Get("/acties/acties.csv", guarded([this](context& c) { actions_download(c, "csv"); }));
        http.Get("/acties/acties.json", guarded([this](context& c) { actions_download(c, "json"); }));
        http.Get("/werkers", guarded([this](context& c) { workers(c); }));
        http.Post("/werkers", guarded([this](context& c) { workers(c); }));
        http.Get(R"(/werker/([0-9a-f]{24}))", guarded([this](context& c) { worker_card(c); }));
        http.Get(R"(/werker/([0-9a-f]{24})/begeleiding)", guarded([this](context& c) { guidance(c); }));
        http.Post(R"(/werker/([0-9a-f]{24})/begeleiding)", guarded([this](context& c) { guidance(c); }));
        http.Get("/matching", guarded([this](context& c) { vacancies(c); }));
        http.Get(R"(/matching/([A-Za-z0-9._-]{1,64}))", guarded([this](context& c) { match(c); }));
        http.Post(R"(/matching/([A-Za-z0-9._-]{1,64}))", guarded([this](context& c) { match(c); }));
        http.Get("/tarief", guarded([this](context& c) { tariff(c); }));
        http.Post("/tarief", guarded([this](context& c) { tariff(c); }));
        http.Get("/examen", guarded([this](context& c) { exam_page(c); }));
        http.Get("/examen/toets", guarded([this](context& c) { exam(c, "toets"); }));
        http.Get("/examen/antwoorden", guarded([this](context& c) { exam(c, "antwoorden"); }));
        http.Get("/examen/examen.json", guarded([this](context& c) { exam(c, "json"); }));
        http.Get("/audit", guarded([this](context& c) { audit_page(c); }));
        http.Get("/audit/rapport", guarded([this](context& c) { audit_download(c, "html"); }));
        http.Get("/audit/bevindingen.csv", guarded([this](context& c) { audit_download(c, "csv"); }));
        http.Get("/audit/bevindingen.jsonl", guarded([this](context& c) { audit_download(c, "json"); }));
        http.Get("/audit/bevindingen.xlsx", guarded([this](context& c) { audit_download(c, "xlsx"); }));
        http.Get("/beheer/gebruikers", guarded([this](context& c) { users(c); }));
        http.Post("/beheer/gebruikers", guarded([this](context& c) { users(c); }));
        http.Get("/beheer/inzage", guarded([this](context& c) { access_log(c); }));
        // Anything else, and errors httplib finds itself (a malformed request line, a too large
        // body), get the same error page.
        http.set_error_handler([this](httplib::Request const& req, httplib::Response& res) {
            if (!res.body.empty() || res.status == 303) return;
            auto c = begin(req, res);
            int status = res.status >= 400 && res.status < 600 ? res.status : 404;
            error_page(c, status, {});
        });
        http.set_exception_handler([this](httplib::Request const& req, httplib::Response& res, std::exception_ptr) {
            auto c = begin(req, res);
            error_page(c, 500, {});
        });
        http.set_logger([this](httplib::Request const& req, httplib::Response const& res) {
            log(req.method + " " + req.path + " " + std::to_string(res.status));
        });
    }
};

server::server(server_options opts, std::shared_ptr<engine::program const> prog)
    : p_(std::make_unique<impl>(std::move(opts), std::move(prog))) {
    p_->open_store(sq::open_mode::read_write);  // exists, is a store, migrated
    p_->http.new_task_queue = [n = std::max(1u, p_->opts.connections)] { return new httplib::ThreadPool(n); };
    p_->routes();
}

server::~server() { stop(); }

int server::bind() {
    if (p_->opts.port == 0) p_->port = p_->http.bind_to_any_port(p_->opts.host.c_str());
    else p_->port = p_->http.bind_to_port(p_->opts.host.c_str(), p_->opts.port) ? p_->opts.port : -1;
    return p_->port;
}

bool server::run() { return p_->http.listen_after_bind(); }

void server::stop() {
    if (p_ && p_->http.is_running()) p_->http.stop();
}

}  // namespace rw::adapters::web
