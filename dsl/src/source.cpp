// Source buffers and line lookups.
#include "rw/dsl/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rw::dsl {

source_file::source_file(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

source_file::line_col source_file::position(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());  // 1-based
    return {line, offset - line_starts_[line - 1] + 1};
}

std::string_view source_file::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::uint32_t b = line_starts_[line - 1];
    std::uint32_t e = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
    while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
    return std::string_view(text_).substr(b, e - b);
}

std::uint32_t source_file::offset_of(std::uint32_t line, std::uint32_t column) const {
    if (line == 0) line = 1;
    if (line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
    std::uint32_t off = line_starts_[line - 1] + (column > 0 ? column - 1 : 0);
    return std::min<std::uint32_t>(off, static_cast<std::uint32_t>(text_.size()));
}

source_ptr load_source(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read '" + path + "'");
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::make_shared<source_file>(path, ss.str());
}

std::string collapse_whitespace(std::string_view text, bool keep_ends) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && (keep_ends || !out.empty())) out += ' ';
        space = false;
        out += c;
    }
    if (space && keep_ends) out += ' ';
    return out;
}

}  // namespace rw::dsl
