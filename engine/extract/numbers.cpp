// numbers.cpp — word tables for spelled-out numbers, fractions, scale words
// and month names, and the parser of spelled-out numbers ("seventy-nine",
// "ten thousand", "two dozen").
#include "extract/lex.hpp"

#include <array>
#include <utility>

namespace claimcheck::extract {

namespace {

// Small tables scanned linearly: they are only consulted at candidate words,
// never per byte, so a hash map would not pay for itself.
constexpr std::array<std::pair<std::string_view, int>, 28> kSmall{{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

constexpr std::array<std::pair<std::string_view, int>, 14> kFractions{{
    {"half", 2},     {"halves", 2},  {"third", 3},   {"thirds", 3},  {"quarter", 4},
    {"quarters", 4}, {"fourth", 4},  {"fourths", 4}, {"fifth", 5},   {"fifths", 5},
    {"sixth", 6},    {"sixths", 6},  {"tenth", 10},  {"tenths", 10},
}};

constexpr std::array<std::pair<std::string_view, double>, 13> kScales{{
    {"lakh", 1e5},
    {"crore", 1e7},
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"k", 1e3},
    {"million", 1e6},
    {"millions", 0},  // "millions of" is vague, never a figure
    {"mn", 1e6},
    {"m", 1e6},
    {"billion", 1e9},
    {"bn", 1e9},
    {"b", 1e9},
    {"trillion", 1e12},
}};

constexpr std::array<std::string_view, 24> kMonths{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec",
};

}  // namespace

int small_number_value(std::string_view w) {
  for (const auto& [name, v] : kSmall)
    if (name == w) return v;
  return -1;
}

int fraction_denominator(std::string_view w) {
  for (const auto& [name, d] : kFractions)
    if (name == w) return d;
  return 0;
}

double scale_value(std::string_view w) {
  if (w == "tn") return 1e12;
  for (const auto& [name, v] : kScales)
    if (name == w) return v;
  return 0;
}

bool is_month_name(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return in_table(kMonths, w);
}

bool parse_spelled(std::string_view t, size_t b, Spelled& out) {
  Word w = word_after(t, b);
  if (w.b != b) return false;
  int v = small_number_value(w.str());
  if (v < 0) return false;
  size_t end = w.e;
  double value = v;
  // "seventy-nine" / "seventy nine"
  if (v >= 20 && end < t.size() && (t[end] == '-' || t[end] == ' ')) {
    Word u = word_after(t, end + 1);
    if (u.b == end + 1) {
      int uv = small_number_value(u.str());
      if (uv >= 1 && uv <= 9) {
        value += uv;
        end = u.e;
      }
    }
  }
  out = Spelled{};
  // "two hundred", "two hundred fifty"
  Word next = word_after(t, end);
  if (next.is("hundred") && next.b > end) {
    value *= 100;
    end = next.e;
    out.scaled = true;
    out.precision = 100;
    Word rest = word_after(t, end);
    if (rest.is("and")) rest = word_after(t, rest.e);
    int rv = small_number_value(rest.str());
    if (rv > 0 && rest.b > end) {
      value += rv;
      end = rest.e;
      out.precision = 1;
      if (rv >= 20 && end < t.size() && t[end] == '-') {
        Word u = word_after(t, end + 1);
        int uv = small_number_value(u.str());
        if (u.b == end + 1 && uv >= 1 && uv <= 9) {
          value += uv;
          end = u.e;
        }
      }
    }
    next = word_after(t, end);
  }
  // "ten thousand", "three million": the scale word states the precision
  double s = scale_value(next.str());
  if (next.b > end && s >= 1e3 && next.len > 2) {  // "k"/"m"/"bn" only attach to digits
    value *= s;
    out.precision = s;
    out.scaled = true;
    end = next.e;
  } else if (next.is("dozen") && next.b > end) {
    value *= 12;
    out.scaled = true;
    end = next.e;
  }
  out.value = value;
  out.end = end;
  return true;
}

}  // namespace claimcheck::extract
