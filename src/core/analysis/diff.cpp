#include "ddat/analysis/diff.hpp"

#include <algorithm>

namespace ddat {

std::string_view to_string(LevelChange change) {
    switch (change) {
        case LevelChange::raised: return "raised";
        case LevelChange::lowered: return "lowered";
        case LevelChange::added: return "added";
        case LevelChange::removed: return "removed";
        case LevelChange::same: return "same";
    }
    return "same";
}

bool SkillChange::text_changed() const {
    return from_requirement != nullptr && to_requirement != nullptr &&
           from_requirement->description != to_requirement->description;
}

int LevelDiff::count(LevelChange change) const {
    return static_cast<int>(
        std::count_if(skills.begin(), skills.end(), [&](const SkillChange& s) { return s.change == change; }));
}

bool LevelDiff::has_differences() const {
    const auto differs = [](const auto& item) { return item.change != LevelChange::same; };
    return std::any_of(skills.begin(), skills.end(), differs) || std::any_of(criteria.begin(), criteria.end(), differs);
}

namespace {

const Requirement* find_requirement(const RoleLevel& level, std::string_view skill_id) {
    const auto found = std::find_if(level.requirements.begin(), level.requirements.end(),
                                    [&](const Requirement& r) { return r.skill_id == skill_id; });
    return found == level.requirements.end() ? nullptr : &*found;
}

const Criterion* find_criterion(const RoleLevel& level, std::string_view id) {
    const auto found =
        std::find_if(level.criteria.begin(), level.criteria.end(), [&](const Criterion& c) { return c.id == id; });
    return found == level.criteria.end() ? nullptr : &*found;
}

LevelChange classify(SkillLevel from, SkillLevel to) {
    if (from == SkillLevel::none) {
        return LevelChange::added;
    }
    if (to == SkillLevel::none) {
        return LevelChange::removed;
    }
    if (to > from) {
        return LevelChange::raised;
    }
    return to < from ? LevelChange::lowered : LevelChange::same;
}

}  // namespace

LevelDiff diff_levels(const Framework& framework, const RoleLevel& from, const RoleLevel& to) {
    LevelDiff diff(from, to);
    const auto add = [&](const Requirement& requirement) {
        const std::string& skill_id = requirement.skill_id;
        SkillChange change{.skill = framework.skill_of(requirement)};
        change.from_requirement = find_requirement(from, skill_id);
        change.to_requirement = find_requirement(to, skill_id);
        // A level not stated compares as awareness: any level meets either.
        change.from = change.from_requirement != nullptr ? level_to_meet(*change.from_requirement) : SkillLevel::none;
        change.to = change.to_requirement != nullptr ? level_to_meet(*change.to_requirement) : SkillLevel::none;
        change.change = classify(change.from, change.to);
        diff.skills.push_back(change);
    };
    for (const auto& requirement : from.requirements) {
        add(requirement);
    }
    for (const auto& requirement : to.requirements) {
        if (find_requirement(from, requirement.skill_id) == nullptr) {
            add(requirement);
        }
    }
    for (const auto& criterion : from.criteria) {
        const Criterion* other = find_criterion(to, criterion.id);
        diff.criteria.push_back(
            {other != nullptr ? *other : criterion, other != nullptr ? LevelChange::same : LevelChange::removed});
    }
    for (const auto& criterion : to.criteria) {
        if (find_criterion(from, criterion.id) == nullptr) {
            diff.criteria.push_back({criterion, LevelChange::added});
        }
    }
    return diff;
}

}  // namespace ddat
