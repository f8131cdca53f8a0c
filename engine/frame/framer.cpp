// framer.cpp — binds each mention to a frame: the rules' vocabulary found
// near it (its own stretch of the sentence first, then the sentence), the
// periods the engine parses, back-references to earlier sentences, and the
// rules' defaults.
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "frame/scan.hpp"
#include "match/checks.hpp"

namespace claimcheck::detail {

namespace {

// Phrases that point back to the frame of an earlier sentence.
const RE2& back_reference_re() {
  static const RE2 re(
      "(?i)\\b(?:(?:in|during|over|for|of) (?:that|the same|this) (?:period|year|time|span)|"
      "(?:that|the same) (?:year|period)|of (?:them|those|these|whom)|"
      "(?:those|these) (?:deported|removed|people|individuals|immigrants|cases)|"
      "at the same time|by then)\\b",
      RE2::Quiet);
  return re;
}

bool inside(size_t pos, size_t b, size_t e) { return pos >= b && pos < e; }

// Distance between two spans (0 when they overlap).
size_t distance(size_t b1, size_t e1, size_t b2, size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

}  // namespace

void build_sentences(CheckContext& ctx, std::vector<Mention> mentions) {
  const std::string_view text = ctx.text();
  const Rules* rules = ctx.rules;
  if (auto d = parse_iso_day(ctx.doc.meta.date)) ctx.document_date = *d;

  // Sentences with their vocabulary, periods and back-references.
  for (const Span& s : split_sentences(text)) {
    SentenceInfo info;
    info.span = s;
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    SentenceScan scan = scan_sentence(rules, sentence, ctx.document_date);
    for (auto& hit : scan.vocab) {
      hit.begin += s.begin;
      hit.end += s.begin;
    }
    for (auto& pm : scan.periods) {
      pm.begin += s.begin;
      pm.end += s.begin;
    }
    info.vocab = std::move(scan.vocab);
    info.periods = std::move(scan.periods);
    info.back_reference = RE2::PartialMatch(
        re2::StringPiece(sentence.data(), sentence.size()), back_reference_re());
    ctx.sentences.push_back(std::move(info));
  }
  if (ctx.sentences.empty()) ctx.sentences.push_back({{0, text.size()}, {}, {}, false, {}});

  const std::set<std::string> year_measures =
      rules ? measures_with_year_claims(*rules) : std::set<std::string>{};

  // Mentions into sentences; years become figures only beside a measure
  // whose reference figures are years ("launched in 2008").
  size_t si = 0;
  for (auto& m : mentions) {
    while (si + 1 < ctx.sentences.size() && m.begin >= ctx.sentences[si].span.end) ++si;
    SentenceInfo& sentence = ctx.sentences[si];
    if (m.unit == Unit::year) {
      if (m.time_context) continue;
      bool promoted = false;
      for (const auto& hit : sentence.vocab) {
        if (hit.dimension != Dimension::measure || !year_measures.count(hit.id)) continue;
        if (hit.end <= m.begin && m.begin - hit.end <= 40) promoted = true;
      }
      if (!promoted) continue;
      // The year is the figure, so it is not the period of the sentence.
      auto& ps = sentence.periods;
      ps.erase(std::remove_if(ps.begin(), ps.end(),
                              [&](const PeriodMention& p) {
                                return p.begin < m.end && m.begin < p.end;
                              }),
               ps.end());
    }
    MentionState state;
    state.mention = std::move(m);
    state.sentence = si;
    sentence.mentions.push_back(ctx.mentions.size());
    ctx.mentions.push_back(std::move(state));
  }

  // Frames, sentence by sentence, carrying context for back-references.
  std::optional<PeriodMention> last_period;
  std::string last_measure;
  const Frame defaults = rules ? rules->defaults() : Frame{};
  for (auto& sentence : ctx.sentences) {
    const size_t sb = sentence.span.begin, se = sentence.span.end;
    std::string sentence_measure;
    std::optional<PeriodMention> sentence_period;
    for (size_t k = 0; k < sentence.mentions.size(); ++k) {
      MentionState& ms = ctx.mentions[sentence.mentions[k]];
      const Mention& m = ms.mention;
      // The mention's own stretch: up to the neighbouring mentions.
      const size_t before_b = k > 0 ? ctx.mentions[sentence.mentions[k - 1]].mention.end : sb;
      const size_t after_e =
          k + 1 < sentence.mentions.size() ? ctx.mentions[sentence.mentions[k + 1]].mention.begin
                                           : se;
      Frame f;
      // Category and place: what follows the figure ("79% ... had no
      // criminal record") else what precedes it in its stretch.
      auto collect = [&](Dimension d, size_t b, size_t e) {
        std::vector<std::string> ids;
        for (const auto& hit : sentence.vocab)
          if (hit.dimension == d && hit.begin >= b && hit.end <= e) ids.push_back(hit.id);
        return ids;
      };
      auto cats = collect(Dimension::category, m.end, after_e);
      size_t cat_b = m.end, cat_e = after_e;
      if (cats.empty()) {
        cats = collect(Dimension::category, before_b, m.begin);
        cat_b = before_b;
        cat_e = m.begin;
      }
      f.category.insert(cats.begin(), cats.end());
      if (!cats.empty()) {
        size_t last_end = cat_b;
        for (const auto& hit : sentence.vocab)
          if (hit.dimension == Dimension::category && hit.begin >= cat_b && hit.end <= cat_e)
            last_end = std::max(last_end, hit.end);
        const std::string_view rest = text.substr(last_end, cat_e - last_end);
        const size_t stop = rest.find_first_of(".;,");
        const std::string_view tail = rest.substr(0, stop);
        ms.category_open = tail.find(" or ") != std::string_view::npos &&
                           tail.find(" or ") < 4;
      }
      auto places = collect(Dimension::place, m.end, after_e);
      if (places.empty()) places = collect(Dimension::place, before_b, m.begin);
      if (places.empty()) places = collect(Dimension::place, sb, se);
      if (!places.empty()) f.place = places.front();

      // Measure: the first after the figure in its stretch ("48 percent of
      // the people admitted ..."), else the nearest before it in the sentence.
      auto after_measures = collect(Dimension::measure, m.end, after_e);
      if (!after_measures.empty()) {
        f.measure = after_measures.front();
      } else {
        const VocabularyHit* best = nullptr;
        for (const auto& hit : sentence.vocab) {
          if (hit.dimension != Dimension::measure || hit.begin == m.begin) continue;
          if (!best || distance(hit.begin, hit.end, m.begin, m.end) <
                           distance(best->begin, best->end, m.begin, m.end))
            best = &hit;
        }
        if (best) f.measure = best->id;
      }
      if (f.measure.empty() && sentence.back_reference) f.measure = last_measure;

      // Program: the nearest named in the sentence, else the default.
      const VocabularyHit* prog = nullptr;
      for (const auto& hit : sentence.vocab) {
        if (hit.dimension != Dimension::program) continue;
        if (!prog || distance(hit.begin, hit.end, m.begin, m.end) <
                         distance(prog->begin, prog->end, m.begin, m.end))
          prog = &hit;
      }
      if (prog) {
        f.program = prog->id;
        ms.program_explicit = true;
      } else {
        f.program = defaults.program;
      }
      if (f.place.empty()) f.place = defaults.place;

      // Period: the nearest stated in the sentence, else a back-reference's.
      const PeriodMention* per = nullptr;
      for (const auto& p : sentence.periods) {
        if (inside(p.begin, m.begin, m.end)) continue;
        if (!per || distance(p.begin, p.end, m.begin, m.end) <
                        distance(per->begin, per->end, m.begin, m.end))
          per = &p;
      }
      if (per) {
        ms.stated_period = *per;
      } else if (sentence.back_reference && last_period) {
        ms.stated_period = *last_period;
        ms.period_inherited = true;
      }
      if (ms.stated_period) f.period = ms.stated_period->period;

      ms.frame = std::move(f);
      if (!ms.frame.measure.empty()) sentence_measure = ms.frame.measure;
      if (ms.stated_period && !ms.period_inherited) sentence_period = ms.stated_period;
    }
    // Sentences without figures still set the context ("In fiscal 2011 ICE
    // changed course. In that year, ...").
    if (!sentence_period && !sentence.periods.empty()) sentence_period = sentence.periods.back();
    if (sentence_measure.empty())
      for (const auto& hit : sentence.vocab)
        if (hit.dimension == Dimension::measure) sentence_measure = hit.id;
    if (sentence_period) last_period = sentence_period;
    if (!sentence_measure.empty()) last_measure = sentence_measure;
  }
}

}  // namespace claimcheck::detail
