// Rule loading for the CLI (see rules_support.hpp).
#include "rules_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace rw::cli {

namespace fs = std::filesystem;

std::string default_rules_dir() {
    if (char const* env = std::getenv("RW_RULES"); env && *env) return env;
    return RW_DEFAULT_RULES_DIR;
}

std::vector<std::string> rule_files(std::string const& path) {
    // Error codes throughout: a 300-character, looping or unreadable path is "no rule files", not an abort.
    std::vector<std::string> out;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return {path};
    if (!fs::is_directory(path, ec)) return out;
    fs::recursive_directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2) && it->path().extension() == ".rw") out.push_back(it->path().string());
    }
    if (ec) {
        std::cerr << "regelwerk: cannot read the rules folder '" << path << "': " << ec.message() << "\n";
        return {};
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string>& override_files() {
    static std::vector<std::string> files = [] {
        std::vector<std::string> out;
        if (char const* env = std::getenv("RW_OVERRIDES"); env && *env) {
            std::string all = env;
            std::size_t start = 0;
            for (;;) {
                auto p = all.find(':', start);
                std::string part = all.substr(start, p == std::string::npos ? std::string::npos : p - start);
                if (!part.empty()) out.push_back(part);
                if (p == std::string::npos) break;
                start = p + 1;
            }
        }
        return out;
    }();
    return files;
}

void add_rules_options(CLI::App* cmd, std::string& rules) {
    cmd->add_option("--rules", rules, "Rules folder (default: $RW_RULES or the checkout's rules/)")->capture_default_str();
    cmd->add_option("--override", override_files(),
                    "A rules file whose 'parameter'/'tabel'/'bron' declarations replace those of the same name "
                    "(repeatable; also $RW_OVERRIDES)")
        ->check(CLI::ExistingFile);
}

std::shared_ptr<engine::program const> load_rules(std::string const& path, bool gnu) {
    auto files = rule_files(path);
    if (files.empty()) {
        std::cerr << "regelwerk: no rule files (*.rw) in '" << path << "'\n";
        return nullptr;
    }
    std::vector<dsl::source_ptr> sources, overrides;
    // Override files come from --override (checked by CLI11) and from $RW_OVERRIDES (not checked
    // there): a missing file or a folder is an error, never silently ignored.
    for (auto const& f : override_files()) {
        std::error_code ec;
        if (!fs::is_regular_file(f, ec)) {
            std::cerr << "regelwerk: override file '" << f << "' (--override or $RW_OVERRIDES) "
                      << (fs::is_directory(f, ec) ? "is a folder" : "does not exist") << "\n";
            return nullptr;
        }
    }
    try {
        for (auto const& f : files) sources.push_back(dsl::load_source(f));
        for (auto const& f : override_files()) overrides.push_back(dsl::load_source(f));
    } catch (std::exception const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return nullptr;
    }
    dsl::diagnostics diags;
    auto prog = engine::bind_program(sources, diags, overrides);
    if (!diags.empty()) std::cerr << dsl::render_all(diags, gnu);
    return prog;
}

}  // namespace rw::cli
