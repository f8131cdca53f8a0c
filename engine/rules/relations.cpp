// relations.cpp — phase 3 of loading rules files: what refers across files.
// Vocabulary ids in defaults and frames (and the facet each belongs to),
// the "within" hierarchy, period strings, and claim ids in relations, whose
// arithmetic must hold: sum_of, ratio_of, difference_of, exclusive_with.
#include <cmath>
#include <functional>
#include <set>

#include "rules/loader.hpp"

namespace claimcheck::rules_detail {

std::vector<std::string> Loader::known_ids(Dimension dim) const {
  std::vector<std::string> out;
  if (auto it = vocabulary_ids_.find(dim); it != vocabulary_ids_.end())
    for (const auto& [id, _] : it->second) out.push_back(id);
  return out;
}

void Loader::resolve_references() {
  for (const auto& ref : id_refs_) {
    auto it = vocabulary_ids_.find(ref.dimension);
    if (it != vocabulary_ids_.end() && it->second.count(ref.id)) {
      // A facet's field names ids of that facet only.
      const std::string& declared = it->second.at(ref.id).facet;
      if (ref.dimension == Dimension::category && !ref.facet.empty() && declared != ref.facet)
        error(ref.file, ref.path,
              "\"" + ref.id + "\" is an id of facet \"" + declared + "\", not of \"" + ref.facet + "\"");
      continue;
    }
    const auto known = known_ids(ref.dimension);
    const std::string dim = ref.dimension == Dimension::category && !ref.facet.empty()
                                ? ref.facet
                                : std::string(dimension_name(ref.dimension));
    error(ref.file, ref.path,
          "unknown " + dim + " id \"" + ref.id + "\"" + suggestion(ref.id, known) + " (known: " + join(known) +
              "; ids are declared under vocabulary." + dim + ")");
  }
  resolve_hierarchy();
  for (auto& p : claims_) {
    Frame& f = p.claim.frame;
    const Frame& d = files_[p.file].defaults;
    if (f.program.empty()) f.program = d.program;
    if (f.measure.empty()) f.measure = d.measure;
    if (f.place.empty()) f.place = d.place;
    resolve_periods(p);
  }
}

// "within": a chain of parents must end, not loop.
void Loader::resolve_hierarchy() {
  for (auto& [dim, ids] : vocabulary_ids_)
    for (auto& [id, where] : ids) {
      std::set<std::string> seen{id};
      for (std::string at = where.within; !at.empty();) {
        if (!seen.insert(at).second) {
          error(where.file, member_path(where.path, "within"), "\"within\" makes a cycle through \"" + at + "\"");
          where.within.clear();
          break;
        }
        auto next = ids.find(at);
        at = next == ids.end() ? "" : next->second.within;
      }
    }
}

// Period strings: vocabulary period ids first, then the forms parse_period
// reads with the file's fiscal year start.
void Loader::resolve_periods(PendingClaim& p) {
  for (const auto& pending : p.periods) {
    std::optional<Period> period;
    if (auto it = periods_.find(pending.text); it != periods_.end()) {
      period = it->second;
    } else if (auto parsed = parse_period(pending.text, files_[p.file].fiscal_year_start)) {
      if (parsed->from && parsed->to && parsed->from > parsed->to)
        error(p.file, pending.path, "period starts after it ends");
      else
        period = *parsed;
    } else {
      const auto known = known_ids(Dimension::period);
      error(p.file, pending.path,
            "\"" + pending.text + "\" is neither a vocabulary period id" + suggestion(pending.text, known) +
                " (known: " + join(known) + ") nor a period claimcheck can read (\"FY2011\", \"2009\", " +
                (files_[p.file].version >= 2 ? "\"2022-01\", \"Q1 2022\", \"2021-22\", " : "") +
                "\"2008-10-27..2010-06-30\", or write {\"from\": ..., \"to\": ...})");
    }
    if (!period) continue;
    if (pending.slot == PendingPeriod::frame) p.claim.frame.period = period;
    if (pending.slot == PendingPeriod::change_from && p.claim.change) p.claim.change->from = *period;
    if (pending.slot == PendingPeriod::change_to && p.claim.change) p.claim.change->to = *period;
  }
  // A change claim's frame spans both its periods: one truth, in "change".
  if (auto& ch = p.claim.change) {
    if (p.period_given)
      error(p.file, p.period_path, "a change claim gives its periods in \"change\" (from, to), not in the frame");
    else if (!ch->from.empty() && !ch->to.empty() && ch->from.from && ch->to.to) {
      if (ch->from.from > ch->to.from)
        error(p.file, member_path(p.path, "change"), "the change runs backwards: \"from\" is after \"to\"");
      p.claim.frame.period = Period{ch->from.from, ch->to.to};
    }
  }
}

const PendingClaim* Loader::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &claims_[it->second];
}

// Every related id must name a claim, and not the claim itself.
bool Loader::check_ids(const PendingClaim& p, const char* field, const std::vector<std::string>& ids) {
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

void Loader::check_relations() {
  for (size_t i = 0; i < claims_.size(); ++i)
    if (claims_[i].usable) by_id_.emplace(claims_[i].claim.id, i);
  std::vector<bool> sum_ok(claims_.size(), false);
  for (size_t i = 0; i < claims_.size(); ++i) {
    const PendingClaim& p = claims_[i];
    if (!p.usable) continue;
    sum_ok[i] = check_ids(p, "sum_of", p.claim.sum_of);
    const bool ratio_ok = check_ids(p, "ratio_of", p.claim.ratio_of);
    if (check_ids(p, "difference_of", p.claim.difference_of) && p.claim.difference_of.size() == 2)
      check_difference(p);
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
double Loader::slack(const Claim& c) { return c.tolerance ? *c.tolerance : claim_half_unit(c); }

// sum_of: |value - sum of parts| may not exceed the slack of the total plus
// the slacks of the parts (each part and the total may be rounded).
void Loader::check_sum(const PendingClaim& p) {
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
void Loader::check_ratio(const PendingClaim& p) {
  const Claim& num = find(p.claim.ratio_of[0])->claim;
  const Claim& den = find(p.claim.ratio_of[1])->claim;
  const std::string path = member_path(p.path, "ratio_of");
  // Percent: 100 x num / den; a multiplier ("three times as likely"): num / den.
  const double scale = p.claim.unit == Unit::percent ? 100 : 1;
  if (p.claim.unit != Unit::percent && p.claim.unit != Unit::multiplier) {
    error(p.file, member_path(p.path, "unit"), "a ratio_of claim must be in percent (or a multiplier)");
    return;
  }
  if (!same_unit(num, den)) {
    error(p.file, path, "numerator and denominator are in different units");
    return;
  }
  if (den.value == 0) {
    error(p.file, path, "denominator \"" + den.id + "\" is zero");
    return;
  }
  const double ratio = scale * num.value / den.value;
  // Rounding of either count moves the ratio; allow for it.
  const double allowed = slack(p.claim) + scale * slack(num) / std::fabs(den.value) +
                         scale * std::fabs(num.value) * slack(den) / (den.value * den.value);
  if (std::fabs(ratio - p.claim.value) > allowed + 1e-9)
    error(p.file, member_path(p.path, "value"),
          "value " + format_number(p.claim.value) + (scale == 100 ? "% is not 100 x " : " is not ") +
              format_number(num.value) + " / " + format_number(den.value) + " = " + format_number(ratio) +
              (scale == 100 ? "%" : ""));
}

// difference_of [a, b]: value = a - b, in the unit of a and b, except that
// percent minus percent is in points.
void Loader::check_difference(const PendingClaim& p) {
  const Claim& a = find(p.claim.difference_of[0])->claim;
  const Claim& b = find(p.claim.difference_of[1])->claim;
  const std::string path = member_path(p.path, "difference_of");
  if (!same_unit(a, b)) {
    error(p.file, path, "\"" + a.id + "\" and \"" + b.id + "\" are in different units");
    return;
  }
  Claim expected = a;
  if (a.unit == Unit::percent) expected.unit = Unit::points;
  if (!same_unit(expected, p.claim)) {
    error(p.file, member_path(p.path, "unit"),
          "a difference of " + std::string(unit_name(a.unit)) + " figures is in " +
              std::string(unit_name(expected.unit)));
    return;
  }
  const double diff = a.value - b.value;
  const double allowed = slack(p.claim) + slack(a) + slack(b);
  if (std::fabs(diff - p.claim.value) > allowed + 1e-9)
    error(p.file, member_path(p.path, "value"),
          "value " + format_number(p.claim.value) + " is not " + format_number(a.value) + " - " +
              format_number(b.value) + " = " + format_number(diff) + " (allowed difference " +
              format_number(allowed) + ")");
}

bool same_unit(const Claim& a, const Claim& b) {
  return a.unit == b.unit && a.unit_text == b.unit_text && a.per == b.per;
}

// exclusive_with: shares that cannot overlap add up to at most 100%.
void Loader::check_exclusive(const PendingClaim& p) {
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

}  // namespace claimcheck::rules_detail
