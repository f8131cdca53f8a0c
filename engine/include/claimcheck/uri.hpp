// uri.hpp — a file path as a URI reference, as SARIF and LSP both need it.
//
//   claimcheck::uri_reference("drafts/fiscal 2011.md")  // "drafts/fiscal%202011.md"
//   "file://" + claimcheck::uri_reference("/abs/path.md")
#pragma once

#include <string>
#include <string_view>

namespace claimcheck {

// Unreserved characters and '/' stay, every other byte is percent-encoded
// (spaces, '#', '?', '%', non-ASCII bytes ...).
std::string uri_reference(std::string_view path);

}  // namespace claimcheck
