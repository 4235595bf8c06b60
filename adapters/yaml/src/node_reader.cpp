// Strict node reading (see node_reader.hpp).
#include "node_reader.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cstdio>
#include <istream>
#include <set>
#include <streambuf>

namespace rw::adapters::yaml::detail {

dsl::span node_reader::span_of(YAML::Node const& n) const {
    if (!n.IsDefined() || n.Mark().pos < 0) return {src_, 0, 0};
    auto m = n.Mark();
    auto b = src_->offset_of(static_cast<std::uint32_t>(m.line + 1) + line_offset_, static_cast<std::uint32_t>(m.column + 1));
    std::uint32_t len = 1;
    if (n.IsScalar()) {
        len = static_cast<std::uint32_t>(std::max<std::size_t>(1, n.Scalar().size()));
        if (n.Tag() == "!") len += 2;  // the quotes
    }
    return {src_, b, b + len};
}

void node_reader::error_at(dsl::span const& at, std::string const& path, std::string const& what) {
    diags_.error("dossier", at, path.empty() ? what : path + ": " + what);
}

void node_reader::error(YAML::Node const& at, std::string const& path, std::string const& what) {
    error_at(span_of(at), path, what);
}

void node_reader::warning(YAML::Node const& at, std::string const& path, std::string const& what) {
    diags_.warning("dossier", span_of(at), path.empty() ? what : path + ": " + what);
}

static char const* kind_name(YAML::Node const& n) {
    if (n.IsMap()) return "a mapping";
    if (n.IsSequence()) return "a list";
    if (n.IsNull()) return "null";
    return "a scalar";
}

bool node_reader::check_map(YAML::Node const& n, std::string const& path, std::initializer_list<char const*> allowed) {
    if (!n.IsMap()) {
        error(n, path, std::string("expected a mapping, got ") + kind_name(n));
        return false;
    }
    bool ok = true;
    std::set<std::string> seen;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (auto it = n.begin(); it != n.end(); ++it) {
        if (!it->first.IsScalar()) {
            error(it->first, path, "expected a key name");
            ok = false;
            continue;
        }
        std::string const& k = it->first.Scalar();
        bool known = false;
        for (auto a : allowed) known = known || k == a;
        if (!known) {
            dsl::diagnostic d{dsl::severity::error, "dossier", "", span_of(it->first), {}, {}};
            d.message = (path.empty() ? std::string() : path + ": ") + "unknown key " + show(k);
            // Between keys equally close, the one with the same first letter: a typo rarely hits the
            // first letter, and 'eind' (Dutch) means 'end', not 'kind' (both one edit away).
            std::vector<std::string> ordered;
            for (int pass = 0; pass < 2; ++pass)
                for (auto const& a : names)
                    if ((!k.empty() && !a.empty() && a[0] == k[0]) == (pass == 0)) ordered.push_back(a);
            d.suggestions = dsl::closest_matches(k, ordered);
            if (d.suggestions.empty()) {
                std::string list;
                for (auto const& a : names) list += (list.empty() ? "" : ", ") + a;
                d.message += " (expected one of: " + list + ")";
            }
            diags_.add(std::move(d));
            ok = false;
        } else if (!seen.insert(k).second) {
            error(it->first, key_path(path, k.c_str()), "duplicate key " + show(k));
            ok = false;
        }
    }
    return ok;
}

bool node_reader::looks_like_a_number(std::string const& v) {
    std::size_t run = 0, digits = 0;
    for (std::size_t i = 0; i <= v.size(); ++i) {
        char c = i < v.size() ? v[i] : ' ';
        bool digit = c >= '0' && c <= '9';
        if (digit || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            ++run;
            digits += digit;
            continue;
        }
        if (run >= 6 && digits >= 3) return true;
        run = digits = 0;
    }
    return false;
}

bool node_reader::check_free_form(YAML::Node const& n, std::string const& path) {
    // Depth is bounded by parse_yaml (max_depth), so plain recursion is safe here.
    bool ok = true;
    if (n.IsMap()) {
        std::set<std::string> seen;
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first, path, "a key must be a name, not " + std::string(kind_name(it->first)));
                ok = false;
                continue;
            }
            std::string const& k = it->first.Scalar();
            if (!seen.insert(k).second) {
                error(it->first, path, "duplicate key " + show(k));
                ok = false;
            }
            ok = check_free_form(it->second, path + "." + k) && ok;
        }
    } else if (n.IsSequence()) {
        for (std::size_t i = 0; i < n.size(); ++i) ok = check_free_form(n[i], index_path(path, i)) && ok;
    }
    return ok;
}

bool node_reader::expect_seq(YAML::Node const& n, std::string const& path) {
    if (n.IsSequence()) return true;
    error(n, path, std::string("expected a list, got ") + kind_name(n));
    return false;
}

YAML::Node node_reader::field(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            if (required && it->second.IsNull()) error(it->first, key_path(path, key), "required, but null");
            return it->second;
        }
    }
    if (required) error(map, path, std::string("missing required key '") + key + "'");
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> node_reader::scalar_text(YAML::Node const& n, std::string const& path, char const* expected) {
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) {
        error(n, path, std::string("expected ") + expected + ", got " + kind_name(n));
        return std::nullopt;
    }
    return n.Scalar();
}

std::optional<engine::day> node_reader::as_date(YAML::Node const& n, std::string const& path) {
    auto t = scalar_text(n, path, "a date (YYYY-MM-DD)");
    if (!t) return std::nullopt;
    if (auto d = engine::parse_date(*t)) return d;
    bool shaped = t->size() == 10 && (*t)[4] == '-' && (*t)[7] == '-';
    error(n, path, shaped ? show(*t) + " is not a calendar date" : "expected a date (YYYY-MM-DD), got " + show(*t));
    return std::nullopt;
}

std::optional<std::string> node_reader::text(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "text");
    if (t && required && t->empty()) error(v, key_path(path, key), "must not be empty");
    return t;
}

std::optional<std::string> node_reader::name(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto t = text(map, key, path, required);
    if (!t || t->empty()) return t;
    auto v = field(map, key, path, false);
    std::string p = key_path(path, key);
    // Any Unicode is welcome in a name; control characters (NUL, tab, newline, escape: they
    // rewrite terminals and break reports), blank names and absurd lengths are not.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < t->size(); ++i) {
        auto c = static_cast<unsigned char>((*t)[i]);
        bool c1 = c == 0xC2 && i + 1 < t->size() && static_cast<unsigned char>((*t)[i + 1]) < 0xA0;  // U+0080..U+009F
        if (c < 0x20 || c == 0x7F || c1) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%02X", c1 ? static_cast<unsigned char>((*t)[i + 1]) : c);
            error(v, p, std::string("contains a control character (U+00") + buf + "); names and ids must be printable");
            return std::nullopt;
        }
        if ((c & 0xC0) != 0x80) ++chars;
    }
    if (t->find_first_not_of(" ") == std::string::npos) {
        error(v, p, "must not be only spaces");
        return std::nullopt;
    }
    if (chars > max_name_chars) {
        error(v, p, "is " + std::to_string(chars) + " characters long (at most " + std::to_string(max_name_chars) + ")");
        return std::nullopt;
    }
    return t;
}

std::optional<engine::day> node_reader::date(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    return as_date(field(map, key, path, required), key_path(path, key));
}

std::optional<bool> node_reader::boolean(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "true or false");
    if (!t) return std::nullopt;
    if (v.Tag() != "!") {
        if (*t == "true" || *t == "True" || *t == "TRUE") return true;
        if (*t == "false" || *t == "False" || *t == "FALSE") return false;
    }
    error(v, key_path(path, key), "expected true or false, got " + show(*t));
    return std::nullopt;
}

std::optional<engine::money> node_reader::money(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "an amount in euro (14.71)");
    if (!t) return std::nullopt;
    auto m = engine::parse_money(*t);
    if (!m) {
        error(v, key_path(path, key), "expected an amount in euro with at most two decimals and a point (14.71), got " + show(*t));
        return std::nullopt;
    }
    if (m->cents < 0) {
        error(v, key_path(path, key), "must not be negative, got " + show(*t));
        return std::nullopt;
    }
    // Every amount in a dossier is an hourly wage: an absurd one is a typo, and would overflow the
    // wage arithmetic of the rules.
    if (m->cents > 100'000'000) {
        error(v, key_path(path, key), "more than 1000000.00 an hour, got " + show(*t));
        return std::nullopt;
    }
    return m;
}

std::optional<engine::decimal> node_reader::decimal(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "a number");
    if (!t) return std::nullopt;
    auto d = engine::parse_decimal(*t);
    if (!d) {
        error(v, key_path(path, key), "expected a number (32 or 37.5), got " + show(*t));
        return std::nullopt;
    }
    if (d->milli < 0) {
        error(v, key_path(path, key), "must not be negative, got " + show(*t));
        return std::nullopt;
    }
    if (std::string_view(key).ends_with("hours_per_week") && d->milli > 168'000) {
        error(v, key_path(path, key), "a week has 168 hours, got " + show(*t));
        return std::nullopt;
    }
    return d;
}

std::optional<int> node_reader::integer(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "a whole number");
    if (!t) return std::nullopt;
    int out = 0;
    auto r = std::from_chars(t->data(), t->data() + t->size(), out);
    if (r.ec != std::errc{} || r.ptr != t->data() + t->size() || out < 0) {
        error(v, key_path(path, key), "expected a whole number >= 0, got " + show(*t));
        return std::nullopt;
    }
    return out;
}

template <typename Enum>
std::optional<Enum> node_reader::enumeration(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "a name");
    if (!t) return std::nullopt;
    if (auto e = engine::enum_from_string<Enum>(*t)) return e;
    auto names = engine::enum_names<Enum>();
    std::string list;
    for (auto const& n : names) list += (list.empty() ? "" : " | ") + n;
    dsl::diagnostic d{dsl::severity::error, "dossier", key_path(path, key) + ": " + show(*t) + " is not one of " + list,
                      span_of(v), {}, dsl::closest_matches(*t, names)};
    diags_.add(std::move(d));
    return std::nullopt;
}

template std::optional<engine::cao_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::phase_labels> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::document_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::permit_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::contract_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::ended_by_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::application_status> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::prior_employer_kind> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);
template std::optional<engine::vacancy_status> node_reader::enumeration(YAML::Node const&, char const*, std::string const&, bool);

std::string shown(std::string_view value, std::size_t max_chars) {
    std::size_t cut = 0, chars = 0;
    while (cut < value.size() && chars < max_chars) {
        ++cut;
        while (cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) ++cut;
        ++chars;
    }
    if (cut >= value.size()) return "'" + std::string(value) + "'";
    return "'" + std::string(value.substr(0, cut)) + "…' (" + std::to_string(value.size()) + " bytes)";
}

std::size_t invalid_utf8_at(std::string_view s) {
    auto const* p = reinterpret_cast<unsigned char const*>(s.data());
    std::size_t n = s.size(), i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte (no overlongs, surrogates, > U+10FFFF)
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {

/// A read-only stream over the source text (no copy of a file of hundreds of megabytes).
struct view_buf : std::streambuf {
    explicit view_buf(std::string_view s) {
        char* p = const_cast<char*>(s.data());
        setg(p, p, p + s.size());
    }
};

struct limit_exceeded {
    YAML::Mark mark;
    std::string message;
};

/// A first pass over the parser's events that enforces the limits before any node is built: one
/// document, nesting depth, the size of one scalar, and the number of nodes that aliases expand to
/// ("billion laughs": a few kilobytes of nested aliases would otherwise expand to gigabytes).
class limits_checker : public YAML::EventHandler {
public:
    void OnDocumentStart(YAML::Mark const& mark) override {
        if (++documents_ > 1)
            throw limit_exceeded{mark, "a second YAML document ('---'): a file holds exactly one document; the file was "
                                       "refused as a whole (split it into one file per document)"};
    }
    void OnDocumentEnd() override {}
    void OnNull(YAML::Mark const& mark, YAML::anchor_t anchor) override {
        child(mark, nullptr);
        leaf(mark, anchor);
    }
    void OnAlias(YAML::Mark const& mark, YAML::anchor_t anchor) override {
        aliases_ = true;
        // An alias inside the very node it names makes a cycle, which every reader would walk
        // forever (found by fuzzing: a stack overflow).
        for (auto const& f : stack_)
            if (f.anchor != YAML::NullAnchor && f.anchor == anchor)
                throw limit_exceeded{mark, "an alias inside the node it refers to (a cycle)"};
        child(mark, nullptr);
        std::uint64_t n = anchor < sizes_.size() ? sizes_[anchor] : 1;
        expanded_ += n;
        if (expanded_ > max_alias_nodes)
            throw limit_exceeded{mark, "aliases expand to more than " + std::to_string(max_alias_nodes) +
                                           " nodes (an alias bomb?); write the values out instead"};
        add(n);
    }
    void OnScalar(YAML::Mark const& mark, std::string const&, YAML::anchor_t anchor, std::string const& value) override {
        if (value.size() > max_scalar_bytes)
            throw limit_exceeded{mark, "a value of " + std::to_string(value.size()) + " bytes (at most " +
                                           std::to_string(max_scalar_bytes) + "): " + shown(value)};
        // The file is valid UTF-8, but what yaml-cpp makes of it need not be (escapes, its own
        // encoding guesses): every value must be, or the JSON output aborts later (found by fuzzing).
        if (invalid_utf8_at(value) != std::string_view::npos)
            throw limit_exceeded{mark, "a value that is not valid UTF-8 once read (check its escapes)"};
        child(mark, &value);
        leaf(mark, anchor);
    }
    void OnSequenceStart(YAML::Mark const& mark, std::string const&, YAML::anchor_t anchor, YAML::EmitterStyle::value style) override {
        bool workers = child(mark, nullptr);
        open(mark, anchor);
        if (workers) {
            workers_open_ = true;
            workers_block_ = style != YAML::EmitterStyle::Flow;
        }
    }
    void OnSequenceEnd() override {
        if (stack_.size() == 2 && workers_open_) {
            workers_open_ = false;
            workers_closed_ = true;
        }
        close();
    }
    void OnMapStart(YAML::Mark const& mark, std::string const&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        child(mark, nullptr);
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

    /// Whether the file can be read worker by worker (see stream_plan), and where the items start.
    void fill(std::string_view text, stream_plan& plan) const {
        plan = {};
        if (aliases_ || !workers_block_ || after_workers_ || item_marks_.empty()) return;
        for (auto pos : item_marks_) {
            std::size_t ls = text.rfind('\n', pos == 0 ? 0 : pos - 1);
            ls = ls == std::string_view::npos ? 0 : ls + 1;
            for (std::size_t k = ls; k < pos; ++k)
                if (text[k] != ' ' && text[k] != '-') return;  // not "  - " before the item
            if (!plan.items.empty() && ls <= plan.items.back()) return;
            plan.items.push_back(ls);
        }
        plan.head_end = plan.items.front();
        std::uint32_t line = 1;
        std::size_t at = 0;
        for (auto ls : plan.items) {
            for (; at < ls; ++at) line += text[at] == '\n';
            plan.lines.push_back(line);
        }
        plan.streamable = true;
    }

private:
    struct frame {
        YAML::anchor_t anchor;
        std::uint64_t nodes;
    };
    void add(std::uint64_t n) {
        if (!stack_.empty()) stack_.back().nodes += n;
    }
    void record(YAML::anchor_t anchor, std::uint64_t n) {
        if (anchor == YAML::NullAnchor) return;
        if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
        sizes_[anchor] = n;
    }
    void leaf(YAML::Mark const&, YAML::anchor_t anchor) {
        record(anchor, 1);
        add(1);
    }
    void open(YAML::Mark const& mark, YAML::anchor_t anchor) {
        if (stack_.size() >= max_depth)
            throw limit_exceeded{mark, "nested more than " + std::to_string(max_depth) + " levels deep"};
        stack_.push_back({anchor, 1});
    }
    void close() {
        auto f = stack_.back();
        stack_.pop_back();
        record(f.anchor, f.nodes);
        add(f.nodes);
    }
    /// Called for every node before it is pushed: tracks the root mapping's keys and the items of
    /// its `workers:` list. True when this node is the value of the root key `workers`.
    bool child(YAML::Mark const& mark, std::string const* scalar) {
        if (stack_.size() == 2 && workers_open_) item_marks_.push_back(static_cast<std::size_t>(mark.pos));
        if (stack_.size() != 1) return false;
        bool is_key = (root_children_++ % 2) == 0;
        if (is_key) {
            if (workers_closed_) after_workers_ = true;
            last_key_ = scalar ? *scalar : std::string();
            return false;
        }
        if (last_key_ == "workers") {
            if (workers_seen_) after_workers_ = true;  // a duplicate key: let the full reader report it
            workers_seen_ = true;
            return true;
        }
        return false;
    }

    bool aliases_ = false, workers_open_ = false, workers_closed_ = false, workers_block_ = false, workers_seen_ = false,
         after_workers_ = false;
    std::size_t root_children_ = 0;
    std::string last_key_;
    std::vector<std::size_t> item_marks_;
    int documents_ = 0;
    std::uint64_t expanded_ = 0;
    std::vector<frame> stack_;
    std::vector<std::uint64_t> sizes_;
};

void error_at_mark(dsl::source_ptr const& src, dsl::diagnostics& diags, char const* code, YAML::Mark const& mark,
                   std::string const& message) {
    std::uint32_t b = 0;
    if (mark.pos >= 0)
        b = src->offset_of(static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1));
    diags.error(code, {src, b, b + 1}, message);
}

// YAML forbids tabs in indentation; yaml-cpp then reports whatever it trips over next ("illegal map
// value" a few columns on). When parsing failed, the first line up to the error whose indentation
// holds a tab is the cause to name (tests/data/bad-dossiers/CORPUS.md, file 03): its offset, or npos.
std::size_t tab_in_indentation(std::string_view text, int error_line) {
    std::size_t at = 0;
    for (int line = 0; at < text.size() && line <= error_line; ++line) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::size_t i = at;
        while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
        bool content = i < end && text[i] != '#' && text[i] != '\r';
        if (content)
            for (std::size_t j = at; j < i; ++j)
                if (text[j] == '\t') return j;
        at = end + 1;
    }
    return std::string_view::npos;
}

void syntax_error(dsl::source_ptr const& src, dsl::diagnostics& diags, YAML::ParserException const& e) {
    auto tab = tab_in_indentation(src->text(), e.mark.line);
    if (tab != std::string_view::npos) {
        auto b = static_cast<std::uint32_t>(tab);
        diags.error("yaml-syntax", {src, b, b + 1}, "YAML syntax error: a tab character in the indentation (YAML allows only spaces there)");
        return;
    }
    error_at_mark(src, diags, "yaml-syntax", e.mark, "YAML syntax error: " + e.msg);
}

}  // namespace

bool check_yaml(dsl::source_ptr const& src, dsl::diagnostics& diags, stream_plan* plan) {
    std::string_view text = src->text();
    if (text.size() > max_file_bytes) {
        diags.error("yaml-limit", {src, 0, 0},
                    "the file has " + std::to_string(text.size()) + " bytes (at most " + std::to_string(max_file_bytes) +
                        "); split it into several files");
        return false;
    }
    if (auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
        auto b = static_cast<std::uint32_t>(bad);
        diags.error("encoding", {src, b, b + 1},
                    std::string("invalid UTF-8 (byte ") + hex + "): the file must be UTF-8 text");
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        auto b = static_cast<std::uint32_t>(nul);
        diags.error("encoding", {src, b, b + 1}, "a NUL byte: the file must be UTF-8 text");
        return false;
    }
    try {
        view_buf buf(text);
        std::istream in(&buf);
        YAML::Parser parser(in);
        limits_checker limits;
        while (parser.HandleNextDocument(limits)) {
        }
        if (plan) limits.fill(text, *plan);
    } catch (limit_exceeded const& e) {
        error_at_mark(src, diags, "yaml-limit", e.mark, e.message);
        return false;
    } catch (YAML::ParserException const& e) {
        syntax_error(src, diags, e);
        return false;
    }
    return true;
}

std::optional<YAML::Node> load_part(std::string_view text) {
    try {
        view_buf buf(text);
        std::istream in(&buf);
        return YAML::Load(in);
    } catch (YAML::Exception const&) {
        return std::nullopt;
    }
}

std::optional<YAML::Node> parse_yaml(dsl::source_ptr const& src, dsl::diagnostics& diags) {
    if (!check_yaml(src, diags, nullptr)) return std::nullopt;
    try {
        view_buf buf(src->text());  // no copy of the text
        std::istream in(&buf);
        return YAML::Load(in);
    } catch (YAML::ParserException const& e) {
        syntax_error(src, diags, e);
        return std::nullopt;
    }
}

// YAML 1.2 core schema resolution of a plain scalar, so that `extra: {n: 1}` stays a number.
static nlohmann::ordered_json plain_scalar(std::string const& s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    long long i = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), i);
    if (r.ec == std::errc{} && r.ptr == s.data() + s.size()) return i;
    double d = 0;
    auto rd = std::from_chars(s.data(), s.data() + s.size(), d);
    if (rd.ec == std::errc{} && rd.ptr == s.data() + s.size() && s.find_first_of(".eE") != std::string::npos) return d;
    return s;
}

static nlohmann::ordered_json to_json(YAML::Node const& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            nlohmann::ordered_json o = nlohmann::ordered_json::object();
            for (auto it = n.begin(); it != n.end(); ++it) o[it->first.Scalar()] = to_json(it->second);
            return o;
        }
        case YAML::NodeType::Sequence: {
            nlohmann::ordered_json a = nlohmann::ordered_json::array();
            for (auto const& e : n) a.push_back(to_json(e));
            return a;
        }
        case YAML::NodeType::Scalar:
            return n.Tag() == "!" ? nlohmann::ordered_json(n.Scalar()) : plain_scalar(n.Scalar());
        default:
            return nullptr;
    }
}

std::string extra_to_json(YAML::Node const& n) {
    return to_json(n).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

static void emit(YAML::Emitter& out, nlohmann::ordered_json const& j) {
    if (j.is_object()) {
        out << YAML::BeginMap;
        for (auto it = j.begin(); it != j.end(); ++it) {
            out << YAML::Key << it.key() << YAML::Value;
            emit(out, it.value());
        }
        out << YAML::EndMap;
    } else if (j.is_array()) {
        out << YAML::BeginSeq;
        for (auto const& e : j) emit(out, e);
        out << YAML::EndSeq;
    } else if (j.is_null()) {
        out << YAML::Null;
    } else if (j.is_boolean()) {
        out << (j.get<bool>() ? "true" : "false");
    } else if (j.is_number()) {
        out << j.dump();
    } else {
        std::string s = j.get<std::string>();
        // Quote strings that a reader would otherwise resolve to another type.
        if (!plain_scalar(s).is_string()) out << YAML::DoubleQuoted << s;
        else out << s;
    }
}

void emit_json_as_yaml(YAML::Emitter& out, std::string const& json) { emit(out, nlohmann::ordered_json::parse(json)); }

}  // namespace rw::adapters::yaml::detail
