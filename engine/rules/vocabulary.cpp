// vocabulary.cpp — what a phrase is: regex, exact or plain words; how plain
// words are stemmed to match like a reader; the index search form of a
// phrase; phrases too common to bind figures. vocabulary_match.cpp compiles
// and matches them.
#include "rules/vocabulary.hpp"

#include <re2/re2.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace claimcheck::rules_detail {

bool is_regex_phrase(std::string_view phrase) {
  return phrase.size() >= 2 && phrase.front() == '/' && phrase.back() == '/';
}

bool is_exact_phrase(std::string_view phrase) {
  return phrase.size() >= 2 && phrase.front() == '=';
}

std::string_view regex_body(std::string_view phrase) { return phrase.substr(1, phrase.size() - 2); }

RE2::Options phrase_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  options.set_log_errors(false);
  return options;
}

std::optional<std::string> regex_phrase_error(std::string_view phrase) {
  const std::string_view body = regex_body(phrase);
  if (body.empty()) return std::string("empty pattern");
  RE2 re(re2::StringPiece(body.data(), body.size()), phrase_options());
  if (!re.ok()) return re.error();
  // Matching the empty string anywhere ("\\b", "x?", "^") counts, not only
  // the whole of "": probe every position of a few short texts.
  for (const std::string_view probe : {"", " ", "a", "a b", "1.5", "-"}) {
    for (size_t at = 0; at <= probe.size(); ++at) {
      re2::StringPiece m;
      if (re.Match(re2::StringPiece(probe.data(), probe.size()), at, probe.size(),
                   RE2::ANCHOR_START, &m, 1) &&
          m.empty())
        return std::string("pattern matches the empty string");
    }
  }
  return std::nullopt;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

bool punct_at(std::string_view text, size_t at) {
  return at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
         (static_cast<unsigned char>(text[at + 1]) == 0x80 ||
          static_cast<unsigned char>(text[at + 1]) == 0x81);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

bool is_acronym(std::string_view word) {
  return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c));
         });
}

}  // namespace

std::string stem_key(std::string_view lowercase_word) {
  // A Stem shares reference-counted internals: one per thread. Words repeat
  // a lot across sentences, so stems are memoised (bounded).
  thread_local Xapian::Stem stemmer("english");
  thread_local std::unordered_map<std::string, std::string> memo;
  std::string word(lowercase_word);
  if (auto it = memo.find(word); it != memo.end()) return it->second;
  std::string key = stemmer(word);
  if (key.size() > 4 && key.back() == 'e') key.pop_back();
  if (memo.size() > 100000) memo.clear();
  memo.emplace(std::move(word), key);
  return key;
}

std::string inflection_base(std::string_view lowercase_word) {
  std::string w(lowercase_word);
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  bool verb_ending = false;
  if (ends("ies") && w.size() > 4) {
    w.resize(w.size() - 3);
  } else if (ends("es") && w.size() > 4 &&
             std::string_view("sxzh").find(w[w.size() - 3]) != std::string_view::npos) {
    w.resize(w.size() - 2);
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is") && w.size() > 3) {
    w.pop_back();
  } else if (ends("ed") && w.size() > 4) {
    w.resize(w.size() - 2);
    verb_ending = true;
  } else if (ends("ing") && w.size() > 5) {
    w.resize(w.size() - 3);
    verb_ending = true;
  }
  // "admitted" -> "admit", so that "admits" and "admission" begin with it.
  const auto consonant = [](char c) {
    return std::string_view("aeiouy").find(c) == std::string_view::npos;
  };
  if (verb_ending && w.size() > 3 && w.back() == w[w.size() - 2] && consonant(w.back()) &&
      w.back() != 's' && w.back() != 'l')
    w.pop_back();
  if (w.size() > 3 && (w.back() == 'e' || w.back() == 'y')) w.pop_back();
  return w;
}

bool stems_word(std::string_view word) {
  return word.size() >= 4 && !is_acronym(word) && inflection_base(lower_ascii(word)).size() >= 3;
}

std::optional<std::vector<std::string>> stem_phrase_words(std::string_view phrase) {
  if (is_regex_phrase(phrase) || is_exact_phrase(phrase)) return std::nullopt;
  std::vector<std::string> words;
  std::string word;
  for (char ch : phrase) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      word.push_back(ch);
    } else if (std::isspace(c) || ch == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      return std::nullopt;  // digits, apostrophes, dots, non-ASCII: as written
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  // Nothing to stem (every word short or an acronym): as written.
  if (std::none_of(words.begin(), words.end(), [](const std::string& w) { return stems_word(w); }))
    return std::nullopt;
  return words;
}

std::string search_form(std::string_view phrase) {
  if (is_exact_phrase(phrase)) return std::string(phrase.substr(1));
  const auto words = stem_phrase_words(phrase);
  if (!words) return std::string(phrase);
  std::string out;
  for (const auto& w : *words) {
    if (!out.empty()) out += ' ';
    out += stems_word(w) ? inflection_base(lower_ascii(w)) + "*" : lower_ascii(w);
  }
  return out;
}

std::optional<std::string> too_common_reason(std::string_view phrase) {
  // Change and reporting verbs and quantity words: in any subject they sit
  // next to figures of every kind ("rose to 12%", "said 40,000", "the total
  // reached"), so as a measure or category they bind figures to claims they
  // are not about. Stop words tell nothing at all.
  static const std::set<std::string> common = [] {
    std::set<std::string> keys;
    for (const char* w :
         {"reached",   "rose",      "risen",  "rise",    "fell",     "fallen",     "increased",
          "decreased", "grew",      "grown",  "dropped", "declined", "climbed",    "jumped",
          "doubled",   "tripled",   "halved", "said",    "says",     "stated",     "reported",
          "according", "estimated", "showed", "found",   "percent",  "percentage", "number",
          "total",     "figure",    "amount", "level",   "share",    "more",       "less",
          "about",     "than",      "nearly", "over",    "under",    "were",       "was",
          "had",       "has",       "have"})
      keys.insert(stem_key(w));
    return keys;
  }();
  static const std::set<std::string> stop = {
      "a",   "an",   "and",  "are", "as",  "at",   "be",    "by",  "for",   "from", "in",
      "is",  "it",   "its",  "of",  "on",  "or",   "that",  "the", "their", "this", "to",
      "was", "were", "with", "had", "has", "have", "which", "who", "will"};
  std::vector<std::string> words;
  std::string word;
  for (char ch : phrase) {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    } else if (std::isspace(static_cast<unsigned char>(ch)) || ch == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      return std::nullopt;  // digits or signs: specific enough
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) return std::nullopt;
  bool all_stop = true;
  for (const auto& w : words) {
    if (stop.count(w)) continue;
    all_stop = false;
    if (!common.count(stem_key(w))) return std::nullopt;
  }
  if (all_stop) return std::string("only stop words");
  return std::string(
      "a word that surrounds figures of every kind (a change or reporting verb, or a quantity "
      "word)");
}

}  // namespace claimcheck::rules_detail
