// cmd_config.cpp — claimcheck config: which claimcheck.json was loaded, how it
// was found, and the database, corpus and rules it names, resolved.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;

std::string absolute(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

std::string render_text(const Config& c) {
  std::string out;
  if (c.found)
    out += "config:  " + absolute(c.path) + " (" + c.origin + ")\n";
  else
    out += "config:  none" + no_config_hint(c) + "\n";
  out += "db:      " + absolute(c.db) + (exists(c.db) ? "" : " (not built yet)") + "\n";
  auto list = [&](const char* label, const std::vector<std::string>& paths) {
    if (paths.empty()) out += std::string(label) + "none\n";
    for (const auto& p : paths)
      out += std::string(label) + absolute(p) + (exists(p) ? "" : " (missing)") + "\n";
  };
  list("corpus:  ", c.corpus);
  list("rules:   ", c.rules);
  return out;
}

std::string render_json(const Config& c) {
  nlohmann::ordered_json j;
  j["config"] =
      c.found ? nlohmann::ordered_json(absolute(c.path)) : nlohmann::ordered_json(nullptr);
  j["origin"] = c.found ? c.origin : "none";
  j["db"] = {{"path", absolute(c.db)}, {"exists", exists(c.db)}};
  for (const char* key : {"corpus", "rules"}) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& p : std::string(key) == "corpus" ? c.corpus : c.rules)
      arr.push_back({{"path", absolute(p)}, {"exists", exists(p)}});
    j[key] = arr;
  }
  return j.dump(2) + "\n";
}

}  // namespace

void add_config_command(CLI::App& app, Runner& run) {
  auto format = std::make_shared<std::string>("text");
  auto* cmd = app.add_subcommand("config", "show the configuration loaded and where it came from");
  cmd->add_option("--format", *format, "output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&run, format] {
    run = [format] {
      const Config config = load_config();
      write_stdout(*format == "json" ? render_json(config) : render_text(config));
      return kExitOk;
    };
  });
}

}  // namespace claimcheck::cli
