// rules.cpp — the Rules facade and the entry points of loading: reading
// files, running the loader (loader.hpp: phases over every file, every
// problem reported in one run) and reporting its diagnostics in file order.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <tuple>

#include "rules/loader.hpp"

namespace claimcheck {

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

std::string_view origin_name(Origin o) {
  switch (o) {
    case Origin::unknown: return "unknown";
    case Origin::default_value: return "default";
    case Origin::context: return "context";
    case Origin::stated: return "stated";
  }
  return "unknown";
}

Origin& FrameSource::at(Dimension d) {
  switch (d) {
    case Dimension::program: return program;
    case Dimension::measure: return measure;
    case Dimension::category: return category;
    case Dimension::period: return period;
    case Dimension::place: return place;
  }
  return program;
}

Origin FrameSource::at(Dimension d) const { return const_cast<FrameSource*>(this)->at(d); }


namespace rules_detail {

namespace {
constexpr size_t kMaxRulesFileBytes = 16u << 20;  // 16 MB: far beyond any hand-written file
}  // namespace

void append_in_file_order(const Diagnostics& found, const std::vector<RulesInput>& files, Diagnostics& out) {
  std::map<std::string, size_t> rank;
  for (const auto& f : files) rank.emplace(f.name, rank.size());
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(rank[a.file], a.line, a.column) < std::make_tuple(rank[b.file], b.line, b.column);
  });
  for (auto& d : items) out.add(std::move(d));
}

std::unique_ptr<Rules::Impl> load_rules_checked(const std::vector<RulesInput>& files, Diagnostics& diags,
                                                LoadDetails* details) {
  // Phases find problems out of file order; report them in it.
  Diagnostics found;
  auto impl = Loader(found).run(files, details);
  append_in_file_order(found, files, diags);
  return impl;
}

std::vector<RulesInput> read_rules_files(const std::vector<std::string>& paths) {
  std::vector<RulesInput> out;
  for (const auto& path : paths) {
    RulesInput input;
    input.name = path;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
      input.read_error = ec.message();
    } else if (std::filesystem::is_directory(path, ec)) {
      input.read_error = "is a directory";
    } else if (size > kMaxRulesFileBytes) {
      input.read_error = "larger than " + std::to_string(kMaxRulesFileBytes >> 20) + " MB";
    } else {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in && !in.eof())
        input.read_error = "read failed";
      else
        input.text = ss.str();
    }
    out.push_back(std::move(input));
  }
  return out;
}

}  // namespace rules_detail

// --- the Rules facade --------------------------------------------------------

Rules::Rules() : impl_(std::make_unique<Impl>()) {}
Rules::~Rules() = default;
Rules::Rules(Rules&&) noexcept = default;
Rules& Rules::operator=(Rules&&) noexcept = default;

const std::vector<Claim>& Rules::claims() const { return impl_->claims; }

const Claim* Rules::find_claim(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->claims[it->second];
}

const Frame& Rules::defaults() const { return impl_->defaults; }

std::optional<Period> Rules::vocabulary_period(std::string_view id) const {
  auto it = impl_->periods.find(std::string(id));
  if (it == impl_->periods.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Rules::titles() const { return impl_->titles; }

const std::vector<std::string>& Rules::phrases(Dimension d, std::string_view id) const {
  static const std::vector<std::string> none;
  auto it = impl_->phrases.find({d, std::string(id)});
  return it == impl_->phrases.end() ? none : it->second;
}

bool Rules::has_vocabulary_id(Dimension d, std::string_view id) const {
  return impl_->ids.count({d, std::string(id)}) > 0;
}

double claim_half_unit(const Claim& c) {
  if (c.decimals >= 0) return 0.5 * std::pow(10.0, -c.decimals);
  return rules_detail::half_unit(c.value);
}

int Rules::version() const { return impl_->version; }
int Rules::fiscal_year_start() const { return impl_->fiscal_year_start; }
const std::vector<std::string>& Rules::facets() const { return impl_->facets; }

std::string_view Rules::facet_of(std::string_view category_id) const {
  auto it = impl_->facet_of.find(std::string(category_id));
  return it == impl_->facet_of.end() ? std::string_view("category") : std::string_view(it->second);
}

std::string_view Rules::facet_kind(std::string_view facet) const {
  auto it = impl_->facet_kinds.find(std::string(facet));
  return it == impl_->facet_kinds.end() ? std::string_view("definition-mismatch") : std::string_view(it->second);
}

std::string_view Rules::parent_of(Dimension d, std::string_view id) const {
  auto it = impl_->parents.find({d, std::string(id)});
  return it == impl_->parents.end() ? std::string_view() : std::string_view(it->second);
}

bool Rules::is_within(Dimension d, std::string_view id, std::string_view ancestor) const {
  // Chains are short and acyclic (checked at load); bound the walk anyway.
  std::string_view at = parent_of(d, id);
  for (int depth = 0; !at.empty() && depth < 64; ++depth, at = parent_of(d, at))
    if (at == ancestor) return true;
  return false;
}

std::vector<VocabularyHit> Rules::match_vocabulary(std::string_view text) const {
  return impl_->vocabulary.match(text);
}

std::optional<Rules> load_rules(const std::vector<std::string>& paths, Diagnostics& diags) {
  auto impl = rules_detail::load_rules_checked(rules_detail::read_rules_files(paths), diags, nullptr);
  if (!impl) return std::nullopt;
  Rules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

std::optional<Rules> load_rules_from_strings(const std::vector<std::pair<std::string, std::string>>& files,
                                             Diagnostics& diags) {
  std::vector<rules_detail::RulesInput> inputs;
  for (const auto& [name, text] : files) inputs.push_back({name, text, ""});
  auto impl = rules_detail::load_rules_checked(inputs, diags, nullptr);
  if (!impl) return std::nullopt;
  Rules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

}  // namespace claimcheck
