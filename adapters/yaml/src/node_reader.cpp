// Strict node reading (see node_reader.hpp).
#include "node_reader.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <set>

namespace rw::adapters::yaml::detail {

dsl::span node_reader::span_of(YAML::Node const& n) const {
    if (!n.IsDefined() || n.Mark().pos < 0) return {src_, 0, 0};
    auto m = n.Mark();
    auto b = src_->offset_of(static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1));
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
            d.message = (path.empty() ? std::string() : path + ": ") + "unknown key '" + k + "'";
            d.suggestions = dsl::closest_matches(k, names);
            if (d.suggestions.empty()) {
                std::string list;
                for (auto const& a : names) list += (list.empty() ? "" : ", ") + a;
                d.message += " (expected one of: " + list + ")";
            }
            diags_.add(std::move(d));
            ok = false;
        } else if (!seen.insert(k).second) {
            error(it->first, key_path(path, k.c_str()), "duplicate key '" + k + "'");
            ok = false;
        }
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
    error(n, path, shaped ? "'" + *t + "' is not a calendar date" : "expected a date (YYYY-MM-DD), got '" + *t + "'");
    return std::nullopt;
}

std::optional<std::string> node_reader::text(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "text");
    if (t && required && t->empty()) error(v, key_path(path, key), "must not be empty");
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
    error(v, key_path(path, key), "expected true or false, got '" + *t + "'");
    return std::nullopt;
}

std::optional<engine::money> node_reader::money(YAML::Node const& map, char const* key, std::string const& path, bool required) {
    auto v = field(map, key, path, required);
    auto t = scalar_text(v, key_path(path, key), "an amount in euro (14.71)");
    if (!t) return std::nullopt;
    auto m = engine::parse_money(*t);
    if (!m) {
        error(v, key_path(path, key), "expected an amount in euro with at most two decimals and a point (14.71), got '" + *t + "'");
        return std::nullopt;
    }
    if (m->cents < 0) {
        error(v, key_path(path, key), "must not be negative, got '" + *t + "'");
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
        error(v, key_path(path, key), "expected a number (32 or 37.5), got '" + *t + "'");
        return std::nullopt;
    }
    if (d->milli < 0) {
        error(v, key_path(path, key), "must not be negative, got '" + *t + "'");
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
        error(v, key_path(path, key), "expected a whole number >= 0, got '" + *t + "'");
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
    dsl::diagnostic d{dsl::severity::error, "dossier", key_path(path, key) + ": '" + *t + "' is not one of " + list,
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

std::optional<YAML::Node> parse_yaml(dsl::source_ptr const& src, dsl::diagnostics& diags) {
    try {
        return YAML::Load(src->text());
    } catch (YAML::ParserException const& e) {
        auto b = src->offset_of(static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1));
        diags.error("yaml-syntax", {src, b, b + 1}, "YAML syntax error: " + e.msg);
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

std::string extra_to_json(YAML::Node const& n) { return to_json(n).dump(); }

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
