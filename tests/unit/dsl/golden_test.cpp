// Golden files for the parser and the checker (tests/dsl/{parse,check}/{good,bad}/*.rw with a
// .expect next to each): good parse files expect the AST dump, good check files the bound program,
// bad files the rendered diagnostics. RW_UPDATE_GOLDEN=1 rewrites the .expect files.
// Also the printer invariant: parse(print(ast)) has the same dump as ast, over every good file
// and the whole rulebook.
#include "rw/dsl/codes.hpp"
#include "rw/dsl/parse.hpp"
#include "rw/dsl/print.hpp"
#include "rw/engine/engine.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace rw;
namespace fs = std::filesystem;

namespace {

struct golden_case {
    fs::path file;
    std::string stage;  // parse | check
    bool good;
};

std::vector<golden_case> golden_cases() {
    std::vector<golden_case> out;
    for (std::string stage : {"parse", "check"})
        for (std::string kind : {"good", "bad"}) {
            auto dir = test::source_dir() / "tests/dsl" / stage / kind;
            std::vector<fs::path> files;
            for (auto const& e : fs::directory_iterator(dir))
                if (e.path().extension() == ".rw") files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (auto const& f : files) out.push_back({f, stage, kind == "good"});
        }
    return out;
}

// Display paths relative to the golden folder, so the goldens do not depend on the checkout.
dsl::source_ptr load(fs::path const& p) {
    return std::make_shared<dsl::source_file>(p.parent_path().filename().string() + "/" + p.filename().string(),
                                              test::read_file(p));
}

std::vector<fs::path> all_rule_files() {
    std::vector<fs::path> out;
    for (auto const& e : fs::recursive_directory_iterator(test::source_dir() / "rules"))
        if (e.path().extension() == ".rw") out.push_back(e.path());
    for (auto const& g : golden_cases())
        if (g.good) out.push_back(g.file);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

class Golden : public ::testing::TestWithParam<golden_case> {};

TEST_P(Golden, MatchesExpectation) {
    auto const& g = GetParam();
    auto src = load(g.file);
    dsl::diagnostics diags;
    std::string got;
    if (g.stage == "parse") {
        auto ast = dsl::parse(src, diags);
        got = g.good ? dsl::dump(ast) : dsl::render_all(diags);
    } else {
        auto prog = engine::bind_program({src}, diags);
        got = g.good ? (prog ? engine::describe_program(*prog) : "") : dsl::render_all(diags);
    }
    if (g.good) EXPECT_FALSE(diags.has_errors()) << dsl::render_all(diags);
    else EXPECT_TRUE(diags.has_errors()) << "a bad file produced no error";
    auto expect = fs::path(g.file).replace_extension(".expect");
    if (test::update_golden()) {
        test::write_file(expect, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expect)) << "missing " << expect << " (run with RW_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(got, test::read_file(expect));
}

INSTANTIATE_TEST_SUITE_P(Dsl, Golden, ::testing::ValuesIn(golden_cases()), [](auto const& param_info) {
    std::string n = param_info.param.stage + "_" + (param_info.param.good ? "good_" : "bad_") + param_info.param.file.stem().string();
    std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return n;
});

class PrinterRoundTrip : public ::testing::TestWithParam<fs::path> {};

TEST_P(PrinterRoundTrip, ReparseGivesTheSameAst) {
    auto src = load(GetParam());
    dsl::diagnostics d1;
    auto ast = dsl::parse(src, d1);
    ASSERT_FALSE(d1.has_errors()) << dsl::render_all(d1);
    std::string printed = dsl::print(ast);
    auto again_src = std::make_shared<dsl::source_file>("printed.rw", printed);
    dsl::diagnostics d2;
    auto again = dsl::parse(again_src, d2);
    ASSERT_FALSE(d2.has_errors()) << dsl::render_all(d2) << printed;
    EXPECT_EQ(dsl::dump(again), dsl::dump(ast));
    EXPECT_EQ(dsl::print(again), printed) << "the printer is not idempotent";
}

INSTANTIATE_TEST_SUITE_P(AllRules, PrinterRoundTrip, ::testing::ValuesIn(all_rule_files()), [](auto const& param_info) {
    std::string n = param_info.param.parent_path().filename().string() + "_" + param_info.param.stem().string();
    std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return n;
});

TEST(Diagnostics, CaretUnderlinesTheWholeToken) {
    auto src = std::make_shared<dsl::source_file>("x.rw", "feit a = 1\nhulpfeit b = fase_a.weke\n");
    dsl::diagnostics diags;
    auto prog = engine::bind_program({src}, diags);
    EXPECT_FALSE(prog);
    auto text = dsl::render_all(diags);
    EXPECT_NE(text.find("x.rw:2:14: error: unknown name 'fase_a.weke'"), std::string::npos) << text;
    EXPECT_NE(text.find("^~~~~~~~~~"), std::string::npos) << text;
}

TEST(Source, CollapseWhitespaceFoldsRunsAndOptionallyKeepsTheEnds) {
    EXPECT_EQ(dsl::collapse_whitespace("  art. 7:668\n    lid 1\tBW  "), "art. 7:668 lid 1 BW");
    EXPECT_EQ(dsl::collapse_whitespace(" sinds\n  ", true), " sinds ");
    EXPECT_EQ(dsl::collapse_whitespace("   ", true), " ");
    EXPECT_EQ(dsl::collapse_whitespace("   "), "");
}

// Issue 8: 'x is (niet) leeg' ended at the end of the input, so `advise --explain` printed the rest
// of the rule file as the condition's text. Its span ends at 'leeg'.
TEST(Spans, AnEmptinessTestEndsAtLeeg) {
    std::string const text = "feit a = werker.naam is niet leeg\nfeit b = werker.naam is leeg\n\nfeit c = 1\n";
    auto src = std::make_shared<dsl::source_file>("s.rw", text);
    dsl::diagnostics diags;
    auto file = dsl::parse(src, diags);
    ASSERT_FALSE(diags.has_errors()) << dsl::render_all(diags);
    ASSERT_EQ(file.declarations.size(), 3u);
    std::vector<std::string> spans;
    for (std::size_t i = 0; i < 2; ++i) {
        auto const& f = boost::get<dsl::ast::fact_decl>(file.declarations[i]);
        auto s = dsl::ast::span_of(f.value);
        spans.push_back(text.substr(s.begin, s.end - s.begin));
    }
    EXPECT_EQ(spans[0], "werker.naam is niet leeg");
    EXPECT_EQ(spans[1], "werker.naam is leeg");
}

// Issue 10: every diagnostic of the rules language has a stable code, written out by hand in
// rw/dsl/codes.hpp and listed in rules/README.md; none is used twice.
TEST(DiagnosticCodes, AreUniqueListedAndDocumented) {
    std::set<std::string_view> listed;
    for (auto const& c : dsl::codes::all) {
        EXPECT_TRUE(listed.insert(c.code).second) << "code listed twice: " << c.code;
        EXPECT_EQ(c.code.size(), 6u) << c.code;
    }
    auto header = test::read_file(test::source_dir() / "dsl/include/rw/dsl/codes.hpp");
    auto readme = test::read_file(test::source_dir() / "rules/README.md");
    std::set<std::string> constants;
    for (std::size_t p = header.find("inline constexpr char const*"); p != std::string::npos;
         p = header.find("inline constexpr char const*", p + 1)) {
        auto q = header.find("\"RW", p);
        std::string code = header.substr(q + 1, 6);
        EXPECT_TRUE(constants.insert(code).second) << "two constants share " << code;
        EXPECT_TRUE(listed.count(code)) << code << " is missing from codes::all";
    }
    EXPECT_EQ(constants.size(), listed.size()) << "codes::all lists a code without a constant";
    for (auto const& c : dsl::codes::all)
        EXPECT_NE(readme.find("| `" + std::string(c.code) + "` |"), std::string::npos) << c.code << " is not in rules/README.md";
}

TEST(DiagnosticCodes, ArePrintedAfterTheMessage) {
    auto src = std::make_shared<dsl::source_file>("x.rw", "feit a = 1\nhulpfeit b = fase_a.weke\n");
    dsl::diagnostics diags;
    EXPECT_FALSE(engine::bind_program({src}, diags));
    EXPECT_NE(dsl::render_all(diags, true).find("x.rw:2:14: error: unknown name 'fase_a.weke' [RW2001]"), std::string::npos)
        << dsl::render_all(diags, true);
}

TEST(Printer, KeepsTheCommentsAfterAFactOrAnExpression) {
    // `rules fmt --write` dropped a comment that followed a declaration ending in an expression:
    // the parser's look for an absent `als` (or another operator) skipped it (issue 11).
    std::string const text =
        "hulpfeit a = waar\n\n# over b\nhulpfeit b = niet (waar en onwaar)\n\n# over c\n# tweede regel\nhulpfeit c = 1 + 2\n\n# aan het eind\n";
    dsl::diagnostics diags;
    auto ast = dsl::parse(std::make_shared<dsl::source_file>("t.rw", text), diags);
    ASSERT_FALSE(diags.has_errors()) << dsl::render_all(diags);
    std::string printed = dsl::print(ast);
    for (char const* c : {"# over b\nhulpfeit b", "# over c\n# tweede regel\nhulpfeit c", "# aan het eind\n"})
        EXPECT_NE(printed.find(c), std::string::npos) << c << " missing in:\n" << printed;
}
