// vocabulary.cpp — one combined RE2 per dimension, one pass per dimension.
//
// Each vocabulary id becomes one capturing group holding the alternation of
// its phrases; literal phrases are escaped, their inner whitespace matches
// any run of whitespace (a phrase may wrap across lines), and they get \b on
// each side that starts or ends with a word character ("287(g)" gets \b only
// before the 2). The pattern is compiled with longest_match, so RE2 itself
// gives leftmost-longest matches; which group took part tells the id.
// Regex phrases are used as written, inside a non-capturing group; the
// whole-word rule is then checked on the match.
#include "rules/vocabulary.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>

namespace claimcheck::rules_detail {

bool is_regex_phrase(std::string_view phrase) {
  return phrase.size() >= 2 && phrase.front() == '/' && phrase.back() == '/';
}

std::string_view regex_body(std::string_view phrase) {
  return phrase.substr(1, phrase.size() - 2);
}

static RE2::Options phrase_options() {
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
      if (re.Match(re2::StringPiece(probe.data(), probe.size()), at, probe.size(), RE2::ANCHOR_START,
                   &m, 1) &&
          m.empty())
        return std::string("pattern matches the empty string");
    }
  }
  return std::nullopt;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

static bool is_ascii_word(unsigned char c) { return c < 0x80 && (std::isalnum(c) || c == '_'); }

static std::string literal_pattern(std::string_view phrase) {
  std::string out;
  if (is_ascii_word(static_cast<unsigned char>(phrase.front()))) out += "\\b";
  size_t i = 0;
  bool first = true;
  while (i < phrase.size()) {
    while (i < phrase.size() && std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    size_t j = i;
    while (j < phrase.size() && !std::isspace(static_cast<unsigned char>(phrase[j]))) ++j;
    if (j > i) {
      if (!first) out += "\\s+";
      out += RE2::QuoteMeta(re2::StringPiece(phrase.data() + i, j - i));
      first = false;
    }
    i = j;
  }
  if (is_ascii_word(static_cast<unsigned char>(phrase.back()))) out += "\\b";
  return out;
}

namespace {

struct Group {
  int index = 0;  // capturing group number in the combined pattern
  std::string id;
};

struct DimensionMatcher {
  Dimension dimension;
  std::unique_ptr<RE2> re;
  std::vector<Group> groups;
  int group_count = 0;  // all capturing groups, including those inside regex phrases
};

}  // namespace

struct CompiledVocabulary::Impl {
  // dimension -> id -> phrases, in the order given
  std::map<Dimension, std::map<std::string, std::vector<std::string>>> phrases;
  std::vector<DimensionMatcher> matchers;
};

CompiledVocabulary::CompiledVocabulary() : impl_(std::make_unique<Impl>()) {}
CompiledVocabulary::~CompiledVocabulary() = default;
CompiledVocabulary::CompiledVocabulary(CompiledVocabulary&&) noexcept = default;
CompiledVocabulary& CompiledVocabulary::operator=(CompiledVocabulary&&) noexcept = default;

void CompiledVocabulary::add(Dimension dimension, const std::string& id, const std::string& phrase) {
  auto& list = impl_->phrases[dimension][id];
  if (std::find(list.begin(), list.end(), phrase) == list.end()) list.push_back(phrase);
}

bool CompiledVocabulary::build(std::string* error) {
  impl_->matchers.clear();
  for (auto& [dimension, ids] : impl_->phrases) {
    DimensionMatcher m;
    m.dimension = dimension;
    std::string pattern;
    int next_group = 1;
    for (auto& [id, phrases] : ids) {
      std::vector<std::string> sorted = phrases;
      // Longest first: not needed under longest_match, but it keeps the
      // pattern readable and the leftmost-first fallback sensible.
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      std::string alternatives;
      int inner_groups = 0;
      for (const auto& phrase : sorted) {
        if (phrase.empty()) continue;
        if (!alternatives.empty()) alternatives += "|";
        if (is_regex_phrase(phrase)) {
          const std::string_view body = regex_body(phrase);
          RE2 inner(re2::StringPiece(body.data(), body.size()), phrase_options());
          if (!inner.ok()) continue;
          inner_groups += inner.NumberOfCapturingGroups();
          alternatives += "(?:" + std::string(body) + ")";
        } else {
          alternatives += literal_pattern(phrase);
        }
      }
      if (alternatives.empty()) continue;
      if (!pattern.empty()) pattern += "|";
      pattern += "(" + alternatives + ")";
      m.groups.push_back({next_group, id});
      next_group += 1 + inner_groups;
    }
    if (pattern.empty()) continue;
    m.group_count = next_group - 1;
    RE2::Options options = phrase_options();
    options.set_max_mem(64 << 20);  // large vocabularies need more than RE2's 8 MB default
    m.re = std::make_unique<RE2>(pattern, options);
    if (!m.re->ok()) {
      if (error)
        *error = "vocabulary." + std::string(dimension_name(dimension)) + ": " + m.re->error();
      return false;
    }
    impl_->matchers.push_back(std::move(m));
  }
  return true;
}

std::vector<VocabularyHit> CompiledVocabulary::match(std::string_view text) const {
  std::vector<VocabularyHit> hits;
  const re2::StringPiece piece(text.data(), text.size());
  for (const auto& m : impl_->matchers) {
    std::vector<re2::StringPiece> sub(static_cast<size_t>(m.group_count) + 1);
    size_t pos = 0;
    while (pos < text.size() &&
           m.re->Match(piece, pos, text.size(), RE2::UNANCHORED, sub.data(), static_cast<int>(sub.size()))) {
      const size_t begin = static_cast<size_t>(sub[0].data() - text.data());
      const size_t end = begin + sub[0].size();
      auto next_char = [&](size_t at) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
        return at;
      };
      // Whole words only: a word character at an edge of the match must not
      // continue into the text around it (regex phrases, non-ASCII letters).
      const bool starts_word = begin < end && is_word_byte(static_cast<unsigned char>(text[begin]));
      const bool ends_word = begin < end && is_word_byte(static_cast<unsigned char>(text[end - 1]));
      // U+2010..U+205F (dashes, curly quotes, ellipsis) are punctuation,
      // though their bytes are non-ASCII: "“hits”" holds the word "hits".
      auto punct_before = [&](size_t at) {
        return at >= 3 && static_cast<unsigned char>(text[at - 3]) == 0xE2 &&
               (static_cast<unsigned char>(text[at - 2]) == 0x80 || static_cast<unsigned char>(text[at - 2]) == 0x81);
      };
      auto punct_at = [&](size_t at) {
        return at + 2 < text.size() + 0 && static_cast<unsigned char>(text[at]) == 0xE2 &&
               (static_cast<unsigned char>(text[at + 1]) == 0x80 || static_cast<unsigned char>(text[at + 1]) == 0x81);
      };
      const bool bad_start = starts_word && begin > 0 && !punct_before(begin) &&
                             is_word_byte(static_cast<unsigned char>(text[begin - 1]));
      const bool bad_end = ends_word && end < text.size() && !punct_at(end) &&
                           is_word_byte(static_cast<unsigned char>(text[end]));
      if (end == begin || bad_start || bad_end) {
        pos = next_char(begin);
        continue;
      }
      for (const auto& g : m.groups) {
        if (sub[static_cast<size_t>(g.index)].data() != nullptr) {
          hits.push_back({m.dimension, g.id, begin, end});
          break;
        }
      }
      pos = end;
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const VocabularyHit& a, const VocabularyHit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return static_cast<int>(a.dimension) < static_cast<int>(b.dimension);
  });
  return hits;
}

}  // namespace claimcheck::rules_detail
