// checks.hpp — one kind of check per file behind one interface; the driver
// runs them in order over one CheckContext.
#pragma once

#include <memory>
#include <vector>

#include "match/context.hpp"

namespace claimcheck::detail {

// A sentence holding more figures than this is not prose but a table or an
// attack ("0% 1% 2% ..." packed into 8 KB). The work per figure is then
// bounded: evidence is ranked by the words near the figure, not the whole
// sentence, and a percent is derived only from the counts just before it.
// The report carries a warning (FileReport::warnings). Sentences under the
// cap are checked exactly as before.
constexpr size_t kDenseSentenceFigures = 32;
// In such a sentence: the bytes of text around a figure that rank its evidence.
constexpr size_t kDenseQueryBytes = 300;

class Check {
 public:
  virtual ~Check() = default;
  virtual const char* name() const = 0;
  virtual void run(CheckContext& ctx) const = 0;
};

// Value-first matching against the rules: value, period, definition,
// population, program, hedge and missing-period findings.
std::unique_ptr<Check> make_claim_check();
// Parts against totals, percents against the counts they derive from,
// exclusive shares over 100%.
std::unique_ptr<Check> make_arithmetic_check();
std::unique_ptr<Check> make_exclusive_check();
// A trend's own arithmetic: "from 10.0% to 12.0%, a jump of 3.5 points".
std::unique_ptr<Check> make_trend_arithmetic_check();
// Figures compared or juxtaposed across periods or definitions.
std::unique_ptr<Check> make_comparison_check();
// Corpus evidence for what the rules do not cover; otherwise unsupported.
std::unique_ptr<Check> make_evidence_check();

// In the order they must run: later checks read what earlier ones decided.
std::vector<std::unique_ptr<Check>> make_checks();


}  // namespace claimcheck::detail
