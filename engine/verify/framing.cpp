// framing.cpp — frames of corpus figures; small helpers verify and reconcile share.
#include "verify/framing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "frame/scan.hpp"
#include "match/context.hpp"

namespace claimcheck::verify_detail {

namespace {

size_t distance(size_t b1, size_t e1, size_t b2, size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

}  // namespace

std::vector<FramedFigure> frame_figures(const Rules* rules, const Evidence& e) {
  std::vector<FramedFigure> out;
  const std::string_view q = e.quote;
  Day date = 0;
  if (auto d = parse_iso_day(e.date)) date = *d;
  detail::SentenceScan scan = detail::scan_sentence(rules, q, date);
  const std::vector<VocabularyHit>& vocab = scan.vocab;
  const std::vector<PeriodMention>& periods = scan.periods;
  const Frame defaults = rules ? rules->defaults() : Frame{};
  const std::set<std::string> year_measures =
      rules ? detail::measures_with_year_claims(*rules) : std::set<std::string>{};

  // Figures in text order, so that each has its own stretch.
  std::vector<EvidenceFigure> figs = e.figures;
  std::stable_sort(figs.begin(), figs.end(),
                   [](const EvidenceFigure& a, const EvidenceFigure& b) { return a.begin < b.begin; });
  for (size_t k = 0; k < figs.size(); ++k) {
    const EvidenceFigure& m = figs[k];
    const size_t before_b = k > 0 ? figs[k - 1].end : 0;
    const size_t after_e = k + 1 < figs.size() ? figs[k + 1].begin : q.size();
    auto collect = [&](Dimension d, size_t b, size_t en) {
      std::vector<std::string> ids;
      for (const auto& hit : vocab)
        if (hit.dimension == d && hit.begin >= b && hit.end <= en) ids.push_back(hit.id);
      return ids;
    };
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
    auto cats = collect(Dimension::category, m.end, after_e);
    if (cats.empty()) cats = collect(Dimension::category, before_b, m.begin);
    f.frame.category.insert(cats.begin(), cats.end());
    auto places = collect(Dimension::place, m.end, after_e);
    if (places.empty()) places = collect(Dimension::place, before_b, m.begin);
    if (places.empty()) places = collect(Dimension::place, 0, q.size());
    if (!places.empty()) f.frame.place = places.front();
    auto after_measures = collect(Dimension::measure, m.end, after_e);
    if (!after_measures.empty()) {
      f.frame.measure = after_measures.front();
    } else {
      const VocabularyHit* best = nullptr;
      for (const auto& hit : vocab) {
        if (hit.dimension != Dimension::measure || hit.begin == m.begin) continue;
        if (!best || distance(hit.begin, hit.end, m.begin, m.end) <
                         distance(best->begin, best->end, m.begin, m.end))
          best = &hit;
      }
      if (best) f.frame.measure = best->id;
    }
    // A year is the figure of the measure just before it ("launched in
    // 2008, ... to deport"), as the checker promotes years.
    if (m.unit == Unit::year) {
      const VocabularyHit* before = nullptr;
      for (const auto& hit : vocab)
        if (hit.dimension == Dimension::measure && year_measures.count(hit.id) &&
            hit.end <= m.begin && m.begin - hit.end <= 40)
          before = &hit;
      if (before) f.frame.measure = before->id;
    }
    const VocabularyHit* prog = nullptr;
    for (const auto& hit : vocab) {
      if (hit.dimension != Dimension::program) continue;
      if (!prog || distance(hit.begin, hit.end, m.begin, m.end) <
                       distance(prog->begin, prog->end, m.begin, m.end))
        prog = &hit;
    }
    f.frame.program = prog ? prog->id : defaults.program;
    const PeriodMention* per = nullptr;
    for (const auto& p : periods) {
      if (p.begin >= m.begin && p.begin < m.end) continue;  // the figure itself (a year)
      if (!per || distance(p.begin, p.end, m.begin, m.end) <
                      distance(per->begin, per->end, m.begin, m.end))
        per = &p;
    }
    if (per) {
      f.stated_period = *per;
      f.frame.period = per->period;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::pair<double, double> claim_range(const Claim& c) {
  const double tol = c.tolerance ? *c.tolerance : 0.5;
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

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

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
