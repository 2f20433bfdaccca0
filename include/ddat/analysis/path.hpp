// The route from one role level to another: the steps within a role, or what to build to move
// across to another role.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ddat/analysis/diff.hpp"
#include "ddat/model.hpp"

namespace ddat {

// Which way a path goes: to the same level, up or down within one role, or across to another.
enum class PathDirection : std::uint8_t { same, up, down, across };

// "same", "up", "down" or "across".
std::string_view to_string(PathDirection direction);

// A route between two role levels.
struct LevelPath {
    // A path between the two levels, whose comparison is `direct`, with no steps yet.
    LevelPath(const RoleLevel& from_level, const RoleLevel& to_level, LevelDiff direct)
        : from(from_level), to(to_level), overall(std::move(direct)) {}

    Ref<const RoleLevel> from;
    Ref<const RoleLevel> to;
    const Role* role = nullptr;  // the role both levels belong to; nullptr when they are of two roles
    PathDirection direction = PathDirection::same;
    // Within a role, one comparison per step between consecutive levels, in the order walked
    // (down: senior to junior); across roles, one comparison of the two levels; none when same.
    std::vector<LevelDiff> steps;
    // The two ends compared directly.
    LevelDiff overall;

    // What to build: the skills `to` requires that `from` lacks or requires lower (added or
    // raised), in `overall`'s order.
    [[nodiscard]] std::vector<SkillChange> to_build() const;
    // What is no longer required: skills `from` requires that `to` does not, or requires lower.
    [[nodiscard]] std::vector<SkillChange> no_longer_required() const;
    // Skills both require, `to` at the same level as `from` or lower (what carries over).
    [[nodiscard]] std::vector<SkillChange> carried_over() const;
};

// The number of skill levels a change adds: to minus from (none counts 0), negative when lowered
// or removed.
int levels_changed(const SkillChange& change);

// The route from one level to another, of the same role or another.
LevelPath find_path(const Framework& framework, const RoleLevel& from, const RoleLevel& to);
// Deleted for a temporary framework: the result would point into it after it is gone.
LevelPath find_path(const Framework&& framework, const RoleLevel& from, const RoleLevel& to) = delete;

}  // namespace ddat
