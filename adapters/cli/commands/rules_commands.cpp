// rules check / rules fmt: the rulebook's linter and canonical printer.
#include "cli_common.hpp"
#include "rules_support.hpp"
#include "rw/dsl/parse.hpp"
#include "rw/dsl/print.hpp"
#include "safe_output.hpp"

#include <sys/stat.h>

#include <iostream>

namespace rw::cli {

static int run_check(std::string const& dir, bool gnu, std::string const& dump) {
    auto files = rule_files(dir);
    if (files.empty()) {
        std::cerr << "regelwerk: no rule files (*.rw) in '" << dir << "'\n";
        return bad_input;
    }
    if (dump == "ast") {
        for (auto const& f : files) {
            dsl::diagnostics d;
            auto ast = dsl::parse(dsl::load_source(f), d);
            std::cout << ";; " << f << "\n" << dsl::dump(ast);
        }
    }
    auto prog = load_rules(dir, gnu);
    if (!prog) return findings;
    if (dump == "bound") std::cout << engine::describe_program(*prog);
    std::size_t uncertain = 0;
    for (auto const& p : prog->params) {
        bool u = !p.uncertain.empty();
        for (auto const& v : p.versions) u = u || !v.uncertain.empty();
        for (auto const& x : p.exceptions) u = u || !x.uncertain.empty();
        uncertain += u;
    }
    for (auto const& t : prog->tables)
        for (auto const& v : t.versions)
            if (!v.uncertain.empty()) {
                ++uncertain;
                break;
            }
    std::size_t facts = 0;
    for (auto const& f : prog->facts) facts += !f.helper;
    std::cout << files.size() << " file(s): " << prog->rules.size() << " rule(s), " << facts << " fact(s), "
              << prog->params.size() << " parameter(s) (" << uncertain << " marked onzeker), " << prog->tables.size()
              << " table(s), " << prog->sources.size() << " source(s): ok\n";
    return ok;
}

static int run_fmt(std::vector<std::string> const& paths, bool write, bool check) {
    int result = ok;
    for (auto const& p : paths) {
        auto files = rule_files(p);
        if (files.empty()) {
            // A missing file must not pass --check: "nothing to check" is not "canonical".
            std::cerr << "regelwerk: no rule files (*.rw) at '" << p << "'\n";
            result = bad_input;
            continue;
        }
        for (auto const& f : files) {
            dsl::source_ptr src;
            try {
                src = dsl::load_source(f);
            } catch (std::exception const& e) {
                std::cerr << "regelwerk: " << e.what() << "\n";
                result = bad_input;
                continue;
            }
            dsl::diagnostics diags;
            auto ast = dsl::parse(src, diags);
            if (diags.has_errors()) {
                std::cerr << dsl::render_all(diags);
                result = bad_input;
                continue;
            }
            std::string text = dsl::print(ast);
            if (check) {
                if (text != src->text()) {
                    std::cout << f << ": not in canonical form (run: regelwerk rules fmt --write " << f << ")\n";
                    if (result == ok) result = findings;
                }
            } else if (write) {
                if (text != src->text()) {
                    struct stat st{};
                    bool had_mode = ::stat(f.c_str(), &st) == 0;
                    std::string error;
                    if (!write_file_safely(f, text, "", error)) {
                        std::cerr << "regelwerk: " << error << "\n";
                        result = bad_input;
                        continue;
                    }
                    if (had_mode) ::chmod(f.c_str(), st.st_mode & 07777);  // a rule file keeps its mode
                    std::cout << "formatted " << f << "\n";
                }
            } else {
                std::cout << text;
            }
        }
    }
    return result;
}

void register_rules_commands(CLI::App& app, int& result) {
    auto* rules = app.add_subcommand("rules", "Check or format the rules (the DSL under rules/)");
    rules->require_subcommand(1);

    struct check_opts {
        std::string dir = default_rules_dir();
        std::string diagnostics = "human";
        std::string dump;
    };
    auto co = std::make_shared<check_opts>();
    auto* check = rules->add_subcommand("check", "Parse and check every rule file; exit 1 with diagnostics on any error");
    check->add_option("dir", co->dir, "Rules folder or file")->capture_default_str();
    check->add_option("--override", override_files(), "Override files to check with the rules (repeatable)")
        ->check(CLI::ExistingFile);
    check->add_option("--diagnostics", co->diagnostics, "human | gnu")->check(CLI::IsMember({"human", "gnu"}));
    check->add_option("--dump", co->dump, "Also print the parsed AST (ast) or the bound program (bound)")
        ->check(CLI::IsMember({"ast", "bound"}));
    check->callback([&result, co] { result = run_check(co->dir, co->diagnostics == "gnu", co->dump); });

    struct fmt_opts {
        std::vector<std::string> paths;
        bool write = false, check = false;
    };
    auto fo = std::make_shared<fmt_opts>();
    auto* fmt = rules->add_subcommand("fmt", "Print rule files in canonical form (--write rewrites them, --check lists the ones that differ)");
    fmt->add_option("paths", fo->paths, "Rule files or folders")->required();
    fmt->add_flag("--write", fo->write, "Rewrite files in place");
    fmt->add_flag("--check", fo->check, "Exit 1 when a file is not in canonical form");
    fmt->callback([&result, fo] { result = run_fmt(fo->paths, fo->write, fo->check); });
}

}  // namespace rw::cli
