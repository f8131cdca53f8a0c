// cmd_index.cpp — claimcheck index (bring the corpus index up to date) and
// claimcheck search (query it by words, unit and value range).
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "claimcheck/index.hpp"
#include "commands.hpp"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;

struct IndexArgs {
  std::string db;
  size_t shards = 0;
  bool follow_symlinks = false;
  std::vector<std::string> paths;
};

struct SearchArgs {
  std::string db;
  std::vector<std::string> words;
  std::string unit;
  std::string value;
  std::string format = "text";
  size_t limit = 20;
};

std::string human_duration(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%.0fs", s);
  else std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  return buf;
}

// A one-line progress bar redrawn in place on stderr (only on a terminal).
class ProgressBar {
 public:
  void operator()(const IndexProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (p.files_done != p.files_total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double frac = p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                                      : (p.files_total ? static_cast<double>(p.files_done) / static_cast<double>(p.files_total) : 1.0);
    const double mb = static_cast<double>(p.bytes_done) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0;
    const double eta = frac > 0 ? secs * (1 - frac) / frac : NAN;
    constexpr int width = 30;
    const int filled = static_cast<int>(frac * width);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, '-');
    std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f MB  %.1f MB/s  ETA %s   ", bar.c_str(),
                 p.files_done, p.files_total, mb, rate, human_duration(eta).c_str());
    drawn_ = true;
  }
  void clear() const {
    if (drawn_) std::fprintf(stderr, "\r%*s\r", 90, "");
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

int run_index(const IndexArgs& args) {
  const Config config = load_config();
  const std::string db = args.db.empty() ? config.db : args.db;
  const std::vector<std::string> paths = args.paths.empty() ? config.corpus : args.paths;
  Diagnostics diags;
  if (paths.empty()) {
    diags.error("", 0, 0, "nothing to index: give PATH arguments or a \"corpus\" in claimcheck.json");
  }
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) diags.error(p, 0, 0, "no such file or directory");
  }
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  auto index = open_index(db, OpenMode::write, diags, args.shards);
  if (!index) {
    print_diagnostics(diags);
    return kExitInput;
  }
  const auto start = std::chrono::steady_clock::now();
  ProgressBar bar;
  std::function<void(const IndexProgress&)> progress;
  if (isatty(STDERR_FILENO)) progress = [&bar](const IndexProgress& p) { bar(p); };
  IndexPathsOptions options;
  options.follow_symlinks = args.follow_symlinks;
  const IndexStats stats = index_paths(*index, paths, diags, progress, options);
  index.reset();  // commits and releases the database lock
  bar.clear();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_diagnostics(diags);
  std::printf("indexed %zu files (%zu unchanged, %zu removed, %zu skipped), %zu sentences with figures, %.1f MB in %.1f s\n",
               stats.files_indexed, stats.files_unchanged, stats.files_removed, stats.files_skipped,
               stats.sentences, static_cast<double>(stats.bytes) / 1e6, secs);
  finish_stdout();
  return diags.has_errors() ? kExitInput : kExitOk;
}

// "78..80", "78..", "..80", or a single value "79".
bool parse_range(const std::string& s, std::optional<double>& lo, std::optional<double>& hi) {
  auto number = [](const std::string& t, std::optional<double>& out) {
    if (t.empty()) return true;
    try {
      size_t used = 0;
      const double v = std::stod(t, &used);
      if (used != t.size() || !std::isfinite(v)) return false;
      out = v;
      return true;
    } catch (const std::exception&) {
      return false;
    }
  };
  const auto dots = s.find("..");
  if (dots == std::string::npos) {
    if (!number(s, lo) || !lo) return false;
    hi = lo;
    return true;
  }
  if (!number(s.substr(0, dots), lo) || !number(s.substr(dots + 2), hi)) return false;
  if (!lo && !hi) return false;
  return !(lo && hi && *lo > *hi);
}

int run_search(const SearchArgs& args) {
  const Config config = load_config();
  const std::string db = args.db.empty() ? config.db : args.db;
  EvidenceQuery q;
  for (const auto& w : args.words) q.text += (q.text.empty() ? "" : " ") + w;
  q.limit = args.limit;
  Diagnostics diags;
  if (!args.unit.empty()) {
    q.unit = unit_from_name(args.unit);
    if (!q.unit)
      diags.error("", 0, 0, "unknown unit '" + args.unit + "' (known: count, percent, points, usd, year)");
  }
  if (!args.value.empty() && !parse_range(args.value, q.lo, q.hi))
    diags.error("", 0, 0, "bad --value '" + args.value + "': expected LO..HI, LO.., ..HI or a number, with LO <= HI");
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kExitInput;
  }
  auto index = open_index(db, OpenMode::read, diags);
  if (!index) {
    print_diagnostics(diags);
    std::cerr << "claimcheck: note: build the index with 'claimcheck index --db " << db << " PATH...'\n";
    return kExitInput;
  }
  const auto hits = index->search(q);
  std::string out;
  if (args.format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : hits) {
      nlohmann::json figures = nlohmann::json::array();
      for (const auto& f : e.figures)
        figures.push_back({{"value", f.value}, {"unit", std::string(unit_name(f.unit))},
                           {"text", f.text}, {"begin", f.begin}, {"end", f.end}});
      arr.push_back({{"doc", e.doc}, {"path", e.path}, {"title", e.title}, {"date", e.date},
                     {"line", e.line}, {"quote", e.quote}, {"score", e.score}, {"figures", figures}});
    }
    out = arr.dump(2) + "\n";
  } else {
    for (const auto& e : hits) {
      out += e.doc + ":" + std::to_string(e.line) + ": " + e.quote + "  [";
      for (size_t i = 0; i < e.figures.size(); ++i)
        out += (i ? ", " : "") + e.figures[i].text;
      out += "]\n";
    }
  }
  write_stdout(out);
  if (hits.empty() && args.format != "json") std::cerr << "claimcheck: no matching sentences\n";
  return kExitOk;
}

}  // namespace

void add_index_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<IndexArgs>();
  auto* cmd = app.add_subcommand("index", "ingest and index source documents (txt, md, html, pdf, docx)");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json, else .claimcheck/db)");
  cmd->add_option("--shards", args->shards,
                  "split a new index into N databases listed by a Xapian stub (DB/XAPIANDB); "
                  "each can be served from another machine with xapian-tcpsrv")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--follow-symlinks", args->follow_symlinks,
                "index files that symbolic links in a folder point to outside it (skipped otherwise)");
  cmd->add_option("paths", args->paths, "files or folders (default: the corpus in claimcheck.json)");
  cmd->callback([&run, args] { run = [args] { return run_index(*args); }; });
}

void add_search_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "search the indexed corpus for sentences stating figures");
  cmd->add_option("--db", args->db, "index directory (default: from claimcheck.json, else .claimcheck/db)");
  cmd->add_option("--unit", args->unit, "only figures of this unit: count, percent, points, usd, year");
  cmd->add_option("--value", args->value, "only figures in LO..HI (either side may be empty)");
  cmd->add_option("--format", args->format, "output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--limit", args->limit, "at most this many sentences")->check(CLI::PositiveNumber);
  cmd->add_option("query", args->words, "words to look for (empty: any)");
  cmd->callback([&run, args] { run = [args] { return run_search(*args); }; });
}

}  // namespace claimcheck::cli
