// Fuzz target for the rules language: any input must parse without crashing; when it parses, the
// canonical printer's output must reparse to the same AST (an invariant, SQLite-style), and the
// binder must not crash on it either. Built for libFuzzer with -DRW_FUZZ=ON (clang); replay_main
// runs the same entry point over the checked-in corpus in ctest.
#include "rw/dsl/parse.hpp"
#include "rw/dsl/print.hpp"
#include "rw/engine/engine.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto src = std::make_shared<rw::dsl::source_file>("fuzz.rw", std::string(reinterpret_cast<char const*>(data), size));
    rw::dsl::diagnostics diags;
    auto ast = rw::dsl::parse(src, diags);
    // Rendering every diagnostic exercises spans and carets on arbitrary text.
    std::string rendered = rw::dsl::render_all(diags);
    if (!diags.has_errors()) {
        std::string printed = rw::dsl::print(ast);
        auto again_src = std::make_shared<rw::dsl::source_file>("printed.rw", printed);
        rw::dsl::diagnostics again_diags;
        auto again = rw::dsl::parse(again_src, again_diags);
        if (again_diags.has_errors() || rw::dsl::dump(again) != rw::dsl::dump(ast)) {
            std::fprintf(stderr, "printer invariant broken:\n--- input\n%.*s\n--- printed\n%s\n--- diagnostics\n%s", static_cast<int>(size),
                         reinterpret_cast<char const*>(data), printed.c_str(), rw::dsl::render_all(again_diags).c_str());
            std::abort();
        }
        rw::dsl::diagnostics bind_diags;
        (void)rw::engine::bind_program({src}, bind_diags);
        (void)rw::dsl::render_all(bind_diags);
    }
    return 0;
}
