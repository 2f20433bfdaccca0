#include "ddat/changes.hpp"

#include <algorithm>
#include <set>

#include "ddat/text.hpp"
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
    if (!problems.empty()) {
        throw InputError(std::move(problems));
    }
    return renames;
}

std::vector<Diagnostic> check_renames(const Renames& renames, const Framework& before, const Framework& after) {
    std::vector<Diagnostic> problems;
    SuggestionBudget suggestions;
    const auto skill_ids = [](const Framework& framework) {
        std::vector<std::string> ids;
        for (const auto& skill : framework.skills) {
            ids.push_back(skill.id);
        }
        return ids;
    };
    const auto level_ids = [](const Framework& framework) {
        std::vector<std::string> ids;
        for (const RoleLevel* level : framework.all_levels()) {
            ids.push_back(level->id);
        }
        return ids;
    };
    const auto check = [&](const std::map<std::string, std::string>& entries,
                           const std::map<std::string, std::pair<SourceLocation, SourceLocation>>& places,
                           std::string_view what, const auto& has_before, const auto& has_after,
                           const std::vector<std::string>& before_ids, const std::vector<std::string>& after_ids) {
        for (const auto& [from, to] : entries) {
            const auto place = places.find(from);
            const auto report = [&](const SourceLocation& at, const std::string& id, std::string_view copy,
                                    const std::vector<std::string>& ids) {
                std::vector<std::string> near = suggestions.nearest(id, ids, 1);
                const Framework& framework = copy == "older" ? before : after;
                for (const RoleLevel* level : framework.all_levels()) {
                    if (std::find(level->aliases.begin(), level->aliases.end(), id) != level->aliases.end()) {
                        near = {level->id};  // a rename file names levels by id, not by alias
                    }
                }
                problems.push_back({at, "the " + std::string(copy) + " copy has no " + std::string(what) + " '" + id +
                                            "'" +
                                            (near.empty() ? std::string(": the entry is not used")
                                                          : ": did you mean '" + near.front() + "'?")});
            };
            if (!has_before(from)) {
                report(place == places.end() ? SourceLocation{} : place->second.first, from, "older", before_ids);
            }
            if (!has_after(to)) {
                report(place == places.end() ? SourceLocation{} : place->second.second, to, "newer", after_ids);
            }
        }
    };
    check(
        renames.skills, renames.skill_places, "skill",
        [&](const std::string& id) { return before.find_skill(id) != nullptr; },
        [&](const std::string& id) { return after.find_skill(id) != nullptr; }, skill_ids(before), skill_ids(after));
    check(
        renames.levels, renames.level_places, "role level",
        [&](const std::string& id) { return before.find_level(id) != nullptr; },
        [&](const std::string& id) { return after.find_level(id) != nullptr; }, level_ids(before), level_ids(after));
    std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
    });
    return problems;
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
