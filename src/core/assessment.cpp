#include "ddat/assessment.hpp"

#include <algorithm>
#include <cstdlib>

#include "ddat/text.hpp"

namespace ddat {

std::string_view to_string(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::not_assessed: return "not-assessed";
        case CriterionStatus::not_met: return "not-met";
        case CriterionStatus::partly: return "partly";
        case CriterionStatus::met: return "met";
    }
    return "not-assessed";
}

std::string_view to_string(Rating rating) { return rating == Rating::self ? "self" : "agreed"; }

SkillLevel rated_level(const AssessedSkill& skill, Rating rating) {
    return rating == Rating::agreed && skill.agreed ? *skill.agreed : skill.level;
}

bool worth_discussing(const AssessedSkill& skill) {
    return skill.agreed && std::abs(to_number(*skill.agreed) - to_number(skill.level)) >= 2;
}

const AssessedSkill* SelfAssessment::find_skill(std::string_view skill_id) const {
    const auto found =
        std::find_if(skills.begin(), skills.end(), [&](const AssessedSkill& s) { return s.skill_id == skill_id; });
    return found == skills.end() ? nullptr : &*found;
}

const AssessedCriterion* SelfAssessment::find_criterion(std::string_view criterion_id) const {
    const auto found = std::find_if(criteria.begin(), criteria.end(),
                                    [&](const AssessedCriterion& c) { return c.criterion_id == criterion_id; });
    return found == criteria.end() ? nullptr : &*found;
}

std::optional<CriterionStatus> parse_criterion_status(std::string_view text) {
    const std::string word = to_lower(trim(text));
    if (word == "met" || word == "yes" || word == "y" || word == "true") {
        return CriterionStatus::met;
    }
    if (word == "partly" || word == "partially" || word == "p") {
        return CriterionStatus::partly;
    }
    if (word == "not-met" || word == "not met" || word == "no" || word == "n" || word == "false") {
        return CriterionStatus::not_met;
    }
    return std::nullopt;
}

}  // namespace ddat
