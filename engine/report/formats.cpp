// formats.cpp — reports for other tools: one finding a line (editors, grep),
// GitHub Actions workflow commands (annotations on a pull request), and
// reviewdog's rdjson. Only active findings (not suppressed, not in the
// baseline) at or above the minimum level appear.
#include <nlohmann/json.hpp>

#include <string>

#include "claimcheck/report.hpp"

namespace claimcheck {

namespace {

// Workflow command values escape %, CR and LF; properties also , and :.
std::string gh_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

// One line, no control characters: a message or quote on a line of its own.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

template <class F>
void each_shown(const Report& r, const RenderOptions& o, F f) {
  for (const auto& file : r.files)
    for (const auto& x : file.findings)
      if (x.active() && x.severity >= o.min_level) f(file, x);
}

}  // namespace

std::string render_lines(const Report& r, const RenderOptions& o) {
  std::string out;
  each_shown(r, o, [&](const FileReport& f, const Finding& x) {
    out += one_line(f.path) + ":" + std::to_string(x.start.line) + ":" + std::to_string(x.start.column) + ": " +
           std::string(severity_name(x.severity)) + ": " + one_line(x.message) + " [" + x.kind + "]\n";
  });
  return out;
}

std::string render_github(const Report& r, const RenderOptions& o) {
  std::string out;
  each_shown(r, o, [&](const FileReport& f, const Finding& x) {
    const char* cmd = x.severity == Severity::error ? "error" : x.severity == Severity::warning ? "warning" : "notice";
    out += std::string("::") + cmd + " file=" + gh_escape(f.path, true) + ",line=" + std::to_string(x.start.line) +
           ",col=" + std::to_string(x.start.column);
    if (x.end_pos.line >= x.start.line) {
      out += ",endLine=" + std::to_string(x.end_pos.line);
      if (x.end_pos.line == x.start.line) out += ",endColumn=" + std::to_string(x.end_pos.column);
    }
    out += ",title=" + gh_escape("claimcheck " + x.kind, true) + "::" + gh_escape(x.message, false) + "\n";
  });
  return out;
}

std::string render_rdjson(const Report& r) {
  using json = nlohmann::ordered_json;
  json diagnostics = json::array();
  each_shown(r, RenderOptions{}, [&](const FileReport& f, const Finding& x) {
    json range = {{"start", {{"line", x.start.line}, {"column", x.start.column}}}};
    if (x.end_pos.line >= x.start.line) range["end"] = {{"line", x.end_pos.line}, {"column", x.end_pos.column}};
    diagnostics.push_back({{"message", x.message},
                           {"location", {{"path", f.path}, {"range", std::move(range)}}},
                           {"severity", x.severity == Severity::error     ? "ERROR"
                                        : x.severity == Severity::warning ? "WARNING"
                                                                          : "INFO"},
                           {"code", {{"value", x.kind}}}});
  });
  json root = {{"source", {{"name", "claimcheck"}}}, {"diagnostics", std::move(diagnostics)}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace claimcheck
