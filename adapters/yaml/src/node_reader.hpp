// Strict reading of yaml-cpp nodes into engine values, with every problem reported as a diagnostic
// at the node's file:line:col (never thrown), so that all errors of a file are reported at once.
// Private to the yaml adapter: the dossier and case readers share it.
#pragma once

#include "rw/dsl/diagnostic.hpp"
#include "rw/engine/model.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace rw::adapters::yaml::detail {

/// A value for an error message: quoted, and cut (with its size) when long.
std::string shown(std::string_view value, std::size_t max_chars = 60);

class node_reader {
public:
    node_reader(dsl::source_ptr src, dsl::diagnostics& diags) : src_(std::move(src)), diags_(diags) {}

    dsl::span span_of(YAML::Node const& n) const;
    void error(YAML::Node const& at, std::string const& path, std::string const& what);
    void error_at(dsl::span const& at, std::string const& path, std::string const& what);
    void warning(YAML::Node const& at, std::string const& path, std::string const& what);

    /// A map with only the allowed keys, each at most once; false (and errors) otherwise.
    bool check_map(YAML::Node const& n, std::string const& path, std::initializer_list<char const*> allowed);
    bool expect_seq(YAML::Node const& n, std::string const& path);
    /// Free-form content (extra:): every key a scalar, each at most once, at any depth.
    bool check_free_form(YAML::Node const& n, std::string const& path);

    /// The value of a key; an undefined node when the key is absent. `required` reports its absence.
    YAML::Node field(YAML::Node const& map, char const* key, std::string const& path, bool required);

    // Typed getters: nullopt for null/absent (reported when required) and for bad values (reported).
    std::optional<std::string> text(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    /// An id or a name: text without control characters, not blank, at most max_name_chars.
    std::optional<std::string> name(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    std::optional<engine::day> date(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    std::optional<bool> boolean(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    std::optional<engine::money> money(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    std::optional<engine::decimal> decimal(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    std::optional<int> integer(YAML::Node const& map, char const* key, std::string const& path, bool required = false);
    template <typename Enum>
    std::optional<Enum> enumeration(YAML::Node const& map, char const* key, std::string const& path, bool required = false);

    // Scalar conversions of a node already in hand.
    std::optional<std::string> scalar_text(YAML::Node const& n, std::string const& path, char const* expected);
    std::optional<engine::day> as_date(YAML::Node const& n, std::string const& path);

    /// A value for a message: shown() normally, hidden while reading identity data (document
    /// numbers and BSNs must not end up in logs and terminals through an error message).
    std::string show(std::string const& v) const {
        return redact_ && looks_like_a_number(v) ? "(a value not shown: it looks like a document number or BSN)" : shown(v);
    }
    /// A run of 6+ letters and digits holding 3+ digits (BSN, passport number); dates and names pass.
    static bool looks_like_a_number(std::string const& v);
    void redact(bool on) { redact_ = on; }

    dsl::source_ptr const& source() const { return src_; }
    /// For a part of the file parsed alone (stream_plan): its first line's number minus one.
    void set_line_offset(std::uint32_t lines) { line_offset_ = lines; }
    dsl::diagnostics& diags() { return diags_; }

private:
    dsl::source_ptr src_;
    dsl::diagnostics& diags_;
    bool redact_ = false;
    std::uint32_t line_offset_ = 0;
    // No YAML::Node members: Node::operator= writes through to the node it refers to, so a
    // member reassigned per lookup would silently rewrite the document being read.
};

/// "workers[2].contracts[0]" style paths.
inline std::string index_path(std::string const& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }
inline std::string key_path(std::string const& base, char const* key) { return base.empty() ? key : base + "." + key; }

/// Limits of what the reader accepts (checked before any node is built), so that a hostile or
/// broken file is refused with a message instead of exhausting memory or the stack.
inline constexpr std::size_t max_file_bytes = std::size_t{1} << 30;     // 1 GiB
inline constexpr std::size_t max_scalar_bytes = std::size_t{1} << 20;   // 1 MiB for one value
inline constexpr std::size_t max_depth = 32;                            // the format needs 6; extra: the rest
inline constexpr std::uint64_t max_alias_nodes = 100000;                // nodes reached through aliases
inline constexpr std::size_t max_name_chars = 200;                      // an id or a name

/// The offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);

/// Loads YAML text into a node; a syntax error, invalid UTF-8, a second document or a limit above
/// becomes a diagnostic and returns nullopt.
std::optional<YAML::Node> parse_yaml(dsl::source_ptr const& src, dsl::diagnostics& diags);

/// How a dossier file can be read worker by worker, so that memory holds one worker's nodes at a
/// time instead of the whole file's (yaml-cpp needs ~50 bytes of nodes per byte of YAML): when
/// `workers:` is the last top-level key, a block list, one item per line start, and the file has
/// no aliases. `head` is the text before the first item; item i is [items[i], items[i+1]).
struct stream_plan {
    bool streamable = false;
    std::size_t head_end = 0;
    std::vector<std::size_t> items;      // byte offset of the line each item starts on
    std::vector<std::uint32_t> lines;    // that line's number (1-based)
};
/// The first pass alone (size, UTF-8, one document, limits); fills `plan` when given.
bool check_yaml(dsl::source_ptr const& src, dsl::diagnostics& diags, stream_plan* plan);
/// Loads a part of a file that check_yaml accepted; nullopt when the part does not parse alone.
std::optional<YAML::Node> load_part(std::string_view text);

/// Converts an `extra:` node to canonical JSON text (plain scalars resolved with the YAML core
/// schema, quoted scalars kept as strings), and back.
std::string extra_to_json(YAML::Node const& n);
void emit_json_as_yaml(YAML::Emitter& out, std::string const& json);

}  // namespace rw::adapters::yaml::detail
