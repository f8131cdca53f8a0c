// scan.cpp — vocabulary and periods of one sentence, in one pass each.
#include "frame/scan.hpp"

#include <strings.h>

namespace claimcheck::detail {

SentenceScan scan_sentence(const Rules* rules, std::string_view sentence, Day document_date) {
  SentenceScan out;
  if (rules) {
    for (auto& hit : rules->match_vocabulary(sentence)) {
      if (hit.dimension != Dimension::period) {
        out.vocab.push_back(std::move(hit));
        continue;
      }
      if (auto p = rules->vocabulary_period(hit.id)) {
        PeriodMention pm;
        pm.begin = hit.begin;
        pm.end = hit.end;
        pm.period = *p;
        out.periods.push_back(pm);
      }
    }
  }
  for (const auto& pm : find_periods(sentence, document_date)) out.periods.push_back(pm);
  // A measure word inside a time expression is part of it: "since the
  // program began" is a period, not a launch.
  std::erase_if(out.vocab, [&](const VocabularyHit& hit) {
    if (hit.dimension != Dimension::measure) return false;
    for (const auto& p : out.periods)
      if (hit.begin < p.end && p.begin < hit.end) return true;
    return false;
  });
  // A phrase inside a longer phrase of another dimension is part of it:
  // "United States" in "United States citizens" is no place.
  {
    std::vector<VocabularyHit> kept;
    for (const auto& hit : out.vocab) {
      bool inside = false;
      for (const auto& o : out.vocab)
        inside = inside || (&o != &hit && o.dimension != hit.dimension && o.begin <= hit.begin &&
                            hit.end <= o.end && (o.end - o.begin) > (hit.end - hit.begin));
      if (!inside) kept.push_back(hit);
    }
    out.vocab = std::move(kept);
  }
  // "The Criminal Alien Program, not Secure Communities, ...": a negated
  // phrase does not describe the figure; "people outside the top priority"
  // names a group by what it is not.
  std::erase_if(out.vocab, [&](const VocabularyHit& hit) {
    const std::string_view before = sentence.substr(0, hit.begin);
    auto ends = [&](std::string_view w) {
      return before.size() >= w.size() &&
             strncasecmp(before.data() + before.size() - w.size(), w.data(), w.size()) == 0;
    };
    static constexpr std::string_view kExcept[] = {
        "not ",         "rather than ",    "instead of ", "other than ",  "outside the ",
        "outside of ",  "outside ",        "except ",     "except for ",  "excluding ",
        "apart from ",  "besides ",        "not the ",    "beyond the ",  "other than the "};
    for (std::string_view w : kExcept)
      if (ends(w)) {
        out.excluded.push_back(hit);
        return true;
      }
    return false;
  });
  return out;
}

std::set<std::string> measures_with_year_claims(const Rules& rules) {
  std::set<std::string> out;
  for (const auto& c : rules.claims())
    if (c.unit == Unit::year && !c.frame.measure.empty()) out.insert(c.frame.measure);
  return out;
}

}  // namespace claimcheck::detail
