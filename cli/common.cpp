// common.cpp — configuration file and output helpers shared by the verbs.
#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace claimcheck::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigName = "claimcheck.json";

// --config FILE, set by main before any verb runs.
std::string& config_flag() {
  static std::string flag;
  return flag;
}

// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_column(const std::string& text, size_t offset) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

// Where claimcheck.json is: --config, then CLAIMCHECK_CONFIG, then the first
// one from the working directory up to the repository root (a folder holding
// .git) or the filesystem root. Sets path and origin; path empty when none.
void locate_config(Config& config) {
  std::error_code ec;
  auto given = [&](const std::string& path, const std::string& origin) {
    if (!fs::is_regular_file(path, ec))
      throw InputError({{path, 0, 0, Level::error,
                         "configuration file (" + origin + ") does not exist or is not a file"}});
    config.path = path;
    config.origin = origin;
  };
  if (!config_flag().empty()) return given(config_flag(), "--config");
  if (const char* env = std::getenv("CLAIMCHECK_CONFIG"); env && *env)
    return given(env, "CLAIMCHECK_CONFIG");
  const fs::path cwd = fs::current_path(ec);
  if (ec) return;
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / kConfigName, ec)) {
      // In the working directory itself keep paths short, as before.
      config.path = dir == cwd ? fs::path(kConfigName).string() : (dir / kConfigName).string();
      config.origin = dir == cwd ? "working directory" : "found above " + cwd.string();
      return;
    }
    config.searched = dir.string();
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) return;
  }
}

// A path from the configuration file, relative to that file's folder.
std::string resolve(const fs::path& base, const std::string& path) {
  if (path.empty()) return path;
  fs::path p(path);
  if (p.is_absolute() || base.empty()) return p.lexically_normal().string();
  return (base / p).lexically_normal().string();
}

}  // namespace

void set_config_file(std::string path) { config_flag() = std::move(path); }

Config load_config() {
  Config config;
  config.db = ".claimcheck/db";
  locate_config(config);
  if (config.path.empty()) return config;
  const std::string& file = config.path;
  const fs::path base = fs::path(file).parent_path();
  config.db = resolve(base, config.db);
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof())
    throw InputError({{file, 0, 0, Level::error, "cannot read the configuration file"}});
  const std::string text = ss.str();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann points at the last byte of the offending token; report its start.
    size_t at = e.byte > 0 ? std::min<size_t>(e.byte - 1, text.empty() ? 0 : text.size() - 1) : 0;
    if (at < text.size() && text[at] == '"' && at > 0) {
      size_t open = text.rfind('"', at - 1);
      while (open != std::string::npos && open > 0 && text[open - 1] == '\\') open = text.rfind('"', open - 2);
      if (open != std::string::npos) at = open;
    } else {
      while (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '.' ||
                        text[at - 1] == '-' || text[at - 1] == '+'))
        --at;
    }
    auto [line, col] = line_column(text, at);
    std::string why = e.what();
    if (auto at = why.find("syntax error"); at != std::string::npos) why = why.substr(at);
    throw InputError({{file, line, col, Level::error, "invalid JSON in configuration: " + why}});
  }
  // A field's problem is reported at its key (first occurrence in the text).
  auto bad = [&](const std::string& key, const std::string& msg) {
    size_t at = key.empty() ? 0 : text.find("\"" + key + "\"");
    auto [line, col] = line_column(text, at == std::string::npos ? 0 : at);
    return InputError({{file, line, col, Level::error, msg}});
  };
  if (!j.is_object()) throw bad("", "configuration must be a JSON object");
  config.found = true;
  for (auto& [key, value] : j.items()) {
    if (key == "db") {
      if (!value.is_string()) throw bad(key, "\"db\" must be a string");
      config.db = resolve(base, value.get<std::string>());
    } else if (key == "corpus" || key == "rules") {
      if (!value.is_array()) throw bad(key, "\"" + key + "\" must be an array of paths");
      for (auto& v : value) {
        if (!v.is_string()) throw bad(key, "\"" + key + "\" must be an array of paths");
        (key == "corpus" ? config.corpus : config.rules).push_back(resolve(base, v.get<std::string>()));
      }
    } else if (key != "$schema" && key != "comment") {
      throw bad(key, "unknown field \"" + key + "\" (known: db, corpus, rules)");
    }
  }
  return config;
}

std::string no_config_hint(const Config& config) {
  if (config.found) return "";
  std::error_code ec;
  return " (no claimcheck.json in " + fs::current_path(ec).string() +
         (config.searched.empty() || config.searched == fs::current_path(ec).string()
              ? ""
              : " or above it up to " + config.searched) +
         ")";
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
    diags.error("", 0, 0,
                "no rules" + no_config_hint(config) +
                    ": run 'claimcheck init' or pass --rules FILE (or list rules in claimcheck.json)");
  std::error_code ec;
  if (db.empty())
    diags.error("", 0, 0, "no index: give --db DIR or set db in claimcheck.json");
  else if (!fs::exists(db, ec))
    diags.error(db, 0, 0, "no index here; run 'claimcheck index --db " + db + " PATH...' first");
  else
    in.index = open_index(db, OpenMode::read, diags);
  return in;
}

std::unique_ptr<Index> open_or_build_index(const std::string& db, bool db_from_flag, const Config& config,
                                           Diagnostics& diags) {
  std::error_code ec;
  if (!db.empty() && fs::exists(db, ec)) return open_index(db, OpenMode::read, diags);
  if (db_from_flag) {
    diags.error(db, 0, 0, "no index here; run 'claimcheck index --db " + db + " PATH...' first");
    return nullptr;
  }
  if (config.corpus.empty()) return nullptr;
  // A checkout without an index yet: build it from the configured corpus.
  Diagnostics index_diags;
  auto index = open_index(db, OpenMode::write, diags);
  if (index) {
    index_paths(*index, config.corpus, index_diags);
    index->commit();
  }
  return index;
}

}  // namespace claimcheck::cli
