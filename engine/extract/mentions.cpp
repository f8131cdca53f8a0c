// mentions.cpp — STUB, replaced by the mention-extraction work.
#include "claimcheck/mention.hpp"

namespace claimcheck {

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::count: return "count";
    case Unit::percent: return "percent";
    case Unit::points: return "points";
    case Unit::usd: return "usd";
    case Unit::year: return "year";
  }
  return "count";
}

std::optional<Unit> unit_from_name(std::string_view s) {
  for (Unit u : {Unit::count, Unit::percent, Unit::points, Unit::usd, Unit::year})
    if (unit_name(u) == s) return u;
  return std::nullopt;
}

std::vector<Mention> extract_mentions(std::string_view) { return {}; }
std::vector<Span> split_sentences(std::string_view text) { return {{0, text.size()}}; }
std::vector<Span> split_clauses(std::string_view s) { return {{0, s.size()}}; }

}  // namespace claimcheck
