// output.cpp — every byte of a report reaches its destination or the run
// fails: standard output is written with checked write(2) calls, and
// --output FILE goes to a temporary file in the same folder that is renamed
// into place, so a report on disk is whole or absent. Large reports are
// written as they are rendered (stream_output), never held whole.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>

#include "commands.hpp"

namespace claimcheck::cli {

namespace {

bool stdout_closed = false;
std::string current_activity;

// `path` empty: standard output.
[[noreturn]] void fail(const std::string& path, int err) {
  throw InputError({{path, 0, 0, Level::error,
                     std::string(path.empty() ? "cannot write to standard output: "
                                              : "cannot write the report: ") +
                         std::strerror(err)}});
}

// Writes all of [p, p + left) to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, const char* p, size_t left) {
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return 0;
}

// A stream buffer over a file descriptor: every write(2) checked, the first
// failure kept (and later output dropped) for the caller to report.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  // Writes what is buffered; 0 or the errno of the first failed write.
  int finish() {
    sync();
    return err_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    if (!err_) err_ = write_all(fd_, pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buf_, buf_ + sizeof buf_);
    return err_ ? -1 : 0;
  }

 private:
  int fd_;
  int err_ = 0;
  char buf_[1 << 16];
};

// Runs `render` into `fd`; 0 or the errno of the first failed write.
int render_to(int fd, const Renderer& render) {
  FdBuf buf(fd);
  std::ostream out(&buf);
  render(out);
  return buf.finish();
}

}  // namespace

void set_activity(std::string what) { current_activity = std::move(what); }
const std::string& activity() { return current_activity; }

void guard_standard_streams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // A closed standard stream would be handed to the next open(): a
    // database file could then receive the report. Park /dev/null there.
    const int null_fd = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (null_fd >= 0 && null_fd != fd) {
      ::dup2(null_fd, fd);
      ::close(null_fd);
    }
    if (fd == STDOUT_FILENO) stdout_closed = true;
  }
}

void write_stdout(const std::string& content) {
  stream_stdout([&](std::ostream& out) { out << content; });
}

void stream_stdout(const Renderer& render) {
  if (stdout_closed) fail("", EBADF);
  // Anything already buffered by stdio or iostreams goes first.
  std::cout.flush();
  if (std::fflush(stdout) != 0) fail("", errno);
  if (const int err = render_to(STDOUT_FILENO, render)) fail("", err);
}

void finish_stdout() {
  if (stdout_closed) fail("", EBADF);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) fail("", errno ? errno : EIO);
}

void write_output(const std::string& content, const std::string& path) {
  stream_output([&](std::ostream& out) { out << content; }, path);
}

void stream_output(const Renderer& render, const std::string& path) {
  if (path.empty() || path == "-") {
    stream_stdout(render);
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) fail(path, errno);
  int err = render_to(fd, render);
  if (!err && ::fsync(fd) != 0) err = errno;
  // mkstemp makes the file 0600; a report is as readable as any new file.
  if (!err) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    fail(path, err);
  }
}

}  // namespace claimcheck::cli
