// vocabulary.hpp — the rules' phrases compiled into RE2s per dimension,
// plain words matching their inflections ("deport" finds "deportations").
//
// Compile once, share read-only: a CompiledVocabulary is immutable after
// build() and safe to use from many threads at once (RE2 matching is const).
//
//   CompiledVocabulary v;
//   v.add(Dimension::measure, "removals", "deport");   // deported, deportation ...
//   v.add(Dimension::program, "ice", "=ICE");           // as written only
//   v.add(Dimension::category, "low-level", "/Level [23]/");
//   v.build();
//   auto hits = v.match("79% deported had Level 2 charges");
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "claimcheck/rules.hpp"

namespace claimcheck::rules_detail {

// "/Level [23]/" is an RE2 pattern; every other phrase is literal text.
bool is_regex_phrase(std::string_view phrase);
// "=ICE" is matched as written (no inflections); the '=' is not part of it.
bool is_exact_phrase(std::string_view phrase);
// The RE2 pattern of a "/.../" phrase, without the slashes.
std::string_view regex_body(std::string_view phrase);
// Why a regex phrase cannot be used (RE2's message, or "matches the empty
// string"); nullopt when it compiles.
std::optional<std::string> regex_phrase_error(std::string_view phrase);

// Letters, digits, '_' and any non-ASCII byte count as word characters for
// the whole-word rule.
bool is_word_byte(unsigned char c);

// How words are compared (see vocabulary.cpp): a word's Snowball stem less a
// final 'e' ("deportees" -> "deport"), for a lowercase word.
std::string stem_key(std::string_view lowercase_word);
// A lowercase word less its inflection ("removals" -> "removal", "deported"
// -> "deport", "admitted" -> "admit"): what a matching text word begins with.
std::string inflection_base(std::string_view lowercase_word);
// Does this word of a phrase match its inflections (four letters or more,
// not an acronym)?
bool stems_word(std::string_view word);
// The words of a phrase that matches like a reader (plain words joined by
// spaces or hyphens, one of them stemmed); nullopt for a phrase matched as
// written (regex, "=exact", digits or other signs, only short words).
std::optional<std::vector<std::string>> stem_phrase_words(std::string_view phrase);
// The phrase as index search words: stemmed words as "base*" prefixes
// ("low-level offenses" -> "low level* offens*"), "=ICE" -> "ICE".
std::string search_form(std::string_view phrase);

// Why a phrase is too common to be a vocabulary phrase, or nullopt: every
// word of it is a stop word or a word that surrounds figures in any subject
// (change verbs "rose", "reached", "increased"; reporting verbs "said",
// "reported"; "percent", "number", "total"), so it would bind figures it is
// not about. Compared by stem: "rises" is "rose"'s kin.
std::optional<std::string> too_common_reason(std::string_view phrase);

// Why the vocabulary cannot be compiled: the phrase at fault and RE2's word.
struct VocabularyError {
  Dimension dimension;
  std::string id;
  std::string phrase;
  std::string message;
};

// Shared by vocabulary.cpp and vocabulary_match.cpp.
// Case-insensitive, leftmost-longest, silent (errors are values).
RE2::Options phrase_options();
// Is the byte at `at` the start of U+2000..U+207F punctuation (dashes, curly
// quotes), which is not part of a word though its bytes are non-ASCII?
bool punct_at(std::string_view text, size_t at);
std::string lower_ascii(std::string_view s);
// A literal phrase as an RE2 pattern: escaped, any run of whitespace between
// words, \b at an edge that is a word character.
std::string literal_pattern(std::string_view phrase);

class CompiledVocabulary {
 public:
  CompiledVocabulary();
  ~CompiledVocabulary();
  CompiledVocabulary(CompiledVocabulary&&) noexcept;
  CompiledVocabulary& operator=(CompiledVocabulary&&) noexcept;

  // Phrases must be valid (regex phrases checked with regex_phrase_error).
  void add(Dimension dimension, const std::string& id, const std::string& phrase);
  // Compiles each dimension's phrases, a few hundred ids per RE2 (time
  // linear in the vocabulary's size); false, naming the phrase, only if one
  // is too large for RE2 (a literal phrase of megabytes).
  bool build(VocabularyError* error = nullptr);

  // Case-insensitive, whole-word, leftmost-longest and non-overlapping per
  // dimension; all dimensions merged in text order.
  std::vector<VocabularyHit> match(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck::rules_detail
