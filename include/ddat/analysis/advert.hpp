// A job advert skeleton for a role level, in the shape of the GOV.UK service manager job
// description: what the framework says about the level, and placeholders for the practical parts.
#pragma once

#include <string>
#include <vector>

#include "ddat/model.hpp"

namespace ddat {

// One essential skill: the level required and what it means for this role level.
struct AdvertSkill {
    Ref<const Skill> skill;
    Ref<const Requirement> requirement;
    std::string text;  // the requirement's text, else the skill's description of the level
};

// A practical part of the advert the framework cannot know, such as the salary: a key for
// programs, a label for people, and the placeholder to replace, in [brackets].
struct AdvertPlaceholder {
    std::string key;
    std::string label;
    std::string placeholder;
};

// Everything an advert for one role level says.
struct Advert {
    // An advert for the level, of its role and family, with nothing written yet.
    Advert(const RoleLevel& of, const Role& its_role, const Family& its_family)
        : level(of), role(its_role), family(its_family) {}

    Ref<const RoleLevel> level;
    Ref<const Role> role;
    Ref<const Family> family;
    std::string title;    // the level's name
    std::string summary;  // the level's description, else the role's
    std::vector<ResponsibilitySection> responsibilities;
    std::vector<AdvertSkill> skills;
    std::vector<Ref<const Criterion>> competences;        // kind "competence"
    std::vector<Ref<const Criterion>> specialist_skills;  // every other kind
    std::vector<SkillLevel> levels_used;                  // the skill levels the skills ask, ascending
    // The practical parts: before the description (pay band, location, ...) and how to apply.
    std::vector<AdvertPlaceholder> details;
    std::vector<AdvertPlaceholder> application;
};

// The advert for a role level.
Advert make_advert(const Framework& framework, const RoleLevel& level);
// Deleted for a temporary framework: the result would point into it after it is gone.
Advert make_advert(const Framework&& framework, const RoleLevel& level) = delete;

}  // namespace ddat
