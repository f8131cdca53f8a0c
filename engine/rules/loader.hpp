// loader.hpp — the loader of rules files, shared by the files that implement
// its phases: loader.cpp (files, versions, facets, vocabulary), claims.cpp
// (claims, frames, units, changes) and relations.cpp (references across
// files, relations and their arithmetic). Internal to engine/rules.
//
// Loading runs in phases over all files given, so that every problem of every
// file is reported in one run (mold's "report every error, then stop"):
//   1. parse each file with positions and check its shape: fields, types,
//      version, facets, phrases, RE2 patterns, literal periods;
//   2. merge the vocabularies of all files;
//   3. resolve what refers across files: vocabulary ids (and their facets
//      and hierarchy) in defaults and frames, period ids and period strings,
//      claim ids in relations (duplicates, cycles, arithmetic);
//   4. compile the vocabulary once.
// The known fields of every object live in one table each, below.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/rules_internal.hpp"

namespace claimcheck::rules_detail {

using nlohmann::json;

constexpr int kNewestVersion = 2;

// Known fields of every object of the format, in the order the docs list
// them. A file may use only the fields of its version: an unknown field is a
// typo until a later version defines it, so it is an error rather than
// silently ignored.
inline const std::vector<std::string> kTopFields = {"$schema",  "claimcheck_rules", "title", "description",
                                                    "defaults", "vocabulary",       "claims"};
inline const std::vector<std::string> kTopFieldsV2 = {"facets", "fiscal_year_start"};
inline const std::vector<std::string> kDefaultsFields = {"program", "measure", "place"};
inline const std::vector<std::string> kDimensionFields = {"program", "measure", "category", "place", "period"};
inline const std::vector<std::string> kVocabularyPeriodFields = {"phrases", "from", "to"};
inline const std::vector<std::string> kVocabularyEntryFields = {"phrases", "within"};  // version 2
inline const std::vector<std::string> kFacetFields = {"kind", "description"};
inline const std::vector<std::string> kClaimFields = {"id",         "value",     "unit",           "frame",
                                                      "definition", "source",    "tolerance",      "sum_of",
                                                      "ratio_of",   "exclusive_with", "superseded_by"};
inline const std::vector<std::string> kClaimFieldsV2 = {"per", "unit_text", "change", "difference_of"};
inline const std::vector<std::string> kFrameFields = {"program", "measure", "category", "period", "place"};
inline const std::vector<std::string> kSourceFields = {"title", "publisher", "doc", "url"};
inline const std::vector<std::string> kPeriodFields = {"from", "to"};
inline const std::vector<std::string> kChangeFields = {"from", "to", "direction", "kind"};
// The finding kinds a facet may produce: one dimension of the frame differs.
inline const std::vector<std::string> kFacetKinds = {"definition-mismatch", "population-mismatch",
                                                     "program-mismatch", "period-mismatch"};

std::string join(const std::vector<std::string>& items, size_t limit = 40);
std::string type_name(const json& v);
// " (did you mean \"low-level\"?)" when one known name is close.
std::string suggestion(const std::string& given, const std::vector<std::string>& known);
std::optional<Dimension> dimension_from_name(std::string_view name);
// Half a unit of the last digit a value is written with: 0.5 for 79, 0.05 for 2.5.
double half_unit(double value);
std::string format_number(double v);
// Digits after the decimal point of the number that starts at `pos` in
// `text` as written ("4.0" -> 1, "47000" -> 0); -1 when it cannot be read.
// `line_starts`: byte offset of each line (so a file of many claims is read once).
int written_decimals(std::string_view text, const std::vector<size_t>& line_starts, bool ascii, SourcePos pos);

struct FileState {
  std::string name;
  PositionedJson doc;
  Frame defaults;  // ids as written, checked in phase 3
  int version = 1;
  int fiscal_year_start = 10;
  std::string_view text;  // the file as read (lives as long as the loader's inputs)
  std::vector<size_t> line_starts;  // byte offset of each line of `text`
  bool ascii = true;                // then a column is a byte
};

// A period string ("FY2011", "2022-01", a vocabulary id) resolved in phase 3.
struct PendingPeriod {
  enum Slot { frame, change_from, change_to } slot = frame;
  std::string text;
  std::string path;
};

// A claim as read in phase 1, with what phase 3 still has to resolve.
struct PendingClaim {
  size_t file = 0;
  std::string path;
  Claim claim;
  bool usable = true;  // has an id, a value and a unit of the right types
  bool has_source = false;
  bool period_given = false;
  std::vector<PendingPeriod> periods;
  std::string period_path;
};

// A vocabulary id named somewhere (defaults or a frame); checked in phase 3.
struct IdReference {
  Dimension dimension;
  std::string id;
  size_t file;
  std::string path;
  std::string facet;  // for category ids: the facet the frame names
};

struct VocabularyId {
  size_t file;
  std::string path;
  std::string facet;   // category ids: the facet declared in
  std::string within;  // parent id, "" for none
};

struct FacetDecl {
  std::string kind;
  size_t file;
  std::string path;
};

class Loader {
 public:
  explicit Loader(Diagnostics& diags) : diags_(diags) {}
  std::unique_ptr<Rules::Impl> run(const std::vector<RulesInput>& inputs, LoadDetails* details);

 private:
  // --- diagnostics (loader.cpp) -------------------------------------------
  void error_at(size_t file, SourcePos pos, const std::string& message);
  // At the value of `path`.
  void error(size_t file, const std::string& path, const std::string& message);
  // At the key of `path` (unknown fields).
  void error_key(size_t file, const std::string& path, const std::string& message);
  std::string where(size_t file, const std::string& path) const;

  // --- shape checks (loader.cpp) ------------------------------------------
  // Unknown members of an object are errors naming the known ones.
  void check_fields(size_t file, const std::string& path, const json& object,
                    const std::vector<std::string>& known);
  // As check_fields, naming the version that adds a field of `newer`.
  void check_fields_versioned(size_t file, const std::string& path, const json& object,
                              const std::vector<std::string>& known, const std::vector<std::string>& newer);
  bool expect(size_t file, const std::string& path, const json& v, bool ok, const std::string& what);
  // A non-empty string, or an error.
  std::optional<std::string> get_string(size_t file, const std::string& path, const json& v);
  std::optional<Day> get_day(size_t file, const std::string& path, const json& v);
  // {"from": ISO, "to": ISO}, either end optional.
  std::optional<Period> read_period_object(size_t file, const std::string& path, const json& v,
                                           const std::vector<std::string>& known);

  // --- phase 1: one file (loader.cpp) -------------------------------------
  void read_file(const RulesInput& input);
  // "claimcheck_rules": 1 or 2 — checked first, since a newer file is not ours to judge.
  bool check_version(size_t file, const json& root);
  void read_fiscal_year_start(size_t file, const json& v);
  void read_facets(size_t file, const json& v);
  void read_defaults(size_t file, const json& v);
  void read_phrase(size_t file, Dimension dim, const std::string& id, const std::string& path, const json& v);
  void read_phrase_list(size_t file, Dimension dim, const std::string& id, const std::string& path,
                        const json& v);
  void read_vocabulary(size_t file, const json& v);
  void read_vocabulary_id(size_t file, Dimension dim, const std::string& facet, const std::string& id,
                          const std::string& path, const json& v);
  // The facet a vocabulary or frame key names in this file, if any.
  std::optional<std::string> facet_named(size_t file, const std::string& key) const;

  // --- phase 1: claims (claims.cpp) ---------------------------------------
  // A list of claim ids (sum_of, exclusive_with, ratio_of, difference_of).
  std::vector<std::string> read_id_list(size_t file, const std::string& path, const json& v);
  void read_frame(size_t file, const std::string& path, const json& v, PendingClaim& p);
  void read_category_ids(size_t file, const std::string& path, const json& c, const std::string& facet,
                         PendingClaim& p);
  void read_claim(size_t file, const std::string& path, const json& v);
  bool read_unit(size_t file, const std::string& path, const json& v, Claim& c);
  void read_change(size_t file, const std::string& path, const json& v, PendingClaim& p);
  void read_period_field(size_t file, const std::string& path, const json& v, PendingClaim& p,
                         PendingPeriod::Slot slot);

  // --- phase 3: references and relations (relations.cpp) ------------------
  std::vector<std::string> known_ids(Dimension dim) const;
  void resolve_references();
  void resolve_hierarchy();
  void resolve_periods(PendingClaim& p);
  const PendingClaim* find(const std::string& id) const;
  bool check_ids(const PendingClaim& p, const char* field, const std::vector<std::string>& ids);
  void check_relations();
  // How far a claim's value may be from the truth: its tolerance, else half
  // a unit of the last digit it is written with.
  static double slack(const Claim& c);  // uses Claim::decimals when known
  void check_sum(const PendingClaim& p);
  void check_ratio(const PendingClaim& p);
  void check_difference(const PendingClaim& p);
  void check_exclusive(const PendingClaim& p);

  // --- phase 4 (loader.cpp) -----------------------------------------------
  void build_vocabulary(Rules::Impl& impl);

  Diagnostics& diags_;
  std::vector<FileState> files_;
  std::vector<std::string> titles_;
  std::vector<PhraseRecord> phrases_;
  std::vector<PendingClaim> claims_;
  std::vector<IdReference> id_refs_;
  std::map<Dimension, std::map<std::string, VocabularyId>> vocabulary_ids_;
  std::map<std::string, FacetDecl> facets_;  // declared facets ("category" built in)
  std::vector<std::string> facet_order_;
  std::map<std::string, Period> periods_;
  std::map<std::string, std::pair<size_t, std::string>> period_where_;
  std::map<std::string, std::pair<size_t, std::string>> claim_ids_;
  std::map<std::string, size_t> by_id_;
};

// Are two claims' units the same, detail included (currency code, rate base)?
bool same_unit(const Claim& a, const Claim& b);

}  // namespace claimcheck::rules_detail
