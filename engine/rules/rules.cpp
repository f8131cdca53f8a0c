// rules.cpp — loading and validating rules files (format version 1).
//
// Loading runs in phases over all files given, so that every problem of every
// file is reported in one run (mold's "report every error, then stop"):
//   1. parse each file with positions and check its shape: fields, types,
//      version, phrases, RE2 patterns, literal periods;
//   2. merge the vocabularies of all files;
//   3. resolve what refers across files: vocabulary ids in defaults and frames,
//      period ids, claim ids in relations (duplicates, cycles, arithmetic);
//   4. compile the vocabulary once.
// The known fields of every object live in one table (kFields) below.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <tuple>

#include "rules/rules_internal.hpp"

namespace claimcheck {

std::string_view dimension_name(Dimension d) {
  switch (d) {
    case Dimension::program: return "program";
    case Dimension::measure: return "measure";
    case Dimension::category: return "category";
    case Dimension::period: return "period";
    case Dimension::place: return "place";
  }
  return "program";
}

std::string_view origin_name(Origin o) {
  switch (o) {
    case Origin::unknown: return "unknown";
    case Origin::default_value: return "default";
    case Origin::context: return "context";
    case Origin::stated: return "stated";
  }
  return "unknown";
}

Origin& FrameSource::at(Dimension d) {
  switch (d) {
    case Dimension::program: return program;
    case Dimension::measure: return measure;
    case Dimension::category: return category;
    case Dimension::period: return period;
    case Dimension::place: return place;
  }
  return program;
}

Origin FrameSource::at(Dimension d) const { return const_cast<FrameSource*>(this)->at(d); }

namespace rules_detail {
namespace {

using nlohmann::json;

constexpr int kSupportedVersion = 1;
constexpr size_t kMaxRulesFileBytes = 16u << 20;  // 16 MB: far beyond any hand-written file

// Known fields of every object of the format, in the order the docs list them.
// A version 1 file may use only these: an unknown field is a typo until a
// later version defines it, so it is an error rather than silently ignored.
const std::vector<std::string> kTopFields = {"$schema",  "claimcheck_rules", "title", "description",
                                             "defaults", "vocabulary",       "claims"};
const std::vector<std::string> kDefaultsFields = {"program", "measure", "place"};
const std::vector<std::string> kDimensionFields = {"program", "measure", "category", "place", "period"};
const std::vector<std::string> kVocabularyPeriodFields = {"phrases", "from", "to"};
const std::vector<std::string> kClaimFields = {"id",         "value",     "unit",           "frame",
                                               "definition", "source",    "tolerance",      "sum_of",
                                               "ratio_of",   "exclusive_with", "superseded_by"};
const std::vector<std::string> kFrameFields = {"program", "measure", "category", "period", "place"};
const std::vector<std::string> kSourceFields = {"title", "publisher", "doc", "url"};
const std::vector<std::string> kPeriodFields = {"from", "to"};

std::string join(const std::vector<std::string>& items, size_t limit = 40) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == limit) return out + ", ... (" + std::to_string(items.size() - limit) + " more)";
    if (i) out += ", ";
    out += items[i];
  }
  return out.empty() ? "none" : out;
}

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// " (did you mean \"low-level\"?)" when one known name is close.
std::string suggestion(const std::string& given, const std::vector<std::string>& known) {
  std::string best;
  size_t best_distance = 3;
  for (const auto& k : known) {
    size_t d = edit_distance(given, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

std::optional<Dimension> dimension_from_name(std::string_view name) {
  if (name == "program") return Dimension::program;
  if (name == "measure") return Dimension::measure;
  if (name == "category") return Dimension::category;
  if (name == "place") return Dimension::place;
  if (name == "period") return Dimension::period;
  return std::nullopt;
}

// Half a unit of the last digit a value is written with: 0.5 for 79, 0.05 for 2.5.
double half_unit(double value) {
  double step = 1;
  for (int i = 0; i < 6 && std::fabs(value * (1 / step) - std::round(value * (1 / step))) > 1e-9; ++i)
    step /= 10;
  return step / 2;
}

std::string format_number(double v) {
  std::ostringstream out;
  out.precision(12);
  out << v;
  return out.str();
}

struct FileState {
  std::string name;
  PositionedJson doc;
  Frame defaults;  // ids as written, checked in phase 3
};

// A claim as read in phase 1, with what phase 3 still has to resolve.
struct PendingClaim {
  size_t file = 0;
  std::string path;
  Claim claim;
  bool usable = true;  // has an id, a value and a unit of the right types
  bool has_source = false;
  bool period_given = false;
  std::string period_text;  // a period string: a vocabulary id or a parse_period form
  std::string period_path;
};

// A vocabulary id named somewhere (defaults or a frame); checked in phase 3.
struct IdReference {
  Dimension dimension;
  std::string id;
  size_t file;
  std::string path;
};

struct VocabularyId {
  size_t file;
  std::string path;
};

class Loader {
 public:
  explicit Loader(Diagnostics& diags) : diags_(diags) {}

  std::unique_ptr<Rules::Impl> run(const std::vector<RulesInput>& inputs, LoadDetails* details) {
    const size_t errors_before = diags_.error_count();
    for (const auto& input : inputs) read_file(input);
    resolve_references();
    check_relations();
    auto impl = std::make_unique<Rules::Impl>();
    build_vocabulary(*impl);
    if (details) {
      details->phrases = phrases_;
      for (const auto& p : claims_)
        if (p.usable)
          details->claims.push_back(
              {p.claim, files_[p.file].name, p.path, files_[p.file].doc.value_at(p.path), p.has_source});
    }
    if (diags_.error_count() > errors_before) return nullptr;
    for (auto& p : claims_) {
      impl->by_id.emplace(p.claim.id, impl->claims.size());
      {
        const Frame& f = p.claim.frame;
        if (!f.program.empty()) impl->ids.emplace(Dimension::program, f.program);
        if (!f.measure.empty()) impl->ids.emplace(Dimension::measure, f.measure);
        if (!f.place.empty()) impl->ids.emplace(Dimension::place, f.place);
        for (const auto& c : f.category) impl->ids.emplace(Dimension::category, c);
      }
      impl->claims.push_back(std::move(p.claim));
    }
    if (!files_.empty()) impl->defaults = files_.front().defaults;
    for (auto& [id, period] : periods_) impl->periods[id] = period;
    impl->titles = titles_;
    return impl;
  }

 private:
  // --- diagnostics --------------------------------------------------------

  void error_at(size_t file, SourcePos pos, const std::string& message) {
    diags_.error(files_[file].name, pos.line, pos.column, message);
  }
  // At the value of `path`.
  void error(size_t file, const std::string& path, const std::string& message) {
    error_at(file, files_[file].doc.value_at(path), path.empty() ? message : path + ": " + message);
  }
  // At the key of `path` (unknown fields).
  void error_key(size_t file, const std::string& path, const std::string& message) {
    error_at(file, files_[file].doc.key_at(path), path + ": " + message);
  }
  std::string where(size_t file, const std::string& path) const {
    SourcePos p = files_[file].doc.value_at(path);
    return files_[file].name + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
  }

  // --- shape checks --------------------------------------------------------

  // Unknown members of an object are errors naming the known ones.
  void check_fields(size_t file, const std::string& path, const json& object,
                    const std::vector<std::string>& known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
      error_key(file, member_path(path, it.key()),
                "unknown field \"" + it.key() + "\"" + suggestion(it.key(), known) + " (known: " +
                    join(known) + ")");
    }
  }

  bool expect(size_t file, const std::string& path, const json& v, bool ok, const std::string& what) {
    if (!ok) error(file, path, "expected " + what + ", found " + type_name(v));
    return ok;
  }

  // A non-empty string, or an error.
  std::optional<std::string> get_string(size_t file, const std::string& path, const json& v) {
    if (!expect(file, path, v, v.is_string(), "a string")) return std::nullopt;
    std::string s = v.get<std::string>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(file, path, "must not be empty");
      return std::nullopt;
    }
    return s;
  }

  std::optional<Day> get_day(size_t file, const std::string& path, const json& v) {
    auto s = get_string(file, path, v);
    if (!s) return std::nullopt;
    auto day = parse_iso_day(*s);
    if (!day) error(file, path, "\"" + *s + "\" is not a date in the form YYYY-MM-DD");
    return day;
  }

  // {"from": ISO, "to": ISO}, either end optional.
  std::optional<Period> read_period_object(size_t file, const std::string& path, const json& v,
                                           const std::vector<std::string>& known) {
    check_fields(file, path, v, known);
    Period p;
    bool ok = true;
    if (v.contains("from")) {
      auto d = get_day(file, member_path(path, "from"), v["from"]);
      ok = ok && d.has_value();
      if (d) p.from = *d;
    }
    if (v.contains("to")) {
      auto d = get_day(file, member_path(path, "to"), v["to"]);
      ok = ok && d.has_value();
      if (d) p.to = *d;
    }
    if (!ok) return std::nullopt;
    if (!v.contains("from") && !v.contains("to")) {
      error(file, path, "a period needs \"from\", \"to\" or both");
      return std::nullopt;
    }
    if (p.from && p.to && p.from > p.to) {
      error(file, path, "period starts (" + format_day(p.from) + ") after it ends (" + format_day(p.to) + ")");
      return std::nullopt;
    }
    return p;
  }

  // --- phase 1: one file ---------------------------------------------------

  void read_file(const RulesInput& input) {
    if (!input.read_error.empty()) {
      diags_.error(input.name, 0, 0, "cannot read rules file: " + input.read_error);
      return;
    }
    auto parsed = parse_json_with_positions(input.text);
    if (auto* syntax = std::get_if<JsonSyntaxError>(&parsed)) {
      diags_.error(input.name, syntax->pos.line, syntax->pos.column, "invalid JSON: " + syntax->message);
      return;
    }
    const size_t file = files_.size();
    files_.push_back({input.name, std::move(std::get<PositionedJson>(parsed)), {}});
    for (const auto& problem : files_[file].doc.problems) error_at(file, problem.pos, problem.message);
    const json& root = files_[file].doc.value;
    if (!root.is_object()) {
      error_at(file, SourcePos{}, "a rules file is a JSON object, found " + type_name(root));
      return;
    }
    if (!check_version(file, root)) return;
    check_fields(file, "", root, kTopFields);
    if (root.contains("title")) {
      if (auto t = get_string(file, "title", root["title"])) titles_.push_back(*t);
    }
    if (root.contains("description")) get_string(file, "description", root["description"]);
    if (root.contains("$schema")) get_string(file, "$schema", root["$schema"]);
    if (root.contains("vocabulary")) read_vocabulary(file, root["vocabulary"]);
    if (root.contains("defaults")) read_defaults(file, root["defaults"]);
    if (root.contains("claims")) {
      const json& claims = root["claims"];
      if (expect(file, "claims", claims, claims.is_array(), "an array of claims"))
        for (size_t i = 0; i < claims.size(); ++i) read_claim(file, index_path("claims", i), claims[i]);
    }
  }

  // "claimcheck_rules": 1 — checked first, since a newer file is not ours to judge.
  bool check_version(size_t file, const json& root) {
    if (!root.contains("claimcheck_rules")) {
      error_at(file, SourcePos{},
               "claimcheck_rules: missing; a rules file starts with \"claimcheck_rules\": 1 (the format version)");
      return true;  // check the rest as version 1 anyway: most likely the field was forgotten
    }
    const json& v = root["claimcheck_rules"];
    if (!v.is_number_integer() && !v.is_number_unsigned()) {
      error(file, "claimcheck_rules", "expected the format version 1, found " + type_name(v));
      return true;
    }
    const long long version = v.get<long long>();
    if (version > kSupportedVersion) {
      error(file, "claimcheck_rules",
            "version " + std::to_string(version) + " is newer than this claimcheck supports (" +
                std::to_string(kSupportedVersion) + "); upgrade claimcheck to use this file");
      return false;
    }
    if (version != kSupportedVersion) {
      error(file, "claimcheck_rules",
            "unsupported version " + std::to_string(version) + " (this claimcheck reads version 1)");
      return false;
    }
    return true;
  }

  void read_defaults(size_t file, const json& v) {
    if (!expect(file, "defaults", v, v.is_object(), "an object")) return;
    check_fields(file, "defaults", v, kDefaultsFields);
    Frame& d = files_[file].defaults;
    for (auto& [field, dim, target] :
         std::vector<std::tuple<std::string, Dimension, std::string*>>{
             {"program", Dimension::program, &d.program},
             {"measure", Dimension::measure, &d.measure},
             {"place", Dimension::place, &d.place}}) {
      if (!v.contains(field)) continue;
      const std::string path = member_path("defaults", field);
      if (auto id = get_string(file, path, v[field])) {
        *target = *id;
        id_refs_.push_back({dim, *id, file, path});
      }
    }
  }

  void read_phrase(size_t file, Dimension dim, const std::string& id, const std::string& path, const json& v) {
    auto phrase = get_string(file, path, v);
    if (!phrase) return;
    if (is_regex_phrase(*phrase)) {
      if (auto problem = regex_phrase_error(*phrase)) {
        error(file, path, "RE2 pattern " + *phrase + " does not compile: " + *problem);
        return;
      }
    } else if (phrase->front() == '/') {
      error(file, path, "phrase \"" + *phrase + "\" starts with '/' but does not end with one; "
                        "an RE2 pattern is written /pattern/");
      return;
    }
    phrases_.push_back({dim, id, *phrase, files_[file].name, path, files_[file].doc.value_at(path)});
  }

  void read_phrase_list(size_t file, Dimension dim, const std::string& id, const std::string& path,
                        const json& v) {
    if (!expect(file, path, v, v.is_array(), "an array of phrases")) return;
    if (v.empty()) error(file, path, "needs at least one phrase");
    for (size_t i = 0; i < v.size(); ++i) read_phrase(file, dim, id, index_path(path, i), v[i]);
  }

  void read_vocabulary(size_t file, const json& v) {
    if (!expect(file, "vocabulary", v, v.is_object(), "an object of dimensions")) return;
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string dim_path = member_path("vocabulary", it.key());
      auto dim = dimension_from_name(it.key());
      if (!dim) {
        error_key(file, dim_path,
                  "unknown dimension \"" + it.key() + "\"" + suggestion(it.key(), kDimensionFields) +
                      " (known: " + join(kDimensionFields) + ")");
        continue;
      }
      const json& ids = it.value();
      if (!expect(file, dim_path, ids, ids.is_object(), "an object of ids")) continue;
      for (auto entry = ids.begin(); entry != ids.end(); ++entry) {
        const std::string& id = entry.key();
        const std::string path = member_path(dim_path, id);
        if (id.empty()) {
          error_key(file, path, "an id must not be empty");
          continue;
        }
        auto& known = vocabulary_ids_[*dim];
        known.emplace(id, VocabularyId{file, path});
        if (*dim != Dimension::period) {
          read_phrase_list(file, *dim, id, path, entry.value());
          continue;
        }
        // period: {"phrases": [...], "from": ISO, "to": ISO}
        const json& p = entry.value();
        if (!expect(file, path, p, p.is_object(), "an object {\"phrases\", \"from\", \"to\"}")) continue;
        if (p.contains("phrases"))
          read_phrase_list(file, *dim, id, member_path(path, "phrases"), p["phrases"]);
        else
          error(file, path, "missing required field \"phrases\"");
        auto period = read_period_object(file, path, p, kVocabularyPeriodFields);
        if (!period) continue;
        if (auto seen = periods_.find(id); seen != periods_.end() && !(seen->second == *period)) {
          error(file, path, "period id \"" + id + "\" is defined differently at " +
                                where(period_where_[id].first, period_where_[id].second));
          continue;
        }
        periods_[id] = *period;
        period_where_.emplace(id, std::make_pair(file, path));
      }
    }
  }

  // A list of claim ids (sum_of, exclusive_with, ratio_of).
  std::vector<std::string> read_id_list(size_t file, const std::string& path, const json& v) {
    std::vector<std::string> out;
    if (!expect(file, path, v, v.is_array(), "an array of claim ids")) return out;
    if (v.empty()) error(file, path, "needs at least one claim id");
    for (size_t i = 0; i < v.size(); ++i)
      if (auto id = get_string(file, index_path(path, i), v[i])) out.push_back(*id);
    return out;
  }

  void read_frame(size_t file, const std::string& path, const json& v, PendingClaim& p) {
    if (!expect(file, path, v, v.is_object(), "an object")) return;
    check_fields(file, path, v, kFrameFields);
    Frame& f = p.claim.frame;
    for (auto& [field, dim, target] : std::vector<std::tuple<std::string, Dimension, std::string*>>{
             {"program", Dimension::program, &f.program},
             {"measure", Dimension::measure, &f.measure},
             {"place", Dimension::place, &f.place}}) {
      if (!v.contains(field)) continue;
      const std::string field_path = member_path(path, field);
      if (auto id = get_string(file, field_path, v[field])) {
        *target = *id;
        id_refs_.push_back({dim, *id, file, field_path});
      }
    }
    if (v.contains("category")) {
      const std::string cat_path = member_path(path, "category");
      const json& c = v["category"];
      if (c.is_string()) {
        if (auto id = get_string(file, cat_path, c)) {
          f.category.insert(*id);
          id_refs_.push_back({Dimension::category, *id, file, cat_path});
        }
      } else if (expect(file, cat_path, c, c.is_array(), "a category id or an array of them")) {
        if (c.empty()) error(file, cat_path, "needs at least one category id (leave the field out for none)");
        for (size_t i = 0; i < c.size(); ++i) {
          const std::string item = index_path(cat_path, i);
          if (auto id = get_string(file, item, c[i])) {
            f.category.insert(*id);
            id_refs_.push_back({Dimension::category, *id, file, item});
          }
        }
      }
    }
    if (v.contains("period")) {
      const std::string period_path = member_path(path, "period");
      const json& pv = v["period"];
      p.period_given = true;
      p.period_path = period_path;
      if (pv.is_object()) {
        f.period = read_period_object(file, period_path, pv, kPeriodFields);
      } else if (pv.is_string()) {
        if (auto s = get_string(file, period_path, pv)) p.period_text = *s;
      } else {
        expect(file, period_path, pv, false,
               "a period: {\"from\", \"to\"}, a form such as \"FY2011\" or a vocabulary period id");
      }
    }
  }

  void read_claim(size_t file, const std::string& path, const json& v) {
    if (!expect(file, path, v, v.is_object(), "a claim object")) return;
    check_fields(file, path, v, kClaimFields);
    PendingClaim p;
    p.file = file;
    p.path = path;
    Claim& c = p.claim;
    c.file = files_[file].name;
    c.line = files_[file].doc.value_at(path).line;
    auto missing = [&](const char* field) {
      error(file, path, std::string("missing required field \"") + field + "\"");
      p.usable = false;
    };
    // id: unique across every file loaded
    if (!v.contains("id")) {
      missing("id");
    } else if (auto id = get_string(file, member_path(path, "id"), v["id"])) {
      c.id = *id;
      const std::string id_path = member_path(path, "id");
      if (auto seen = claim_ids_.find(c.id); seen != claim_ids_.end()) {
        error(file, id_path, "duplicate claim id \"" + c.id + "\" (first declared at " +
                                 where(seen->second.first, seen->second.second) + ")");
        p.usable = false;
      } else {
        claim_ids_.emplace(c.id, std::make_pair(file, id_path));
      }
    } else {
      p.usable = false;
    }
    if (!v.contains("value")) {
      missing("value");
    } else if (expect(file, member_path(path, "value"), v["value"], v["value"].is_number(), "a number")) {
      c.value = v["value"].get<double>();
    } else {
      p.usable = false;
    }
    if (!v.contains("unit")) {
      missing("unit");
    } else if (auto u = get_string(file, member_path(path, "unit"), v["unit"])) {
      if (auto unit = unit_from_name(*u)) {
        c.unit = *unit;
      } else {
        const std::vector<std::string> units = {"count", "percent", "points", "usd", "year"};
        error(file, member_path(path, "unit"),
              "unknown unit \"" + *u + "\"" + suggestion(*u, units) + " (known: " + join(units) + ")");
        p.usable = false;
      }
    } else {
      p.usable = false;
    }
    if (v.contains("frame")) read_frame(file, member_path(path, "frame"), v["frame"], p);
    if (v.contains("definition")) {
      if (auto d = get_string(file, member_path(path, "definition"), v["definition"])) c.definition = *d;
    }
    if (v.contains("source")) {
      const std::string spath = member_path(path, "source");
      const json& s = v["source"];
      if (expect(file, spath, s, s.is_object(), "an object {title, publisher, doc, url}")) {
        check_fields(file, spath, s, kSourceFields);
        for (auto& [field, target] : std::vector<std::pair<std::string, std::string*>>{
                 {"title", &c.source.title},
                 {"publisher", &c.source.publisher},
                 {"doc", &c.source.doc},
                 {"url", &c.source.url}}) {
          if (!s.contains(field)) continue;
          if (auto text = get_string(file, member_path(spath, field), s[field])) {
            *target = *text;
            p.has_source = true;
          }
        }
      }
    }
    if (v.contains("tolerance")) {
      const std::string tpath = member_path(path, "tolerance");
      const json& t = v["tolerance"];
      if (expect(file, tpath, t, t.is_number(), "a number")) {
        if (t.get<double>() < 0)
          error(file, tpath, "must be zero or more, found " + format_number(t.get<double>()));
        else
          c.tolerance = t.get<double>();
      }
    }
    if (v.contains("sum_of")) c.sum_of = read_id_list(file, member_path(path, "sum_of"), v["sum_of"]);
    if (v.contains("exclusive_with"))
      c.exclusive_with = read_id_list(file, member_path(path, "exclusive_with"), v["exclusive_with"]);
    if (v.contains("ratio_of")) {
      const std::string rpath = member_path(path, "ratio_of");
      c.ratio_of = read_id_list(file, rpath, v["ratio_of"]);
      if (v["ratio_of"].is_array() && v["ratio_of"].size() != 2)
        error(file, rpath, "expected [numerator, denominator], found " +
                               std::to_string(v["ratio_of"].size()) + " claim ids");
    }
    if (v.contains("superseded_by")) {
      if (auto s = get_string(file, member_path(path, "superseded_by"), v["superseded_by"]))
        c.superseded_by = *s;
    }
    claims_.push_back(std::move(p));
  }

  // --- phase 3: references -------------------------------------------------

  std::vector<std::string> known_ids(Dimension dim) const {
    std::vector<std::string> out;
    if (auto it = vocabulary_ids_.find(dim); it != vocabulary_ids_.end())
      for (const auto& [id, _] : it->second) out.push_back(id);
    return out;
  }

  void resolve_references() {
    for (const auto& ref : id_refs_) {
      auto it = vocabulary_ids_.find(ref.dimension);
      if (it != vocabulary_ids_.end() && it->second.count(ref.id)) continue;
      const auto known = known_ids(ref.dimension);
      const std::string dim(dimension_name(ref.dimension));
      error(ref.file, ref.path,
            "unknown " + dim + " id \"" + ref.id + "\"" + suggestion(ref.id, known) + " (known: " +
                join(known) + "; ids are declared under vocabulary." + dim + ")");
    }
    for (auto& p : claims_) {
      Frame& f = p.claim.frame;
      const Frame& d = files_[p.file].defaults;
      if (f.program.empty()) f.program = d.program;
      if (f.measure.empty()) f.measure = d.measure;
      if (f.place.empty()) f.place = d.place;
      if (p.period_text.empty()) continue;
      if (auto it = periods_.find(p.period_text); it != periods_.end()) {
        f.period = it->second;
      } else if (auto parsed = parse_period(p.period_text)) {
        if (parsed->from && parsed->to && parsed->from > parsed->to)
          error(p.file, p.period_path, "period starts after it ends");
        else
          f.period = *parsed;
      } else {
        const auto known = known_ids(Dimension::period);
        error(p.file, p.period_path,
              "\"" + p.period_text + "\" is neither a vocabulary period id" + suggestion(p.period_text, known) +
                  " (known: " + join(known) + ") nor a period claimcheck can read (\"FY2011\", \"2009\", "
                  "\"2008-10-27..2010-06-30\", or write {\"from\": ..., \"to\": ...})");
      }
    }
  }

  const PendingClaim* find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &claims_[it->second];
  }

  // Every related id must name a claim, and not the claim itself.
  bool check_ids(const PendingClaim& p, const char* field, const std::vector<std::string>& ids) {
    bool ok = true;
    const std::string path = member_path(p.path, field);
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string item = std::string(field) == "superseded_by" ? path : index_path(path, i);
      if (ids[i] == p.claim.id) {
        error(p.file, item, "a claim cannot refer to itself");
        ok = false;
      } else if (!find(ids[i])) {
        std::vector<std::string> all;
        for (const auto& [id, _] : by_id_) all.push_back(id);
        error(p.file, item, "unknown claim id \"" + ids[i] + "\"" + suggestion(ids[i], all));
        ok = false;
      }
    }
    return ok;
  }

  void check_relations() {
    for (size_t i = 0; i < claims_.size(); ++i)
      if (claims_[i].usable) by_id_.emplace(claims_[i].claim.id, i);
    std::vector<bool> sum_ok(claims_.size(), false);
    for (size_t i = 0; i < claims_.size(); ++i) {
      const PendingClaim& p = claims_[i];
      if (!p.usable) continue;
      sum_ok[i] = check_ids(p, "sum_of", p.claim.sum_of);
      const bool ratio_ok = check_ids(p, "ratio_of", p.claim.ratio_of);
      const bool exclusive_ok = check_ids(p, "exclusive_with", p.claim.exclusive_with);
      if (!p.claim.superseded_by.empty()) check_ids(p, "superseded_by", {p.claim.superseded_by});
      if (ratio_ok && p.claim.ratio_of.size() == 2) check_ratio(p);
      if (exclusive_ok && !p.claim.exclusive_with.empty()) check_exclusive(p);
    }
    // Cycles in sum_of: depth-first search, each cycle reported once at the
    // claim where it was entered.
    std::vector<int> state(claims_.size(), 0);  // 0 new, 1 on stack, 2 done
    std::vector<bool> in_cycle(claims_.size(), false);
    std::vector<size_t> stack;
    std::function<void(size_t)> visit = [&](size_t i) {
      state[i] = 1;
      stack.push_back(i);
      for (const auto& part : claims_[i].claim.sum_of) {
        auto it = by_id_.find(part);
        if (it == by_id_.end()) continue;
        const size_t j = it->second;
        if (state[j] == 1) {
          auto from = std::find(stack.begin(), stack.end(), j);
          std::string chain;
          for (auto k = from; k != stack.end(); ++k) {
            chain += claims_[*k].claim.id + " -> ";
            in_cycle[*k] = true;
          }
          chain += claims_[j].claim.id;
          error(claims_[i].file, member_path(claims_[i].path, "sum_of"), "cycle in sum_of: " + chain);
        } else if (state[j] == 0) {
          visit(j);
        }
      }
      stack.pop_back();
      state[i] = 2;
    };
    for (size_t i = 0; i < claims_.size(); ++i)
      if (claims_[i].usable && state[i] == 0) visit(i);
    for (size_t i = 0; i < claims_.size(); ++i)
      if (claims_[i].usable && sum_ok[i] && !in_cycle[i] && !claims_[i].claim.sum_of.empty()) check_sum(claims_[i]);
  }

  // How far a claim's value may be from the truth: its tolerance, else half
  // a unit of the last digit it is written with.
  static double slack(const Claim& c) { return c.tolerance ? *c.tolerance : half_unit(c.value); }

  // sum_of: |value - sum of parts| may not exceed the slack of the total plus
  // the slacks of the parts (each part and the total may be rounded).
  void check_sum(const PendingClaim& p) {
    double sum = 0;
    double allowed = slack(p.claim);
    std::string parts;
    for (const auto& id : p.claim.sum_of) {
      const Claim& part = find(id)->claim;
      if (part.unit != p.claim.unit) {
        error(p.file, member_path(p.path, "sum_of"),
              "part \"" + id + "\" is in " + std::string(unit_name(part.unit)) + ", the total in " +
                  std::string(unit_name(p.claim.unit)));
        return;
      }
      sum += part.value;
      allowed += slack(part);
      parts += (parts.empty() ? "" : " + ") + format_number(part.value);
    }
    if (std::fabs(sum - p.claim.value) > allowed + 1e-9)
      error(p.file, member_path(p.path, "value"),
            "value " + format_number(p.claim.value) + " is not the sum of its sum_of parts (" + parts + " = " +
                format_number(sum) + ", allowed difference " + format_number(allowed) + ")");
  }

  // ratio_of: a percent equal to 100 x numerator / denominator.
  void check_ratio(const PendingClaim& p) {
    const Claim& num = find(p.claim.ratio_of[0])->claim;
    const Claim& den = find(p.claim.ratio_of[1])->claim;
    const std::string path = member_path(p.path, "ratio_of");
    if (p.claim.unit != Unit::percent) {
      error(p.file, member_path(p.path, "unit"), "a ratio_of claim must be in percent");
      return;
    }
    if (num.unit != den.unit) {
      error(p.file, path, "numerator and denominator are in different units");
      return;
    }
    if (den.value == 0) {
      error(p.file, path, "denominator \"" + den.id + "\" is zero");
      return;
    }
    const double ratio = 100 * num.value / den.value;
    // Rounding of either count moves the ratio; allow for it.
    const double allowed = slack(p.claim) + 100 * slack(num) / std::fabs(den.value) +
                           100 * std::fabs(num.value) * slack(den) / (den.value * den.value);
    if (std::fabs(ratio - p.claim.value) > allowed + 1e-9)
      error(p.file, member_path(p.path, "value"),
            "value " + format_number(p.claim.value) + "% is not 100 x " + format_number(num.value) + " / " +
                format_number(den.value) + " = " + format_number(ratio) + "%");
  }

  // exclusive_with: shares that cannot overlap add up to at most 100%.
  void check_exclusive(const PendingClaim& p) {
    if (p.claim.unit != Unit::percent) {
      error(p.file, member_path(p.path, "exclusive_with"), "exclusive_with relates percent claims only");
      return;
    }
    double total = p.claim.value;
    double allowed = slack(p.claim);
    for (const auto& id : p.claim.exclusive_with) {
      const Claim& other = find(id)->claim;
      if (other.unit != Unit::percent) {
        error(p.file, member_path(p.path, "exclusive_with"), "\"" + id + "\" is not a percent claim");
        return;
      }
      total += other.value;
      allowed += slack(other);
    }
    if (total > 100 + allowed + 1e-9)
      error(p.file, member_path(p.path, "exclusive_with"),
            "exclusive shares add up to " + format_number(total) + "%, more than 100%");
  }

  // --- phase 4 -------------------------------------------------------------

  void build_vocabulary(Rules::Impl& impl) {
    for (const auto& phrase : phrases_) {
      impl.vocabulary.add(phrase.dimension, phrase.id, phrase.phrase);
      impl.ids.emplace(phrase.dimension, phrase.id);
      impl.phrases[{phrase.dimension, phrase.id}].push_back(phrase.phrase);
    }
    std::string problem;
    if (!impl.vocabulary.build(&problem) && !files_.empty())
      error_at(0, SourcePos{}, "the vocabulary cannot be compiled: " + problem);
  }

  Diagnostics& diags_;
  std::vector<FileState> files_;
  std::vector<std::string> titles_;
  std::vector<PhraseRecord> phrases_;
  std::vector<PendingClaim> claims_;
  std::vector<IdReference> id_refs_;
  std::map<Dimension, std::map<std::string, VocabularyId>> vocabulary_ids_;
  std::map<std::string, Period> periods_;
  std::map<std::string, std::pair<size_t, std::string>> period_where_;
  std::map<std::string, std::pair<size_t, std::string>> claim_ids_;
  std::map<std::string, size_t> by_id_;
};

}  // namespace

void append_in_file_order(const Diagnostics& found, const std::vector<RulesInput>& files, Diagnostics& out) {
  std::map<std::string, size_t> rank;
  for (const auto& f : files) rank.emplace(f.name, rank.size());
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(rank[a.file], a.line, a.column) < std::make_tuple(rank[b.file], b.line, b.column);
  });
  for (auto& d : items) out.add(std::move(d));
}

std::unique_ptr<Rules::Impl> load_rules_checked(const std::vector<RulesInput>& files, Diagnostics& diags,
                                                LoadDetails* details) {
  // Phases find problems out of file order; report them in it.
  Diagnostics found;
  auto impl = Loader(found).run(files, details);
  append_in_file_order(found, files, diags);
  return impl;
}

std::vector<RulesInput> read_rules_files(const std::vector<std::string>& paths) {
  std::vector<RulesInput> out;
  for (const auto& path : paths) {
    RulesInput input;
    input.name = path;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
      input.read_error = ec.message();
    } else if (std::filesystem::is_directory(path, ec)) {
      input.read_error = "is a directory";
    } else if (size > kMaxRulesFileBytes) {
      input.read_error = "larger than " + std::to_string(kMaxRulesFileBytes >> 20) + " MB";
    } else {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in && !in.eof())
        input.read_error = "read failed";
      else
        input.text = ss.str();
    }
    out.push_back(std::move(input));
  }
  return out;
}

}  // namespace rules_detail

// --- the Rules facade --------------------------------------------------------

Rules::Rules() : impl_(std::make_unique<Impl>()) {}
Rules::~Rules() = default;
Rules::Rules(Rules&&) noexcept = default;
Rules& Rules::operator=(Rules&&) noexcept = default;

const std::vector<Claim>& Rules::claims() const { return impl_->claims; }

const Claim* Rules::find_claim(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->claims[it->second];
}

const Frame& Rules::defaults() const { return impl_->defaults; }

std::optional<Period> Rules::vocabulary_period(std::string_view id) const {
  auto it = impl_->periods.find(std::string(id));
  if (it == impl_->periods.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Rules::titles() const { return impl_->titles; }

const std::vector<std::string>& Rules::phrases(Dimension d, std::string_view id) const {
  static const std::vector<std::string> none;
  auto it = impl_->phrases.find({d, std::string(id)});
  return it == impl_->phrases.end() ? none : it->second;
}

bool Rules::has_vocabulary_id(Dimension d, std::string_view id) const {
  return impl_->ids.count({d, std::string(id)}) > 0;
}

std::vector<VocabularyHit> Rules::match_vocabulary(std::string_view text) const {
  return impl_->vocabulary.match(text);
}

std::optional<Rules> load_rules(const std::vector<std::string>& paths, Diagnostics& diags) {
  auto impl = rules_detail::load_rules_checked(rules_detail::read_rules_files(paths), diags, nullptr);
  if (!impl) return std::nullopt;
  Rules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

std::optional<Rules> load_rules_from_strings(const std::vector<std::pair<std::string, std::string>>& files,
                                             Diagnostics& diags) {
  std::vector<rules_detail::RulesInput> inputs;
  for (const auto& [name, text] : files) inputs.push_back({name, text, ""});
  auto impl = rules_detail::load_rules_checked(inputs, diags, nullptr);
  if (!impl) return std::nullopt;
  Rules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

}  // namespace claimcheck
