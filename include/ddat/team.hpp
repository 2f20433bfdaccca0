// A team's self-assessments against their target levels: each person's gaps, and per skill how
// many people fall short. Read-only: nothing of the assessments is written anywhere.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/gap.hpp"
#include "ddat/model.hpp"
#include "ddat/self_assessment.hpp"

namespace ddat {

// One person of the team and their gap against their target.
struct TeamMember {
    std::string file;
    std::string name;  // the name in the assessment, else the file name without its extension
    GapReport gap;     // gap.target is the person's target
};

// One skill some target of the team requires, and how the people it is required of hold it.
struct TeamSkill {
    const Skill* skill = nullptr;
    int required = 0;  // people whose target requires it
    int met = 0;       // of whom met or exceeded it
    int below = 0;     // held it below the required level
    int missing = 0;   // did not hold it at all
};

// The whole team.
struct TeamReport {
    std::vector<TeamMember> people;  // in file order
    // Every skill any person's target requires, in the framework's catalogue order.
    std::vector<TeamSkill> skills;
    // One problem per assessment left out, in file order: it could not be read (the first
    // problem, with its place), or it names no target and no --target was given.
    std::vector<Diagnostic> skipped;
    // Everything to tell the user, in file order: the warnings of the assessments that were read
    // (an unknown skill, say) and the problems of those left out.
    std::vector<Diagnostic> warnings;
    std::size_t files = 0;           // assessments found
    std::size_t unreadable = 0;      // of which could not be read
    std::size_t without_target = 0;  // of which were read but had no target
    double readiness = 0;            // the mean of the people's readiness; 0 for nobody

    // For each skill of the catalogue, by its index there, its row of `skills`, or -1 when no
    // target of the team requires it.
    std::vector<int> skill_rows;

    // The row of `skills` for a skill of the framework, or -1 when no target requires it.
    [[nodiscard]] int row_of(const Framework& framework, const Skill& skill) const;
};

// The self-assessment files that paths name: a file as given; for a folder, every *.yaml and
// *.yml file in it (any letter case; not hidden files, not in sub-folders), in name order. A path that does not exist,
// or a folder with no such file, adds a problem.
std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

// Reads every assessment (the framework is the one already loaded: it is not read again) and
// compares each person with `target` when given, else with the target their assessment names.
// Assessments that cannot be read, or name no target, are reported in `skipped` and left out.
// Throws NotFoundError when `target` names no role level.
TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target);

// Reads one self-assessment for analyse_team, adding its warnings; throws InputError when the
// file cannot be used. Called from several threads at once.
using AssessmentReader = std::function<SelfAssessment(const std::string& file, const Framework& framework,
                                                      std::vector<Diagnostic>& warnings)>;

// analyse_team with the assessments read by `read`. The files are read on several threads; an
// exception other than InputError from any of them is thrown here, once every thread has ended.
TeamReport analyse_team(const Framework& framework, const std::vector<std::string>& files, std::string_view target,
                        const AssessmentReader& read);

}  // namespace ddat
