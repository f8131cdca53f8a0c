// diagnostic.hpp — expected failures as values: file, line, column, message.
//
//   claimcheck::Diagnostics diags;
//   auto rules = claimcheck::load_rules({"rules.json"}, diags);
//   if (diags.has_errors()) for (auto& d : diags.items()) std::cerr << d.format() << "\n";
//
// The library never prints or exits; it fills a Diagnostics sink and the
// caller (CLI, server, tests) decides what to do with it.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimcheck {

enum class Level { error, warning, note };

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem concerns the whole file
  int column = 0;  // 1-based, in Unicode characters; 0 when unknown
  Level level = Level::error;
  std::string message;

  // "file:line:column: error: message" (line/column left out when unknown).
  std::string format() const;
};

// Collects every diagnostic of a phase so a user can fix them all in one pass.
class Diagnostics {
 public:
  void error(std::string file, int line, int column, std::string message);
  void warning(std::string file, int line, int column, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool has_errors() const;
  size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  void clear() { items_.clear(); }

 private:
  std::vector<Diagnostic> items_;
};

// Thrown only where a value cannot carry the failure (deep inside a stage);
// the CLI catches it once at the top.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A message for an exception escaping from anywhere in the engine, including
// the libraries under it whose errors are not std::exceptions (Xapian).
std::string describe_exception(std::exception_ptr e);

}  // namespace claimcheck
