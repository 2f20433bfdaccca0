#include "ddat/write/exporter.hpp"

#include <algorithm>

#include "ddat/load/importer.hpp"
#include "ddat/parse/csv.hpp"

namespace ddat {

namespace {

std::string capitalised(std::string_view word) {
    std::string text(word);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

}  // namespace

std::string export_role_content_csv(const Framework& framework) {
    std::string csv = csv_line(kRoleContentColumns);
    for (const auto& role : framework.roles()) {
        const Family& family = framework.family_of(role);
        for (const auto& level : role.levels) {
            for (const auto& r : level.requirements) {
                const Skill* skill = framework.find_skill(r.skill_id);
                const bool whole = level.whole_role;
                csv += csv_line({family.name, role.name, role.description, whole ? "NOT IN USE" : level.name,
                                 whole ? "NOT IN USE" : level.description, skill->name,
                                 r.level ? skill->description : framework.requirement_text(r),
                                 r.level ? capitalised(to_string(*r.level)) : "NOT IN USE",
                                 r.level ? framework.requirement_text(r) : "NOT IN USE",
                                 level.senior_civil_service ? "Senior Civil Service" : ""});
            }
        }
    }
    return csv;
}

std::string export_skill_descriptions_csv(const Framework& framework) {
    std::string csv = csv_line(kSkillDescriptionColumns);
    for (const auto& skill : framework.skills()) {
        std::vector<std::string> cells{skill.name, skill.description};
        for (const SkillLevel level : kFrameworkLevels) {
            const auto found = std::find_if(skill.levels.begin(), skill.levels.end(),
                                            [&](const SkillLevelDescription& d) { return d.level == level; });
            cells.push_back(found == skill.levels.end() ? std::string() : found->description);
        }
        std::string roles;
        for (const auto& role : framework.roles()) {
            const bool requires_skill = std::any_of(role.levels.begin(), role.levels.end(), [&](const RoleLevel& l) {
                return std::any_of(l.requirements.begin(), l.requirements.end(),
                                   [&](const Requirement& r) { return r.skill_id == skill.id; });
            });
            if (requires_skill) {
                roles += (roles.empty() ? "" : ", ") + role.name;
            }
        }
        cells.push_back(roles);
        csv += csv_line(cells);
    }
    return csv;
}

std::vector<const RoleLevel*> levels_left_out_of_csv(const Framework& framework) {
    std::vector<const RoleLevel*> left_out;
    for (const RoleLevel* level : framework.all_levels()) {
        if (level->requirements.empty()) {
            left_out.push_back(level);
        }
    }
    return left_out;
}

}  // namespace ddat
