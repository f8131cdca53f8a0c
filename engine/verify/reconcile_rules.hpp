// reconcile_rules.hpp — the rules reconcile groups and compares by, small
// enough to test as tables (tests/unit/reconcile_test.cpp). Internal.
#pragma once

#include <utility>
#include <vector>

#include "claimcheck/verify.hpp"
#include "frame/reader.hpp"

namespace claimcheck::verify_detail {

// The figure states the claim's kind of quantity: same unit; a change only
// for a change claim of its kind, a level only for a level.
bool same_quantity(const detail::Figure& r, const FramedFigure& f, const Claim& c);

// A figure no claim covers can conflict only when nothing sets it apart
// (not a change, trend start, age bound, minor number, year or unqualified
// part) and its measure, period and any categories are stated.
bool frame_comparable(const FramedFigure& f, const detail::Figure& r);

// Neither value lies within the other's interval (written precision, hedge).
bool values_conflict(const FramedFigure& a, const FramedFigure& b);

// Pairs of comparable figures of one group that conflict: other documents,
// the same period (different periods are a series), values that conflict.
// One pair per distinct pair of values and period.
std::vector<std::pair<size_t, size_t>> find_conflicts(const std::vector<FramedFigure>& figs,
                                                      const std::vector<bool>& comparable);

}  // namespace claimcheck::verify_detail
