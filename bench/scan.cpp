// bench/scan: the bare ordered read of every row of the tables the audit reads, doing nothing
// else (every column is touched, as the audit's decoders touch them). The audit's yardstick.
#include "rw/adapters/sqlite/store.hpp"

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_scan STORE.db\n");
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto s = rw::adapters::sqlite::store::open(argv[1], rw::adapters::sqlite::open_mode::read_only);
    auto r = s.scan_rows();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("scan: %lld rows, %lld bytes in %.3f s\n", static_cast<long long>(r.rows), static_cast<long long>(r.bytes), secs);
    return 0;
}
