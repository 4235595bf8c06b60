// serve and user: the web application on a store, and its users (issue 16). The server itself is
// adapters/web; this file parses options, reads a password from stdin and handles Ctrl-C.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/web/auth.hpp"
#include "rw/adapters/web/server.hpp"
#include "safe_output.hpp"

#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <thread>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace web = rw::adapters::web;

namespace {

/// One line from stdin; without echo when stdin is a terminal.
std::optional<std::string> read_password() {
    bool tty = isatty(0) != 0;
    termios old{};
    if (tty) {
        std::cerr << "Wachtwoord / password: " << std::flush;
        tcgetattr(0, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(0, TCSANOW, &quiet);
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        tcsetattr(0, TCSANOW, &old);
        std::cerr << "\n";
    }
    if (!got) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int run_user_add(std::string const& db, std::string const& name, std::string const& role) {
    if (name.empty() || name.size() > 64) {
        std::cerr << "regelwerk: a user name has 1 to 64 characters\n";
        return bad_input;
    }
    auto password = read_password();
    if (!password) {
        std::cerr << "regelwerk: no password on stdin\n";
        return bad_input;
    }
    if (password->size() < web::min_password_length) {
        std::cerr << "regelwerk: the password is too short (at least " << web::min_password_length << " characters)\n";
        return bad_input;
    }
    try {
        auto s = sq::store::open(db, sq::open_mode::read_write);
        s.add_user({name, role, web::hash_password(*password), web::utc_now(), false});
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    std::cout << "user " << terminal_safe(name) << " (" << role << ") added to " << db << "\n";
    return ok;
}

int run_user_list(std::string const& db) {
    try {
        auto s = sq::store::open(db, sq::open_mode::read_only);
        for (auto const& u : s.list_users())
            std::cout << terminal_safe(u.name) << "\t" << u.role << "\t" << u.created_at << (u.disabled ? "\tdisabled" : "") << "\n";
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    return ok;
}

int run_user_disable(std::string const& db, std::string const& name, bool disable) {
    try {
        auto s = sq::store::open(db, sq::open_mode::read_write);
        if (!s.set_user_disabled(name, disable)) {
            std::cerr << "regelwerk: no user '" << terminal_safe(name) << "' in " << db << "\n";
            return bad_input;
        }
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    std::cout << "user " << terminal_safe(name) << (disable ? " disabled" : " enabled") << "\n";
    return ok;
}

int run_serve(std::string const& db, std::string const& listen, std::string const& at, std::string const& rules, int session_minutes,
              unsigned connections, bool secure_cookies) {
    web::server_options o;
    o.db = db;
    o.connections = connections;
    o.secure_cookies = secure_cookies;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        std::cerr << "regelwerk: --listen wants HOST:PORT, e.g. 127.0.0.1:8080\n";
        return bad_input;
    }
    o.host = listen.substr(0, colon);
    try {
        o.port = std::stoi(listen.substr(colon + 1));
    } catch (std::exception const&) {
        o.port = -1;
    }
    if (o.port < 0 || o.port > 65535) {
        std::cerr << "regelwerk: '" << listen.substr(colon + 1) << "' is not a port\n";
        return bad_input;
    }
    if (!at.empty()) o.at = parse_at(at);
    o.session_ttl = std::chrono::minutes(session_minutes);
    o.log = [](std::string const& line) { spdlog::info("serve: {}", line); };
    o.version = RW_VERSION;
    auto prog = load_rules(rules);
    if (!prog) return bad_input;
    auto misconceptions = load_misconceptions(rules, RW_DEFAULT_EXAMEN_DIR);
    if (!misconceptions) return bad_input;
    o.misconceptions = std::move(*misconceptions);
    // Ctrl-C and SIGTERM stop the server cleanly: the signals are waited for on a thread of our
    // own (a signal handler may not call into the server).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::optional<web::server> srv;
    try {
        srv.emplace(o, prog);
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    int port = srv->bind();
    if (port < 0) {
        std::cerr << "regelwerk: cannot listen on " << listen << " (in use, or not an address of this machine)\n";
        return bad_input;
    }
    std::cout << "regelwerk serve: http://" << o.host << ":" << port << "/  (store " << db << "; Ctrl-C stops)" << std::endl;
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        srv->stop();
    });
    bool served = srv->run();
    // Wake the waiter when the server stopped by itself.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return served ? ok : bad_input;
}

}  // namespace

void register_web_commands(CLI::App& app, int& result) {
    struct opts {
        std::string db, listen = "127.0.0.1:8080", at, rules = default_rules_dir(), name, role;
        int session_minutes = 30;
        unsigned connections = web::server_options{}.connections;
        bool secure_cookies = false;
    };
    auto o = std::make_shared<opts>();
    auto* s = app.add_subcommand("serve", "The web application on a store (logins and roles: see `user add`)");
    s->add_option("--db", o->db, "SQLite store")->required();
    s->add_option("--listen", o->listen, "HOST:PORT (port 0: any free port)")->capture_default_str();
    s->add_option("--at", o->at, "A fixed reference date (YYYY-MM-DD) for every page; default today")->check(non_empty_date);
    s->add_option("--session-minutes", o->session_minutes, "Idle minutes after which a session ends")->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    s->add_option("--connections", o->connections, "Connections served at once (a thread each; a browser keeps one open between requests)")
        ->check(CLI::Range(1u, 1024u))
        ->capture_default_str();
    s->add_flag("--secure-cookies", o->secure_cookies,
                "Mark the cookies Secure: for a server behind TLS (a reverse proxy with https); the browser then never sends "
                "them over plain http");
    add_rules_options(s, o->rules);
    s->callback([&result, o] {
        result = run_serve(o->db, o->listen, o->at, o->rules, o->session_minutes, o->connections, o->secure_cookies);
    });

    auto* u = app.add_subcommand("user", "Users of the web application");
    u->require_subcommand(1);
    auto* add = u->add_subcommand("add", "Add a user; the password is read from stdin (at least 12 characters)");
    add->add_option("--db", o->db, "SQLite store")->required();
    add->add_option("--name", o->name, "User name")->required();
    add->add_option("--role", o->role, "intercedent | compliance | trainer | admin")
        ->required()
        ->check(CLI::IsMember({"intercedent", "compliance", "trainer", "admin"}));
    add->callback([&result, o] { result = run_user_add(o->db, o->name, o->role); });
    auto* list = u->add_subcommand("list", "List the users (name, role, since)");
    list->add_option("--db", o->db, "SQLite store")->required();
    list->callback([&result, o] { result = run_user_list(o->db); });
    // A user is never deleted (the access log names them): disabled, they cannot log in. A running
    // server ends their sessions at once when the admin disables them on the users page; disabled
    // here, they are refused at their next login.
    for (bool disable : {true, false}) {
        auto* sub = u->add_subcommand(disable ? "disable" : "enable", disable ? "Disable a user (no more logins)" : "Enable a disabled user");
        sub->add_option("--db", o->db, "SQLite store")->required();
        sub->add_option("--name", o->name, "User name")->required();
        sub->callback([&result, o, disable] { result = run_user_disable(o->db, o->name, disable); });
    }
}

}  // namespace rw::cli
