// bench/web: the web application under load (issue 16). `regelwerk serve` in process on a free
// loopback port over a store (the 100k synthetic store), SESSIONS concurrent sessions, each logs in,
// finds one worker by number (POST search) and then, when every session is ready, opens that
// worker's card REQUESTS times, waiting THINK_MS on average between two cards (uniformly 0 to
// twice that; 0: no pause, every session asks again at once, which measures saturation).
// Prints p50/p95/p99 latency of the card requests and the card requests per second over the card
// phase. Adds a user "bench" to the store when it has none (the only write besides the access log).
// CONNECTIONS: the server's `connections` (serve --connections; default its default).
//   bench_web STORE.db RULES_DIR [SESSIONS=100] [REQUESTS=20] [REFERENCE_DATE=2026-11-25] [THINK_MS=0] [CONNECTIONS]
#include "bench_rules.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/web/auth.hpp"
#include "rw/adapters/web/server.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <latch>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_web STORE.db RULES_DIR [SESSIONS] [REQUESTS] [REFERENCE_DATE] [THINK_MS] [CONNECTIONS]\n");
        return 2;
    }
    using namespace rw;
    namespace sq = adapters::sqlite;
    namespace web = adapters::web;
    int const sessions = argc > 3 ? std::atoi(argv[3]) : 100;
    int const requests = argc > 4 ? std::atoi(argv[4]) : 20;
    int const think_ms = argc > 6 ? std::atoi(argv[6]) : 0;
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
    if (argc > 7) o.connections = static_cast<unsigned>(std::atoi(argv[7]));
    web::server srv(o, prog);
    int port = srv.bind();
    std::thread serving([&] { srv.run(); });

    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(sessions));
    std::atomic<int> failures{0};
    auto t0 = std::chrono::steady_clock::now();
    std::latch ready(sessions);  // the card phase starts when every session has logged in
    std::chrono::steady_clock::time_point phase_start, phase_end;
    std::mutex phase_mutex;
    std::vector<std::thread> clients;
    for (int i = 0; i < sessions; ++i)
        clients.emplace_back([&, i] {
            bool counted = false;
            auto arrive = [&] {
                if (!counted) ready.count_down();
                counted = true;
            };
            struct on_exit {
                decltype(arrive)& f;
                ~on_exit() { f(); }
            } arrive_anyway{arrive};
            httplib::Client c("127.0.0.1", port);
            c.set_follow_location(false);
            c.set_read_timeout(60, 0);
            auto form = c.Get("/aanmelden");
            auto fail = [&](char const* step, httplib::Result const& r) {
                ++failures;
                std::fprintf(stderr, "session %d: %s failed: %s\n", i, step,
                             r ? ("status " + std::to_string(r->status)).c_str() : httplib::to_string(r.error()).c_str());
            };
            if (!form) return fail("the login form", form);
            std::smatch m;
            std::string cookie = form->get_header_value("Set-Cookie");
            cookie = cookie.substr(0, cookie.find(';'));
            std::regex_search(form->body, m, std::regex("name=csrf value=\"([^\"]*)\""));
            auto in = c.Post("/aanmelden", {{"Cookie", cookie}}, httplib::Params{{"csrf", m[1].str()}, {"name", "bench"}, {"password", password}});
            if (!in || in->status != 303) return fail("logging in", in);
            std::string session = in->get_header_value("Set-Cookie");
            session = session.substr(0, session.find(';'));
            httplib::Headers h{{"Cookie", session}};
            auto search_page = c.Get("/werkers", h);
            std::regex_search(search_page->body, m, std::regex("name=csrf value=\"([^\"]*)\""));
            auto& id = ids[static_cast<std::size_t>(i * 37) % ids.size()];
            auto found = c.Post("/werkers", h, httplib::Params{{"csrf", m[1].str()}, {"q", id}});
            if (!found || !std::regex_search(found->body, m, std::regex("href=\"(/werker/[0-9a-f]{24})\""))) return fail("the search", found);
            std::string card = m[1].str();
            arrive();
            ready.wait();
            {
                std::lock_guard lock(phase_mutex);
                if (phase_start == std::chrono::steady_clock::time_point{}) phase_start = std::chrono::steady_clock::now();
            }
            std::mt19937 rng(static_cast<unsigned>(i) + 1);
            std::uniform_int_distribution<int> pause(0, 2 * think_ms);
            for (int r = 0; r < requests; ++r) {
                if (think_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause(rng)));
                auto s = std::chrono::steady_clock::now();
                auto res = c.Get(card.c_str(), h);
                auto done = std::chrono::steady_clock::now();
                auto ms = std::chrono::duration<double, std::milli>(done - s).count();
                if (!res || res->status != 200) {
                    if (++failures <= 5)
                        std::fprintf(stderr, "card request failed: %s\n",
                                     res ? ("status " + std::to_string(res->status)).c_str() : httplib::to_string(res.error()).c_str());
                }
                else latencies[static_cast<std::size_t>(i)].push_back(ms);
                std::lock_guard lock(phase_mutex);
                phase_end = std::max(phase_end, done);
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
    double const phase_s = std::chrono::duration<double>(phase_end - phase_start).count();
    std::printf("sessions %d, server connections %u, think time %d ms (mean), card requests %zu (failed %d), wall %.2f s (logins and searches included)\n",
                sessions, o.connections, think_ms, all.size(), failures.load(), total_s);
    std::printf("worker card latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", pct(0.50), pct(0.95), pct(0.99), all.empty() ? 0.0 : all.back());
    std::printf("card requests per second over the card phase (%.2f s, %d sessions): %.0f\n", phase_s, sessions,
                phase_s > 0 ? static_cast<double>(all.size()) / phase_s : 0.0);
    return failures.load() == 0 ? 0 : 1;
}
