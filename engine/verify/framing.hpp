// framing.hpp — frames of corpus figures for verify and reconcile: the rules'
// vocabulary and the parsed periods of the evidence sentence, bound to each
// figure the way the checker binds them to a draft's mentions (its own
// stretch of the sentence first, then the sentence). Internal to the engine.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claimcheck/verify.hpp"
#include "frame/reader.hpp"

namespace claimcheck::verify_detail {

// Every figure of an evidence sentence with its frame. `rules` may be null.
// `read`, when given, receives the reader's figure behind each one (same
// order; a default figure where the reader has none), for the matcher's
// per-dimension comparison.
std::vector<FramedFigure> frame_figures(const Rules* rules, const Evidence& e,
                                        std::vector<detail::Figure>* read = nullptr);

// Interval a claim's value covers: tolerance, else +/-0.5 (at least).
std::pair<double, double> claim_range(const Claim& c);

// Does the figure back the claim? No dimension differs or names another
// statistic (as the claim matcher judges it), the period is not merely a
// coarser one, and the measure or the categories positively agree (or
// the categories the sentence names are some of the claim's).
bool frame_backs(const Rules& rules, const detail::Figure& r, const Claim& c);

// Every dimension the claim names is positively the figure's: measure,
// categories and period agree, no program or place says otherwise. Only
// such a figure with another value contradicts a claim or conflicts with it.
bool positively_same_frame(const Rules& rules, const detail::Figure& r, const Claim& c);

bool is_derived(const Claim& c);
std::string basename_of(const std::string& path);
std::string stem_of(const std::string& path);

std::string csv_field(std::string_view s);
std::string period_label(const FramedFigure& f);
std::string value_label(double v, Unit u);
nlohmann::json figure_json(const FramedFigure& f);  // verify.cpp

}  // namespace claimcheck::verify_detail
