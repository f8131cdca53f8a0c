// places.cpp — the places a sentence names for its figures, beyond the rules'
// own vocabulary: US states, counties and parishes, large cities, national
// markers ("nationwide", "across the country") and anaphors that point back
// to the last state or county named ("statewide", "the county's"). A figure
// for Georgia is another statistic than the national one, whatever the rules
// say about places.
#include "frame/places.hpp"

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <cstring>

namespace claimcheck::detail {

namespace {

// Order matters for leftmost-longest matching: "West Virginia" before
// "Virginia", "New York City" before "New York".
const char* const kStates[] = {"Alabama",
                               "Alaska",
                               "Arizona",
                               "Arkansas",
                               "California",
                               "Colorado",
                               "Connecticut",
                               "Delaware",
                               "Florida",
                               "Georgia",
                               "Hawaii",
                               "Idaho",
                               "Illinois",
                               "Indiana",
                               "Iowa",
                               "Kansas",
                               "Kentucky",
                               "Louisiana",
                               "Maine",
                               "Maryland",
                               "Massachusetts",
                               "Michigan",
                               "Minnesota",
                               "Mississippi",
                               "Missouri",
                               "Montana",
                               "Nebraska",
                               "Nevada",
                               "New Hampshire",
                               "New Jersey",
                               "New Mexico",
                               "New York",
                               "North Carolina",
                               "North Dakota",
                               "Ohio",
                               "Oklahoma",
                               "Oregon",
                               "Pennsylvania",
                               "Rhode Island",
                               "South Carolina",
                               "South Dakota",
                               "Tennessee",
                               "Texas",
                               "Utah",
                               "Vermont",
                               "Virginia",
                               "Washington State",
                               "West Virginia",
                               "Wisconsin",
                               "Wyoming",
                               "Puerto Rico",
                               "District of Columbia"};

const char* const kCities[] = {
    "New York City", "Los Angeles", "Chicago", "Houston",   "Phoenix", "Philadelphia",
    "San Antonio",   "San Diego",   "Dallas",  "San Jose",  "Austin",  "San Francisco",
    "Seattle",       "Denver",      "Boston",  "Miami",     "Atlanta", "Portland",
    "Sacramento",    "Fresno",      "Oakland", "Baltimore", "Detroit", "Nashville",
    "Las Vegas",     "Santa Ana",   "Newark",  "Charlotte"};

std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string alternation(const char* const* names, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i) out += '|';
    out += RE2::QuoteMeta(names[i]);
  }
  return out;
}

const RE2& place_re() {
  static const RE2 re(
      "\\b(?:"
      // 1: national markers
      "((?i:nationwide|nationally|across the (?:country|nation)|the nation as a whole|"
      "in the United States|throughout the country|all over the country))"
      // 2: anaphors for the last state
      "|((?i:statewide|state-wide|the state(?:'s|\xE2\x80\x99s)?|in-state))"
      // 3: anaphors for the last county
      "|((?i:countywide|county-wide|the county(?:'s|\xE2\x80\x99s)?))"
      // 4: a named county or parish: "Travis County", "St. Tammany Parish"
      "|((?:St\\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:County|Parish|Borough))"
      // 5: a state
      "|(" +
          alternation(kStates, sizeof kStates / sizeof *kStates) +
          ")"
          // 6: a city
          "|(" +
          alternation(kCities, sizeof kCities / sizeof *kCities) + "))\\b",
      RE2::Quiet);
  return re;
}

}  // namespace

std::vector<PlaceHit> find_places(std::string_view text) {
  std::vector<PlaceHit> out;
  const RE2& re = place_re();
  re2::StringPiece input(text.data(), text.size());
  std::array<re2::StringPiece, 7> g;
  size_t pos = 0;
  while (pos < text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
    PlaceHit h;
    h.begin = static_cast<size_t>(g[0].data() - text.data());
    h.end = h.begin + g[0].size();
    pos = h.end > pos ? h.end : pos + 1;
    const std::string_view whole(g[0].data(), g[0].size());
    if (!g[1].empty()) {
      h.kind = PlaceKind::national;
    } else if (!g[2].empty()) {
      h.kind = PlaceKind::state_anaphor;
    } else if (!g[3].empty()) {
      h.kind = PlaceKind::county_anaphor;
    } else if (!g[4].empty()) {
      // "In Travis County": a capitalised function word is no part of the name.
      static const char* const lead[] = {"In ",     "The ",   "For ",    "Of ",     "At ",
                                         "By ",     "On ",    "From ",   "To ",     "And ",
                                         "Across ", "Under ", "Within ", "Outside "};
      std::string_view name = whole;
      for (const char* l : lead)
        if (name.starts_with(l)) {
          h.begin += std::strlen(l);
          name.remove_prefix(std::strlen(l));
          break;
        }
      h.kind = PlaceKind::county;
      h.id = slug(name);
    } else if (!g[5].empty()) {
      h.kind = PlaceKind::state;
      h.id = slug(whole);
    } else {
      h.kind = PlaceKind::city;
      h.id = slug(whole);
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace claimcheck::detail
