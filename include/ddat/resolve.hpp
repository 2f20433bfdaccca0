// Finding roles, role levels and skills by the names people type.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ddat/model.hpp"

namespace ddat {

// The role level named by `name`: its id, one of its aliases, or its name in any letter case,
// tried in that order. Throws NotFoundError with the nearest ids and aliases.
const RoleLevel& resolve_level(const Framework& framework, std::string_view name);
// Deleted for a temporary framework: the result would point into it after it is gone.
const RoleLevel& resolve_level(const Framework&& framework, std::string_view name) = delete;

// `scope` with the level it names by `role_of_level` (if any) resolved in `framework`, whose
// outline is the same whatever was read of it: that level's role texts instead of the name, or
// nothing for a name no level has (the command reports it).
LoadScope resolve_role_of_level(const Framework& framework, LoadScope scope);

// The role named by `name`: its id, its name in any letter case, or the id, alias or name of
// one of its levels. Throws NotFoundError with the nearest role ids.
const Role& resolve_role(const Framework& framework, std::string_view name);
// Deleted for a temporary framework: the result would point into it after it is gone.
const Role& resolve_role(const Framework&& framework, std::string_view name) = delete;

// The skill named by `name`: its id, its name in any letter case, or one of its aliases. Throws NotFoundError with
// the nearest skill ids.
const Skill& resolve_skill(const Framework& framework, std::string_view name);
// Deleted for a temporary framework: the result would point into it after it is gone.
const Skill& resolve_skill(const Framework&& framework, std::string_view name) = delete;

// The family named by `name`: its id or its name in any letter case. Throws NotFoundError.
const Family& resolve_family(const Framework& framework, std::string_view name);
// Deleted for a temporary framework: the result would point into it after it is gone.
const Family& resolve_family(const Framework&& framework, std::string_view name) = delete;

// Like resolve_skill, but nullptr instead of an exception.
const Skill* find_skill_by_name(const Framework& framework, std::string_view name);
// Deleted for a temporary framework: the result would point into it after it is gone.
const Skill* find_skill_by_name(const Framework&& framework, std::string_view name) = delete;

// find_skill_by_name in constant time, for reading files that name thousands of skills. It
// points into the framework, which must outlive it and not change.
class SkillNameIndex {
public:
    explicit SkillNameIndex(const Framework& framework);
    // Deleted for a temporary framework: the result would point into it after it is gone.
    explicit SkillNameIndex(const Framework&& framework) = delete;

    // The skill that find_skill_by_name(framework, name) finds, or nullptr.
    [[nodiscard]] const Skill* find(std::string_view name) const;

private:
    std::unordered_map<std::string, const Skill*> by_id_;
    std::unordered_map<std::string, const Skill*> by_slug_;  // ids, name slugs and aliases; first wins
};

}  // namespace ddat
