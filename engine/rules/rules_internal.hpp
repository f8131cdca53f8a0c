// rules_internal.hpp — what loading a rules file leaves behind for lint and
// for the Rules facade. Not installed; the public API is claimcheck/rules.hpp.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"
#include "rules/json_positions.hpp"
#include "rules/vocabulary.hpp"

namespace claimcheck {

struct Rules::Impl {
  std::vector<Claim> claims;
  std::unordered_map<std::string, size_t> by_id;
  Frame defaults;
  std::map<std::string, Period> periods;  // vocabulary period id -> period
  std::vector<std::string> titles;
  rules_detail::CompiledVocabulary vocabulary;
  std::set<std::pair<Dimension, std::string>> ids;  // vocabulary and claim frame ids
  std::map<std::pair<Dimension, std::string>, std::vector<std::string>> phrases;  // as written
  int version = 1;
  int fiscal_year_start = 10;
  std::vector<std::string> facets{"category"};                               // in declared order
  std::map<std::string, std::string> facet_kinds{{"category", "definition-mismatch"}};
  std::map<std::string, std::string> facet_of;                             // category id -> facet
  std::map<std::pair<Dimension, std::string>, std::string> parents;        // id -> "within" id
};

namespace rules_detail {

// One phrase of the vocabulary and where it was written.
struct PhraseRecord {
  Dimension dimension;
  std::string id;
  std::string phrase;
  std::string file;
  std::string path;
  SourcePos pos;
};

// One claim that loaded well enough to be looked at, and where it was written.
struct ClaimRecord {
  Claim claim;
  std::string file;
  std::string path;
  SourcePos pos;
  bool has_source = false;
};

// Everything lint needs beyond the diagnostics of loading.
struct LoadDetails {
  std::vector<PhraseRecord> phrases;
  std::vector<ClaimRecord> claims;
  std::map<std::pair<Dimension, std::string>, std::string> parents;  // the hierarchy declared
};

// The loader behind load_rules / load_rules_from_strings / lint_rules.
// Files that could not be read carry the reason in read_error.
struct RulesInput {
  std::string name;
  std::string text;
  std::string read_error;  // non-empty: the file could not be read
};
// Returns the loaded rules, or null when any error was reported.
std::unique_ptr<Rules::Impl> load_rules_checked(const std::vector<RulesInput>& files,
                                                Diagnostics& diags, LoadDetails* details);

// Reads files from disk into RulesInput (size-limited).
std::vector<RulesInput> read_rules_files(const std::vector<std::string>& paths);

}  // namespace rules_detail
}  // namespace claimcheck

namespace claimcheck::rules_detail {
// Adds `found` to `out` sorted by file (in the order of `files`), line, column.
void append_in_file_order(const Diagnostics& found, const std::vector<RulesInput>& files, Diagnostics& out);
// lint_rules on contents already in memory (tests use it); with `corpus`,
// phrases that no figure sentence of it holds are reported too.
void lint_inputs(const std::vector<RulesInput>& files, Diagnostics& diags, const Index* corpus = nullptr);
// Lowercased, whitespace collapsed: the form phrases are compared in.
std::string normalize_phrase(std::string_view phrase);
}  // namespace claimcheck::rules_detail
