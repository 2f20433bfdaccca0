// The framework releases compiled into the binary from the repository's framework/ folder.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"

namespace ddat {

// One built-in release: its name, such as "2025-10", and its framework as a snapshot (see
// snapshot.hpp), checked when ddat was built.
struct BuiltinRelease {
    std::string_view name;
    std::string_view snapshot;
};

// The built-in releases, newest first: the first is the one ddat uses unless told otherwise.
std::span<const BuiltinRelease> builtin_releases();

// The built-in releases other than `except` in which `name` names a role level (kind role_level)
// or a role (kind role), newest first; empty for any other kind. For telling a user who asked
// the wrong release where the name is.
std::vector<std::string> builtin_releases_naming(NameKind kind, std::string_view name, std::string_view except);

}  // namespace ddat
