#include "ddat/changes.hpp"

#include <algorithm>
#include <set>

#include "decoder.hpp"
#include "yaml_tree.hpp"

namespace ddat {

Renames load_renames(const std::string& text, const std::string& file) {
    const yaml::Node root = yaml::parse(text, file, yaml::Limits{std::size_t{4} * 1024 * 1024, 20});
    std::vector<Diagnostic> problems;
    Decoder d(file, problems);
    Renames renames;
    if (!root.is_null() && d.expect_mapping(root, "a rename file")) {
        d.check_keys(root, "a rename file", {"skills", "levels"}, {});
        const auto read = [&](std::string_view key, std::map<std::string, std::string>& into) {
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
                }
            }
        };
        read("skills", renames.skills);
        read("levels", renames.levels);
    }
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    return renames;
}

namespace {

const Requirement* find_requirement(const RoleLevel& level, const std::string& skill_id) {
    const auto found = std::find_if(level.requirements.begin(), level.requirements.end(),
                                    [&](const Requirement& r) { return r.skill_id == skill_id; });
    return found == level.requirements.end() ? nullptr : &*found;
}

std::string renamed(const std::map<std::string, std::string>& map, const std::string& id) {
    const auto found = map.find(id);
    return found == map.end() ? id : found->second;
}

LevelChange classify(const Requirement* before, const Requirement* after) {
    if (before == nullptr) {
        return LevelChange::added;
    }
    if (after == nullptr) {
        return LevelChange::removed;
    }
    // An unspecified level is met by any level, as awareness is: stated working becoming
    // unspecified asks less, and awareness becoming unspecified asks the same.
    if (before->level == after->level) {
        return LevelChange::same;
    }
    return after->level > before->level ? LevelChange::raised : LevelChange::lowered;
}

}  // namespace

FrameworkChanges compare_frameworks(const Framework& before, const Framework& after, const Renames& renames) {
    FrameworkChanges changes;
    std::set<std::string> matched_after;
    for (const RoleLevel* old_level : before.all_levels()) {
        const RoleLevel* new_level = after.find_level(renamed(renames.levels, old_level->id));
        if (new_level == nullptr) {
            changes.levels_removed.push_back(old_level);
            continue;
        }
        matched_after.insert(new_level->id);
        LevelChanges level;
        level.before = old_level;
        level.after = new_level;
        level.description_changed = old_level->description != new_level->description;
        std::set<std::string> seen;
        for (const auto& r : old_level->requirements) {
            const std::string new_id = renamed(renames.skills, r.skill_id);
            const Requirement* other = find_requirement(*new_level, new_id);
            RequirementChange change;
            change.old_skill_id = r.skill_id;
            change.before = &r;
            change.after = other;
            change.renamed = new_id != r.skill_id && other != nullptr;
            if (other != nullptr) {
                change.new_skill_id = new_id;
                seen.insert(new_id);
                change.text_changed = before.requirement_text(r) != after.requirement_text(*other);
            }
            const Skill* skill = other != nullptr ? after.find_skill(new_id) : before.find_skill(r.skill_id);
            change.name = skill != nullptr ? skill->name : r.skill_id;
            change.change = classify(change.before, change.after);
            const bool stated_changed = other != nullptr && r.level_stated != other->level_stated;
            if (change.change != LevelChange::same || change.text_changed || change.renamed || stated_changed) {
                level.skills.push_back(std::move(change));
            }
        }
        for (const auto& r : new_level->requirements) {
            if (seen.contains(r.skill_id)) {
                continue;
            }
            RequirementChange change;
            change.new_skill_id = r.skill_id;
            change.after = &r;
            const Skill* skill = after.find_skill(r.skill_id);
            change.name = skill != nullptr ? skill->name : r.skill_id;
            change.change = LevelChange::added;
            level.skills.push_back(std::move(change));
        }
        if (level.skills.empty() && !level.description_changed) {
            ++changes.levels_unchanged;
        } else {
            changes.levels_changed.push_back(std::move(level));
        }
    }
    for (const RoleLevel* new_level : after.all_levels()) {
        if (!matched_after.contains(new_level->id)) {
            changes.levels_added.push_back(new_level);
        }
    }
    std::set<std::string> renamed_to;
    for (const auto& [from, to] : renames.skills) {
        renamed_to.insert(to);
    }
    for (const auto& skill : before.skills) {
        if (after.find_skill(renamed(renames.skills, skill.id)) == nullptr) {
            changes.skills_removed.push_back(&skill);
        }
    }
    for (const auto& skill : after.skills) {
        if (before.find_skill(skill.id) == nullptr && !renamed_to.contains(skill.id)) {
            changes.skills_added.push_back(&skill);
        }
    }
    return changes;
}

}  // namespace ddat
