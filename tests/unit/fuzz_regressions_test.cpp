// fuzz_regressions_test.cpp — replays every input kept in
// tests/fuzz/regressions/<target>/ through the API that target fuzzes, so a
// crasher the fuzzers once found stays fixed in the ordinary (and sanitizer)
// test run, without clang.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "claimcheck/document.hpp"
#include "claimcheck/mention.hpp"
#include "claimcheck/period.hpp"
#include "claimcheck/rules.hpp"

namespace fs = std::filesystem;
using namespace claimcheck;

namespace {

std::vector<std::pair<std::string, std::string>> inputs(const std::string& target) {
  std::vector<std::pair<std::string, std::string>> out;
  const fs::path dir = fs::path(CLAIMCHECK_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.emplace_back(e.path().filename().string(), ss.str());
  }
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: mentions, sentences and clauses") {
  for (const auto& [name, bytes] : inputs("fuzz_mentions")) {
    INFO(name);
    for (const auto& m : extract_mentions(bytes)) CHECK(m.end <= bytes.size());
    for (const auto& s : split_sentences(bytes)) {
      REQUIRE(s.end <= bytes.size());
      (void)split_clauses(std::string_view(bytes).substr(s.begin, s.end - s.begin));
    }
  }
}

TEST_CASE("fuzz regressions: periods") {
  for (const auto& [name, bytes] : inputs("fuzz_periods")) {
    INFO(name);
    for (const auto& p : find_periods(bytes, 20120615)) CHECK(p.end <= bytes.size());
    (void)parse_period(bytes);
  }
}

TEST_CASE("fuzz regressions: rules loader") {
  for (const auto& [name, bytes] : inputs("fuzz_rules")) {
    INFO(name);
    Diagnostics diags;
    auto rules = load_rules_from_strings({{name, bytes}}, diags);
    CHECK((rules.has_value() || diags.has_errors()));
  }
}

TEST_CASE("fuzz regressions: readers (first byte picks the format)") {
  static const char* const kFormats[] = {"txt", "md", "html", "docx", "pdf"};
  for (const auto& [name, bytes] : inputs("fuzz_reader")) {
    if (bytes.empty()) continue;
    INFO(name);
    Diagnostics diags;
    ReadLimits limits;
    limits.max_unpacked_bytes = 16u << 20;
    auto doc = document_from_bytes("fuzz", std::string_view(bytes).substr(1),
                                   kFormats[static_cast<unsigned char>(bytes[0]) % 5], diags, limits);
    CHECK((doc.has_value() || diags.has_errors()));
  }
}
