// bench/match: one vacancy against a store (issue 12): load the candidates (active applications),
// then match_vacancy (scenario over the assignment per candidate, must-haves, criteria, ranking).
// Prints the candidates, how many are eligible and blocked, and candidates checked per second.
// Usage: bench_match STORE.db RULES_DIR [VACANCY] [REFERENCE_DATE] [THREADS] [exhaustive | top=N]
// (THREADS default 2, 0 = every core; `exhaustive`: the reference check without shortcuts;
// `top=N`: match_options::stop_after_eligible = N, candidates checked in score order until N are
// eligible, as `match --vacancy --top N` may ask).
#include "bench_rules.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/matching.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_match STORE.db RULES_DIR [VACANCY] [REFERENCE_DATE] [THREADS] [exhaustive | top=N]\n");
        return 2;
    }
    using namespace rw;
    engine::day K = *engine::parse_date(argc > 4 ? argv[4] : "2026-11-25");
    auto prog = bench::load_rules(argv[2]);
    if (!prog) return 1;
    auto t0 = std::chrono::steady_clock::now();
    auto st = adapters::sqlite::store::open(argv[1], adapters::sqlite::open_mode::read_only);
    engine::dossier d;
    d.agency_info = st.load_agency().value_or(engine::agency{});
    d.clients = st.load_clients();
    // As `match` reads them (app::matching_dossier): only the workers with an active application.
    st.for_each_worker(
        [&](engine::worker&& w, std::vector<engine::data_issue>&&) {
            d.workers.push_back(std::move(w));
            return true;
        },
        {}, nullptr, adapters::sqlite::store::worker_selection::active_applicants);
    auto const in_store = st.worker_count();
    std::string vacancy = argc > 3 ? argv[3] : "";
    for (auto const& k : d.clients)
        for (auto const& v : k.vacancies)
            if (vacancy.empty()) vacancy = v.id;
    auto t1 = std::chrono::steady_clock::now();
    engine::evaluator ev(prog);
    engine::match_options o;
    o.at = K;
    o.threads = argc > 5 ? static_cast<unsigned>(std::atoi(argv[5])) : 2;
    if (argc > 6 && std::string(argv[6]) == "exhaustive") o.check = engine::scenario_check::exhaustive;
    if (argc > 6 && std::string(argv[6]).rfind("top=", 0) == 0)
        o.stop_after_eligible = static_cast<std::size_t>(std::atoll(argv[6] + 4));
    auto m = engine::match_vacancy(ev, d, vacancy, o);
    auto t2 = std::chrono::steady_clock::now();
    double load = std::chrono::duration<double>(t1 - t0).count(), match = std::chrono::duration<double>(t2 - t1).count();
    std::printf("match %s: %zu of %lld workers read (active applications) in %.2f s; %zu candidates, %zu checked, %zu eligible, %zu blocked, matched in %.3f s "
                "(%.0f candidates checked/s, %u thread(s), %s check",
                vacancy.c_str(), d.workers.size(), static_cast<long long>(in_store), load, m.candidates, m.checked, m.eligible.size(), m.blocked.size(), match,
                match > 0 ? static_cast<double>(m.checked) / match : 0.0, o.threads,
                o.check == engine::scenario_check::fast ? "fast" : "exhaustive");
    if (o.stop_after_eligible) std::printf(", stop after %zu eligible", o.stop_after_eligible);
    std::printf(")\n");
    return 0;
}
