// diagnostic.cpp — formatting and collecting diagnostics.
#include "claimcheck/diagnostic.hpp"

#include <algorithm>

namespace claimcheck {

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!out.empty()) out += ": ";
  switch (level) {
    case Level::error: out += "error: "; break;
    case Level::warning: out += "warning: "; break;
    case Level::note: out += "note: "; break;
  }
  out += message;
  return out;
}

void Diagnostics::error(std::string file, int line, int column, std::string message) {
  items_.push_back({std::move(file), line, column, Level::error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message) {
  items_.push_back({std::move(file), line, column, Level::warning, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.level == Level::error; });
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("input error") : ds.front().format();
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace claimcheck
