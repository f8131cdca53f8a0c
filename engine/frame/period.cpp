// period.cpp — dates and periods: parsing the time expressions writers use
// (years, fiscal years, months, ranges, "since", "through mid-2010") into
// closed day intervals that remember how precisely each end was stated.
#include "claimcheck/period.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>

#include "extract/normalize.hpp"

namespace claimcheck {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

int last_day_of_month(int y, int m) {
  return static_cast<int>(unsigned(
      std::chrono::year_month_day_last(year(y), std::chrono::month_day_last(month(m))).day()));
}

sys_days to_sys(Day d) {
  return sys_days(year_month_day(year(d / 10000), month((d / 100) % 100), day(d % 100)));
}

// A date expression as the text states it: the interval it covers.
struct Atom {
  size_t begin, end;
  Day from, to;
  int precision;  // days of uncertainty of either end
  bool fiscal = false;
};

int month_from_name(std::string_view name) {
  static const std::array<const char*, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                    "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (size_t i = 0; i < names.size(); ++i)
    if (strncasecmp(name.data(), names[i], 3) == 0) return static_cast<int>(i) + 1;
  return 0;
}

int expand_year(std::string_view digits) {
  int y = std::atoi(std::string(digits).c_str());
  if (digits.size() == 2) y += 2000;  // "FY11", "2008-10"
  return y;
}

Atom year_atom(size_t b, size_t e, int y) {
  return {b, e, make_day(y, 1, 1), make_day(y, 12, 31), 365};
}

// Fiscal year N starting in month `start` ends in calendar year N: the US
// federal year (start 10) runs 1 October N-1 to 30 September N, Australia's
// (7) 1 July N-1 to 30 June N; start 1 is the calendar year.
Atom fiscal_atom(size_t b, size_t e, int y, int start) {
  if (start <= 1 || start > 12) return {b, e, make_day(y, 1, 1), make_day(y, 12, 31), 30, true};
  return {b, e, make_day(y - 1, start, 1), make_day(y, start - 1, last_day_of_month(y, start - 1)), 30, true};
}

Atom month_atom(size_t b, size_t e, int y, int m) {
  return {b, e, make_day(y, m, 1), make_day(y, m, last_day_of_month(y, m)), 30};
}

// Quarter q (1-4) of calendar year y: stated at the precision of a month.
Atom quarter_atom(size_t b, size_t e, int y, int q) {
  return {b, e, make_day(y, 3 * q - 2, 1), make_day(y, 3 * q, last_day_of_month(y, 3 * q)), 30};
}

int quarter_from_word(std::string_view w) {
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  if (c == 'f' && w.size() > 1 && std::tolower(static_cast<unsigned char>(w[1])) == 'o') return 4;
  if (c == 'f' || c == '1') return 1;
  if (c == 's' || c == '2') return 2;
  if (c == 't' || c == '3') return 3;
  return c == '4' ? 4 : 0;
}

Atom part_of_year_atom(size_t b, size_t e, std::string_view part, int y) {
  // early = Jan-Apr, mid = May-Aug, late = Sep-Dec: thirds of the year.
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(part[0])));
  if (c == 'e') return {b, e, make_day(y, 1, 1), make_day(y, 4, 30), 60};
  if (c == 'm') return {b, e, make_day(y, 5, 1), make_day(y, 8, 31), 60};
  return {b, e, make_day(y, 9, 1), make_day(y, 12, 31), 60};
}

const char kMonth[] =
    "(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|"
    "aug(?:ust|\\.)?|sep(?:tember|t\\.|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

// One scanner for every date atom; the alternatives are tried in order, so
// the longer forms (fiscal year, month + year) win over a bare year.
const RE2& atom_re() {
  static const RE2 re(std::string("(?i)\\b(?:") +
                          // 1: fiscal year with 4 or 2 digits
                          "(?:fiscal\\s+years?|fiscal|fy)\\s*'?(\\d{4}|\\d{2})\\b" +
                          // 2,3: early/mid/late year
                          "|(early|mid|late)[-\\s]+(\\d{4})\\b" +
                          // 4,5,6: month [day,] year
                          "|" + kMonth + "\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(\\d{4})\\b" +
                          // 7,8,9: ISO date
                          "|(\\d{4})-(\\d{2})-(\\d{2})\\b" +
                          // 10,11: "2022-Q1", "2022 Q1"
                          "|(\\d{4})[-\\s]?q([1-4])\\b" +
                          // 12,13: "Q1 2022", "Q1-2022"
                          "|q([1-4])[-\\s]+(\\d{4})\\b" +
                          // 14,15: "first quarter of 2022", "1st quarter 2022"
                          "|(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?:\\s+of)?,?\\s+(\\d{4})\\b" +
                          // 16: bare year
                          "|(\\d{4})\\b" + ")",
                      RE2::Quiet);
  return re;
}

bool plausible_year(int y) { return y >= 1900 && y <= 2100; }

// Relative time expressions resolved against the document's date D:
// "this (fiscal) year" runs from its start to D, "last (fiscal) year" is the
// whole previous one, "the fiscal year that ended Sept. 30" / "that began
// Oct. 1" is the one that ended or began last before D, "June of this year"
// is June of D's year. Without a date they are not periods at all.
const RE2& relative_re() {
  static const RE2 re(
      std::string("(?i)\\b(?:") +
          // 1,2: [so far | since the start of] this (fiscal) year
          "((?:(?:so far|to date|year to date|since the (?:start|beginning) of)\\s+)?"
          "(?:this|the current) (fiscal )?year)\\b" +
          // 3,4: [all of] last (fiscal) year
          "|((?:(?:in )?all of |the whole of |the )?(?:last|past) (fiscal )?year)\\b" +
          // 5: the fiscal year that ended / began
          "|the fiscal year that (ended|closed|began|started)(?:\\s+(?:on\\s+)?"
          "(?:sept?(?:ember|\\.|t\\.)?\\s+30|oct(?:ober|\\.)?\\s+1)\\b)?" +
          // 6,7,8: month [day] of this / last year
          "|" + kMonth + "\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?of (this|last) year\\b" +
          // 9: this / last month
          "|(this|last) month\\b" + ")",
      RE2::Quiet);
  return re;
}

// The fiscal year (named by the year it ends in) that holds day `d`.
int fiscal_year_of(Day d, int start) {
  const int y = d / 10000, m = (d / 100) % 100;
  return start > 1 && start <= 12 && m >= start ? y + 1 : y;
}

// The first day of fiscal year `fy`.
Day fiscal_start_day(int fy, int start) {
  return start > 1 && start <= 12 ? make_day(fy - 1, start, 1) : make_day(fy, 1, 1);
}

void find_relative_atoms(std::string_view text, Day date, int start, std::vector<Atom>& atoms) {
  if (!date) return;
  const int y = date / 10000, mo = (date / 100) % 100;
  const RE2& re = relative_re();
  re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  std::array<re2::StringPiece, 10> g;
  auto has = [&](int i) { return g[i].data() != nullptr; };
  auto str = [&](int i) { return std::string_view(g[i].data(), g[i].size()); };
  auto lower0 = [&](int i) { return std::tolower(static_cast<unsigned char>(g[i][0])); };
  while (pos < text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
    const size_t b = static_cast<size_t>(g[0].data() - text.data());
    const size_t e = b + g[0].size();
    pos = e > pos ? e : pos + 1;
    if (has(3)) {
      const bool fiscal = !g[4].empty();
      atoms.push_back(fiscal ? fiscal_atom(b, e, fiscal_year_of(date, start) - 1, start) : year_atom(b, e, y - 1));
    } else if (has(5)) {
      // Ended: the last fiscal year whose 30 September is before D; began:
      // the one whose 1 October is.
      const bool ended = lower0(5) == 'e' || lower0(5) == 'c';
      const int fy = fiscal_year_of(date, start);
      atoms.push_back(fiscal_atom(b, e, ended ? fy - 1 : fy, start));
    } else if (has(6)) {
      const int m = month_from_name(str(6));
      const int yy = lower0(8) == 't' ? y : y - 1;
      if (m == 0) continue;
      if (!g[7].empty()) {
        const int d = std::atoi(std::string(str(7)).c_str());
        if (d < 1 || d > last_day_of_month(yy, m)) continue;
        atoms.push_back({b, e, make_day(yy, m, d), make_day(yy, m, d), 0});
      } else {
        atoms.push_back(month_atom(b, e, yy, m));
      }
    } else if (has(9)) {
      if (lower0(9) == 't') {
        atoms.push_back({b, e, make_day(y, mo, 1), date, 0});
      } else {
        const int py = mo == 1 ? y - 1 : y, pm = mo == 1 ? 12 : mo - 1;
        atoms.push_back(month_atom(b, e, py, pm));
      }
    } else {
      // this (fiscal) year: from its start to the document's date
      const bool fiscal = !g[2].empty();
      const Day from = fiscal ? fiscal_start_day(fiscal_year_of(date, start), start) : make_day(y, 1, 1);
      atoms.push_back({b, e, from, date, 0, fiscal});
    }
  }
}

std::vector<Atom> find_atoms(std::string_view text, Day document_date, int fiscal_year_start) {
  std::vector<Atom> atoms;
  const RE2& re = atom_re();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  std::array<re2::StringPiece, 17> g;
  size_t pos = 0;
  while (pos < text.size()) {
    std::array<re2::StringPiece, 17> sub;
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size())))
      break;
    g = sub;
    whole = g[0];
    size_t b = static_cast<size_t>(whole.data() - text.data());
    size_t e = b + whole.size();
    pos = e > pos ? e : pos + 1;
    // A number glued to other digits or to a decimal point is no date.
    if (b > 0 && (std::isdigit(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '$' ||
                  text[b - 1] == '.' || text[b - 1] == ','))
      continue;
    if (e < text.size() && (text[e] == '%' || (text[e] == ',' && e + 1 < text.size() &&
                                               std::isdigit(static_cast<unsigned char>(text[e + 1])))))
      continue;
    if (!g[1].empty()) {
      int y = expand_year(std::string_view(g[1].data(), g[1].size()));
      if (plausible_year(y)) atoms.push_back(fiscal_atom(b, e, y, fiscal_year_start));
    } else if (!g[2].empty()) {
      int y = expand_year(std::string_view(g[3].data(), g[3].size()));
      if (plausible_year(y))
        atoms.push_back(part_of_year_atom(b, e, std::string_view(g[2].data(), g[2].size()), y));
    } else if (!g[4].empty()) {
      int y = expand_year(std::string_view(g[6].data(), g[6].size()));
      int m = month_from_name(std::string_view(g[4].data(), g[4].size()));
      if (!plausible_year(y) || m == 0) continue;
      if (!g[5].empty()) {
        int d = std::atoi(std::string(g[5].data(), g[5].size()).c_str());
        if (d < 1 || d > last_day_of_month(y, m)) continue;
        atoms.push_back({b, e, make_day(y, m, d), make_day(y, m, d), 0});
      } else {
        atoms.push_back(month_atom(b, e, y, m));
      }
    } else if (!g[7].empty()) {
      int y = expand_year(std::string_view(g[7].data(), g[7].size()));
      int m = std::atoi(std::string(g[8].data(), g[8].size()).c_str());
      int d = std::atoi(std::string(g[9].data(), g[9].size()).c_str());
      if (!plausible_year(y) || m < 1 || m > 12 || d < 1 || d > last_day_of_month(y, m)) continue;
      atoms.push_back({b, e, make_day(y, m, d), make_day(y, m, d), 0});
    } else if (!g[10].empty() || !g[12].empty() || !g[14].empty()) {
      const auto text_of = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
      int y, q;
      if (!g[10].empty()) {
        y = expand_year(text_of(g[10]));
        q = g[11][0] - '0';
      } else if (!g[12].empty()) {
        y = expand_year(text_of(g[13]));
        q = g[12][0] - '0';
      } else {
        y = expand_year(text_of(g[15]));
        q = quarter_from_word(text_of(g[14]));
      }
      if (plausible_year(y) && q >= 1 && q <= 4) atoms.push_back(quarter_atom(b, e, y, q));
    } else if (!g[16].empty()) {
      int y = expand_year(std::string_view(g[16].data(), g[16].size()));
      if (plausible_year(y)) atoms.push_back(year_atom(b, e, y));
    }
  }
  // Relative expressions, where no absolute date already covers the words.
  std::vector<Atom> relative;
  find_relative_atoms(text, document_date, fiscal_year_start, relative);
  for (const Atom& r : relative) {
    bool overlap = false;
    for (const Atom& a : atoms) overlap = overlap || (a.begin < r.end && r.begin < a.end);
    if (!overlap) atoms.push_back(r);
  }
  std::sort(atoms.begin(), atoms.end(), [](const Atom& a, const Atom& b) { return a.begin < b.begin; });
  return atoms;
}

// The lower-cased word just before `pos` (skipping spaces) and where it starts.
struct Word {
  std::string text;
  size_t begin;
};
Word preceding_word(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  size_t b = end;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  std::string out(text.substr(b, end - b));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return {out, b};
}

bool ends_with_word(const std::string& s, std::string_view w) {
  if (s.size() < w.size()) return false;
  if (s.compare(s.size() - w.size(), w.size(), w) != 0) return false;
  return s.size() == w.size() || !std::isalpha(static_cast<unsigned char>(s[s.size() - w.size() - 1]));
}

// Text between two atoms that joins them into a range: "and", "to", "-" ...
bool is_range_joiner(std::string_view between) {
  std::string s;
  for (char c : between)
    if (!std::isspace(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(c));
  return s == "and" || s == "to" || s == "through" || s == "thru" || s == "until" ||
         s == "till" || s == "-" || s == "\xe2\x80\x93" /* – */ || s == "\xe2\x80\x94" /* — */;
}

}  // namespace

Day make_day(int y, int m, int d) { return y * 10000 + m * 100 + d; }

std::optional<Day> parse_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  int m = std::atoi(std::string(s.substr(5, 2)).c_str());
  int d = std::atoi(std::string(s.substr(8, 2)).c_str());
  if (m < 1 || m > 12 || d < 1 || d > last_day_of_month(y, m)) return std::nullopt;
  return make_day(y, m, d);
}

std::string format_day(Day d) {
  if (d == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, (d / 100) % 100, d % 100);
  return buf;
}

int days_between(Day a, Day b) { return static_cast<int>((to_sys(b) - to_sys(a)).count()); }

std::string describe_period(const Period& p) {
  if (p.empty()) return "no period";
  const int fy_from = p.from / 10000;
  if (p.from && p.to && p.from % 10000 == 1001 && p.to % 10000 == 930 &&
      p.to / 10000 == fy_from + 1)
    return "FY" + std::to_string(fy_from + 1);
  if (p.from && p.to && p.from % 10000 == 101 && p.to % 10000 == 1231) {
    if (p.from / 10000 == p.to / 10000) return std::to_string(p.from / 10000);
    return std::to_string(p.from / 10000) + "-" + std::to_string(p.to / 10000);
  }
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  if (p.from && p.to && p.from % 100 == 1 && p.to / 10000 == p.from / 10000) {
    const int y = p.from / 10000, m1 = (p.from / 100) % 100, m2 = (p.to / 100) % 100;
    const bool month_end = p.to % 100 == last_day_of_month(y, m2);
    if (month_end && m1 == m2) return std::string(kMonths[m1 - 1]) + " " + std::to_string(y);
    if (month_end && m2 == m1 + 2 && m1 % 3 == 1)
      return "Q" + std::to_string((m1 + 2) / 3) + " " + std::to_string(y);
  }
  if (p.from && !p.to) return "since " + format_day(p.from);
  if (!p.from && p.to) return "through " + format_day(p.to);
  if (p.from == p.to) return format_day(p.from);
  return format_day(p.from) + " to " + format_day(p.to);
}

bool overlaps(const Period& a, const Period& b) {
  const bool a_before_b = a.to && b.from && a.to < b.from;
  const bool b_before_a = b.to && a.from && b.to < a.from;
  return !a_before_b && !b_before_a;
}

bool contains(const Period& outer, const Period& inner) {
  const bool from_ok = !outer.from || (inner.from && inner.from >= outer.from);
  const bool to_ok = !outer.to || (inner.to && inner.to <= outer.to);
  return from_ok && to_ok;
}

bool same_period(const Period& a, const Period& b, int slack_days) {
  auto close = [&](Day x, Day y) {
    if (!x || !y) return !x && !y;
    return std::abs(days_between(x, y)) <= slack_days;
  };
  return close(a.from, b.from) && close(a.to, b.to);
}

bool consistent_period(const PeriodMention& stated, const Period& ref, int slack_days) {
  // The stated `from` may be any day of its unit ("October 2008" = 1..31 Oct),
  // so the reference start must fall in [from, from + precision]; likewise the
  // end falls in [to - precision, to]. Open ends on either side match.
  const Period& s = stated.period;
  if (s.from && ref.from) {
    const int d = days_between(s.from, ref.from);
    if (d < -slack_days || d > stated.from_precision + slack_days) return false;
  }
  if (s.to && ref.to && !stated.open_end) {
    const int d = days_between(ref.to, s.to);
    if (d < -slack_days || d > stated.to_precision + slack_days) return false;
  }
  if (stated.open_end && s.to && ref.to && ref.to > s.to + 0) {
    // "since 2008" in a document of 2010 cannot cover figures running to 2012.
    if (days_between(s.to, ref.to) > slack_days) return false;
  }
  return true;
}

namespace {

// Fiscal year N, starting in month `start`, ends in calendar year N (the US
// and most other conventions name a fiscal year by the year it ends in).
Period fiscal_year(int year_ending, int start) {
  if (start <= 1) return {make_day(year_ending, 1, 1), make_day(year_ending, 12, 31)};
  return {make_day(year_ending - 1, start, 1),
          make_day(year_ending, start - 1, last_day_of_month(year_ending, start - 1))};
}

// The forms only a rules file writes: ISO months, quarters, fiscal years
// across two calendar years, fiscal years with the file's start month.
std::optional<Period> parse_rules_form(std::string_view s, int start) {
  static const RE2 month_or_span("(\\d{4})-(\\d{2})");
  static const RE2 slash_span("(?i)(?:fy|fiscal year)?\\s*(\\d{4})[-/](\\d{2}|\\d{4})");
  static const RE2 quarter("(?i)q([1-4])[-\\s]*(\\d{4})|(\\d{4})[-\\s]*q([1-4])");
  static const RE2 fiscal("(?i)(?:fy|fiscal year|fiscal)\\s*'?(\\d{4}|\\d{2})");
  const re2::StringPiece in(s.data(), s.size());
  std::string a, b, c, d;
  int y = 0, n = 0;
  if (RE2::FullMatch(in, month_or_span, &y, &n)) {
    if (n >= 1 && n <= 12) return Period{make_day(y, n, 1), make_day(y, n, last_day_of_month(y, n))};
  }
  if (RE2::FullMatch(in, slash_span, &a, &b)) {
    y = std::atoi(a.c_str());
    const int second = std::atoi(b.c_str());
    if (!(second == y + 1 || second == (y + 1) % 100)) return std::nullopt;
    if (start <= 1) return Period{make_day(y, 1, 1), make_day(y + 1, 12, 31)};
    return fiscal_year(y + 1, start);
  }
  if (RE2::FullMatch(in, quarter, &a, &b, &c, &d)) {
    const int q = std::atoi((a.empty() ? d : a).c_str());
    y = std::atoi((a.empty() ? c : b).c_str());
    return Period{make_day(y, 3 * q - 2, 1), make_day(y, 3 * q, last_day_of_month(y, 3 * q))};
  }
  if (RE2::FullMatch(in, fiscal, &a)) return fiscal_year(expand_year(a), start);
  return std::nullopt;
}

}  // namespace

std::optional<Period> parse_period(std::string_view s, int fiscal_year_start) {
  // "2008-10-27..2010-06-30" (either side may be empty)
  if (auto dots = s.find(".."); dots != std::string_view::npos) {
    Period p;
    auto a = s.substr(0, dots), b = s.substr(dots + 2);
    if (!a.empty()) {
      auto d = parse_iso_day(a);
      if (!d) return std::nullopt;
      p.from = *d;
    }
    if (!b.empty()) {
      auto d = parse_iso_day(b);
      if (!d) return std::nullopt;
      p.to = *d;
    }
    if (p.empty()) return std::nullopt;
    return p;
  }
  // The whole string must be the expression (surrounding spaces allowed).
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  if (auto p = parse_rules_form(s.substr(b, e - b), fiscal_year_start)) {
    if (p->from / 10000 < 1900 || p->to / 10000 > 2100) return std::nullopt;
    return p;
  }
  auto found = find_periods(s, 0, fiscal_year_start);
  if (found.size() != 1) return std::nullopt;
  if (found[0].begin != b || found[0].end != e) return std::nullopt;
  if (found[0].open_end && found[0].period.to == 0 && found[0].period.from == 0) return std::nullopt;
  return found[0].period;
}

bool is_short_period(const Period& p) { return p.from && p.to && days_between(p.from, p.to) <= 92; }

PeriodFit fit_period(const PeriodMention& stated, const Period& ref, int slack_days) {
  if (!is_short_period(ref))
    return consistent_period(stated, ref, slack_days) ? PeriodFit::agree : PeriodFit::differ;
  // A month or a quarter: only the same month or quarter agrees.
  const Period& s = stated.period;
  const bool closed = s.from && s.to && !stated.open_end;
  if (closed && consistent_period(stated, ref, 0) && days_between(s.from, s.to) <= days_between(ref.from, ref.to) + 3)
    return PeriodFit::agree;
  if (!overlaps(s, ref)) return PeriodFit::differ;
  // "In 2022" for January 2022 covers it without saying it: no evidence
  // either way. Two months that merely overlap a quarter likewise.
  return PeriodFit::unknown;
}

namespace {

std::vector<PeriodMention> find_periods_ascii(std::string_view text, Day document_date, int fiscal_year_start) {
  std::vector<Atom> atoms = find_atoms(text, document_date, fiscal_year_start);
  std::vector<PeriodMention> out;
  for (size_t i = 0; i < atoms.size(); ++i) {
    const Atom& a = atoms[i];
    const Word word = preceding_word(text, a.begin);
    const std::string& before = word.text;
    PeriodMention pm;
    pm.begin = a.begin;
    pm.end = a.end;
    pm.period = {a.from, a.to};
    pm.from_precision = a.precision;
    pm.to_precision = a.precision;

    // Ranges: "between X and Y", "from X to Y", "X-Y", "X through Y".
    if (i + 1 < atoms.size()) {
      const Atom& b = atoms[i + 1];
      std::string_view between = text.substr(a.end, b.begin - a.end);
      const bool keyword = ends_with_word(before, "between") || ends_with_word(before, "from");
      const bool tight = between.size() <= 3 && between.find_first_not_of(" -\xe2\x80\x93\x94") ==
                                                    std::string_view::npos;
      // "in 2009 and 2010" lists two years; only a keyword or a dash makes a range.
      const bool words_join = is_range_joiner(between) && between.find("and") == std::string_view::npos;
      if (is_range_joiner(between) && (keyword || tight || words_join) && b.to >= a.from) {
        {
          pm.begin = keyword ? word.begin : a.begin;
          pm.end = b.end;
          pm.period = {a.from, b.to};
          pm.from_precision = a.precision;
          pm.to_precision = b.precision;
          out.push_back(pm);
          ++i;
          continue;
        }
      }
    }
    if (ends_with_word(before, "since") || ends_with_word(before, "after")) {
      // Open to the document's date ("since 2008" in a 2011 report).
      pm.period = {a.from, document_date};
      pm.open_end = true;
      pm.to_precision = 0;
      pm.begin = word.begin;
    } else if (ends_with_word(before, "through") || ends_with_word(before, "until") ||
               ends_with_word(before, "till") || ends_with_word(before, "thru")) {
      pm.period = {0, a.to};
      pm.from_precision = 0;
    }
    out.push_back(pm);
  }
  return out;
}

}  // namespace

std::vector<PeriodMention> find_periods(std::string_view text, Day document_date, int fiscal_year_start) {
  // Years in other scripts ("FY２０１１") are read on the figure-reading form
  // of the text, as mentions are; spans map back to `text`.
  auto form = extract::normalize_figures(text);
  if (!form) return find_periods_ascii(text, document_date, fiscal_year_start);
  std::vector<PeriodMention> out = find_periods_ascii(form->text, document_date, fiscal_year_start);
  for (auto& pm : out) {
    pm.begin = form->begin_of(pm.begin);
    pm.end = form->end_of(pm.end);
  }
  return out;
}

}  // namespace claimcheck
