#include "ddat/files.hpp"

#include <algorithm>
#include <filesystem>

#include "ddat/text.hpp"

namespace ddat {

namespace fs = std::filesystem;

bool is_yaml_file_name(const std::string& name) {
    const std::string lower = to_lower(name);
    return !name.starts_with(".") && (lower.ends_with(".yaml") || lower.ends_with(".yml"));
}

std::vector<std::string> yaml_files_in(const std::string& folder, bool recursive, std::error_code& error,
                                       bool json_too) {
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        std::error_code type_error;
        const bool is_folder = it->is_directory(type_error);
        const std::string name = it->path().filename().string();
        if (is_folder) {
            if (!recursive || name.starts_with(".")) {
                it.disable_recursion_pending();
            }
        } else if (is_yaml_file_name(name) ||
                   (json_too && !name.starts_with(".") && to_lower(name).ends_with(".json"))) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace ddat
