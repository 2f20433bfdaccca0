#include "ddat/resolve.hpp"

#include <algorithm>

#include "ddat/errors.hpp"
#include "ddat/text.hpp"

namespace ddat {

namespace {

const RoleLevel* find_level_by_name(const Framework& framework, std::string_view name) {
    if (const RoleLevel* level = framework.find_level(name)) {
        return level;
    }
    if (const RoleLevel* level = framework.find_level_by_alias(name)) {
        return level;
    }
    // Then the name in any letter case, spacing or punctuation: "senior brm", "Senior_BRM". The
    // first level in framework order whose id, alias or name has this slug: the indexes give the
    // first by id and by alias, and names are compared only on the levels before those.
    const std::string slug = slugify(name);
    const RoleLevel* by_id = framework.find_level(slug);
    const RoleLevel* by_alias = framework.find_level_by_alias(slug);
    for (const RoleLevel* level : framework.all_levels()) {
        if (level == by_id || level == by_alias || slugify(level->name) == slug) {
            return level;
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
    const LevelList levels = framework.all_levels();
    for (const RoleLevel* level : levels) {
        candidates.push_back(level->id);
        candidates.insert(candidates.end(), level->aliases.begin(), level->aliases.end());
    }
    // One suggestion per level: its alias and its id are the same level.
    std::vector<std::string> suggestions;
    std::vector<const RoleLevel*> suggested;
    for (const auto& candidate : nearest(slugify(name), candidates, candidates.size())) {
        const RoleLevel* level = find_level_by_name(framework, candidate);
        if (std::find(suggested.begin(), suggested.end(), level) == suggested.end()) {
            suggested.push_back(level);
            suggestions.push_back(candidate);
        }
        if (suggestions.size() == 3) {
            break;
        }
    }
    throw NotFoundError(NameKind::role_level, std::string(name), suggestions);
}

LoadScope resolve_role_of_level(const Framework& framework, LoadScope scope) {
    if (scope.role_of_level.empty()) {
        return scope;
    }
    try {
        const std::string& role_id = resolve_level(framework, scope.role_of_level).role_id;
        if (!scope.has_role_texts(role_id)) {
            scope.role_texts.push_back(role_id);
        }
    } catch (const NotFoundError&) {
        // nothing more to read for it
    }
    scope.role_of_level.clear();
    return scope;
}

const Role& resolve_role(const Framework& framework, std::string_view name) {
    if (const Role* role = framework.find_role(name)) {
        return *role;
    }
    const std::string slug = slugify(name);
    const Role* by_id = framework.find_role(slug);
    for (const auto& role : framework.roles()) {
        if (&role == by_id || slugify(role.name) == slug) {
            return role;
        }
    }
    if (const RoleLevel* level = find_level_by_name(framework, name)) {
        return framework.role_of(*level);
    }
    std::vector<std::string> candidates;
    for (const auto& role : framework.roles()) {
        candidates.push_back(role.id);
    }
    throw NotFoundError(NameKind::role, std::string(name), nearest(slugify(name), candidates));
}

namespace {

// A name as an id would spell it, with '&' read as "and": "Ownership & initiative" is
// ownership-and-initiative.
std::string name_slug(std::string_view name) {
    std::string spelt;
    for (const char c : name) {
        spelt += c == '&' ? std::string(" and ") : std::string(1, c);
    }
    return slugify(spelt);
}

}  // namespace

const Skill* find_skill_by_name(const Framework& framework, std::string_view name) {
    if (const Skill* skill = framework.find_skill(name)) {
        return skill;
    }
    // The first skill in framework order whose id, name or alias has this slug: the indexes give
    // the first by id and by alias, and names are compared only on the skills before those.
    const std::string slug = name_slug(name);
    const Skill* by_id = framework.find_skill(slug);
    const Skill* by_alias = framework.find_skill_by_alias(slug);
    for (const auto& skill : framework.skills()) {
        if (&skill == by_id || &skill == by_alias || name_slug(skill.name) == slug) {
            return &skill;
        }
    }
    return nullptr;
}

SkillNameIndex::SkillNameIndex(const Framework& framework) {
    for (const auto& skill : framework.skills()) {
        by_id_.emplace(skill.id, &skill);
    }
    for (const auto& skill : framework.skills()) {
        by_slug_.emplace(skill.id, &skill);
        by_slug_.emplace(name_slug(skill.name), &skill);
        for (const auto& alias : skill.aliases) {
            by_slug_.emplace(alias, &skill);
        }
    }
}

const Skill* SkillNameIndex::find(std::string_view name) const {
    if (const auto found = by_id_.find(std::string(name)); found != by_id_.end()) {
        return found->second;
    }
    const auto found = by_slug_.find(name_slug(name));
    return found == by_slug_.end() ? nullptr : found->second;
}

const Skill& resolve_skill(const Framework& framework, std::string_view name) {
    if (const Skill* skill = find_skill_by_name(framework, name)) {
        return *skill;
    }
    std::vector<std::string> candidates;
    for (const auto& skill : framework.skills()) {
        candidates.push_back(skill.id);
    }
    throw NotFoundError(NameKind::skill, std::string(name), nearest(slugify(name), candidates));
}

const Family& resolve_family(const Framework& framework, std::string_view name) {
    if (const Family* family = framework.find_family(name)) {
        return *family;
    }
    const std::string slug = slugify(name);
    const Family* by_id = framework.find_family(slug);
    std::vector<std::string> candidates;
    for (const auto& family : framework.families()) {
        if (&family == by_id || slugify(family.name) == slug) {
            return family;
        }
        candidates.push_back(family.id);
    }
    auto suggestions = nearest(slug, candidates);
    if (suggestions.empty() && candidates.size() <= 10) {
        suggestions = candidates;  // few enough to name them all
    }
    throw NotFoundError(NameKind::family, std::string(name), suggestions);
}

}  // namespace ddat
