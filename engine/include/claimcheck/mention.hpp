// mention.hpp — numbers in text: value, unit, stated precision, hedge and the
// interval of reference values the text is consistent with.
//
//   for (const auto& m : claimcheck::extract_mentions("Nearly half (48 percent) ..."))
//     std::cout << m.text << " " << m.value << " [" << m.lo << ", " << m.hi << ")\n";
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

enum class Unit { count, percent, points, usd, year };

std::string_view unit_name(Unit u);                    // "count", "percent", ...
std::optional<Unit> unit_from_name(std::string_view);  // inverse of unit_name

struct Mention {
  size_t begin = 0;  // byte span in the text given to extract_mentions: the
  size_t end = 0;    // hedge (if any) and the figure, e.g. "nearly half"
  std::string text;  // exactly text.substr(begin, end - begin)
  double value = 0;  // 79 for "79%", 2.5e9 for "$2.5 billion", 50 for "half"
  Unit unit = Unit::count;
  double lo = 0;  // interval [lo, hi) of reference values consistent with
  double hi = 0;  // the text at its stated precision and hedge
  std::string hedge;    // normalised hedge ("about", "more than" ...) or ""
  bool verbal = false;  // a verbal quantity: "half", "a quarter", "the vast majority"
  // "more than a quarter (28 percent)": the verbal gloss restated by this
  // figure; the figure is the mention and the gloss is checked beside it.
  std::string gloss;
  double gloss_lo = 0, gloss_hi = 0;
  // For unit year: the year is part of a time expression ("in fiscal year
  // 2011", "since 2008", "October 2008") rather than stated as a figure.
  bool time_context = false;
};

// All figures in `text`, in order. Not figures: list enumerators, "Level 1",
// "287(g)", "9/11", phone numbers, section/title/bill numbers, times, dates.
// Years come out with unit year (time_context set where they are clearly
// time context); the checker decides which years are figures.
// Linear in the length of the text; patterns are compiled once.
std::vector<Mention> extract_mentions(std::string_view text);

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// Sentences (ICU BreakIterator) as byte spans of `text`; paragraph breaks
// (blank lines) and list items always end a sentence.
std::vector<Span> split_sentences(std::string_view text);

// Clauses of one sentence (byte spans relative to `sentence`): split at ; : —
// and at commas that open a new clause, so frames bind to the nearest words.
std::vector<Span> split_clauses(std::string_view sentence);

}  // namespace claimcheck
