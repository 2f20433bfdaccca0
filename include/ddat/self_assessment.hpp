// A person's self-assessment: the level they hold each skill at, with optional evidence.
// It is personal data: the core reads it and never writes it anywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// The largest self-assessment file ddat reads.
inline constexpr std::size_t kMaxAssessmentFileBytes = std::size_t{4} * 1024 * 1024;

// How far a person meets a criterion such as a competence.
enum class CriterionStatus : std::uint8_t { not_assessed, not_met, partly, met };

// "not-assessed", "not-met", "partly" or "met".
std::string_view to_string(CriterionStatus status);

// One skill as the person holds it.
struct AssessedSkill {
    std::string skill_id;
    SkillLevel level = SkillLevel::none;
    std::string evidence;
    SourceLocation location;
};

// One criterion (a competence, say) as the person meets it.
struct AssessedCriterion {
    std::string criterion_id;
    CriterionStatus status = CriterionStatus::not_assessed;
    std::string evidence;
    SourceLocation location;
};

// A whole self-assessment. Skill ids are resolved against the framework it was read with.
struct SelfAssessment {
    std::string file;
    std::string name;
    std::string current_level_id;  // empty when not given
    std::string target_level_id;   // empty when not given
    std::vector<AssessedSkill> skills;
    std::vector<AssessedCriterion> criteria;
    // What reading it noticed without leaving anything out, such as a skill written with the
    // name an earlier release gave it, each at its place.
    std::vector<Diagnostic> notes;

    // The level the person gave for a skill, or none.
    [[nodiscard]] const AssessedSkill* find_skill(std::string_view skill_id) const;
    [[nodiscard]] const AssessedCriterion* find_criterion(std::string_view criterion_id) const;
};

// Reads a self-assessment from YAML text; `file` names it in messages. Skills are matched by id or
// by name in any letter case, or by the id an earlier release gave them (the framework's renamed
// skills), which adds a note; an unknown skill or criterion adds a warning (with the nearest
// known id) and is left out. Throws InputError for anything else that is wrong. Messages name
// the place and the key, never the values the person wrote.
SelfAssessment parse_self_assessment(std::string_view text, const std::string& file, const Framework& framework,
                                     std::vector<Diagnostic>& warnings);

// Reads the self-assessment file at path ("-" is standard input).
SelfAssessment load_self_assessment(const std::string& path, const Framework& framework,
                                    std::vector<Diagnostic>& warnings);

}  // namespace ddat
