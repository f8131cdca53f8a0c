// scanner.hpp — the figure scanner shared by the files that read each form
// of figure: numerals (numerals.cpp), number words (number_words.cpp), hedges
// and intervals (hedges.cpp), non-figures (non_figures.cpp), and the passes
// over what was read (mentions.cpp). Internal.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/mention.hpp"
#include "extract/lex.hpp"
#include "extract/normalize.hpp"

namespace claimcheck::extract {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr size_t npos = std::string_view::npos;

// Upper bound that includes `v` itself in a half-open interval [lo, hi).
inline double just_above(double v) { return std::nextafter(v, kInf); }

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
  bool negative = false;  // "-1.3%", "minus 5": the interval is mirrored when emitted
  bool minor = false;     // a small spelled-out number ("two agencies")
  std::string unit_text;  // see Mention::unit_text
  double per = 0;         // Unit::rate
  std::string counted;    // the counted noun, where the form itself gives it
  double scale = 1;       // "million" in "$2.5 million": ranges carry it to their low end
  ChangeKind change = ChangeKind::none;
  Direction direction = Direction::none;
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

bool parse_number(std::string_view t, size_t i, Number& n);
double pow10(int k);
bool is_year_value(const Number& n);
bool en_dash_at(std::string_view t, size_t i);

bool is_label_word(std::string_view w);
// Score and vote context ("won 3-1", "a 5-4 ruling"): X-Y is not a range.
bool is_score_word(std::string_view w);
// A name that a number completes ("FTSE 100", "Model 3", "Game 7").
bool names_number(const Word& before, std::string_view t);
bool is_name_word(std::string_view w);  // "model", "game", "ftse": a name wherever it stands

// unit_words.cpp: currency marks and codes, unit words, durations.
std::string_view currency_symbol_at(std::string_view t, size_t i, size_t& len);  // ISO code or ""
std::string_view dollar_prefix(std::string_view word);       // "us" -> USD (before "$")
std::string_view currency_code_word(std::string_view word);  // "usd", "eur", "rs" -> code
std::string_view currency_name(std::string_view word, std::string_view adjective);  // "euros" -> EUR
std::string_view duration_unit(std::string_view word);  // "months" -> "month"
bool is_other_unit(std::string_view word);               // "km", "mph", "tonnes"
void set_currency(Figure& f, std::string_view code);

// changes.cpp: words that make a figure the amount of a change.
Direction change_verb(std::string_view w);  // "rose" up, "fell" down
Direction change_noun(std::string_view w);  // "increase" up, "drop" down
bool is_start_verb(std::string_view w);
bool is_time_preposition(std::string_view w);

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
  // A scaled count in words ending at `end` ("a million", "half a billion"),
  // in dollars when "dollars" follows. Returns where the figure ends.
  size_t emit_count(Figure f, size_t end);
  void merge_glosses();
  // The unit words after a number's end: currency, durations, other units,
  // rates, multipliers. Returns the new end.
  size_t read_unit_after(Figure& f, size_t end, bool plain);
  // "times" at `after_times` makes a multiplier ("three times the size"),
  // not a count of occasions ("three times a week", "voted three times").
  bool times_is_multiplier(size_t after_times) const;
  // End of a two-word unit starting with `w` ("light years"), else 0.
  size_t two_word_unit(const Word& w) const;
  // "200 Park Lane", "0800 123 4567", "by 7 votes to 2": where a number
  // that is an address, a phone number or a tally ends, else 0.
  size_t not_a_quantity(size_t start, const Number& num) const;
  // Passes over what was read: ranges, change amounts, trends, counted nouns.
  void join_ranges();
  void mark_changes();
  void link_trends();
  void find_counted();

  std::string_view t_;
  std::string_view original_;
  const FigureText* form_;
  // The mention text of a span: the original's bytes when reading its form.
  std::string text_of(size_t b, size_t e) const;

  std::vector<Mention> out_;
  std::vector<double> scale_;  // Figure::scale of each mention in out_, until ranges are joined
  size_t floor_ = 0;           // hedges and articles never reach before this
  size_t label_end_ = npos;    // end of the last labelled number ("Levels 2 and 3")
};

}  // namespace claimcheck::extract
