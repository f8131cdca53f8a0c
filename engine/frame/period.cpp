// period.cpp — STUB until periods land.
#include "claimcheck/period.hpp"

namespace claimcheck {
Day make_day(int y, int m, int d) { return y * 10000 + m * 100 + d; }
std::optional<Day> parse_iso_day(std::string_view) { return std::nullopt; }
std::string format_day(Day d) { return std::to_string(d); }
std::string describe_period(const Period&) { return ""; }
bool overlaps(const Period&, const Period&) { return true; }
bool contains(const Period&, const Period&) { return true; }
bool same_period(const Period&, const Period&, int) { return true; }
std::optional<Period> parse_period(std::string_view) { return std::nullopt; }
std::vector<PeriodMention> find_periods(std::string_view, Day) { return {}; }
}  // namespace claimcheck
