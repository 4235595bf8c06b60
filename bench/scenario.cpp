// bench/scenario: the cost of a scenario (engine/scenario.hpp) per worker, as matching will pay it
// for each candidate: every worker of a store gets a hypothetical 26-week fixed-term contract and
// placement at its last client, starting 4 weeks after the reference date, evaluated on every day
// that matters (with and without the hypothetical). Prints workers, evaluated days, time per worker.
#include "bench_rules.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/scenario.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_scenario STORE.db RULES_DIR [MAX_WORKERS] [REFERENCE_DATE]\n");
        return 2;
    }
    using namespace rw;
    std::size_t max_workers = argc > 3 ? static_cast<std::size_t>(std::atol(argv[3])) : 2000;
    engine::day K = *engine::parse_date(argc > 4 ? argv[4] : "2026-11-25");
    auto prog = bench::load_rules(argv[2]);
    if (!prog) return 1;
    auto st = adapters::sqlite::store::open(argv[1], adapters::sqlite::open_mode::read_only);
    engine::dossier d;
    d.agency_info = st.load_agency().value_or(engine::agency{});
    d.clients = st.load_clients();
    st.for_each_worker([&](engine::worker&& w, std::vector<engine::data_issue>&&) {
        d.workers.push_back(std::move(w));
        return d.workers.size() < max_workers;
    });
    engine::evaluator ev(prog);
    std::size_t days = 0, caused = 0, n = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (auto const& w : d.workers) {
        engine::scenario s;
        s.worker = w.id;
        s.known_until = K;
        s.from = K + date::days{28};
        s.to = s.from + date::days{26 * 7 - 1};
        engine::contract c;
        c.id = "SCENARIO-C";
        c.kind = engine::contract_kind::bepaalde_tijd;
        c.start = s.from;
        c.end = s.to;
        engine::placement p;
        p.id = "SCENARIO-P";
        p.contract = c.id;
        p.client = w.placements.empty() ? (d.clients.empty() ? "" : d.clients.front().id) : w.placements.back().client;
        p.start = s.from;
        p.end = s.to;
        p.hourly_wage = engine::money{1520};
        s.contracts.push_back(c);
        s.placements.push_back(p);
        auto r = engine::evaluate_scenario(ev, d, s);
        days += r.days.size();
        caused += r.caused.size();
        ++n;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("scenario: %zu workers, %.1f evaluated days each, %.2f caused each, %.3f ms per worker (%.3f s total, one thread)\n",
                n, n ? static_cast<double>(days) / static_cast<double>(n) : 0.0, n ? static_cast<double>(caused) / static_cast<double>(n) : 0.0,
                n ? secs * 1000 / static_cast<double>(n) : 0.0, secs);
    return 0;
}
