// rules.hpp — rules files: the vocabulary of five frame dimensions and the
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
  std::set<std::string> category;  // read as "or"
  std::optional<Period> period;
  std::string place;
};

struct Source {
  std::string title;
  std::string publisher;
  std::string doc;  // file name of the corpus document that states it
  std::string url;
};

struct Claim {
  std::string id;
  double value = 0;
  Unit unit = Unit::count;
  Frame frame;  // defaults of its file already applied
  std::string definition;
  Source source;
  std::optional<double> tolerance;  // +/- around value, overrides precision
  std::vector<std::string> sum_of;
  std::vector<std::string> ratio_of;  // [numerator, denominator]
  std::vector<std::string> exclusive_with;
  std::string superseded_by;
  std::string file;  // rules file and line it was declared at
  int line = 0;
};

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
