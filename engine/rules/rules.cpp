// rules.cpp — STUB, replaced by the rules work.
#include "claimcheck/rules.hpp"

namespace claimcheck {

struct Rules::Impl {
  std::vector<Claim> claims;
  Frame defaults;
};

std::string_view dimension_name(Dimension d) {
  switch (d) {
    case Dimension::program: return "program";
    case Dimension::measure: return "measure";
    case Dimension::category: return "category";
    case Dimension::period: return "period";
    case Dimension::place: return "place";
  }
  return "program";
}

Rules::Rules() : impl_(std::make_unique<Impl>()) {}
Rules::~Rules() = default;
Rules::Rules(Rules&&) noexcept = default;
Rules& Rules::operator=(Rules&&) noexcept = default;
const std::vector<Claim>& Rules::claims() const { return impl_->claims; }
const Claim* Rules::find_claim(std::string_view) const { return nullptr; }
const Frame& Rules::defaults() const { return impl_->defaults; }
std::optional<Period> Rules::vocabulary_period(std::string_view) const { return std::nullopt; }
std::vector<std::string> Rules::titles() const { return {}; }
std::vector<VocabularyHit> Rules::match_vocabulary(std::string_view) const { return {}; }

std::optional<Rules> load_rules(const std::vector<std::string>&, Diagnostics&) { return Rules(); }
std::optional<Rules> load_rules_from_strings(
    const std::vector<std::pair<std::string, std::string>>&, Diagnostics&) {
  return Rules();
}
void lint_rules(const std::vector<std::string>&, Diagnostics&) {}

}  // namespace claimcheck
