// server.hpp — `claimcheck lsp`: a Language Server over a pair of streams.
// The reading thread answers requests at once from the last report of each
// document; one worker thread runs the checks (debounced, the stale one
// cancelled when a newer change arrives) with the rules and the index it
// was given, opened once.
//
//   claimcheck::lsp::Server server(std::move(engine), reload, options, std::cout);
//   return server.run(std::cin);  // 0 after shutdown + exit
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "claimcheck/index.hpp"
#include "claimcheck/report.hpp"
#include "claimcheck/rules.hpp"
#include "lsp/features.hpp"
#include "lsp/jsonrpc.hpp"

namespace claimcheck::lsp {

// What checks run against, loaded once.
struct Engine {
  std::optional<Rules> rules;
  std::unique_ptr<Index> index;
  std::map<std::string, std::string> corpus;  // evidence file name -> absolute path
  std::string error;  // set when nothing could be loaded: why
};

// Loads an Engine for the initializationOptions of a client ({"db", "rules",
// "config"}); nullopt with `error` naming file, line and problem.
using Loader = std::function<std::optional<Engine>(const json& options, std::string& error)>;

struct ServerOptions {
  int debounce_ms = 300;              // wait after a change before checking
  double time_budget_seconds = 30;    // per check; past it the figures left are unchecked
};

class Server {
 public:
  Server(Engine engine, Loader reload, ServerOptions options, std::ostream& out);
  ~Server();
  // Reads and answers messages until `exit` or the end of the input. The
  // exit status: 0 after shutdown then exit, 1 otherwise (LSP 3.17).
  int run(std::istream& in);

 private:
  struct Doc {
    std::string text;
    int version = 0;
    std::string format;  // md, html, txt
    std::string path;
  };
  // A document as last checked, with the text its positions refer to.
  struct Checked {
    int version = 0;
    std::string format;
    FileReport report;
    LineIndex lines{""};
  };

  void send(const json& message);
  void log(int type, const std::string& message);  // window/logMessage
  void dispatch(const json& message);
  json handle_request(const std::string& method, const json& params);
  void handle_notification(const std::string& method, const json& params);
  json initialize(const json& params);
  void open(const json& params);
  void change(const json& params);
  void close(const json& params);
  void schedule(const std::string& uri, std::chrono::milliseconds delay);  // holds mutex_
  void work();
  void check(const std::string& uri, const Doc& doc);
  std::shared_ptr<const Checked> checked(const std::string& uri);
  View view() const;

  Engine engine_;
  Loader reload_;
  ServerOptions options_;
  std::ostream& out_;
  std::mutex out_mutex_;
  Encoding encoding_ = Encoding::utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  int exit_code_ = -1;

  std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  std::map<std::string, Doc> docs_;
  std::map<std::string, std::chrono::steady_clock::time_point> due_;
  std::map<std::string, std::shared_ptr<const Checked>> checked_;
  std::string checking_;        // the uri the worker is checking, or empty
  std::atomic<bool> cancel_{false};  // stops the worker's current check
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace claimcheck::lsp
