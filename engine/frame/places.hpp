// places.hpp — places named in text that the rules' vocabulary may not know:
// states, counties, cities, national markers and anaphors ("statewide").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimcheck::detail {

enum class PlaceKind { national, state, county, city, state_anaphor, county_anaphor };

struct PlaceHit {
  size_t begin = 0;  // byte span in the text searched
  size_t end = 0;
  PlaceKind kind = PlaceKind::state;
  std::string id;  // slug of the name ("travis-county"); empty for markers and anaphors
};

// Every place expression in `text`, in order. Linear in the text.
std::vector<PlaceHit> find_places(std::string_view text);

}  // namespace claimcheck::detail
