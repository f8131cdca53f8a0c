// clauses.cpp — a sentence cut into the clauses its figures belong to, and
// the noun phrase each figure counts. Cheap, rule-based reading on top of
// split_clauses (punctuation, ", and" ...): contrast words ("while",
// "compared with", "up from"), trends ("from X in 2009 to Y in 2011"),
// relative clauses (", which ...,") and frame-setting openers ("In fiscal
// 2011, ...", "Nationally, ...") each start a clause of their own.
#include "frame/clauses.hpp"
#include "frame/markers.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace claimcheck::detail {

namespace {

// Letters, digits, apostrophes and hyphens; bytes of non-ASCII letters too,
// but not the general punctuation block (dashes, curly quotes: E2 80 xx).
bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '\'' || c == '-' || (u & 0x80 && u != 0xE2);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool inside_any(size_t pos, const std::vector<Span>& spans) {
  for (const Span& s : spans)
    if (pos > s.begin && pos < s.end) return true;
  return false;
}

bool any_figure_in(size_t b, size_t e, const std::vector<Span>& figures) {
  for (const Span& f : figures)
    if (f.begin >= b && f.begin < e) return true;
  return false;
}

// Words that open a clause setting the frame of the rest of the sentence.
bool frame_opener(std::string_view first_word) {
  static const std::set<std::string> words = {
      "in",         "between",    "from",       "during",    "since",   "across",
      "among",      "of",         "under",      "for",       "over",    "through",
      "by",         "nationally", "nationwide", "statewide", "overall", "agency-wide",
      "last",       "this",       "so",         "after",     "before",  "within",
      "throughout", "counting",   "until",      "as",        "at"};
  return words.count(lower(first_word)) > 0;
}

// Contrast and comparison words that start a clause of their own.
const RE2& contrast_re() {
  static const RE2 re(
      "(?i)(?:,\\s*|\\s)(?:while|whereas|compar(?:ed|es|e|ing) (?:with|to)|versus|vs\\.|against|as against|"
      "up from|down from|rising from|falling from|even though|although|though|but)\\b",
      RE2::Quiet);
  return re;
}

const RE2& absolute_phrase_re() {
  static const RE2 re("(?i),\\s*(?:with|including)\\b", RE2::Quiet);
  return re;
}

const RE2& relative_clause_re() {
  static const RE2 re("(?i),\\s*(?:which|who|whose|where|when|according to)\\b", RE2::Quiet);
  return re;
}

}  // namespace

std::vector<Span> figure_clauses(std::string_view s, const std::vector<Span>& figures) {
  std::set<size_t> cuts;  // positions where a clause starts
  for (const Span& c : split_clauses(s)) cuts.insert(c.begin);
  // split_clauses cuts at " and " between digits; here only between figures
  // ("on Level 1 subjects and on lower-level subjects" is one clause).
  {
    std::vector<size_t> all(cuts.begin(), cuts.end());
    for (size_t i = 0; i < all.size(); ++i) {
      const size_t c = all[i];
      if (lower(s.substr(c, 4)) != "and ") continue;
      const size_t prev = i > 0 ? all[i - 1] : 0;
      const size_t next = i + 1 < all.size() ? all[i + 1] : s.size();
      if (!any_figure_in(prev, c, figures) || !any_figure_in(c, next, figures)) cuts.erase(c);
    }
  }

  auto add_matches = [&](const RE2& re, bool need_figures, bool close_at_comma) {
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos < s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t b = static_cast<size_t>(m.data() - s.data());
      const size_t e = b + m.size();
      pos = e > pos ? e : pos + 1;
      if (inside_any(b, figures)) continue;
      size_t start = b;
      while (start < e && (s[start] == ',' || s[start] == ' ')) ++start;
      if (need_figures && !any_figure_in(start, s.size(), figures)) continue;
      cuts.insert(start);
      if (close_at_comma) {
        size_t comma = s.find(", ", e);
        while (comma != std::string_view::npos && inside_any(comma, figures))
          comma = s.find(", ", comma + 1);
        if (comma != std::string_view::npos) cuts.insert(comma + 1);
      }
    }
  };
  add_matches(contrast_re(), true, false);
  // "..., a decade after it stood at 14.5 percent": a time counted from the
  // figure before opens a clause (only where a figure follows).
  add_matches(elapsed_re(), true, false);
  add_matches(relative_clause_re(), false, true);
  // "36.1 percent in 2022, with Medicare at 18.7 percent": an absolute
  // phrase with a figure of its own.
  add_matches(absolute_phrase_re(), true, false);

  // "from X (in 2009) to Y (in 2011)": the second figure opens a clause.
  for (size_t k = 0; k + 1 < figures.size(); ++k) {
    const Span& a = figures[k];
    const Span& b = figures[k + 1];
    const std::string between = lower(s.substr(a.end, b.begin - a.end));
    const size_t to = between.rfind(" to ");
    if (to == std::string::npos || between.size() - to > 12) continue;
    const std::string before =
        lower(s.substr(a.begin >= 30 ? a.begin - 30 : 0, a.begin >= 30 ? 30 : a.begin));
    if (before.find("from ") == std::string::npos) continue;
    cuts.insert(a.end + to + 1);
  }

  // "fell to 7.9 percent in 2022 from 8.3 percent": the figure a change
  // starts from, right after the one it changed to, opens a clause.
  for (size_t k = 0; k + 1 < figures.size(); ++k) {
    const Span& a = figures[k];
    const Span& b = figures[k + 1];
    const std::string between = lower(s.substr(a.end, b.begin - a.end));
    if (between.size() > 24 || between.size() < 6 ||
        between.compare(between.size() - 6, 6, " from ") != 0)
      continue;
    cuts.insert(b.begin - 5);
  }

  // "29% with minor convictions, 26% with none": a list of figures, each
  // with its own words. "12,293 of them, about 26 percent, as ..." is a
  // gloss of the figure before (a comma right after it) and stays.
  for (size_t k = 1; k < figures.size(); ++k) {
    const Span& f = figures[k];
    if (f.begin < 2 || s.substr(f.begin - 2, 2) != ", ") continue;
    size_t a = f.end;
    while (a < s.size() && s[a] == ' ') ++a;
    if (a >= s.size() || s[a] == ',' || s[a] == ')' || s[a] == '.' || s[a] == ';') continue;
    cuts.insert(f.begin);
  }

  // ", 100,000 of whom ...": a relative clause opened by its figure.
  for (const Span& f : figures) {
    static const RE2 of_whom("(?i)^\\s*(?:of whom|of which|of them|of those)\\b", RE2::Quiet);
    const std::string_view after = s.substr(f.end, std::min<size_t>(20, s.size() - f.end));
    if (!RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), of_whom)) continue;
    size_t b = f.begin;
    while (b > 0 && s[b - 1] == ' ') --b;
    // the hedge words before the figure belong to it: cut at the comma
    const size_t comma = s.rfind(',', b);
    if (comma != std::string_view::npos && f.begin - comma < 24) cuts.insert(comma + 1);
  }

  // "8.0 percent in the ACS (the CPS full-year figure was 7.9 percent)": a
  // parenthesis with words of its own before its figure is an aside about
  // another statistic, so it is a clause, and its qualifiers are not the
  // figure's before it (nor the other way round). A parenthesis that opens
  // with its figure, "more than a quarter (28 percent)", glosses the figure
  // before and stays in its clause.
  for (size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
    if (inside_any(open, figures)) continue;
    const size_t close = s.find(')', open);
    if (close == std::string_view::npos) break;
    size_t first_fig = close;
    for (const Span& f : figures)
      if (f.begin > open && f.begin < close) first_fig = std::min(first_fig, f.begin);
    if (first_fig == close) continue;
    bool words = false;
    for (size_t i = open + 1; i < first_fig && !words; ++i)
      words = std::isalpha(static_cast<unsigned char>(s[i])) != 0;
    if (!words) continue;
    cuts.insert(open);
    bool words_after = false;
    for (size_t i = close + 1; i < s.size() && !words_after; ++i)
      words_after = std::isalpha(static_cast<unsigned char>(s[i])) != 0;
    if (words_after) cuts.insert(close + 1);
  }

  // A frame-setting opener before the first figure of a clause, ended by a
  // comma: "In fiscal year 2011, 26 percent ..." sets the frame of every
  // clause of the sentence, so it becomes a clause of its own.
  std::vector<size_t> starts(cuts.begin(), cuts.end());
  if (starts.empty() || starts.front() != 0) starts.insert(starts.begin(), 0);
  for (size_t i = 0; i < starts.size(); ++i) {
    const size_t b = starts[i];
    const size_t e = i + 1 < starts.size() ? starts[i + 1] : s.size();
    size_t first_fig = e;
    for (const Span& f : figures)
      if (f.begin >= b && f.begin < e) first_fig = std::min(first_fig, f.begin);
    if (first_fig == e) continue;
    size_t w = b;
    while (w < e && !is_word_char(s[w])) ++w;
    size_t we = w;
    while (we < e && is_word_char(s[we])) ++we;
    if (!frame_opener(s.substr(w, we - w))) continue;
    const size_t comma = s.rfind(", ", first_fig);
    if (comma == std::string_view::npos || comma < b) continue;
    cuts.insert(comma + 1);
  }

  // "When Secure Communities came to Oregon in 2010, organizers ...": a
  // subordinate clause opening the sentence ends at its first comma.
  {
    size_t w = 0;
    while (w < s.size() && !is_word_char(s[w])) ++w;
    size_t we = w;
    while (we < s.size() && is_word_char(s[we])) ++we;
    static const std::set<std::string> subordinators = {
        "when", "while", "although", "though", "after", "because", "once", "if", "whereas"};
    if (subordinators.count(lower(s.substr(w, we - w)))) {
      size_t comma = s.find(", ", we);
      while (comma != std::string_view::npos && inside_any(comma, figures))
        comma = s.find(", ", comma + 1);
      if (comma != std::string_view::npos) cuts.insert(comma + 1);
    }
  }

  cuts.insert(0);
  std::vector<Span> out;
  std::vector<size_t> all(cuts.begin(), cuts.end());
  for (size_t i = 0; i < all.size(); ++i) {
    size_t b = all[i];
    size_t e = i + 1 < all.size() ? all[i + 1] : s.size();
    while (b < e && (s[b] == ' ' || s[b] == ',')) ++b;
    size_t te = e;
    while (te > b && (s[te - 1] == ' ' || s[te - 1] == ',')) --te;
    if (te > b) out.push_back({b, te});
  }
  if (out.empty()) out.push_back({0, s.size()});
  // A clause that is only a figure ("...with no conviction: 26%") belongs
  // to the words before it.
  std::vector<Span> merged;
  for (const Span& c : out) {
    bool words_outside = false;
    for (size_t i = c.begin; i < c.end && !words_outside; ++i) {
      bool in_fig = false;
      for (const Span& f : figures) in_fig = in_fig || (i >= f.begin && i < f.end);
      words_outside = !in_fig && std::isalpha(static_cast<unsigned char>(s[i]));
    }
    if (!words_outside && !merged.empty() && any_figure_in(c.begin, c.end, figures))
      merged.back().end = c.end;
    else
      merged.push_back(c);
  }
  return merged;
}

namespace {

const std::set<std::string>& np_stop_words() {
  static const std::set<std::string> words = {
      "had",       "have",    "has",      "was",      "were",      "is",          "are",
      "been",      "be",      "being",    "will",     "would",     "could",       "can",
      "may",       "might",   "should",   "did",      "do",        "does",        "made",
      "make",      "makes",   "came",     "come",     "comes",     "accounted",   "turned",
      "got",       "led",     "drew",     "numbered", "showed",    "show",        "shows",
      "said",      "says",    "ran",      "fell",     "rose",      "grew",        "went",
      "reached",   "totaled", "totalled", "included", "involved",  "received",    "and",
      "or",        "but",     "while",    "which",    "who",       "whom",        "whose",
      "that",      "than",    "because",  "after",    "before",    "when",        "if",
      "as",        "since",   "until",    "compared", "versus",    "up",          "down",
      "according", "remain",  "remained", "stood",    "represent", "represented", "marked",
      "once",      "where",   "unless",   "though",   "although",  "so",          "then",
      "now",       "also",    "still",    "already",  "again",     "ever",        "never"};
  return words;
}

// Words between a figure and the noun it counts ("79 percent of the ...").
const std::set<std::string>& np_skip_words() {
  static const std::set<std::string> words = {
      "percent",   "per",     "cent",    "percentage",    "of",      "the",
      "a",         "an",      "all",     "its",           "their",   "our",
      "his",       "her",     "more",    "other",         "such",    "some",
      "roughly",   "about",   "nearly",  "approximately", "around",  "almost",
      "only",      "just",    "another", "additional",    "total",   "new",
      "estimated", "million", "billion", "thousand",      "hundred", "mostly"};
  return words;
}

const std::set<std::string>& person_nouns() {
  static const std::set<std::string> words = {
      "people",    "persons",     "person",       "individuals", "individual", "immigrants",
      "immigrant", "noncitizens", "non-citizens", "aliens",      "residents",  "men",
      "women",     "children",    "adults",       "them",        "those",      "these",
      "whom",      "detainees",   "inmates",      "migrants",    "foreigners", "citizens",
      "others",    "each",        "one",          "ones",        "cases",      "offenders",
      "subjects",  "families",    "workers",      "youths",      "minors",     "deportees",
      "arrestees", "prisoners",   "parents",      "students"};
  return words;
}

// Words for the figure itself ("the 55 percent figure", "the share"): they
// say nothing of what is counted.
const std::set<std::string>& figure_nouns() {
  static const std::set<std::string> words = {
      "figure",   "figures",  "share",  "shares",     "rate",       "rates",    "number",
      "numbers",  "total",    "totals", "proportion", "percentage", "portion",  "fraction",
      "majority", "minority", "count",  "tally",      "level",      "increase", "decrease",
      "rise",     "drop",     "jump",   "fall"};
  return words;
}

const std::set<std::string>& time_nouns() {
  static const std::set<std::string> words = {
      "hours",   "hour",    "days",     "day",       "weeks",    "week",
      "months",  "month",   "years",    "year",      "minutes",  "minute",
      "seconds", "decades", "year-old", "years-old", "-year-old"};
  return words;
}

}  // namespace

CountedNoun counted_noun(std::string_view s, size_t from, size_t limit) {
  CountedNoun out;
  size_t i = from;
  // A closing parenthesis or quote glued to the figure belongs to it.
  while (i < limit && (s[i] == ')' || s[i] == '"' || s[i] == ' ')) ++i;
  out.begin = i;
  out.end = i;
  int words = 0;
  bool seen_of = false;
  while (i < limit && words < 10) {
    // Spaces and quotation marks ("database “hits”") do not end the phrase.
    while (i < limit) {
      if (s[i] == ' ' || s[i] == '"')
        ++i;
      else if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D")
        i += 3;
      else
        break;
    }
    if (i >= limit || !is_word_char(s[i])) break;
    size_t we = i;
    // A word runs on through a curly apostrophe ("don’t", "ICE’s").
    while (we < limit && (is_word_char(s[we]) || s.substr(we, 3) == "\xE2\x80\x99"))
      we += is_word_char(s[we]) ? 1 : 3;
    std::string w = lower(s.substr(i, we - i));
    while (!w.empty() && (w.back() == '\'' || w.back() == '-')) w.pop_back();
    if (w.size() > 2 && (w.ends_with("'s"))) w.resize(w.size() - 2);
    if (w.size() > 4 && (w.ends_with("\xE2\x80\x99s"))) w.resize(w.size() - 4);
    if (np_stop_words().count(w)) break;
    // "don't", "didn't": a verb.
    if (w.find("n't") != std::string::npos || w.find("n\xE2\x80\x99t") != std::string::npos) break;
    // A preposition before any noun: the figure stands alone ("79 percent
    // between 2008 and 2010", "$750 million on ...").
    static const std::set<std::string> prepositions = {
        "between", "from",  "to",   "in",  "on",     "at",      "during",
        "through", "since", "for",  "by",  "with",   "under",   "over",
        "across",  "among", "into", "per", "within", "against", "without"};
    if (out.head.empty() && prepositions.count(w)) break;
    ++words;
    if (w == "of" && words <= 3) seen_of = true;
    if (w == "of" && words == 1) out.partitive = true;
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      // Another figure: "12,293 of the 46,929" — the phrase is the other's.
      out.another_figure = i;
      break;
    }
    if (out.head.empty() && words == 1 && w.size() > 4 && w.ends_with("ed") && w != "hundred") {
      // "100,000 charged with minor offenses": a participle right after the
      // figure makes the figure its subject, people understood.
      out.person = true;
      break;
    }
    if (!np_skip_words().count(w) && out.head.empty()) {
      const bool time = time_nouns().count(w) || w.ends_with("year-old");
      // "the year before", "that month": a time phrase, not what is counted.
      if (time && words > 1) break;
      out.head = w;
      out.head_begin = i;
      // Plural agent and demonym nouns are people too: voters, workers,
      // Americans, Texans, economists.
      const bool agent =
          w.size() > 4 && (w.ends_with("ers") || w.ends_with("ans") || w.ends_with("ists"));
      if (person_nouns().count(w) || figure_nouns().count(w) || agent)
        out.person = true;
      else if (time || w == "old")
        out.duration = true;
    }
    out.end = we;
    i = we;
  }
  (void)seen_of;
  return out;
}

}  // namespace claimcheck::detail
