// normalize.cpp — the figure-reading form of a text (see normalize.hpp).
//
// The scanner in mentions.cpp reads ASCII digits and signs. Rather than teach
// every one of its rules about other scripts and invisible characters, the
// text is first mapped to a form where "７９％", "٧٩٪", "७९%" and "7\u200B9%"
// all read "79%", and spans found there are mapped back. ASCII text, the
// common case, is recognised in one word-at-a-time pass and never copied.
#include "extract/normalize.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace claimcheck::extract {

namespace {

bool is_ascii(std::string_view t) {
  const char* p = t.data();
  size_t n = t.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  return true;
}

// End of the ASCII run that starts at i: the next byte >= 0x80, or n.
size_t ascii_run_end(const uint8_t* s, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

constexpr int kKeep = -1;
constexpr int kDrop = 0;

int general_category(UChar32 cp) { return u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY); }

// What a non-ASCII code point becomes: an ASCII byte, dropped, or kept.
// `prev` is the last byte written so far; `next` decodes the code point after.
template <class Next>
int figure_form(UChar32 cp, char prev, Next next) {
  // Curly quotes and dashes, the common non-ASCII characters of English
  // prose, are kept without a property lookup.
  if (cp >= 0x2010 && cp <= 0x201F && cp != 0x2019) return kKeep;
  const int gc = general_category(cp);
  // A decimal digit of any script ("７", "٧", "७") is its ASCII digit.
  if (gc == U_DECIMAL_DIGIT_NUMBER) return '0' + u_charDigitValue(cp);
  // Full-width ASCII forms ("％", "，", "．", "＄", "ｐｅｒｃｅｎｔ"), as NFKC reads them.
  if (cp >= 0xFF01 && cp <= 0xFF5E) return int(cp - 0xFEE0);
  // Every space separator (no-break, narrow no-break, thin, ideographic ...).
  if (gc == U_SPACE_SEPARATOR) return ' ';
  // Zero-width space, joiners, word joiner, BOM, soft hyphen, bidi marks:
  // invisible, so they neither split nor hide a figure.
  if (gc == U_FORMAT_CHAR) return kDrop;
  // A combining mark on a digit leaves the digit.
  if ((gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) && ascii_digit(prev)) return kDrop;
  switch (cp) {
    case 0x066A:
    case 0xFE6A:
      return '%';  // Arabic percent sign, small percent sign
    case 0x066B:
      return '.';  // Arabic decimal separator
    case 0x066C:
      return ',';  // Arabic thousands separator
    case 0xFE69:
      return '$';  // small dollar sign
    case 0x2019:
    case 0x02BC:
    case 0x2032:  // "47’000": an apostrophe grouping digits
      if (ascii_digit(prev)) {
        const UChar32 after = next();
        if (after >= 0 && general_category(after) == U_DECIMAL_DIGIT_NUMBER) return '\'';
      }
      return kKeep;
    default:
      return kKeep;
  }
}

}  // namespace

std::optional<FigureText> normalize_figures(std::string_view t) {
  if (is_ascii(t) || t.size() >= size_t(std::numeric_limits<int32_t>::max())) return std::nullopt;
  const auto* s = reinterpret_cast<const uint8_t*>(t.data());
  const int32_t n = int32_t(t.size());
  FigureText f;
  f.orig_size_ = t.size();
  bool copying = false;  // set at the first edit: until then the text is its own form
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      const int32_t e = int32_t(ascii_run_end(s, size_t(i), size_t(n)));
      if (copying) f.text.append(t.data() + i, size_t(e - i));
      i = e;
      continue;
    }
    const int32_t b = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    int form = kKeep;
    if (cp >= 0) {
      auto next = [&] {
        UChar32 c = -1;
        int32_t j = i;
        if (j < n) U8_NEXT(s, j, n, c);
        return c;
      };
      const char prev =
          copying ? (f.text.empty() ? '\0' : f.text.back()) : (b > 0 ? char(s[b - 1]) : '\0');
      form = figure_form(cp, prev, next);
    }
    if (form == kKeep) {
      if (copying) f.text.append(t.data() + b, size_t(i - b));
      continue;
    }
    if (!copying) {
      f.text.reserve(t.size());
      f.text.assign(t.data(), size_t(b));
      copying = true;
    }
    f.edits_.push_back(
        {uint32_t(f.text.size()), uint32_t(b), uint8_t(form == kDrop ? 0 : 1), uint8_t(i - b)});
    if (form != kDrop) f.text += char(form);
  }
  if (!copying) return std::nullopt;
  return f;
}

size_t FigureText::begin_of(size_t b) const {
  // The last edit at or before b; dropped characters right before b are
  // passed over, so a span never starts on an invisible character.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), b,
                             [](size_t x, const Edit& e) { return x < e.at; });
  if (it == edits_.begin()) return b;
  const Edit& e = *std::prev(it);
  if (e.len == 1 && e.at == b) return e.orig;
  return e.orig + e.orig_len + (b - e.at - e.len);
}

size_t FigureText::end_of(size_t e) const {
  if (e == 0) return begin_of(0);
  if (e > text.size()) return orig_size_;
  // The end of the character that normalized byte e - 1 came from.
  const size_t last = e - 1;
  auto it = std::upper_bound(edits_.begin(), edits_.end(), last,
                             [](size_t x, const Edit& d) { return x < d.at; });
  if (it == edits_.begin()) return e;
  const Edit& d = *std::prev(it);
  if (d.len == 1 && d.at == last) return d.orig + d.orig_len;
  return d.orig + d.orig_len + (last - d.at - d.len) + 1;
}

}  // namespace claimcheck::extract
