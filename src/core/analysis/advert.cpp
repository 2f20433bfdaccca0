#include "ddat/analysis/advert.hpp"

#include <algorithm>

namespace ddat {

Advert make_advert(const Framework& framework, const RoleLevel& level) {
    const Role& role = framework.role_of(level);
    Advert advert(level, role, framework.family_of(role));
    advert.title = level.name;
    advert.summary = !level.description.empty() ? level.description : advert.role->description;
    advert.responsibilities = level.responsibilities;
    for (const auto& requirement : level.requirements) {
        advert.skills.push_back(
            {framework.skill_of(requirement), requirement, framework.requirement_text(requirement)});
        if (requirement.level && std::find(advert.levels_used.begin(), advert.levels_used.end(), *requirement.level) ==
                                     advert.levels_used.end()) {
            advert.levels_used.push_back(*requirement.level);
        }
    }
    std::sort(advert.levels_used.begin(), advert.levels_used.end());
    for (const auto& criterion : level.criteria) {
        (criterion.kind == CriterionKind::competence ? advert.competences : advert.specialist_skills)
            .emplace_back(criterion);
    }
    advert.details = {
        {"pay_band", "Pay band", level.pay_band.empty() ? "[pay band]" : level.pay_band},
        {"business_unit", "Unit or division", "[business unit or division]"},
        {"location", "Location", "[location]"},
        {"type_of_posting", "Type of posting", "[permanent, fixed term or loan; full or part time]"},
        {"salary", "Salary", "[salary range]"},
        {"closing_date", "Closing date", "[closing date]"},
        {"sift_date", "Expected sift date", "[week commencing]"},
        {"interview_dates", "Expected interview dates", "[week commencing]"},
    };
    advert.application = {
        {"how_to_apply", "How to apply",
         "Send your CV and a covering letter to [department email address], quoting reference [reference "
         "number], by close of business on [closing date]. Late applications will not be accepted."},
        {"contact", "Contact",
         "For the recruitment process, eligibility, terms and conditions: [name and email address]. For more "
         "about the role: [name and email address]."},
    };
    return advert;
}

}  // namespace ddat
