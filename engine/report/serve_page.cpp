// serve_page.cpp — the page of `claimcheck serve` (engine/report/templates/serve.html).
#include "claimcheck/report.hpp"
#include "report/templates.hpp"

namespace claimcheck {

std::string render_serve_page(const std::string& token) {
  return report::render_template("serve.html", mstch::map{{"token", token}});
}

}  // namespace claimcheck
