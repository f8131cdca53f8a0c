// reader.hpp — the reader of figures: turns a text and its mentions into
// figures with frames, each dimension bound to what the figure's own clause
// says first (stated), then its sentence, a back-reference, its paragraph, a
// heading, list lead-in or table header (context), then the rules' defaults.
// Used by `check` on drafts and by `verify`/`reconcile` on corpus sentences;
// it knows nothing of checking. Internal to the engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/mention.hpp"
#include "claimcheck/period.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck::detail {

struct ReadSentence {
  Span span;                           // byte span in the text
  size_t paragraph = 0;                // blocks separated by blank lines
  std::vector<VocabularyHit> vocab;    // absolute offsets
  std::vector<VocabularyHit> excluded;  // "outside the top priority" (see SentenceScan)
  std::vector<PeriodMention> periods;  // absolute offsets (vocabulary periods included)
  std::vector<Span> clauses;           // absolute offsets, in order
  std::vector<size_t> figures;         // indexes into Reading::figures
};

// The program id given to figures of an agency as a whole ("ICE removed
// 396,906 people", "across all of the agency's programs"): no program of the
// rules, so such a figure is another statistic than any program's.
inline constexpr std::string_view kAgencyWide = "agency-wide";

struct Figure {
  Mention mention;
  size_t sentence = 0;  // index into Reading::sentences
  size_t clause = 0;    // index into the sentence's clauses
  Frame frame;
  FrameSource source;
  // The period expression the frame's period came from (stated or carried).
  std::optional<PeriodMention> stated_period;
  // The program was named in the figure's own sentence (a program mismatch
  // needs that much; a program carried from earlier paragraphs does not).
  bool program_in_sentence = false;
  // A part of a group the text does not qualify ("27,899 of the 38,828 had
  // criminal convictions"): its category is unknown, not "all".
  bool partitive = false;
  // Narrowed to a sub-group the rules do not name ("5.4 percent of
  // children", "in rural counties"): its group is unknown even where a
  // facet is stated, and a stated facet that differs makes it another
  // statistic, not a misquote.
  bool subgroup = false;
  // The categories named are followed by "or" and words the vocabulary does
  // not know ("non-criminals or low-level offenders"): the set may be wider.
  bool category_open = false;
};

struct Reading {
  std::vector<ReadSentence> sentences;
  std::vector<Figure> figures;
};

// Reads the frames of `mentions` (from extract_mentions(text)) in `text`.
// `rules` may be null: then only periods and places are read. Years become
// figures only beside a measure whose reference figures are years.
Reading read_figures(const Rules* rules, std::string_view text, std::vector<Mention> mentions,
                     Day document_date);

// The date a document speaks from: its metadata (front matter, HTML meta),
// else a dateline or "Published:" line near its top, else `fallback` (the
// file's own date). 0 when none is known.
Day find_document_date(std::string_view text, std::string_view meta_date, Day fallback = 0);

}  // namespace claimcheck::detail
