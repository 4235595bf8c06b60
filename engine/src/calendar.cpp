// Calendar arithmetic (see calendar.hpp). The month rule is the catalogue's: clamp to month end.
#include "rw/engine/calendar.hpp"

#include <array>
#include <charconv>

namespace rw::engine {

using namespace date;

static bool parse_uint(std::string_view s, unsigned& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{};
}

std::optional<day> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    unsigned y = 0, m = 0, dd = 0;
    if (!parse_uint(t.substr(0, 4), y) || !parse_uint(t.substr(5, 2), m) || !parse_uint(t.substr(8, 2), dd))
        return std::nullopt;
    year_month_day ymd{year{static_cast<int>(y)}, month{m}, date::day{dd}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string format_date(day d) {
    year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

/// Polish (issue 13): the day, the month in the genitive and the year, "16 listopada 2026", with no
/// weekday and no "r.": that form fits every sentence ("do 16 listopada 2026", "kończy się 16
/// listopada 2026"), where a weekday would need its own preposition and case.
static std::string format_date_pl(day d) {
    static constexpr std::array<char const*, 12> pl = {"stycznia", "lutego",    "marca",       "kwietnia",
                                                       "maja",     "czerwca",   "lipca",       "sierpnia",
                                                       "września", "października", "listopada", "grudnia"};
    year_month_day ymd{d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " + pl[static_cast<unsigned>(ymd.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string format_date_long(day d, std::string_view lang) {
    if (lang == "pl") return format_date_pl(d);
    static constexpr std::array<char const*, 12> nl = {"januari", "februari", "maart",     "april",
                                                       "mei",     "juni",     "juli",      "augustus",
                                                       "september", "oktober", "november", "december"};
    static constexpr std::array<char const*, 12> en = {"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};
    year_month_day ymd{d};
    auto mi = static_cast<unsigned>(ymd.month()) - 1;
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " + (lang == "en" ? en[mi] : nl[mi]) + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string format_date_weekday(day d, std::string_view lang) {
    if (lang == "pl") return format_date_pl(d);
    static constexpr std::array<char const*, 12> nl = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                       "jul", "aug", "sep", "okt", "nov", "dec"};
    static constexpr std::array<char const*, 12> en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr std::array<char const*, 7> wd_nl = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static constexpr std::array<char const*, 7> wd_en = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    year_month_day ymd{d};
    auto mi = static_cast<unsigned>(ymd.month()) - 1;
    auto wi = iso_weekday(d) - 1;
    bool en_ = lang == "en";
    return std::string(en_ ? wd_en[wi] : wd_nl[wi]) + " " + std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           (en_ ? en[mi] : nl[mi]) + " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string weekday_name(day d, std::string_view lang) {
    static constexpr std::array<char const*, 7> nl = {"maandag", "dinsdag", "woensdag", "donderdag",
                                                      "vrijdag", "zaterdag", "zondag"};
    static constexpr std::array<char const*, 7> en = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};
    auto wi = iso_weekday(d) - 1;
    return lang == "en" ? en[wi] : nl[wi];
}

day add_months(day d, int n) {
    year_month_day ymd{d};
    year_month ym = year_month{ymd.year(), ymd.month()} + months{n};
    auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    auto dd = ymd.day() > last ? last : ymd.day();
    return sys_days{year_month_day{ym.year(), ym.month(), dd}};
}

unsigned iso_weekday(day d) { return weekday{d}.iso_encoding(); }

day monday_of(day d) { return d - days{iso_weekday(d) - 1}; }

// ISO week 1 is the week with the year's first Thursday (it contains 4 January).
static day iso_year_start(int y) { return monday_of(sys_days{year{y} / January / 4}); }

unsigned iso_weeks_in_year(int y) {
    return static_cast<unsigned>((iso_year_start(y + 1) - iso_year_start(y)).count() / 7);
}

iso_week iso_week_of(day d) {
    int y = static_cast<int>(year_month_day{d + days{4 - static_cast<int>(iso_weekday(d))}}.year());
    auto w = static_cast<unsigned>((monday_of(d) - iso_year_start(y)).count() / 7 + 1);
    return {y, w};
}

day monday_of(iso_week w) { return iso_year_start(w.year) + days{7 * (static_cast<int>(w.week) - 1)}; }

std::optional<iso_week> parse_iso_week(std::string_view t) {
    if (t.size() != 8 || t[4] != '-' || t[5] != 'W') return std::nullopt;
    unsigned y = 0, w = 0;
    if (!parse_uint(t.substr(0, 4), y) || !parse_uint(t.substr(6, 2), w)) return std::nullopt;
    if (y < 1 || w < 1 || w > iso_weeks_in_year(static_cast<int>(y))) return std::nullopt;
    return iso_week{static_cast<int>(y), w};
}

std::string format_iso_week(iso_week w) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02u", w.year, w.week);
    return buf;
}

int age_on(day birth, day d) {
    year_month_day b{birth}, t{d};
    int age = static_cast<int>(t.year()) - static_cast<int>(b.year());
    // Birthday not yet reached this year? Compare (month, day); 29 Feb counts as 1 Mar in
    // non-leap years because "28 Feb < 29 Feb" keeps the birthday unreached on 28 Feb.
    auto tm = static_cast<unsigned>(t.month()), bm = static_cast<unsigned>(b.month());
    auto td = static_cast<unsigned>(t.day()), bd = static_cast<unsigned>(b.day());
    if (tm < bm || (tm == bm && td < bd)) --age;
    return age;
}

// Easter Sunday (anonymous Gregorian algorithm).
static day easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int mon = (h + l - 7 * m + 114) / 31, dayn = (h + l - 7 * m + 114) % 31 + 1;
    return sys_days{year{y} / month{static_cast<unsigned>(mon)} / date::day{static_cast<unsigned>(dayn)}};
}

// The day the King's (Queen's) birthday is celebrated (Atw art 3 lid 1). From 2014 Koningsdag is 27
// April; before, Koninginnedag was 30 April (1949-2013: Juliana's birthday, kept by Beatrix). Since
// the royal decree of 1980 it is never on a Sunday: it moves to the Saturday before (26 April 2025,
// 29 April 2006). Before 1980 a Sunday 30 April moved to Monday 1 May. The move only ever lands on a
// Saturday from 1980 on, so it changes no working day; a Saturday Koningsdag (27 April 2024) stays on
// the Saturday and moves nothing to Friday or Monday.
static day kings_day(int y) {
    day k = sys_days{year{y} / April / (y >= 2014 ? 27 : 30)};
    if (iso_weekday(k) != 7) return k;
    return y >= 1980 ? k - days{1} : k + days{1};
}

bool is_working_day(day d) {
    if (iso_weekday(d) >= 6) return false;
    year_month_day ymd{d};
    int y = static_cast<int>(ymd.year());
    auto md = ymd.month() / ymd.day();
    if (md == January / 1 || md == May / 5 || md == December / 25 || md == December / 26) return false;
    day e = easter(y);
    if (d == e - days{2} || d == e + days{1} || d == e + days{39} || d == e + days{50}) return false;
    if (d == kings_day(y)) return false;
    return true;
}

day working_days_before(day d, int n) {
    day cur = d;
    while (n > 0) {
        cur -= days{1};
        if (is_working_day(cur)) --n;
    }
    return cur;
}

namespace {
// "[-]W[.F]" with at most `places` digits after the point, as an integer in units of 10^-places
// (money: cents, decimals: thousandths). Exact: never through a float.
std::optional<std::int64_t> parse_fixed(std::string_view t, std::size_t places) {
    if (t.empty()) return std::nullopt;
    bool neg = false;
    if (t[0] == '-') {
        neg = true;
        t.remove_prefix(1);
    }
    auto dot = t.find('.');
    std::string_view whole = t.substr(0, dot), frac = dot == std::string_view::npos ? "" : t.substr(dot + 1);
    if (whole.empty() || frac.size() > places || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
    std::int64_t w = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        w = w * 10 + (c - '0');
        if (w > 1000000000000LL) return std::nullopt;
    }
    std::int64_t f = 0;
    for (char c : frac) {
        if (c < '0' || c > '9') return std::nullopt;
        f = f * 10 + (c - '0');
    }
    std::int64_t scale = 1;
    for (std::size_t i = 0; i < places; ++i) scale *= 10;
    for (std::size_t i = frac.size(); i < places; ++i) f *= 10;
    std::int64_t v = w * scale + f;
    return neg ? -v : v;
}
}  // namespace

std::optional<money> parse_money(std::string_view t) {
    auto v = parse_fixed(t, 2);
    if (!v) return std::nullopt;
    return money{*v};
}

std::optional<std::int64_t> parse_percent_micro(std::string_view t) {
    // Percent points with four decimals are millionths of one: 7.45 -> 74500.
    return parse_fixed(t, 4);
}

std::string format_money(money m) {
    std::int64_t c = m.cents < 0 ? -m.cents : m.cents;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", m.cents < 0 ? "-" : "", static_cast<long long>(c / 100),
                  static_cast<long long>(c % 100));
    return buf;
}

std::optional<decimal> parse_decimal(std::string_view t) {
    auto v = parse_fixed(t, 3);
    if (!v) return std::nullopt;
    return decimal{*v};
}

std::string format_decimal(decimal d) {
    std::int64_t v = d.milli < 0 ? -d.milli : d.milli;
    std::string s = std::to_string(v / 1000);
    std::int64_t f = v % 1000;
    if (f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(f));
        std::string fs = buf;
        while (!fs.empty() && fs.back() == '0') fs.pop_back();
        s += "." + fs;
    }
    return (d.milli < 0 ? "-" : "") + s;
}

}  // namespace rw::engine
