// common.cpp — configuration file and output helpers shared by the verbs.
#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace claimcheck::cli {

namespace fs = std::filesystem;

Config load_config() {
  Config config;
  config.db = ".claimcheck/db";
  const fs::path file = "claimcheck.json";
  std::error_code ec;
  if (!fs::exists(file, ec)) return config;
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    // byte offset -> line:column for the message
    size_t line = 1, col = 1;
    const std::string text = ss.str();
    for (size_t i = 0; i < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    throw InputError({{"claimcheck.json", static_cast<int>(line), static_cast<int>(col),
                       Level::error, "invalid JSON in configuration"}});
  }
  auto bad = [](const std::string& msg) {
    return InputError({{"claimcheck.json", 1, 1, Level::error, msg}});
  };
  if (!j.is_object()) throw bad("configuration must be a JSON object");
  config.found = true;
  for (auto& [key, value] : j.items()) {
    if (key == "db") {
      if (!value.is_string()) throw bad("\"db\" must be a string");
      config.db = value.get<std::string>();
    } else if (key == "corpus" || key == "rules") {
      if (!value.is_array()) throw bad("\"" + key + "\" must be an array of paths");
      for (auto& v : value) {
        if (!v.is_string()) throw bad("\"" + key + "\" must be an array of paths");
        (key == "corpus" ? config.corpus : config.rules).push_back(v.get<std::string>());
      }
    } else if (key != "$schema" && key != "comment") {
      throw bad("unknown field \"" + key + "\" (known: db, corpus, rules)");
    }
  }
  return config;
}

Inputs load_inputs(const std::string& db_flag, const std::vector<std::string>& rules_flag,
                   bool need_rules, Diagnostics& diags) {
  Config config = load_config();
  const std::vector<std::string> rule_files = rules_flag.empty() ? config.rules : rules_flag;
  const std::string db = db_flag.empty() ? config.db : db_flag;
  Inputs in;
  if (!rule_files.empty())
    in.rules = load_rules(rule_files, diags);
  else if (need_rules)
    diags.error("", 0, 0, "no rules: give --rules FILE or list rules in claimcheck.json");
  std::error_code ec;
  if (db.empty())
    diags.error("", 0, 0, "no index: give --db DIR or set db in claimcheck.json");
  else if (!fs::exists(db, ec))
    diags.error(db, 0, 0, "no index here; run 'claimcheck index --db " + db + " PATH...' first");
  else
    in.index = open_index(db, OpenMode::read, diags);
  return in;
}

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) {
    if (d.file.empty())
      std::cerr << "claimcheck: " << d.format() << "\n";
    else
      std::cerr << d.format() << "\n";
  }
}

}  // namespace claimcheck::cli
