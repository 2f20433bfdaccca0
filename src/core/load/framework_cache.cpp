#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "ddat/files.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "ddat/safe_write.hpp"

namespace ddat {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeptSnapshots = 16;

// Removes all but the newest kKeptSnapshots snapshots.
void prune(const fs::path& dir) {
    std::error_code error;
    std::vector<std::pair<fs::file_time_type, fs::path>> snapshots;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".snapshot") {
            snapshots.emplace_back(entry.last_write_time(error), entry.path());
        }
    }
    if (snapshots.size() <= kKeptSnapshots) {
        return;
    }
    std::sort(snapshots.begin(), snapshots.end());
    for (std::size_t i = 0; i + kKeptSnapshots < snapshots.size(); ++i) {
        fs::remove(snapshots[i].second, error);
    }
}

}  // namespace

Framework load_framework_cached(const std::string& path, const std::string& cache_dir, const LoadScope& scope) {
    std::vector<SourceFile> sources;
    std::vector<Diagnostic> problems;
    // The snapshot format, ddat's version and the decoder's identity, then every file's name and bytes.
    std::uint64_t key = content_hash(write_snapshot(Framework{}));
    for (const auto& file : framework_files(path)) {
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
    char name[40];
    std::snprintf(name, sizeof name, "framework-%016llx.snapshot", static_cast<unsigned long long>(key));
    const fs::path snapshot_path = fs::path(cache_dir) / name;
    if (!cache_dir.empty()) {
        try {
            if (auto cached =
                    read_snapshot(read_input_file(snapshot_path.string(), kMaxFrameworkFileBytes * 4, false), scope)) {
                return std::move(*cached);
            }
        } catch (const InputError&) {
            // no snapshot yet: read the files
        }
    }
    Framework framework = load_framework_sources(sources);
    if (!cache_dir.empty()) {
        try {
            std::error_code error;
            fs::create_directories(cache_dir, error);
            write_file_atomically(snapshot_path.string(), write_snapshot(framework), true, 0600);
            prune(cache_dir);
        } catch (const std::exception&) {
            // a cache that cannot be written only costs speed
        }
    }
    return framework;
}

}  // namespace ddat
