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

// What a figure measures, as a class. `usd` is the US dollar (the common
// case, and the name design.md gives it); other currencies are `currency`
// with their ISO code in Mention::unit_text. `rate` is "N per 100,000"
// (Mention::per), `multiplier` is "three times", "doubled" (value 3, 2),
// `duration` a length of time (unit_text "day", "week", "month", "year"),
// `other` any other unit word, kept as written in unit_text ("km", "tonnes").
enum class Unit { count, percent, points, usd, year, currency, rate, multiplier, duration, other };

std::string_view unit_name(Unit u);                    // "count", "percent", ...
std::optional<Unit> unit_from_name(std::string_view);  // inverse of unit_name

// The direction a change statement gives: "rose", "up", "more than doubled"
// are up; "fell", "down", "a drop of" down.
enum class Direction { none, up, down };
// What kind of change a figure states: absolute in the figure's own unit
// ("rose 0.3 points", "up 12,000"), relative in percent of the earlier level
// ("fell 12%"), or a multiple of it ("more than doubled", "tripled").
enum class ChangeKind { none, absolute, relative, multiple };

std::string_view direction_name(Direction d);   // "none", "up", "down"
std::string_view change_kind_name(ChangeKind k);  // "none", "absolute", ...

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

  // Unit detail: ISO code for currencies ("USD", "EUR"), the unit of a
  // duration ("month"), the unit word as written for Unit::other ("km").
  std::string unit_text;
  double per = 0;  // Unit::rate: the base, 100000 for "per 100,000"

  // A range, "5-10%", "between 40 and 50": value is the low end, high the
  // high end, and [lo, hi) covers both.
  bool range = false;
  double high = 0;

  // A change statement. `change` says what the figure is: the amount of a
  // change ("rose 0.3 points", "fell 12%", "doubled"), with its direction.
  // In a trend "from X to Y" both ends stay levels; Y carries the direction
  // and `from`, the index of X in the same extract_mentions result.
  ChangeKind change = ChangeKind::none;
  Direction direction = Direction::none;
  int from = -1;

  // The counted noun the sentence gives right after the figure, lower case:
  // "fingerprint submissions" for "2 million fingerprint submissions".
  std::string counted;

  // A small spelled-out number ("two agencies", "three months"): a quantity
  // the text states, but not a figure worth a check on its own. Reports list
  // it; checks leave it alone.
  bool minor = false;
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
// The sentences of split_sentences(text) that hold the start of one of
// `mentions`: the same spans, without segmenting the text between figures
// (how the indexer reads a document; a draft is read whole).
std::vector<Span> sentences_around(std::string_view text, const std::vector<Mention>& mentions);

// Clauses of one sentence (byte spans relative to `sentence`): split at ; : —
// and at commas that open a new clause, so frames bind to the nearest words.
std::vector<Span> split_clauses(std::string_view sentence);

}  // namespace claimcheck
