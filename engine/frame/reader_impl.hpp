// reader_impl.hpp — the reader of figures inside: the frame one stretch of
// text says (Says), what a reader carries from sentence to sentence
// (Carried), and the Reader itself. Its sentence-level reading is in
// reader.cpp, what a stretch of text says in reader_says.cpp, one figure's
// frame in reader_figure.cpp. Not installed; only the reader's files use it.
#pragma once

#include <re2/re2.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "frame/places.hpp"
#include "frame/reader.hpp"
#include "frame/scan.hpp"

namespace claimcheck::detail::reading {

inline re2::StringPiece piece(std::string_view s) { return {s.data(), s.size()}; }

// Above this many figures in a sentence, a figure looks only at its
// neighbours for the phrases of other figures.
constexpr size_t kDenseFigures = 64;

inline bool overlaps(size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; }

inline size_t distance(size_t b1, size_t e1, size_t b2, size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

// A dimension's value with where it came from.
template <class T>
struct Found {
  T value{};
  Origin origin = Origin::unknown;
  bool ok() const { return origin != Origin::unknown; }
};

// What one stretch of text (a clause, a heading) says about frames.
struct Says {
  Found<std::string> program;
  Found<std::string> measure;
  Found<std::string> place;
  std::optional<PeriodMention> period;
};

// The running context a reader carries from sentence to sentence.
struct Carried {
  Says last;                         // the last figure's (or figure-less sentence's) frame
  size_t last_paragraph = 0;         // the paragraph `last` was read in
  Says section;                      // heading, lead-in or table header in force
  std::vector<Says> columns;         // a table header's cells, column by column
  size_t section_paragraph_end = 0;  // lead-ins and tables hold until here
  std::string last_state, last_county;
};

inline Period shift_years(const Period& p, int years) {
  Period out = p;
  if (out.from) out.from += years * 10000;
  if (out.to) out.to += years * 10000;
  return out;
}

class Reader {
 public:
  Reader(const Rules* rules, std::string_view text, Day date)
      : rules_(rules), text_(text), date_(date) {
    if (rules_) defaults_ = rules_->defaults();
    if (rules_) year_measures_ = measures_with_year_claims(*rules_);
  }

  Reading read(std::vector<Mention> mentions);

 private:
  struct Clause {
    Span span;
    bool free = true;  // holds no figure: it sets the frame of the sentence
  };
  struct SentenceWork {
    std::vector<Clause> clauses;
    std::vector<PlaceHit> places;  // absolute offsets
    bool heading = false, lead_in = false, table_row = false;
  };

  // What the marker phrases say of a stretch, read once per stretch: every
  // figure of a clause asks, and a clause may hold thousands of figures.
  struct Marks {
    bool referent = false, period_ref = false, agency = false;
    bool elapsed = false;  // "a decade earlier", "nine years before"
    int shift = 0;         // -1 "the year before", +1 "the year after"
  };

  // Sentences (reader.cpp).
  void split(std::vector<Mention> mentions);
  bool promote_year(const Mention& m, ReadSentence& sentence);
  void read_sentence(size_t si, Carried& carried);
  size_t column_of(const ReadSentence& s, size_t at) const;
  static Says column_header(const Carried& carried, size_t column);
  static Says says_of(const Figure& f);
  const Figure* earlier_same(const Mention& m) const;
  void remember_places(const SentenceWork& w, Carried& carried) const;
  void classify(const ReadSentence& s, std::string_view sentence, SentenceWork& w) const;

  // What a stretch of text says (reader_says.cpp).
  std::vector<const VocabularyHit*> hits_in(const ReadSentence& s, Dimension d, size_t b, size_t e,
                                            const std::vector<Span>& exclude = {}) const;
  Found<std::string> place_in(const ReadSentence& s, const SentenceWork& w, size_t b, size_t e,
                              const Mention* near, Carried& carried) const;
  Found<std::string> program_in(const ReadSentence& s, size_t b, size_t e,
                                const Mention* near) const;
  const Marks& marks(size_t b, size_t e) const;
  std::optional<PeriodMention> period_in(const ReadSentence& s, size_t b, size_t e,
                                         const Mention* near) const;
  Says says(const ReadSentence& s, const SentenceWork& w, Span span, Carried& carried) const;
  void drop_subordinate_hits(std::vector<const VocabularyHit*>& hits, const Mention& m) const;
  // The hit nearest the figure: after it first (the clause's predicate or
  // counted noun), else before it.
  template <class Hit>
  static const Hit* nearest(const std::vector<const Hit*>& hits, const Mention& m) {
    const Hit* best = nullptr;
    for (const Hit* h : hits) {
      if (h->begin >= m.begin && h->end <= m.end) continue;
      const bool after = h->begin >= m.end;
      if (!best) {
        best = h;
        continue;
      }
      const bool best_after = best->begin >= m.end;
      if (after != best_after) {
        if (after) best = h;
        continue;
      }
      if (distance(h->begin, h->end, m.begin, m.end) <
          distance(best->begin, best->end, m.begin, m.end))
        best = h;
    }
    return best;
  }

  // One figure (reader_figure.cpp).
  void read_figure(Figure& f, const ReadSentence& s, const SentenceWork& w, size_t k,
                   const Says& sentence_says, const Found<std::string>& sentence_program,
                   bool sentence_referent, bool sentence_period_ref, const Figure* previous,
                   Carried& carried);

  const Rules* rules_;
  std::string_view text_;
  Day date_;
  Frame defaults_;
  std::set<std::string> year_measures_;
  bool column_period_ = false;  // the figure being read sits under a dated column
  Reading out_;
  std::vector<size_t> sentences_in_paragraph_;
  mutable std::map<std::pair<size_t, size_t>, Marks> marks_;
  // The last figure read with a measure, by unit and value ("9,831 of the
  // 46,929" repeats the 46,929 removals read before).
  std::map<std::pair<int, double>, size_t> stated_values_;
};

}  // namespace claimcheck::detail::reading
