// Reading a rename file (framework/RELEASE/renames.yaml, or one a capability lead writes).
#pragma once

#include <string>

#include "ddat/renames.hpp"

namespace ddat {

// Reads a rename file: a YAML mapping with `skills:` and `levels:`, each a mapping of old id to
// new id. Throws InputError with the place of any problem.
Renames load_renames(const std::string& text, const std::string& file);

}  // namespace ddat
