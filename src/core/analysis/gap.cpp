#include "ddat/analysis/gap.hpp"

#include <algorithm>

namespace ddat {

std::string_view to_string(GapStatus status) {
    switch (status) {
        case GapStatus::met: return "met";
        case GapStatus::exceeds: return "exceeds";
        case GapStatus::below: return "below";
        case GapStatus::missing: return "missing";
    }
    return "met";
}

bool GapReport::has_gaps() const {
    return summary.below > 0 || summary.missing > 0 || summary.criteria_met < summary.criteria;
}

GapReport analyse_gap(const Framework& framework, const SelfAssessment& person, const RoleLevel& target,
                      Rating rating) {
    GapReport report(target);
    report.rating = rating;
    report.person = person.name;
    report.current = person.current_level_id.empty() ? nullptr : framework.find_level(person.current_level_id);
    double held = 0;
    double wanted = 0;
    for (const auto& requirement : target.requirements) {
        SkillGap gap(framework.skill_of(requirement), requirement);
        if (const AssessedSkill* assessed = person.find_skill(requirement.skill_id)) {
            gap.actual = rated_level(*assessed, rating);
            gap.evidence = assessed->evidence;
            gap.self = assessed->level;
            gap.agreed = assessed->agreed;
            gap.uses_agreed = rating == Rating::agreed && assessed->agreed.has_value();
            gap.discuss = worth_discussing(*assessed);
            report.discuss += gap.discuss ? 1 : 0;
        }
        const int required = to_number(level_to_meet(requirement));
        const int actual = to_number(gap.actual);
        gap.shortfall = std::max(0, required - actual);
        if (actual == 0) {
            gap.status = GapStatus::missing;
        } else if (actual < required) {
            gap.status = GapStatus::below;
        } else {
            gap.status = actual > required ? GapStatus::exceeds : GapStatus::met;
        }
        GapSummary& s = report.summary;
        ++s.required;
        s.met += (gap.status == GapStatus::met || gap.status == GapStatus::exceeds) ? 1 : 0;
        s.exceeds += gap.status == GapStatus::exceeds ? 1 : 0;
        s.below += gap.status == GapStatus::below ? 1 : 0;
        s.missing += gap.status == GapStatus::missing ? 1 : 0;
        s.shortfall += gap.shortfall;
        held += std::min(actual, required);
        wanted += required;
        report.skills.push_back(std::move(gap));
    }
    for (const auto& criterion : target.criteria) {
        CriterionGap gap(criterion);
        if (const AssessedCriterion* assessed = person.find_criterion(criterion.id)) {
            gap.status = assessed->status;
            gap.evidence = assessed->evidence;
        }
        ++report.summary.criteria;
        report.summary.criteria_met += gap.status == CriterionStatus::met ? 1 : 0;
        held += gap.status == CriterionStatus::met ? 1.0 : gap.status == CriterionStatus::partly ? 0.5 : 0.0;
        wanted += 1.0;
        report.criteria.push_back(std::move(gap));
    }
    report.summary.held = held;
    report.summary.wanted = wanted;
    report.summary.readiness = wanted > 0 ? held / wanted : 1.0;
    return report;
}

std::vector<const AssessedSkill*> skills_no_longer_required(const SelfAssessment& person, const RoleLevel& target,
                                                            const Framework& current, const Framework& earlier) {
    std::vector<const AssessedSkill*> result;
    const RoleLevel* before = earlier.find_level(target.id);
    if (before == nullptr) {
        return result;
    }
    const auto required = [](const RoleLevel& level, std::string_view skill_id) {
        return std::any_of(level.requirements.begin(), level.requirements.end(),
                           [&](const Requirement& r) { return r.skill_id == skill_id; });
    };
    for (const auto& assessed : person.skills) {
        if (required(target, assessed.skill_id)) {
            continue;
        }
        bool required_before = required(*before, assessed.skill_id);
        for (const auto& rename : current.renamed_skills()) {
            required_before =
                required_before || (rename.new_id == assessed.skill_id && required(*before, rename.old_id));
        }
        if (required_before) {
            result.push_back(&assessed);
        }
    }
    return result;
}

}  // namespace ddat
