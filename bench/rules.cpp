// bench/rules: parse and bind every rule file under rules/, N times; prints the time per run.
#include "rw/engine/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

int main(int argc, char** argv) {
    std::string dir = argc > 1 ? argv[1] : RW_DEFAULT_RULES_DIR;
    int runs = argc > 2 ? std::atoi(argv[2]) : 50;
    std::vector<std::string> files;
    for (auto const& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".rw") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<rw::dsl::source_ptr> sources;
    for (auto const& f : files) sources.push_back(rw::dsl::load_source(f));
    double best = 1e9, total = 0;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        rw::dsl::diagnostics d;
        auto prog = rw::engine::bind_program(sources, d);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!prog) {
            std::fprintf(stderr, "rules do not bind\n");
            return 1;
        }
        best = std::min(best, ms);
        total += ms;
    }
    std::printf("parse+check of %zu rule files: best %.2f ms, mean %.2f ms over %d runs\n", files.size(), best, total / runs, runs);
    return 0;
}
