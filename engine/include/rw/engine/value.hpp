// Runtime values: small, trivially copyable, no allocation. Text and entities point into the
// dossier or the bound program; lists point into the evaluator's per-worker arena.
#pragma once

#include "rw/engine/calendar.hpp"
#include "rw/engine/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace rw::engine {

enum class value_kind : std::uint8_t { empty, boolean, number, money, date, days, weeks, months, text, enumeration,
                                       entity, week, list, series, table,
                                       percentage };  // millionths of one: 7,45 % = 74500

struct list_data;

struct value {
    value_kind kind = value_kind::empty;
    std::uint16_t tag = 0;   // enum_id / entity_id / series parameter index
    std::int64_t i = 0;      // bool, number (thousandths), cents, day count, duration count, enum member, week Monday
    void const* p = nullptr; // text (std::string const*), entity pointer, list_data const*, series binding

    bool empty() const { return kind == value_kind::empty; }
    static value none() { return {}; }
    static value boolean(bool b) { return {value_kind::boolean, 0, b ? 1 : 0, nullptr}; }
    static value number_milli(std::int64_t m) { return {value_kind::number, 0, m, nullptr}; }
    static value integer(std::int64_t n) { return {value_kind::number, 0, n * 1000, nullptr}; }
    static value cents(std::int64_t c) { return {value_kind::money, 0, c, nullptr}; }
    static value percent_micro(std::int64_t m) { return {value_kind::percentage, 0, m, nullptr}; }
    static value date(day d) { return {value_kind::date, 0, d.time_since_epoch().count(), nullptr}; }
    static value duration(value_kind k, std::int64_t n) { return {k, 0, n, nullptr}; }
    static value text(std::string const* s) { return {value_kind::text, 0, 0, s}; }
    static value enumeration(enum_id e, int member) { return {value_kind::enumeration, static_cast<std::uint16_t>(e), member, nullptr}; }
    static value entity(entity_id e, void const* ptr) {
        return ptr ? value{value_kind::entity, static_cast<std::uint16_t>(e), 0, ptr} : value{};
    }
    static value week(day monday) { return {value_kind::week, 0, monday.time_since_epoch().count(), nullptr}; }

    bool as_bool() const { return kind == value_kind::boolean && i != 0; }
    day as_date() const { return day{date::days{i}}; }
    std::string const& as_text() const { return *static_cast<std::string const*>(p); }
    template <typename T>
    T const& as() const { return *static_cast<T const*>(p); }
};

/// A list value: elements in the arena.
struct list_data {
    value const* items = nullptr;
    std::size_t size = 0;
    value const* begin() const { return items; }
    value const* end() const { return items + size; }
};

bool equal(value const& a, value const& b);
/// -1, 0, 1 for two comparable non-empty values of the same kind.
int compare(value const& a, value const& b);
/// Text for messages and facts: dates ISO (or long form with lang), numbers without trailing zeros.
std::string to_text(value const& v, std::string_view lang = {}, bool long_dates = false);

}  // namespace rw::engine
