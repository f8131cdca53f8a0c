// framing.hpp — frames of corpus figures for verify and reconcile: the rules'
// vocabulary and the parsed periods of the evidence sentence, bound to each
// figure the way the checker binds them to a draft's mentions (its own
// stretch of the sentence first, then the sentence). Internal to the engine.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claimcheck/verify.hpp"

namespace claimcheck::verify_detail {

// Every figure of an evidence sentence with its frame. `rules` may be null.
std::vector<FramedFigure> frame_figures(const Rules* rules, const Evidence& e);

// Interval a claim's value covers: tolerance, else +/-0.5 (at least).
std::pair<double, double> claim_range(const Claim& c);

// Is the stated figure frame compatible with the claim's frame? Only the
// dimensions the sentence states count; `period_slack` in days.
bool frame_backs(const FramedFigure& f, const Claim& c, int period_slack);

// Same frame in every dimension the claim has (measure, category equal; the
// period stated and consistent when the claim has one).
bool same_frame(const FramedFigure& f, const Claim& c, int period_slack);

bool is_derived(const Claim& c);
std::string basename_of(const std::string& path);
std::string stem_of(const std::string& path);

std::string csv_field(std::string_view s);
std::string period_label(const FramedFigure& f);
std::string value_label(double v, Unit u);
nlohmann::json figure_json(const FramedFigure& f);  // verify.cpp

}  // namespace claimcheck::verify_detail
