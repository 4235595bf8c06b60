// Calendar primitives: the catalogue's month clamping, ISO weeks (53-week years), ages on 29 Feb,
// working days under the Algemene termijnenwet, exact money and decimals.
#include "rw/engine/calendar.hpp"

#include <gtest/gtest.h>

using namespace rw::engine;

static day d(char const* s) { return *parse_date(s); }

TEST(Calendar, ParseDateIsStrict) {
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2025-02-29"));
    EXPECT_FALSE(parse_date("2026-02-30"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("30-11-2026"));
    EXPECT_FALSE(parse_date("2026-1-01"));
    EXPECT_FALSE(parse_date("20261101"));
    EXPECT_EQ(format_date(d("2026-01-05")), "2026-01-05");
}

TEST(Calendar, AddMonthsClampsToMonthEnd) {
    EXPECT_EQ(add_months(d("2026-01-31"), 1), d("2026-02-28"));
    EXPECT_EQ(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    EXPECT_EQ(add_months(d("2026-08-30"), -1), d("2026-07-30"));
    EXPECT_EQ(add_months(d("2026-03-31"), -1), d("2026-02-28"));
    EXPECT_EQ(add_months(d("2024-03-31"), -1), d("2024-02-29"));
    EXPECT_EQ(add_months(d("2025-11-01"), 13), d("2026-12-01"));
    EXPECT_EQ(add_months(d("2020-02-29"), 12), d("2021-02-28"));
}

TEST(Calendar, IsoWeeks) {
    EXPECT_EQ(iso_weeks_in_year(2020), 53u);
    EXPECT_EQ(iso_weeks_in_year(2021), 52u);
    EXPECT_EQ(iso_weeks_in_year(2026), 53u);
    EXPECT_EQ(monday_of(iso_week{2026, 1}), d("2025-12-29"));
    EXPECT_EQ(monday_of(iso_week{2020, 53}), d("2020-12-28"));
    EXPECT_EQ(iso_week_of(d("2021-01-03")), (iso_week{2020, 53}));
    EXPECT_EQ(iso_week_of(d("2023-01-02")), (iso_week{2023, 1}));
    EXPECT_EQ(iso_week_of(d("2024-12-30")), (iso_week{2025, 1}));
    EXPECT_TRUE(parse_iso_week("2026-W53"));
    EXPECT_FALSE(parse_iso_week("2021-W53"));
    EXPECT_FALSE(parse_iso_week("2025-W00"));
    EXPECT_FALSE(parse_iso_week("2025-7"));
    EXPECT_EQ(format_iso_week({2025, 7}), "2025-W07");
    EXPECT_EQ(week_index(d("2026-01-04")) + 1, week_index(d("2026-01-05")));
    EXPECT_EQ(monday_of_index(week_index(d("2026-01-07"))), d("2026-01-05"));
}

TEST(Calendar, AgeAndLeapDayBirthdays) {
    EXPECT_EQ(age_on(d("2005-11-25"), d("2026-11-24")), 20);
    EXPECT_EQ(age_on(d("2005-11-25"), d("2026-11-25")), 21);
    EXPECT_EQ(age_on(d("2008-02-29"), d("2026-02-28")), 17);
    EXPECT_EQ(age_on(d("2008-02-29"), d("2026-03-01")), 18);
    EXPECT_EQ(age_on(d("2008-02-29"), d("2028-02-29")), 20);
}

TEST(Calendar, WorkingDays) {
    EXPECT_EQ(working_days_before(d("2026-03-09"), 2), d("2026-03-05"));  // Monday -> Thursday
    EXPECT_FALSE(is_working_day(d("2026-04-27")));  // Koningsdag
    EXPECT_FALSE(is_working_day(d("2025-04-26")));  // Koningsdag moved: 27 April 2025 is a Sunday
    EXPECT_FALSE(is_working_day(d("2026-04-06")));  // tweede Paasdag
    EXPECT_FALSE(is_working_day(d("2026-04-03")));  // Goede Vrijdag
    EXPECT_FALSE(is_working_day(d("2026-05-14")));  // Hemelvaartsdag
    EXPECT_FALSE(is_working_day(d("2026-05-25")));  // tweede Pinksterdag
    EXPECT_FALSE(is_working_day(d("2026-05-05")));  // 5 mei, every year
    EXPECT_TRUE(is_working_day(d("2026-05-06")));
    EXPECT_EQ(working_days_before(d("2026-04-07"), 2), d("2026-04-01"));  // over Easter
}

// Koningsdag (Atw art 3 lid 1: "de dag waarop de verjaardag van de Koning wordt gevierd"): 27 April,
// the Saturday before when the 27th is a Sunday (royal decree of 1980: never on a Sunday). Before 2014
// it was Koninginnedag, 30 April. The old check (26 April 2025 is no working day) held for any code:
// that day is a Saturday. What the move may not do is make a weekday a holiday.
TEST(Calendar, KoningsdagAndItsMoves) {
    // 2025: 27 April is a Sunday, celebrated Saturday 26 April; Friday 25 and Monday 28 are working days.
    EXPECT_EQ(iso_weekday(d("2025-04-27")), 7u);
    EXPECT_TRUE(is_working_day(d("2025-04-25")));
    EXPECT_TRUE(is_working_day(d("2025-04-28")));
    // 2024: 27 April is a Saturday and stays there; Friday 26 and Monday 29 April are working days.
    EXPECT_EQ(iso_weekday(d("2024-04-27")), 6u);
    EXPECT_TRUE(is_working_day(d("2024-04-26")));
    EXPECT_TRUE(is_working_day(d("2024-04-29")));
    // A weekday Koningsdag: Monday 27 April 2026, Thursday 27 April 2023.
    EXPECT_FALSE(is_working_day(d("2026-04-27")));
    EXPECT_FALSE(is_working_day(d("2023-04-27")));
    // Koninginnedag until 2013: Monday 30 April 2012 was a holiday, Friday 27 April 2012 a working day.
    EXPECT_FALSE(is_working_day(d("2012-04-30")));
    EXPECT_TRUE(is_working_day(d("2012-04-27")));
    EXPECT_FALSE(is_working_day(d("2013-04-30")));  // Tuesday, the last Koninginnedag
    // 30 April 2006 was a Sunday: celebrated Saturday 29 April; Monday 1 May 2006 is a working day.
    EXPECT_TRUE(is_working_day(d("2006-05-01")));
    EXPECT_TRUE(is_working_day(d("2006-04-28")));
    // Through working_days_before: the working day before Tuesday 1 May 2012 is Friday 27 April.
    EXPECT_EQ(working_days_before(d("2012-05-01"), 1), d("2012-04-27"));
    // and before Tuesday 29 April 2025 nothing is skipped (the moved Koningsdag is a Saturday).
    EXPECT_EQ(working_days_before(d("2025-04-29"), 2), d("2025-04-25"));
}

TEST(Calendar, MoneyAndDecimals) {
    EXPECT_EQ(parse_money("14.71")->cents, 1471);
    EXPECT_EQ(parse_money("14.7")->cents, 1470);
    EXPECT_EQ(parse_money("14")->cents, 1400);
    EXPECT_FALSE(parse_money("14,71"));
    EXPECT_FALSE(parse_money("14.715"));
    EXPECT_FALSE(parse_money("14."));
    EXPECT_EQ(format_money(money{1470}), "14.70");
    EXPECT_EQ(parse_decimal("37.5")->milli, 37500);
    EXPECT_EQ(format_decimal(decimal{37500}), "37.5");
    EXPECT_EQ(format_decimal(decimal{32000}), "32");
    EXPECT_FALSE(parse_decimal("veertig"));
    EXPECT_EQ(parse_money("-3.5")->cents, -350);
    EXPECT_EQ(parse_decimal("-0.125")->milli, -125);
    EXPECT_FALSE(parse_decimal("1.2345"));
    EXPECT_FALSE(parse_money(""));
    EXPECT_FALSE(parse_money("-"));
    EXPECT_FALSE(parse_money(".5"));
}

TEST(Calendar, LongDates) {
    EXPECT_EQ(format_date_long(d("2026-01-05"), "nl"), "5 januari 2026");
    EXPECT_EQ(format_date_long(d("2026-01-05"), "en"), "5 January 2026");
    EXPECT_EQ(format_date_weekday(d("2026-11-15"), "nl"), "zo 15 nov 2026");
    EXPECT_EQ(format_date_weekday(d("2026-11-16"), "en"), "Mon 16 Nov 2026");
    EXPECT_EQ(format_date_weekday(d("2027-03-01"), "nl"), "ma 1 mrt 2027");
    EXPECT_EQ(weekday_name(d("2026-11-15"), "nl"), "zondag");
    EXPECT_EQ(weekday_name(d("2026-11-20"), "en"), "Friday");
}
