// claim_check.cpp — value-first matching against the rules' reference
// figures. A stated value that equals a known figure but sits in another
// frame is explained by that figure (period, definition, population or
// program mismatch); a value in the frame of a known figure that differs from
// it is a value (or hedge) mismatch. Categories are compared facet by facet
// ("or" inside a facet, "and" across facets; rules format version 2), and the
// facet that differs names the finding; change figures ("rose 0.3 points")
// match only change claims, levels only levels.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "match/checks.hpp"
#include "match/frame_compare.hpp"

namespace claimcheck::detail {

namespace {

// Precedence of design.md: the kind names the first differing dimension.
constexpr Dimension kPrecedence[] = {Dimension::program, Dimension::measure, Dimension::period,
                                     Dimension::category};

// The finding a single positive difference in `d` gives; a category
// difference gives its facet's kind, declared by the rules file.
std::string kind_for(const Rules& rules, Dimension d, std::string_view facet) {
  switch (d) {
    case Dimension::program:
      return "program-mismatch";
    case Dimension::measure:
      return "population-mismatch";
    case Dimension::period:
      return "period-mismatch";
    case Dimension::category:
      return std::string(rules.facet_kind(facet));
    case Dimension::place:
      return "value-mismatch";
  }
  return "value-mismatch";
}

struct Comparison {
  const Claim* claim = nullptr;
  Stand program = Stand::unknown, measure = Stand::unknown, category = Stand::unknown,
        period = Stand::unknown, place = Stand::unknown;
  std::vector<Dimension> differs;  // in precedence order
  std::vector<std::string> facets_differ;  // the category facets that differ
  // The text states a coarser period that covers the claim's month or
  // quarter ("in 2022" for January 2022): neither agreement nor a difference.
  bool period_coarse = false;
  // The claim is of a place of its own (a state) and the text names no
  // place for the figure: which place it speaks of is unknown.
  bool place_open = false;
  int agree = 0;                   // dimensions that positively agree
  // Dimensions that differ, a category facet counting as one each.
  size_t differing() const {
    return differs.size() + (facets_differ.size() > 1 ? facets_differ.size() - 1 : 0);
  }
  bool another_statistic() const {
    return program == Stand::other || measure == Stand::other || place == Stand::other ||
           category == Stand::other;
  }
};

// Periods stated loosely ("in 2011" for FY2011) are allowed a season's slack;
// a claim of a month or a quarter is compared exactly (fit_period).
constexpr int kPeriodSlackDays = 95;

// Category ids grouped by the facet they belong to.
std::map<std::string, std::set<std::string>> by_facet(const Rules& rules, const std::set<std::string>& ids) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& id : ids) out[std::string(rules.facet_of(id))].insert(id);
  return out;
}

// Categories, facet by facet. A facet the text leaves unsaid is unknown (or,
// when the claim fixes nothing there either, agrees: no qualifier on a whole
// count is "all"; on a part of a group, "27,899 of them", it is unknown). A
// facet the text states agrees only with the claim's very set: a sub-group
// is not the group ("rural children" do not back "children", nor the other
// way round). A group named beside its own sub-group ("children ... in rural
// areas") stands for the sub-group.
Stand compare_categories(const Rules& rules, const Figure& ms, const Claim& c,
                         std::vector<std::string>& facets_differ) {
  auto text = by_facet(rules, ms.frame.category);
  const auto claim = by_facet(rules, c.frame.category);
  for (auto& [facet, ids] : text) {
    std::set<std::string> kept;
    for (const auto& id : ids) {
      const bool has_descendant = std::any_of(ids.begin(), ids.end(), [&](const std::string& other) {
        return rules.is_within(Dimension::category, other, id);
      });
      if (!has_descendant) kept.insert(id);
    }
    ids = std::move(kept);
  }
  static const std::set<std::string> none;
  bool unknown = false;
  for (const auto& facet : rules.facets()) {
    auto t_it = text.find(facet);
    auto c_it = claim.find(facet);
    const auto& t = t_it == text.end() ? none : t_it->second;
    const auto& r = c_it == claim.end() ? none : c_it->second;
    if (t.empty()) {
      if (!r.empty() || ms.partitive) unknown = true;
      continue;
    }
    const bool open_subset = ms.category_open && t.size() < r.size() &&
                             std::includes(r.begin(), r.end(), t.begin(), t.end());
    if (!(t == r || open_subset)) facets_differ.push_back(facet);
  }
  // A sub-group the rules do not name: never the claim's group, and with a
  // stated facet that differs as well, another statistic.
  if (ms.subgroup) return facets_differ.empty() ? Stand::unknown : Stand::other;
  if (!facets_differ.empty()) return Stand::differ;
  return unknown ? Stand::unknown : Stand::agree;
}

Comparison compare(const Rules& rules, const Figure& ms, const Claim& c) {
  Comparison out;
  out.claim = &c;
  const Frame& t = ms.frame;
  const Frame& r = c.frame;
  const FrameSource& src = ms.source;

  // Program: a default or carried program says little; a program named in
  // the figure's sentence differs, the agency as a whole is another statistic.
  if (is_positive(src.program) && !r.program.empty()) {
    if (t.program == r.program)
      out.program = Stand::agree;
    else if (t.program == kAgencyWide || !rules.has_vocabulary_id(Dimension::program, t.program))
      out.program = Stand::other;
    else
      out.program = ms.program_in_sentence ? Stand::differ : Stand::other;
  }
  // Measure: what the figure counts.
  if (is_positive(src.measure) && !t.measure.empty()) {
    if (t.measure == r.measure)
      out.measure = Stand::agree;
    else if (!rules.has_vocabulary_id(Dimension::measure, t.measure))
      out.measure = Stand::other;
    else
      out.measure = Stand::differ;
  }
  // Category: facet by facet.
  out.category = compare_categories(rules, ms, c, out.facets_differ);
  // Period: only a period the text states or carries.
  if (c.change && ms.stated_period && is_positive(src.period) &&
      fit_period(*ms.stated_period, c.change->to, 0) == PeriodFit::agree) {
    out.period = Stand::agree;  // "fell 0.2 points in February": dated by its end
  } else if (ms.stated_period && is_positive(src.period) && r.period) {
    switch (fit_period(*ms.stated_period, *r.period, kPeriodSlackDays)) {
      case PeriodFit::agree: out.period = Stand::agree; break;
      case PeriodFit::differ: out.period = Stand::differ; break;
      case PeriodFit::unknown:
        out.period = Stand::unknown;
        out.period_coarse = true;
        break;
    }
  } else if (!r.period) {
    out.period = Stand::agree;  // the claim holds for any period it is quoted for
  }
  // Place: another place makes another statistic.
  if (is_positive(src.place) && !t.place.empty() && !r.place.empty())
    out.place = t.place == r.place ? Stand::agree : Stand::other;
  else if (!r.place.empty() && r.place != t.place && r.place != rules.defaults().place)
    out.place_open = true;

  const std::pair<Dimension, Stand> order[] = {{Dimension::program, out.program},
                                               {Dimension::measure, out.measure},
                                               {Dimension::period, out.period},
                                               {Dimension::category, out.category}};
  for (const auto& [d, st] : order) {
    if (st == Stand::differ) out.differs.push_back(d);
    if (st == Stand::agree) ++out.agree;
  }
  return out;
}

// Would the claim be this figure's, were its value right? Every dimension
// the claim fixes must positively agree.
bool same_frame(const Comparison& c) {
  return !c.place_open && c.measure == Stand::agree && c.category == Stand::agree && c.period == Stand::agree &&
         c.program != Stand::differ && !c.another_statistic();
}

// Does the claim back the figure? As same_frame, but a period the text
// leaves unsaid is tolerated (missing-period says so when it matters).
bool supports(const Comparison& c) {
  return !c.place_open && c.measure == Stand::agree && c.category == Stand::agree &&
         (c.period == Stand::agree || (c.period == Stand::unknown && !c.period_coarse)) &&
         c.program != Stand::differ && !c.another_statistic();
}

// Is the figure a misquote of the claim in exactly one dimension? The
// differing dimension is positively stated; the others agree or are unknown,
// and what the figure counts is positively the claim's (or, for a population
// mismatch, its category and period are).
bool one_dimension_off(const Comparison& c) {
  if (c.differing() != 1 || c.another_statistic() || c.place_open) return false;
  switch (c.differs.front()) {
    case Dimension::measure:
      // The counted thing differs, so the rest must positively be the
      // claim's: its category and period, or at least its named program.
      // (A period left unsaid is tolerated when the program is named.)
      return c.category == Stand::agree &&
             (c.period == Stand::agree ||
              (c.period == Stand::unknown && c.program == Stand::agree)) &&
             (!c.claim->frame.category.empty() || c.claim->frame.period ||
              c.program == Stand::agree);
    case Dimension::program:
    case Dimension::period:
      return c.measure == Stand::agree && c.category == Stand::agree;
    case Dimension::category:
      return c.measure == Stand::agree;
    case Dimension::place:
      return false;
  }
  return false;
}

enum class Closeness { consistent, contradicts, unrelated };

// Half the rounding step a claim's value is written at: counts and money
// with three or more trailing zeros are rounded to the thousand (47,000),
// shares to their last decimal (79 -> 0.5, 27.7 -> 0.05); years are exact.
double claim_half_precision(const Claim& c) {
  const double v = std::fabs(c.value);
  switch (c.unit) {
    case Unit::year:
      return 0;
    case Unit::count:
    case Unit::usd:
    case Unit::currency:
      if (v >= 1000 && std::fmod(v, 1000) == 0) return 500;
      return 0;
    case Unit::percent:
    case Unit::points:
    case Unit::rate:
    case Unit::multiplier:
    case Unit::duration:
    case Unit::other:
      if (c.decimals >= 0) return claim_half_unit(c);  // "4.0" as the rules write it
      if (std::fabs(v - std::round(v)) < 1e-9) return 0.5;
      if (std::fabs(v * 10 - std::round(v * 10)) < 1e-9) return 0.05;
      return 0.005;
  }
  return 0;
}

// Is the figure the claim's very number, at the precision it is written?
// A misquote in another dimension is told by the number itself: "about 26
// percent" fits 28% as a hedge but is not 28%'s number.
bool same_number(const Mention& m, const Claim& c) {
  if (m.verbal) return c.value >= m.lo && c.value < m.hi;
  const double step = std::fabs(m.value - std::round(m.value)) < 1e-9 ? 0.5 : 0.05;
  return std::fabs(m.value - c.value) <= std::max(step, claim_half_precision(c)) + 1e-9;
}

// Does the claim's value fit the figure? An open bound ("more than 30
// percent") points at a claim only near its number, and contradicts one
// only from the wrong side and near; far from it, it says nothing.
Closeness closeness(const Mention& m, const Claim& c) {
  const double v = c.value;
  const bool open_hi = std::isinf(m.hi) || (m.unit == Unit::percent && m.hedge == "more than");
  const bool open_lo = m.hedge == "less than" || m.hedge == "at most";
  auto near = [&](double factor) {
    const double a = std::fabs(v), b = std::fabs(m.value);
    return a <= b * factor && b <= a * factor;
  };
  bool inside;
  if (c.tolerance) {
    inside = std::fabs(m.value - v) <= *c.tolerance + 1e-9 || (v >= m.lo && v < m.hi);
  } else {
    // The claim is rounded too: "approximately 47,000" covers 46,929.
    const double half = claim_half_precision(c);
    const double hi = std::isinf(m.hi) ? m.hi : std::max(m.hi, m.lo + 1e-9);
    inside = std::fabs(m.value - v) <= half + 1e-9 || (v >= m.lo && v < hi) ||
             (half > 0 && v + half > m.lo && v - half < hi);
  }
  if (open_hi || open_lo) {
    if (inside) return near(1.25) ? Closeness::consistent : Closeness::unrelated;
    return near(1.5) ? Closeness::contradicts : Closeness::unrelated;
  }
  return inside ? Closeness::consistent : Closeness::contradicts;
}

std::string dims_list(const std::vector<Dimension>& ds) {
  std::string out;
  for (auto d : ds) {
    if (!out.empty()) out += ", ";
    out += dimension_name(d);
  }
  return out;
}

// The ids of one facet among `ids` ("all" when none).
std::set<std::string> of_facet(const Rules& rules, const std::set<std::string>& ids, std::string_view facet) {
  std::set<std::string> out;
  for (const auto& id : ids)
    if (rules.facet_of(id) == facet) out.insert(id);
  return out;
}

std::string text_side(const Figure& ms, Dimension d) {
  const Frame& f = ms.frame;
  switch (d) {
    case Dimension::program:
      return f.program;
    case Dimension::measure:
      return f.measure.empty() ? "an unstated measure" : f.measure;
    case Dimension::period:
      return ms.stated_period ? describe_period(ms.stated_period->period) : "no period";
    case Dimension::category:
      return join_ids(f.category, " or ");
    case Dimension::place:
      return f.place;
  }
  return "";
}

std::string claim_side(const Claim& c, Dimension d) {
  switch (d) {
    case Dimension::program:
      return c.frame.program;
    case Dimension::measure:
      return c.frame.measure;
    case Dimension::period:
      return c.frame.period ? describe_period(*c.frame.period) : "no period";
    case Dimension::category:
      return c.frame.category.empty() ? "all" : join_ids(c.frame.category, " or ");
    case Dimension::place:
      return c.frame.place;
  }
  return "";
}

// Dimension names for the report; a category difference is named by its
// facets ("category" in a version 1 file).
std::vector<std::string> dim_names(const Comparison& c) {
  std::vector<std::string> out;
  for (auto d : c.differs) {
    if (d == Dimension::category && !c.facets_differ.empty())
      out.insert(out.end(), c.facets_differ.begin(), c.facets_differ.end());
    else
      out.emplace_back(dimension_name(d));
  }
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Does a claim speak of the figure's kind of quantity? Same unit, same
// currency or duration unit, same rate base; a change only with a change
// claim of its kind, a level only with a level.
// One unit word in two spellings: case and a plural "s" aside ("Tonnes",
// "tonne"; "beds", "bed").
bool same_unit_word(std::string_view a, std::string_view b) {
  auto stem = [](std::string_view w) {
    return w.size() > 2 && (w.back() == 's' || w.back() == 'S') ? w.substr(0, w.size() - 1) : w;
  };
  return equal_ignoring_case(stem(a), stem(b));
}

// A claim in a unit word ("unit": "other", "unit_text": "beds") speaks of a
// figure the text gives in that word: a unit the extractor knows ("12
// tonnes": unit other, unit_text "tonnes"), or a count whose counted noun
// begins with it ("300 beds", "300 hospital beds" is not: another noun).
bool same_unit_word_quantity(const Mention& m, const Claim& c) {
  if (m.unit == Unit::other) return same_unit_word(m.unit_text, c.unit_text);
  if (m.unit != Unit::count || m.counted.empty()) return false;
  const std::string_view counted = m.counted;
  const std::string_view first = counted.substr(0, counted.find(' '));
  return same_unit_word(first, c.unit_text) ||
         (c.unit_text.find(' ') != std::string::npos && same_unit_word(counted.substr(0, c.unit_text.size()), c.unit_text));
}

bool same_quantity(const Mention& m, const Claim& c) {
  if (c.unit == Unit::other) {
    if (!same_unit_word_quantity(m, c)) return false;
    return c.change ? m.change == c.change->kind : m.change == ChangeKind::none;
  }
  if (m.unit != c.unit) return false;
  if (!c.unit_text.empty() && !m.unit_text.empty() && !equal_ignoring_case(m.unit_text, c.unit_text))
    return false;
  if (c.per > 0 && m.per > 0 && c.per != m.per) return false;
  if (c.change) return m.change == c.change->kind;
  return m.change == ChangeKind::none;
}

class ClaimCheck : public Check {
 public:
  const char* name() const override { return "claims"; }

  void run(CheckContext& ctx) const override {
    if (!ctx.rules) return;
    for (auto& ms : ctx.mentions) {
      // Already decided: flagged by arithmetic, or a share of the draft's own counts.
      if (ms.has_finding || (ms.derived && !ms.is_total)) continue;
      check_one(ctx, ms);
    }
  }

 private:
  void check_one(CheckContext& ctx, MentionState& ms) const {
    const Mention& m = ms.mention;
    // A figure is about a claim only when it positively counts something.
    if (!is_positive(ms.source.measure)) return;
    std::optional<Comparison> supported_by, off_by_one, value_off, undecided;
    for (const auto& c : ctx.rules->claims()) {
      // A change ("rose 12%") is never the level a claim states (12%), and a
      // level never a change claim; an amount of another currency or unit
      // is another statistic.
      if (!same_quantity(m, c)) continue;
      Comparison cmp = compare(*ctx.rules, ms, c);
      Closeness near = closeness(m, c);
      // "Rose 0.3 points" is not a fall of 0.3 points.
      if (c.change && m.direction != Direction::none && c.change->direction != Direction::none &&
          m.direction != c.change->direction && near == Closeness::consistent)
        near = Closeness::contradicts;
      if (near == Closeness::consistent) {
        if (supports(cmp)) {
          if (!supported_by || cmp.agree > supported_by->agree) supported_by = cmp;
        } else if (one_dimension_off(cmp) && same_number(m, c)) {
          if (!off_by_one || cmp.agree > off_by_one->agree) off_by_one = cmp;
        } else if (cmp.differs.empty() && !cmp.another_statistic() && cmp.measure == Stand::agree) {
          // Nothing contradicts, but the text leaves a dimension the claim
          // fixes unsaid: cannot be decided.
          if (!undecided || cmp.agree > undecided->agree) undecided = cmp;
        }
      } else if (near == Closeness::contradicts && same_frame(cmp)) {
        if (!value_off ||
            std::fabs(c.value - m.value) < std::fabs(value_off->claim->value - m.value))
          value_off = cmp;
      }
    }
    if (supported_by) return supported(ctx, ms, *supported_by);
    // Explain by the known figure when the text misquotes it in one
    // dimension ("in FY2011, 79% ..."), before calling the value wrong.
    if (off_by_one) return frame_mismatch(ctx, ms, *off_by_one);
    if (value_off) return value_mismatch(ctx, ms, *value_off);
    if (derived_from_claims(ctx, ms)) return;
    if (undecided) {
      // Noted for comparisons ("fell from 79% to 55%"), never an error here.
      ms.claim = undecided->claim;
      ms.value_matches = true;
      ms.verdict = "unverified";
      ms.evidence = ctx.evidence_for(*undecided->claim);
    }
  }

  // A figure the rules do not state but that follows from two of their
  // figures: a sum of shares of one frame ("26% + 29%, a combined 55%") or a
  // ratio of counts ("100,000 of 111,000 identified: 90%").
  bool derived_from_claims(CheckContext& ctx, MentionState& ms) const {
    const Mention& m = ms.mention;
    if (m.unit != Unit::percent || !is_positive(ms.source.measure)) return false;
    const auto& claims = ctx.rules->claims();
    auto fits = [&](double v) {
      return v >= m.lo - 0.5 && v < (std::isinf(m.hi) ? v + 1 : m.hi + 0.5);
    };
    auto same_frame_but_category = [&](const Claim& a, const Claim& b) {
      return a.frame.program == b.frame.program && a.frame.measure == b.frame.measure &&
             a.frame.place == b.frame.place && a.frame.period == b.frame.period;
    };
    auto period_ok = [&](const Claim& c) {
      if (!c.frame.period || !ms.stated_period || !is_positive(ms.source.period)) return true;
      return fit_period(*ms.stated_period, *c.frame.period, kPeriodSlackDays) != PeriodFit::differ;
    };
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& a = claims[i];
      if (a.frame.measure != ms.frame.measure || !period_ok(a)) continue;
      for (size_t j = 0; j < claims.size(); ++j) {
        const Claim& b = claims[j];
        if (i == j || !same_frame_but_category(a, b)) continue;
        std::string how;
        if (a.unit == Unit::percent && b.unit == Unit::percent && i < j &&
            !a.frame.category.empty() && !b.frame.category.empty()) {
          std::set<std::string> both = a.frame.category;
          both.insert(b.frame.category.begin(), b.frame.category.end());
          if (both.size() != a.frame.category.size() + b.frame.category.size()) continue;
          if (ms.frame.category != both || !fits(a.value + b.value)) continue;
          how = a.id + " + " + b.id;
        } else if (a.unit == Unit::count && b.unit == Unit::count && b.frame.category.empty() &&
                   !a.frame.category.empty() && b.value > 0) {
          if (ms.frame.category != a.frame.category || !fits(100 * a.value / b.value)) continue;
          how = a.id + " / " + b.id;
        } else {
          continue;
        }
        ms.verdict = "supported";
        ms.derived = true;
        ms.evidence = ctx.evidence_for(a);
        (void)how;
        return true;
      }
    }
    return false;
  }

  void supported(CheckContext& ctx, MentionState& ms, const Comparison& cmp) const {
    const Claim& c = *cmp.claim;
    ms.claim = &c;
    ms.value_matches = true;
    ms.verdict = "supported";
    ms.evidence = ctx.evidence_for(c);
    const Mention& m = ms.mention;
    // "More than a quarter (28 percent)": the gloss must hold too.
    if (!m.gloss.empty() && !(c.value >= m.gloss_lo && c.value < m.gloss_hi)) {
      auto& f =
          ctx.add_finding("hedge-mismatch", m.begin, m.end,
                          "\"" + m.gloss + "\" does not fit " + describe_value(c.value, c.unit) +
                              ", the figure " + m.text + " restates (" + c.id + ")",
                          &ms);
      f.claim = c.id;
      f.evidence = ms.evidence;
      return;
    }
    // No period stated, and the rules hold this frame for other periods.
    if (!ms.stated_period && c.frame.period) {
      std::vector<std::string> others;
      for (const auto& o : ctx.rules->claims()) {
        if (o.id == c.id || o.unit != c.unit || !o.frame.period) continue;
        if (o.frame.program == c.frame.program && o.frame.measure == c.frame.measure &&
            o.frame.category == c.frame.category &&
            !same_period(*o.frame.period, *c.frame.period, 0))
          others.push_back(describe_value(o.value, o.unit) + " for " +
                           describe_period(*o.frame.period));
      }
      if (!others.empty()) {
        std::string msg = m.text + " is the figure for " + describe_period(*c.frame.period) + " (" +
                          c.id + "), but the text gives no period; the rules also hold ";
        for (size_t i = 0; i < others.size(); ++i) msg += (i ? ", " : "") + others[i];
        auto& f = ctx.add_finding("missing-period", m.begin, m.end, msg, nullptr);
        f.claim = c.id;
        f.dimensions = {"period"};
        f.evidence = ms.evidence;
      }
    }
  }

  void frame_mismatch(CheckContext& ctx, MentionState& ms, const Comparison& cmp) const {
    const Claim& c = *cmp.claim;
    const Mention& m = ms.mention;
    ms.claim = &c;
    ms.value_matches = true;
    ms.differs = cmp.differs;
    Dimension first = cmp.differs.front();
    for (Dimension d : kPrecedence)
      if (std::find(cmp.differs.begin(), cmp.differs.end(), d) != cmp.differs.end()) {
        first = d;
        break;
      }
    const std::string facet = cmp.facets_differ.empty() ? "category" : cmp.facets_differ.front();
    std::string claim_says = claim_side(c, first), text_says = text_side(ms, first);
    if (first == Dimension::category && ctx.rules->facets().size() > 1) {
      // Name only the facet that differs ("U-6", not "U-6 and teenagers").
      const auto r = of_facet(*ctx.rules, c.frame.category, facet);
      const auto t = of_facet(*ctx.rules, ms.frame.category, facet);
      claim_says = r.empty() ? "all" : join_ids(r, " or ");
      text_says = t.empty() ? "all" : join_ids(t, " or ");
    }
    std::string msg = m.text + " is the figure for " + claim_says + ", not for " + text_says +
                      " as the text says (" + c.id + ": " + describe_claim(c, ctx.rules) + ")";
    if (cmp.differs.size() > 1) msg += "; also differs in " + dims_list(cmp.differs);
    auto& f = ctx.add_finding(kind_for(*ctx.rules, first, facet), m.begin, m.end, msg, &ms);
    f.claim = c.id;
    f.dimensions = dim_names(cmp);
    f.evidence = ctx.evidence_for(c);
    ms.evidence = f.evidence;
  }

  void value_mismatch(CheckContext& ctx, MentionState& ms, const Comparison& cmp) const {
    const Claim& c = *cmp.claim;
    const Mention& m = ms.mention;
    ms.claim = &c;
    // A verbal quantity or a hedge that the bare number would satisfy.
    const bool hedge = m.verbal || !m.gloss.empty() ||
                       (!m.hedge.empty() && c.value != 0 &&
                        std::fabs(m.value - c.value) <= 0.1 * std::fabs(c.value));
    std::string msg = "the draft says " + m.text + " but the reference figure for " +
                      describe_frame(c.frame, ctx.rules) + " is " + describe_value(c.value, c.unit) + " (" +
                      c.id + (c.definition.empty() ? "" : ": " + short_definition(c.definition)) +
                      ")";
    if (c.change && m.direction != Direction::none && m.direction != c.change->direction)
      msg += "; the draft says " + std::string(direction_name(m.direction)) + ", the reference " +
             std::string(direction_name(c.change->direction));
    auto& f =
        ctx.add_finding(hedge ? "hedge-mismatch" : "value-mismatch", m.begin, m.end, msg, &ms);
    f.claim = c.id;
    f.dimensions = {"value"};
    f.evidence = ctx.evidence_for(c);
    ms.evidence = f.evidence;
  }
};

}  // namespace

std::unique_ptr<Check> make_claim_check() { return std::make_unique<ClaimCheck>(); }

std::string_view stand_name(Stand s) {
  switch (s) {
    case Stand::agree: return "agree";
    case Stand::differ: return "differ";
    case Stand::unknown: return "unknown";
    case Stand::other: return "other";
  }
  return "unknown";
}

// The matcher's own comparison, dimension by dimension, for verify's
// explanations (frame_compare.hpp).
std::vector<DimensionStand> compare_frame(const Rules& rules, const Figure& f, const Claim& c) {
  const Comparison cmp = compare(rules, f, c);
  std::vector<DimensionStand> out;
  const std::pair<Dimension, Stand> dims[] = {{Dimension::program, cmp.program},
                                              {Dimension::measure, cmp.measure},
                                              {Dimension::period, cmp.period},
                                              {Dimension::category, cmp.category},
                                              {Dimension::place, cmp.place}};
  for (const auto& [d, st] : dims) {
    DimensionStand ds;
    ds.dimension = d;
    ds.stand = st;
    ds.text = text_side(f, d);
    ds.claim = claim_side(c, d);
    if (d == Dimension::category) ds.facets = cmp.facets_differ;
    if (d == Dimension::period) ds.coarse = cmp.period_coarse;
    out.push_back(std::move(ds));
  }
  return out;
}

}  // namespace claimcheck::detail
