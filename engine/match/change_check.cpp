// change_check.cpp — a trend's own arithmetic. "From 10.0% to 12.0%, a jump
// of 3.5 points" contradicts itself whatever the rules say: the two ends of
// the trend give the change (12.0 - 10.0 = 2.0 points; a relative change of
// 20%; a multiple of 1.2), and the stated amount and direction must fit it
// within the rounding of the three figures.
#include <cmath>
#include <cstdio>

#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

// Half the rounding step a figure is stated at: its interval's half width.
double rounding(const Mention& m) {
  if (std::isinf(m.hi) || std::isinf(m.lo) || m.hi <= m.lo) return 0;
  return (m.hi - m.lo) / 2;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
  return buf;
}

class TrendArithmeticCheck : public Check {
 public:
  const char* name() const override { return "trend-arithmetic"; }

  void run(CheckContext& ctx) const override {
    for (const auto& s : ctx.sentences) {
      for (size_t end : s.figures) {
        const Mention& y = ctx.mentions[end].mention;
        if (y.from < 0) continue;
        // The start: the nearest earlier figure of the sentence in the same
        // unit (the reader's figures are those of the extractor, less the
        // years that are time context, so `from` is not an index here).
        const MentionState* start = nullptr;
        for (size_t i : s.figures)
          if (i != end && ctx.mentions[i].mention.end <= y.begin && ctx.mentions[i].mention.unit == y.unit &&
              ctx.mentions[i].mention.change == ChangeKind::none)
            start = &ctx.mentions[i];
        if (!start) continue;
        for (size_t i : s.figures) {
          MentionState& amount = ctx.mentions[i];
          if (amount.has_finding || amount.mention.change == ChangeKind::none || amount.mention.from >= 0) continue;
          check_amount(ctx, start->mention, y, amount);
          break;  // one amount per trend
        }
      }
    }
  }

 private:
  void check_amount(CheckContext& ctx, const Mention& x, const Mention& y, MentionState& amount) const {
    const Mention& z = amount.mention;
    double expected = 0, slack = rounding(x) + rounding(y);
    std::string unit;
    switch (z.change) {
      case ChangeKind::absolute:
        // A percent series changes by points; other series in their own unit.
        if (!(z.unit == Unit::points && y.unit == Unit::percent) && z.unit != y.unit) return;
        expected = std::fabs(y.value - x.value);
        unit = z.unit == Unit::points ? " points" : "";
        break;
      case ChangeKind::relative:
        if (z.unit != Unit::percent || x.value == 0) return;
        expected = 100 * std::fabs(y.value - x.value) / std::fabs(x.value);
        slack = 100 * slack / std::fabs(x.value);
        unit = "%";
        break;
      case ChangeKind::multiple:
        if (x.value == 0) return;
        expected = y.value / x.value;
        slack = slack / std::fabs(x.value) * (1 + std::fabs(expected));
        unit = " times";
        break;
      case ChangeKind::none:
        return;
    }
    const Direction actual = y.value > x.value ? Direction::up : y.value < x.value ? Direction::down : Direction::none;
    const bool wrong_way = z.change != ChangeKind::multiple && z.direction != Direction::none &&
                           actual != Direction::none && z.direction != actual;
    const double lo = std::isinf(z.lo) ? z.lo : z.lo - slack, hi = std::isinf(z.hi) ? z.hi : z.hi + slack;
    if (!wrong_way && expected >= lo - 1e-9 && expected < hi + 1e-9) return;
    std::string msg = "from " + x.text + " to " + y.text + " is " +
                      (actual == Direction::down ? "a fall of " : actual == Direction::up ? "a rise of " : "no change, ") +
                      number(expected) + unit + ", not " + z.text;
    if (wrong_way) msg += " (the draft gives the wrong direction)";
    auto& f = ctx.add_finding("arithmetic", z.begin, z.end, msg, &amount);
    f.dimensions = {"value"};
  }
};

}  // namespace

std::unique_ptr<Check> make_trend_arithmetic_check() { return std::make_unique<TrendArithmeticCheck>(); }

}  // namespace claimcheck::detail
