// scan.hpp — what a sentence says about frames: the rules' vocabulary hits
// and every period (vocabulary periods and the ones the engine parses).
// Shared by the draft checker and by verify/reconcile over evidence.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/period.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck::detail {

struct SentenceScan {
  std::vector<VocabularyHit> vocab;    // program, measure, category, place
  std::vector<PeriodMention> periods;  // vocabulary periods, then parsed ones
  // Category phrases the sentence names only to exclude ("outside the top
  // priority", "other than Level 1"): removed from `vocab`, kept here so a
  // figure they qualify reads as a part whose group is unknown.
  std::vector<VocabularyHit> excluded;
};

// Offsets are relative to `sentence`; `rules` may be null (periods only).
SentenceScan scan_sentence(const Rules* rules, std::string_view sentence, Day document_date);

// Measures whose reference figures are years: a year beside one of them is
// a figure ("launched in 2008"), not the period of the sentence.
std::set<std::string> measures_with_year_claims(const Rules& rules);

}  // namespace claimcheck::detail
