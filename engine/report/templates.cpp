// templates.cpp — renders the compiled-in Mustache templates with claimcheck's one HTML escaper.
#include "report/templates.hpp"

#include <mutex>

namespace claimcheck::report {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char c = s[i];
    if (n == 1) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n': out += c; break;
        case '\r': break;
        default:
          if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
      }
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string render_template(const std::string& name, const mstch::node& context) {
  // mstch keeps its escaper in a global; it is set once, before the first
  // render of any thread, and never changed after.
  static std::once_flag once;
  std::call_once(once, [] {
    mstch::config::escape = [](const std::string& s) { return escape_html(s); };
  });
  const auto& all = embedded_templates();
  return mstch::render(all.at(name), context, all);
}

}  // namespace claimcheck::report
