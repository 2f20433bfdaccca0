#include "ddat/load/team_files.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "ddat/files.hpp"

namespace ddat {

namespace fs = std::filesystem;

std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems) {
    std::vector<Diagnostic> duplicates;
    return team_files(paths, problems, duplicates);
}

std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems,
                                    std::vector<Diagnostic>& duplicates) {
    std::vector<std::string> files;
    // Each file by its device and inode, which every path to it shares (symbolic links, "./"),
    // with the path it was first listed by. One stat per file: resolving each path's real name
    // costs a system call per folder in it.
    std::unordered_map<std::string, std::string> seen;
    const auto add = [&](const std::string& file) {
        struct stat info {};
        const std::string key = ::stat(file.c_str(), &info) == 0
                                    ? std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino)
                                    : "path:" + file;
        const auto [it, inserted] = seen.try_emplace(key, file);
        if (inserted) {
            files.push_back(file);
        } else {
            duplicates.push_back({{file, 0, 0}, "the same file as " + it->second + ": counted once"});
        }
    };
    for (const auto& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (path == "-" || error || !fs::exists(status)) {
            if (path == "-") {
                problems.push_back({{path, 0, 0}, "standard input cannot be read as a team: name files or a folder"});
            } else {
                problems.push_back({{path, 0, 0}, "no such file or folder"});
            }
            continue;
        }
        if (!fs::is_directory(status)) {
            add(path);
            continue;
        }
        const std::vector<std::string> found = yaml_files_in(path, false, error, true);
        if (error) {
            problems.push_back({{path, 0, 0}, "cannot read the folder: " + error.message()});
            continue;
        }
        if (found.empty()) {
            problems.push_back({{path, 0, 0}, "the folder holds no self-assessment (*.yaml, *.yml or *.json)"});
            continue;
        }
        for (const auto& file : found) {
            add(file);
        }
    }
    return files;
}

}  // namespace ddat
