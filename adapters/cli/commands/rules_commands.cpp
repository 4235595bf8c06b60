// rules check / rules fmt / rules catalogue: the rulebook's linter, canonical printer, and the
// rulebook as data (the catalogue view is the presentation layer's).
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/presentation/catalogue.hpp"
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

static int run_catalogue(std::string const& dir, std::string const& format, std::string const& lang, std::string const& out_path) {
    auto prog = load_rules(dir);
    if (!prog) return bad_input;
    auto view = rw::adapters::presentation::build_catalogue(*prog);
    std::string error;
    auto target = safe_output::open(out_path, "", error);
    if (!target) {
        std::cerr << "regelwerk: " << error << "\n";
        return bad_input;
    }
    if (format == "json") rw::adapters::presentation::render_catalogue_json(target->stream(), view);
    else rw::adapters::presentation::render_catalogue_text(target->stream(), view, language_of(lang));
    if (!target->commit(error)) {
        std::cerr << "regelwerk: " << error << "\n";
        return bad_input;
    }
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
    auto* rules = app.add_subcommand("rules", "Check, format or list the rules (the DSL under rules/)");
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

    struct catalogue_opts {
        std::string rules = default_rules_dir(), format = "text", lang = "nl", out;
    };
    auto ko = std::make_shared<catalogue_opts>();
    auto* cat = rules->add_subcommand(
        "catalogue", "List the rules, parameters (with dated versions), tables, facts, sources and onzeker values, by id");
    cat->add_option("--format", ko->format, "text | json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    cat->add_option("--lang", ko->lang, "nl | en (the labels of the text form)")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    cat->add_option("--out", ko->out, "Write to this file instead of stdout");
    add_rules_options(cat, ko->rules);
    cat->callback([&result, ko] { result = run_catalogue(ko->rules, ko->format, ko->lang, ko->out); });
}

}  // namespace rw::cli
