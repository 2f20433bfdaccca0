// Turns yaml::Node trees into typed values, collecting every problem with its place instead of
// stopping at the first. Shared by the framework and self-assessment loaders.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/text.hpp"
#include "parse/yaml_tree.hpp"

namespace ddat {

class Decoder {
public:
    Decoder(std::string file, std::vector<Diagnostic>& problems) : file_(std::move(file)), problems_(problems) {}

    // The place of a node in this decoder's file.
    [[nodiscard]] SourceLocation location(const yaml::Node& node) const;

    // Records a problem at a node.
    void problem(const yaml::Node& at, std::string message);

    // True when node is a mapping (or a list); records a problem naming `what` otherwise.
    bool expect_mapping(const yaml::Node& node, std::string_view what);
    bool expect_sequence(const yaml::Node& node, std::string_view what);

    // Records keys that are not text, appear twice, are not in `allowed` (with the nearest
    // allowed key as a hint), and `required` keys that are missing.
    void check_keys(const yaml::Node& mapping, std::string_view what, std::initializer_list<std::string_view> allowed,
                    std::initializer_list<std::string_view> required);

    // Records duplicate and non-text keys only; for mappings whose keys are data, not fields.
    void check_unique_keys(const yaml::Node& mapping, std::string_view what);

    // The node's text; records a problem and returns nullopt when it is not a scalar.
    std::optional<std::string> text(const yaml::Node& node, std::string_view what);

    // The text of the field `key` of mapping, or "" when absent.
    std::string optional_text(const yaml::Node& mapping, std::string_view key, std::string_view what);

    // A list of texts; records a problem for anything else.
    std::vector<std::string> text_list(const yaml::Node& node, std::string_view what);

    // true/false (also yes/no); records a problem for anything else.
    std::optional<bool> boolean(const yaml::Node& node, std::string_view what);

    // An id in kebab-case; records a problem (suggesting the slug) for anything else.
    std::optional<std::string> id(const yaml::Node& node, std::string_view what);

    [[nodiscard]] const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<Diagnostic>& problems_;
    SuggestionBudget suggestions_;
};

// Parses a small YAML file of ddat's own (a level order, corrections or rename file: at most
// 4 MiB, nested at most 20 deep) and returns what decode(root, decoder) makes of it. Throws
// InputError with every problem the decoder collected.
template <typename Decode>
auto decode_yaml_file(std::string_view text, const std::string& file, Decode&& decode) {
    const yaml::Node root = yaml::parse(text, file, yaml::Limits{std::size_t{4} * 1024 * 1024, 20});
    std::vector<Diagnostic> problems;
    Decoder decoder(file, problems);
    auto result = decode(root, decoder);
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    return result;
}

}  // namespace ddat
