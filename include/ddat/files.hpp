// Reading input files safely.
#pragma once

#include <cstddef>
#include <string>

namespace ddat {

// Reads a whole file (or standard input for "-") of at most max_bytes. A pipe, FIFO or character
// device (`<(...)`, /dev/stdin) is read as a stream to its end when read_streams is true (a FIFO
// waits for a writer, as cat does), and refused otherwise: files found in a folder, and the cache,
// are read only when regular. Throws InputError naming the file when it is missing, unreadable, a
// folder, a block device or socket, or too large.
std::string read_input_file(const std::string& path, std::size_t max_bytes, bool read_streams = true);

}  // namespace ddat
