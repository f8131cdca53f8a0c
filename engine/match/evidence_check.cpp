// evidence_check.cpp — what the rules do not cover may still be stated in
// the corpus: a sentence with the same unit and value about the same measure
// supports the figure. A figure with neither is unsupported.
#include <algorithm>
#include <cmath>
#include <utility>

#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

// The words that rank a figure's evidence: its sentence, or in a sentence of
// more than kDenseSentenceFigures figures, the kDenseQueryBytes around the
// figure. A sentence packed with figures ("0% 1% 2% ...", 8 KB) would
// otherwise send its whole text once per figure: n queries of n words each.
// [begin, end), on UTF-8 character boundaries.
std::pair<size_t, size_t> query_span(const CheckContext& ctx, const SentenceInfo& s,
                                     const Mention& m) {
  size_t b = s.span.begin, e = s.span.end;
  if (s.mentions.size() <= kDenseSentenceFigures || e - b <= kDenseQueryBytes) return {b, e};
  const size_t half = kDenseQueryBytes / 2;
  const size_t mid = m.begin;
  b = mid > s.span.begin + half ? mid - half : s.span.begin;
  e = std::min(s.span.end, b + kDenseQueryBytes);
  const std::string_view text = ctx.doc.text;
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  while (b < e && continuation(b)) ++b;
  while (e > b && e < text.size() && continuation(e)) --e;
  return {b, e};
}

class EvidenceCheck : public Check {
 public:
  const char* name() const override { return "evidence"; }

  void run(CheckContext& ctx) const override {
    if (!ctx.rules && !ctx.index) return;  // nothing to check against
    std::vector<MentionState*> open;
    for (auto& ms : ctx.mentions)
      if (!ms.claim && !ms.derived && !ms.has_finding) open.push_back(&ms);
    // One batch, so the index may answer in parallel. An index that fails (a
    // remote shard gone) throws: a report that quietly called figures
    // unsupported would be wrong, not partial.
    std::vector<std::vector<Evidence>> hits(open.size());
    if (ctx.index) {
      std::vector<EvidenceQuery> queries;
      for (const MentionState* ms : open) queries.push_back(query_for(ctx, *ms));
      hits = ctx.index->search_all(queries);
    }
    for (size_t i = 0; i < open.size(); ++i) {
      MentionState& ms = *open[i];
      if (accept_evidence(ctx, ms, hits[i])) {
        ms.verdict = "supported";
        continue;
      }
      ms.verdict = "unsupported";
      const Mention& m = ms.mention;
      ctx.add_finding("unsupported", m.begin, m.end,
                      "no reference figure and no corpus evidence for " + m.text + " (" +
                          std::string(unit_name(m.unit)) + "; " + describe_frame(ms.frame) + ")",
                      nullptr);
      ms.has_finding = true;
    }
  }

 private:
  // Sentences of the corpus stating the same unit and value, ranked by the
  // words of the draft's sentence.
  static EvidenceQuery query_for(const CheckContext& ctx, const MentionState& ms) {
    const Mention& m = ms.mention;
    const auto [begin, end] = query_span(ctx, ctx.sentences[ms.sentence], m);
    EvidenceQuery q;
    q.text = std::string(ctx.span_text(begin, end));
    q.unit = m.unit;
    q.lo = m.lo;
    q.hi = std::isinf(m.hi) ? m.value * 10 + 100 : m.hi;
    if (m.lo == m.hi) q.lo = q.hi = m.value;
    q.limit = 10;
    return q;
  }

  static bool accept_evidence(const CheckContext& ctx, MentionState& ms,
                              const std::vector<Evidence>& hits) {
    for (const auto& h : hits) {
      // Same measure, when both sides name one: a count of detainers is no
      // evidence for a count of removals.
      if (ctx.rules && !ms.frame.measure.empty()) {
        bool same_measure = false, any_measure = false;
        for (const auto& hit : ctx.rules->match_vocabulary(h.quote)) {
          if (hit.dimension != Dimension::measure) continue;
          any_measure = true;
          if (hit.id == ms.frame.measure) same_measure = true;
        }
        if (any_measure && !same_measure) continue;
        if (!any_measure) continue;
      }
      ms.evidence.push_back({h.doc, h.line, h.quote});
      if (ms.evidence.size() >= ctx.options.evidence_per_mention) break;
    }
    return !ms.evidence.empty();
  }
};

}  // namespace

std::unique_ptr<Check> make_evidence_check() { return std::make_unique<EvidenceCheck>(); }

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(make_arithmetic_check());  // totals first: they widen categories
  checks.push_back(make_claim_check());       // value-first against the rules
  checks.push_back(make_exclusive_check());   // needs the matched claims
  checks.push_back(make_comparison_check());  // needs the matched claims
  checks.push_back(make_evidence_check());    // whatever is left
  return checks;
}

}  // namespace claimcheck::detail
