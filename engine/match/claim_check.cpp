// claim_check.cpp — value-first matching against the rules' reference
// figures. A stated value that equals a known figure but sits in another
// frame is explained by that figure (period, definition, population or
// program mismatch); a value in the frame of a known figure that differs from
// it is a value (or hedge) mismatch.
#include <algorithm>
#include <cmath>
#include <limits>

#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

// Precedence of design.md: the kind names the first differing dimension.
constexpr Dimension kPrecedence[] = {Dimension::program, Dimension::measure, Dimension::period,
                                     Dimension::category};

const char* kind_for(Dimension d) {
  switch (d) {
    case Dimension::program: return "program-mismatch";
    case Dimension::measure: return "population-mismatch";
    case Dimension::period: return "period-mismatch";
    case Dimension::category: return "definition-mismatch";
    case Dimension::place: return "value-mismatch";
  }
  return "value-mismatch";
}

struct Comparison {
  const Claim* claim = nullptr;
  std::vector<Dimension> differs;  // in precedence order
  int agree = 0;                   // dimensions stated on both sides and equal
  int agree_frame = 0;             // of those, measure, period or category (not program)
  bool place_differs = false;
};

// Periods stated loosely ("in 2011" for FY2011) are allowed a season's slack.
constexpr int kPeriodSlackDays = 95;

Comparison compare(const MentionState& ms, const Claim& c) {
  Comparison out;
  out.claim = &c;
  const Frame& t = ms.frame;
  const Frame& r = c.frame;
  if (!t.program.empty() && !r.program.empty()) {
    if (t.program != r.program)
      out.differs.push_back(Dimension::program);
    else if (ms.program_explicit)
      ++out.agree;
  }
  if (!t.measure.empty() && !r.measure.empty()) {
    if (t.measure != r.measure)
      out.differs.push_back(Dimension::measure);
    else
      ++out.agree, ++out.agree_frame;
  }
  if (ms.stated_period && r.period) {
    if (!consistent_period(*ms.stated_period, *r.period, kPeriodSlackDays))
      out.differs.push_back(Dimension::period);
    else
      ++out.agree, ++out.agree_frame;
  }
  const bool open_subset =
      ms.category_open && t.category.size() < r.category.size() &&
      std::includes(r.category.begin(), r.category.end(), t.category.begin(), t.category.end());
  if (!t.category.empty() && !open_subset) {
    if (t.category != r.category)
      out.differs.push_back(Dimension::category);
    else
      ++out.agree, ++out.agree_frame;
  }
  if (!t.place.empty() && !r.place.empty() && t.place != r.place) out.place_differs = true;
  return out;
}

bool value_consistent(const Mention& m, const Claim& c) {
  if (c.tolerance) return std::fabs(m.value - c.value) <= *c.tolerance + 1e-9 ||
                          (c.value >= m.lo && c.value < m.hi);
  if (m.lo == m.hi) return std::fabs(m.value - c.value) < 1e-9;
  return c.value >= m.lo && (c.value < m.hi || (std::isinf(m.hi)));
}

bool same_unit(Unit a, Unit b) { return a == b; }

// Lower is better: fewer differing dimensions, same place, more agreement.
bool better(const Comparison& a, const Comparison& b) {
  if (a.differs.size() != b.differs.size()) return a.differs.size() < b.differs.size();
  if (a.place_differs != b.place_differs) return !a.place_differs;
  return a.agree > b.agree;
}

std::string dims_list(const std::vector<Dimension>& ds) {
  std::string out;
  for (auto d : ds) {
    if (!out.empty()) out += ", ";
    out += dimension_name(d);
  }
  return out;
}

std::string text_side(const MentionState& ms, Dimension d) {
  const Frame& f = ms.frame;
  switch (d) {
    case Dimension::program: return f.program;
    case Dimension::measure: return f.measure.empty() ? "an unstated measure" : f.measure;
    case Dimension::period:
      return ms.stated_period ? describe_period(ms.stated_period->period) : "no period";
    case Dimension::category: return join_ids(f.category, " or ");
    case Dimension::place: return f.place;
  }
  return "";
}

std::string claim_side(const Claim& c, Dimension d) {
  switch (d) {
    case Dimension::program: return c.frame.program;
    case Dimension::measure: return c.frame.measure;
    case Dimension::period: return c.frame.period ? describe_period(*c.frame.period) : "no period";
    case Dimension::category:
      return c.frame.category.empty() ? "all" : join_ids(c.frame.category, " or ");
    case Dimension::place: return c.frame.place;
  }
  return "";
}

std::vector<std::string> dim_names(const std::vector<Dimension>& ds) {
  std::vector<std::string> out;
  for (auto d : ds) out.emplace_back(dimension_name(d));
  return out;
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
    std::optional<Comparison> by_value, by_frame;
    for (const auto& c : ctx.rules->claims()) {
      if (!same_unit(m.unit, c.unit)) continue;
      Comparison cmp = compare(ms, c);
      if (value_consistent(m, c)) {
        // A coincidence of value alone explains nothing: the frame must
        // share at least one stated dimension, or state nothing that differs.
        // The program alone is weak: many figures are about the same program.
        if (cmp.agree_frame == 0 && !cmp.differs.empty()) continue;
        if (!by_value || better(cmp, *by_value)) by_value = cmp;
      } else if (cmp.differs.empty() && cmp.agree > 0 && !ms.frame.measure.empty() &&
                 !c.frame.measure.empty()) {
        // Same frame, another value. Prefer the same place, then the
        // closest value.
        if (!by_frame || (by_frame->place_differs && !cmp.place_differs) ||
            (by_frame->place_differs == cmp.place_differs &&
             (cmp.agree > by_frame->agree ||
              (cmp.agree == by_frame->agree &&
               std::fabs(c.value - m.value) < std::fabs(by_frame->claim->value - m.value)))))
          by_frame = cmp;
      }
    }

    if (by_value && by_value->differs.empty()) {
      supported(ctx, ms, *by_value);
      return;
    }
    // Explain by the known figure when it differs in one dimension; when it
    // differs in several and a same-frame figure exists, the value is wrong.
    if (by_value && (!by_frame || by_value->differs.size() == 1)) {
      frame_mismatch(ctx, ms, *by_value);
      return;
    }
    if (by_frame) {
      value_mismatch(ctx, ms, *by_frame);
      return;
    }
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
      auto& f = ctx.add_finding(
          "hedge-mismatch", m.begin, m.end,
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
        std::string msg = m.text + " is the figure for " + describe_period(*c.frame.period) +
                          " (" + c.id + "), but the text gives no period; the rules also hold ";
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
    std::string msg = m.text + " is the figure for " + claim_side(c, first) + ", not for " +
                      text_side(ms, first) + " as the text says (" + c.id + ": " +
                      describe_claim(c) + ")";
    if (cmp.differs.size() > 1) msg += "; also differs in " + dims_list(cmp.differs);
    auto& f = ctx.add_finding(kind_for(first), m.begin, m.end, msg, &ms);
    f.claim = c.id;
    f.dimensions = dim_names(cmp.differs);
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
                      describe_frame(c.frame) + " is " + describe_value(c.value, c.unit) + " (" +
                      c.id + (c.definition.empty() ? "" : ": " + short_definition(c.definition)) + ")";
    auto& f = ctx.add_finding(hedge ? "hedge-mismatch" : "value-mismatch", m.begin, m.end, msg, &ms);
    f.claim = c.id;
    f.dimensions = {"value"};
    f.evidence = ctx.evidence_for(c);
    ms.evidence = f.evidence;
  }
};

}  // namespace

std::unique_ptr<Check> make_claim_check() { return std::make_unique<ClaimCheck>(); }

}  // namespace claimcheck::detail
