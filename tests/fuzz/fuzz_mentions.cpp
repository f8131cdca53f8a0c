// fuzz_mentions.cpp — mention extraction, sentences and clauses on any bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "claimcheck/mention.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto mentions = claimcheck::extract_mentions(text);
  for (const auto& m : mentions) {
    // The contract of mention.hpp: spans inside the text, text == substr.
    if (m.begin > m.end || m.end > text.size() || m.text != text.substr(m.begin, m.end - m.begin))
      std::abort();
  }
  for (const auto& s : claimcheck::split_sentences(text)) {
    if (s.begin > s.end || s.end > text.size()) std::abort();
    const auto sentence = text.substr(s.begin, s.end - s.begin);
    for (const auto& c : claimcheck::split_clauses(sentence))
      if (c.begin > c.end || c.end > sentence.size()) std::abort();
  }
  // The indexer's sentences: inside the text, each one of split_sentences'.
  const auto all = claimcheck::split_sentences(text);
  for (const auto& s : claimcheck::sentences_around(text, mentions)) {
    if (s.begin > s.end || s.end > text.size()) std::abort();
    bool found = false;
    for (const auto& a : all) found = found || (a.begin == s.begin && a.end == s.end);
    if (!found) std::abort();
  }
  return 0;
}
