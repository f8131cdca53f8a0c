// rules.hpp — rules files: the vocabulary of five frame dimensions (the
// category dimension split into named facets by format version 2) and the
// reference figures (claims) drafts are checked against.
//
//   claimcheck::Diagnostics diags;
//   auto rules = claimcheck::load_rules({"rules/secure-communities.json"}, diags);
//   if (!rules) { /* every problem of every file is in diags */ }
//   for (auto& hit : rules->match_vocabulary(sentence)) ...
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/mention.hpp"
#include "claimcheck/period.hpp"

namespace claimcheck {

// What a figure measures. Empty strings / sets / periods mean "not stated".
struct Frame {
  std::string program;
  std::string measure;
  // Category ids of every facet together. Rules::facet_of groups them: "or"
  // inside one facet, "and" across facets (version 1 has one facet,
  // "category", so the whole set is read as "or").
  std::set<std::string> category;
  std::optional<Period> period;
  std::string place;
};

struct Source {
  std::string title;
  std::string publisher;
  std::string doc;  // file name of the corpus document that states it
  std::string url;
};

// A claim that is a change between two periods (format version 2):
// absolute in the series' unit (points for a percent series), relative in
// percent of the earlier level, or a multiple of it.
struct ChangeClaim {
  ChangeKind kind = ChangeKind::absolute;
  Direction direction = Direction::none;  // none only for a multiple
  Period from;  // the earlier period
  Period to;    // the later period
};

struct Claim {
  std::string id;
  double value = 0;
  Unit unit = Unit::count;
  // Unit detail, as on Mention: ISO code of a currency ("EUR"), unit of a
  // duration ("month"); `per` is the base of a rate (100000).
  std::string unit_text;
  double per = 0;
  // Set for a change claim; its frame's period then spans from.from .. to.to.
  std::optional<ChangeClaim> change;
  Frame frame;  // defaults of its file already applied
  std::string definition;
  Source source;
  std::optional<double> tolerance;  // +/- around value, overrides precision
  // Digits after the decimal point as the rules file writes the value
  // ("4.0" -> 1, so 4.0 stands for [3.95, 4.05]); -1 when not known.
  int decimals = -1;
  std::vector<std::string> sum_of;
  std::vector<std::string> ratio_of;  // [numerator, denominator]
  std::vector<std::string> difference_of;  // [a, b]: value = a - b
  std::vector<std::string> exclusive_with;
  std::string superseded_by;
  std::string file;  // rules file and line it was declared at
  int line = 0;
};

// Half a unit of the last digit a claim's value is written with: 0.05 for
// "4.0", 0.5 for "79", 0.5 for "47000" (use `tolerance` for a rounded count).
double claim_half_unit(const Claim& c);

enum class Dimension { program, measure, category, period, place };
std::string_view dimension_name(Dimension d);

// Where one dimension of a figure's frame comes from: its own clause
// (stated), its sentence, paragraph, heading or a back-reference (context),
// the rules' defaults (default), or nowhere (unknown). Only stated and
// context are positive evidence; a default never makes a figure about a claim.
enum class Origin { unknown, default_value, context, stated };
std::string_view origin_name(Origin o);  // "unknown", "default", "context", "stated"
inline bool is_positive(Origin o) { return o == Origin::stated || o == Origin::context; }

struct FrameSource {
  Origin program = Origin::unknown;
  Origin measure = Origin::unknown;
  Origin category = Origin::unknown;
  Origin period = Origin::unknown;
  Origin place = Origin::unknown;
  Origin& at(Dimension d);
  Origin at(Dimension d) const;
};

// A vocabulary phrase found in text.
struct VocabularyHit {
  Dimension dimension;
  std::string id;
  size_t begin = 0;  // byte span in the text matched
  size_t end = 0;
};

class Rules {
 public:
  Rules();
  ~Rules();
  Rules(Rules&&) noexcept;
  Rules& operator=(Rules&&) noexcept;

  const std::vector<Claim>& claims() const;
  const Claim* find_claim(std::string_view id) const;
  // Defaults of the first rules file ("program", "place" ...).
  const Frame& defaults() const;
  // Period a vocabulary period id stands for.
  std::optional<Period> vocabulary_period(std::string_view id) const;
  std::vector<std::string> titles() const;
  // The vocabulary's phrases for an id, as written ("/Level [23]/" included).
  const std::vector<std::string>& phrases(Dimension d, std::string_view id) const;
  // Is `id` a value of dimension `d` in the vocabulary or a claim's frame?
  bool has_vocabulary_id(Dimension d, std::string_view id) const;

  // Format version of the first file (1 or 2).
  int version() const;
  // First month of the fiscal year the files' period strings use (10: the
  // US federal year, FY2011 = 2010-10-01 .. 2011-09-30).
  int fiscal_year_start() const;
  // Facets of the category dimension, in the order declared ("category"
  // first, always present). A category id belongs to exactly one facet.
  const std::vector<std::string>& facets() const;
  std::string_view facet_of(std::string_view category_id) const;  // "category" if undeclared
  // The finding kind a positive difference in `facet` produces
  // ("definition-mismatch" for "category").
  std::string_view facet_kind(std::string_view facet) const;
  // Hierarchy: the id `id` is declared "within" (empty when none), and
  // whether `ancestor` is `id`'s parent, grandparent ...
  std::string_view parent_of(Dimension d, std::string_view id) const;
  bool is_within(Dimension d, std::string_view id, std::string_view ancestor) const;

  // Every vocabulary phrase in `text`, leftmost-longest, non-overlapping per
  // dimension, in text order. One pass per dimension (compiled once).
  std::vector<VocabularyHit> match_vocabulary(std::string_view text) const;

  struct Impl;

 private:
  friend std::optional<Rules> load_rules(const std::vector<std::string>& paths,
                                         Diagnostics& diags);
  friend std::optional<Rules> load_rules_from_strings(
      const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& diags);
  std::unique_ptr<Impl> impl_;
};

// Loads and validates rules files (claim ids are unique across all of them).
// Reports every problem as file:line:column with the JSON path of the field;
// returns nullopt when any error was found.
std::optional<Rules> load_rules(const std::vector<std::string>& paths, Diagnostics& diags);
// Same, from (name, contents) pairs.
std::optional<Rules> load_rules_from_strings(
    const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& diags);

// Load plus smells as warnings: claims without a source, shadowing phrases,
// duplicate frame+value claims.
void lint_rules(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace claimcheck
