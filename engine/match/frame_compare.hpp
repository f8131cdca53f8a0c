// frame_compare.hpp — how each dimension of a figure's frame stands against a
// claim's, exactly as the claim matcher judges it (claim_check.cpp). Exported
// so that verify can say why a sentence stating a claim's value does not back
// it without a second copy of the rules. Internal to the engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/rules.hpp"
#include "frame/reader.hpp"

namespace claimcheck::detail {

// How one dimension of a figure's frame stands against a claim's.
enum class Stand {
  agree,    // positively stated (or carried) and the same
  differ,   // positively stated, a value of the rules' vocabulary, and another
  unknown,  // the text does not say (or only a default says)
  other,    // the text says something outside the claim's world: another
            // place, the agency as a whole, a noun the rules do not count
};
std::string_view stand_name(Stand s);  // "agree", "differ", "unknown", "other"

struct DimensionStand {
  Dimension dimension = Dimension::measure;
  Stand stand = Stand::unknown;
  std::string text;   // what the figure's frame says ("2022-02", "u6", "no period")
  std::string claim;  // what the claim says
  std::vector<std::string> facets;  // category facets that differ
  bool coarse = false;  // period: a coarser period covering the claim's ("2022" for 2022-01)
};

// Program, measure, period, category and place: the order in which a
// difference names a finding.
std::vector<DimensionStand> compare_frame(const Rules& rules, const Figure& f, const Claim& c);

}  // namespace claimcheck::detail
