// case verify: runs regelwerk/case-1 files through the engine (case-format.md): one line per case,
// PASS or FAIL with indented reasons, then exactly one summary line "N passed, M failed".
#include "cli_common.hpp"
#include "rules_support.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/engine/case_verify.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace rw::cli {

namespace fs = std::filesystem;
namespace ya = rw::adapters::yaml;

static int run_verify(std::vector<std::string> const& paths, std::string const& rules_dir, bool quiet) {
    auto prog = load_rules(rules_dir);
    if (!prog) return bad_input;
    engine::evaluator ev(prog);
    // Files named explicitly must be cases; when walking folders, dossier files are skipped.
    std::vector<std::pair<std::string, bool>> files;
    int passed = 0, failed = 0;
    for (auto const& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(p, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                std::error_code e2;
                if (it->is_regular_file(e2) && it->path().extension() == ".yaml") found.push_back(it->path().string());
            }
            if (ec) {
                std::cout << "FAIL " << p << "\n    cannot read the folder: " << ec.message() << "\n";
                ++failed;
            }
            std::sort(found.begin(), found.end());
            for (auto& f : found) files.emplace_back(std::move(f), false);
        } else {
            files.emplace_back(p, true);
        }
    }
    for (auto const& [file, explicit_file] : files) {
        dsl::source_ptr src;
        try {
            src = dsl::load_source(file);
        } catch (std::exception const& e) {
            std::cout << "FAIL " << file << "\n    " << e.what() << "\n";
            ++failed;
            continue;
        }
        if (!explicit_file && ya::sniff_format(src) == ya::document_kind::dossier) continue;
        dsl::diagnostics diags;
        auto c = ya::read_case(src, diags);
        if (!c) {
            std::cout << "FAIL " << file << "\n";
            for (auto const& d : diags.sorted())
                if (d.level == dsl::severity::error) std::cout << "    " << dsl::render_gnu(d);
            ++failed;
            continue;
        }
        auto outcome = engine::verify_case(ev, *c);
        if (outcome.passed) {
            ++passed;
            if (!quiet) std::cout << "PASS " << c->id << "\n";
        } else {
            ++failed;
            std::cout << "FAIL " << c->id << "\n";
            for (auto const& f : outcome.failures) std::cout << "    " << f << "\n";
        }
        if (!quiet || !outcome.passed)
            for (auto const& n : outcome.notes) std::cout << "    " << n << "\n";
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? ok : findings;
}

void register_case_commands(CLI::App& app, int& result) {
    auto* cs = app.add_subcommand("case", "Casebase cases (regelwerk/case-1)");
    cs->require_subcommand(1);
    struct opts {
        std::vector<std::string> paths;
        std::string rules = default_rules_dir();
        bool quiet = false;
    };
    auto o = std::make_shared<opts>();
    auto* verify = cs->add_subcommand("verify", "Run case files or folders (recursively *.yaml); exit 0 only when all pass");
    verify->add_option("paths", o->paths, "Case files or folders")->required();
    add_rules_options(verify, o->rules);
    verify->add_flag("--quiet", o->quiet, "Print only failing cases and the summary");
    verify->callback([&result, o] { result = run_verify(o->paths, o->rules, o->quiet); });
}

}  // namespace rw::cli
