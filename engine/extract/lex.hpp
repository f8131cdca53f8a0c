// lex.hpp — byte-level helpers shared by the extractors: character classes,
// the word before or after a position, spelled-out numbers. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimcheck::extract {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Length of the whitespace character at t[i] (ASCII blanks and newlines,
// U+00A0, U+202F narrow no-break space, U+2009 thin space), 0 if none.
inline size_t space_len(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0xAF || d == 0x89) return 3;
  }
  return 0;
}

// Position after the whitespace that starts at i.
inline size_t skip_spaces(std::string_view t, size_t i) {
  while (size_t n = space_len(t, i)) i += n;
  return i;
}

// Position of the first whitespace byte of the run that ends at i.
inline size_t skip_spaces_back(std::string_view t, size_t i) {
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(t[i - 1]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --i;
    } else if (c == 0xA0 && i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xC2) {
      i -= 2;
    } else if ((c == 0xAF || c == 0x89) && i >= 3 && static_cast<unsigned char>(t[i - 2]) == 0x80 &&
               static_cast<unsigned char>(t[i - 3]) == 0xE2) {
      i -= 3;
    } else {
      break;
    }
  }
  return i;
}

// A word, lower-cased into a small buffer (no allocation). Words longer than
// the buffer never match a table entry, so they keep len 0 and `too_long`.
struct Word {
  size_t b = 0, e = 0;
  char buf[24] = {};
  uint8_t len = 0;
  bool too_long = false;
  bool capitalized = false;
  std::string_view str() const { return {buf, len}; }
  bool empty() const { return b == e; }
  bool is(std::string_view s) const { return str() == s; }
};

// The word that ends where whitespace before `i` starts: ASCII letters plus
// dots and apostrophes ("No.", "H.R.", "o'clock"). Empty when punctuation
// intervenes, so a hedge never reaches across a comma or a sentence end.
inline Word word_before(std::string_view t, size_t i) {
  Word w;
  size_t e = skip_spaces_back(t, i);
  size_t b = e;
  while (b > 0 && (is_alpha(t[b - 1]) || t[b - 1] == '.' || t[b - 1] == '\'') && e - b < 40) --b;
  // a word starts with a letter ("...in" after an ellipsis is still "in")
  while (b < e && !is_alpha(t[b])) ++b;
  w.b = b;
  w.e = e;
  if (e - b >= sizeof(w.buf)) {
    w.too_long = true;
    return w;
  }
  for (size_t k = b; k < e; ++k) w.buf[w.len++] = to_lower(t[k]);
  w.capitalized = b < e && is_upper(t[b]);
  return w;
}

// The word that starts after whitespace at `i`: ASCII letters, with inner
// dots and apostrophes ("a.m", "o'clock"); a trailing dot is not part of it.
inline Word word_after(std::string_view t, size_t i) {
  Word w;
  size_t b = skip_spaces(t, i);
  size_t e = b;
  while (e < t.size() && e - b < 40 &&
         (is_alpha(t[e]) ||
          ((t[e] == '.' || t[e] == '\'') && e + 1 < t.size() && is_alpha(t[e + 1]) && e > b)))
    ++e;
  w.b = b;
  w.e = e;
  if (e - b >= sizeof(w.buf)) {
    w.too_long = true;
    return w;
  }
  for (size_t k = b; k < e; ++k) w.buf[w.len++] = to_lower(t[k]);
  w.capitalized = b < e && is_upper(t[b]);
  return w;
}

// Is `w` one of a small word table? Tables are scanned linearly: they are
// consulted at candidate figures only, never per byte.
template <class Table>
bool in_table(const Table& table, std::string_view w) {
  for (std::string_view entry : table)
    if (entry == w) return true;
  return false;
}

// Value of a spelled-out number word below one hundred ("seven", "seventy"),
// -1 for any other word.
int small_number_value(std::string_view w);
// Denominator of a fraction word ("half" 2, "thirds" 3, "quarter" 4), 0 if none.
int fraction_denominator(std::string_view w);
// Multiplier of a scale word ("thousand", "million", "bn"), 0 if none.
double scale_value(std::string_view w);
// Month names ("October", "Oct", "Sept"), lower-cased input.
bool is_month_name(std::string_view w);

// A spelled-out number: "seventy-nine", "ten thousand", "two dozen".
struct Spelled {
  double value = 0;
  size_t end = 0;
  double precision = 1;  // the scale word sets it: "ten thousand" is stated to the thousand
  bool scaled = false;   // hundred / thousand / million / billion / dozen
};
// Parses a spelled-out number starting at `b` (the start of a number word).
bool parse_spelled(std::string_view t, size_t b, Spelled& out);

}  // namespace claimcheck::extract
