// clauses.hpp — clauses of a sentence as its figures see them, and the noun
// phrase a figure counts. Internal to the reader of figures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/mention.hpp"

namespace claimcheck::detail {

// Clauses of `sentence` (spans relative to it, in order, covering every
// figure). `figures` are the figures' spans relative to the sentence, sorted.
std::vector<Span> figure_clauses(std::string_view sentence, const std::vector<Span>& figures);

// The noun phrase after a figure, up to `limit`: "79 percent of [the people
// deported through the program]", "1,785,488 [sets of fingerprints]".
struct CountedNoun {
  size_t begin = 0, end = 0;  // the phrase (relative to the text given)
  std::string head;           // first content word, lower case ("sets", "people")
  size_t head_begin = 0;
  bool person = false;     // people, immigrants, those ...: the measure is the verb's
  bool duration = false;   // hours, days, years, "-year-old": an age or a duration
  bool partitive = false;  // "N of ...": a part of a group
  size_t another_figure = std::string_view::npos;  // "X of the [N] people": N's phrase
};
CountedNoun counted_noun(std::string_view text, size_t from, size_t limit);

}  // namespace claimcheck::detail
