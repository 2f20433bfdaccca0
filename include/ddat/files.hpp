// Reading input files safely.
#pragma once

#include <cstddef>
#include <string>

namespace ddat {

// Reads a whole regular file (or standard input for "-") of at most max_bytes. Throws
// InputError naming the file when it is missing, unreadable, a folder, a device or too large.
std::string read_input_file(const std::string& path, std::size_t max_bytes);

}  // namespace ddat
