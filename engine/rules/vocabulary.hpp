// vocabulary.hpp — the rules' phrases compiled into one RE2 per dimension.
//
// Compile once, share read-only: a CompiledVocabulary is immutable after
// build() and safe to use from many threads at once (RE2 matching is const).
//
//   CompiledVocabulary v;
//   v.add(Dimension::measure, "removals", "deported");
//   v.add(Dimension::category, "low-level", "/Level [23]/");
//   v.build();
//   auto hits = v.match("79% deported had Level 2 charges");
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/rules.hpp"

namespace claimcheck::rules_detail {

// "/Level [23]/" is an RE2 pattern; every other phrase is literal text.
bool is_regex_phrase(std::string_view phrase);
// The RE2 pattern of a "/.../" phrase, without the slashes.
std::string_view regex_body(std::string_view phrase);
// Why a regex phrase cannot be used (RE2's message, or "matches the empty
// string"); nullopt when it compiles.
std::optional<std::string> regex_phrase_error(std::string_view phrase);

// Letters, digits, '_' and any non-ASCII byte count as word characters for
// the whole-word rule.
bool is_word_byte(unsigned char c);

class CompiledVocabulary {
 public:
  CompiledVocabulary();
  ~CompiledVocabulary();
  CompiledVocabulary(CompiledVocabulary&&) noexcept;
  CompiledVocabulary& operator=(CompiledVocabulary&&) noexcept;

  // Phrases must be valid (regex phrases checked with regex_phrase_error).
  void add(Dimension dimension, const std::string& id, const std::string& phrase);
  // Builds one combined pattern per dimension; false (with RE2's message)
  // only if a combined pattern fails, which valid phrases never cause.
  bool build(std::string* error = nullptr);

  // Case-insensitive, whole-word, leftmost-longest and non-overlapping per
  // dimension; all dimensions merged in text order.
  std::vector<VocabularyHit> match(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck::rules_detail
