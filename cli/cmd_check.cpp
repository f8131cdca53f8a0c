// cmd_check.cpp — claimcheck check: read drafts, check them, print one report.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <set>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>

#include "claimcheck/check.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "claimcheck/suppress.hpp"
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
  std::string min_level = "info";
  bool quiet = false;    // text: findings only, no summary line
  bool figures = false;  // text: every figure read, one a line
  std::string baseline, write_baseline, waivers;
  std::optional<std::string> changed;  // --changed [REF]: only findings on lines added since REF
};

// JSON and text are written as they are rendered (one mention at a time:
// the report is never held twice); the other formats in one piece.
void render(const Report& report, const CheckArgs& args) {
  const std::string& format = args.format;
  const std::string& output = args.output;
  RenderOptions o;
  o.min_level = *severity_from_name(args.min_level);
  if (format == "json") {
    stream_output([&](std::ostream& out) { render_json(report, out); }, output);
  } else if (format == "sarif") {
    std::error_code ec;
    write_output(render_sarif(report, std::filesystem::current_path(ec).string()), output);
  } else if (format == "html") {
    write_output(render_html(report), output);
  } else if (format == "rdjson") {
    write_output(render_rdjson(report), output);
  } else if (format == "line") {
    write_output(render_lines(report, o), output);
  } else if (format == "github") {
    write_output(render_github(report, o), output);
  } else {
    // A report written to a file is coloured only with --color=always.
    o.color = color_for_output(output);
    o.figures = args.figures || args.extract_only;  // listing the figures is what --extract-only is for
    o.summary = !args.quiet;
    stream_output([&](std::ostream& out) { render_text(report, out, o); }, output);
  }
}

// The waiver file: --waivers, else .claimcheck-waivers.json beside the
// configuration, else in the working folder; none is fine.
std::string waivers_path(const CheckArgs& args, const Config& config) {
  if (!args.waivers.empty()) return args.waivers;
  std::error_code ec;
  if (!config.path.empty()) {
    auto p = std::filesystem::path(config.path).parent_path() / ".claimcheck-waivers.json";
    if (std::filesystem::exists(p, ec)) return p.string();
  }
  if (std::filesystem::exists(".claimcheck-waivers.json", ec)) return ".claimcheck-waivers.json";
  return "";
}

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
  std::vector<Waiver> waivers;
  if (const std::string wp = args.extract_only ? "" : waivers_path(args, config); !wp.empty())
    if (auto w = load_waivers(wp, diags)) waivers = std::move(*w);
  std::set<std::string> baseline;
  if (!args.baseline.empty())
    if (auto b = load_baseline(args.baseline, diags)) baseline = std::move(*b);
  std::vector<Document> drafts;
  for (const auto& path : expand_drafts(args.drafts, diags)) {
    if (path == "-") {
      if (auto doc = read_stdin_draft(diags)) drafts.push_back(std::move(*doc));
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
  if (args.extract_only) {
    // Extraction only, asked for explicitly: every figure comes out unchecked.
  } else {
    index = open_or_build_index(db, !args.db.empty(), config, diags);
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
    for (const auto& w : report.files.back().warnings) print_diagnostic(w);
    for (const auto& w : apply_inline_suppressions(report.files.back())) print_diagnostic(w);
    if (args.changed && doc.path != "<stdin>") {
      // Review only what this change adds: findings elsewhere are dropped.
      Diagnostics git;
      auto lines = added_lines(doc.path, args.changed->empty() ? "HEAD" : *args.changed, git);
      if (!lines) {
        print_diagnostics(git);
        return kExitInput;
      }
      std::erase_if(report.files.back().findings, [&](const Finding& x) {
        return std::none_of(lines->begin(), lines->end(),
                            [&](auto r) { return x.start.line >= r.first && x.start.line <= r.second; });
      });
    }
    doc = Document{};  // the report keeps its own copy of the text
    // A draft not checked to the end is an input error, not a partial pass.
    if (const std::string& why = report.files.back().stopped; !why.empty())
      diags.error(report.files.back().path, 0, 0, "check stopped: " + why + " (--time-budget)");
  }
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  // Answered before: waivers (reasons on file) and the baseline.
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  for (const auto& w : apply_waivers(report, waivers, make_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)))
    print_diagnostic(w);
  if (!args.baseline.empty()) apply_baseline(report, baseline);
  if (!args.write_baseline.empty()) write_output(render_baseline(report), args.write_baseline);

  // Phase 3: render, then decide the exit status. Running out of memory
  // here names the drafts whose report did not fit.
  std::string names;
  for (const auto& f : report.files) names += (names.empty() ? "" : ", ") + f.path;
  set_activity(names + ": writing the " + args.format + " report");
  render(report, args);
  set_activity("");

  if (args.fail_on == "never") return kExitOk;
  const Severity threshold = *severity_from_name(args.fail_on);
  for (const auto& f : report.files)
    for (const auto& x : f.findings)
      if (x.active() && x.severity >= threshold) return kExitFindings;
  return kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "check the figures in drafts against rules and corpus");
  auto* db = cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json)");
  // One file per --rules: "--rules R draft.md" must not take the draft as rules.
  auto* rules = cmd->add_option("--rules", args->rules, "rules file (repeatable; default: from claimcheck.json)")
                    ->expected(1)
                    ->take_all()
                    ->allow_extra_args(false);
  cmd->add_flag("--extract-only", args->extract_only,
                "only list the figures (verdict unchecked): no rules, no index, no claimcheck.json")
      ->excludes(db)
      ->excludes(rules);
  cmd->add_option("--format", args->format,
                  "output format: text, json, sarif, html, line (one finding a line), github (workflow "
                  "annotations), rdjson (reviewdog)")
      ->check(CLI::IsMember({"text", "json", "sarif", "html", "line", "github", "rdjson"}));
  cmd->add_option("--min-level", args->min_level, "text, line and github: print findings from this severity up")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  cmd->add_flag("-q,--quiet", args->quiet, "text: findings only, no summary line");
  cmd->add_flag("--figures", args->figures, "text: list every figure read, with its value, unit and verdict");
  cmd->add_option("--baseline", args->baseline,
                  "findings in this file (written by --write-baseline) are reported but never fail the run");
  cmd->add_option("--write-baseline", args->write_baseline, "write this run's findings as a baseline FILE");
  cmd->add_option("--changed", args->changed,
                  "report only findings on lines added since git REF (default HEAD), as a review bot would")
      ->expected(0, 1)
      ->default_str("");
  cmd->add_option("--waivers", args->waivers,
                  "waiver file (default: .claimcheck-waivers.json beside claimcheck.json or here)");
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
  cmd->add_option("drafts", args->drafts,
                  "drafts (txt, md, html, pdf, docx), folders of drafts (minus .claimcheckignore), quoted globs; "
                  "- reads standard input")
      ->required();
  cmd->callback([&run, args] { run = [args] { return run_check(*args); }; });
}

}  // namespace claimcheck::cli
