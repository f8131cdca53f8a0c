// framing.cpp — frames of corpus figures; small helpers verify and reconcile share.
#include "verify/framing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "frame/reader.hpp"
#include "match/context.hpp"

namespace claimcheck::verify_detail {

std::vector<FramedFigure> frame_figures(const Rules* rules, const Evidence& e) {
  std::vector<FramedFigure> out;
  const std::string_view q = e.quote;
  Day date = 0;
  if (auto d = parse_iso_day(e.date)) date = *d;
  // The same reader as the checker's, over the evidence sentence.
  detail::Reading reading = detail::read_figures(rules, q, extract_mentions(q), date);
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
    f.frame.program = defaults.program;
    for (const detail::Figure& r : reading.figures) {
      if (r.mention.begin > m.begin || m.begin >= r.mention.end) continue;
      f.frame = r.frame;
      // Only what the sentence says counts for verify: defaults stay as
      // they were (the program), unknown dimensions stay empty.
      if (!is_positive(r.source.measure)) f.frame.measure.clear();
      if (!is_positive(r.source.place)) f.frame.place.clear();
      if (f.frame.program.empty()) f.frame.program = defaults.program;
      if (is_positive(r.source.period)) f.stated_period = r.stated_period;
      else f.frame.period.reset();
      break;
    }
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

namespace {

bool period_ok(const FramedFigure& f, const Claim& c, int slack) {
  if (!f.stated_period || !c.frame.period) return true;
  return consistent_period(*f.stated_period, *c.frame.period, slack);
}

}  // namespace

bool frame_backs(const FramedFigure& f, const Claim& c, int slack) {
  if (!f.frame.measure.empty() && f.frame.measure != c.frame.measure) return false;
  if (!f.frame.category.empty() &&
      !std::includes(c.frame.category.begin(), c.frame.category.end(), f.frame.category.begin(),
                     f.frame.category.end()))
    return false;
  // A frame as weak as a bare number backs nothing: measure or category must be stated.
  if (f.frame.measure.empty() && f.frame.category.empty()) return false;
  if (!c.frame.program.empty() && !f.frame.program.empty() && f.frame.program != c.frame.program)
    return false;
  if (!c.frame.place.empty() && !f.frame.place.empty() && f.frame.place != c.frame.place &&
      c.frame.place != "us")
    return false;
  return period_ok(f, c, slack);
}

bool same_frame(const FramedFigure& f, const Claim& c, int slack) {
  if (f.frame.measure.empty() || f.frame.measure != c.frame.measure) return false;
  if (f.frame.category != c.frame.category) return false;
  if (!c.frame.program.empty() && f.frame.program != c.frame.program) return false;
  if (!f.frame.place.empty() && !c.frame.place.empty() && f.frame.place != c.frame.place)
    return false;
  if (c.frame.period) {
    if (!f.stated_period) return false;
    if (!consistent_period(*f.stated_period, *c.frame.period, slack)) return false;
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
