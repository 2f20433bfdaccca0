// Reading a framework copy from YAML: a file, a folder of files, or the copy built into ddat.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/files.hpp"
#include "ddat/model.hpp"

namespace ddat {

// The largest framework file ddat reads.
inline constexpr std::size_t kMaxFrameworkFileBytes = std::size_t{32} * 1024 * 1024;

// Reads the framework file at path, or every .yaml/.yml file below the folder at path, in path
// order. Throws InputError listing every problem found.
Framework load_framework(const std::string& path);

// Builds a framework from files already in memory, merged in the order given. Throws InputError
// listing every problem found.
Framework load_framework_sources(const std::vector<SourceFile>& files);

// The built-in release of that name (see builtin_framework.hpp), or the newest when the name is
// empty, holding what the scope asks for. Throws NotFoundError, with the nearest release names,
// for a release ddat does not have.
Framework load_builtin_framework(std::string_view release = {}, const LoadScope& scope = LoadScope::whole());

// Every problem in the framework at path (empty when it is valid), in file order.
std::vector<Diagnostic> validate_framework(const std::string& path);

// The YAML files of the framework at path: itself when a file, else those below the folder.
// Throws InputError when path does not exist or a folder holds no YAML file.
std::vector<std::string> framework_files(const std::string& path);

}  // namespace ddat

namespace ddat {

// How load_framework_cached found its answer.
enum class CacheAnswer : std::uint8_t {
    by_stamps,   // a snapshot recorded for the files' stamps: no file was read
    by_content,  // a snapshot recorded for the files' names and bytes: the files were read and hashed
    read_files,  // no snapshot: the files were read, decoded and checked
};

// How load_framework_cached may use its cache.
struct CacheOptions {
    // A file whose modification or change time is this recent is never looked up by its stamps
    // later: an edit within the file system's clock tick, of the same size, could keep them.
    std::chrono::nanoseconds settle = std::chrono::seconds(2);
    // Where to say how the answer was found, when not null.
    CacheAnswer* answer = nullptr;
};

// Like load_framework, but keeps a snapshot of the result in cache_dir and reads that on the
// next call instead of parsing YAML again. A snapshot is found by its files' stamps (name, size,
// modification and change times, inode and device: any write gives a new change time), without
// reading them, once they have settled (see CacheOptions); else by a hash of the files' names
// and bytes. Both keys begin with ddat's version and the decoder's identity, so the answer is
// never stale. An unusable cache (missing, unwritable, damaged, from another version) is ignored
// and the files are read as usual. From the cache, only what the scope asks for is read; from the
// files, everything.
Framework load_framework_cached(const std::string& path, const std::string& cache_dir,
                                const LoadScope& scope = LoadScope::whole(), const CacheOptions& options = {});

}  // namespace ddat
