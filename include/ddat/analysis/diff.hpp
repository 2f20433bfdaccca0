// What changes from one role level to another.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "ddat/model.hpp"

namespace ddat {

// How one skill's requirement changes between two role levels.
enum class LevelChange : std::uint8_t { raised, lowered, added, removed, same };

// Every change, in the order reports count them.
inline constexpr std::array<LevelChange, 5> kLevelChanges = {
    LevelChange::raised, LevelChange::lowered, LevelChange::added, LevelChange::removed, LevelChange::same};

// "raised", "lowered", "added", "removed" or "same".
std::string_view to_string(LevelChange change);

// One skill in a comparison: its level (none when not required) and text at each side.
struct SkillChange {  // NOLINT(cppcoreguidelines-pro-type-member-init): a Ref is always set
    Ref<const Skill> skill;
    SkillLevel from = SkillLevel::none;
    SkillLevel to = SkillLevel::none;
    LevelChange change = LevelChange::same;
    const Requirement* from_requirement = nullptr;  // nullptr when added
    const Requirement* to_requirement = nullptr;    // nullptr when removed

    // True when both levels require the skill and describe it differently.
    [[nodiscard]] bool text_changed() const;
};

// One criterion (a competence, say) in a comparison.
struct CriterionChange {                     // NOLINT(cppcoreguidelines-pro-type-member-init): a Ref is always set
    Ref<const Criterion> criterion;          // the newer side's where both have it
    LevelChange change = LevelChange::same;  // added, removed or same
};

// Two role levels compared skill by skill: the skills of `from` in its order, then those only
// `to` requires, in its order.
struct LevelDiff {
    // A comparison of the two levels with nothing compared yet.
    LevelDiff(const RoleLevel& from_level, const RoleLevel& to_level) : from(from_level), to(to_level) {}

    Ref<const RoleLevel> from;
    Ref<const RoleLevel> to;
    std::vector<SkillChange> skills;
    std::vector<CriterionChange> criteria;

    // How many skills have this change.
    [[nodiscard]] int count(LevelChange change) const;
    // True when any skill or criterion differs (a level or a presence; not texts alone).
    [[nodiscard]] bool has_differences() const;
};

// Compares two role levels, of the same role or of different roles.
LevelDiff diff_levels(const Framework& framework, const RoleLevel& from, const RoleLevel& to);
// Deleted for a temporary framework: the result would point into it after it is gone.
LevelDiff diff_levels(const Framework&& framework, const RoleLevel& from, const RoleLevel& to) = delete;

}  // namespace ddat
