#include "ddat/analysis/changes.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "ddat/text.hpp"

namespace ddat {

namespace {

std::vector<std::string> skill_ids(const Framework& framework) {
    std::vector<std::string> ids;
    for (const auto& skill : framework.skills()) {
        ids.push_back(skill.id);
    }
    return ids;
}

std::vector<std::string> level_ids(const Framework& framework) {
    std::vector<std::string> ids;
    for (const RoleLevel* level : framework.all_levels()) {
        ids.push_back(level->id);
    }
    return ids;
}

// The id of the level that has this alias, or empty: a rename file names levels by id.
std::string level_with_alias(const Framework& framework, const std::string& alias) {
    for (const RoleLevel* level : framework.all_levels()) {
        if (std::find(level->aliases.begin(), level->aliases.end(), alias) != level->aliases.end()) {
            return level->id;
        }
    }
    return {};
}

// "the older copy has no skill 'x': did you mean 'y'?", at the id's place in the rename file.
Diagnostic unknown_id(const SourceLocation& at, const std::string& id, std::string_view copy, std::string_view what,
                      const std::string& suggestion) {
    return {at,
            "the " + std::string(copy) + " copy has no " + std::string(what) + " '" + id + "'" +
                (suggestion.empty() ? std::string(": the entry is not used") : ": did you mean '" + suggestion + "'?")};
}

}  // namespace

std::vector<Diagnostic> check_renames(const Renames& renames, const Framework& before, const Framework& after) {
    std::vector<Diagnostic> problems;
    SuggestionBudget suggestions;
    const auto nearest_of = [&](const std::string& id, const std::vector<std::string>& ids) {
        const auto near = suggestions.nearest(id, ids, 1);
        return near.empty() ? std::string() : near.front();
    };
    // Where an entry was written; nowhere for renames made in code rather than read from a file.
    const auto places = [](const auto& written, const std::string& from) {
        const auto found = written.find(from);
        return found == written.end() ? std::pair<SourceLocation, SourceLocation>{} : found->second;
    };
    for (const auto& [from, to] : renames.skills) {
        const auto [from_at, to_at] = places(renames.skill_places, from);
        if (before.find_skill(from) == nullptr) {
            problems.push_back(unknown_id(from_at, from, "older", "skill", nearest_of(from, skill_ids(before))));
        }
        if (after.find_skill(to) == nullptr) {
            problems.push_back(unknown_id(to_at, to, "newer", "skill", nearest_of(to, skill_ids(after))));
        }
    }
    for (const auto& [from, to] : renames.levels) {
        const auto [from_at, to_at] = places(renames.level_places, from);
        if (before.find_level(from) == nullptr) {
            const std::string id = level_with_alias(before, from);
            problems.push_back(unknown_id(from_at, from, "older", "role level",
                                          id.empty() ? nearest_of(from, level_ids(before)) : id));
        }
        if (after.find_level(to) == nullptr) {
            const std::string id = level_with_alias(after, to);
            problems.push_back(
                unknown_id(to_at, to, "newer", "role level", id.empty() ? nearest_of(to, level_ids(after)) : id));
        }
    }
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
    const SkillLevel from = level_to_meet(*before);
    const SkillLevel to = level_to_meet(*after);
    if (from == to) {
        return LevelChange::same;
    }
    return to > from ? LevelChange::raised : LevelChange::lowered;
}

}  // namespace

namespace {

std::set<std::string> word_set(std::string_view text) {
    std::set<std::string> result;
    std::string word;
    for (const char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!word.empty()) {
            result.insert(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        result.insert(std::move(word));
    }
    return result;
}

// Dice's coefficient of two sets: 1 when equal, 0 when disjoint or both empty.
double dice(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) {
        return 0;
    }
    std::size_t common = 0;
    for (const auto& item : a) {
        common += b.count(item);
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// What is compared of a skill to tell whether another copy renamed it.
struct SkillProfile {
    std::set<std::string> name;
    std::set<std::string> levels;  // ids of the role levels that require it
    std::set<std::string> text;    // words of its description and level descriptions
};

std::map<std::string, SkillProfile> profiles(const Framework& framework, const std::set<std::string>& ids) {
    std::map<std::string, SkillProfile> result;
    for (const auto& skill : framework.skills()) {
        if (!ids.contains(skill.id)) {
            continue;
        }
        SkillProfile& p = result[skill.id];
        p.name = word_set(skill.name);
        std::string text = skill.description;
        for (const auto& level : skill.levels) {
            text += " " + level.description;
        }
        p.text = word_set(text);
    }
    for (const RoleLevel* level : framework.all_levels()) {
        for (const auto& r : level->requirements) {
            if (const auto found = result.find(r.skill_id); found != result.end()) {
                found->second.levels.insert(level->id);
            }
        }
    }
    return result;
}

}  // namespace

std::vector<DetectedRename> detect_skill_renames(const Framework& before, const Framework& after,
                                                 const Renames& renames) {
    std::set<std::string> gone;
    std::set<std::string> renamed_to;
    for (const auto& [from, to] : renames.skills) {
        renamed_to.insert(to);
    }
    for (const auto& skill : before.skills()) {
        const auto mapped = renames.skills.find(skill.id);
        if (after.find_skill(mapped == renames.skills.end() ? skill.id : mapped->second) == nullptr) {
            gone.insert(skill.id);
        }
    }
    std::set<std::string> arrived;
    for (const auto& skill : after.skills()) {
        if (before.find_skill(skill.id) == nullptr && !renamed_to.contains(skill.id)) {
            arrived.insert(skill.id);
        }
    }
    constexpr std::size_t kMaxPairs = 250000;
    if (gone.empty() || arrived.empty() || gone.size() * arrived.size() > kMaxPairs) {
        return {};
    }
    const auto old_profiles = profiles(before, gone);
    const auto new_profiles = profiles(after, arrived);
    std::vector<DetectedRename> candidates;
    for (const auto& [old_id, o] : old_profiles) {
        for (const auto& [new_id, n] : new_profiles) {
            const double score =
                0.4 * dice(o.name, n.name) + 0.3 * dice(o.levels, n.levels) + 0.3 * dice(o.text, n.text);
            const auto percent = static_cast<int>(std::lround(score * 100));
            if (percent >= kMinRenameSimilarity) {
                candidates.push_back({old_id, new_id, percent});
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const DetectedRename& a, const DetectedRename& b) { return a.similarity > b.similarity; });
    std::vector<DetectedRename> chosen;
    std::set<std::string> used_old;
    std::set<std::string> used_new;
    for (const auto& c : candidates) {
        if (!used_old.contains(c.old_id) && !used_new.contains(c.new_id)) {
            used_old.insert(c.old_id);
            used_new.insert(c.new_id);
            chosen.push_back(c);
        }
    }
    return chosen;
}

Renames renames_known_to(const Framework& before, const Framework& after) {
    Renames renames;
    for (const auto& rename : after.renamed_skills()) {
        if (before.find_skill(rename.old_id) != nullptr && after.find_skill(rename.new_id) != nullptr &&
            after.find_skill(rename.old_id) == nullptr) {
            renames.skills[rename.old_id] = rename.new_id;
        }
    }
    return renames;
}

FrameworkChanges compare_frameworks(const Framework& before, const Framework& after, const Renames& given,
                                    const std::vector<DetectedRename>& detected) {
    FrameworkChanges changes;
    Renames renames = given;
    std::map<std::string, int> similarity;  // old id -> percent, for detected renames
    for (const auto& d : detected) {
        if (renames.skills.emplace(d.old_id, d.new_id).second) {
            similarity[d.old_id] = d.similarity;
        }
    }
    std::set<std::string> matched_after;
    for (const RoleLevel* old_level : before.all_levels()) {
        const RoleLevel* new_level = after.find_level(renamed(renames.levels, old_level->id));
        if (new_level == nullptr) {
            changes.levels_removed.emplace_back(*old_level);
            continue;
        }
        matched_after.insert(new_level->id);
        LevelChanges level(*old_level, *new_level);
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
            if (const auto found = similarity.find(r.skill_id); change.renamed && found != similarity.end()) {
                change.detected = found->second;
            }
            if (other != nullptr) {
                change.new_skill_id = new_id;
                seen.insert(new_id);
                change.text_changed = before.requirement_text(r) != after.requirement_text(*other);
            }
            const Skill* skill = other != nullptr ? after.find_skill(new_id) : before.find_skill(r.skill_id);
            change.name = skill != nullptr ? skill->name : r.skill_id;
            change.change = classify(change.before, change.after);
            const bool stated_changed = other != nullptr && r.level.has_value() != other->level.has_value();
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
            changes.levels_added.emplace_back(*new_level);
        }
    }
    std::set<std::string> renamed_to;
    for (const auto& [from, to] : renames.skills) {
        renamed_to.insert(to);
    }
    for (const auto& skill : before.skills()) {
        if (after.find_skill(renamed(renames.skills, skill.id)) == nullptr) {
            changes.skills_removed.emplace_back(skill);
        }
    }
    for (const auto& skill : after.skills()) {
        if (before.find_skill(skill.id) == nullptr && !renamed_to.contains(skill.id)) {
            changes.skills_added.emplace_back(skill);
        }
    }
    return changes;
}

}  // namespace ddat
