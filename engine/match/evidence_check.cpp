// evidence_check.cpp — what the rules do not cover may still be stated in
// the corpus: a sentence with the same unit and value about the same measure
// supports the figure. A figure with neither is unsupported.
#include <strings.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include "match/checks.hpp"
#include "rules/vocabulary.hpp"

namespace claimcheck::detail {

namespace {

// Case-insensitive: does `text` hold `word` ("sets", "jurisdictions")?
bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty() || word.size() > text.size()) return false;
  for (size_t i = 0; i + word.size() <= text.size(); ++i)
    if (strncasecmp(text.data() + i, word.data(), word.size()) == 0) return true;
  return false;
}

// The words that rank a figure's evidence: its sentence, or in a sentence of
// more than kDenseSentenceFigures figures, the kDenseQueryBytes around the
// figure. A sentence packed with figures ("0% 1% 2% ...", 8 KB) would
// otherwise send its whole text once per figure: n queries of n words each.
// [begin, end), on UTF-8 character boundaries.
std::pair<size_t, size_t> query_span(const CheckContext& ctx, const ReadSentence& s,
                                     const Mention& m) {
  size_t b = s.span.begin, e = s.span.end;
  if (s.figures.size() <= kDenseSentenceFigures || e - b <= kDenseQueryBytes) return {b, e};
  const size_t half = kDenseQueryBytes / 2;
  const size_t mid = m.begin;
  b = mid > s.span.begin + half ? mid - half : s.span.begin;
  e = std::min(s.span.end, b + kDenseQueryBytes);
  const std::string_view text = ctx.doc.text;
  auto continuation = [&](size_t i) {
    return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
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
    // With rules, only a figure that positively counts something can be
    // backed (see backs): the others are not looked up at all.
    // Batches of kBatch figures, so a check can stop between them (client
    // gone, time budget spent) and only one batch's queries are held.
    constexpr size_t kBatch = 256;
    for (size_t first = 0; first < open.size() && !ctx.should_stop(); first += kBatch)
      decide(ctx, {open.data() + first, std::min(kBatch, open.size() - first)});
  }

 private:
  static void decide(CheckContext& ctx, std::span<MentionState* const> open) {
    std::vector<std::vector<Evidence>> hits(open.size());
    if (ctx.index) {
      std::vector<EvidenceQuery> queries;
      std::vector<size_t> asked;
      for (size_t i = 0; i < open.size(); ++i) {
        if (ctx.rules && !is_positive(open[i]->source.measure)) continue;
        queries.push_back(query_for(ctx, *open[i]));
        asked.push_back(i);
      }
      auto answers = ctx.index->search_all(queries);
      for (size_t k = 0; k < asked.size() && k < answers.size(); ++k)
        hits[asked[k]] = std::move(answers[k]);
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
                          std::string(unit_name(m.unit)) + "; " + describe_frame(ms.frame, ctx.rules) +
                          (is_positive(ms.source.place) ? ", " + ms.frame.place : "") + ")",
                      nullptr);
      ms.has_finding = true;
    }
  }

  // Sentences of the corpus stating the same unit and value, ranked by the
  // words of the draft's sentence.
  static EvidenceQuery query_for(const CheckContext& ctx, const MentionState& ms) {
    const Mention& m = ms.mention;
    const auto [begin, end] = query_span(ctx, ctx.sentences[ms.sentence], m);
    EvidenceQuery q;
    q.text = std::string(ctx.span_text(begin, end));
    // What the figure counts selects the candidates (a corpus sentence must
    // name it to back the figure anyway, see backs); a /regex/ phrase would
    // be lost, so then nothing is narrowed.
    if (ctx.rules && is_positive(ms.source.measure)) {
      const auto& phrases = ctx.rules->phrases(Dimension::measure, ms.frame.measure);
      const bool has_regex = std::any_of(phrases.begin(), phrases.end(), [](const std::string& p) {
        return p.size() >= 2 && p.front() == '/' && p.back() == '/';
      });
      // Phrases match their inflections: search their "base*" forms.
      if (!has_regex)
        for (const auto& p : phrases) q.any_phrase.push_back(rules_detail::search_form(p));
    }
    q.unit = m.unit;
    q.lo = m.lo;
    q.hi = std::isinf(m.hi) ? m.value * 10 + 100 : m.hi;
    if (m.lo == m.hi) q.lo = q.hi = m.value;
    q.limit = 10;
    return q;
  }

  // A corpus sentence backs the figure when it states the same value about
  // the same thing: read with the same reader, its figure of that value must
  // positively count what the draft's figure counts, and no dimension both
  // state may differ (an ICE-wide 55% is no evidence for a program's 55%).
  static bool backs(const CheckContext& ctx, const MentionState& ms, const Evidence& h) {
    if (!ctx.rules) return true;  // no frames to compare: the value is all there is
    if (!is_positive(ms.source.measure)) return false;
    // Cheap first: the sentence must name what the figure counts at all.
    if (ctx.rules->has_vocabulary_id(Dimension::measure, ms.frame.measure)) {
      bool named = false;
      for (const auto& hit : ctx.rules->match_vocabulary(h.quote))
        named = named || (hit.dimension == Dimension::measure && hit.id == ms.frame.measure);
      if (!named) return false;
    } else if (ms.frame.measure != "duration" && !contains_word(h.quote, ms.frame.measure)) {
      return false;
    }
    const Reading r = read_figures(ctx.rules, h.quote, extract_mentions(h.quote), 0);
    const Mention& m = ms.mention;
    for (const Figure& f : r.figures) {
      if (f.mention.unit != m.unit) continue;
      const double v = f.mention.value;
      if (!(v >= m.lo && (v < m.hi || std::isinf(m.hi))) && std::fabs(v - m.value) > 1e-9) continue;
      // What the draft states must hold for the sentence too; the sentence's
      // defaults are what it is presumed to be about.
      auto both = [&](Origin corpus, Origin draft) {
        return (is_positive(corpus) || corpus == Origin::default_value) && is_positive(draft);
      };
      if (!is_positive(f.source.measure) || f.frame.measure != ms.frame.measure) continue;
      if (both(f.source.program, ms.source.program) && f.frame.program != ms.frame.program)
        continue;
      if (both(f.source.place, ms.source.place) && f.frame.place != ms.frame.place) continue;
      if (!f.frame.category.empty() && !ms.frame.category.empty() &&
          f.frame.category != ms.frame.category)
        continue;
      if (both(f.source.period, ms.source.period) && f.stated_period && ms.frame.period &&
          !overlaps(f.stated_period->period, *ms.frame.period))
        continue;
      return true;
    }
    return false;
  }

  static bool accept_evidence(const CheckContext& ctx, MentionState& ms,
                              const std::vector<Evidence>& hits) {
    for (const auto& h : hits) {
      if (!backs(ctx, ms, h)) continue;
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
  checks.push_back(make_trend_arithmetic_check());  // a trend's amount against its own ends
  checks.push_back(make_claim_check());       // value-first against the rules
  checks.push_back(make_exclusive_check());   // needs the matched claims
  checks.push_back(make_comparison_check());  // needs the matched claims
  checks.push_back(make_evidence_check());    // whatever is left
  return checks;
}

}  // namespace claimcheck::detail
