// scan.cpp — vocabulary and periods of one sentence, in one pass each.
#include "frame/scan.hpp"

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
  return out;
}

std::set<std::string> measures_with_year_claims(const Rules& rules) {
  std::set<std::string> out;
  for (const auto& c : rules.claims())
    if (c.unit == Unit::year && !c.frame.measure.empty()) out.insert(c.frame.measure);
  return out;
}

}  // namespace claimcheck::detail
