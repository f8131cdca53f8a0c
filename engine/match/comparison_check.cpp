// comparison_check.cpp — two figures set against each other ("fell from X to
// Y", "X, up from Y", "X versus Y") must measure the same thing: a trend may
// span periods but not definitions; a juxtaposition may span neither.
#include <re2/re2.h>

#include <set>
#include <utility>

#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

enum class Relation { none, trend, juxtaposition };

// What joins two figures: the text between them, and the words before the first.
Relation relation(std::string_view before_first, std::string_view between) {
  static const RE2 from_before("(?i)\\bfrom\\s+$", RE2::Quiet);
  static const RE2 to_between("(?i)^\\s*(?:to|into)\\s*$", RE2::Quiet);
  static const RE2 up_down("(?i)\\b(?:up|down|rising|falling|dropping|climbing|increasing|"
                           "decreasing|compared|as against)\\s+(?:from|with|to)\\s+(?:the\\s+)?$",
                           RE2::Quiet);
  static const RE2 versus("(?i)^[\\s,]*(?:versus|vs\\.?|v\\.|compared (?:with|to)|against|"
                          "as against|in contrast to|while|whereas)\\b[^.;]*$",
                          RE2::Quiet);
  auto sp = [](std::string_view s) { return re2::StringPiece(s.data(), s.size()); };
  if (RE2::PartialMatch(sp(before_first), from_before) &&
      RE2::PartialMatch(sp(between), to_between))
    return Relation::trend;
  if (RE2::PartialMatch(sp(between), up_down)) return Relation::trend;
  if (RE2::PartialMatch(sp(between), versus) && between.size() < 80) return Relation::juxtaposition;
  return Relation::none;
}

struct Side {
  Frame frame;
  std::string source;  // claim id, or "the draft"
  bool has_period = false;
};

Side side_of(const MentionState& ms) {
  Side s;
  if (ms.claim && ms.value_matches) {
    s.frame = ms.claim->frame;
    s.source = ms.claim->id;
    s.has_period = ms.claim->frame.period.has_value();
  } else {
    s.frame = ms.frame;
    s.source = "the draft";
    s.has_period = ms.stated_period.has_value();
  }
  return s;
}

// A trend end the rules positively identify: its value is a claim's, so
// the claim's frame (not the draft's words) says what it measures.
bool positively_matched(const MentionState& ms) { return ms.claim && ms.value_matches; }

class ComparisonCheck : public Check {
 public:
  const char* name() const override { return "comparison"; }

  void run(CheckContext& ctx) const override {
    // Trends the extractor linked, whatever words sit between their ends
    // ("fell from 79% in 2008-2010 to 55% in fiscal 2011", "55% ..., down
    // from 79% ..."): pairs in text order.
    std::set<std::pair<size_t, size_t>> linked;
    for (size_t i = 0; i < ctx.mentions.size(); ++i) {
      const int from = ctx.mentions[i].mention.from;
      if (from < 0 || size_t(from) >= ctx.mentions.size() || size_t(from) == i) continue;
      const size_t j = size_t(from);
      linked.insert(ctx.mentions[j].mention.begin < ctx.mentions[i].mention.begin ? std::pair{j, i}
                                                                                   : std::pair{i, j});
    }
    std::set<std::pair<size_t, size_t>> adjacent_done;
    for (auto& sentence : ctx.sentences) {
      const auto& ids = sentence.figures;
      for (size_t k = 0; k + 1 < ids.size(); ++k) {
        MentionState& a = ctx.mentions[ids[k]];
        MentionState& b = ctx.mentions[ids[k + 1]];
        if (a.mention.unit != b.mention.unit || a.mention.unit == Unit::year) continue;
        const size_t prev_end = k > 0 ? ctx.mentions[ids[k - 1]].mention.end : sentence.span.begin;
        Relation rel = relation(ctx.span_text(prev_end, a.mention.begin),
                                ctx.span_text(a.mention.end, b.mention.begin));
        if (rel == Relation::none) continue;
        adjacent_done.insert({ids[k], ids[k + 1]});
        check_pair(ctx, a, b, rel);
      }
    }
    // A linked trend the words between its ends hide from the adjacent
    // reading is checked only on positive evidence: both ends must be
    // claims' figures. The draft's own words for a distant end say too
    // little to call the comparison wrong.
    for (const auto& [x, y] : linked) {
      if (adjacent_done.count({x, y})) continue;
      MentionState& a = ctx.mentions[x];
      MentionState& b = ctx.mentions[y];
      if (a.mention.unit != b.mention.unit || a.mention.unit == Unit::year) continue;
      if (!positively_matched(a) || !positively_matched(b)) continue;
      check_pair(ctx, a, b, Relation::trend);
    }
  }

 private:
  void check_pair(CheckContext& ctx, MentionState& a, MentionState& b, Relation rel) const {
    const Side sa = side_of(a), sb = side_of(b);
    // Where the draft itself names different categories or periods for the
    // two figures ("3,847 on Level 1 subjects, compared with 16,227 on
    // lower-level ones"), the contrast is the point. It is incomparable when
    // the draft presents them as one statistic but the sources differ.
    const Frame& ta = a.frame;
    const Frame& tb = b.frame;
    const bool text_measure_differs =
        !ta.measure.empty() && !tb.measure.empty() && ta.measure != tb.measure;
    const bool text_period_differs = a.stated_period && b.stated_period &&
                                     !same_period(a.stated_period->period, b.stated_period->period, 0);
    const bool text_category_differs =
        !ta.category.empty() && !tb.category.empty() && ta.category != tb.category;
    std::vector<std::string> dims;
    std::string detail;
    auto note = [&](const std::string& dim, const std::string& x, const std::string& y) {
      dims.push_back(dim);
      detail += (detail.empty() ? "" : "; ") + dim + ": " + x + " vs " + y;
    };
    if (!text_measure_differs && !sa.frame.measure.empty() && !sb.frame.measure.empty() &&
        sa.frame.measure != sb.frame.measure)
      note("measure", sa.frame.measure, sb.frame.measure);
    const bool period_differs = !text_period_differs && sa.frame.period && sb.frame.period &&
                                !same_period(*sa.frame.period, *sb.frame.period, 0);
    if (period_differs)
      note("period", describe_period(*sa.frame.period), describe_period(*sb.frame.period));
    if (!text_category_differs && !sa.frame.category.empty() && !sb.frame.category.empty() &&
        sa.frame.category != sb.frame.category) {
      note("category", describe_categories(sa.frame.category, ctx.rules),
           describe_categories(sb.frame.category, ctx.rules));
      // Version 2 names the facets that differ ("series"), as the
      // mismatch findings do; version 1 has the one facet "category".
      if (ctx.rules && ctx.rules->facets().size() > 1) {
        dims.pop_back();
        for (const auto& facet : ctx.rules->facets()) {
          std::set<std::string> x, y;
          for (const auto& id : sa.frame.category)
            if (ctx.rules->facet_of(id) == facet) x.insert(id);
          for (const auto& id : sb.frame.category)
            if (ctx.rules->facet_of(id) == facet) y.insert(id);
          if (x != y) dims.push_back(facet);
        }
      }
    }
    // A trend spans periods by nature; it is wrong only when what is
    // counted changes under it.
    const bool definitional = dims.size() > (period_differs ? 1u : 0u);
    if (!(definitional || (rel == Relation::juxtaposition && period_differs))) return;
    std::string msg = a.mention.text + " (" + sa.source + ") and " + b.mention.text + " (" +
                      sb.source + ") are compared but measure different things — " + detail;
    auto& f = ctx.add_finding("incomparable", a.mention.begin, b.mention.end, msg, &a);
    b.has_finding = true;
    b.verdict = "discrepancy";
    f.dimensions = dims;
    if (a.claim) f.related.push_back(a.claim->id);
    if (b.claim) f.related.push_back(b.claim->id);
    if (a.claim) f.evidence = ctx.evidence_for(*a.claim);
    if (b.claim) {
      const auto& eb = ctx.evidence_for(*b.claim);
      f.evidence.insert(f.evidence.end(), eb.begin(), eb.end());
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_comparison_check() { return std::make_unique<ComparisonCheck>(); }

}  // namespace claimcheck::detail
