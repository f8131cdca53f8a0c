// markers.hpp — the words that make a figure refer back or reach out:
// back-references to a group ("of them") or a period ("in that span"),
// shifts of a period ("the year before") and an agency as a whole ("ICE
// removed"). Compiled once; internal to the reader of figures.
#pragma once

#include <re2/re2.h>

namespace claimcheck::detail {

const RE2& referent_re();
// "those who ...", "those it sent": a group a relative clause defines (not a back-reference).
const RE2& defined_group_re();
const RE2& period_reference_re();
// Groups: 1 before/earlier, 2 previous/prior/preceding (both back a year),
// 3 later/after, 4 following/next (both on a year).
const RE2& shift_re();
const RE2& agency_re();

}  // namespace claimcheck::detail
