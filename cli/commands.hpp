// commands.hpp — the verbs of the command line, one file each, and the
// project configuration (claimcheck.json) they fall back on.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "claimcheck/diagnostic.hpp"
#include "claimcheck/index.hpp"
#include "claimcheck/rules.hpp"

namespace claimcheck::cli {

// claimcheck.json: corpus paths, rules files and database directory, so that
// a checkout works without flags. Found like other linters find theirs: the
// --config flag, else $CLAIMCHECK_CONFIG, else the first claimcheck.json from
// the working directory up to the repository root (a folder with .git) or the
// filesystem root. Relative paths in it are resolved against its own folder.
struct Config {
  std::string path;    // the file loaded; empty when none
  std::string origin;  // how it was found: "--config", "CLAIMCHECK_CONFIG", ...
  std::string searched;  // without one: the last folder the search looked in
  std::string db;      // resolved; ".claimcheck/db" when not configured
  std::vector<std::string> corpus;  // resolved
  std::vector<std::string> rules;   // resolved
  bool found = false;
};

// The global --config FILE option; call before load_config.
void set_config_file(std::string path);

// Finds and reads the configuration. A broken or missing --config /
// CLAIMCHECK_CONFIG file is an InputError naming file, line and column.
Config load_config();

// " (no claimcheck.json in DIR or above it up to ROOT)" when none was found,
// for messages about missing rules or index; empty otherwise.
std::string no_config_hint(const Config& config);

// The drafts named on the command line: files as given, folders walked for
// every draft format (skipping hidden entries and .claimcheckignore
// patterns), quoted globs expanded, "-" kept for standard input.
std::vector<std::string> expand_drafts(const std::vector<std::string>& args, Diagnostics& diags);
// Line ranges (inclusive) that `git diff REF` shows as added in `path`;
// every line for an untracked file; nullopt (with a diagnostic) outside git.
std::optional<std::vector<std::pair<int, int>>> added_lines(const std::string& path, const std::string& ref,
                                                           Diagnostics& diags);

// Exit statuses of design.md.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitInput = 2;

// Each add_* registers a subcommand; when it is the one chosen, `run` is set
// to the function that does the work and returns the exit status.
using Runner = std::function<int()>;
void add_check_command(CLI::App& app, Runner& run);
void add_index_command(CLI::App& app, Runner& run);
void add_search_command(CLI::App& app, Runner& run);
void add_rules_command(CLI::App& app, Runner& run);
void add_verify_command(CLI::App& app, Runner& run);
void add_reconcile_command(CLI::App& app, Runner& run);
void add_serve_command(CLI::App& app, Runner& run);
void add_lsp_command(CLI::App& app, Runner& run);
void add_config_command(CLI::App& app, Runner& run);
void add_init_command(CLI::App& app, Runner& run);

// The rules and the index a verb works on, from its flags or claimcheck.json.
struct Inputs {
  std::optional<Rules> rules;
  std::unique_ptr<Index> index;
};
// Loads both; every problem goes into `diags`. Missing rules are an error
// only when `need_rules`; a missing index is always one.
Inputs load_inputs(const std::string& db_flag, const std::vector<std::string>& rules_flag,
                   bool need_rules, Diagnostics& diags);

// The index in `db`: opened when it exists; else, when the folder came from
// claimcheck.json (not --db), built from the configured corpus as a fresh
// checkout needs; else an error saying how to build it. nullptr when there
// is none (no db, no corpus) or it failed (with a diagnostic).
std::unique_ptr<Index> open_or_build_index(const std::string& db, bool db_from_flag, const Config& config,
                                           Diagnostics& diags);

// Prints every diagnostic to stderr, "claimcheck: " prefixed when it has no
// file, its level coloured when color_on(stderr).
void print_diagnostics(const Diagnostics& diags);
void print_diagnostic(const Diagnostic& d);
// d.format(), with the location bold and the level coloured when `on`.
std::string format_diagnostic(const Diagnostic& d, bool on);

// Colour, decided once for every verb (color.cpp): the global
// --color=auto|always|never, and NO_COLOR for auto.
void set_color_mode(const std::string& mode);
// Whether to colour what goes to the file descriptor `fd` (stdout or
// stderr); -1 for a file named by -o, coloured only with --color=always.
bool color_on(int fd);
// color_on for a report written to OUTPUT ("" or "-": stdout, else a file).
bool color_for_output(const std::string& output);
enum class Paint { error, warning, note, good, bold, dim };
// `text` wrapped in the escape codes of `p` when `on`, else unchanged.
std::string paint(std::string_view text, Paint p, bool on);
// Each line of `text` whose first word (after indentation) is one of
// `words` gets that word painted: the status words of verify and reconcile.
std::string paint_leading_words(std::string_view text,
                                const std::vector<std::pair<std::string, Paint>>& words, bool on);

// What the run is doing to which file ("big.txt: writing the json report"),
// so an error that escapes to main (std::bad_alloc, even from a noexcept
// library function) can name the file. Empty when nothing is under way.
void set_activity(std::string what);
const std::string& activity();

// Call first in main: a closed stdin/stdout/stderr gets /dev/null so no file
// opened later takes its number, and writing to a closed stdout fails.
void guard_standard_streams();
// Writes `content` to stdout, checking every write; a failure (full disk,
// closed stdout) throws an InputError, so the run ends with exit 2.
void write_stdout(const std::string& content);
// Writes the report to `path` through a temporary file in the same folder
// renamed into place (whole or absent), or to stdout when `path` is empty.
void write_output(const std::string& content, const std::string& path);
// The streaming forms: `render` writes the report into the stream as it goes
// (64 KB buffered, every write checked), so a large report is never held
// whole in memory. On standard output a failure part-way leaves what was
// already written; with a path the file is still whole or absent.
using Renderer = std::function<void(std::ostream&)>;
void stream_stdout(const Renderer& render);
void stream_output(const Renderer& render, const std::string& path);
// Flushes what printf wrote to stdout; throws an InputError if that failed.
void finish_stdout();

}  // namespace claimcheck::cli
