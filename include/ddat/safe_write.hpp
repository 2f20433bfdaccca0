// Writing files so that an error or an interruption leaves the old file or nothing, never a
// partial one: everything is written under a temporary name beside the target, then renamed.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "ddat/files.hpp"

namespace ddat {

// The target exists and may not be replaced (no --force).
class TargetExistsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file or folder could not be written.
class WriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes `files` (paths relative to the folder) as the folder `dir`. The folder is built under a
// temporary name beside it and renamed into place; an existing non-empty folder is replaced only
// when `replace` is true. Throws TargetExistsError or WriteError; on any error nothing is left
// behind but what was there before.
void write_folder_atomically(const std::string& dir, const std::vector<SourceFile>& files, bool replace);

// Writes one file through a temporary file beside it and a rename, with the given permission
// bits (0600 for anything derived from a self-assessment). An existing file is replaced only
// when `replace` is true. Whatever is at `path`, a link or a device included, is replaced.
void write_file_atomically(const std::string& path, const std::string& content, bool replace, unsigned mode = 0644);

// Writes a file the user named (-o FILE): as write_file_atomically, but a symbolic link is
// followed and the file it points to replaced, the link kept; a device or a pipe (/dev/stdout,
// /dev/null) is written into, never replaced, and a pipe only while something reads from it.
void write_named_file(const std::string& path, const std::string& content, bool replace, unsigned mode = 0644);

// Removes the temporary files and folders this process is writing, if any. Uses system calls
// only (no allocation, no lock), so that a signal handler can call it: ddat's main() does on
// SIGINT, SIGTERM and SIGHUP.
void remove_pending_writes() noexcept;

}  // namespace ddat
