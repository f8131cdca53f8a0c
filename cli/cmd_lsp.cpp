// cmd_lsp.cpp — claimcheck lsp: the language server on stdin/stdout, with the
// rules and index of its flags, its client's initializationOptions or
// claimcheck.json, loaded once.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "lsp/server.hpp"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;

struct LspArgs {
  std::string db;
  std::vector<std::string> rules;
  int debounce_ms = 300;
  double time_budget = 30;
  bool stdio = false;  // accepted: clients such as vscode-languageclient pass it
};

// Every file under the corpus paths by the name evidence gives it (its file
// name), so diagnostics can link to the source that backs them.
std::map<std::string, std::string> corpus_files(const std::vector<std::string>& paths) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (const auto& p : paths) {
    if (fs::is_regular_file(p, ec)) {
      out.emplace(fs::path(p).filename().string(), fs::absolute(p, ec).string());
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator() && out.size() < 200000; it.increment(ec))
      if (it->is_regular_file(ec))
        out.emplace(it->path().filename().string(), fs::absolute(it->path(), ec).string());
  }
  return out;
}

// Rules, index and corpus names from flags (or claimcheck.json); every
// problem goes into `diags`. No rules and no index is an error: every
// figure would be unchecked and the editor would show a silent pass.
std::optional<lsp::Engine> load_engine(const std::string& db_flag, const std::vector<std::string>& rules_flag,
                                       Diagnostics& diags) {
  Config config = load_config();
  const std::vector<std::string> rule_files = rules_flag.empty() ? config.rules : rules_flag;
  const std::string db = db_flag.empty() ? config.db : db_flag;
  lsp::Engine engine;
  if (!rule_files.empty()) engine.rules = load_rules(rule_files, diags);
  engine.index = open_or_build_index(db, !db_flag.empty(), config, diags);
  if (!engine.rules && !engine.index && !diags.has_errors())
    diags.error("", 0, 0,
                "no rules and no index" + no_config_hint(config) +
                    ": run 'claimcheck init' or pass --rules FILE --db DIR");
  if (diags.has_errors()) return std::nullopt;
  engine.corpus = corpus_files(config.corpus);
  // The files the index holds, where they still are (paths as indexed: absolute,
  // or relative to here), name the evidence without a claimcheck.json too.
  if (engine.index) {
    std::error_code ec;
    for (const auto& p : engine.index->paths())
      if (fs::is_regular_file(p, ec)) engine.corpus.emplace(fs::path(p).filename().string(), fs::absolute(p, ec).string());
  }
  return engine;
}

std::string joined(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items())
    if (d.level == Level::error) out += (out.empty() ? "" : "; ") + d.format();
  return out;
}

int run_lsp(const LspArgs& args) {
  Diagnostics diags;
  auto engine = load_engine(args.db, args.rules, diags);
  if (!engine && (!args.db.empty() || !args.rules.empty())) {
    print_diagnostics(diags);  // flags that do not work: say so before any client talks
    return kExitInput;
  }
  if (!engine) {
    // Nothing here to check with; the client's initializationOptions may
    // name it, else initialize fails with this message.
    engine.emplace();
    engine->error = joined(diags);
  }
  // initializationOptions {"db", "rules", "config"} replace the flags.
  lsp::Loader reload = [args](const lsp::json& o, std::string& error) -> std::optional<lsp::Engine> {
    std::string db = args.db;
    std::vector<std::string> rules = args.rules;
    if (auto c = o.find("config"); c != o.end() && c->is_string()) set_config_file(c->get<std::string>());
    if (auto d = o.find("db"); d != o.end() && d->is_string()) db = d->get<std::string>();
    if (auto r = o.find("rules"); r != o.end()) {
      if (r->is_string()) rules = {r->get<std::string>()};
      else if (r->is_array()) rules = r->get<std::vector<std::string>>();
    }
    Diagnostics d;
    try {
      auto e = load_engine(db, rules, d);
      if (!e) error = joined(d);
      return e;
    } catch (const InputError& e) {
      for (const auto& x : e.diagnostics()) error += (error.empty() ? "" : "; ") + x.format();
      return std::nullopt;
    }
  };
  lsp::ServerOptions options;
  options.debounce_ms = args.debounce_ms;
  options.time_budget_seconds = args.time_budget;
  std::ios::sync_with_stdio(false);
  lsp::Server server(std::move(*engine), reload, options, std::cout);
  return server.run(std::cin);
}

}  // namespace

void add_lsp_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<LspArgs>();
  auto* cmd = app.add_subcommand("lsp", "language server (LSP over stdin/stdout) for editors");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--debounce-ms", args->debounce_ms, "wait this long after a change before checking (default 300)")
      ->check(CLI::Range(0, 10000));
  cmd->add_option("--time-budget", args->time_budget, "seconds a check may take (default 30; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--stdio", args->stdio, "talk over stdin/stdout (the only transport; accepted for clients that pass it)");
  cmd->callback([&run, args] { run = [args] { return run_lsp(*args); }; });
}

}  // namespace claimcheck::cli
