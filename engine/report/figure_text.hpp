// figure_text.hpp — how reports write what a figure was read as:
// "79 percent", "40–50 count", "4000000 currency GBP", "0.3 points (change up)".
// Internal to report/.
#pragma once

#include <string>

#include "claimcheck/mention.hpp"

namespace claimcheck::report {

// A value without trailing zeros: 2.5, 47000.
std::string number_text(double v);
// Value (and range end), unit and its detail, and what kind of change.
std::string figure_text(const Mention& m);

}  // namespace claimcheck::report
