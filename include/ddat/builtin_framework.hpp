// The framework files compiled into the binary from the repository's framework/ folder.
#pragma once

#include <string_view>
#include <vector>

namespace ddat {

// One built-in framework file: its path below framework/ and its YAML text.
struct BuiltinFile {
    std::string_view path;
    std::string_view text;
};

// Every built-in file, in path order.
const std::vector<BuiltinFile>& builtin_framework_files();

}  // namespace ddat
