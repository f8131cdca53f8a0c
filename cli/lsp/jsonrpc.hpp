// jsonrpc.hpp — JSON-RPC 2.0 messages over a byte stream with LSP's
// "Content-Length: N\r\n\r\n" framing: reading one message at a time, and
// framing one for writing.
//
//   claimcheck::lsp::MessageReader in(std::cin);
//   for (auto m = in.next(); m.status != ReadStatus::eof; m = in.next()) ...
//   std::cout << claimcheck::lsp::frame(reply);
#pragma once

#include <nlohmann/json.hpp>

#include <istream>
#include <string>

namespace claimcheck::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

// Refuse bodies larger than this (a broken client, not a draft).
constexpr size_t kMaxMessageBytes = 64u << 20;

enum class ReadStatus {
  message,     // `body` holds a parsed JSON value
  bad_header,  // no usable Content-Length: `error` says why; the reader resynchronises
  bad_json,    // the body was read but is not JSON: `error` says where
  eof,         // the stream ended (or ended inside a message)
};

struct ReadResult {
  ReadStatus status = ReadStatus::eof;
  json body;
  std::string error;
};

// Reads framed messages. A header block without a valid Content-Length is
// reported (bad_header) and skipped; the reader then looks for the next
// "Content-Length:" even at the end of a line of garbage, so one bad message
// does not lose the ones after it.
class MessageReader {
 public:
  explicit MessageReader(std::istream& in) : in_(in) {}
  ReadResult next();

 private:
  std::istream& in_;
};

// "Content-Length: N\r\n\r\n" + the JSON text (invalid UTF-8 replaced).
std::string frame(const json& message);

// The JSON-RPC envelopes.
json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);

}  // namespace claimcheck::lsp
