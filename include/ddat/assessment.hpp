// A person's self-assessment as typed data: the level they hold each skill at, with optional
// evidence and the level their line manager agreed. It is personal data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// How far a person meets a criterion such as a competence.
enum class CriterionStatus : std::uint8_t { not_assessed, not_met, partly, met };

// "not-assessed", "not-met", "partly" or "met".
std::string_view to_string(CriterionStatus status);

// A status as a person writes it, in a file or in 'ddat assess', in any letter case: met (yes,
// y, true), partly (partially, p) or not-met (not met, no, n, false).
std::optional<CriterionStatus> parse_criterion_status(std::string_view text);

// One skill as the person holds it.
struct AssessedSkill {
    std::string skill_id;
    SkillLevel level = SkillLevel::none;  // the person's own rating
    std::string evidence;
    SourceLocation location;
    // The level the person's line manager agreed ('agreed:'), when the file gives one.
    std::optional<SkillLevel> agreed;
    SourceLocation agreed_location;
};

// Whose rating of a skill a command uses: the agreed level where the file gives one (else the
// person's own), or always the person's own.
enum class Rating : std::uint8_t { agreed, self };

// "agreed" or "self".
std::string_view to_string(Rating rating);

// The level a command uses for a skill under this rating.
SkillLevel rated_level(const AssessedSkill& skill, Rating rating);

// True when the person's own level and the agreed level are 2 or more levels apart: a
// disagreement worth discussing.
bool worth_discussing(const AssessedSkill& skill);

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
    std::string date;              // 'date:' as YYYY-MM-DD; empty when not given
    std::vector<AssessedSkill> skills;
    std::vector<AssessedCriterion> criteria;
    // What reading it noticed without leaving anything out, such as a skill written with the
    // name an earlier release gave it, each at its place.
    std::vector<Diagnostic> notes;

    // The level the person gave for a skill, or none.
    [[nodiscard]] const AssessedSkill* find_skill(std::string_view skill_id) const;
    [[nodiscard]] const AssessedCriterion* find_criterion(std::string_view criterion_id) const;
};

}  // namespace ddat
