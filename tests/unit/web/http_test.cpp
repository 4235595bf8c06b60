// The web application over real HTTP on loopback (issue 16): a temporary store with the demo agency
// and one user per role, the server on a free port, cpp-httplib's client. Login, wrong password,
// the roles' allowed and forbidden pages, CSRF, session expiry, the login limit, malformed requests,
// and no personal data in URLs.
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/web_pages.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/web/auth.hpp"
#include "rw/adapters/web/server.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/dsl/source.hpp"
#include "test_support.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>
#include <thread>

using namespace rw;
namespace fs = std::filesystem;
namespace sq = rw::adapters::sqlite;
namespace web = rw::adapters::web;

namespace {

std::string const password = "correct horse battery";

std::shared_ptr<engine::program const> const& rulebook() {
    static auto const prog = [] {
        std::vector<std::string> files;
        for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "rules"))
            if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().generic_string());
        std::sort(files.begin(), files.end());
        std::vector<dsl::source_ptr> sources;
        for (auto const& p : files) sources.push_back(dsl::load_source(p));
        dsl::diagnostics diags;
        auto p = engine::bind_program(sources, diags);
        if (!p) throw std::runtime_error(dsl::render_all(diags));
        return p;
    }();
    return prog;
}

/// The exam's misconceptions, bound as `serve` binds them (overrides/examen/<id>.rw over the rules).
engine::examen::misconception_programs const& misconceptions() {
    static auto const alt = [] {
        engine::examen::misconception_programs out;
        std::vector<std::string> files;
        for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "rules"))
            if (e.is_regular_file() && e.path().extension() == ".rw") files.push_back(e.path().generic_string());
        std::sort(files.begin(), files.end());
        for (auto const& id : engine::examen::override_misconceptions()) {
            std::vector<dsl::source_ptr> sources, over;
            for (auto const& p : files) sources.push_back(dsl::load_source(p));
            over.push_back(dsl::load_source((test::source_dir() / "overrides/examen" / (id + ".rw")).string()));
            dsl::diagnostics diags;
            auto p = engine::bind_program(sources, diags, over);
            if (!p) throw std::runtime_error(dsl::render_all(diags));
            out[id] = p;
        }
        return out;
    }();
    return alt;
}

/// A store with the demo agency and the users anna (intercedent), carla (compliance), tom
/// (trainer) and ad (admin); one hash for all, to keep the fixture fast.
std::string make_store(test::temp_dir const& tmp) {
    auto path = tmp.file("web.db");
    dsl::diagnostics diags;
    auto d = adapters::yaml::read_dossier(dsl::load_source((test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").string()), diags);
    if (!d) throw std::runtime_error(dsl::render_all(diags));
    auto s = sq::store::open(path, sq::open_mode::create);
    s.import({*d});
    static std::string const hash = web::hash_password(password);
    for (auto [name, role] : {std::pair{"anna", "intercedent"}, {"carla", "compliance"}, {"tom", "trainer"}, {"ad", "admin"}})
        s.add_user({name, role, hash, web::utc_now(), false});
    return path;
}

class running_server {
public:
    explicit running_server(std::string db, std::chrono::seconds ttl = std::chrono::seconds(1800),
                            std::function<void(web::server_options&)> const& adjust = {}) {
        web::server_options o;
        o.db = std::move(db);
        o.port = 0;
        o.at = engine::parse_date("2026-11-16");
        o.session_ttl = ttl;
        o.threads = 1;
        o.misconceptions = misconceptions();
        if (adjust) adjust(o);
        srv_ = std::make_unique<web::server>(o, rulebook());
        port_ = srv_->bind();
        thread_ = std::thread([this] { srv_->run(); });
    }
    ~running_server() {
        srv_->stop();
        thread_.join();
    }
    int port() const { return port_; }

private:
    std::unique_ptr<web::server> srv_;
    int port_ = -1;
    std::thread thread_;
};

/// A browser: keeps the cookies it is given, follows nothing by itself.
class browser {
public:
    explicit browser(int port) : client_("127.0.0.1", port) { client_.set_follow_location(false); }

    httplib::Result get(std::string const& path) {
        auto r = client_.Get(path.c_str(), headers());
        keep(r);
        return r;
    }
    httplib::Result post(std::string const& path, httplib::Params const& form) {
        auto r = client_.Post(path.c_str(), headers(), form);
        keep(r);
        return r;
    }
    /// Logs in through the form; returns the POST's status.
    int login(std::string const& name, std::string const& pw) {
        auto form = get("/aanmelden");
        auto r = post("/aanmelden", {{"csrf", field(form->body, "csrf")}, {"name", name}, {"password", pw}});
        return r ? r->status : -1;
    }
    std::string cookie(std::string const& name) const {
        auto it = cookies_.find(name);
        return it == cookies_.end() ? std::string() : it->second;
    }
    void drop_cookie(std::string const& name) { cookies_.erase(name); }
    std::vector<std::string> const& set_cookie_lines() const { return set_cookie_; }

    static std::string field(std::string const& html, std::string const& name) {
        std::smatch m;
        std::regex re("name=" + name + " value=\"([^\"]*)\"");
        return std::regex_search(html, m, re) ? m[1].str() : std::string();
    }

private:
    httplib::Headers headers() const {
        std::string c;
        for (auto const& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
        return c.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", c}};
    }
    void keep(httplib::Result const& r) {
        if (!r) return;
        for (auto it = r->headers.lower_bound("Set-Cookie"); it != r->headers.upper_bound("Set-Cookie"); ++it) {
            set_cookie_.push_back(it->second);
            auto const& line = it->second;
            auto eq = line.find('='), semi = line.find(';');
            auto name = line.substr(0, eq), value = line.substr(eq + 1, semi - eq - 1);
            if (value.empty() || line.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
            else cookies_[name] = value;
        }
    }
    httplib::Client client_;
    std::map<std::string, std::string> cookies_;
    std::vector<std::string> set_cookie_;
};

std::string raw_request(int port, std::string const& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return {};
    }
    (void)!::write(fd, bytes.data(), bytes.size());
    // Read until the server closes or goes quiet for a second (it may keep the connection open;
    // a half-closed socket would make it drop the request unanswered).
    timeval quiet{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &quiet, sizeof quiet);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

class Web : public ::testing::Test {
protected:
    test::temp_dir tmp{"web"};
    std::string db = make_store(tmp);
};

}  // namespace

TEST_F(Web, LoginWithTheRightPasswordGivesAStrictHttpOnlySession) {
    running_server srv(db);
    browser b(srv.port());
    EXPECT_EQ(b.login("anna", password), 303);
    ASSERT_FALSE(b.cookie("rw_session").empty());
    bool strict = false;
    for (auto const& line : b.set_cookie_lines())
        if (line.starts_with("rw_session=")) strict = line.find("HttpOnly") != std::string::npos && line.find("SameSite=Strict") != std::string::npos;
    EXPECT_TRUE(strict);
    auto home = b.get("/");
    ASSERT_TRUE(home);
    EXPECT_EQ(home->status, 303);
    EXPECT_EQ(home->get_header_value("Location"), "/signalen");
    auto signals = b.get("/signalen");
    ASSERT_TRUE(signals);
    EXPECT_EQ(signals->status, 200);
    EXPECT_NE(signals->body.find("Signalen"), std::string::npos);
    EXPECT_NE(signals->body.find("Rami Haddad"), std::string::npos);  // the demo's overdue plan van aanpak
}

TEST_F(Web, WrongPasswordAndUnknownUserAreRefusedAlike) {
    running_server srv(db);
    browser b(srv.port());
    EXPECT_EQ(b.login("anna", "not the password"), 401);
    EXPECT_TRUE(b.cookie("rw_session").empty());
    EXPECT_EQ(b.login("nobody", password), 401);
    auto page = b.get("/signalen");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 303);
    EXPECT_EQ(page->get_header_value("Location"), "/aanmelden");
}

TEST_F(Web, EachRoleSeesItsPagesAndGets403Elsewhere) {
    running_server srv(db);
    struct expectation {
        char const* user;
        std::vector<std::string> allowed, forbidden;
    };
    std::vector<expectation> const table{
        {"anna", {"/signalen", "/acties", "/werkers"}, {"/beheer/gebruikers", "/beheer/inzage", "/audit", "/audit/rapport", "/examen"}},
        {"carla", {"/signalen", "/acties", "/werkers", "/audit", "/audit/rapport"}, {"/beheer/gebruikers", "/beheer/inzage", "/examen"}},
        {"tom", {"/examen"}, {"/signalen", "/acties", "/werkers", "/beheer/gebruikers", "/beheer/inzage", "/audit", "/audit/bevindingen.csv"}},
        {"ad", {"/beheer/gebruikers", "/beheer/inzage"}, {"/signalen", "/acties", "/werkers", "/audit", "/examen/toets"}},
    };
    for (auto const& e : table) {
        browser b(srv.port());
        ASSERT_EQ(b.login(e.user, password), 303) << e.user;
        for (auto const& p : e.allowed) {
            auto r = b.get(p);
            ASSERT_TRUE(r);
            EXPECT_EQ(r->status, 200) << e.user << " " << p;
        }
        for (auto const& p : e.forbidden) {
            auto r = b.get(p);
            ASSERT_TRUE(r);
            EXPECT_EQ(r->status, 403) << e.user << " " << p;
            EXPECT_NE(r->body.find("Geen toegang"), std::string::npos);
        }
    }
}

TEST_F(Web, WorkerCardsHaveOpaqueAddressesAndEveryViewIsLogged) {
    running_server srv(db);
    browser b(srv.port());
    ASSERT_EQ(b.login("anna", password), 303);
    auto found = b.post("/werkers", {{"csrf", browser::field(b.get("/werkers")->body, "csrf")}, {"q", "haddad"}});
    ASSERT_TRUE(found);
    ASSERT_EQ(found->status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(found->body, m, std::regex("href=\"(/werker/[0-9a-f]{24})\">Rami Haddad<")));
    auto card = b.get(m[1].str());
    ASSERT_TRUE(card);
    EXPECT_EQ(card->status, 200);
    EXPECT_NE(card->body.find("Fase"), std::string::npos);
    EXPECT_NE(card->body.find("Plan van aanpak"), std::string::npos);
    // No href anywhere holds a worker's number or name.
    for (auto const& body : {found->body, card->body}) EXPECT_EQ(body.find("href=\"/werker/W"), std::string::npos);
    // Another session cannot use this session's address.
    browser other(srv.port());
    ASSERT_EQ(other.login("carla", password), 303);
    auto stolen = other.get(m[1].str());
    ASSERT_TRUE(stolen);
    EXPECT_EQ(stolen->status, 404);
    auto log = sq::store::open(db, sq::open_mode::read_only).access_log(10, std::string("W1022"));
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].user, "anna");
    EXPECT_EQ(log[0].action, "werker.bekeken");
}

TEST_F(Web, PostsWithoutTheSessionsCsrfTokenAreRefused) {
    running_server srv(db);
    browser b(srv.port());
    ASSERT_EQ(b.login("anna", password), 303);
    for (std::string token : {std::string(), std::string("0000"), std::string(64, 'a')}) {
        auto r = b.post("/werkers", {{"csrf", token}, {"q", "a"}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 403) << token;
    }
    auto logout = b.post("/afmelden", {});
    ASSERT_TRUE(logout);
    EXPECT_EQ(logout->status, 403);
    // A login form posted without the login page's cookie (another site's form) is refused too.
    browser stranger(srv.port());
    auto r = stranger.post("/aanmelden", {{"csrf", std::string(64, 'b')}, {"name", "anna"}, {"password", password}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
}

TEST_F(Web, AnIdleSessionExpires) {
    running_server srv(db, std::chrono::seconds(1));
    browser b(srv.port());
    ASSERT_EQ(b.login("anna", password), 303);
    EXPECT_EQ(b.get("/signalen")->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    auto r = b.get("/signalen");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/aanmelden");
}

TEST_F(Web, LoginIsRefusedAfterFiveFailures) {
    running_server srv(db);
    browser b(srv.port());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(b.login("anna", "wrong password " + std::to_string(i)), 401);
    EXPECT_EQ(b.login("anna", password), 429);  // even the right password, for now
}

TEST_F(Web, MalformedRequestsGetA4xxAndTheServerStaysUp) {
    running_server srv(db);
    auto garbage = raw_request(srv.port(), "NOT HTTP AT ALL\r\n\r\n");
    EXPECT_TRUE(garbage.starts_with("HTTP/1.1 400")) << "[" << garbage.substr(0, 300) << "]";
    auto huge = raw_request(srv.port(), "POST /aanmelden HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                        "Content-Length: 200000\r\n\r\n" + std::string(200000, 'a'));
    EXPECT_TRUE(huge.starts_with("HTTP/1.1 413")) << "[" << huge.substr(0, 300) << "]";
    browser b(srv.port());
    auto unknown = b.get("/bestaat/niet");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("Niet gevonden"), std::string::npos);
    ASSERT_EQ(b.login("anna", password), 303);
    auto no_card = b.get("/werker/" + std::string(24, '0'));
    ASSERT_TRUE(no_card);
    EXPECT_EQ(no_card->status, 404);
    auto still = b.get("/signalen");
    ASSERT_TRUE(still);
    EXPECT_EQ(still->status, 200);
}

TEST_F(Web, TheAdminAddsAUserWhoCanLogIn) {
    running_server srv(db);
    browser admin(srv.port());
    ASSERT_EQ(admin.login("ad", password), 303);
    auto csrf = browser::field(admin.get("/beheer/gebruikers")->body, "csrf");
    auto short_pw = admin.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "bert"}, {"role", "intercedent"}, {"password", "short"}});
    ASSERT_TRUE(short_pw);
    EXPECT_EQ(short_pw->status, 400);
    auto added = admin.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "bert"}, {"role", "compliance"}, {"password", password + "!"}});
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 200);
    browser bert(srv.port());
    EXPECT_EQ(bert.login("bert", password + "!"), 303);
    EXPECT_EQ(bert.get("/signalen")->status, 200);
    auto dup = admin.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "bert"}, {"role", "admin"}, {"password", password}});
    ASSERT_TRUE(dup);
    EXPECT_EQ(dup->status, 400);
    EXPECT_EQ(sq::store::open(db, sq::open_mode::read_only).find_user("bert")->role, "compliance");
}

TEST_F(Web, TheLanguageSwitchesToEnglish) {
    running_server srv(db);
    browser b(srv.port());
    ASSERT_EQ(b.login("anna", password), 303);
    auto sw = b.get("/taal?naar=en&terug=/signalen");
    ASSERT_TRUE(sw);
    EXPECT_EQ(sw->status, 303);
    EXPECT_EQ(sw->get_header_value("Location"), "/signalen");
    auto page = b.get("/signalen");
    EXPECT_NE(page->body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(page->body.find("Signals"), std::string::npos);
    // Never a redirect to another site.
    EXPECT_EQ(b.get("/taal?naar=nl&terug=//evil.example/")->get_header_value("Location"), "/");
}

TEST_F(Web, TheComplianceOfficerDownloadsTheAuditAsCsvJsonAndExcel) {
    running_server srv(db);
    browser b(srv.port());
    ASSERT_EQ(b.login("carla", password), 303);
    auto report = b.get("/audit/rapport?datum=2026-11-16");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->status, 200);
    EXPECT_NE(report->body.find("Nalevingscontrole: Flexwerk Zuid BV"), std::string::npos);
    auto csv = b.get("/audit/bevindingen.csv?datum=2026-11-16");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"audit-2026-11-16.csv\"");
    EXPECT_NE(csv->body.find("W1022;"), std::string::npos);
    auto json = b.get("/audit/bevindingen.jsonl?datum=2026-11-16");
    ASSERT_TRUE(json);
    EXPECT_NE(json->body.find("\"rule\""), std::string::npos);
    auto xlsx = b.get("/audit/bevindingen.xlsx?datum=2026-11-16");
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(xlsx->status, 200);
    EXPECT_TRUE(xlsx->body.starts_with("PK"));  // a zip container, as every .xlsx
    EXPECT_GT(xlsx->body.size(), 4000u);
    auto bad = b.get("/audit/rapport?datum=gisteren");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    // Every run is in the access log.
    int runs = 0;
    for (auto const& e : sq::store::open(db, sq::open_mode::read_only).access_log(50))
        if (e.user == "carla" && e.action.starts_with("audit.")) ++runs;
    EXPECT_EQ(runs, 4);
}

TEST_F(Web, TheIntercedentRecordsAGuidanceTaskAndTheComplianceOfficerCannot) {
    running_server srv(db);
    auto open_guidance = [&](browser& b) {
        auto found = b.post("/werkers", {{"csrf", browser::field(b.get("/werkers")->body, "csrf")}, {"q", "W1025"}});
        std::smatch m;
        EXPECT_TRUE(std::regex_search(found->body, m, std::regex("href=\"(/werker/[0-9a-f]{24})\">Olena Kovalenko<")));
        return m[1].str() + "/begeleiding";
    };
    auto tasks_of = [&] { return sq::store::open(db, sq::open_mode::read_only).load_worker("W1025")->tasks_done.size(); };
    auto const before = tasks_of();
    browser carla(srv.port());
    ASSERT_EQ(carla.login("carla", password), 303);
    auto path = open_guidance(carla);
    auto view = carla.get(path);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->status, 200);
    EXPECT_NE(view->body.find("Derde evaluatie"), std::string::npos);
    EXPECT_EQ(view->body.find("name=task"), std::string::npos);  // read-only: no form
    auto refused = carla.post(path, {{"csrf", browser::field(carla.get("/werkers")->body, "csrf")}, {"task", "begeleiding.evaluatie_3"},
                                     {"on", "2026-11-16"}, {"by", "carla"}, {"how", "telefoon"}});
    EXPECT_EQ(refused->status, 403);

    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    path = open_guidance(anna);
    auto form = anna.get(path);
    ASSERT_NE(form->body.find("name=task"), std::string::npos);
    auto csrf = browser::field(form->body, "csrf");
    auto wrong = anna.post(path, {{"csrf", csrf}, {"task", "begeleiding.evalutie_3"}, {"on", "2026-11-16"}, {"by", "anna"}, {"how", "telefoon"}});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 400);
    EXPECT_NE(wrong->body.find("Bedoel je 'begeleiding.evaluatie_3'"), std::string::npos) << wrong->body.substr(0, 3000);
    EXPECT_EQ(tasks_of(), before);
    auto done = anna.post(path, {{"csrf", csrf}, {"task", "begeleiding.evaluatie_3"}, {"placement", "W1025-P1"}, {"on", "2026-11-16"},
                                 {"by", "anna"}, {"how", "telefoon"}, {"note", "alsnog"}});
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, 303);
    EXPECT_EQ(tasks_of(), before + 1);
    auto after = anna.get(done->get_header_value("Location"));
    EXPECT_NE(after->body.find("Vastgelegd."), std::string::npos);
    EXPECT_NE(after->body.find("“alsnog”"), std::string::npos);
}

TEST_F(Web, TheTrainerGeneratesAnExamFromSyntheticDossiersOnly) {
    running_server srv(db);
    browser tom(srv.port());
    ASSERT_EQ(tom.login("tom", password), 303);
    EXPECT_EQ(tom.get("/")->get_header_value("Location"), "/examen");
    auto exam = tom.get("/examen/toets?datum=2026-12-02&seed=15&aantal=6");
    ASSERT_TRUE(exam);
    EXPECT_EQ(exam->status, 200);
    auto again = tom.get("/examen/toets?datum=2026-12-02&seed=15&aantal=6");
    EXPECT_EQ(exam->body, again->body);  // the same seed, the same exam
    auto key = tom.get("/examen/antwoorden?datum=2026-12-02&seed=15&aantal=6");
    EXPECT_EQ(key->status, 200);
    EXPECT_NE(key->body, exam->body);
    // Not a single name of the store's workers appears.
    for (auto const* name : {"Rami Haddad", "Olena Kovalenko", "W1022"}) EXPECT_EQ(exam->body.find(name), std::string::npos) << name;
    EXPECT_EQ(tom.get("/examen/toets?seed=abc")->status, 400);
    EXPECT_EQ(tom.get("/examen/toets?aantal=5000")->status, 400);
    EXPECT_EQ(tom.get("/examen/toets?onderwerp=astrologie")->status, 400);
}

// Matching (issues 12 and 16): the intercedent runs a match, proposes an eligible candidate with a
// reason and cannot propose one the rules block; the compliance officer reads without a form and
// cannot decide; every run and every decision lands in the matching log.
TEST_F(Web, TheIntercedentRunsAMatchAndProposesAnEligibleCandidate) {
    running_server srv(db);
    auto log_of = [&] { return sq::store::open(db, sq::open_mode::read_only).match_log(std::string("V101"), std::nullopt); };
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    auto list = anna.get("/matching");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("href=\"/matching/V101\""), std::string::npos);
    auto page = anna.get("/matching/V101");
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200) << page->body.substr(0, 2000);
    auto const& html = page->body;
    auto blocked_at = html.find("id=geblokkeerd");
    ASSERT_NE(blocked_at, std::string::npos);
    // W1035 (17) is blocked by the Atw's night-work rule for the young, W1033 is eligible.
    EXPECT_GT(html.find("W1035"), blocked_at);
    EXPECT_LT(html.find("W1033"), blocked_at);
    EXPECT_EQ(html.find("href=\"/werker/W"), std::string::npos);  // opaque handles only
    std::smatch first;
    ASSERT_TRUE(std::regex_search(html, first, std::regex("name=kandidaat value=\"([0-9a-f]{24})\"")));
    auto const eligible_handle = first[1].str();
    std::string const after_blocked = html.substr(blocked_at);
    std::smatch blocked;
    ASSERT_TRUE(std::regex_search(after_blocked, blocked, std::regex("name=kandidaat value=\"([0-9a-f]{24})\"")));
    EXPECT_EQ(after_blocked.find("value=voorstellen"), std::string::npos);  // no proposing a blocked candidate
    auto runs = log_of().size();
    EXPECT_GE(runs, 1u);
    auto csrf = browser::field(html, "csrf");

    auto refused = anna.post("/matching/V101", {{"csrf", csrf}, {"kandidaat", blocked[1].str()}, {"besluit", "voorstellen"}, {"reden", "toch"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    EXPECT_NE(refused->body.find("kan niet worden voorgesteld"), std::string::npos);
    auto no_reason = anna.post("/matching/V101", {{"csrf", csrf}, {"kandidaat", eligible_handle}, {"besluit", "voorstellen"}, {"reden", "  "}});
    EXPECT_EQ(no_reason->status, 400);
    auto before = log_of().size();
    auto done = anna.post("/matching/V101", {{"csrf", csrf}, {"kandidaat", eligible_handle}, {"besluit", "voorstellen"}, {"reden", "VCA geldig, dichtbij"}});
    ASSERT_TRUE(done);
    ASSERT_EQ(done->status, 303);
    auto log = log_of();
    ASSERT_EQ(log.size(), before + 1);
    EXPECT_EQ(log.back().entry, "decision");
    EXPECT_EQ(log.back().by, "anna");
    EXPECT_EQ(log.back().decision.value_or(""), "voorstellen");
    EXPECT_EQ(log.back().reason.value_or(""), "VCA geldig, dichtbij");
    auto shown = anna.get(done->get_header_value("Location"));
    EXPECT_NE(shown->body.find("Besluit vastgelegd"), std::string::npos);
    EXPECT_NE(shown->body.find("voorgesteld"), std::string::npos);

    browser carla(srv.port());
    ASSERT_EQ(carla.login("carla", password), 303);
    auto read_only = carla.get("/matching/V101");
    EXPECT_EQ(read_only->status, 200);
    EXPECT_EQ(read_only->body.find("name=kandidaat"), std::string::npos);
    auto forbidden = carla.post("/matching/V101", {{"csrf", browser::field(read_only->body, "csrf")}, {"kandidaat", eligible_handle},
                                                   {"besluit", "afwijzen"}, {"reden", "nee"}});
    EXPECT_EQ(forbidden->status, 403);
    EXPECT_EQ(carla.get("/matching/V999")->status, 404);
    browser tom(srv.port());
    ASSERT_EQ(tom.login("tom", password), 303);
    EXPECT_EQ(tom.get("/matching/V101")->status, 403);
}

// The tariff calculator (issues 14 and 16): a placement's quote as the printable document `tarief
// --format html` writes; a request without a wage gets the form back with the reason; a quote below
// cost is refused in the document; a trainer has no access.
TEST_F(Web, TheIntercedentComputesATariffForAPlacement) {
    running_server srv(db);
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    auto form = anna.get("/tarief");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("name=loon"), std::string::npos);
    auto csrf = browser::field(form->body, "csrf");
    auto quote = anna.post("/tarief", {{"csrf", csrf}, {"datum", "2026-12-02"}, {"plaatsing", "W1001-P1"}, {"marge", "20%"}});
    ASSERT_TRUE(quote);
    ASSERT_EQ(quote->status, 200) << quote->body.substr(0, 3000);
    EXPECT_NE(quote->body.find("Tariefberekening"), std::string::npos);
    EXPECT_NE(quote->body.find("Kostprijs per gewerkt uur"), std::string::npos);
    EXPECT_EQ(quote->body.find("OFFERTE GEWEIGERD"), std::string::npos);
    auto below = anna.post("/tarief", {{"csrf", csrf}, {"datum", "2026-12-02"}, {"loon", "15,00"}, {"factor", "1,05"}});
    ASSERT_TRUE(below);
    EXPECT_NE(below->body.find("OFFERTE GEWEIGERD"), std::string::npos);
    auto no_wage = anna.post("/tarief", {{"csrf", csrf}, {"datum", "2026-12-02"}, {"marge", "20%"}});
    ASSERT_TRUE(no_wage);
    EXPECT_EQ(no_wage->status, 400);
    EXPECT_NE(no_wage->body.find("role=alert"), std::string::npos);
    EXPECT_EQ(anna.post("/tarief", {{"csrf", "x"}, {"loon", "15"}})->status, 403);
    browser tom(srv.port());
    ASSERT_EQ(tom.login("tom", password), 303);
    EXPECT_EQ(tom.get("/tarief")->status, 403);
}

// The worker card carries the texts for the worker (issue 13) in the worker's language, marked
// with it (lang="pl": a screen reader reads Polish as Polish).
TEST_F(Web, TheWorkerCardShowsTheTextsForTheWorkerInTheirLanguage) {
    running_server srv(db);
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    auto found = anna.post("/werkers", {{"csrf", browser::field(anna.get("/werkers")->body, "csrf")}, {"q", "W1004"}});
    std::smatch m;
    ASSERT_TRUE(std::regex_search(found->body, m, std::regex("href=\"(/werker/[0-9a-f]{24})\">Tomasz")));
    auto card = anna.get(m[1].str());
    ASSERT_TRUE(card);
    EXPECT_EQ(card->status, 200);
    EXPECT_NE(card->body.find("Teksten voor de uitzendkracht"), std::string::npos);
    EXPECT_NE(card->body.find("Taal van de teksten: pl"), std::string::npos);
    EXPECT_NE(card->body.find("<p lang=\"pl\">"), std::string::npos);
}

// The admin disables a user: their session ends at once and they cannot log in; enabled again, they
// can. An admin cannot disable themselves (no lock-out); the access log keeps both changes.
TEST_F(Web, TheAdminDisablesAndEnablesAUser) {
    running_server srv(db);
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    EXPECT_EQ(anna.get("/signalen")->status, 200);
    browser ad(srv.port());
    ASSERT_EQ(ad.login("ad", password), 303);
    auto page = ad.get("/beheer/gebruikers");
    auto csrf = browser::field(page->body, "csrf");
    auto off = ad.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "anna"}, {"actie", "uitschakelen"}});
    ASSERT_TRUE(off);
    EXPECT_EQ(off->status, 200);
    EXPECT_NE(off->body.find("Gebruiker uitgeschakeld: anna"), std::string::npos);
    EXPECT_TRUE(sq::store::open(db, sq::open_mode::read_only).find_user("anna")->disabled);
    EXPECT_EQ(anna.get("/signalen")->status, 303);  // the session is gone: back to the login page
    browser again(srv.port());
    EXPECT_EQ(again.login("anna", password), 401);
    auto self = ad.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "ad"}, {"actie", "uitschakelen"}});
    EXPECT_EQ(self->status, 400);
    EXPECT_FALSE(sq::store::open(db, sq::open_mode::read_only).find_user("ad")->disabled);
    EXPECT_EQ(ad.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "nobody"}, {"actie", "uitschakelen"}})->status, 404);
    auto on = ad.post("/beheer/gebruikers", {{"csrf", csrf}, {"name", "anna"}, {"actie", "inschakelen"}});
    EXPECT_EQ(on->status, 200);
    browser back(srv.port());
    EXPECT_EQ(back.login("anna", password), 303);
    bool logged = false;
    for (auto const& e : sq::store::open(db, sq::open_mode::read_only).access_log(50)) logged = logged || e.action == "gebruiker.uitgeschakeld:anna";
    EXPECT_TRUE(logged);
}

// The server keeps its store connections and the agency's clients between requests (issue 16's
// benchmark); an import by another process while it runs is seen on the next request.
TEST_F(Web, AnImportByAnotherProcessIsSeenOnTheNextRequest) {
    running_server srv(db);
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    auto before = anna.get("/matching");
    ASSERT_TRUE(before);
    ASSERT_EQ(before->status, 200);
    EXPECT_NE(before->body.find("Distributiecentrum Tilburg-Noord BV"), std::string::npos);
    EXPECT_EQ(anna.get("/matching")->body, before->body);  // nothing changed: the same page
    {
        dsl::diagnostics diags;
        auto d = adapters::yaml::read_dossier(dsl::load_source((test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").string()), diags);
        ASSERT_TRUE(d);
        auto k = std::find_if(d->clients.begin(), d->clients.end(), [](auto const& c) { return c.id == "K1"; });
        ASSERT_NE(k, d->clients.end());
        k->name = "Distributiecentrum Hernoemd BV";
        sq::store::open(db, sq::open_mode::read_write).import({*d});
    }
    auto after = anna.get("/matching");
    ASSERT_TRUE(after);
    EXPECT_NE(after->body.find("Distributiecentrum Hernoemd BV"), std::string::npos);
    EXPECT_EQ(after->body.find("Distributiecentrum Tilburg-Noord BV"), std::string::npos);
}

// Behind TLS (serve --secure-cookies) every cookie is marked Secure; by default none is (a plain
// http server on localhost could not set them otherwise).
TEST_F(Web, SecureCookiesAreMarkedSecureOnlyWhenAsked) {
    for (bool secure : {false, true}) {
        running_server srv(db, std::chrono::seconds(1800), [&](web::server_options& o) { o.secure_cookies = secure; });
        browser b(srv.port());
        b.get("/taal?naar=en");  // before logging in: a cookie
        ASSERT_EQ(b.login("anna", password), 303);
        ASSERT_GE(b.set_cookie_lines().size(), 4u);  // language, login form, session, login form cleared
        for (auto const& line : b.set_cookie_lines()) {
            EXPECT_NE(line.find("HttpOnly; SameSite=Strict"), std::string::npos) << line;
            EXPECT_EQ(line.find("; Secure") != std::string::npos, secure) << line;
        }
    }
}

// The card page reads the worker once and evaluates once for the card and the texts under it:
// the same card and the same texts as the two use cases give apart, for every demo worker, with
// and without explanations, in Dutch and English.
TEST_F(Web, TheCardWithTextsIsTheCardAndTheTextsApart) {
    namespace app = rw::adapters::app;
    namespace pr = rw::adapters::presentation;
    auto st = sq::store::open(db, sq::open_mode::read_only);
    auto ref = app::load_reference_data(st);
    ASSERT_TRUE(ref);
    auto at = *engine::parse_date("2026-11-16");
    std::size_t with_texts = 0;
    for (auto const& w : st.list_workers())
        for (auto lang : {pr::language::nl, pr::language::en})
            for (bool explain : {false, true}) {
                auto both = app::worker_card_and_texts(st, rulebook(), *ref, w.id, at, lang, explain);
                auto card = app::worker_card(st, rulebook(), *ref, w.id, at, lang, explain);
                auto texts = app::texts(st, rulebook(), *ref, w.id, at, lang, pr::text_audience::worker);
                ASSERT_TRUE(both && card && texts) << w.id;
                EXPECT_EQ(pr::web::worker_card_body(both->card), pr::web::worker_card_body(*card)) << w.id;
                EXPECT_EQ(pr::web::texts_section(both->texts), pr::web::texts_section(*texts)) << w.id;
                with_texts += !texts->texts.empty();
            }
    EXPECT_GT(with_texts, 0u);
    EXPECT_FALSE(app::worker_card_and_texts(st, rulebook(), *ref, "W-NIEMAND", at, pr::language::nl, false));
}

// The action list as a file (issue 16): CSV for Excel (semicolons, a BOM) and JSON, the whole
// list, logged; the compliance officer may download it too, the trainer may not.
TEST_F(Web, TheActionListDownloadsAsCsvAndJson) {
    running_server srv(db);
    browser anna(srv.port());
    ASSERT_EQ(anna.login("anna", password), 303);
    auto page = anna.get("/acties");
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("href=\"/acties/acties.csv\""), std::string::npos);
    auto csv = anna.get("/acties/acties.csv");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"acties-2026-11-16.csv\"");
    EXPECT_TRUE(csv->body.starts_with("\xEF\xBB\xBFstatus;due;worker;name;rule;")) << csv->body.substr(0, 200);
    EXPECT_NE(csv->body.find("Rami Haddad"), std::string::npos);
    auto json = anna.get("/acties/acties.json");
    ASSERT_TRUE(json);
    ASSERT_EQ(json->status, 200);
    EXPECT_EQ(json->get_header_value("Content-Type"), "application/json");
    EXPECT_TRUE(json->body.starts_with("[")) << json->body.substr(0, 200);
    EXPECT_NE(json->body.find("\"name\": \"Rami Haddad\""), std::string::npos);
    // As many rows as the page lists.
    auto rows = static_cast<std::size_t>(std::count(csv->body.begin(), csv->body.end(), '\n')) - 1;
    std::smatch shown;
    ASSERT_TRUE(std::regex_search(page->body, shown, std::regex("([0-9]+) (getoond|shown)")));
    EXPECT_EQ(rows, std::stoul(shown[1].str()));
    auto log = sq::store::open(db, sq::open_mode::read_only).access_log(50);
    EXPECT_TRUE(std::any_of(log.begin(), log.end(), [](auto const& e) { return e.user == "anna" && e.action == "acties.csv"; }));
    EXPECT_TRUE(std::any_of(log.begin(), log.end(), [](auto const& e) { return e.user == "anna" && e.action == "acties.json"; }));
    browser carla(srv.port());
    ASSERT_EQ(carla.login("carla", password), 303);
    EXPECT_EQ(carla.get("/acties/acties.csv")->status, 200);
    browser tom(srv.port());
    ASSERT_EQ(tom.login("tom", password), 303);
    EXPECT_EQ(tom.get("/acties/acties.csv")->status, 403);
    EXPECT_EQ(tom.get("/acties/acties.json")->status, 403);
}
