#include "ddat/resolve.hpp"

#include "ddat/errors.hpp"
#include "ddat/text.hpp"

namespace ddat {

namespace {

const RoleLevel* find_level_by_name(const Framework& framework, std::string_view name) {
    if (const RoleLevel* level = framework.find_level(name)) {
        return level;
    }
    for (const RoleLevel* level : framework.all_levels()) {
        for (const auto& alias : level->aliases) {
            if (alias == name) {
                return level;
            }
        }
    }
    const std::string lower = to_lower(trim(name));
    for (const RoleLevel* level : framework.all_levels()) {
        if (to_lower(level->name) == lower || to_lower(level->id) == lower) {
            return level;
        }
        for (const auto& alias : level->aliases) {
            if (alias == lower) {
                return level;
            }
        }
    }
    return nullptr;
}

}  // namespace

const RoleLevel& resolve_level(const Framework& framework, std::string_view name) {
    if (const RoleLevel* level = find_level_by_name(framework, name)) {
        return *level;
    }
    std::vector<std::string> candidates;
    for (const RoleLevel* level : framework.all_levels()) {
        candidates.push_back(level->id);
        candidates.insert(candidates.end(), level->aliases.begin(), level->aliases.end());
    }
    throw NotFoundError("role level", std::string(name), nearest(slugify(name), candidates));
}

const Role& resolve_role(const Framework& framework, std::string_view name) {
    if (const Role* role = framework.find_role(name)) {
        return *role;
    }
    const std::string lower = to_lower(trim(name));
    for (const auto& role : framework.roles) {
        if (to_lower(role.name) == lower || role.id == lower) {
            return role;
        }
    }
    if (const RoleLevel* level = find_level_by_name(framework, name)) {
        return framework.role_of(*level);
    }
    std::vector<std::string> candidates;
    for (const auto& role : framework.roles) {
        candidates.push_back(role.id);
    }
    throw NotFoundError("role", std::string(name), nearest(slugify(name), candidates));
}

const Skill* find_skill_by_name(const Framework& framework, std::string_view name) {
    if (const Skill* skill = framework.find_skill(name)) {
        return skill;
    }
    const std::string lower = to_lower(trim(name));
    for (const auto& skill : framework.skills) {
        if (to_lower(skill.name) == lower || skill.id == lower) {
            return &skill;
        }
    }
    return nullptr;
}

const Skill& resolve_skill(const Framework& framework, std::string_view name) {
    if (const Skill* skill = find_skill_by_name(framework, name)) {
        return *skill;
    }
    std::vector<std::string> candidates;
    for (const auto& skill : framework.skills) {
        candidates.push_back(skill.id);
    }
    throw NotFoundError("skill", std::string(name), nearest(slugify(name), candidates));
}

const Family& resolve_family(const Framework& framework, std::string_view name) {
    if (const Family* family = framework.find_family(name)) {
        return *family;
    }
    const std::string lower = to_lower(trim(name));
    std::vector<std::string> candidates;
    for (const auto& family : framework.families) {
        if (to_lower(family.name) == lower || family.id == lower) {
            return family;
        }
        candidates.push_back(family.id);
    }
    throw NotFoundError("family", std::string(name), nearest(slugify(name), candidates));
}

}  // namespace ddat
