// index_paths.cpp — brings an index up to date with files and folders.
//
//   walk      folders recursively (hidden entries skipped, supported
//             extensions only; FIFOs, devices, sockets and symbolic links
//             to files outside the folder skipped with the reason); a file
//             named explicitly is always taken
//   compare   each file's content hash with the one recorded: unchanged files
//             are skipped, changed and new ones read and (re)indexed
//   prune     files recorded under a given folder that no longer exist
//   commit    every 200 files or 8 MB, so an interrupted run keeps the work of
//             the batches before it and the next run completes the rest
//
// Paths are stored absolute and lexically normal, so runs from different
// working directories agree on what a file is. Reading, hashing and parsing
// run on a worker thread while this thread writes to the index (the index
// itself is not thread-safe and is only touched here).
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "claimcheck/index.hpp"
#include "index/evidence.hpp"
#include "ingest/reader.hpp"

namespace claimcheck {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBatchFiles = 200;
constexpr size_t kBatchBytes = 8u << 20;
constexpr size_t kWindow = 32;  // files prepared ahead of the writer

bool supported_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
         ext == ".pdf" || ext == ".docx";
}

std::string normal_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal().string();
}

// Why a file met in a folder is not read, or "": special files are refused by
// type (opening a FIFO would block), and a symbolic link is followed only to
// a file inside the folder being indexed.
std::string refusal(const fs::path& p, const fs::path& root, bool follow_symlinks) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(p, ec))) {
    const fs::path target = fs::canonical(p, ec);
    if (ec) return "broken symbolic link";
    const auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    if (!follow_symlinks && (root.empty() || r != root.end()))
      return "symbolic link to a file outside the corpus (" + target.string() +
             "; index --follow-symlinks takes it)";
  }
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::strerror(errno);
  return ingest::special_file_reason(st);
}

struct FileJob {
  std::string path;
  size_t size = 0;
};

// What a worker hands to the writer for one file.
struct FileResult {
  std::string path;
  size_t bytes = 0;
  enum class Kind { unchanged, document, skipped, broken } kind = Kind::skipped;
  std::unique_ptr<PreparedDocument> prepared;
  Diagnostics diags;
  std::exception_ptr error;  // thrown while preparing; rethrown by the writer
};

// Workers' results, handed to the writer in job order: the index gets the
// same documents in the same order whatever the number of workers. Workers
// run ahead of the writer by at most kWindow files, which bounds memory.
class OrderedResults {
 public:
  explicit OrderedResults(size_t total) : total_(total) {}
  // Blocks while job `i` is too far ahead; false once cancelled.
  bool wait_turn(size_t i) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return i < next_ + kWindow || cancelled_; });
    return !cancelled_;
  }
  void put(size_t i, FileResult r) {
    std::lock_guard lock(mu_);
    ready_.emplace(i, std::move(r));
    cv_.notify_all();
  }
  // The next result in job order; nullopt after the last or once cancelled.
  std::optional<FileResult> take() {
    std::unique_lock lock(mu_);
    if (next_ == total_) return std::nullopt;
    cv_.wait(lock, [&] { return ready_.count(next_) > 0 || cancelled_; });
    if (cancelled_) return std::nullopt;
    auto node = ready_.extract(next_);
    ++next_;
    cv_.notify_all();
    return std::move(node.mapped());
  }
  void cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<size_t, FileResult> ready_;
  size_t next_ = 0;
  const size_t total_;
  bool cancelled_ = false;
};

// Read, hash, parse and prepare one file: everything but the write.
FileResult process(const FileJob& job, const std::unordered_map<std::string, std::string>& known,
                   const Index& index) {
  FileResult r;
  r.path = job.path;
  try {
    const ReadLimits limits;
    auto bytes = ingest::read_file_bytes(job.path, r.diags, limits);
    if (!bytes) {
      r.kind = FileResult::Kind::skipped;
      return r;
    }
    r.bytes = bytes->size();
    const std::string hash = index_detail::content_hash(*bytes);
    auto it = known.find(job.path);
    if (it != known.end() && it->second == hash) {
      r.kind = FileResult::Kind::unchanged;
      return r;
    }
    auto doc = document_from_bytes(job.path, *bytes, format_from_path(job.path), r.diags, limits);
    if (doc) {
      ingest::apply_metadata_fallbacks(*doc, true);
      r.prepared = index.prepare(*doc, hash);
      r.kind = FileResult::Kind::document;
    } else {
      r.kind = FileResult::Kind::broken;  // read but not understood: drop what was indexed
    }
  } catch (...) {
    r.error = std::current_exception();
  }
  return r;
}

size_t worker_count(size_t jobs) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(std::min(cores, jobs), 1, 8);
}

}  // namespace

IndexStats index_paths(Index& index, const std::vector<std::string>& paths, Diagnostics& diags,
                       const std::function<void(const IndexProgress&)>& progress,
                       const IndexPathsOptions& options) {
  IndexStats stats;
  std::vector<FileJob> jobs;
  std::vector<std::string> folders;
  IndexProgress prog;

  // Walk.
  for (const auto& arg : paths) {
    std::error_code ec;
    const auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      diags.error(arg, 0, 0, "no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      const auto size = fs::file_size(arg, ec);
      jobs.push_back({normal_path(arg), ec ? 0 : static_cast<size_t>(size)});
      continue;
    }
    folders.push_back(normal_path(arg));
    const fs::path root = fs::canonical(arg, ec);
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec),
        end;
    if (ec) {
      diags.warning(arg, 0, 0, "skipped: " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        diags.warning(arg, 0, 0, "skipped part of the folder: " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!supported_extension(p) || it->is_directory(ec)) continue;
      if (auto why = refusal(p, root, options.follow_symlinks); !why.empty()) {
        diags.warning(p.string(), 0, 0, "skipped: " + why);
        ++stats.files_skipped;
        continue;
      }
      const auto size = it->file_size(ec);
      jobs.push_back({normal_path(p), ec ? 0 : static_cast<size_t>(size)});
    }
  }
  std::sort(jobs.begin(), jobs.end(),
            [](const FileJob& a, const FileJob& b) { return a.path < b.path; });
  jobs.erase(std::unique(jobs.begin(), jobs.end(),
                         [](const FileJob& a, const FileJob& b) { return a.path == b.path; }),
             jobs.end());
  stats.files_seen = jobs.size();
  prog.files_total = jobs.size();
  for (const auto& j : jobs) prog.bytes_total += j.size;

  // Snapshot the recorded hashes so the worker can compare without touching
  // the index.
  std::unordered_map<std::string, std::string> known;
  const auto indexed = index.paths();
  for (const auto& p : indexed) known[p] = index.hash_of(p);

  // Read and prepare on workers, write here.
  OrderedResults results(jobs.size());
  std::atomic<size_t> next_job{0};
  std::vector<std::thread> workers;
  for (size_t w = 0; w < worker_count(jobs.size()); ++w)
    workers.emplace_back([&] {
      for (size_t i = next_job++; i < jobs.size(); i = next_job++) {
        if (!results.wait_turn(i)) break;
        results.put(i, process(jobs[i], known, index));
      }
    });
  auto stop_workers = [&] {
    results.cancel();
    for (auto& t : workers) t.join();
  };
  size_t batch_files = 0, batch_bytes = 0;
  try {
    while (auto r = results.take()) {
      if (r->error) std::rethrow_exception(r->error);
      stats.bytes += r->bytes;
      switch (r->kind) {
        case FileResult::Kind::unchanged:
          ++stats.files_unchanged;
          break;
        case FileResult::Kind::document:
          index.add_prepared(std::move(r->prepared));
          ++stats.files_indexed;
          ++batch_files;
          batch_bytes += r->bytes;
          break;
        case FileResult::Kind::broken:
          if (known.count(r->path)) {
            index.remove(r->path);
            ++batch_files;
          }
          [[fallthrough]];
        case FileResult::Kind::skipped:
          ++stats.files_skipped;
          for (auto d : r->diags.items()) {
            d.level = Level::warning;
            d.message = "skipped: " + d.message;
            diags.add(std::move(d));
          }
          break;
      }
      if (batch_files >= kBatchFiles || batch_bytes >= kBatchBytes) {
        index.commit();
        batch_files = batch_bytes = 0;
      }
      ++prog.files_done;
      prog.bytes_done += r->bytes;
      if (progress) progress(prog);
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();

  // Prune files that disappeared from the folders given.
  std::set<std::string> seen;
  for (const auto& j : jobs) seen.insert(j.path);
  for (const auto& p : indexed) {
    if (seen.count(p)) continue;
    for (const auto& folder : folders) {
      const std::string prefix = folder.ends_with("/") ? folder : folder + "/";
      if (p.starts_with(prefix)) {
        index.remove(p);
        ++stats.files_removed;
        break;
      }
    }
  }
  index.commit();
  stats.sentences = index.sentence_count();
  return stats;
}

}  // namespace claimcheck
