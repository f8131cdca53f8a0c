// arithmetic_check.cpp — stated figures against each other and against the
// rules' relations: parts against a stated total ("26% and 29%, a combined
// 55%"), a percent against the counts it derives from ("100,000 of 111,000,
// or about 90%"), and exclusive shares that add up to more than 100%.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

// Words just before a figure that make it the total of the figures before it.
const RE2& total_re() {
  static const RE2 re(
      "(?i)(?:\\b(?:combined|total(?:ing|led|ed)?(?: of)?|together|altogether|overall|sum of|"
      "so|thus|hence|meaning|which means|in all|all told|i\\.e\\.|that is)[\\s,:]*"
      "(?:(?:a|an|the|of|some|just|only)\\s+)*)$",
      RE2::Quiet);
  return re;
}

// Words before a percent that say it derives from the counts before it.
const RE2& derived_re() {
  static const RE2 re(
      "(?i)(?:\\b(?:or|meaning|which means|so|thus|i\\.e\\.|that is|representing|which is|"
      "amounting to|making up|equal to)[\\s,:]*(?:(?:a|an|the|some|just|only)\\s+)*)$",
      RE2::Quiet);
  return re;
}

bool matches_before(const RE2& re, std::string_view before) {
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), re);
}

// Words just after a figure that make it a total: "55 percent in all".
bool matches_after(std::string_view after) {
  static const RE2 re(
      "(?i)^[\\s,]*(?:in all|in total|altogether|combined|together|overall|all told)\\b",
      RE2::Quiet);
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), re);
}

double finite_hi(const Mention& m) { return std::isinf(m.hi) ? m.value * 10 + 100 : m.hi; }

// Half the precision of a count: 111,000 may be 110,500..111,499.
double half_precision(const Mention& m) {
  double w = finite_hi(m) - m.lo;
  return std::max(0.5, w / 2);
}

class SumCheck : public Check {
 public:
  const char* name() const override { return "arithmetic"; }

  void run(CheckContext& ctx) const override {
    for (auto& sentence : ctx.sentences) {
      const auto& ids = sentence.figures;
      for (size_t k = 0; k < ids.size(); ++k) {
        MentionState& total = ctx.mentions[ids[k]];
        const Mention& tm = total.mention;
        if (tm.unit == Unit::year) continue;
        const size_t prev_end = k > 0 ? ctx.mentions[ids[k - 1]].mention.end : sentence.span.begin;
        const std::string_view before = ctx.span_text(prev_end, tm.begin);
        const size_t next_b =
            k + 1 < ids.size() ? ctx.mentions[ids[k + 1]].mention.begin : sentence.span.end;
        const std::string_view after = ctx.span_text(tm.end, next_b);
        if (k >= 2 && (matches_before(total_re(), before) || matches_after(after)))
          check_total(ctx, sentence, k);
        if (tm.unit == Unit::percent && !total.is_total) check_derived(ctx, sentence, k, before);
      }
    }
    check_table_totals(ctx);
  }

 private:
  void check_total(CheckContext& ctx, ReadSentence& sentence, size_t k) const {
    MentionState& total = ctx.mentions[sentence.figures[k]];
    const Mention& tm = total.mention;
    std::vector<MentionState*> parts;
    for (size_t j = 0; j < k; ++j) {
      MentionState& p = ctx.mentions[sentence.figures[j]];
      if (p.mention.unit == tm.unit && !p.is_total) parts.push_back(&p);
    }
    if (parts.size() < 2) return;
    total.is_total = true;
    // The total counts what its parts count, in every category they name.
    for (auto* p : parts)
      total.frame.category.insert(p->frame.category.begin(), p->frame.category.end());
    compare_sum(ctx, total, parts, "the parts");
  }

  // A stated total against its parts: derived when the parts' interval
  // reaches it, else an arithmetic finding naming the sum.
  static void compare_sum(CheckContext& ctx, MentionState& total,
                          const std::vector<MentionState*>& parts, const std::string& what) {
    const Mention& tm = total.mention;
    double lo = 0, hi = 0, sum = 0;
    std::string expr;
    for (auto* p : parts) {
      lo += p->mention.lo;
      hi += finite_hi(p->mention);
      sum += p->mention.value;
      expr += (expr.empty() ? "" : " + ") + p->mention.text;
    }
    if (hi > tm.lo && lo < finite_hi(tm)) {
      total.derived = true;
      return;
    }
    auto& f = ctx.add_finding(
        "arithmetic", tm.begin, tm.end,
        what + " do not add up to " + tm.text + ": " + expr + " = " + describe_value(sum, tm.unit),
        &total);
    for (auto* p : parts) f.related.push_back(p->mention.text);
    f.dimensions = {"value"};
  }

  // A table row labelled as a total ("Detainers issued, total | 21,074")
  // against the rows above it in the same column that count the same thing.
  void check_table_totals(CheckContext& ctx) const {
    static const RE2 total_label("(?i)\\b(?:total|all|combined|overall)\\b", RE2::Quiet);
    auto is_row = [&](const ReadSentence& s) {
      return ctx.span_text(s.span.begin, s.span.end).find(" | ") != std::string_view::npos;
    };
    auto column = [&](const ReadSentence& s, size_t at) {
      size_t n = 0;
      const std::string_view row = ctx.span_text(s.span.begin, at);
      for (size_t p = row.find(" | "); p != std::string_view::npos; p = row.find(" | ", p + 3)) ++n;
      return n;
    };
    for (size_t si = 0; si < ctx.sentences.size(); ++si) {
      const ReadSentence& row = ctx.sentences[si];
      if (!is_row(row) || row.figures.size() != 1) continue;
      MentionState& total = ctx.mentions[row.figures[0]];
      if (total.has_finding || total.mention.unit == Unit::year ||
          !is_positive(total.source.measure))
        continue;
      const std::string_view label = ctx.span_text(row.span.begin, total.mention.begin);
      if (!RE2::PartialMatch(re2::StringPiece(label.data(), label.size()), total_label)) continue;
      const size_t col = column(row, total.mention.begin);
      std::vector<MentionState*> parts;
      for (size_t j = si; j-- > 0;) {
        const ReadSentence& above = ctx.sentences[j];
        if (!is_row(above) || above.figures.size() != 1) break;
        MentionState& p = ctx.mentions[above.figures[0]];
        if (p.mention.unit != total.mention.unit || column(above, p.mention.begin) != col) break;
        if (p.frame.measure != total.frame.measure || p.frame.category.empty()) break;
        parts.push_back(&p);
      }
      if (parts.size() < 2) continue;
      std::reverse(parts.begin(), parts.end());
      total.is_total = true;
      compare_sum(ctx, total, parts, "the rows above");
    }
  }

  void check_derived(CheckContext& ctx, ReadSentence& sentence, size_t k,
                     std::string_view before) const {
    MentionState& pct = ctx.mentions[sentence.figures[k]];
    const Mention& pm = pct.mention;
    // The counts before it, nearest first; in a sentence of more than
    // kDenseSentenceFigures figures only that many (shares are pairs of counts:
    // all of them would make the check cubic in the sentence's figures).
    std::vector<const Mention*> counts;
    for (size_t j = k; j-- > 0;) {
      const Mention& c = ctx.mentions[sentence.figures[j]].mention;
      if (c.unit == Unit::count || c.unit == Unit::usd) counts.push_back(&c);
      if (counts.size() == kDenseSentenceFigures) break;
    }
    std::reverse(counts.begin(), counts.end());
    if (counts.empty()) return;
    // The group may have been counted in the sentence before ("38,828 were
    // deported. Of the deportees, ... 11,946, or 31 percent, ..."): a share
    // of it is derived too, though never an error on that ground alone.
    const size_t si = static_cast<size_t>(&sentence - ctx.sentences.data());
    std::vector<const Mention*> earlier;
    if (si > 0 && ctx.sentences[si - 1].paragraph == sentence.paragraph)
      for (size_t id : ctx.sentences[si - 1].figures) {
        const Mention& c = ctx.mentions[id].mention;
        if (c.unit == Unit::count) earlier.push_back(&c);
      }
    for (const auto* a : counts)
      for (const auto* b : earlier) {
        if (b->value <= a->value) continue;
        const double ea = half_precision(*a), eb = half_precision(*b);
        const double lo = 100 * (a->value - ea) / (b->value + eb);
        const double hi = 100 * (a->value + ea) / std::max(1.0, b->value - eb);
        if (hi >= pm.lo && lo < finite_hi(pm)) {
          pct.derived = true;
          pct.verdict = "supported";
          return;
        }
      }
    if (counts.size() < 2) return;
    // Every share the counts can give: one of another, one of their sum.
    struct Share {
      double value, lo, hi;
      std::string how;
    };
    std::vector<Share> shares;
    double total = 0, total_err = 0;
    std::string sum_expr;
    for (const auto* c : counts) {
      total += c->value;
      total_err += half_precision(*c);
      sum_expr += (sum_expr.empty() ? "" : " + ") + c->text;
    }
    for (const auto* a : counts) {
      for (const auto* b : counts) {
        if (a == b || a->value >= b->value || b->value <= 0) continue;
        const double ea = half_precision(*a), eb = half_precision(*b);
        shares.push_back({100 * a->value / b->value, 100 * (a->value - ea) / (b->value + eb),
                          100 * (a->value + ea) / std::max(1.0, b->value - eb),
                          a->text + " of " + b->text});
      }
      if (counts.size() >= 2 && total > 0)
        shares.push_back(
            {100 * a->value / total, 100 * (a->value - half_precision(*a)) / (total + total_err),
             100 * (a->value + half_precision(*a)) / std::max(1.0, total - total_err),
             a->text + " of " + describe_value(total, a->unit) + " (" + sum_expr + ")"});
    }
    for (const auto& s : shares) {
      if (s.hi >= pm.lo && s.lo < finite_hi(pm)) {
        pct.derived = true;
        pct.verdict = "supported";
        return;
      }
    }
    if (!matches_before(derived_re(), before) || shares.empty()) return;
    const Share* closest = &shares.front();
    for (const auto& s : shares)
      if (std::fabs(s.value - pm.value) < std::fabs(closest->value - pm.value)) closest = &s;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", closest->value);
    auto& f = ctx.add_finding(
        "arithmetic", pm.begin, pm.end,
        pm.text + " does not follow from the draft's own counts: " + closest->how + " is " + buf,
        &pct);
    for (const auto* c : counts) f.related.push_back(c->text);
    f.dimensions = {"value"};
  }
};

// Shares the rules declare exclusive cannot add up to more than 100%.
class ExclusiveCheck : public Check {
 public:
  const char* name() const override { return "exclusive"; }

  void run(CheckContext& ctx) const override {
    if (!ctx.rules) return;
    for (auto& sentence : ctx.sentences) {
      std::vector<MentionState*> shares;
      for (size_t id : sentence.figures) {
        MentionState& ms = ctx.mentions[id];
        if (ms.claim && ms.mention.unit == Unit::percent) shares.push_back(&ms);
      }
      for (size_t i = 0; i < shares.size(); ++i) {
        for (size_t j = i + 1; j < shares.size(); ++j) {
          const Claim& a = *shares[i]->claim;
          const Claim& b = *shares[j]->claim;
          const bool exclusive =
              std::count(a.exclusive_with.begin(), a.exclusive_with.end(), b.id) ||
              std::count(b.exclusive_with.begin(), b.exclusive_with.end(), a.id);
          if (!exclusive) continue;
          const Mention& ma = shares[i]->mention;
          const Mention& mb = shares[j]->mention;
          if (ma.lo + mb.lo <= 100) continue;
          auto& f = ctx.add_finding("arithmetic", mb.begin, mb.end,
                                    ma.text + " and " + mb.text +
                                        " cannot both hold: the shares exclude each other (" +
                                        a.id + ", " + b.id + ") and add up to more than 100%",
                                    shares[j]);
          f.claim = b.id;
          f.related = {a.id};
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_arithmetic_check() { return std::make_unique<SumCheck>(); }
std::unique_ptr<Check> make_exclusive_check() { return std::make_unique<ExclusiveCheck>(); }

}  // namespace claimcheck::detail
