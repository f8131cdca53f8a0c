// numerals.cpp — figures written with digits: "79%", "$2.5 billion",
// "111,000", "1 in 5", with their unit, scale and stated precision.
#include <algorithm>
#include <charconv>
#include <string>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

bool parse_number(std::string_view t, size_t i, Number& n) {
  n = Number{};
  n.b = i;
  std::string digits;
  size_t first = i;
  while (i < t.size() && is_digit(t[i])) digits += t[i++];
  size_t run = i - first;
  if (run == 0) return false;
  n.int_digits = int(run);
  // Thousands groups: a separator and exactly three digits, only after a
  // first run of one to three digits, and one separator kind per number.
  int sep_kind = 0;  // 1 comma, 2 space-like, 3 apostrophe ("47'000")
  int trailing_zero = 0;
  if (run <= 3) {
    while (i < t.size()) {
      size_t sl = 0;
      int kind = 0;
      if (t[i] == ',') {
        sl = 1;
        kind = 1;
      } else if (t[i] == '\'') {
        sl = 1;
        kind = 3;
      } else if (size_t s = space_len(t, i); s && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') {
        sl = s;
        kind = 2;
      }
      if (!kind || (sep_kind && kind != sep_kind)) break;
      size_t g = i + sl;
      if (g + 3 > t.size() || !is_digit(t[g]) || !is_digit(t[g + 1]) || !is_digit(t[g + 2])) break;
      if (g + 3 < t.size() && is_digit(t[g + 3])) break;
      sep_kind = kind;
      digits.append(t.substr(g, 3));
      trailing_zero = (t.substr(g, 3) == "000") ? trailing_zero + 1 : 0;
      n.int_digits += 3;
      i = g + 3;
    }
  }
  n.grouped = sep_kind != 0;
  if (i + 1 < t.size() && t[i] == '.' && is_digit(t[i + 1])) {
    digits += '.';
    ++i;
    while (i < t.size() && is_digit(t[i])) {
      digits += t[i++];
      ++n.decimals;
    }
  }
  n.e = i;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n.value);
  (void)p;
  if (ec != std::errc()) return false;
  if (n.decimals == 0) {
    if (n.grouped) {
      n.zero_groups = trailing_zero;
    } else if (n.int_digits >= 4) {
      int zeros = 0;
      for (size_t k = digits.size(); k > 1 && digits[k - 1] == '0'; --k) ++zeros;
      n.zero_groups = zeros / 3;
    }
  }
  return true;
}

double pow10(int k) {
  double p = 1;
  for (; k > 0; --k) p *= 10;
  for (; k < 0; ++k) p /= 10;
  return p;
}

bool is_year_value(const Number& n) {
  return !n.grouped && n.decimals == 0 && n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
}

// En dash U+2013 at t[i].
bool en_dash_at(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 && static_cast<unsigned char>(t[i + 2]) == 0x93;
}

size_t Scanner::on_number(size_t c) {
  const size_t n = t_.size();
  size_t start = c;
  bool dollar = false;
  if (t_[c] == '$') {
    size_t d = c + 1;
    if (d < n && t_[d] == ' ') ++d;
    if (d >= n || !is_digit(t_[d])) return c + 1;
    dollar = true;
    c = d;
  }
  // --- what comes before
  bool fy = false, prefix_tc = false;
  if (!dollar && start > 0) {
    char p = t_[start - 1];
    if (is_alpha(p) || p == '_') {
      Word w = word_before(t_, start);
      if (w.e == start && w.is("fy")) {
        fy = true;
      } else {
        return skip_token(c);
      }
    } else if (p == '-' && start >= 2 && is_alpha(t_[start - 2])) {
      Word w = word_before(t_, start - 1);
      if (w.is("mid") || w.is("late") || w.is("early")) {
        prefix_tc = true;
      } else {
        return skip_token(c);  // "COVID-19", "post-9/11", "H-1B"
      }
    } else if (p == '/' || p == '#' || p == '@' || p == '\\' || p == '_' ||
               (p == '.' && start >= 2 && is_alnum(t_[start - 2]))) {
      return skip_token(c);
    }
  }
  Number num;
  if (!parse_number(t_, c, num)) return c + 1;
  size_t e = num.e;
  if (in_url_or_email(c)) return skip_token(e);

  // --- what comes right after: times, dates, IDs, ranges
  if (e < n) {
    char a = t_[e];
    char a1 = e + 1 < n ? t_[e + 1] : '\0';
    if (a == ':' && is_digit(a1)) {  // 5:30
      size_t i = skip_token(e);
      Word w = word_after(t_, i);
      if (w.is("a.m") || w.is("p.m") || w.is("am") || w.is("pm")) i = w.e;
      return i;
    }
    if ((a == '/' || a == '.' || a == ',' || a == '\\') && is_digit(a1)) return skip_token(e);
    if (a == '(' && is_alpha(a1) && e + 2 < n && t_[e + 2] == ')') return e + 3;  // 287(g)
    if (is_alpha(a)) {
      size_t le = e;
      while (le < n && is_alpha(t_[le])) ++le;
      std::string suf;
      for (size_t k = e; k < le && k - e < 12; ++k) suf += to_lower(t_[k]);
      double sc = scale_value(suf);
      if (!(sc >= 1e3 && (le >= n || !is_alnum(t_[le])))) return skip_token(e);  // 287g, 1st, 1990s
    }
    bool dash = a == '-' || en_dash_at(t_, e);
    size_t dl = a == '-' ? 1 : 3;
    if (dash && e + dl < n && is_digit(t_[e + dl])) {
      // Hyphen-joined groups: phone numbers, ISO dates, year and value ranges.
      Number second;
      parse_number(t_, e + dl, second);
      size_t after = second.e;
      bool more = after + 1 < n && (t_[after] == '-' || t_[after] == '.') && is_digit(t_[after + 1]);
      if (more || (num.int_digits == 3 && second.int_digits == 4 && !num.grouped)) return skip_token(e);
      if (is_year_value(num) &&
          (is_year_value(second) || (second.int_digits == 2 && !second.grouped))) {
        Figure f{start, e, num.value, Unit::year, 1, num.value, num.value + 1};
        f.time_context = true;
        emit(f, {});
        if (is_year_value(second)) {
          Figure g{e + dl, after, second.value, Unit::year, 1, second.value, second.value + 1};
          g.time_context = true;
          emit(g, {});
        }
        return after;
      }
      // a value range ("10-15 percent"): the second number is read on its own
    }
    if (a == ')' && start > 0 && t_[start - 1] == '(' && !num.grouped && num.decimals == 0) {
      if (num.int_digits <= 2) return e + 1;  // "(1)"
      // "(503) 555-0142"
      size_t p = skip_spaces(t_, e + 1);
      Number x;
      if (num.int_digits == 3 && p < n && is_digit(t_[p]) && parse_number(t_, p, x) && x.int_digits == 3 &&
          x.e < n && t_[x.e] == '-')
        return skip_token(x.e);
    }
    if (start > 0 && t_[start - 1] == '[' && a == ']') return e + 1;  // footnote [1]
    // List enumerators: "1." / "2)" / "- 1." at the start of a line.
    if ((a == '.' || a == ')') && !num.grouped && num.decimals == 0 && num.int_digits <= 3 &&
        (e + 1 >= n || space_len(t_, e + 1)) && line_prefix_is_bullets(start))
      return e + 1;
  }
  if (labelled(start, e)) return e;

  // --- dates: "May 04, 2012", "April 27", "27 April 2012"
  bool small_int = !num.grouped && num.decimals == 0 && num.int_digits <= 2 && num.value >= 1 &&
                   num.value <= 31 && !dollar;
  Word before = word_before(t_, start);
  Word after = word_after(t_, e);
  if (small_int && before.capitalized && is_month_name(before.str()) && before.e == skip_spaces_back(t_, start)) {
    size_t p = e;
    if (p < n && t_[p] == ',') ++p;
    size_t q = skip_spaces(t_, p);
    Number y;
    if (q > p && q < n && is_digit(t_[q]) && parse_number(t_, q, y) && y.int_digits == 4 && !y.grouped)
      return y.e;
    if (p < n && t_[p] != '%') return p;
  }
  if (small_int && after.capitalized && is_month_name(after.str()) && after.b > e) return e;
  // times: "10 a.m.", "5 pm"
  if (!dollar && (after.is("a.m") || after.is("p.m") || after.is("am") || after.is("pm") ||
                  after.is("o'clock")))
    return after.e;

  // --- unit, scale, ratio
  Figure f;
  f.begin = start;
  f.value = num.value;
  f.unit = dollar ? Unit::usd : Unit::count;
  double scale = 1;
  size_t end = e;
  // attached scale: "$4.2bn", "750m"
  if (e < n && is_alpha(t_[e])) {
    size_t le = e;
    std::string suf;
    while (le < n && is_alpha(t_[le])) suf += to_lower(t_[le++]);
    scale = scale_value(suf);
    end = le;
  }
  bool percent = false, points = false, ratio = false;
  double ratio_den = 0;
  if (scale == 1) {
    size_t p = skip_spaces(t_, end);
    if (p < n && t_[p] == '%' && p - end <= 1) {
      percent = true;
      end = p + 1;
      Word w = word_after(t_, end);
      if (w.is("percent") && w.b > end) end = w.e;  // "26% percent", a typo seen in the wild
    } else {
      Word w = word_after(t_, end);
      if (w.b > end || w.b == end) {
        if (w.is("percent") || w.is("pct") || w.is("percents")) {
          percent = true;
          end = w.e;
        } else if (w.is("per")) {
          Word w2 = word_after(t_, w.e);
          if (w2.is("cent")) {
            percent = true;
            end = w2.e;
          }
        } else if (w.is("percentage")) {
          Word w2 = word_after(t_, w.e);
          if (w2.is("points") || w2.is("point")) {
            points = true;
            end = w2.e;
          } else {
            // "12 percentage" alone is not a unit
          }
        } else if (double s = scale_value(w.str()); s >= 1e3 && w.len > 2 && w.b > end) {
          scale = s;
          end = w.e;
        } else if (s >= 1e6 && dollar && w.b > end) {  // "$750 m", "$4 bn"
          scale = s;
          end = w.e;
        } else if ((w.is("in") || w.is("out")) && w.b > end && !num.grouped && num.decimals == 0) {
          // "1 in 5", "3 out of 4"
          Word w2 = w.is("out") ? word_after(t_, w.e) : w;
          if (w2.is("in") || w2.is("of")) {
            size_t q = skip_spaces(t_, w2.e);
            Number den;
            Spelled sp;
            double dv = 0;
            size_t dend = 0;
            if (q < n && is_digit(t_[q]) && parse_number(t_, q, den) && den.decimals == 0 && !den.grouped) {
              dv = den.value;
              dend = den.e;
            } else if (q < n && is_alpha(t_[q]) && parse_spelled(t_, q, sp)) {
              dv = sp.value;
              dend = sp.end;
            }
            if (dv > num.value && dv <= 1000 && num.value >= 1 && dend &&
                (dend >= n || !is_alnum(t_[dend]))) {
              ratio = true;
              ratio_den = dv;
              end = dend;
            }
          }
        }
      }
    }
  }
  if (scale > 1) {
    Word w = word_after(t_, end);
    if (w.is("dollars") || w.is("dollar")) {
      f.unit = Unit::usd;
      end = w.e;
    }
  } else if (!percent && !points && !ratio) {
    Word w = word_after(t_, end);
    if ((w.is("dollars") || w.is("dollar")) && w.b > end) f.unit = Unit::usd;
  }
  f.end = end;
  const double prec = pow10(-num.decimals);
  if (ratio) {
    f.unit = Unit::percent;
    f.value = 100 * num.value / ratio_den;
    f.lo = f.value - 50 / ratio_den;
    f.hi = f.value + 50 / ratio_den;
    f.precision = 100 / ratio_den;
    f.verbal = true;
    emit_plain(f);
    return end;
  }
  if (percent || points) {
    f.unit = percent ? Unit::percent : Unit::points;
    f.precision = prec;
  } else if (scale > 1) {
    f.value = num.value * scale;
    f.precision = prec * scale;
  } else if (f.unit == Unit::count && is_year_value(num)) {
    Hedge h = find_hedge(start);
    bool quantity_hedge = !h.norm.empty() && h.norm != "about" && h.norm != "only";
    if (!quantity_hedge) {
      f.unit = Unit::year;
      f.precision = 1;
      f.lo = num.value;
      f.hi = num.value + 1;
      f.time_context = fy || prefix_tc || year_time_context(start, e);
      emit(f, {});
      return end;
    }
    f.precision = 1;
  } else if (num.decimals > 0) {
    f.precision = prec;
  } else {
    // 111,000 is stated to the thousand; 3,847 to the unit.
    double p = 1;
    for (int k = 0; k < num.zero_groups; ++k) p *= 1000;
    f.precision = p;
  }
  f.lo = f.value - f.precision / 2;
  f.hi = f.value + f.precision / 2;
  emit_plain(f);
  return end;
}

}  // namespace claimcheck::extract
