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
// "a decade earlier", "nine years before", "two decades ago": a time the
// text counts back (or on) from another, loosely; the figure is of neither.
const RE2& elapsed_re();
// "from 8.3 percent", "down from ...": the figure a change starts from, of
// an earlier (or later) time than the figure it changed to.
const RE2& change_origin_re();

}  // namespace claimcheck::detail
