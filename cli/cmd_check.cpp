// cmd_check.cpp — claimcheck check: read drafts, check them, print one report.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>

#include "claimcheck/check.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "commands.hpp"

namespace claimcheck::cli {

namespace {

std::string read_source_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `check -`: the draft on standard input, read as text, up to the same size
// limit as a file.
std::optional<Document> read_stdin_draft(Diagnostics& diags) {
  const ReadLimits limits;
  std::string bytes;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    if (bytes.size() + n > limits.max_file_bytes) {
      diags.error("<stdin>", 0, 0,
                  "file too large (limit " + std::to_string(limits.max_file_bytes) + " bytes)");
      return std::nullopt;
    }
    bytes.append(buf, n);
  }
  if (std::ferror(stdin)) {
    diags.error("<stdin>", 0, 0, "cannot read standard input");
    return std::nullopt;
  }
  auto doc = document_from_bytes("<stdin>", bytes, "txt", diags, limits);
  if (doc) doc->source = std::move(bytes);
  return doc;
}

// JSON and text are written as they are rendered (one mention at a time:
// the report is never held twice); SARIF and HTML in one piece.
void render(const Report& report, const std::string& format, const std::string& output) {
  if (format == "json") {
    stream_output([&](std::ostream& out) { render_json(report, out); }, output);
  } else if (format == "sarif") {
    write_output(render_sarif(report), output);
  } else if (format == "html") {
    write_output(render_html(report), output);
  } else {
    RenderOptions o;
    o.color = (output.empty() || output == "-") && isatty(STDOUT_FILENO) &&
              std::getenv("NO_COLOR") == nullptr;
    stream_output([&](std::ostream& out) { render_text(report, out, o); }, output);
  }
}

struct CheckArgs {
  std::string db;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string fail_on = "error";
  std::string date;  // --date: the drafts' date for relative periods
  std::string output;
  double time_budget = 0;  // --time-budget: seconds per draft, 0 none
  bool extract_only = false;  // --extract-only: list figures, load no rules or index
  std::vector<std::string> drafts;
};

int run_check(const CheckArgs& args) {
  // --extract-only reads no configuration: nothing is checked.
  Config config = args.extract_only ? Config{} : load_config();
  const std::vector<std::string> rule_files = args.rules.empty() ? config.rules : args.rules;
  const std::string db = args.db.empty() ? config.db : args.db;

  // Phase 1: read every input, reporting every problem before stopping.
  Diagnostics diags;
  CheckOptions options;
  options.time_budget_seconds = args.time_budget;
  if (!args.date.empty()) {
    if (auto d = parse_iso_day(args.date)) options.document_date = *d;
    else diags.error("--date", 0, 0, "'" + args.date + "' is not a date (want YYYY-MM-DD)");
  }
  std::optional<Rules> rules;
  if (!rule_files.empty()) rules = load_rules(rule_files, diags);
  std::vector<Document> drafts;
  for (const auto& path : args.drafts) {
    if (path == "-") {
      if (auto doc = read_stdin_draft(diags)) drafts.push_back(std::move(*doc));
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      diags.error(path, 0, 0, "is a directory, not a draft");
      continue;
    }
    if (auto doc = read_document(path, diags)) {
      // Keep the original text so the report can quote the line it points at.
      if (doc->source.empty() && doc->format != "pdf" && doc->format != "docx")
        doc->source = read_source_text(path);
      drafts.push_back(std::move(*doc));
    }
  }
  std::unique_ptr<Index> index;
  std::error_code ec;
  if (args.extract_only) {
    // Extraction only, asked for explicitly: every figure comes out unchecked.
  } else if (!db.empty() && std::filesystem::exists(db, ec)) {
    index = open_index(db, OpenMode::read, diags);
  } else if (!args.db.empty()) {
    diags.error(db, 0, 0, "no index here; run 'claimcheck index --db " + db + " PATH...' first");
  } else if (!config.corpus.empty()) {
    // A checkout without an index yet: build it from the configured corpus.
    Diagnostics index_diags;
    index = open_index(db, OpenMode::write, diags);
    if (index) {
      index_paths(*index, config.corpus, index_diags);
      index->commit();
    }
  }
  // No silent passes: with nothing to check against, every figure would be
  // "unchecked" and the run would exit 0.
  if (!args.extract_only && !rules && !index && !diags.has_errors())
    diags.error("", 0, 0,
                "no rules and no index" + no_config_hint(config) +
                    ": run 'claimcheck init' or pass --rules FILE --db DIR "
                    "(or --extract-only to list the figures without checking them)");
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }

  // Phase 2: check every draft.
  Report report;
  for (auto& doc : drafts) {
    set_activity(doc.path + ": checking");
    report.files.push_back(check_document(doc, rules ? &*rules : nullptr, index.get(), options));
    for (const auto& w : report.files.back().warnings) std::cerr << w.format() << "\n";
    doc = Document{};  // the report keeps its own copy of the text
    // A draft not checked to the end is an input error, not a partial pass.
    if (const std::string& why = report.files.back().stopped; !why.empty())
      diags.error(report.files.back().path, 0, 0, "check stopped: " + why + " (--time-budget)");
  }
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }

  // Phase 3: render, then decide the exit status. Running out of memory
  // here names the drafts whose report did not fit.
  std::string names;
  for (const auto& f : report.files) names += (names.empty() ? "" : ", ") + f.path;
  set_activity(names + ": writing the " + args.format + " report");
  render(report, args.format, args.output);
  set_activity("");

  if (args.fail_on == "never") return kExitOk;
  const Severity threshold = *severity_from_name(args.fail_on);
  for (const auto& f : report.files)
    for (const auto& x : f.findings)
      if (x.severity >= threshold) return kExitFindings;
  return kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "check the figures in drafts against rules and corpus");
  auto* db = cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  auto* rules = cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)");
  cmd->add_flag("--extract-only", args->extract_only,
                "only list the figures (verdict unchecked): no rules, no index, no claimcheck.json")
      ->excludes(db)
      ->excludes(rules);
  cmd->add_option("--format", args->format, "output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  cmd->add_option("--fail-on", args->fail_on, "exit 1 when findings reach this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--date", args->date,
                  "the drafts' date (YYYY-MM-DD) for 'last fiscal year' and the like; default: "
                  "front matter, dateline or 'Published:' line, else the file's date");
  cmd->add_option("--time-budget", args->time_budget,
                  "seconds each draft may take to check (0: no limit); past it the check "
                  "stops and exits 2 naming the draft")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-o,--output", args->output,
                  "write the report to FILE (whole or not at all) instead of stdout");
  cmd->add_option("drafts", args->drafts, "draft files (txt, md, html, pdf, docx); - reads standard input")->required();
  cmd->callback([&run, args] { run = [args] { return run_check(*args); }; });
}

}  // namespace claimcheck::cli
