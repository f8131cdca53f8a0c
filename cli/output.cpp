// output.cpp — every byte of a report reaches its destination or the run
// fails: standard output is written with checked write(2) calls, and
// --output FILE goes to a temporary file in the same folder that is renamed
// into place, so a report on disk is whole or absent.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

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

// Writes all of `content` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, const std::string& content) {
  const char* p = content.data();
  size_t left = content.size();
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
  if (stdout_closed) fail("", EBADF);
  // Anything already buffered by stdio or iostreams goes first.
  std::cout.flush();
  if (std::fflush(stdout) != 0) fail("", errno);
  if (const int err = write_all(STDOUT_FILENO, content)) fail("", err);
}

void finish_stdout() {
  if (stdout_closed) fail("", EBADF);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) fail("", errno ? errno : EIO);
}

void write_output(const std::string& content, const std::string& path) {
  if (path.empty() || path == "-") {
    write_stdout(content);
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) fail(path, errno);
  int err = write_all(fd, content);
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
