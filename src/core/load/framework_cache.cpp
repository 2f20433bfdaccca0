#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ddat/files.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "ddat/safe_write.hpp"

namespace ddat {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeptSnapshots = 16;

std::int64_t nanoseconds(const timespec& time) {
    return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

// The file name in the cache for a key.
fs::path cache_entry(const std::string& cache_dir, const char* kind, std::uint64_t key) {
    char name[48];
    std::snprintf(name, sizeof name, "framework-%s%016llx.snapshot", kind, static_cast<unsigned long long>(key));
    return fs::path(cache_dir) / name;
}

// What the files' stamps say of them: a key from each file's name, size, times, inode and device,
// and whether any of them changed so recently (within `settle`) that a further change could
// still leave every stamp as it is. Empty when a file is not a regular file or cannot be looked
// at: the files are then read, and that reading reports it.
struct StampKey {
    std::uint64_t key = 0;
    bool settled = true;
};

std::optional<StampKey> stamp_key(const std::vector<std::string>& files, std::uint64_t seed,
                                  std::chrono::nanoseconds settle) {
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const std::int64_t settled_before = nanoseconds(now) - settle.count();
    StampKey stamps{seed, true};
    std::string record;
    for (const auto& file : files) {
        struct stat info {};
        if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
            return std::nullopt;
        }
        const std::int64_t modified = nanoseconds(info.st_mtim);
        const std::int64_t changed = nanoseconds(info.st_ctim);
        stamps.settled = stamps.settled && modified < settled_before && changed < settled_before;
        record.assign(file);
        record += '\0';
        for (const std::int64_t field :
             {static_cast<std::int64_t>(info.st_size), modified, changed, static_cast<std::int64_t>(info.st_ino),
              static_cast<std::int64_t>(info.st_dev)}) {
            record += std::to_string(field);
            record += '\0';
        }
        stamps.key = content_hash(record, stamps.key);
    }
    return stamps;
}

// The snapshot at `file`, read as the scope asks; nothing when it is missing, damaged or another
// version's. The file is mapped, not read: a command touches only the index and its sections of
// half a megabyte, and reading it all cost a fifth of `level show`'s time. A mapped file that is
// cut short under a reader would stop it, but the cache's files are never written in place: each
// is written whole beside its name and renamed over it.
std::optional<Framework> read_cached(const fs::path& file, const LoadScope& scope) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return std::nullopt;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0 ||
        static_cast<std::size_t>(info.st_size) > kMaxFrameworkFileBytes * 4) {
        ::close(fd);
        return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) {
        return std::nullopt;
    }
    auto result = read_snapshot(std::string_view(static_cast<const char*>(mapped), size), scope);
    ::munmap(mapped, size);
    return result;
}

// Removes all but the newest kKeptSnapshots entries of each kind (snapshots by content, and the
// links to them by stamps).
void prune(const fs::path& dir) {
    std::error_code error;
    std::vector<std::pair<fs::file_time_type, fs::path>> by_content;
    std::vector<std::pair<fs::file_time_type, fs::path>> by_stamps;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".snapshot") {
            const bool stamps = entry.path().filename().string().rfind("framework-stat-", 0) == 0;
            (stamps ? by_stamps : by_content).emplace_back(entry.last_write_time(error), entry.path());
        }
    }
    for (auto* entries : {&by_content, &by_stamps}) {
        if (entries->size() <= kKeptSnapshots) {
            continue;
        }
        std::sort(entries->begin(), entries->end());
        for (std::size_t i = 0; i + kKeptSnapshots < entries->size(); ++i) {
            fs::remove((*entries)[i].second, error);
        }
    }
}

// Makes `link` a second name of the snapshot `target` (replacing an older one), and marks the
// snapshot as used now so that pruning keeps it. Failing only costs speed.
void link_snapshot(const fs::path& target, const fs::path& link) {
    const fs::path temporary = fs::path(link).concat(".tmp" + std::to_string(::getpid()));
    if (::link(target.c_str(), temporary.c_str()) != 0) {
        return;
    }
    if (::rename(temporary.c_str(), link.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return;
    }
    ::utimensat(AT_FDCWD, link.c_str(), nullptr, 0);
}

}  // namespace

Framework load_framework_cached(const std::string& path, const std::string& cache_dir, const LoadScope& scope,
                                const CacheOptions& options) {
    auto report = [&](CacheAnswer answer) {
        if (options.answer != nullptr) {
            *options.answer = answer;
        }
    };
    const std::vector<std::string> files = framework_files(path);
    // The snapshot format, ddat's version and the decoder's identity: a snapshot any other build
    // wrote is never found.
    const std::uint64_t identity = content_hash(write_snapshot(Framework{}));
    std::optional<StampKey> stamps;
    if (!cache_dir.empty()) {
        stamps = stamp_key(files, identity, options.settle);
        if (stamps) {
            if (auto cached = read_cached(cache_entry(cache_dir, "stat-", stamps->key), scope)) {
                report(CacheAnswer::by_stamps);
                return std::move(*cached);
            }
        }
    }
    std::vector<SourceFile> sources;
    std::vector<Diagnostic> problems;
    std::uint64_t key = identity;
    for (const auto& file : files) {
        try {
            // a pipe or device is read only when named itself, never when found in a folder
            sources.push_back({file, read_input_file(file, kMaxFrameworkFileBytes, file == path)});
            key = content_hash(file + '\0' + std::to_string(sources.back().text.size()) + '\0', key);
            key = content_hash(sources.back().text, key);
        } catch (const InputError& error) {
            problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    }
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    if (cache_dir.empty()) {
        report(CacheAnswer::read_files);
        return load_framework_sources(sources);
    }
    const fs::path snapshot_path = cache_entry(cache_dir, "", key);
    // Stamps taken before the files were read name what was read, or an older state of it that
    // can never come back (a file's change time only grows); stamps that have not settled are
    // not recorded, since an edit within the file system's clock tick could keep them.
    const auto remember_stamps = [&] {
        if (stamps && stamps->settled) {
            link_snapshot(snapshot_path, cache_entry(cache_dir, "stat-", stamps->key));
        }
    };
    if (auto cached = read_cached(snapshot_path, scope)) {
        report(CacheAnswer::by_content);
        remember_stamps();
        return std::move(*cached);
    }
    Framework framework = load_framework_sources(sources);
    report(CacheAnswer::read_files);
    try {
        std::error_code error;
        fs::create_directories(cache_dir, error);
        write_file_atomically(snapshot_path.string(), write_snapshot(framework), true, 0600);
        remember_stamps();
        prune(cache_dir);
    } catch (const std::exception&) {
        // a cache that cannot be written only costs speed
    }
    return framework;
}

}  // namespace ddat
