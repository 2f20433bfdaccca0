// What changed between two copies of the framework, such as two releases.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ddat/analysis/diff.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"
#include "ddat/renames.hpp"

namespace ddat {

// One skill of a role level in both copies, where anything about it changed.
struct RequirementChange {
    std::string old_skill_id;                // empty when added
    std::string new_skill_id;                // empty when removed
    std::string name;                        // the skill's name in the newer copy where it has one
    const Requirement* before = nullptr;     // nullptr when added
    const Requirement* after = nullptr;      // nullptr when removed
    LevelChange change = LevelChange::same;  // same: only the text, the name, or whether the level is stated
    bool text_changed = false;
    bool renamed = false;  // matched through the rename file or a detected rename
    int detected = 0;      // for a detected rename: how alike the two skills are, in percent
};

// A role level present in both copies, and what changed in it.
struct LevelChanges {
    // The level as in each copy, with no change found yet.
    LevelChanges(const RoleLevel& older, const RoleLevel& newer) : before(older), after(newer) {}

    Ref<const RoleLevel> before;
    Ref<const RoleLevel> after;
    std::vector<RequirementChange> skills;
    bool description_changed = false;
};

// Everything that changed, by role level; levels matched by id (or the rename file).
struct FrameworkChanges {
    std::vector<Ref<const RoleLevel>> levels_added;    // in the newer copy only
    std::vector<Ref<const RoleLevel>> levels_removed;  // in the older copy only
    std::vector<LevelChanges> levels_changed;          // in both, with at least one change
    int levels_unchanged = 0;
    std::vector<Ref<const Skill>> skills_added;    // catalogue skills only the newer copy has
    std::vector<Ref<const Skill>> skills_removed;  // catalogue skills only the older copy has
};

// A skill of the older copy that the newer copy seems to have under another id, and how alike
// the two are in percent (names, the role levels that require them, and their texts).
struct DetectedRename {
    std::string old_id;
    std::string new_id;
    int similarity = 0;
};

// The least similarity, in percent, at which detect_skill_renames pairs two skills.
inline constexpr int kMinRenameSimilarity = 50;

// Pairs the skills only the older copy has (after `renames`) with those only the newer copy has,
// as git pairs renamed files: the most alike pair first, each skill in one pair at most, and only
// pairs at least kMinRenameSimilarity% alike. Detection is skipped when both sides have so many
// unpaired skills that comparing every pair would be slow (hundreds of thousands of pairs).
std::vector<DetectedRename> detect_skill_renames(const Framework& before, const Framework& after,
                                                 const Renames& renames);

// The renames the newer copy knows itself (a built-in release's renamed skills) whose old id is a
// skill of the older copy and whose new id a skill of the newer one.
Renames renames_known_to(const Framework& before, const Framework& after);

// The entries of a rename file that name an id the copies do not have: an old id the older copy
// lacks, or a new id the newer copy lacks, each at its place, with the nearest id there is.
std::vector<Diagnostic> check_renames(const Renames& renames, const Framework& before, const Framework& after);

// Compares an older and a newer copy, matching skills through `given` renames and then through the
// detected renames, which are marked with their similarity.
FrameworkChanges compare_frameworks(const Framework& before, const Framework& after, const Renames& given,
                                    const std::vector<DetectedRename>& detected = {});
// Deleted for a temporary framework: the result would point into it after it is gone.
FrameworkChanges compare_frameworks(const Framework&& before, const Framework& after, const Renames& renames,
                                    const std::vector<DetectedRename>& detected = {}) = delete;
FrameworkChanges compare_frameworks(const Framework& before, const Framework&& after, const Renames& renames,
                                    const std::vector<DetectedRename>& detected = {}) = delete;
FrameworkChanges compare_frameworks(const Framework&& before, const Framework&& after, const Renames& renames,
                                    const std::vector<DetectedRename>& detected = {}) = delete;

}  // namespace ddat
