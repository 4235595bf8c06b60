// Shared by the benchmarks: every .rw file under a directory, in name order, parsed and bound.
#pragma once

#include "rw/engine/engine.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace rw::bench {

/// The bound program of every rule file under `dir`; null (with a message on stderr) when it does not bind.
inline std::shared_ptr<engine::program const> load_rules(char const* dir) {
    std::vector<std::string> files;
    for (auto const& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".rw") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<dsl::source_ptr> sources;
    for (auto const& f : files) sources.push_back(dsl::load_source(f));
    dsl::diagnostics diags;
    auto prog = engine::bind_program(sources, diags);
    if (!prog) std::fprintf(stderr, "rules in %s do not bind\n", dir);
    return prog;
}

}  // namespace rw::bench
