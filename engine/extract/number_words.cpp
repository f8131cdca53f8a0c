// number_words.cpp — figures written in words: "forty-seven thousand",
// "three-quarters", "one in five", "a dozen", "a vast majority", "half".
#include <string>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

size_t Scanner::on_word(size_t c, size_t len) {
  const size_t n = t_.size();
  std::string w;
  for (size_t k = c; k < c + len; ++k) w += to_lower(t_[k]);
  Word prev = word_before(t_, c);
  if (prev.b < floor_) prev = Word{};
  bool article_a = prev.is("a") || prev.is("an");
  if (!prev.empty() && is_label_word(prev.str())) return c + len;  // "Level One"

  Figure f;
  f.begin = c;
  f.unit = Unit::percent;
  f.verbal = true;

  if (small_number_value(w) >= 0) {
    Spelled sp;
    if (!parse_spelled(t_, c, sp)) return c + len;
    size_t end = sp.end;
    // fractions: "three-quarters", "two-thirds", "one half"
    if (!sp.scaled && sp.value >= 1 && sp.value <= 9 && end < n && (t_[end] == '-' || t_[end] == ' ')) {
      Word d = word_after(t_, end + 1);
      int den = d.b == end + 1 ? fraction_denominator(d.str()) : 0;
      if (den > sp.value || (den && sp.value == 1)) {
        // "one quarter" needs a word after it that is not a time unit
        Word after = word_after(t_, d.e);
        if (after.is("century") || after.is("hour") || after.is("mile")) return d.e;
        f.value = 100 * sp.value / den;
        f.fraction = true;
        // A verbal fraction stands for the figures that round to it at the
        // nearest 5 points (48% and 52% are both "half"): +-2.5 points.
        f.lo = f.value - 2.5;
        f.hi = f.value + 2.5;
        f.precision = 5;
        f.end = d.e;
        emit_plain(f);
        return d.e;
      }
    }
    // ratios: "one in twenty", "four in five", "three out of four"
    if (!sp.scaled) {
      Word w1 = word_after(t_, end);
      Word w2 = w1.is("out") ? word_after(t_, w1.e) : w1;
      if ((w1.is("in") || (w1.is("out") && w2.is("of"))) && w1.b > end) {
        size_t q = skip_spaces(t_, w2.e);
        Spelled den;
        Number dn;
        double dv = 0;
        size_t dend = 0;
        if (q < n && is_alpha(t_[q]) && parse_spelled(t_, q, den) && !den.scaled) {
          dv = den.value;
          dend = den.end;
        } else if (q < n && is_digit(t_[q]) && parse_number(t_, q, dn) && dn.decimals == 0 && !dn.grouped) {
          dv = dn.value;
          dend = dn.e;
        }
        if (dv > sp.value && dv <= 1000 && sp.value >= 1) {
          f.value = 100 * sp.value / dv;
          f.lo = f.value - 50 / dv;  // half of 1/M either side
          f.hi = f.value + 50 / dv;
          f.precision = 100 / dv;
          if (sp.value == 1 && dv >= 3 && dv <= 10) {
            // "one in five" is nearer a fifth than a fourth or a sixth:
            // halfway to its neighbours, [18.3, 22.5) rather than [10, 30).
            f.lo = (100 / (dv + 1) + f.value) / 2;
            f.hi = (100 / (dv - 1) + f.value) / 2;
            f.precision = f.hi - f.lo;
          }
          f.end = dend;
          emit_plain(f);
          return dend;
        }
      }
    }
    f.verbal = false;
    Word u = word_after(t_, end);
    if (u.is("percent") || u.is("per")) {
      if (u.is("per")) {
        Word c2 = word_after(t_, u.e);
        if (!c2.is("cent")) return end;
        u.e = c2.e;
      }
      f.value = sp.value;
      f.precision = 1;
      f.lo = f.value - 0.5;
      f.hi = f.value + 0.5;
      f.end = u.e;
      emit_plain(f);
      return u.e;
    }
    if (u.is("percentage")) {
      Word p2 = word_after(t_, u.e);
      if (p2.is("points") || p2.is("point")) {
        f.unit = Unit::points;
        f.value = sp.value;
        f.precision = 1;
        f.lo = f.value - 0.5;
        f.hi = f.value + 0.5;
        f.end = p2.e;
        emit_plain(f);
        return p2.e;
      }
    }
    f.unit = Unit::count;
    f.value = sp.value;
    f.precision = sp.precision;
    f.lo = f.value - f.precision / 2;
    f.hi = f.value + f.precision / 2;
    // Compounds: "ten-year", "six-month", "three-fold", "six-cylinder"
    if (end < n && t_[end] == '-' && !sp.scaled) {
      Word cw = word_after(t_, end + 1);
      if (cw.b != end + 1) return end;
      if (std::string_view d = duration_unit(cw.str()); !d.empty()) {
        f.unit = Unit::duration;  // "ten-year-old" too: an age is a duration
        f.unit_text = std::string(d);
      } else if (cw.is("fold")) {
        f.unit = Unit::multiplier;
      } else {
        f.minor = sp.value < 10;  // "six-cylinder", "three-bedroom"
        f.end = end;
        emit_plain(f);
        out_.back().counted = std::string(cw.str());
        return cw.e;
      }
      f.minor = sp.value < 10 && f.unit != Unit::multiplier;
      f.end = cw.e;
      emit_plain(f);
      return cw.e;
    }
    if (u.is("dollars") || u.is("dollar") || u.is("bucks")) {
      set_currency(f, "USD");
      end = u.e;
      // "twelve dollars and fifty cents"
      Word a = word_after(t_, end);
      if (a.is("and")) {
        Spelled cents;
        size_t q = skip_spaces(t_, a.e);
        if (q < n && is_alpha(t_[q]) && parse_spelled(t_, q, cents) && !cents.scaled && cents.value < 100) {
          Word cw = word_after(t_, cents.end);
          if (cw.is("cents") || cw.is("cent")) {
            f.value += cents.value / 100;
            f.precision = 0.01;
            f.lo = f.value - 0.005;
            f.hi = f.value + 0.005;
            end = cw.e;
          }
        }
      }
    } else if (!sp.scaled) {
      std::string_view code = currency_name(u.str(), {});
      if (!code.empty() && u.b > end) {
        set_currency(f, code);  // "fifty euros"
        end = u.e;
      } else if (std::string_view d = duration_unit(u.str()); !d.empty() && u.b > end) {
        f.unit = Unit::duration;  // "three months", "eighteen years"
        f.unit_text = std::string(d);
        end = u.e;
      } else if (u.is("times") && times_is_multiplier(u.e)) {
        f.unit = Unit::multiplier;  // "three times as likely", "four times its earnings"
        end = u.e;
      }
    }
    // Spelled numbers below ten without a unit or scale ("two agencies",
    // "three months") are quantities but rarely checkable figures: they
    // come out as minor mentions that reports list and checks leave alone.
    // "one" is a pronoun as often as a number ("one of the", "no one").
    if (!sp.scaled && sp.value < 10 && f.unit != Unit::multiplier && f.unit != Unit::usd &&
        f.unit != Unit::currency) {
      if (sp.value == 1 && f.unit == Unit::count) {
        Word nx = word_after(t_, end);
        if (prev.is("no") || prev.is("any") || prev.is("every") || prev.is("each") || prev.is("the") ||
            prev.is("this") || prev.is("that") || prev.is("which") || nx.empty() || nx.b == end ||
            !(nx.b > end && !nx.capitalized) || nx.is("of") || nx.is("another") || nx.is("or") ||
            nx.is("and") || nx.is("who") || nx.is("that") || nx.is("is") || nx.is("was") || nx.is("way") ||
            nx.is("thing") || nx.is("day") || nx.is("time") || nx.is("reason") || nx.is("hand"))
          return end;
      }
      f.minor = true;
    }
    f.end = end;
    emit_plain(f);
    return end;
  }

  // Vague quantities: "dozens of", "hundreds", "tens of thousands", "millions".
  // The value is the least the words can mean (two of the unit), the
  // interval runs up to the next order of magnitude.
  if (w == "dozens" || w == "hundreds" || w == "thousands" || w == "millions" || w == "billions" ||
      w == "tens") {
    double unit = w == "dozens" ? 12 : w == "hundreds" ? 100 : w == "thousands" ? 1e3 : w == "millions" ? 1e6
                                 : w == "billions" ? 1e9 : 10;
    size_t end = c + len;
    Word of = word_after(t_, end);
    if (of.is("of")) {
      Word big = word_after(t_, of.e);
      double s = big.is("thousands") ? 1e3 : big.is("millions") ? 1e6 : big.is("billions") ? 1e9 : 0;
      if (s > 0 && (w == "tens" || w == "hundreds")) {
        unit *= s;
        end = big.e;
      } else if (w == "tens") {
        return c + len;  // "tens of people": not said in news
      }
    } else if (w == "tens") {
      return c + len;
    }
    if (prev.is("the") || prev.is("in") || prev.is("by") || prev.is("of")) {
      // "in the thousands", "the millions": still a quantity, but idiomatic
      if (!of.is("of")) return c + len;
    }
    f.unit = Unit::count;
    f.verbal = true;
    f.value = 2 * unit;
    f.lo = 2 * unit;
    f.hi = (w == "dozens" ? 100 : 10 * unit);
    f.precision = unit;
    f.end = end;
    emit_plain(f);
    return end;
  }
  // "a hundred", "a thousand", "a million people", "a billion dollars"
  if (w == "hundred" || w == "thousand" || w == "million" || w == "billion" || w == "trillion") {
    if (!article_a) return c + len;
    double v = w == "hundred" ? 1e2 : w == "thousand" ? 1e3 : w == "million" ? 1e6 : w == "billion" ? 1e9 : 1e12;
    f.begin = prev.b;
    f.unit = Unit::count;
    f.verbal = false;
    f.value = v;
    f.precision = v;
    f.lo = v / 2;
    f.hi = v * 1.5;
    return emit_count(f, c + len);
  }
  // "fourfold", "tenfold"
  if (w.size() > 4 && w.ends_with("fold")) {
    const int k = small_number_value(std::string_view(w).substr(0, w.size() - 4));
    if (k < 2) return c + len;
    f.unit = Unit::multiplier;
    f.verbal = true;
    f.value = k;
    f.precision = 0;
    f.lo = k;
    f.hi = just_above(k);
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  // Multiples: "doubled", "more than tripled", "halved", "twice as likely"
  if (w == "doubled" || w == "tripled" || w == "quadrupled" || w == "halved" || w == "doubling" ||
      w == "tripling" || w == "twice") {
    f.unit = Unit::multiplier;
    f.verbal = true;
    f.value = (w == "tripled" || w == "tripling") ? 3 : w == "quadrupled" ? 4 : w == "halved" ? 0.5 : 2;
    f.precision = 0;
    f.lo = f.value;
    f.hi = just_above(f.value);
    f.end = c + len;
    if (w == "twice") {
      Word nx = word_after(t_, c + len);
      if (!(nx.is("as") || nx.is("the") || nx.is("that"))) return c + len;  // "voted twice"
    } else {
      f.change = ChangeKind::multiple;
      f.direction = w == "halved" ? Direction::down : Direction::up;
    }
    emit_plain(f);
    return c + len;
  }

  Word next = word_after(t_, c + len);
  if (w == "dozen") {
    if (!article_a) return c + len;
    f.begin = prev.b;
    f.unit = Unit::count;
    f.verbal = false;
    f.value = 12;
    f.lo = 11.5;
    f.hi = 12.5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  if (w == "majority") {
    // "a majority" is more than half; "vast"/"overwhelming" is used for
    // shares of three quarters and up (the seeds say "a vast majority" of
    // 79%), so [75, 100].
    if (next.is("leader") || next.is("whip") || next.is("party") || next.is("opinion") ||
        next.is("vote") || next.is("rule") || next.is("owner") || next.is("stake"))
      return c + len;
    bool vast = false;
    size_t b = c;
    Word art = prev;
    if (prev.is("vast") || prev.is("overwhelming") || prev.is("large") || prev.is("clear") ||
        prev.is("slim") || prev.is("narrow") || prev.is("simple") || prev.is("bare") ||
        prev.is("substantial") || prev.is("great")) {
      vast = prev.is("vast") || prev.is("overwhelming");
      art = word_before(t_, prev.b);
      if (art.b < floor_) art = Word{};
      b = prev.b;
    }
    if (!(art.is("a") || art.is("the") || art.is("an"))) return c + len;
    f.begin = art.b;
    (void)b;
    f.value = vast ? 75 : 50;
    f.lo = vast ? 75 : just_above(50);
    f.hi = just_above(100);
    f.precision = 5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  int den = fraction_denominator(w);
  if (den) {
    if (c + len < n && t_[c + len] == '-') return c + len;  // "half-hearted"
    if (c > 0 && t_[c - 1] == '-') return c + len;           // "one-and-a-half", handled words
    if (w == "half") {
      if (prev.is("first") || prev.is("second") || prev.is("latter") || prev.is("former") ||
          prev.is("other") || prev.is("back") || prev.is("front") || prev.is("and") || prev.is("the") ||
          prev.is("one") || prev.is("two") || prev.is("and") || prev.is("on") || prev.is("behalf"))
        return c + len;
      if (article_a) return c + len;  // "a half" belongs to "one and a half"
      if (next.is("a")) {
        // "half a million", "half a billion dollars": a count, not a share
        Word big = word_after(t_, next.e);
        const double sc = big.is("million") ? 1e6 : big.is("billion") ? 1e9 : big.is("trillion") ? 1e12
                        : big.is("dozen") ? 12 : big.is("thousand") ? 1e3 : 0;
        if (sc > 0) {
          f.unit = Unit::count;
          f.verbal = false;
          f.value = sc / 2;
          f.precision = sc / 10;
          f.lo = f.value - f.precision / 2;
          f.hi = f.value + f.precision / 2;
          return emit_count(f, big.e);
        }
      }
      if (next.is("as") || next.is("an") || next.is("hour") || next.is("century") ||
          next.is("decade") || next.is("time") || next.is("way"))
        return c + len;
      f.begin = c;
    } else {
      // "a quarter of", "a third (33%)": needs the article and a following
      // "of", a parenthesis or the end of a phrase, not "a third party".
      if (!article_a || (w.back() == 's')) return c + len;
      size_t p = skip_spaces(t_, c + len);
      Word by = word_before(t_, prev.b);
      bool ok = next.is("of") || (p < n && (t_[p] == '(' || t_[p] == ',' || t_[p] == '.' ||
                                            t_[p] == ';' || t_[p] == ':')) ||
                p >= n || by.is("by") ||  // "fell by a quarter"
                next.is("less") || next.is("more") || next.is("fewer") || next.is("lower") ||
                next.is("higher");  // "a third less carbon"
      if (!ok) return c + len;
      f.begin = prev.b;
    }
    f.value = 100.0 / den;
    f.fraction = true;
    // A verbal fraction stands for the figures that round to it at the
    // nearest 5 points (48% and 52% are both "half"): +-2.5 points.
    f.lo = f.value - 2.5;
    f.hi = f.value + 2.5;
    f.precision = 5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  return c + len;
}

}  // namespace claimcheck::extract
