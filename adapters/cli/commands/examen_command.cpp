// examen (issue 15): SEU-style exam questions for trainers, answered by the engine. Binds the
// rulebook once, and once more per misconception file (overrides/examen/*.rw: the misconception's
// parameter values over the rulebook), generates the questions, renders the exam and the answer
// key (Markdown, HTML or JSON) and writes every question as a regelwerk/case-1 file.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/presentation/examen.hpp"
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/engine/examen.hpp"
#include "safe_output.hpp"

#include <filesystem>
#include <iostream>
#include <sstream>

namespace rw::cli {

namespace fs = std::filesystem;
namespace ex = engine::examen;
namespace pe = adapters::presentation::examen;

namespace {

struct opts {
    std::string at, rules = default_rules_dir(), format = "md", out, topics;
    std::string misconceptions = RW_DEFAULT_EXAMEN_DIR;
    std::uint64_t seed = 1;
    int count = 20;
    std::vector<int> redraw;
};

std::vector<ex::topic> parse_topics(std::string const& list) {
    std::vector<ex::topic> out;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        auto t = ex::topic_from_string(item);
        if (!t) throw CLI::ValidationError("--topics", "unknown topic '" + item + "' (fasen, keten, aanzegging, poortwachter, minimumloon, waadi)");
        out.push_back(*t);
    }
    return out;
}

int run_examen(opts const& o) {
    auto prog = load_rules(o.rules);
    if (!prog) return bad_input;
    // Each misconception: the rulebook with that file's declarations over it.
    ex::misconception_programs alt;
    for (auto const& id : ex::override_misconceptions()) {
        fs::path f = fs::path(o.misconceptions) / (id + ".rw");
        std::error_code ec;
        if (!fs::is_regular_file(f, ec)) {
            std::cerr << "regelwerk: misconception file '" << f.string() << "' not found (--misvattingen)\n";
            return bad_input;
        }
        std::vector<dsl::source_ptr> sources, over;
        for (auto const& rf : rule_files(o.rules)) sources.push_back(dsl::load_source(rf));
        for (auto const& of : override_files()) over.push_back(dsl::load_source(of));
        over.push_back(dsl::load_source(f.string()));
        dsl::diagnostics diags;
        auto p = engine::bind_program(sources, diags, over);
        if (!p) {
            std::cerr << dsl::render_all(diags, false);
            return bad_input;
        }
        alt[id] = p;
    }
    ex::settings s;
    s.seed = o.seed;
    s.reference = parse_at(o.at);
    s.count = o.count;
    s.topics = parse_topics(o.topics);
    s.redraw = o.redraw;
    std::vector<ex::question> qs;
    try {
        qs = ex::make_exam(s, prog, alt);
    } catch (std::exception const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    pe::exam_meta meta{s.seed, s.reference, s.redraw};
    std::string exam, key;
    std::string ext = o.format == "html" ? "html" : o.format == "json" ? "json" : "md";
    if (o.format == "json") {
        exam = pe::render_json(qs, meta);
    } else if (o.format == "html") {
        exam = pe::render_html(qs, meta, pe::part::exam);
        key = pe::render_html(qs, meta, pe::part::key);
    } else {
        exam = pe::render_markdown(qs, meta, pe::part::exam);
        key = pe::render_markdown(qs, meta, pe::part::key);
    }
    std::string error;
    if (o.out.empty()) {
        std::cout << exam;
        if (!key.empty()) std::cout << (o.format == "md" ? "\n\n" : "") << key;
        return ok;
    }
    std::error_code ec;
    fs::create_directories(fs::path(o.out) / "cases", ec);
    if (ec) {
        std::cerr << "regelwerk: cannot create '" << o.out << "/cases': " << ec.message() << "\n";
        return bad_input;
    }
    auto put = [&](fs::path const& p, std::string const& text) {
        if (write_file_safely(p.string(), text, "", error)) return true;
        std::cerr << "regelwerk: " << error << "\n";
        return false;
    };
    if (!put(fs::path(o.out) / ("examen." + ext), exam)) return bad_input;
    if (!key.empty() && !put(fs::path(o.out) / ("antwoorden." + ext), key)) return bad_input;
    for (auto const& q : qs) {
        engine::case_file c = q.as_case;
        if (!put(fs::path(o.out) / "cases" / pe::case_file_name(q), adapters::yaml::write_case(c))) return bad_input;
    }
    std::printf("%zu question(s) (seed %llu, reference date %s) written to %s: examen.%s%s, cases/ (check with: regelwerk case verify %s/cases)\n",
                qs.size(), static_cast<unsigned long long>(s.seed), engine::format_date(s.reference).c_str(), o.out.c_str(), ext.c_str(),
                key.empty() ? "" : (", antwoorden." + ext).c_str(), o.out.c_str());
    return ok;
}

}  // namespace

void register_examen_command(CLI::App& app, int& result) {
    auto o = std::make_shared<opts>();
    auto* c = app.add_subcommand("examen", "SEU-style exam questions for trainers, answered and verified by the engine");
    c->add_option("--at", o->at, "Reference date of the questions (default today)")->check(non_empty_date);
    c->add_option("--seed", o->seed, "Seed (the same seed gives the same exam)")->capture_default_str();
    c->add_option("--count", o->count, "Number of questions")->check(CLI::Range(1, 500))->capture_default_str();
    c->add_option("--topics", o->topics, "Comma-separated: fasen,keten,aanzegging,poortwachter,minimumloon,waadi (default all)");
    c->add_option("--format", o->format, "md | html | json")->check(CLI::IsMember({"md", "html", "json"}))->capture_default_str();
    c->add_option("--out", o->out, "Folder for the exam, the answer key and cases/ (one regelwerk/case-1 file per question)");
    c->add_option("--redraw", o->redraw, "Draw question K again, the others unchanged (repeatable)")->check(CLI::PositiveNumber);
    c->add_option("--misvattingen", o->misconceptions, "Folder of the misconception files (*.rw overrides)")->capture_default_str();
    add_rules_options(c, o->rules);
    c->callback([&result, o] { result = run_examen(*o); });
}

}  // namespace rw::cli
