// mentions.cpp — finds the figures in a text (numbers, spelled-out and verbal
// quantities) with unit, stated precision, hedge and the interval of
// reference values the text is consistent with.
//
// One compiled RE2 finds candidate positions (a digit, '$', or a number
// word); each candidate is then read by hand with a bounded look at its
// neighbours (the word before for hedges and labels, the word after for
// units), so the whole pass is linear in the text. Hand reading keeps the
// many small exceptions ("Level 1", "287(g)", "May 04, 2012") readable,
// which one giant regex would not.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "claimcheck/mention.hpp"
#include "extract/lex.hpp"
#include "extract/normalize.hpp"

namespace claimcheck {

namespace {

using namespace extract;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr size_t npos = std::string_view::npos;

// Upper bound that includes `v` itself in a half-open interval [lo, hi).
double just_above(double v) { return std::nextafter(v, kInf); }

// Words that make the number after them a label, not a figure: "Level 1",
// "Title 8", "H.R. 4437", "Section 5", "Measure 88".
bool is_label_word(std::string_view w) {
  static constexpr std::array<std::string_view, 62> kLabels{
      "level",    "levels",    "tier",     "tiers",    "phase",     "phases",  "title",
      "titles",   "section",   "sections", "sec.",     "article",   "art.",    "articles",
      "chapter",  "chapters",  "ch.",      "part",     "parts",     "no.",     "nos.",
      "number",   "rule",      "rules",    "h.r.",     "s.",        "h.b.",    "s.b.",
      "page",     "pages",     "p.",       "pp.",      "paragraph", "para.",   "grade",
      "stage",    "step",      "item",     "figure",   "fig.",      "table",   "appendix",
      "version",  "district",  "route",    "highway",  "interstate", "measure", "proposition",
      "prop.",    "amendment", "type",    "hb",       "sb",        "ab",      "hr",
      "lb",       "hf",        "sf",      "bill",     "form"};
  for (auto l : kLabels)
    if (l == w) return true;
  return false;
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
  for (auto v : kVerbs)
    if (v == w) return true;
  return false;
}

// Words after which a year is the period of the figures around it.
bool is_time_preposition(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kWords{
      "since", "between", "through", "thru",  "until",  "till",   "from",  "during",
      "by",    "before",  "after",   "fy",    "fiscal", "circa",  "mid",   "late",
      "early", "spring",  "summer",  "fall",  "autumn", "winter"};
  for (auto v : kWords)
    if (v == w) return true;
  return false;
}

struct HedgeDef {
  std::array<std::string_view, 3> words;  // in reading order
  int n;
  std::string_view norm;
};

// Longer phrases first so "no more than" wins over "more than".
constexpr std::array<HedgeDef, 33> kHedges{{
    {{"in", "excess", "of"}, 3, "more than"},
    {{"no", "more", "than"}, 3, "at most"},
    {{"no", "fewer", "than"}, 3, "at least"},
    {{"no", "less", "than"}, 3, "at least"},
    {{"upwards", "of"}, 2, "more than"},
    {{"more", "than"}, 2, "more than"},
    {{"greater", "than"}, 2, "more than"},
    {{"just", "over"}, 2, "more than"},
    {{"well", "over"}, 2, "more than"},
    {{"less", "than"}, 2, "less than"},
    {{"fewer", "than"}, 2, "less than"},
    {{"just", "under"}, 2, "less than"},
    {{"at", "least"}, 2, "at least"},
    {{"at", "most"}, 2, "at most"},
    {{"up", "to"}, 2, "at most"},
    {{"close", "to"}, 2, "nearly"},
    {{"an", "estimated"}, 2, "about"},
    {{"over"}, 1, "more than"},
    {{"above"}, 1, "more than"},
    {{"under"}, 1, "less than"},
    {{"below"}, 1, "less than"},
    {{"about"}, 1, "about"},
    {{"approximately"}, 1, "about"},
    {{"approx."}, 1, "about"},
    {{"roughly"}, 1, "about"},
    {{"around"}, 1, "about"},
    {{"some"}, 1, "about"},
    {{"estimated"}, 1, "about"},
    {{"nearly"}, 1, "nearly"},
    {{"almost"}, 1, "nearly"},
    {{"only"}, 1, "only"},
    {{"just"}, 1, "only"},
    {{"merely"}, 1, "only"},
}};

struct Hedge {
  std::string_view norm;  // "" when none
  size_t begin = 0;       // where the hedge phrase starts
};

// The figure as read, before the hedge turns it into an interval.
struct Figure {
  size_t begin = 0, end = 0;
  double value = 0;
  Unit unit = Unit::count;
  double precision = 1;   // stated precision (a 79% figure is stated to 1 point)
  double lo = 0, hi = 0;  // interval without hedge
  bool verbal = false;
  bool fraction = false;  // "half", "a quarter": the hedge rules for verbal fractions apply
  bool time_context = false;
};

// A parsed run of digits: "111,000", "47 000", "2.5".
struct Number {
  size_t b = 0, e = 0;
  double value = 0;
  int int_digits = 0;  // digits before the decimal point, separators excluded
  int decimals = 0;
  bool grouped = false;  // thousands separators were used
  int zero_groups = 0;   // trailing "000" groups: 111,000 is stated to the thousand
};

bool parse_number(std::string_view t, size_t i, Number& n) {
  n = Number{};
  n.b = i;
  std::string digits;
  size_t first = i;
  while (i < t.size() && is_digit(t[i])) digits += t[i++];
  size_t run = i - first;
  if (run == 0) return false;
  n.int_digits = int(run);
  // Thousands groups: a separator and exactly three digits, only after a
  // first run of one to three digits, and one separator kind per number.
  int sep_kind = 0;  // 1 comma, 2 space-like, 3 apostrophe ("47'000")
  int trailing_zero = 0;
  if (run <= 3) {
    while (i < t.size()) {
      size_t sl = 0;
      int kind = 0;
      if (t[i] == ',') {
        sl = 1;
        kind = 1;
      } else if (t[i] == '\'') {
        sl = 1;
        kind = 3;
      } else if (size_t s = space_len(t, i); s && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') {
        sl = s;
        kind = 2;
      }
      if (!kind || (sep_kind && kind != sep_kind)) break;
      size_t g = i + sl;
      if (g + 3 > t.size() || !is_digit(t[g]) || !is_digit(t[g + 1]) || !is_digit(t[g + 2])) break;
      if (g + 3 < t.size() && is_digit(t[g + 3])) break;
      sep_kind = kind;
      digits.append(t.substr(g, 3));
      trailing_zero = (t.substr(g, 3) == "000") ? trailing_zero + 1 : 0;
      n.int_digits += 3;
      i = g + 3;
    }
  }
  n.grouped = sep_kind != 0;
  if (i + 1 < t.size() && t[i] == '.' && is_digit(t[i + 1])) {
    digits += '.';
    ++i;
    while (i < t.size() && is_digit(t[i])) {
      digits += t[i++];
      ++n.decimals;
    }
  }
  n.e = i;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n.value);
  (void)p;
  if (ec != std::errc()) return false;
  if (n.decimals == 0) {
    if (n.grouped) {
      n.zero_groups = trailing_zero;
    } else if (n.int_digits >= 4) {
      int zeros = 0;
      for (size_t k = digits.size(); k > 1 && digits[k - 1] == '0'; --k) ++zeros;
      n.zero_groups = zeros / 3;
    }
  }
  return true;
}

double pow10(int k) {
  double p = 1;
  for (; k > 0; --k) p *= 10;
  for (; k < 0; ++k) p /= 10;
  return p;
}

bool is_year_value(const Number& n) {
  return !n.grouped && n.decimals == 0 && n.int_digits == 4 && n.value >= 1900 && n.value <= 2100;
}

// En dash U+2013 at t[i].
bool en_dash_at(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 && static_cast<unsigned char>(t[i + 2]) == 0x93;
}

class Scanner {
 public:
  // `t` is the text read; when it is the figure-reading form of `original`
  // (`form`), mention texts quote the original.
  explicit Scanner(std::string_view t, std::string_view original = {},
                   const FigureText* form = nullptr)
      : t_(t), original_(original), form_(form) {}

  std::vector<Mention> run();

 private:
  size_t on_number(size_t c);
  size_t on_word(size_t c, size_t len);
  size_t skip_token(size_t i) const;
  bool in_url_or_email(size_t c) const;
  bool line_prefix_is_bullets(size_t c) const;
  bool labelled(size_t start, size_t e);
  Hedge find_hedge(size_t start) const;
  bool year_time_context(size_t start, size_t e) const;
  void emit(const Figure& f, Hedge h);
  void emit_plain(const Figure& f) { emit(f, find_hedge(f.begin)); }
  void merge_glosses();

  std::string_view t_;
  std::string_view original_;
  const FigureText* form_;
  std::vector<Mention> out_;
  size_t floor_ = 0;           // hedges and articles never reach before this
  size_t label_end_ = npos;    // end of the last labelled number ("Levels 2 and 3")
};

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

Hedge Scanner::find_hedge(size_t start) const {
  Hedge h;
  h.begin = start;
  std::array<Word, 4> ws;
  size_t pos = start;
  for (auto& w : ws) {
    w = word_before(t_, pos);
    if (w.empty() || w.b < floor_) {
      w = Word{};
      break;
    }
    pos = w.b;
  }
  // '~20%' reads as about
  size_t s = skip_spaces_back(t_, start);
  if (s > 0 && s >= floor_ + 1 && t_[s - 1] == '~') return Hedge{"about", s - 1};
  for (const auto& d : kHedges) {
    bool ok = true;
    for (int k = 0; k < d.n && ok; ++k) ok = !ws[k].empty() && ws[k].is(d.words[d.n - 1 - k]);
    if (!ok) continue;
    h.norm = d.norm;
    h.begin = ws[d.n - 1].b;
    // "only about 20%": the emphasis adds nothing, the real hedge is kept
    break;
  }
  return h;
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

void Scanner::emit(const Figure& f, Hedge h) {
  Mention m;
  m.begin = f.begin;
  m.end = f.end;
  m.value = f.value;
  m.unit = f.unit;
  m.verbal = f.verbal;
  m.time_context = f.time_context;
  m.lo = f.lo;
  m.hi = f.hi;
  const double v = f.value;
  const bool share = f.unit == Unit::percent || f.unit == Unit::points;
  // Shares cannot exceed 100; an open-ended hedge stops there (100 included).
  const double top = f.unit == Unit::percent ? just_above(100) : kInf;
  if (f.unit != Unit::year && !h.norm.empty()) {
    m.begin = std::min(h.begin, f.begin);
    m.hedge = std::string(h.norm);
    if (h.norm == "about") {
      // A few either side: at least half the stated precision, else a tenth
      // of the value; writers say "about 20%" for anything from 18 to 22.
      // Shares live on a bounded scale: a tenth of 90% would be 9 points and
      // hide real discrepancies, so shares take +-max(2 points, 5%) instead.
      double w = share ? std::max({f.precision / 2, 2.0, 0.05 * std::fabs(v)})
                       : std::max(f.precision / 2, 0.1 * std::fabs(v));
      if (f.fraction) w = std::max(w, 5.0);
      m.lo = std::min(f.lo, v - w);
      m.hi = std::max(f.hi, v + w);
    } else if (h.norm == "nearly") {
      // Just under the stated value. Verbal fractions are rounded to the
      // nearest familiar fraction, so "nearly" reaches a fifth of the value
      // down, at most 10 points: "nearly half" is [40, 50).
      // "nearly 2 million" is [1.8, 2) million, not [1, 2).
      double w = f.fraction ? std::min(10.0, 0.2 * v) : 0.1 * std::fabs(v);
      m.lo = v - w;
      m.hi = v;
    } else if (h.norm == "more than" || h.norm == "at least") {
      m.lo = v;
      m.hi = top;
    } else if (h.norm == "less than") {
      m.lo = 0;
      m.hi = v;
    } else if (h.norm == "at most") {
      m.lo = 0;
      m.hi = just_above(v);
    }
    // "only": emphasis, the value and interval stay
  }
  if (form_) {
    const size_t b = form_->begin_of(m.begin), e = form_->end_of(m.end);
    m.text = std::string(original_.substr(b, e - b));
  } else {
    m.text = std::string(t_.substr(m.begin, m.end - m.begin));
  }
  floor_ = std::max(floor_, m.end);
  out_.push_back(std::move(m));
}

size_t Scanner::on_number(size_t c) {
  const size_t n = t_.size();
  size_t start = c;
  bool dollar = false;
  if (t_[c] == '$') {
    size_t d = c + 1;
    if (d < n && t_[d] == ' ') ++d;
    if (d >= n || !is_digit(t_[d])) return c + 1;
    dollar = true;
    c = d;
  }
  // --- what comes before
  bool fy = false, prefix_tc = false;
  if (!dollar && start > 0) {
    char p = t_[start - 1];
    if (is_alpha(p) || p == '_') {
      Word w = word_before(t_, start);
      if (w.e == start && w.is("fy")) {
        fy = true;
      } else {
        return skip_token(c);
      }
    } else if (p == '-' && start >= 2 && is_alpha(t_[start - 2])) {
      Word w = word_before(t_, start - 1);
      if (w.is("mid") || w.is("late") || w.is("early")) {
        prefix_tc = true;
      } else {
        return skip_token(c);  // "COVID-19", "post-9/11", "H-1B"
      }
    } else if (p == '/' || p == '#' || p == '@' || p == '\\' || p == '_' ||
               (p == '.' && start >= 2 && is_alnum(t_[start - 2]))) {
      return skip_token(c);
    }
  }
  Number num;
  if (!parse_number(t_, c, num)) return c + 1;
  size_t e = num.e;
  if (in_url_or_email(c)) return skip_token(e);

  // --- what comes right after: times, dates, IDs, ranges
  if (e < n) {
    char a = t_[e];
    char a1 = e + 1 < n ? t_[e + 1] : '\0';
    if (a == ':' && is_digit(a1)) {  // 5:30
      size_t i = skip_token(e);
      Word w = word_after(t_, i);
      if (w.is("a.m") || w.is("p.m") || w.is("am") || w.is("pm")) i = w.e;
      return i;
    }
    if ((a == '/' || a == '.' || a == ',' || a == '\\') && is_digit(a1)) return skip_token(e);
    if (a == '(' && is_alpha(a1) && e + 2 < n && t_[e + 2] == ')') return e + 3;  // 287(g)
    if (is_alpha(a)) {
      size_t le = e;
      while (le < n && is_alpha(t_[le])) ++le;
      std::string suf;
      for (size_t k = e; k < le && k - e < 12; ++k) suf += to_lower(t_[k]);
      double sc = scale_value(suf);
      if (!(sc >= 1e3 && (le >= n || !is_alnum(t_[le])))) return skip_token(e);  // 287g, 1st, 1990s
    }
    bool dash = a == '-' || en_dash_at(t_, e);
    size_t dl = a == '-' ? 1 : 3;
    if (dash && e + dl < n && is_digit(t_[e + dl])) {
      // Hyphen-joined groups: phone numbers, ISO dates, year and value ranges.
      Number second;
      parse_number(t_, e + dl, second);
      size_t after = second.e;
      bool more = after + 1 < n && (t_[after] == '-' || t_[after] == '.') && is_digit(t_[after + 1]);
      if (more || (num.int_digits == 3 && second.int_digits == 4 && !num.grouped)) return skip_token(e);
      if (is_year_value(num) &&
          (is_year_value(second) || (second.int_digits == 2 && !second.grouped))) {
        Figure f{start, e, num.value, Unit::year, 1, num.value, num.value + 1};
        f.time_context = true;
        emit(f, {});
        if (is_year_value(second)) {
          Figure g{e + dl, after, second.value, Unit::year, 1, second.value, second.value + 1};
          g.time_context = true;
          emit(g, {});
        }
        return after;
      }
      // a value range ("10-15 percent"): the second number is read on its own
    }
    if (a == ')' && start > 0 && t_[start - 1] == '(' && !num.grouped && num.decimals == 0) {
      if (num.int_digits <= 2) return e + 1;  // "(1)"
      // "(503) 555-0142"
      size_t p = skip_spaces(t_, e + 1);
      Number x;
      if (num.int_digits == 3 && p < n && is_digit(t_[p]) && parse_number(t_, p, x) && x.int_digits == 3 &&
          x.e < n && t_[x.e] == '-')
        return skip_token(x.e);
    }
    if (start > 0 && t_[start - 1] == '[' && a == ']') return e + 1;  // footnote [1]
    // List enumerators: "1." / "2)" / "- 1." at the start of a line.
    if ((a == '.' || a == ')') && !num.grouped && num.decimals == 0 && num.int_digits <= 3 &&
        (e + 1 >= n || space_len(t_, e + 1)) && line_prefix_is_bullets(start))
      return e + 1;
  }
  if (labelled(start, e)) return e;

  // --- dates: "May 04, 2012", "April 27", "27 April 2012"
  bool small_int = !num.grouped && num.decimals == 0 && num.int_digits <= 2 && num.value >= 1 &&
                   num.value <= 31 && !dollar;
  Word before = word_before(t_, start);
  Word after = word_after(t_, e);
  if (small_int && before.capitalized && is_month_name(before.str()) && before.e == skip_spaces_back(t_, start)) {
    size_t p = e;
    if (p < n && t_[p] == ',') ++p;
    size_t q = skip_spaces(t_, p);
    Number y;
    if (q > p && q < n && is_digit(t_[q]) && parse_number(t_, q, y) && y.int_digits == 4 && !y.grouped)
      return y.e;
    if (p < n && t_[p] != '%') return p;
  }
  if (small_int && after.capitalized && is_month_name(after.str()) && after.b > e) return e;
  // times: "10 a.m.", "5 pm"
  if (!dollar && (after.is("a.m") || after.is("p.m") || after.is("am") || after.is("pm") ||
                  after.is("o'clock")))
    return after.e;

  // --- unit, scale, ratio
  Figure f;
  f.begin = start;
  f.value = num.value;
  f.unit = dollar ? Unit::usd : Unit::count;
  double scale = 1;
  size_t end = e;
  // attached scale: "$4.2bn", "750m"
  if (e < n && is_alpha(t_[e])) {
    size_t le = e;
    std::string suf;
    while (le < n && is_alpha(t_[le])) suf += to_lower(t_[le++]);
    scale = scale_value(suf);
    end = le;
  }
  bool percent = false, points = false, ratio = false;
  double ratio_den = 0;
  if (scale == 1) {
    size_t p = skip_spaces(t_, end);
    if (p < n && t_[p] == '%' && p - end <= 1) {
      percent = true;
      end = p + 1;
      Word w = word_after(t_, end);
      if (w.is("percent") && w.b > end) end = w.e;  // "26% percent", a typo seen in the wild
    } else {
      Word w = word_after(t_, end);
      if (w.b > end || w.b == end) {
        if (w.is("percent") || w.is("pct") || w.is("percents")) {
          percent = true;
          end = w.e;
        } else if (w.is("per")) {
          Word w2 = word_after(t_, w.e);
          if (w2.is("cent")) {
            percent = true;
            end = w2.e;
          }
        } else if (w.is("percentage")) {
          Word w2 = word_after(t_, w.e);
          if (w2.is("points") || w2.is("point")) {
            points = true;
            end = w2.e;
          } else {
            // "12 percentage" alone is not a unit
          }
        } else if (double s = scale_value(w.str()); s >= 1e3 && w.len > 2 && w.b > end) {
          scale = s;
          end = w.e;
        } else if (s >= 1e6 && dollar && w.b > end) {  // "$750 m", "$4 bn"
          scale = s;
          end = w.e;
        } else if ((w.is("in") || w.is("out")) && w.b > end && !num.grouped && num.decimals == 0) {
          // "1 in 5", "3 out of 4"
          Word w2 = w.is("out") ? word_after(t_, w.e) : w;
          if (w2.is("in") || w2.is("of")) {
            size_t q = skip_spaces(t_, w2.e);
            Number den;
            Spelled sp;
            double dv = 0;
            size_t dend = 0;
            if (q < n && is_digit(t_[q]) && parse_number(t_, q, den) && den.decimals == 0 && !den.grouped) {
              dv = den.value;
              dend = den.e;
            } else if (q < n && is_alpha(t_[q]) && parse_spelled(t_, q, sp)) {
              dv = sp.value;
              dend = sp.end;
            }
            if (dv > num.value && dv <= 1000 && num.value >= 1 && dend &&
                (dend >= n || !is_alnum(t_[dend]))) {
              ratio = true;
              ratio_den = dv;
              end = dend;
            }
          }
        }
      }
    }
  }
  if (scale > 1) {
    Word w = word_after(t_, end);
    if (w.is("dollars") || w.is("dollar")) {
      f.unit = Unit::usd;
      end = w.e;
    }
  } else if (!percent && !points && !ratio) {
    Word w = word_after(t_, end);
    if ((w.is("dollars") || w.is("dollar")) && w.b > end) f.unit = Unit::usd;
  }
  f.end = end;
  const double prec = pow10(-num.decimals);
  if (ratio) {
    f.unit = Unit::percent;
    f.value = 100 * num.value / ratio_den;
    f.lo = f.value - 50 / ratio_den;
    f.hi = f.value + 50 / ratio_den;
    f.precision = 100 / ratio_den;
    f.verbal = true;
    emit_plain(f);
    return end;
  }
  if (percent || points) {
    f.unit = percent ? Unit::percent : Unit::points;
    f.precision = prec;
  } else if (scale > 1) {
    f.value = num.value * scale;
    f.precision = prec * scale;
  } else if (f.unit == Unit::count && is_year_value(num)) {
    Hedge h = find_hedge(start);
    bool quantity_hedge = !h.norm.empty() && h.norm != "about" && h.norm != "only";
    if (!quantity_hedge) {
      f.unit = Unit::year;
      f.precision = 1;
      f.lo = num.value;
      f.hi = num.value + 1;
      f.time_context = fy || prefix_tc || year_time_context(start, e);
      emit(f, {});
      return end;
    }
    f.precision = 1;
  } else if (num.decimals > 0) {
    f.precision = prec;
  } else {
    // 111,000 is stated to the thousand; 3,847 to the unit.
    double p = 1;
    for (int k = 0; k < num.zero_groups; ++k) p *= 1000;
    f.precision = p;
  }
  f.lo = f.value - f.precision / 2;
  f.hi = f.value + f.precision / 2;
  emit_plain(f);
  return end;
}

size_t Scanner::on_word(size_t c, size_t len) {
  const size_t n = t_.size();
  std::string w;
  for (size_t k = c; k < c + len; ++k) w += to_lower(t_[k]);
  Word prev = word_before(t_, c);
  if (prev.b < floor_) prev = Word{};
  bool article_a = prev.is("a") || prev.is("an");
  if (!prev.empty() && is_label_word(prev.str())) return c + len;  // "Level One"

  Figure f;
  f.begin = c;
  f.unit = Unit::percent;
  f.verbal = true;

  if (small_number_value(w) >= 0) {
    Spelled sp;
    if (!parse_spelled(t_, c, sp)) return c + len;
    size_t end = sp.end;
    // fractions: "three-quarters", "two-thirds", "one half"
    if (!sp.scaled && sp.value >= 1 && sp.value <= 9 && end < n && (t_[end] == '-' || t_[end] == ' ')) {
      Word d = word_after(t_, end + 1);
      int den = d.b == end + 1 ? fraction_denominator(d.str()) : 0;
      if (den > sp.value || (den && sp.value == 1)) {
        // "one quarter" needs a word after it that is not a time unit
        Word after = word_after(t_, d.e);
        if (after.is("century") || after.is("hour") || after.is("mile")) return d.e;
        f.value = 100 * sp.value / den;
        f.fraction = true;
        // A verbal fraction stands for the figures that round to it at the
        // nearest 5 points (48% and 52% are both "half"): +-2.5 points.
        f.lo = f.value - 2.5;
        f.hi = f.value + 2.5;
        f.precision = 5;
        f.end = d.e;
        emit_plain(f);
        return d.e;
      }
    }
    // ratios: "one in twenty", "four in five", "three out of four"
    if (!sp.scaled) {
      Word w1 = word_after(t_, end);
      Word w2 = w1.is("out") ? word_after(t_, w1.e) : w1;
      if ((w1.is("in") || (w1.is("out") && w2.is("of"))) && w1.b > end) {
        size_t q = skip_spaces(t_, w2.e);
        Spelled den;
        Number dn;
        double dv = 0;
        size_t dend = 0;
        if (q < n && is_alpha(t_[q]) && parse_spelled(t_, q, den) && !den.scaled) {
          dv = den.value;
          dend = den.end;
        } else if (q < n && is_digit(t_[q]) && parse_number(t_, q, dn) && dn.decimals == 0 && !dn.grouped) {
          dv = dn.value;
          dend = dn.e;
        }
        if (dv > sp.value && dv <= 1000 && sp.value >= 1) {
          f.value = 100 * sp.value / dv;
          f.lo = f.value - 50 / dv;  // half of 1/M either side
          f.hi = f.value + 50 / dv;
          f.precision = 100 / dv;
          if (sp.value == 1 && dv >= 3 && dv <= 10) {
            // "one in five" is nearer a fifth than a fourth or a sixth:
            // halfway to its neighbours, [18.3, 22.5) rather than [10, 30).
            f.lo = (100 / (dv + 1) + f.value) / 2;
            f.hi = (100 / (dv - 1) + f.value) / 2;
            f.precision = f.hi - f.lo;
          }
          f.end = dend;
          emit_plain(f);
          return dend;
        }
      }
    }
    f.verbal = false;
    Word u = word_after(t_, end);
    if (u.is("percent") || u.is("per")) {
      if (u.is("per")) {
        Word c2 = word_after(t_, u.e);
        if (!c2.is("cent")) return end;
        u.e = c2.e;
      }
      f.value = sp.value;
      f.precision = 1;
      f.lo = f.value - 0.5;
      f.hi = f.value + 0.5;
      f.end = u.e;
      emit_plain(f);
      return u.e;
    }
    if (u.is("percentage")) {
      Word p2 = word_after(t_, u.e);
      if (p2.is("points") || p2.is("point")) {
        f.unit = Unit::points;
        f.value = sp.value;
        f.precision = 1;
        f.lo = f.value - 0.5;
        f.hi = f.value + 0.5;
        f.end = p2.e;
        emit_plain(f);
        return p2.e;
      }
    }
    // Spelled numbers below ten without a unit or scale ("two documents",
    // "one of them", "four years") are almost never checkable figures and
    // would flood the report, so they are not mentions.
    if (!sp.scaled && sp.value < 10) return end;
    f.unit = Unit::count;
    if (u.is("dollars") || u.is("dollar")) {
      f.unit = Unit::usd;
      end = u.e;
    }
    f.value = sp.value;
    f.precision = sp.precision;
    f.lo = f.value - f.precision / 2;
    f.hi = f.value + f.precision / 2;
    f.end = end;
    emit_plain(f);
    return end;
  }

  Word next = word_after(t_, c + len);
  if (w == "dozen") {
    if (!article_a) return c + len;
    f.begin = prev.b;
    f.unit = Unit::count;
    f.verbal = false;
    f.value = 12;
    f.lo = 11.5;
    f.hi = 12.5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  if (w == "majority") {
    // "a majority" is more than half; "vast"/"overwhelming" is used for
    // shares of three quarters and up (the seeds say "a vast majority" of
    // 79%), so [75, 100].
    if (next.is("leader") || next.is("whip") || next.is("party") || next.is("opinion") ||
        next.is("vote") || next.is("rule") || next.is("owner") || next.is("stake"))
      return c + len;
    bool vast = false;
    size_t b = c;
    Word art = prev;
    if (prev.is("vast") || prev.is("overwhelming") || prev.is("large") || prev.is("clear") ||
        prev.is("slim") || prev.is("narrow") || prev.is("simple") || prev.is("bare") ||
        prev.is("substantial") || prev.is("great")) {
      vast = prev.is("vast") || prev.is("overwhelming");
      art = word_before(t_, prev.b);
      if (art.b < floor_) art = Word{};
      b = prev.b;
    }
    if (!(art.is("a") || art.is("the") || art.is("an"))) return c + len;
    f.begin = art.b;
    (void)b;
    f.value = vast ? 75 : 50;
    f.lo = vast ? 75 : just_above(50);
    f.hi = just_above(100);
    f.precision = 5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  int den = fraction_denominator(w);
  if (den) {
    if (c + len < n && t_[c + len] == '-') return c + len;  // "half-hearted"
    if (c > 0 && t_[c - 1] == '-') return c + len;           // "one-and-a-half", handled words
    if (w == "half") {
      if (prev.is("first") || prev.is("second") || prev.is("latter") || prev.is("former") ||
          prev.is("other") || prev.is("back") || prev.is("front") || prev.is("and") || prev.is("the") ||
          prev.is("one") || prev.is("two") || prev.is("and") || prev.is("on") || prev.is("behalf"))
        return c + len;
      if (article_a) return c + len;  // "a half" belongs to "one and a half"
      if (next.is("as") || next.is("an") || next.is("hour") || next.is("century") ||
          next.is("decade") || next.is("time") || next.is("way"))
        return c + len;
      f.begin = c;
    } else {
      // "a quarter of", "a third (33%)": needs the article and a following
      // "of", a parenthesis or the end of a phrase, not "a third party".
      if (!article_a || (w.back() == 's')) return c + len;
      size_t p = skip_spaces(t_, c + len);
      bool ok = next.is("of") || (p < n && (t_[p] == '(' || t_[p] == ',' || t_[p] == '.' ||
                                            t_[p] == ';' || t_[p] == ':')) ||
                p >= n;
      if (!ok) return c + len;
      f.begin = prev.b;
    }
    f.value = 100.0 / den;
    f.fraction = true;
    // A verbal fraction stands for the figures that round to it at the
    // nearest 5 points (48% and 52% are both "half"): +-2.5 points.
    f.lo = f.value - 2.5;
    f.hi = f.value + 2.5;
    f.precision = 5;
    f.end = c + len;
    emit_plain(f);
    return c + len;
  }
  return c + len;
}

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
      "\\$|[0-9]|(?i)\\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
      "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
      "sixty|seventy|eighty|ninety|dozen|half|quarter|third|fifth|tenth|majority)\\b");
  re2::StringPiece text(t_.data(), t_.size());
  size_t pos = 0;
  re2::StringPiece m;
  while (pos < t_.size() && kCandidate.Match(text, pos, t_.size(), RE2::UNANCHORED, &m, 1)) {
    size_t c = size_t(m.data() - t_.data());
    size_t next = (t_[c] == '$' || is_digit(t_[c])) ? on_number(c) : on_word(c, m.size());
    pos = std::max(next, c + 1);
  }
  merge_glosses();
  return std::move(out_);
}

}  // namespace

std::vector<Mention> extract_mentions(std::string_view text) {
  // Digits of other scripts, full-width signs, space separators and invisible
  // characters are read on the text's figure-reading form; spans map back.
  auto form = extract::normalize_figures(text);
  if (!form) return Scanner(text).run();
  std::vector<Mention> ms = Scanner(form->text, text, &*form).run();
  for (auto& m : ms) {
    m.begin = form->begin_of(m.begin);
    m.end = form->end_of(m.end);
  }
  return ms;
}

}  // namespace claimcheck
