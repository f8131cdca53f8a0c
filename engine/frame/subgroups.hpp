// subgroups.hpp — words that narrow a figure to a sub-group of people or of
// places ("children", "Hispanic", "rural counties"). Internal to the reader.
#pragma once

#include <string_view>
#include <vector>

#include "claimcheck/mention.hpp"

namespace claimcheck::detail {

// Spans (absolute, in `text`) of the sub-group words between `begin` and
// `end`: age groups, sexes, races and ethnicities, income groups, kinds of
// place in the plural. The reader drops those a vocabulary phrase or a place
// name covers: only a group the rules do not name makes a figure a part.
std::vector<Span> subgroup_words(std::string_view text, size_t begin, size_t end);

}  // namespace claimcheck::detail
