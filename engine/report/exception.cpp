// exception.cpp — one message for any exception that reaches the top,
// including Xapian's, which are not std::exceptions. Kept apart from
// diagnostic.cpp so stages that do not link Xapian can use diagnostics.
#include <xapian.h>

#include <new>

#include "claimcheck/diagnostic.hpp"

namespace claimcheck {

std::string describe_exception(std::exception_ptr e) {
  if (!e) return "internal error";
  try {
    std::rethrow_exception(e);
  } catch (const InputError& x) {
    std::string out;
    for (const auto& d : x.diagnostics()) out += (out.empty() ? "" : "\n") + d.format();
    return out;
  } catch (const Xapian::Error& x) {
    return "index: " + x.get_description();
  } catch (const std::bad_alloc&) {
    return "out of memory (std::bad_alloc)";
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "internal error";
  }
}

}  // namespace claimcheck
