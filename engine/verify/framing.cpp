// framing.cpp — frames of corpus figures; small helpers verify and reconcile share.
#include "verify/framing.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "frame/reader.hpp"
#include "match/context.hpp"
#include "match/frame_compare.hpp"

namespace claimcheck::verify_detail {

namespace {

bool ends_with_word(std::string_view s, std::string_view w) {
  if (s.size() < w.size() || s.substr(s.size() - w.size()) != w) return false;
  return s.size() == w.size() || !std::isalpha(static_cast<unsigned char>(s[s.size() - w.size() - 1]));
}

// "aged 16 and over", "ages 25 to 54", "16 years and older", "a 55-year-old":
// a bound of an age group, part of the frame rather than a figure of it.
bool is_age_bound(std::string_view q, size_t begin, size_t end) {
  std::string before(q.substr(begin >= 16 ? begin - 16 : 0, begin >= 16 ? 16 : begin));
  std::string after(q.substr(end, std::min<size_t>(24, q.size() - end)));
  for (auto* s : {&before, &after})
    for (char& ch : *s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!before.empty() && (before.back() == ' ' || before.back() == '(')) before.pop_back();
  auto ends_with_age = [](std::string_view b) {
    for (std::string_view w : {"age", "aged", "ages", "age of", "ages of"})
      if (ends_with_word(b, w)) return true;
    return false;
  };
  if (ends_with_age(before)) return true;
  // The upper bound of "ages 25 to 54", "aged 16 and 17".
  for (std::string_view w : {"to", "and"}) {
    if (!ends_with_word(before, w)) continue;
    std::string_view b(before);
    b.remove_suffix(w.size());
    while (!b.empty() && b.back() == ' ') b.remove_suffix(1);
    if (b.empty() || !std::isdigit(static_cast<unsigned char>(b.back()))) continue;
    while (!b.empty() && std::isdigit(static_cast<unsigned char>(b.back()))) b.remove_suffix(1);
    while (!b.empty() && b.back() == ' ') b.remove_suffix(1);
    if (ends_with_age(b)) return true;
  }
  for (std::string_view w : {" and over", " and older", " or older", " and up", "-year-old",
                             " years old", " years and over", " years and older", " years of age",
                             "+ years", " to 64", " to 54", " to 24"})
    if (after.rfind(w, 0) == 0) return true;
  return false;
}

}  // namespace

std::vector<FramedFigure> frame_figures(const Rules* rules, const Evidence& e,
                                        std::vector<detail::Figure>* read) {
  std::vector<FramedFigure> out;
  const std::string_view q = e.quote;
  Day date = 0;
  if (auto d = parse_iso_day(e.date)) date = *d;
  // The same reader as the checker's, over the evidence sentence.
  std::vector<Mention> mentions = extract_mentions(q);
  // The first ends of trends ("from 10.0% in January to 12.0%"): their
  // period is often the other end's, so reconcile never compares them.
  std::set<size_t> trend_starts;
  for (const auto& m : mentions)
    if (m.from >= 0 && static_cast<size_t>(m.from) < mentions.size())
      trend_starts.insert(mentions[static_cast<size_t>(m.from)].begin);
  detail::Reading reading = detail::read_figures(rules, q, std::move(mentions), date);
  const Frame defaults = rules ? rules->defaults() : Frame{};

  std::vector<EvidenceFigure> figs = e.figures;
  std::stable_sort(figs.begin(), figs.end(),
                   [](const EvidenceFigure& a, const EvidenceFigure& b) { return a.begin < b.begin; });
  for (const EvidenceFigure& m : figs) {
    FramedFigure f;
    f.doc = e.doc;
    f.line = e.line;
    f.quote = e.quote;
    f.date = e.date;
    f.value = m.value;
    f.unit = m.unit;
    f.text = m.text;
    f.begin = m.begin;
    f.end = m.end;
    f.lo = m.value;
    f.hi = m.value;
    f.frame.program = defaults.program;
    detail::Figure behind;
    behind.mention.value = m.value;
    behind.mention.unit = m.unit;
    for (const detail::Figure& r : reading.figures) {
      if (r.mention.begin > m.begin || m.begin >= r.mention.end) continue;
      behind = r;
      f.lo = r.mention.lo;
      f.hi = r.mention.hi;
      f.frame = r.frame;
      // Only what the sentence says counts for verify: defaults stay as
      // they were (the program), unknown dimensions stay empty.
      if (!is_positive(r.source.measure)) f.frame.measure.clear();
      if (!is_positive(r.source.place)) f.frame.place.clear();
      if (f.frame.program.empty()) f.frame.program = defaults.program;
      if (is_positive(r.source.period)) f.stated_period = r.stated_period;
      else f.frame.period.reset();
      // An absolute change ("rose by 467,000") is its own statistic and groups
      // with changes only; a relative one ("fell 12%") is not compared at all.
      if (r.mention.change == ChangeKind::relative || r.mention.change == ChangeKind::multiple)
        f.not_compared = "a relative change";
      else if (trend_starts.count(r.mention.begin)) f.not_compared = "a trend's start";
      else if (r.mention.minor) f.not_compared = "a minor number";
      else if (r.partitive) f.not_compared = "a part of a group the sentence does not qualify";
      break;
    }
    if (f.not_compared.empty() && f.unit == Unit::year) f.not_compared = "a year";
    if (f.not_compared.empty() && is_age_bound(q, m.begin, m.end)) f.not_compared = "an age bound";
    if (read) read->push_back(std::move(behind));
    out.push_back(std::move(f));
  }
  return out;
}

std::pair<double, double> claim_range(const Claim& c) {
  // The claim's own precision: 7.9 stands for [7.85, 7.95], so a sentence
  // stating 7.6 does not back it (half a unit of the last digit written).
  const double tol = c.tolerance ? *c.tolerance : claim_half_unit(c);
  return {c.value - tol, c.value + tol};
}

// Both tests read the claim matcher's own per-dimension stands, so that
// verify, reconcile and check agree on what a sentence says.
bool frame_backs(const Rules& rules, const detail::Figure& r, const Claim& c) {
  bool named = false;
  for (const auto& d : detail::compare_frame(rules, r, c)) {
    if (d.stand == detail::Stand::differ || d.stand == detail::Stand::other) return false;
    if (d.dimension == Dimension::period && d.coarse) return false;  // "2022" for January 2022
    if ((d.dimension == Dimension::measure || d.dimension == Dimension::category) &&
        d.stand == detail::Stand::agree)
      named = true;
  }
  // Some of the claim's categories named and none other ("seasonally
  // adjusted", its series named in an earlier clause): check leaves such a
  // figure unsupported, but the sentence does state the claim's figure.
  const auto& cats = r.frame.category;
  if (!named && !cats.empty() && is_positive(r.source.category) &&
      std::includes(c.frame.category.begin(), c.frame.category.end(), cats.begin(), cats.end()))
    named = true;
  // A frame as weak as a bare number backs nothing: measure or category must be named.
  return named;
}

bool positively_same_frame(const Rules& rules, const detail::Figure& r, const Claim& c) {
  for (const auto& d : detail::compare_frame(rules, r, c)) {
    switch (d.dimension) {
      case Dimension::measure:
      case Dimension::category:
      case Dimension::period:
        if (d.stand != detail::Stand::agree) return false;
        break;
      case Dimension::program:
        if (d.stand == detail::Stand::differ || d.stand == detail::Stand::other) return false;
        break;
      case Dimension::place:
        if (d.stand == detail::Stand::differ || d.stand == detail::Stand::other) return false;
        // A claim about a place other than the default one (Oregon's start
        // year) is that place's statistic only where the sentence names it.
        if (!c.frame.place.empty() && c.frame.place != rules.defaults().place &&
            d.stand != detail::Stand::agree)
          return false;
        break;
    }
  }
  return true;
}

bool is_derived(const Claim& c) { return c.definition.find("Derived") != std::string::npos; }

std::string basename_of(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}
std::string stem_of(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::string csv_field(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string period_label(const FramedFigure& f) {
  return f.frame.period ? describe_period(*f.frame.period) : std::string();
}

std::string value_label(double v, Unit u) { return detail::describe_value(v, u); }

}  // namespace claimcheck::verify_detail
