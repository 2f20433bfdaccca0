#include "ddat/load/renames.hpp"

#include "ddat/errors.hpp"
#include "parse/decoder.hpp"
#include "parse/yaml_tree.hpp"

namespace ddat {

Renames load_renames(const std::string& text, const std::string& file) {
    return decode_yaml_file(text, file, [&file](const yaml::Node& root, Decoder& d) {
        Renames renames;
        if (!root.is_null() && d.expect_mapping(root, "a rename file")) {
            d.check_keys(root, "a rename file", {"skills", "levels"}, {});
            const auto read = [&](std::string_view key, std::map<std::string, std::string>& into,
                                  std::map<std::string, std::pair<SourceLocation, SourceLocation>>& places) {
                const yaml::Node* node = root.find(key);
                if (node == nullptr || node->is_null() || !d.expect_mapping(*node, "'" + std::string(key) + "'")) {
                    return;
                }
                d.check_unique_keys(*node, "'" + std::string(key) + "'");
                for (std::size_t i = 0; i < node->entry_count(); ++i) {
                    const auto from = d.id(node->key(i), "an old id");
                    const auto to = d.id(node->value_at(i), "a new id");
                    if (from && to) {
                        into[*from] = *to;
                        places[*from] = {SourceLocation{file, node->key(i).line, node->key(i).column},
                                         SourceLocation{file, node->value_at(i).line, node->value_at(i).column}};
                    }
                }
            };
            read("skills", renames.skills, renames.skill_places);
            read("levels", renames.levels, renames.level_places);
        }
        return renames;
    });
}

}  // namespace ddat
