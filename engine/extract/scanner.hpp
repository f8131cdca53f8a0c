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
  void merge_glosses();

  std::string_view t_;
  std::string_view original_;
  const FigureText* form_;
  std::vector<Mention> out_;
  size_t floor_ = 0;           // hedges and articles never reach before this
  size_t label_end_ = npos;    // end of the last labelled number ("Levels 2 and 3")
};

}  // namespace claimcheck::extract
