// bench/web: the web application under load (issue 16). `regelwerk serve` in process on a free
// loopback port over a store (the 100k synthetic store), SESSIONS concurrent sessions, each logs in,
// finds one worker by number (POST search) and then opens that worker's card REQUESTS times.
// Prints p50/p95/p99 latency of the card requests and requests per second. Adds a user "bench"
// to the store when it has none (the only write).
//   bench_web STORE.db RULES_DIR [SESSIONS=100] [REQUESTS=20] [REFERENCE_DATE=2026-11-25]
#include "bench_rules.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/web/auth.hpp"
#include "rw/adapters/web/server.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_web STORE.db RULES_DIR [SESSIONS] [REQUESTS] [REFERENCE_DATE]\n");
        return 2;
    }
    using namespace rw;
    namespace sq = adapters::sqlite;
    namespace web = adapters::web;
    int const sessions = argc > 3 ? std::atoi(argv[3]) : 100;
    int const requests = argc > 4 ? std::atoi(argv[4]) : 20;
    std::string const password = "bench password 1234";
    auto prog = bench::load_rules(argv[2]);
    if (!prog) return 1;
    std::vector<std::string> ids;
    {
        auto st = sq::store::open(argv[1], sq::open_mode::read_write);
        if (!st.find_user("bench")) st.add_user({"bench", "intercedent", web::hash_password(password), web::utc_now(), false});
        for (auto const& w : st.find_workers("W", static_cast<std::size_t>(sessions) * 37)) ids.push_back(w.id);
    }
    if (ids.empty()) {
        std::fprintf(stderr, "the store has no workers\n");
        return 1;
    }
    web::server_options o;
    o.db = argv[1];
    o.port = 0;
    o.at = engine::parse_date(argc > 5 ? argv[5] : "2026-11-25");
    o.max_login_failures = 1000000;
    web::server srv(o, prog);
    int port = srv.bind();
    std::thread serving([&] { srv.run(); });

    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(sessions));
    std::atomic<int> failures{0};
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    for (int i = 0; i < sessions; ++i)
        clients.emplace_back([&, i] {
            httplib::Client c("127.0.0.1", port);
            c.set_follow_location(false);
            c.set_read_timeout(60, 0);
            auto form = c.Get("/aanmelden");
            if (!form) return void(++failures);
            std::smatch m;
            std::string cookie = form->get_header_value("Set-Cookie");
            cookie = cookie.substr(0, cookie.find(';'));
            std::regex_search(form->body, m, std::regex("name=csrf value=\"([^\"]*)\""));
            auto in = c.Post("/aanmelden", {{"Cookie", cookie}}, httplib::Params{{"csrf", m[1].str()}, {"name", "bench"}, {"password", password}});
            if (!in || in->status != 303) return void(++failures);
            std::string session = in->get_header_value("Set-Cookie");
            session = session.substr(0, session.find(';'));
            httplib::Headers h{{"Cookie", session}};
            auto search_page = c.Get("/werkers", h);
            std::regex_search(search_page->body, m, std::regex("name=csrf value=\"([^\"]*)\""));
            auto& id = ids[static_cast<std::size_t>(i * 37) % ids.size()];
            auto found = c.Post("/werkers", h, httplib::Params{{"csrf", m[1].str()}, {"q", id}});
            if (!found || !std::regex_search(found->body, m, std::regex("href=\"(/werker/[0-9a-f]{24})\""))) return void(++failures);
            std::string card = m[1].str();
            for (int r = 0; r < requests; ++r) {
                auto s = std::chrono::steady_clock::now();
                auto res = c.Get(card.c_str(), h);
                auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count();
                if (!res || res->status != 200) ++failures;
                else latencies[static_cast<std::size_t>(i)].push_back(ms);
            }
        });
    for (auto& t : clients) t.join();
    double total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    srv.stop();
    serving.join();
    std::vector<double> all;
    for (auto const& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p * static_cast<double>(all.size())))]; };
    std::printf("sessions %d, card requests %zu (failed %d), wall %.2f s (logins and searches included)\n", sessions, all.size(), failures.load(), total_s);
    std::printf("worker card latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", pct(0.50), pct(0.95), pct(0.99), all.empty() ? 0.0 : all.back());
    double card_time = 0;
    for (double x : all) card_time += x;
    std::printf("card requests per second (over the card phase, %d clients): %.0f\n", sessions,
                all.empty() ? 0.0 : static_cast<double>(all.size()) / (card_time / 1000.0 / sessions));
    return failures.load() == 0 ? 0 : 1;
}
