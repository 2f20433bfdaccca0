// Turning the framework's official CSV download into a framework: the "Download framework
// content" page offers role content (one row per role level and skill) and skill descriptions.
#pragma once

#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// The column names of the two CSV files, in their published order.
extern const std::vector<std::string> kRoleContentColumns;
extern const std::vector<std::string> kSkillDescriptionColumns;

// The seniority order of one role's levels, junior first, as an order file gives it: role and
// levels by name or id, where the order comes from, and where each was written.
struct OrderOverride {
    std::string role;
    std::vector<std::string> levels;
    std::string source;                           // the page the order was read from, or why none was found
    std::string note;                             // what differs between that page and the download, if anything
    SourceLocation location;                      // of the role
    std::vector<SourceLocation> level_locations;  // of each level, where known
};

// One correction to the publisher's text, as a corrections file states it: every `phrase` in a
// cell of the download becomes `replacement`, and the files must hold exactly the expected
// number of phrases, so that a download in which the publisher fixed the text is noticed.
struct CorrectionRule {
    std::string phrase;
    std::string replacement;
    std::string reason;
    int expected_in_role_content = 0;
    int expected_in_skill_descriptions = 0;
    SourceLocation location;
};

// What the import is told beyond the two files.
struct ImportOptions {
    std::string published;  // the date of the download, YYYY-MM-DD, if known
    std::string version;
    // Seniority orders that override the derived ones, read by load_order_overrides(). A role
    // or level that the CSV does not have is an error.
    std::vector<OrderOverride> order_overrides;
    // Corrections to apply to the cells of both files, read by load_corrections(). A phrase found
    // a number of times other than expected is an error.
    std::vector<CorrectionRule> corrections;
};

// Something the import fixed, dropped or decided, with where in the input it was.
struct ImportNote {
    SourceLocation location;
    std::string kind;  // "duplicate row", "repeated skill", "trimmed", "missing text", ...
    std::string message;
};

// The chosen order of one role's levels, junior first, and whether an override set it.
struct LevelOrder {
    std::string role;
    std::vector<std::string> levels;
    bool overridden = false;
    std::string source;  // the override's source, if any
};

// A correction as applied: its rule and how many phrases it replaced in each file.
struct AppliedCorrection {
    CorrectionRule rule;
    int in_role_content = 0;
    int in_skill_descriptions = 0;
};

// What the import did: counts of each kind of fix, every case, and the level orders it chose.
struct ImportReport {
    int role_rows = 0;
    int skill_rows = 0;
    int duplicate_rows = 0;    // exact duplicate rows removed
    int repeated_skills = 0;   // a skill listed again within one level with other content: first kept
    int trimmed_cells = 0;     // names with white space around them
    int missing_texts = 0;     // "MISSING" cells, whose text the skill descriptions file gives
    int whole_roles = 0;       // roles published without levels ("NOT IN USE")
    int undefined_levels = 0;  // skill level descriptions that are empty or "not defined"
    std::vector<ImportNote> notes;
    std::vector<LevelOrder> orders;
    std::vector<AppliedCorrection> corrections;
};

// A framework made from the two CSV files, and the report of what was done to make it.
struct ImportResult {
    Framework framework;
    ImportReport report;
};

// Builds a framework from the texts of the role content and skill descriptions CSV files
// (`role_file` and `skill_file` name them in messages). Throws InputError for a file that is
// not the expected CSV: missing columns, a row with the wrong number of cells, an unknown skill
// level, a skill no description exists for; for an order override naming a role or level the
// CSV does not have; and for a correction whose phrase is found other than the expected number of
// times. A skill whose name a correction changed keeps its uncorrected id as an alias, and a
// level named "... - management" is put on the management track.
ImportResult import_framework_csv(const std::string& role_csv, const std::string& role_file,
                                  const std::string& skill_csv, const std::string& skill_file,
                                  const ImportOptions& options);

// Reads a level order file: a YAML mapping of role (name or id) to its levels from junior to
// senior, either as a list or as a mapping with `levels`, `source` and `note`. Throws InputError
// with the place of any problem.
std::vector<OrderOverride> load_order_overrides(const std::string& text, const std::string& file);

// Reads a corrections file: a YAML mapping with `corrections:`, a list of `phrase`,
// `replacement`, `reason` and `expected: {role_content: N, skill_descriptions: N}`. Throws
// InputError with the place of any problem.
std::vector<CorrectionRule> load_corrections(const std::string& text, const std::string& file);

// The seniority rank the importer derives from a level's title, within a role of this name:
// apprentice, trainee, junior, associate, (plain), senior, lead, principal, head of, chief.
double title_rank(const std::string& level_name, const std::string& role_name);

// A short alias for a level: the role's initials in place of its name ("Senior business
// relationship manager" -> "senior-brm"); empty when the level's name does not contain the role's.
std::string derive_alias(const std::string& level_name, const std::string& role_name);

}  // namespace ddat
