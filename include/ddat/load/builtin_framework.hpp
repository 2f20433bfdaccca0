// The framework releases compiled into the binary from the repository's framework/ folder.
#pragma once

#include <span>
#include <string_view>

namespace ddat {

// One built-in release: its name, such as "2025-10", and its framework as a snapshot (see
// snapshot.hpp), checked when ddat was built.
struct BuiltinRelease {
    std::string_view name;
    std::string_view snapshot;
};

// The built-in releases, newest first: the first is the one ddat uses unless told otherwise.
std::span<const BuiltinRelease> builtin_releases();

}  // namespace ddat
