// markers.cpp — the reader's marker phrases (see markers.hpp).
#include "frame/markers.hpp"

namespace claimcheck::detail {

// "of them", "those people": the figure is part of a group named before.
const RE2& referent_re() {
  static const RE2 re(
      "(?i)\\b(?:of (?:them|those|these|whom)|(?:of |among )?(?:those|these) (?:people|"
      "individuals|immigrants|deportees|deported|removed|cases|removals|deportations|"
      "transferred|identified)|the (?:same )?figure|that figure|the same group)\\b",
      RE2::Quiet);
  return re;
}

// "of those who ...", "those it sent to ICE custody": a demonstrative that a
// relative clause defines on the spot names a new group, not one named before.
const RE2& defined_group_re() {
  static const RE2 re(
      "(?i)\\b(?:of |among )?(?:those|these) (?:who|whom|that|which|it|we|they|he|she|you|i|"
      "the agency|police|officers)\\b",
      RE2::Quiet);
  return re;
}

// "in that period", "over the same 32 months": the period named before.
const RE2& period_reference_re() {
  static const RE2 re(
      "(?i)\\b(?:(?:in|during|over|for|of|within|across|throughout) (?:that|the same|this|those|"
      "these) (?:period|year|time|span|months|years|fiscal year|stretch|window|\\d+ months)|"
      "(?:that|the same) (?:year|period|span|fiscal year)|by then|at the same time)\\b",
      RE2::Quiet);
  return re;
}

// "the year before", "a year later": the period of the figure before, shifted.
const RE2& shift_re() {
  static const RE2 re(
      "(?i)\\b(?:(?:the|a) (?:fiscal )?year (before|earlier)|the (previous|prior|preceding) "
      "(?:fiscal )?year|(?:the|a) (?:fiscal )?year (later|after)|the (following|next) "
      "(?:fiscal )?year)\\b",
      RE2::Quiet);
  return re;
}

// Years counted in words or digits, or decades; "a year earlier" is shift_re's.
const RE2& elapsed_re() {
  static const RE2 re(
      "(?i)\\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
      "twenty|thirty|a few|several|many|some|\\d+) (?:decades?|years)|a decade|a generation|"
      "half a century|a century) (?:earlier|before|after|later|ago|prior|on)\\b",
      RE2::Quiet);
  return re;
}

const RE2& change_origin_re() {
  static const RE2 re(
      "(?i)^(?:(?:down|up|rising|falling|dropping|climbing|declining|increasing|decreasing) )?"
      "from\\b",
      RE2::Quiet);
  return re;
}

// An agency as a whole rather than one of its programs.
const RE2& agency_re() {
  static const RE2 re(
      "(?i)\\b(?:(?:ICE|DHS|CBP|Immigration and Customs Enforcement|the Department of Homeland "
      "Security|Homeland Security|the agency|the department)(?:'s|\xE2\x80\x99s)?(?: own)?(?: "
      "(?:has|had|have))?(?: (?:also|then|now))? (?:removed|deported|carried out|reported|"
      "removals|deportations|arrests|arrested|detained|apprehended|total)|"
      "(?:all|each|every) (?:of )?(?:the agency's|ICE's|ICE|its|agency|DHS) "
      "(?:programs|removals|deportations|arrests)|all (?:agency|ICE) (?:removals|deportations)|"
      "all programs|agency-wide|ICE-wide|DHS-wide|across (?:all )?(?:of )?(?:the agency|ICE)|"
      "all of the agency)\\b",
      RE2::Quiet);
  return re;
}

}  // namespace claimcheck::detail
