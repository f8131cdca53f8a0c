// claims.cpp — phase 1 of loading rules files, for claims: their fields,
// frames (facets of version 2 included), units, changes and relations as
// written. What they refer to is resolved in relations.cpp.
#include <algorithm>
#include <cctype>
#include <tuple>

#include "rules/loader.hpp"

namespace claimcheck::rules_detail {

// A list of claim ids (sum_of, exclusive_with, ratio_of).
std::vector<std::string> Loader::read_id_list(size_t file, const std::string& path, const json& v) {
  std::vector<std::string> out;
  if (!expect(file, path, v, v.is_array(), "an array of claim ids")) return out;
  if (v.empty()) error(file, path, "needs at least one claim id");
  for (size_t i = 0; i < v.size(); ++i)
    if (auto id = get_string(file, index_path(path, i), v[i])) out.push_back(*id);
  return out;
}

void Loader::read_frame(size_t file, const std::string& path, const json& v, PendingClaim& p) {
  if (!expect(file, path, v, v.is_object(), "an object")) return;
  // Version 2: a declared facet is a frame field too, holding ids of that facet.
  std::vector<std::string> fields = kFrameFields;
  if (files_[file].version >= 2)
    for (const auto& f : facet_order_)
      if (f != "category") fields.push_back(f);
  check_fields(file, path, v, fields);
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
  for (const auto& facet : facet_order_) {
    if (!v.contains(facet) || (facet != "category" && files_[file].version < 2)) continue;
    read_category_ids(file, member_path(path, facet), v[facet], facet, p);
  }
  if (v.contains("period")) {
    p.period_given = true;
    p.period_path = member_path(path, "period");
    read_period_field(file, p.period_path, v["period"], p, PendingPeriod::frame);
  }
}

// One facet of a frame: an id or an array of ids, read as "or".
void Loader::read_category_ids(size_t file, const std::string& path, const json& c, const std::string& facet,
                               PendingClaim& p) {
  Frame& f = p.claim.frame;
  if (c.is_string()) {
    if (auto id = get_string(file, path, c)) {
      f.category.insert(*id);
      id_refs_.push_back({Dimension::category, *id, file, path, facet});
    }
  } else if (expect(file, path, c, c.is_array(), "an id or an array of ids")) {
    if (c.empty()) error(file, path, "needs at least one id (leave the field out for none)");
    for (size_t i = 0; i < c.size(); ++i) {
      const std::string item = index_path(path, i);
      if (auto id = get_string(file, item, c[i])) {
        f.category.insert(*id);
        id_refs_.push_back({Dimension::category, *id, file, item, facet});
      }
    }
  }
}

// A period: {"from", "to"} read now, a string resolved in phase 3 (it may
// name a vocabulary period of another file).
void Loader::read_period_field(size_t file, const std::string& path, const json& pv, PendingClaim& p,
                               PendingPeriod::Slot slot) {
  if (pv.is_object()) {
    auto period = read_period_object(file, path, pv, kPeriodFields);
    if (!period) return;
    if (slot == PendingPeriod::frame) p.claim.frame.period = period;
    if (slot == PendingPeriod::change_from && p.claim.change) p.claim.change->from = *period;
    if (slot == PendingPeriod::change_to && p.claim.change) p.claim.change->to = *period;
  } else if (pv.is_string()) {
    if (auto s = get_string(file, path, pv)) p.periods.push_back({slot, *s, path});
  } else {
    expect(file, path, pv, false,
           "a period: {\"from\", \"to\"}, a form such as \"FY2011\", \"2022-01\", \"Q1 2022\" or a vocabulary "
           "period id");
  }
}

void Loader::read_claim(size_t file, const std::string& path, const json& v) {
  if (!expect(file, path, v, v.is_object(), "a claim object")) return;
  check_fields_versioned(file, path, v, kClaimFields, kClaimFieldsV2);
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
    c.decimals = written_decimals(files_[file].text, files_[file].line_starts, files_[file].ascii, files_[file].doc.value_at(member_path(path, "value")));
  } else {
    p.usable = false;
  }
  if (!v.contains("unit")) {
    missing("unit");
  } else if (!read_unit(file, path, v, c)) {
    p.usable = false;
  }
  if (v.contains("change") && files_[file].version >= 2) read_change(file, member_path(path, "change"), v["change"], p);
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
  if (v.contains("difference_of") && files_[file].version >= 2) {
    const std::string dpath = member_path(path, "difference_of");
    c.difference_of = read_id_list(file, dpath, v["difference_of"]);
    if (v["difference_of"].is_array() && v["difference_of"].size() != 2)
      error(file, dpath, "expected [a, b] (the value is a - b), found " + std::to_string(v["difference_of"].size()) +
                             " claim ids");
  }
  if (v.contains("superseded_by")) {
    if (auto s = get_string(file, member_path(path, "superseded_by"), v["superseded_by"]))
      c.superseded_by = *s;
  }
  claims_.push_back(std::move(p));
}

// "unit": a unit name ("count", "percent", "points", "usd", "year",
// "currency", "rate", "multiplier", "duration"), an ISO currency code
// ("eur", "GBP"), or a duration's unit ("days", "weeks", "months",
// "quarters", "years"), or "other" with "unit_text" the unit word as the
// text writes it ("tonnes", "beds"); "per" gives a rate's base ("per 100,000").
bool Loader::read_unit(size_t file, const std::string& path, const json& v, Claim& c) {
  const std::string upath = member_path(path, "unit");
  auto u = get_string(file, upath, v["unit"]);
  if (!u) return false;
  std::string lower;
  for (char ch : *u) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::vector<std::pair<std::string, std::string>> durations = {
      {"days", "day"}, {"weeks", "week"}, {"months", "month"}, {"quarters", "quarter"}, {"years", "year"}};
  const bool v2 = files_[file].version >= 2;
  bool ok = true;
  if (auto unit = unit_from_name(lower); unit && v2 && *unit == Unit::other) {
    // "unit": "other", "unit_text": "tonnes": a unit word as the text
    // writes it. Named apart from "unit" so a misspelt unit name stays an
    // error instead of becoming a unit of its own.
    const std::string tpath = member_path(path, "unit_text");
    if (!v.contains("unit_text")) {
      error(file, upath, "\"other\" needs the unit word as written: \"unit_text\": \"tonnes\"");
      return false;
    }
    auto t = get_string(file, tpath, v["unit_text"]);
    if (!t) return false;
    std::string word;
    for (char ch : *t) word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (word.empty() || !std::all_of(word.begin(), word.end(), [](char ch) {
          return std::isalpha(static_cast<unsigned char>(ch)) || ch == ' ' || ch == '/' || ch == '-';
        })) {
      error(file, tpath, "expected a unit word (letters, spaces, / or -), found \"" + *t + "\"");
      return false;
    }
    c.unit = Unit::other;
    c.unit_text = word;
  } else if (auto unit = unit_from_name(lower); unit && (v2 || *unit <= Unit::year)) {
    c.unit = *unit;
    if (c.unit == Unit::currency || c.unit == Unit::duration || c.unit == Unit::other) {
      error(file, upath, "\"" + *u + "\" needs its detail: write the currency's ISO code (\"eur\") or the "
                         "duration's unit (\"months\")");
      ok = false;
    }
  } else if (auto d = std::find_if(durations.begin(), durations.end(), [&](const auto& p) { return p.first == lower; });
             v2 && d != durations.end()) {
    c.unit = Unit::duration;
    c.unit_text = d->second;
  } else if (v2 && lower.size() == 3 && std::all_of(lower.begin(), lower.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    // Any ISO 4217 code; "usd" is Unit::usd above.
    c.unit = Unit::currency;
    for (char ch : lower) c.unit_text += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  } else {
    std::vector<std::string> units = {"count", "percent", "points", "usd", "year"};
    if (v2)
      units.insert(units.end(), {"rate", "multiplier", "an ISO currency code such as eur",
                                 "days", "weeks", "months", "quarters", "years",
                                 "other (with \"unit_text\": the unit word)"});
    error(file, upath, "unknown unit \"" + *u + "\"" + suggestion(*u, units) + " (known: " + join(units) + ")");
    return false;
  }
  if (v.contains("unit_text") && c.unit != Unit::other)
    error(file, member_path(path, "unit_text"), "only a unit \"other\" has a unit word");
  if (v.contains("per")) {
    const std::string ppath = member_path(path, "per");
    const json& per = v["per"];
    if (expect(file, ppath, per, per.is_number(), "a number (the base of a rate: 100000 for \"per 100,000\")")) {
      if (per.get<double>() <= 0)
        error(file, ppath, "must be more than zero");
      else if (c.unit != Unit::rate)
        error(file, ppath, "only a rate has a base (\"unit\": \"rate\")");
      else
        c.per = per.get<double>();
    }
  } else if (c.unit == Unit::rate) {
    error(file, upath, "a rate needs its base: \"per\": 100000 for \"per 100,000\"");
    ok = false;
  }
  return ok;
}

// "change": {"from": PERIOD, "to": PERIOD, "direction": "up"|"down",
// "kind": "absolute"|"relative"|"multiple"}: the claim is the amount of a
// change, in points (absolute change of a percent series) or the series'
// unit, in percent (relative) or as a multiplier (multiple).
void Loader::read_change(size_t file, const std::string& path, const json& v, PendingClaim& p) {
  if (!expect(file, path, v, v.is_object(), "an object {\"from\", \"to\", \"direction\", \"kind\"}")) return;
  check_fields(file, path, v, kChangeFields);
  Claim& c = p.claim;
  c.change = ChangeClaim{};
  ChangeClaim& ch = *c.change;
  const std::string kpath = member_path(path, "kind");
  if (!v.contains("kind")) {
    error(file, path, "missing required field \"kind\" (absolute, relative or multiple)");
  } else if (auto k = get_string(file, kpath, v["kind"])) {
    if (*k == "absolute") ch.kind = ChangeKind::absolute;
    else if (*k == "relative") ch.kind = ChangeKind::relative;
    else if (*k == "multiple") ch.kind = ChangeKind::multiple;
    else error(file, kpath, "unknown change kind \"" + *k + "\" (known: absolute, relative, multiple)");
  }
  const std::string dpath = member_path(path, "direction");
  if (v.contains("direction")) {
    if (auto d = get_string(file, dpath, v["direction"])) {
      if (*d == "up") ch.direction = Direction::up;
      else if (*d == "down") ch.direction = Direction::down;
      else error(file, dpath, "unknown direction \"" + *d + "\" (known: up, down)");
    }
  } else if (ch.kind != ChangeKind::multiple) {
    error(file, path, "missing required field \"direction\" (up or down)");
  }
  // The unit says what kind of amount the value is.
  const std::string upath = member_path(p.path, "unit");
  if (ch.kind == ChangeKind::relative && c.unit != Unit::percent)
    error(file, upath, "a relative change is in percent of the earlier level");
  if (ch.kind == ChangeKind::multiple && c.unit != Unit::multiplier)
    error(file, upath, "a multiple (\"doubled\", \"three times\") is in unit multiplier");
  if (ch.kind == ChangeKind::absolute && (c.unit == Unit::percent || c.unit == Unit::multiplier))
    error(file, upath, "an absolute change of a percent series is in points; a relative one says \"kind\": "
                       "\"relative\"");
  if (c.value < 0) error(file, member_path(p.path, "value"), "the amount of a change is positive; \"direction\" says which way");
  for (const auto& [field, slot] : {std::pair{"from", PendingPeriod::change_from}, std::pair{"to", PendingPeriod::change_to}}) {
    if (v.contains(field))
      read_period_field(file, member_path(path, field), v[field], p, slot);
    else
      error(file, path, std::string("missing required field \"") + field + "\"");
  }
}

}  // namespace claimcheck::rules_detail
