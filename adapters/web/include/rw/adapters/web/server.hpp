// `regelwerk serve`: the web application on one store (issue 16). HTTP with cpp-httplib, pages from
// the presentation layer, users and the access log in the store, sessions in memory.
#pragma once

#include "rw/engine/engine.hpp"
#include "rw/engine/examen.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rw::adapters::web {

struct server_options {
    std::string db;                                   // the store (must exist; migrated on start)
    std::string host = "127.0.0.1";
    int port = 8080;                                  // 0: any free port (tests)
    std::chrono::seconds session_ttl{30 * 60};        // idle time after which a session ends
    std::optional<engine::day> at;                    // a fixed reference date (demo, tests); else today
    unsigned threads = 0;                             // evaluation threads for lists (0: every core)
    int max_login_failures = 5;                       // per user name and per address ...
    std::chrono::seconds login_window{15 * 60};       // ... within this window
    engine::examen::misconception_programs misconceptions;  // the exam generator's (issue 15)
    std::string version = "dev";                       // regelwerk's version, for report colophons
    std::function<void(std::string const&)> log;      // operator log (method, path, status, ms): no personal data
    /// Connections served at once. cpp-httplib serves each on a thread of its own, and a browser
    /// keeps its connection open (up to 5 s) between requests, so an office needs more than the
    /// library's default of 8: with 8, the ninth user waits for someone else's idle connection.
    unsigned connections = 64;
    /// Behind TLS (a reverse proxy with https): cookies get the Secure attribute, so a browser
    /// never sends the session over plain http.
    bool secure_cookies = false;
};

class server {
public:
    /// Opens the store (read-write, migrated) to check it; throws sqlite::store_error.
    server(server_options opts, std::shared_ptr<engine::program const> prog);
    ~server();
    server(server const&) = delete;
    server& operator=(server const&) = delete;

    /// Binds the address; returns the port (the chosen one for port 0), or -1 when it cannot bind.
    int bind();
    /// Serves until stop(); false when the server could not listen.
    bool run();
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> p_;
};

}  // namespace rw::adapters::web
