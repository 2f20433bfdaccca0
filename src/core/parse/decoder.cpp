#include "parse/decoder.hpp"

#include <algorithm>
#include <unordered_map>

#include "ddat/text.hpp"

namespace ddat {

SourceLocation Decoder::location(const yaml::Node& node) const { return {file_, node.line, node.column}; }

void Decoder::problem(const yaml::Node& at, std::string message) {
    problems_.push_back({location(at), std::move(message)});
}

bool Decoder::expect_mapping(const yaml::Node& node, std::string_view what) {
    if (node.is_mapping()) {
        return true;
    }
    problem(node,
            std::string(what) + " must be a mapping of 'key: value' lines, not " + std::string(yaml::describe(node)));
    return false;
}

bool Decoder::expect_sequence(const yaml::Node& node, std::string_view what) {
    if (node.is_sequence()) {
        return true;
    }
    problem(node, std::string(what) + " must be a list ('- ' items), not " + std::string(yaml::describe(node)));
    return false;
}

void Decoder::check_unique_keys(const yaml::Node& mapping, std::string_view what) {
    // by hash, not by comparing each key with every earlier one: a mapping may have 100,000 keys
    std::unordered_map<std::string_view, int> first_line;
    for (std::size_t i = 0; i < mapping.entry_count(); ++i) {
        const yaml::Node& key = mapping.key(i);
        if (!key.is_scalar()) {
            problem(key, "a key in " + std::string(what) + " must be text, not " + std::string(yaml::describe(key)));
            continue;
        }
        const auto [earlier, inserted] = first_line.emplace(key.value, key.line);
        if (!inserted) {
            problem(key, "'" + key.value + "' appears twice in " + std::string(what) + " (first at line " +
                             std::to_string(earlier->second) + "): keep one");
        }
    }
}

void Decoder::check_keys(const yaml::Node& mapping, std::string_view what,
                         std::initializer_list<std::string_view> allowed,
                         std::initializer_list<std::string_view> required) {
    check_unique_keys(mapping, what);
    const std::vector<std::string> allowed_keys(allowed.begin(), allowed.end());
    std::vector<std::string> suggested;  // a required key suggested here is not reported missing too
    for (std::size_t i = 0; i < mapping.entry_count(); ++i) {
        const yaml::Node& key = mapping.key(i);
        if (!key.is_scalar() || std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) {
            continue;
        }
        std::string message = "unknown key '" + key.value + "' in " + std::string(what);
        const auto near = suggestions_.nearest(key.value, allowed_keys, 1);
        if (!near.empty()) {
            message += ": did you mean '" + near.front() + "'?";
            suggested.push_back(near.front());
        } else {
            std::string list;
            for (const auto& name : allowed_keys) {
                list += (list.empty() ? "" : ", ") + name;
            }
            message += " (expected one of: " + list + ")";
        }
        problem(key, message);
    }
    for (const std::string_view key : required) {
        const yaml::Node* value = mapping.find(key);
        if (value == nullptr && std::find(suggested.begin(), suggested.end(), key) == suggested.end()) {
            problem(mapping, std::string(what) + " has no '" + std::string(key) + "': add it");
        } else if (value != nullptr && (value->is_null() || (value->is_scalar() && trim(value->value).empty()))) {
            // at the key: an empty value's own place is wherever the next token starts
            const yaml::Node* key_node = &mapping;
            for (std::size_t i = 0; i < mapping.entry_count(); ++i) {
                if (&mapping.value_at(i) == value) {
                    key_node = &mapping.key(i);
                }
            }
            problem(*key_node, "'" + std::string(key) + "' in " + std::string(what) + " is empty: give it a value");
        }
    }
}

std::optional<std::string> Decoder::text(const yaml::Node& node, std::string_view what) {
    if (node.is_scalar()) {
        return node.value;
    }
    problem(node, std::string(what) + " must be text, not " + std::string(yaml::describe(node)));
    return std::nullopt;
}

std::string Decoder::optional_text(const yaml::Node& mapping, std::string_view key, std::string_view what) {
    const yaml::Node* node = mapping.find(key);
    if (node == nullptr || node->is_null()) {
        return {};
    }
    return text(*node, what).value_or("");
}

std::vector<std::string> Decoder::text_list(const yaml::Node& node, std::string_view what) {
    std::vector<std::string> texts;
    if (node.is_null() || !expect_sequence(node, what)) {
        return texts;
    }
    for (const auto& item : node.items) {
        if (auto value = text(item, std::string("each item of ") + std::string(what))) {
            texts.push_back(std::move(*value));
        }
    }
    return texts;
}

std::optional<bool> Decoder::boolean(const yaml::Node& node, std::string_view what) {
    if (node.is_scalar()) {
        const std::string word = to_lower(node.value);
        if (word == "true" || word == "yes") {
            return true;
        }
        if (word == "false" || word == "no") {
            return false;
        }
    }
    problem(node, std::string(what) + " must be true or false");
    return std::nullopt;
}

std::optional<std::string> Decoder::id(const yaml::Node& node, std::string_view what) {
    auto value = text(node, what);
    if (!value) {
        return std::nullopt;
    }
    if (!is_valid_id(*value)) {
        const std::string slug = slugify(*value);
        problem(node, std::string(what) + " '" + *value +
                          "' is not a valid id: use lower-case letters, digits and single hyphens" +
                          (slug.empty() ? std::string() : ", such as '" + slug + "'"));
        return std::nullopt;
    }
    return value;
}

}  // namespace ddat
