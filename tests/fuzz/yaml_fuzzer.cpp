// Fuzz target for the YAML importer (dossiers and cases): any input must be accepted or refused
// with diagnostics, never crash, hang or exhaust memory (the limits in node_reader.hpp); when a
// dossier is accepted, the writer's output must be accepted again and written identically.
// Built for libFuzzer with -DRW_FUZZ=ON (clang); seed corpus: tests/data/bad-dossiers and casebase.
#include "rw/adapters/yaml/case_yaml.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    namespace ya = rw::adapters::yaml;
    auto src = std::make_shared<rw::dsl::source_file>("fuzz.yaml", std::string(reinterpret_cast<char const*>(data), size));
    rw::dsl::diagnostics diags;
    auto d = ya::read_dossier(src, diags);
    std::string rendered = rw::dsl::render_all(diags);  // spans and carets on arbitrary text
    if (d) {
        std::string written = ya::write_dossier(*d);
        auto again_src = std::make_shared<rw::dsl::source_file>("written.yaml", written);
        rw::dsl::diagnostics again_diags;
        auto again = ya::read_dossier(again_src, again_diags);
        if (!again || ya::write_dossier(*again) != written) {
            std::fprintf(stderr, "writer invariant broken:\n--- written\n%s\n--- diagnostics\n%s", written.c_str(),
                         rw::dsl::render_all(again_diags).c_str());
            std::abort();
        }
    }
    rw::dsl::diagnostics case_diags;
    (void)ya::read_case(src, case_diags);
    rendered += rw::dsl::render_all(case_diags);
    return 0;
}
