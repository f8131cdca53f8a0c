// period.hpp — time periods as closed date intervals, parsed from text.
//
//   auto p = claimcheck::parse_period("FY2011");  // 2010-10-01 .. 2011-09-30
//   auto found = claimcheck::find_periods("Between October 2008 and June 2010, ...", {});
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// A calendar day as yyyymmdd (20110930); 0 means unknown / open.
using Day = int;

Day make_day(int year, int month, int day);
std::optional<Day> parse_iso_day(std::string_view s);  // "2011-09-30"
std::string format_day(Day d);                         // "2011-09-30"

struct Period {
  Day from = 0;  // inclusive; 0 = open at the start
  Day to = 0;    // inclusive; 0 = open at the end
  bool operator==(const Period&) const = default;
  bool empty() const { return from == 0 && to == 0; }
};

// "2011-01-01..2011-12-31" style label for messages ("FY2011" when it is one).
std::string describe_period(const Period& p);

// Do two periods overlap / does `outer` contain `inner`?
bool overlaps(const Period& a, const Period& b);
bool contains(const Period& outer, const Period& inner);
// Same period at the precision stated: ends within `slack_days` of each other.
bool same_period(const Period& a, const Period& b, int slack_days = 45);

// Whole-string forms a rules file may give: "FY2011", "FY 2011",
// "fiscal year 2011", "2009", "2008-10-27..2010-06-30", a month "2022-01",
// "January 2022", a quarter "Q1 2022" / "2022-Q1", a fiscal year across two
// calendar years "2021-22" / "2021/22" / "FY2021-22". Fiscal years start in
// `fiscal_year_start` (1-12; 10 is the US federal year, FY2011 =
// 2010-10-01..2011-09-30; 4 the UK's, 2021-22 = 2021-04-01..2022-03-31).
// "2011-12" is always the month (ISO 8601); write "2011/12" for the year.
std::optional<Period> parse_period(std::string_view s, int fiscal_year_start = 10);


struct PeriodMention {
  size_t begin = 0;  // byte span in the text searched
  size_t end = 0;
  Period period;
  bool open_end = false;  // "since 2008": runs to the document's date
  // How exactly the text pins each end down, in days: 0 for a day, about 30
  // for a month, 365 for a year. "October 2008" may start any day of October.
  int from_precision = 0;
  int to_precision = 0;
};

// Is a reference period consistent with a period stated at the given
// precision? Open ends (0) on either side match any date; `slack_days` allows
// for loose usage such as a calendar year quoted for the fiscal year.
bool consistent_period(const PeriodMention& stated, const Period& reference, int slack_days = 0);

// Days between two days (b - a); both must be non-zero.
int days_between(Day a, Day b);

// Every time expression in `text`: years, fiscal years in every spelling,
// months, "between October 2008 and June 2010", "from 2008 to 2010",
// "since 2008" (closed at `document_date` when known), "through mid-2010",
// "late 2008", "early 2009". "FY2022", "fiscal 2022" and "last fiscal year"
// are fiscal years starting in month `fiscal_year_start` (10: the US federal
// year; 4 the UK's, 7 Australia's; 1 the calendar year), the start the rules
// a draft is checked with declare. Linear in the text.
std::vector<PeriodMention> find_periods(std::string_view text, Day document_date = 0,
                                        int fiscal_year_start = 10);

// How a period the text states stands against a reference period. A
// reference of a month or a quarter is compared exactly (January is not
// February); a coarser statement that covers it ("in 2022" for January 2022)
// is unknown, not agreement; one that does not cover it differs. Other
// references are compared by consistent_period with `slack_days`.
enum class PeriodFit { agree, differ, unknown };
PeriodFit fit_period(const PeriodMention& stated, const Period& reference, int slack_days);
// A period of at most a quarter: such references are compared exactly.
bool is_short_period(const Period& p);

}  // namespace claimcheck
