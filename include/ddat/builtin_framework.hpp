// The framework compiled into the binary from the repository's framework/ folder.
#pragma once

#include <string_view>

namespace ddat {

// The built-in framework as a snapshot (see snapshot.hpp), checked when ddat was built.
std::string_view builtin_framework_snapshot();

}  // namespace ddat
