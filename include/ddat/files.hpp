// Reading input files safely, finding the YAML files in a folder, and a file as text to write.
#pragma once

#include <cstddef>
#include <string>
#include <system_error>
#include <vector>

namespace ddat {

// One file's name (as shown in messages, or relative to the folder it is written in)
// and its text.
struct SourceFile {
    std::string name;
    std::string text;
};

// Reads a whole file of at most max_bytes ("-" is a file of that name: standard input is the
// program's to read). A pipe, FIFO or character device (`<(...)`, /dev/stdin) is read as a
// stream to its end when read_streams is true (a FIFO waits for a writer, as cat does), and
// refused otherwise: files found in a folder, and the cache, are read only when regular. Throws
// InputError naming the file when it is missing, unreadable, a folder, a block device or socket,
// or too large.
std::string read_input_file(const std::string& path, std::size_t max_bytes, bool read_streams = true);

// True for a file name ddat reads from a folder: *.yaml or *.yml in any letter case, and not
// hidden (such as the "._name.yaml" files macOS leaves beside copies).
bool is_yaml_file_name(const std::string& name);

// The YAML files (is_yaml_file_name) in a folder, and in its sub-folders when `recursive` (not
// hidden ones), in name order; anything but a folder is listed, so that a device or pipe with
// such a name is reported when read; with `json_too`, *.json files as well (self-assessments may
// be JSON). Sets `error` when the folder cannot be read.
std::vector<std::string> yaml_files_in(const std::string& folder, bool recursive, std::error_code& error,
                                       bool json_too = false);

}  // namespace ddat
