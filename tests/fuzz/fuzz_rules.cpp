// fuzz_rules.cpp — the rules loader on any bytes; when a file loads, its
// vocabulary is matched against a sentence.
#include <cstddef>
#include <cstdint>
#include <string>

#include "claimcheck/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  claimcheck::Diagnostics diags;
  std::string contents(reinterpret_cast<const char*>(data), size);
  auto rules = claimcheck::load_rules_from_strings({{"fuzz.json", contents}}, diags);
  if (rules) {
    (void)rules->match_vocabulary(
        "In FY2011, 79% of people deported through Secure Communities had no criminal record.");
    for (const auto& c : rules->claims()) (void)rules->find_claim(c.id);
  }
  for (const auto& d : diags.items()) (void)d.format();
  return 0;
}
