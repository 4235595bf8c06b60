// Source buffers and line lookups.
#include "rw/dsl/source.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
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
    // Only regular files, and only up to a size: /dev/zero would never end, and opening a FIFO
    // waits for a writer that may never come.
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("cannot read '" + path + "': " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw std::runtime_error("cannot read '" + path + "': it is a folder");
    if (!S_ISREG(st.st_mode)) throw std::runtime_error("cannot read '" + path + "': not a regular file (a device or a pipe)");
    if (static_cast<std::uint64_t>(st.st_size) > max_source_bytes)
        throw std::runtime_error("cannot read '" + path + "': " + std::to_string(st.st_size) + " bytes (at most " +
                                 std::to_string(max_source_bytes) + "; split it)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read '" + path + "': " + std::strerror(errno));
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.gcount() != static_cast<std::streamsize>(text.size()) || in.bad())
        throw std::runtime_error("cannot read '" + path + "': it changed or could not be read while reading");
    return std::make_shared<source_file>(path, std::move(text));
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
