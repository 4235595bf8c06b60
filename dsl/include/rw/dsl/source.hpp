// A source buffer (a rules file, a YAML file) and spans into it. Every diagnostic points at a span,
// so a bad case file reads like a bad rule file. The buffer owns the text; spans are offsets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rw::dsl {

/// One loaded file: its display path and its full text, with a line index for line:col lookups.
class source_file {
public:
    source_file(std::string path, std::string text);

    std::string const& path() const { return path_; }
    std::string const& text() const { return text_; }

    struct line_col {
        std::uint32_t line;    // 1-based
        std::uint32_t column;  // 1-based, in bytes
    };
    /// Line and column of a byte offset (clamped to the end of the text).
    line_col position(std::uint32_t offset) const;
    /// The text of a 1-based line, without its newline.
    std::string_view line_text(std::uint32_t line) const;
    /// Byte offset of a 1-based line and column (clamped).
    std::uint32_t offset_of(std::uint32_t line, std::uint32_t column) const;

private:
    std::string path_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

using source_ptr = std::shared_ptr<source_file const>;

/// A half-open byte range [begin, end) in one source file. A default span points nowhere.
struct span {
    source_ptr file;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    bool valid() const { return file != nullptr; }
};

/// The largest file load_source reads (1 GiB).
inline constexpr std::uint64_t max_source_bytes = std::uint64_t{1} << 30;
/// Reads a regular file of at most max_source_bytes; throws std::runtime_error with the reason.
source_ptr load_source(std::string const& path);

/// The text with every run of white space (newlines included) folded into one space: how a
/// multi-line string or expression is shown in a message. With keep_ends, a run at either end
/// stays as one space (a message part that sits between two placeholders).
std::string collapse_whitespace(std::string_view text, bool keep_ends = false);

}  // namespace rw::dsl
