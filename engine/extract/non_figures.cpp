// non_figures.cpp — numbers that are not figures: labels ("Level 1",
// "Title 8"), identifiers, URLs, list enumerators, and years that are the
// period of other figures rather than figures themselves.
#include <array>
#include <string>

#include "extract/scanner.hpp"

namespace claimcheck::extract {

// Words that make the number after them a label, not a figure: "Level 1",
// "Title 8", "H.R. 4437", "Section 5", "Measure 88".
bool is_label_word(std::string_view w) {
  static constexpr std::array<std::string_view, 64> kLabels{
      "level",    "levels",    "tier",     "tiers",    "phase",     "phases",  "title",
      "titles",   "section",   "sections", "sec.",     "article",   "art.",    "articles",
      "chapter",  "chapters",  "ch.",      "part",     "parts",     "no.",     "nos.",
      "number",   "rule",      "rules",    "h.r.",     "s.",        "h.b.",    "s.b.",
      "page",     "pages",     "p.",       "pp.",      "paragraph", "para.",   "grade",
      "stage",    "step",      "item",     "figure",   "fig.",      "table",   "appendix",
      "version",  "district",  "route",    "highway",  "interstate", "measure", "proposition",
      "prop.",    "amendment", "type",    "hb",       "sb",        "ab",      "hr",
      "lb",       "hf",        "sf",      "bill",     "form",     "junction", "junctions"};
  return in_table(kLabels, w);
}

// Verbs of starting or creating: a year after "in" in their clause is the
// figure itself ("was launched in 2008"), not the period of other figures.
bool is_start_verb(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kVerbs{
      "launched",  "launch",    "launches",  "created",    "create",      "creates",
      "founded",   "found",     "established", "establish", "started",    "starting",
      "start",     "starts",    "began",     "begun",      "begin",       "begins",
      "beginning", "introduced", "introduce", "came",      "come",        "comes",
      "arrived",   "arrive",    "arrives",   "enacted",    "passed",      "signed",
      "adopted",   "implemented", "activated", "debuted",  "opened",      "formed",
      "inaugurated", "born",    "instituted", "initiated", "unveiled",    "piloted",
      "deployed",  "rolled"};
  return in_table(kVerbs, w);
}

// Words after which a year is the period of the figures around it.
bool is_time_preposition(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kWords{
      "since", "between", "through", "thru",  "until",  "till",   "from",  "during",
      "by",    "before",  "after",   "fy",    "fiscal", "circa",  "mid",   "late",
      "early", "spring",  "summer",  "fall",  "autumn", "winter"};
  return in_table(kWords, w);
}

// Skips the rest of an identifier-like token ("287g", "COVID-19", "9/11").
size_t Scanner::skip_token(size_t i) const {
  while (i < t_.size()) {
    char c = t_[i];
    if (is_alnum(c) || c == '_') {
      ++i;
    } else if ((c == '/' || c == '-' || c == '.' || c == ':' || c == ',' || c == '(' || c == ')') &&
               i + 1 < t_.size() && is_alnum(t_[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Numbers inside URLs and e-mail addresses are not figures. The look is
// bounded so a pathological token cannot make the pass quadratic.
bool Scanner::in_url_or_email(size_t c) const {
  size_t b = c, e = c;
  while (b > 0 && c - b < 100 && !space_len(t_, b - 1)) --b;
  while (e < t_.size() && e - c < 100 && !space_len(t_, e)) ++e;
  std::string_view tok = t_.substr(b, e - b);
  return tok.find('@') != npos || tok.find("://") != npos || tok.find("www.") != npos;
}

// True when only whitespace and bullet characters precede c on its line.
bool Scanner::line_prefix_is_bullets(size_t c) const {
  for (size_t i = c; i > 0; --i) {
    unsigned char ch = static_cast<unsigned char>(t_[i - 1]);
    if (ch == '\n') return true;
    if (c - i > 16) return false;
    if (!(ch == ' ' || ch == '\t' || ch == '-' || ch == '*' || ch == '+' || ch == '>' || ch == '#' ||
          ch == 0xE2 || ch == 0x80 || ch == 0xA2 || ch == 0xC2 || ch == 0xB7 || ch == 0xA0))
      return false;
  }
  return true;
}

// "Level 1", "§ 5", and the numbers chained to one ("Levels 2 and 3").
bool Scanner::labelled(size_t start, size_t e) {
  bool hit = false;
  Word w = word_before(t_, start);
  if (!w.empty() && is_label_word(w.str())) hit = true;
  size_t s = skip_spaces_back(t_, start);
  if (s >= 2 && static_cast<unsigned char>(t_[s - 2]) == 0xC2 &&
      static_cast<unsigned char>(t_[s - 1]) == 0xA7)
    hit = true;  // §
  if (!hit && label_end_ != npos && label_end_ <= start && start - label_end_ < 14) {
    std::string_view gap = t_.substr(label_end_, start - label_end_);
    std::string g;
    for (char ch : gap)
      if (ch != ' ' && ch != ',') g += to_lower(ch);
    hit = g.empty() || g == "and" || g == "or" || g == "to" || g == "through" || g == "-" ||
          g == "&" || g == "\xE2\x80\x93";
  }
  if (hit) label_end_ = e;
  return hit;
}

// Whether a year is the period of the figures around it rather than a
// figure itself. The checker promotes a year to a figure only when it is NOT
// time context and sits beside a measure whose claims are years ("was
// launched in 2008", "came to Oregon in 2010", "Created in 2007"), so the
// rules below err towards time context everywhere except after "in" in a
// clause whose verb starts or creates something.
bool Scanner::year_time_context(size_t start, size_t e) const {
  // "FY2011", "mid-2010"
  if (start >= 2 && is_alpha(t_[start - 1])) return true;  // caller only passes FY here
  if (start >= 2 && (t_[start - 1] == '-')) return true;   // caller only passes mid-/late-/early-
  Word w1 = word_before(t_, start);
  std::string_view a = w1.str();
  if (!a.empty() && a.back() == '.') a.remove_suffix(1);
  if (is_time_preposition(a) || (w1.capitalized && is_month_name(a))) return true;
  Word w2 = word_before(t_, w1.b);
  if (a == "year" && (w2.is("fiscal") || w2.is("calendar") || w2.is("financial") || w2.is("school")))
    return true;
  if (a == "to" || a == "and" || a == "or" || a == "through") {
    // "between 2008 and 2010", "from 2008 to 2010": a year just before
    size_t p = skip_spaces_back(t_, w1.b);
    if (p >= 4 && is_digit(t_[p - 1]) && is_digit(t_[p - 4]) && (p == 4 || !is_digit(t_[p - 5])))
      return true;
  }
  if (a == "of" && (w2.is("end") || w2.is("beginning") || w2.is("start") || w2.is("middle") ||
                    w2.is("as") || w2.is("spring") || w2.is("summer") || w2.is("fall") ||
                    w2.is("autumn") || w2.is("winter") || w2.is("half") || w2.is("quarter")))
    return true;
  if (a == "in") {
    // Look back through the clause for a verb of starting or creating.
    size_t i = w1.b;
    size_t limit = w1.b > 160 ? w1.b - 160 : 0;
    while (i > limit) {
      char c = t_[i - 1];
      if (c == '.' || c == ';' || c == ':' || c == ',' || c == '(' || c == ')' || c == '\n' ||
          c == '!' || c == '?')
        break;
      if (is_alpha(c)) {
        size_t we = i;
        while (i > limit && is_alpha(t_[i - 1])) --i;
        if (we - i < 20) {
          char buf[20];
          for (size_t k = i; k < we; ++k) buf[k - i] = to_lower(t_[k]);
          if (is_start_verb({buf, we - i})) return false;
        }
        continue;
      }
      --i;
    }
    return true;
  }
  // "2008 to 2010", "2008 and 2010": a range
  Word n1 = word_after(t_, e);
  if ((n1.is("to") || n1.is("through") || n1.is("and") || n1.is("until")) && n1.b > e) {
    size_t p = skip_spaces(t_, n1.e);
    Number nx;
    if (p < t_.size() && is_digit(t_[p]) && parse_number(t_, p, nx) && is_year_value(nx)) return true;
  }
  return false;
}


bool is_score_word(std::string_view w) {
  static constexpr std::array<std::string_view, 35> kWords{
      "won",     "win",     "wins",    "winning", "beat",   "beats",   "beating", "defeated", "defeat",
      "lost",    "lose",    "loses",   "losing",  "drew",   "draw",    "victory", "loss",     "ruling",
      "decision", "vote",   "votes",   "voted",   "margin", "lead",    "led",     "score",    "scoreline",
      "tie",     "tied",    "record",  "split",   "verdict", "trailed", "trailing", "went"};
  return in_table(kWords, w);
}

// Words that a number completes as a name wherever they stand: products and
// models, games and rounds, indexes, missions, aircraft.
bool is_name_word(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kWords{
      "model",  "game",    "games",   "round",   "week",     "apollo",  "boeing",  "airbus",  "formula",
      "windows", "iphone", "galaxy",  "pixel",   "series",   "channel", "ftse",    "nasdaq",  "dax",
      "cac",    "nikkei",  "russell", "fortune", "pac",      "vision",  "terminal", "gate",   "platform",
      "flight", "ward",    "floor",   "room",    "studio",   "exit",    "division", "class",  "mark",
      "mk",     "gen",     "generation", "version", "v",     "stage",   "camp",    "suite"};
  return in_table(kWords, w);
}

// Capitalised words that open a clause or hedge a figure, never a name.
bool is_function_word(std::string_view w) {
  static constexpr std::array<std::string_view, 52> kWords{
      "the",    "a",      "an",      "in",     "by",     "of",     "and",    "or",     "at",      "to",
      "from",   "since",  "until",   "through", "between", "only",  "just",   "almost", "roughly", "around",
      "about",  "nearly", "over",    "under",  "some",   "all",    "top",    "for",    "with",    "on",
      "as",     "than",   "after",   "before", "during", "among",  "another", "fy",    "i",       "us",
      "u.s.",   "uk",     "u.k.",    "eu",     "that",   "this",   "these",  "those",  "more",    "less",
      "fewer",  "but"};
  return in_table(kWords, w);
}

bool names_number(const Word& before, std::string_view t) {
  if (before.empty() || before.too_long) return false;
  std::string_view w = before.str();
  if (is_name_word(w)) return true;
  if (is_function_word(w) || is_month_name(w) || is_label_word(w)) return false;
  // "S&P 500"
  if (before.len == 1 && before.b >= 2 && t[before.b - 1] == '&') return true;
  if (!before.capitalized) return false;
  // A capitalised word opening a sentence is capitalised for that reason.
  size_t p = skip_spaces_back(t, before.b);
  const bool opens = p == 0 || t[p - 1] == '.' || t[p - 1] == '!' || t[p - 1] == '?' || t[p - 1] == ':' ||
                     t[p - 1] == '"' || t[p - 1] == '\n' || t[p - 1] == '#' || t[p - 1] == '*';
  bool acronym = before.len >= 2;
  for (size_t k = before.b; k < before.e && acronym; ++k) acronym = is_upper(t[k]);
  return acronym || !opens;
}


size_t Scanner::not_a_quantity(size_t start, const Number& num) const {
  const size_t n = t_.size();
  // Phone numbers and codes written with a leading zero: "0800 123 4567"
  if (t_[num.b] == '0' && num.decimals == 0 && num.int_digits >= 3) {
    size_t i = num.e;
    while (i + 1 < n && (t_[i] == ' ' || t_[i] == '-') && is_digit(t_[i + 1])) {
      ++i;
      while (i < n && is_digit(t_[i])) ++i;
    }
    return i;
  }
  // International numbers: "+44 20 7946 0958"
  if (start > 0 && t_[start - 1] == '+' && num.decimals == 0) {
    size_t i = num.b, groups = 1;
    while (i < n && is_digit(t_[i])) ++i;
    while (i + 1 < n && (t_[i] == ' ' || t_[i] == '-') && is_digit(t_[i + 1])) {
      ++i;
      while (i < n && is_digit(t_[i])) ++i;
      ++groups;
    }
    if (groups >= 3) return i;
  }
  if (num.grouped || num.decimals > 0 || start != num.b) return 0;
  // Tallies: "passed by 219 to 212" (a range ascends; a tally does not)
  if (Word by = word_before(t_, start); by.is("by")) {
    Word to = word_after(t_, num.e);
    size_t q = skip_spaces(t_, to.e);
    Number other;
    if (to.is("to") && to.b > num.e && q < n && is_digit(t_[q]) && parse_number(t_, q, other) &&
        !other.grouped && other.decimals == 0 && other.value < num.value &&
        (other.e >= n || (t_[other.e] != '%' && !is_alpha(t_[other.e])))) {
      Word unit = word_after(t_, other.e);
      if (!(unit.is("percent") || unit.is("points") || scale_value(unit.str()) > 0)) return other.e;
    }
  }
  Word w1 = word_after(t_, num.e);
  // Addresses: "200 Park Lane", "14 Church Street", "1200 Market St."
  if (w1.capitalized && w1.b > num.e) {
    static constexpr std::array<std::string_view, 20> kStreets{
        "street", "st",      "avenue",  "ave",   "road",    "rd",     "lane",  "ln",   "boulevard", "blvd",
        "drive",  "dr",      "way",     "place", "square",  "court",  "terrace", "crescent", "parkway", "close"};
    Word w = w1;
    for (int k = 0; k < 3 && w.capitalized; ++k) {
      std::string_view s = w.str();
      if (!s.empty() && s.back() == '.') s.remove_suffix(1);
      if (k > 0)
        if (in_table(kStreets, s)) return w.e;
      Word nx = word_after(t_, w.e);
      if (nx.b == w.e) break;
      w = nx;
    }
  }
  // Tallies: "by 7 votes to 2"
  if (w1.is("votes") || w1.is("vote")) {
    Word to = word_after(t_, w1.e);
    size_t q = skip_spaces(t_, to.e);
    if (to.is("to") && q < n && is_digit(t_[q])) {
      Number other;
      if (parse_number(t_, q, other)) return other.e;
    }
  }
  return 0;
}

}  // namespace claimcheck::extract
