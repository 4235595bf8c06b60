// Calendar arithmetic for the engine: ISO dates and weeks, the catalogue's month clamping rule,
// ages, and working days. Dates are date::sys_days throughout; nothing here reads a clock.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rw::engine {

using day = date::sys_days;

/// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt when malformed or not a real day.
std::optional<day> parse_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_date(day d);
/// "5 januari 2026" (nl) or "5 January 2026" (en).
std::string format_date_long(day d, std::string_view lang);
/// A date for people, with its weekday: "zo 15 nov 2026" (nl) or "Sun 15 Nov 2026" (en).
std::string format_date_weekday(day d, std::string_view lang);
/// The weekday alone, in full: "zondag" (nl) or "Sunday" (en).
std::string weekday_name(day d, std::string_view lang);

/// D + N months: the same day number N months later, or that month's last day when it is shorter
/// (rule-catalogue "Date arithmetic", normative). N may be negative.
day add_months(day d, int n);
inline day add_days(day d, int n) { return d + date::days{n}; }

/// ISO weekday: Monday = 1 ... Sunday = 7.
unsigned iso_weekday(day d);
/// The Monday of the ISO week containing d.
day monday_of(day d);

/// An ISO week (year, 1..53). Weeks are identified by their Monday inside the engine.
struct iso_week {
    int year = 0;
    unsigned week = 0;
    friend bool operator==(iso_week const&, iso_week const&) = default;
};
/// Number of ISO weeks in a year (52 or 53).
unsigned iso_weeks_in_year(int year);
iso_week iso_week_of(day d);
/// Monday of an ISO week; the week must exist (see iso_weeks_in_year).
day monday_of(iso_week w);
/// Strict "YYYY-Www"; nullopt when malformed or when the week does not exist in that year.
std::optional<iso_week> parse_iso_week(std::string_view text);
std::string format_iso_week(iso_week w);

/// A compact week number: consecutive ISO weeks have consecutive numbers (Monday-based).
inline std::int32_t week_index(day d) {
    return static_cast<std::int32_t>((monday_of(d).time_since_epoch().count() + 3) / 7);
}
inline day monday_of_index(std::int32_t w) { return day{date::days{std::int64_t{w} * 7 - 3}}; }

/// Age in whole years on day d for someone born on b. A 29 February birthday falls on 1 March in
/// non-leap years (the day after 28 February), the usual Dutch civil reading.
int age_on(day birth, day d);

/// Weekend or a public holiday of the Algemene termijnenwet art 3 (Nieuwjaarsdag, Goede Vrijdag,
/// tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag, beide Kerstdagen).
bool is_working_day(day d);
/// The day that lies n working days before d (n >= 1): n = 2 before a Monday is the Thursday.
day working_days_before(day d, int n);

/// Money in euro cents: exact, never a float.
struct money {
    std::int64_t cents = 0;
    friend auto operator<=>(money const&, money const&) = default;
};
/// "14.71" / "14.7" / "14"; nullopt for more than two decimals, a comma, or junk.
std::optional<money> parse_money(std::string_view text);
/// A percentage's number ("7.45" of 7,45 %) in millionths of one (74500); at most four decimals.
std::optional<std::int64_t> parse_percent_micro(std::string_view text);
/// "14.71"
std::string format_money(money m);

/// A decimal quantity (hours) in thousandths: exact for the values the formats use.
struct decimal {
    std::int64_t milli = 0;
    friend auto operator<=>(decimal const&, decimal const&) = default;
};
std::optional<decimal> parse_decimal(std::string_view text);
/// Without trailing zeros: "32", "37.5".
std::string format_decimal(decimal d);

}  // namespace rw::engine
