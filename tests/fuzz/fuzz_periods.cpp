// fuzz_periods.cpp — period parsing: find_periods over text, parse_period on
// the whole input, consistent_period/describe_period on what they return.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "claimcheck/period.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const claimcheck::Day doc_date = size > 0 && data[0] % 2 ? 20120615 : 0;
  for (const auto& p : claimcheck::find_periods(text, doc_date)) {
    if (p.begin > p.end || p.end > text.size()) std::abort();
    (void)claimcheck::describe_period(p.period);
    (void)claimcheck::consistent_period(p, p.period);
  }
  if (auto p = claimcheck::parse_period(text)) {
    (void)claimcheck::describe_period(*p);
    (void)claimcheck::same_period(*p, *p);
  }
  (void)claimcheck::parse_iso_day(text);
  return 0;
}
