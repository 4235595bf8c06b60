// splitmix64: small, fast, and the same on every platform. Shared by the synthetic agency
// (synthetic.cpp) and the exam generator (examen.cpp): the same seed gives the same data everywhere.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace rw::engine::detail {

struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int between(int a, int b) { return a + static_cast<int>(next() % static_cast<std::uint64_t>(b - a + 1)); }
    bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }
    template <typename T, std::size_t N>
    T const& pick(std::array<T, N> const& a) {
        return a[next() % N];
    }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
    }
};

}  // namespace rw::engine::detail
