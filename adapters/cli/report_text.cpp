// Reference date and language options (see report_text.hpp).
#include "report_text.hpp"

#include <chrono>

namespace rw::cli {

engine::day today() { return date::floor<date::days>(std::chrono::system_clock::now()); }

engine::day parse_at(std::string const& at) {
    if (at.empty()) return today();
    auto d = engine::parse_date(at);
    if (!d) throw CLI::ValidationError("--at", "'" + at + "' is not a date (YYYY-MM-DD)");
    return *d;
}

CLI::Validator const non_empty_date(
    [](std::string& s) {
        return s.empty() ? std::string("an empty date: give YYYY-MM-DD, or leave --at out for today") : std::string();
    },
    "DATE");

rw::adapters::presentation::language language_of(std::string const& lang) {
    auto l = rw::adapters::presentation::parse_language(lang);
    if (!l) throw CLI::ValidationError("--lang", "'" + lang + "' is not a language of the interface (nl, en)");
    return *l;
}

}  // namespace rw::cli
