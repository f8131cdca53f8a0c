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

namespace {

// A year in a span of years ("2008-2010"): the period of other figures.
Figure year_figure(size_t b, size_t e, double year) {
  Figure f;
  f.begin = b;
  f.end = e;
  f.value = year;
  f.unit = Unit::year;
  f.lo = year;
  f.hi = year + 1;
  f.time_context = true;
  return f;
}

}  // namespace

size_t Scanner::on_number(size_t c) {
  const size_t n = t_.size();
  size_t start = c;
  Figure f;
  // --- a currency mark before the number: "$", "£", "US$", "C$"
  size_t sym_len = 0;
  std::string_view code = currency_symbol_at(t_, c, sym_len);
  if (!code.empty()) {
    size_t d = c + sym_len;
    bool neg = false;
    if (d < n && t_[d] == '-' && d + 1 < n && is_digit(t_[d + 1])) {  // "$-2.1bn"
      neg = true;
      ++d;
    }
    if (d < n && t_[d] == ' ') ++d;
    if (d >= n || !is_digit(t_[d])) return c + sym_len;
    if (t_[c] == '$' && c > 0 && is_alpha(t_[c - 1])) {
      Word w = word_before(t_, c);
      std::string_view pre = w.e == c ? dollar_prefix(w.str()) : std::string_view{};
      if (pre.empty()) return skip_token(d);  // "ABC$5": an identifier
      code = pre;
      start = w.b;
    }
    set_currency(f, code);
    f.negative = neg;
    c = d;
  }
  const bool currency_first = !code.empty();
  // --- what comes before
  bool fy = false, prefix_tc = false;
  if (!currency_first && start > 0) {
    char p = t_[start - 1];
    if (is_alpha(p) || p == '_') {
      Word w = word_before(t_, start);
      if (w.e == start && w.is("fy")) {
        fy = true;
      } else if (std::string_view cc = w.e == start ? currency_code_word(w.str()) : std::string_view{};
                 !cc.empty()) {
        set_currency(f, cc);  // "USD10m"
        start = w.b;
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
    } else if ((p == '-' && (start == 1 || space_len(t_, start - 2) || t_[start - 2] == '(')) ||
               (start >= 3 && t_.substr(start - 3, 3) == "\xE2\x88\x92")) {
      f.negative = true;  // "-1.3%", "−5" (U+2212 minus sign)
      start -= p == '-' ? 1 : 3;
    } else if (p == '.' && (start == 1 || space_len(t_, start - 2) || t_[start - 2] == '(')) {
      start -= 1;  // ".300": a decimal without its leading zero
    } else if (p == '/' || p == '#' || p == '@' || p == '\\' || p == '_' ||
               (p == '.' && start >= 2 && is_alnum(t_[start - 2]))) {
      return skip_token(c);
    }
    if (f.unit == Unit::count) {
      // "USD 10m", "Rs 500", "minus 5"
      Word w = word_before(t_, start);
      if (w.e < start && w.b >= floor_) {
        if (std::string_view cc = currency_code_word(w.str()); !cc.empty() && w.str() != "rs") {
          set_currency(f, cc);
          start = w.b;
        } else if (w.is("rs") || w.is("rs.")) {
          set_currency(f, "INR");
          start = w.b;
        } else if (w.is("minus")) {
          f.negative = true;
          start = w.b;
        }
      }
    }
  }
  Number num;
  if (!parse_number(t_, c, num)) return c + 1;
  if (start < c && t_[start] == '.' && !f.negative) {
    num.value /= pow10(num.int_digits);
    num.decimals = num.int_digits;
    num.int_digits = 0;
  }
  // "80, 000": a thousands group after a comma and a space (typeset text)
  if (!num.grouped && num.decimals == 0 && num.int_digits <= 3 && num.e + 5 <= n &&
      t_.substr(num.e, 5) == ", 000" && (num.e + 5 == n || !is_digit(t_[num.e + 5]))) {
    num.value *= 1000;
    num.int_digits += 3;
    num.grouped = true;
    num.zero_groups = 1;
    num.e += 5;
  }
  size_t e = num.e;
  if (in_url_or_email(c)) return skip_token(e);
  if (!currency_first && !f.negative)
    if (size_t skip = not_a_quantity(start, num)) return skip;
  // "6.02×10^23", "6.02 x 10^23", "1.5e6": scientific notation
  {
    size_t p = e;
    bool times = false;
    if (p + 2 <= n && t_.substr(p, 2) == "\xC3\x97") {
      p += 2;
      times = true;
    } else if (p + 3 <= n && (t_.substr(p, 3) == " x " || t_.substr(p, 3) == " \xC3\x97")) {
      p += t_[p + 1] == 'x' ? 3 : 3;
      if (t_[p - 1] != ' ' && p < n && t_[p] == ' ') ++p;
      times = true;
    }
    if (times && p + 3 < n && t_.substr(p, 3) == "10^" && is_digit(t_[p + 3])) {
      size_t q = p + 3;
      int exp = 0;
      while (q < n && is_digit(t_[q]) && exp < 400) exp = exp * 10 + (t_[q++] - '0');
      num.value *= pow10(exp);
      num.decimals = 0;
      num.zero_groups = 0;
      e = q;
      num.e = q;
    }
  }

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
      while (le < n && (is_alpha(t_[le]) || (t_[le] == '/' && le + 1 < n && is_alpha(t_[le + 1])))) ++le;
      std::string suf;
      for (size_t k = e; k < le && k - e < 12; ++k) suf += to_lower(t_[k]);
      const bool word_end = le >= n || !is_alnum(t_[le]);
      double sc = scale_value(suf);
      const bool glued_unit = word_end && (is_other_unit(suf) || suf == "pc" || suf == "x" ||
                                           ((suf == "c" || suf == "f") && is_upper(a)) ||
                                           !currency_code_word(suf).empty() || suf == "yr" ||
                                           suf == "yrs");
      if (!(sc >= 1e3 && word_end) && !glued_unit) return skip_token(e);  // 287g, 1st, 1990s
    }
    bool dash = a == '-' || en_dash_at(t_, e);
    size_t dl = a == '-' ? 1 : 3;
    if (dash && e + dl < n && is_digit(t_[e + dl])) {
      // Hyphen-joined groups: phone numbers, ISO dates, year and value ranges, scores.
      Number second;
      parse_number(t_, e + dl, second);
      size_t after = second.e;
      bool more = after + 1 < n && (t_[after] == '-' || t_[after] == '.') && is_digit(t_[after + 1]);
      if (more || (num.int_digits == 3 && second.int_digits == 4 && !num.grouped)) return skip_token(e);
      if (is_year_value(num) &&
          (is_year_value(second) || (second.int_digits == 2 && !second.grouped))) {
        emit(year_figure(start, e, num.value), {});
        if (is_year_value(second)) emit(year_figure(e + dl, after, second.value), {});
        return after;
      }
      // Scores and votes: "3-1", "a 5-4 ruling", "won 2-0". Small whole
      // numbers, no unit after, and either not ascending (a range always
      // is) or a word of games and votes around them.
      const bool small_pair = !num.grouped && !second.grouped && num.decimals == 0 &&
                              second.decimals == 0 && num.int_digits <= 3 && second.int_digits <= 3 &&
                              currency_first == false;
      if (small_pair && (after >= n || t_[after] != '%')) {
        Word nx = word_after(t_, after);
        Word pv = word_before(t_, start);
        const bool unit_after = nx.is("percent") || nx.is("per") || nx.is("percentage") ||
                                scale_value(nx.str()) >= 1e3 || is_other_unit(nx.str()) ||
                                !duration_unit(nx.str()).empty();
        if (!unit_after && (second.value <= num.value || is_score_word(nx.str()) || is_score_word(pv.str())))
          return skip_token(after);
      }
      // a value range ("10-15 percent"): each end is read, join_ranges joins them
    }
    if (a == '-' && is_alpha(a1)) {
      // "3.5-point rise", "10-year bond", "5-fold", "6-cylinder"
      Word w = word_after(t_, e + 1);
      if (w.b == e + 1 && f.unit == Unit::count && scale_value(w.str()) == 0) {
        Figure g = f;
        g.begin = start;
        g.end = w.e;
        g.value = num.value;
        g.precision = pow10(-num.decimals);
        if (w.is("point") || w.is("points")) {
          g.unit = Unit::points;
        } else if (std::string_view d = duration_unit(w.str()); !d.empty()) {
          g.unit = Unit::duration;  // "10-year", "30-day", "45-year-old"
          g.unit_text = std::string(d);
        } else if (w.is("fold")) {
          g.unit = Unit::multiplier;
        } else if (w.is("percent")) {
          g.unit = Unit::percent;
        } else if (is_other_unit(w.str())) {
          g.unit = Unit::other;  // "a 5-km run"
          g.unit_text = std::string(t_.substr(w.b, w.e - w.b));
        } else {
          g.end = e;  // "a 3-bedroom flat": the number, counting what follows
          g.counted = std::string(w.str());
        }
        g.lo = g.value - g.precision / 2;
        g.hi = g.value + g.precision / 2;
        emit_plain(g);
        return w.e;
      }
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

  // --- dates: "May 04, 2012", "April 27", "27 April 2012", "Oct. 3-7"
  bool small_int = !num.grouped && num.decimals == 0 && num.int_digits <= 2 && num.value >= 1 &&
                   num.value <= 31 && !currency_first && !f.negative;
  Word before = word_before(t_, start);
  Word after = word_after(t_, e);
  if (small_int && before.capitalized && is_month_name(before.str()) && before.e == skip_spaces_back(t_, start)) {
    size_t p = e;
    if (p < n && (t_[p] == '-' || en_dash_at(t_, p))) {  // "Oct. 3-7": a span of days
      size_t q = p + (t_[p] == '-' ? 1 : 3);
      Number d2;
      if (q < n && is_digit(t_[q]) && parse_number(t_, q, d2) && d2.int_digits <= 2) return d2.e;
    }
    if (p < n && t_[p] == ',') ++p;
    size_t q = skip_spaces(t_, p);
    Number y;
    if (q > p && q < n && is_digit(t_[q]) && parse_number(t_, q, y) && y.int_digits == 4 && !y.grouped)
      return y.e;
    if (p < n && t_[p] != '%') return p;
  }
  if (small_int && after.capitalized && is_month_name(after.str()) && after.b > e) return e;
  // times: "10 a.m.", "5 pm"
  if (!currency_first && (after.is("a.m") || after.is("p.m") || after.is("am") || after.is("pm") ||
                          after.is("o'clock")))
    return after.e;
  // names a number completes: "FTSE 100", "Model 3", "Game 7", "Boeing 737"
  if (f.unit == Unit::count && !f.negative && !num.grouped && num.decimals == 0 && start == c &&
      !before.empty() && before.e == skip_spaces_back(t_, start) &&
      (is_year_value(num) ? is_name_word(before.str()) : names_number(before, t_)) &&
      (e >= n || t_[e] != '%')) {
    Word u = word_after(t_, e);
    if (!(u.is("percent") || u.is("per") || scale_value(u.str()) >= 1e3 || is_other_unit(u.str()) ||
          !duration_unit(u.str()).empty()))
      return e;
  }

  // --- unit, scale, ratio
  f.begin = start;
  f.value = num.value;
  double scale = 1;
  size_t end = e;
  bool percent = false, points = false, ratio = false;
  double ratio_den = 0;
  // attached scale or unit: "$4.2bn", "750m", "128GB", "12pc", "3x"
  if (e < n && is_alpha(t_[e])) {
    size_t le = e;
    std::string suf;
    while (le < n && (is_alpha(t_[le]) || (t_[le] == '/' && le + 1 < n && is_alpha(t_[le + 1]))))
      suf += to_lower(t_[le++]);
    end = le;
    if (double sc = scale_value(suf); sc >= 1e3) {
      scale = sc;
    } else if (suf == "pc") {
      percent = true;
    } else if (suf == "x") {
      f.unit = Unit::multiplier;
    } else if ((suf == "c" || suf == "f") && is_upper(t_[e])) {
      f.unit = Unit::other;  // "31C", "-89.2C"
      f.unit_text = std::string(1, t_[e]);
    } else if (suf == "yr" || suf == "yrs") {
      f.unit = Unit::duration;
      f.unit_text = "year";
    } else if (std::string_view cc = currency_code_word(suf); !cc.empty()) {
      set_currency(f, cc);  // "20usd"
    } else {
      f.unit = Unit::other;
      f.unit_text = std::string(t_.substr(e, le - e));
    }
  }
  if (scale == 1 && f.unit != Unit::other && f.unit != Unit::multiplier && !percent) {
    size_t p = skip_spaces(t_, end);
    if (p < n && t_[p] == '%' && p - end <= 1) {
      percent = true;
      end = p + 1;
      Word w = word_after(t_, end);
      if (w.is("percent") && w.b > end) end = w.e;  // "26% percent", a typo seen in the wild
    } else {
      Word w = word_after(t_, end);
      if (w.b > end || w.b == end) {
        if (w.is("percent") || w.is("pct") || w.is("percents") || (w.is("pc") && !w.capitalized)) {
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
          Word w2 = word_after(t_, end);  // "11 lakh crore", "2 thousand million"
          if (double s2 = scale_value(w2.str()); s2 >= 1e3 && w2.len > 2 && w2.b > end) {
            scale *= s2;
            end = w2.e;
          }
        } else if (s >= 1e6 && currency_first && w.b > end) {  // "$750 m", "$4 bn"
          scale = s;
          end = w.e;
        } else if (w.is("hundred") && w.b > end) {  // "4 hundred million"
          scale = 100;
          end = w.e;
          Word w2 = word_after(t_, end);
          if (double s2 = scale_value(w2.str()); s2 >= 1e3 && w2.len > 2) {
            scale *= s2;
            end = w2.e;
          }
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
  if (!percent && !points && !ratio && num.decimals > 0 && f.unit == Unit::count && scale == 1) {
    // "rose 0.3 points": a fraction of a point is a percentage point (a
    // game's points are whole)
    Word w = word_after(t_, end);
    if ((w.is("points") || w.is("point")) && w.b > end) {
      points = true;
      end = w.e;
    }
  }
  if (!percent && !points && !ratio && f.unit == Unit::count && scale == 1) {
    // "rose 3 points", "fell 300 points": points after a change are points
    Word w = word_after(t_, end);
    Word v = word_before(t_, start);
    if (v.is("by")) v = word_before(t_, v.b);
    if ((w.is("points") || w.is("point")) && w.b > end && change_verb(v.str()) != Direction::none) {
      points = true;
      end = w.e;
    }
  }
  if (!percent && !points && !ratio) end = read_unit_after(f, end, !currency_first);
  f.end = end;
  f.scale = scale;
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
  } else if (f.unit == Unit::count && !f.negative && is_year_value(num)) {
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

// After the number (and its scale): "dollars", "usd", "euros", "$" written
// after; a duration; "times as likely"; "per 100,000"; another unit word.
size_t Scanner::read_unit_after(Figure& f, size_t end, bool plain) {
  const size_t n = t_.size();
  Word w = word_after(t_, end);
  if (w.empty() || w.b < end) {
    // "10 $", "10$"
    size_t p = skip_spaces(t_, end);
    if (f.unit == Unit::count && p < n && t_[p] == '$' && p - end <= 1 && (p + 1 >= n || !is_alnum(t_[p + 1]))) {
      set_currency(f, "USD");
      return p + 1;
    }
    return end;
  }
  if (f.unit == Unit::count) {
    if (std::string_view code = currency_name(w.str(), {}); !code.empty()) {
      set_currency(f, code);  // "5 euros", "300 yen"
      return w.e;
    }
    Word w2 = word_after(t_, w.e);
    if (std::string_view code = currency_name(w2.str(), w.str()); !code.empty() && w2.b > w.e) {
      set_currency(f, code);  // "40 Canadian dollars", "12 Swiss francs"
      return w2.e;
    }
    if (w.is("pounds") && w2.is("sterling")) {
      set_currency(f, "GBP");
      return w2.e;
    }
    if (std::string_view code = currency_code_word(w.str()); !code.empty() && !w.is("rs") && !w.is("rs.")) {
      set_currency(f, code);  // "20 usd", "20 USD"
      return w.e;
    }
  }
  if (f.unit != Unit::count) return end;
  // durations: "18 months", "30 days"
  if (std::string_view d = duration_unit(w.str()); !d.empty()) {
    f.unit = Unit::duration;
    f.unit_text = std::string(d);
    return w.e;
  }
  // multipliers: "3 times as likely", "2.5 times more", "4-fold"
  if (w.is("times")) {
    if (!times_is_multiplier(w.e)) return end;
    f.unit = Unit::multiplier;
    return w.e;
  }
  if (w.is("fold")) {
    f.unit = Unit::multiplier;
    return w.e;
  }
  if (plain) {
    // Two-word units first: "light years", "square kilometres", "parts per
    // million", "barrels a day", "degrees Celsius"; then "km/h"-style ones.
    if (size_t e2 = two_word_unit(w); e2) {
      f.unit = Unit::other;
      f.unit_text = std::string(t_.substr(w.b, e2 - w.b));
      return e2;
    }
    if (is_other_unit(w.str()) && !w.is("sq")) {
      size_t ue = w.e;
      if (ue + 1 < n && t_[ue] == '/' && is_alpha(t_[ue + 1])) {  // "km/h"
        ++ue;
        while (ue < n && is_alpha(t_[ue])) ++ue;
      }
      f.unit = Unit::other;
      f.unit_text = std::string(t_.substr(w.b, ue - w.b));
      return ue;
    }
  }
  // rates: "12 per 100,000", "12 deaths per 100,000 people", "2.5 per thousand"
  Word p = w;
  for (int k = 0; k < 3 && !p.empty() && !p.is("per"); ++k) {
    if (p.is("of") || p.is("in") || p.is("and") || p.is("to") || p.is("for")) break;
    Word q = word_after(t_, p.e);
    if (q.b != skip_spaces(t_, p.e)) break;  // punctuation between
    p = q;
  }
  if (p.is("per")) {
    size_t q = skip_spaces(t_, p.e);
    Number base;
    double per = 0;
    size_t pe = 0;
    if (q < n && is_digit(t_[q]) && parse_number(t_, q, base)) {
      per = base.value;
      pe = base.e;
      Word sc = word_after(t_, pe);
      if (double s = scale_value(sc.str()); s >= 1e3 && sc.len > 2) {
        per *= s;
        pe = sc.e;
      }
    } else {
      Word sc = word_after(t_, p.e);
      if (double s = scale_value(sc.str()); s >= 1e3 && sc.len > 2) {
        per = s;
        pe = sc.e;
      } else if (sc.is("hundred")) {
        per = 100;
        pe = sc.e;
      }
    }
    if (per > 1) {
      f.unit = Unit::rate;
      f.per = per;
      // "12 deaths per 100,000": the counted noun sits inside the span
      if (p.b > w.b) {
        for (size_t k = w.b; k < skip_spaces_back(t_, p.b); ++k) f.counted += to_lower(t_[k]);
      }
      return pe;
    }
  }
  return end;
}

}  // namespace claimcheck::extract
