// index_stub.cpp — STUB, replaced by the index work.
#include "claimcheck/index.hpp"

namespace claimcheck {

std::unique_ptr<Index> open_index(const std::string& dir, OpenMode, Diagnostics& diags) {
  diags.error(dir, 0, 0, "the index is not implemented yet");
  return nullptr;
}
std::unique_ptr<Index> make_memory_index() { return nullptr; }
IndexStats index_paths(Index&, const std::vector<std::string>&, Diagnostics&,
                       const std::function<void(const IndexProgress&)>&) {
  return {};
}

}  // namespace claimcheck
