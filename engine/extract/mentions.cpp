// mentions.cpp — finds the figures in a text (numbers, spelled-out and verbal
// quantities) with unit, stated precision, hedge and the interval of
// reference values the text is consistent with.
//
// One compiled RE2 finds candidate positions (a digit, '$', or a number
// word); each candidate is then read by hand, by the file for its form, with
// a bounded look at its neighbours (the word before for hedges and labels,
// the word after for units), so the whole pass is linear in the text. Hand
// reading keeps the many small exceptions ("Level 1", "287(g)", "May 04,
// 2012") readable, which one giant regex would not.
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "extract/scanner.hpp"

namespace claimcheck {
namespace extract {

// "More than a quarter (28 percent)", "a vast majority of people, 79%,":
// the precise figure restates the verbal one. One mention comes out, the
// figure, carrying the verbal quantity as its gloss so both can be checked.
void Scanner::merge_glosses() {
  static const RE2 kApposition("\\s*(?:\\(|,|of(?:\\s+[A-Za-z'-]+){1,3}\\s*,)\\s*");
  std::vector<Mention> merged;
  merged.reserve(out_.size());
  for (size_t i = 0; i < out_.size(); ++i) {
    Mention& v = out_[i];
    if (v.verbal && i + 1 < out_.size()) {
      Mention& f = out_[i + 1];
      if (!f.verbal && f.unit == Unit::percent && f.begin >= v.end && f.begin - v.end <= 48) {
        std::string_view gap = t_.substr(v.end, f.begin - v.end);
        bool paren = gap.find('(') != npos;
        bool closes = !paren || t_.substr(f.end, 3).find(')') != npos;
        if (closes && RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kApposition)) {
          f.gloss = v.text;
          f.gloss_lo = v.lo;
          f.gloss_hi = v.hi;
          continue;
        }
      }
    }
    merged.push_back(std::move(v));
  }
  out_ = std::move(merged);
}

std::vector<Mention> Scanner::run() {
  // Candidates: a digit, a dollar sign, or a number / fraction / quantity
  // word. Everything else about a figure is read around the candidate.
  static const RE2 kCandidate(
      "[$\u00A3\u00A5\u20AC\u20B9\u20A9\u20BD\u20BA\u20B1\u20AA\u20A6\u20AB]|[0-9]|"
      "(?i)\\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
      "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
      "sixty|seventy|eighty|ninety|dozen|dozens|half|quarter|third|fifth|tenth|majority|"
      "hundred|thousand|million|billion|trillion|hundreds|thousands|millions|billions|tens|"
      "twice|doubled|tripled|quadrupled|halved|doubling|tripling|"
      "(?:two|three|four|five|six|seven|eight|nine|ten)fold)\\b");
  re2::StringPiece text(t_.data(), t_.size());
  size_t pos = 0;
  re2::StringPiece m;
  while (pos < t_.size() && kCandidate.Match(text, pos, t_.size(), RE2::UNANCHORED, &m, 1)) {
    size_t c = size_t(m.data() - t_.data());
    const bool word = is_alpha(t_[c]);
    size_t next = word ? on_word(c, m.size()) : on_number(c);
    pos = std::max(next, c + 1);
  }
  join_ranges();
  merge_glosses();
  mark_changes();
  link_trends();
  find_counted();
  return std::move(out_);
}

}  // namespace extract

std::vector<Mention> extract_mentions(std::string_view text) {
  // Digits of other scripts, full-width signs, space separators and invisible
  // characters are read on the text's figure-reading form; spans map back.
  auto form = extract::normalize_figures(text);
  if (!form) return extract::Scanner(text).run();
  std::vector<Mention> ms = extract::Scanner(form->text, text, &*form).run();
  for (auto& m : ms) {
    m.begin = form->begin_of(m.begin);
    m.end = form->end_of(m.end);
  }
  return ms;
}

}  // namespace claimcheck
