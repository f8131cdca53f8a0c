// fingerprint.cpp — a finding's stable identity: kind, claim and its sentence
// with case and spacing folded, hashed (FNV-1a, 64 bits) to 16 hex digits.
// Line numbers stay out, so a finding keeps its fingerprint when text above
// it is edited.
#include <cstdint>
#include <string>

#include "claimcheck/report.hpp"

namespace claimcheck {

namespace {

struct Fnv {
  uint64_t h = 1469598103934665603ull;
  void byte(unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  }
  void text(std::string_view s) {
    for (unsigned char c : s) byte(c);
    byte(0x1F);  // field separator: ("ab","c") and ("a","bc") differ
  }
};

}  // namespace

std::string finding_fingerprint(std::string_view kind, std::string_view claim, std::string_view sentence) {
  Fnv f;
  f.text(kind);
  f.text(claim);
  bool space = false, any = false;
  for (unsigned char c : sentence) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = any;
      continue;
    }
    if (space) f.byte(' ');
    space = false;
    any = true;
    f.byte(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, f.h >>= 4) out[size_t(i)] = hex[f.h & 15];
  return out;
}

}  // namespace claimcheck
