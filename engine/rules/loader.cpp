// loader.cpp — phase 1 and 4 of loading rules files: each file's shape,
// version, facets, defaults and vocabulary, and the compiled vocabulary.
// Claims are read in claims.cpp, references resolved in relations.cpp; the
// phases are described in loader.hpp.
#include "rules/loader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <tuple>

namespace claimcheck::rules_detail {

namespace {
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

}  // namespace

std::string join(const std::vector<std::string>& items, size_t limit) {
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

int written_decimals(std::string_view text, const std::vector<size_t>& line_starts, bool ascii, SourcePos pos) {
  if (pos.line < 1 || static_cast<size_t>(pos.line) > line_starts.size()) return -1;
  size_t at = line_starts[pos.line - 1];
  if (ascii) {
    at += static_cast<size_t>(pos.column - 1);  // a column is a byte
  } else if (pos.column <= 4096) {
    // Columns count characters: skip UTF-8 continuation bytes. (Far into a
    // long non-ASCII line the walk would make loading quadratic: unknown.)
    for (int column = 1; column < pos.column && at < text.size(); ++column) {
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
  } else {
    return -1;
  }
  if (at >= text.size()) return -1;
  size_t end = at;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                               text[end] == '-' || text[end] == '+'))
    ++end;
  const std::string_view number = text.substr(at, end - at);
  if (number.empty() || (end < text.size() && (text[end] == 'e' || text[end] == 'E'))) return -1;
  const size_t dot = number.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(number.size() - dot - 1);
}

std::unique_ptr<Rules::Impl> Loader::run(const std::vector<RulesInput>& inputs, LoadDetails* details) {
  const size_t errors_before = diags_.error_count();
  for (const auto& input : inputs) read_file(input);
  resolve_references();
  check_relations();
  auto impl = std::make_unique<Rules::Impl>();
  build_vocabulary(*impl);
  if (details) {
    details->phrases = phrases_;
    for (const auto& [dim, ids] : vocabulary_ids_)
      for (const auto& [id, where] : ids)
        if (!where.within.empty()) details->parents[{dim, id}] = where.within;
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
  if (!files_.empty()) {
    impl->defaults = files_.front().defaults;
    impl->version = files_.front().version;
    impl->fiscal_year_start = files_.front().fiscal_year_start;
  }
  for (const auto& f : facet_order_)
    if (f != "category") impl->facets.push_back(f);
  for (const auto& [name, decl] : facets_) impl->facet_kinds[name] = decl.kind;
  for (const auto& [dim, ids] : vocabulary_ids_)
    for (const auto& [id, where] : ids) {
      if (dim == Dimension::category) impl->facet_of[id] = where.facet.empty() ? "category" : where.facet;
      if (!where.within.empty()) impl->parents[{dim, id}] = where.within;
    }
  for (auto& [id, period] : periods_) impl->periods[id] = period;
  impl->titles = titles_;
  return impl;
}

void Loader::error_at(size_t file, SourcePos pos, const std::string& message) {
  diags_.error(files_[file].name, pos.line, pos.column, message);
}

// At the value of `path`.
void Loader::error(size_t file, const std::string& path, const std::string& message) {
  error_at(file, files_[file].doc.value_at(path), path.empty() ? message : path + ": " + message);
}

// At the key of `path` (unknown fields).
void Loader::error_key(size_t file, const std::string& path, const std::string& message) {
  error_at(file, files_[file].doc.key_at(path), path + ": " + message);
}

std::string Loader::where(size_t file, const std::string& path) const {
  SourcePos p = files_[file].doc.value_at(path);
  return files_[file].name + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Unknown members of an object are errors naming the known ones.
void Loader::check_fields(size_t file, const std::string& path, const json& object,
                  const std::vector<std::string>& known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    error_key(file, member_path(path, it.key()),
              "unknown field \"" + it.key() + "\"" + suggestion(it.key(), known) + " (known: " +
                  join(known) + ")");
  }
}

bool Loader::expect(size_t file, const std::string& path, const json& v, bool ok, const std::string& what) {
  if (!ok) error(file, path, "expected " + what + ", found " + type_name(v));
  return ok;
}

// A non-empty string, or an error.
std::optional<std::string> Loader::get_string(size_t file, const std::string& path, const json& v) {
  if (!expect(file, path, v, v.is_string(), "a string")) return std::nullopt;
  std::string s = v.get<std::string>();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(file, path, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<Day> Loader::get_day(size_t file, const std::string& path, const json& v) {
  auto s = get_string(file, path, v);
  if (!s) return std::nullopt;
  auto day = parse_iso_day(*s);
  if (!day) error(file, path, "\"" + *s + "\" is not a date in the form YYYY-MM-DD");
  return day;
}

// {"from": ISO, "to": ISO}, either end optional.
std::optional<Period> Loader::read_period_object(size_t file, const std::string& path, const json& v,
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

void Loader::read_file(const RulesInput& input) {
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
  files_[file].text = input.text;
  files_[file].line_starts.push_back(0);
  for (size_t i = 0; i < input.text.size(); ++i)
    if (input.text[i] == '\n') files_[file].line_starts.push_back(i + 1);
  files_[file].ascii = std::all_of(input.text.begin(), input.text.end(),
                                   [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (facet_order_.empty()) {
    facets_["category"] = {"definition-mismatch", 0, ""};
    facet_order_.push_back("category");
  }
  for (const auto& problem : files_[file].doc.problems) error_at(file, problem.pos, problem.message);
  const json& root = files_[file].doc.value;
  if (!root.is_object()) {
    error_at(file, SourcePos{}, "a rules file is a JSON object, found " + type_name(root));
    return;
  }
  if (!check_version(file, root)) return;
  check_fields_versioned(file, "", root, kTopFields, kTopFieldsV2);
  if (root.contains("fiscal_year_start") && files_[file].version >= 2)
    read_fiscal_year_start(file, root["fiscal_year_start"]);
  // Facets before the vocabulary and claims that use them.
  if (root.contains("facets") && files_[file].version >= 2) read_facets(file, root["facets"]);
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

// "claimcheck_rules": 1 or 2 — checked first, since a newer file is not ours to judge.
bool Loader::check_version(size_t file, const json& root) {
  if (!root.contains("claimcheck_rules")) {
    error_at(file, SourcePos{},
             "claimcheck_rules: missing; a rules file starts with \"claimcheck_rules\": 1 (the format version)");
    return true;  // check the rest as version 1 anyway: most likely the field was forgotten
  }
  const json& v = root["claimcheck_rules"];
  if (!v.is_number_integer() && !v.is_number_unsigned()) {
    error(file, "claimcheck_rules", "expected the format version 1 or 2, found " + type_name(v));
    return true;
  }
  const long long version = v.get<long long>();
  if (version > kNewestVersion) {
    error(file, "claimcheck_rules",
          "version " + std::to_string(version) + " is newer than this claimcheck supports (" +
              std::to_string(kNewestVersion) + "); upgrade claimcheck to use this file");
    return false;
  }
  if (version < 1) {
    error(file, "claimcheck_rules",
          "unsupported version " + std::to_string(version) + " (this claimcheck reads versions 1 and 2)");
    return false;
  }
  files_[file].version = static_cast<int>(version);
  return true;
}

void Loader::check_fields_versioned(size_t file, const std::string& path, const json& object,
                                    const std::vector<std::string>& known, const std::vector<std::string>& newer) {
  std::vector<std::string> all = known;
  if (files_[file].version >= 2) all.insert(all.end(), newer.begin(), newer.end());
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(all.begin(), all.end(), it.key()) != all.end()) continue;
    if (std::find(newer.begin(), newer.end(), it.key()) != newer.end())
      error_key(file, member_path(path, it.key()),
                "field \"" + it.key() + "\" needs format version 2 (\"claimcheck_rules\": 2)");
    else
      error_key(file, member_path(path, it.key()),
                "unknown field \"" + it.key() + "\"" + suggestion(it.key(), all) + " (known: " + join(all) + ")");
  }
}

// "fiscal_year_start": 1-12, the month this file's fiscal years start in.
void Loader::read_fiscal_year_start(size_t file, const json& v) {
  if (!expect(file, "fiscal_year_start", v, v.is_number_integer() || v.is_number_unsigned(),
              "a month number 1-12"))
    return;
  const long long m = v.get<long long>();
  if (m < 1 || m > 12) {
    error(file, "fiscal_year_start", "expected a month number 1-12, found " + std::to_string(m));
    return;
  }
  files_[file].fiscal_year_start = static_cast<int>(m);
}

// "facets": {"population": {"kind": "population-mismatch"}, ...}: named parts
// of the category dimension, each with the finding a difference in it gives.
void Loader::read_facets(size_t file, const json& v) {
  if (!expect(file, "facets", v, v.is_object(), "an object of facets")) return;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& name = it.key();
    const std::string path = member_path("facets", name);
    if (name.empty()) {
      error_key(file, path, "a facet name must not be empty");
      continue;
    }
    if (auto dim = dimension_from_name(name); dim && *dim != Dimension::category) {
      error_key(file, path, "\"" + name + "\" is a built-in dimension, not a facet (facets split the category "
                            "dimension; program, measure, period and place keep their own findings)");
      continue;
    }
    const json& f = it.value();
    if (!expect(file, path, f, f.is_object(), "an object {\"kind\": ...}")) continue;
    check_fields(file, path, f, kFacetFields);
    if (f.contains("description")) get_string(file, member_path(path, "description"), f["description"]);
    if (!f.contains("kind")) {
      error(file, path, "missing required field \"kind\" (the finding a difference in this facet gives)");
      continue;
    }
    auto kind = get_string(file, member_path(path, "kind"), f["kind"]);
    if (!kind) continue;
    if (std::find(kFacetKinds.begin(), kFacetKinds.end(), *kind) == kFacetKinds.end()) {
      error(file, member_path(path, "kind"),
            "unknown finding kind \"" + *kind + "\"" + suggestion(*kind, kFacetKinds) +
                " (a facet gives one of: " + join(kFacetKinds) + ")");
      continue;
    }
    auto seen = facets_.find(name);
    if (seen != facets_.end() && !seen->second.path.empty() && seen->second.kind != *kind) {
      error(file, member_path(path, "kind"), "facet \"" + name + "\" is declared with kind \"" +
                                                 seen->second.kind + "\" at " +
                                                 where(seen->second.file, seen->second.path));
      continue;
    }
    if (seen == facets_.end()) facet_order_.push_back(name);
    facets_[name] = {*kind, file, path};
  }
}

std::optional<std::string> Loader::facet_named(size_t file, const std::string& key) const {
  if (files_[file].version < 2 && key != "category") return std::nullopt;
  if (facets_.count(key)) return key;
  return std::nullopt;
}

void Loader::read_defaults(size_t file, const json& v) {
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

void Loader::read_phrase(size_t file, Dimension dim, const std::string& id, const std::string& path, const json& v) {
  auto phrase = get_string(file, path, v);
  if (!phrase) return;
  // A phrase names a thing in a few words. A longer one is a mistake, and RE2
  // would spend (and log to stderr) a walk over its every node.
  constexpr size_t kMaxPhraseBytes = 4096;
  if (phrase->size() > kMaxPhraseBytes) {
    error(file, path, "phrase of " + std::to_string(phrase->size()) + " bytes is longer than the " +
                          std::to_string(kMaxPhraseBytes) + "-byte limit");
    return;
  }
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

void Loader::read_phrase_list(size_t file, Dimension dim, const std::string& id, const std::string& path,
                      const json& v) {
  if (!expect(file, path, v, v.is_array(), "an array of phrases")) return;
  if (v.empty()) error(file, path, "needs at least one phrase");
  for (size_t i = 0; i < v.size(); ++i) read_phrase(file, dim, id, index_path(path, i), v[i]);
}

void Loader::read_vocabulary(size_t file, const json& v) {
  if (!expect(file, "vocabulary", v, v.is_object(), "an object of dimensions")) return;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string dim_path = member_path("vocabulary", it.key());
    auto dim = dimension_from_name(it.key());
    const auto facet = facet_named(file, it.key());
    if (facet) dim = Dimension::category;
    if (!dim) {
      std::vector<std::string> known = kDimensionFields;
      if (files_[file].version >= 2)
        for (const auto& f : facet_order_)
          if (f != "category") known.push_back(f);
      error_key(file, dim_path,
                "unknown dimension \"" + it.key() + "\"" + suggestion(it.key(), known) + " (known: " + join(known) +
                    (files_[file].version >= 2 ? "; a facet is declared under \"facets\" first)" : ")"));
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
      read_vocabulary_id(file, *dim, facet.value_or(""), id, path, entry.value());
    }
  }
}

void Loader::read_vocabulary_id(size_t file, Dimension dim, const std::string& facet, const std::string& id,
                                const std::string& path, const json& value) {
  auto& known = vocabulary_ids_[dim];
  // A category id belongs to one facet: the reader finds it, matching asks
  // which facet it speaks for.
  if (auto seen = known.find(id); seen != known.end() && seen->second.facet != facet) {
    error(file, path, "id \"" + id + "\" is already declared in facet \"" + seen->second.facet + "\" at " +
                          where(seen->second.file, seen->second.path) + "; an id belongs to one facet");
    return;
  }
  auto slot = known.emplace(id, VocabularyId{file, path, facet, ""}).first;
  if (dim != Dimension::period) {
    // Version 2 also takes {"phrases": [...], "within": "parent-id"}.
    if (value.is_object() && files_[file].version >= 2) {
      check_fields(file, path, value, kVocabularyEntryFields);
      if (value.contains("phrases"))
        read_phrase_list(file, dim, id, member_path(path, "phrases"), value["phrases"]);
      else
        error(file, path, "missing required field \"phrases\"");
      if (value.contains("within")) {
        const std::string wpath = member_path(path, "within");
        if (auto parent = get_string(file, wpath, value["within"])) {
          if (!slot->second.within.empty() && slot->second.within != *parent)
            error(file, wpath, "\"" + id + "\" is already within \"" + slot->second.within + "\"");
          else
            slot->second.within = *parent;
          id_refs_.push_back({dim, *parent, file, wpath, facet});
        }
      }
      return;
    }
    if (!value.is_array() && files_[file].version >= 2) {
      expect(file, path, value, false, "an array of phrases or {\"phrases\": [...], \"within\": id}");
      return;
    }
    read_phrase_list(file, dim, id, path, value);
    return;
  }
  // period: {"phrases": [...], "from": ISO, "to": ISO}
  const json& p = value;
  if (!expect(file, path, p, p.is_object(), "an object {\"phrases\", \"from\", \"to\"}")) return;
  if (p.contains("phrases"))
    read_phrase_list(file, dim, id, member_path(path, "phrases"), p["phrases"]);
  else
    error(file, path, "missing required field \"phrases\"");
  auto period = read_period_object(file, path, p, kVocabularyPeriodFields);
  if (!period) return;
  if (auto seen = periods_.find(id); seen != periods_.end() && !(seen->second == *period)) {
    error(file, path, "period id \"" + id + "\" is defined differently at " +
                          where(period_where_[id].first, period_where_[id].second));
    return;
  }
  periods_[id] = *period;
  period_where_.emplace(id, std::make_pair(file, path));
}

void Loader::build_vocabulary(Rules::Impl& impl) {
  for (const auto& phrase : phrases_) {
    impl.vocabulary.add(phrase.dimension, phrase.id, phrase.phrase);
    impl.ids.emplace(phrase.dimension, phrase.id);
    impl.phrases[{phrase.dimension, phrase.id}].push_back(phrase.phrase);
  }
  VocabularyError problem;
  if (impl.vocabulary.build(&problem) || files_.empty()) return;
  // Name the phrase where it was written.
  for (const auto& phrase : phrases_)
    if (phrase.dimension == problem.dimension && phrase.id == problem.id &&
        phrase.phrase == problem.phrase) {
      diags_.error(phrase.file, phrase.pos.line, phrase.pos.column,
                   phrase.path + ": phrase cannot be compiled: " + problem.message);
      return;
    }
  error_at(0, SourcePos{}, "the vocabulary cannot be compiled: " + problem.message);
}

}  // namespace claimcheck::rules_detail
