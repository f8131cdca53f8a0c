// figure_text.cpp — how reports write what a figure was read as.
#include "report/figure_text.hpp"

namespace claimcheck::report {

std::string number_text(double v) {
  std::string s = std::to_string(v);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

std::string figure_text(const Mention& m) {
  std::string out = number_text(m.value);
  if (m.range) out += "\xE2\x80\x93" + number_text(m.high);
  out += " " + std::string(unit_name(m.unit));
  if (m.unit == Unit::rate)
    out += " per " + number_text(m.per);
  else if (m.unit != Unit::usd && !m.unit_text.empty())
    out += " " + m.unit_text;
  if (m.change != ChangeKind::none)
    out += " (" + std::string(change_kind_name(m.change)) + " change, " + std::string(direction_name(m.direction)) + ")";
  if (m.minor) out += " (minor)";
  return out;
}

}  // namespace claimcheck::report
