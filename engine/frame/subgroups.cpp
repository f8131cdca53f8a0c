// subgroups.cpp — words that narrow a figure to a sub-group ("5.4 percent of
// children", "among Hispanic residents", "in rural counties"). A figure so
// narrowed is a part of the population the rules' claims count, unless the
// rules name that group themselves; see subgroups.hpp.
#include "frame/subgroups.hpp"

#include <cctype>
#include <set>
#include <string>

namespace claimcheck::detail {

namespace {

// Plain English words for sub-populations, none of them a measure. Words that
// often name a whole population ("people", "residents", "immigrants",
// "citizens") are left out: they do not narrow.
const std::set<std::string>& subgroup_set() {
  static const std::set<std::string> words = {
      // ages and stages of life
      "children", "child", "kids", "infants", "babies", "toddlers", "teens", "teenagers",
      "adolescents", "youths", "adults", "seniors", "elderly", "retirees", "aged",
      "working-age", "school-age",
      // sexes
      "women", "men", "girls", "boys", "mothers", "fathers",
      // races and ethnicities
      "hispanic", "hispanics", "latino", "latinos", "latina", "latinas", "latinx", "black",
      "asian", "indigenous", "white",
      // income, work, status, birth and citizenship
      "low-income", "high-income", "middle-income", "income", "poverty", "poor", "veterans",
      "students", "self-employed", "unemployed", "jobless", "part-time", "full-time",
      "disabled", "disabilities", "noncitizens", "non-citizens", "foreign-born",
      "native-born", "naturalized", "undocumented",
      // kinds of place in the plural: "in rural counties", "expansion states"
      "rural", "urban", "suburban", "counties", "cities", "states", "districts",
      "neighborhoods"};
  return words;
}

bool word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || (u & 0x80);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<Span> subgroup_words(std::string_view text, size_t begin, size_t end) {
  std::vector<Span> out;
  end = std::min(end, text.size());
  std::string prev;
  size_t i = begin;
  while (i < end) {
    while (i < end && !word_char(text[i])) ++i;
    size_t we = i;
    while (we < end && word_char(text[we])) ++we;
    if (we == i) break;
    const std::string w = lower(text.substr(i, we - i));
    size_t ne = we;  // the word after, for "White House"
    while (ne < end && text[ne] == ' ') ++ne;
    size_t nwe = ne;
    while (nwe < end && word_char(text[nwe])) ++nwe;
    const std::string next = lower(text.substr(ne, nwe - ne));
    const bool skip = (w == "states" && prev == "united") || (w == "white" && next == "house");
    if (!skip && subgroup_set().count(w)) out.push_back({i, we});
    prev = w;
    i = we;
  }
  return out;
}

}  // namespace claimcheck::detail
