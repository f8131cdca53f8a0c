// units.cpp — names of units, directions and change kinds, as they appear in
// rules files, the index and reports.
#include <array>

#include "claimcheck/mention.hpp"

namespace claimcheck {

namespace {
constexpr std::array kUnits{Unit::count,    Unit::percent, Unit::points,     Unit::usd,      Unit::year,
                            Unit::currency, Unit::rate,    Unit::multiplier, Unit::duration, Unit::other};
}  // namespace

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::count: return "count";
    case Unit::percent: return "percent";
    case Unit::points: return "points";
    case Unit::usd: return "usd";
    case Unit::year: return "year";
    case Unit::currency: return "currency";
    case Unit::rate: return "rate";
    case Unit::multiplier: return "multiplier";
    case Unit::duration: return "duration";
    case Unit::other: return "other";
  }
  return "count";
}

std::optional<Unit> unit_from_name(std::string_view s) {
  for (Unit u : kUnits)
    if (unit_name(u) == s) return u;
  return std::nullopt;
}

std::string_view direction_name(Direction d) {
  switch (d) {
    case Direction::none: return "none";
    case Direction::up: return "up";
    case Direction::down: return "down";
  }
  return "none";
}

std::string_view change_kind_name(ChangeKind k) {
  switch (k) {
    case ChangeKind::none: return "none";
    case ChangeKind::absolute: return "absolute";
    case ChangeKind::relative: return "relative";
    case ChangeKind::multiple: return "multiple";
  }
  return "none";
}

}  // namespace claimcheck
