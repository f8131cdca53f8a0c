// hedges.cpp — hedge words before a figure ("more than", "nearly",
// "about") and the interval of reference values a hedged figure allows.
#include <algorithm>
#include <array>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

namespace {

struct HedgeDef {
  std::array<std::string_view, 3> words;  // in reading order
  int n;
  std::string_view norm;
};

// Longer phrases first so "no more than" wins over "more than".
constexpr std::array<HedgeDef, 33> kHedges{{
    {{"in", "excess", "of"}, 3, "more than"},
    {{"no", "more", "than"}, 3, "at most"},
    {{"no", "fewer", "than"}, 3, "at least"},
    {{"no", "less", "than"}, 3, "at least"},
    {{"upwards", "of"}, 2, "more than"},
    {{"more", "than"}, 2, "more than"},
    {{"greater", "than"}, 2, "more than"},
    {{"just", "over"}, 2, "more than"},
    {{"well", "over"}, 2, "more than"},
    {{"less", "than"}, 2, "less than"},
    {{"fewer", "than"}, 2, "less than"},
    {{"just", "under"}, 2, "less than"},
    {{"at", "least"}, 2, "at least"},
    {{"at", "most"}, 2, "at most"},
    {{"up", "to"}, 2, "at most"},
    {{"close", "to"}, 2, "nearly"},
    {{"an", "estimated"}, 2, "about"},
    {{"over"}, 1, "more than"},
    {{"above"}, 1, "more than"},
    {{"under"}, 1, "less than"},
    {{"below"}, 1, "less than"},
    {{"about"}, 1, "about"},
    {{"approximately"}, 1, "about"},
    {{"approx."}, 1, "about"},
    {{"roughly"}, 1, "about"},
    {{"around"}, 1, "about"},
    {{"some"}, 1, "about"},
    {{"estimated"}, 1, "about"},
    {{"nearly"}, 1, "nearly"},
    {{"almost"}, 1, "nearly"},
    {{"only"}, 1, "only"},
    {{"just"}, 1, "only"},
    {{"merely"}, 1, "only"},
}};

}  // namespace

Hedge Scanner::find_hedge(size_t start) const {
  Hedge h;
  h.begin = start;
  std::array<Word, 4> ws;
  size_t pos = start;
  for (auto& w : ws) {
    w = word_before(t_, pos);
    if (w.empty() || w.b < floor_) {
      w = Word{};
      break;
    }
    pos = w.b;
  }
  // '~20%' reads as about
  size_t s = skip_spaces_back(t_, start);
  if (s > 0 && s >= floor_ + 1 && t_[s - 1] == '~') return Hedge{"about", s - 1};
  for (const auto& d : kHedges) {
    bool ok = true;
    for (int k = 0; k < d.n && ok; ++k) ok = !ws[k].empty() && ws[k].is(d.words[d.n - 1 - k]);
    if (!ok) continue;
    h.norm = d.norm;
    h.begin = ws[d.n - 1].b;
    // "only about 20%": the emphasis adds nothing, the real hedge is kept
    break;
  }
  return h;
}

void Scanner::emit(const Figure& f, Hedge h) {
  Mention m;
  m.begin = f.begin;
  m.end = f.end;
  m.value = f.value;
  m.unit = f.unit;
  m.verbal = f.verbal;
  m.time_context = f.time_context;
  m.minor = f.minor;
  m.unit_text = f.unit_text;
  m.per = f.per;
  m.counted = f.counted;
  m.change = f.change;
  m.direction = f.direction;
  m.lo = f.lo;
  m.hi = f.hi;
  const double v = f.value;
  const bool share = f.unit == Unit::percent || f.unit == Unit::points;
  // Shares cannot exceed 100; an open-ended hedge stops there (100 included).
  const double top = f.unit == Unit::percent ? just_above(100) : kInf;
  if (f.unit != Unit::year && !h.norm.empty()) {
    m.begin = std::min(h.begin, f.begin);
    m.hedge = std::string(h.norm);
    if (h.norm == "about") {
      // A few either side: at least half the stated precision, else a tenth
      // of the value; writers say "about 20%" for anything from 18 to 22.
      // Shares live on a bounded scale: a tenth of 90% would be 9 points and
      // hide real discrepancies, so shares take +-max(2 points, 5%) instead.
      double w = share ? std::max({f.precision / 2, 2.0, 0.05 * std::fabs(v)})
                       : std::max(f.precision / 2, 0.1 * std::fabs(v));
      if (f.fraction) w = std::max(w, 5.0);
      m.lo = std::min(f.lo, v - w);
      m.hi = std::max(f.hi, v + w);
    } else if (h.norm == "nearly") {
      // Just under the stated value. Verbal fractions are rounded to the
      // nearest familiar fraction, so "nearly" reaches a fifth of the value
      // down, at most 10 points: "nearly half" is [40, 50).
      // "nearly 2 million" is [1.8, 2) million, not [1, 2).
      double w = f.fraction ? std::min(10.0, 0.2 * v) : 0.1 * std::fabs(v);
      m.lo = v - w;
      m.hi = v;
    } else if (h.norm == "more than" || h.norm == "at least") {
      m.lo = v;
      m.hi = top;
    } else if (h.norm == "less than") {
      m.lo = 0;
      m.hi = v;
    } else if (h.norm == "at most") {
      m.lo = 0;
      m.hi = just_above(v);
    }
    // "only": emphasis, the value and interval stay
  }
  if (f.negative) {
    // "-1.3%": the interval read for 1.3, mirrored
    m.value = -m.value;
    const double lo = m.lo;
    m.lo = -m.hi;
    m.hi = -lo;
  }
  m.text = text_of(m.begin, m.end);
  floor_ = std::max(floor_, m.end);
  out_.push_back(std::move(m));
  scale_.push_back(f.scale);
}

size_t Scanner::emit_count(Figure f, size_t end) {
  Word u = word_after(t_, end);
  if (u.is("dollars")) {
    set_currency(f, "USD");
    end = u.e;
  }
  f.end = end;
  emit_plain(f);
  return end;
}

std::string Scanner::text_of(size_t b, size_t e) const {
  if (!form_) return std::string(t_.substr(b, e - b));
  const size_t ob = form_->begin_of(b), oe = form_->end_of(e);
  return std::string(original_.substr(ob, oe - ob));
}

}  // namespace claimcheck::extract
