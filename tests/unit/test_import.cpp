// Importing the framework's CSV download: each quirk of the published files handled and counted,
// each malformed input reported at its place, the seniority order and aliases derived from the
// titles, and (when the reference CSV files are beside the project) the real download imported,
// written as YAML, read back and exported again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/model.hpp"
#include "ddat/parse/csv.hpp"
#include "ddat/text.hpp"
#include "ddat/write/exporter.hpp"
#include "ddat/write/framework_writer.hpp"
#include "helpers.hpp"

using ddat::ImportOptions;
using ddat::ImportResult;
using ddat::SkillLevel;
using ddat_test::contains;
using ddat_test::read_text;

namespace fs = std::filesystem;

namespace {

using Cells = std::vector<std::string>;

std::string csv(const std::vector<Cells>& rows) {
    std::string text;
    for (const auto& row : rows) {
        text += ddat::csv_line(row);
    }
    return text;
}

// The skill descriptions file of the small tests. "User focus " has white space after its name;
// 7 level descriptions are undefined (one "not defined" text, six empty). (Functions, not
// globals: the column names are globals of the library, initialised in another file.)
const std::string& skill_csv() {
    static const std::string text = csv({
        ddat::kSkillDescriptionColumns,
        {"Relationship management", "Manages relationships.", "RM aware.", "RM working.", "RM practitioner.",
         "RM expert.", "Business relationship manager"},
        {"Strategic thinking", "Thinks ahead.", "ST aware.", "ST working.", "ST practitioner.",
         "This skill level is currently not defined.", "Business relationship manager, Chief data officer"},
        {"User focus ", "Users first.", "UF aware.", "UF working.", "UF practitioner.", "UF expert.",
         "Frontend developer"},
        {"User focus (frontend developer)", "Users first in the frontend.", "UFF aware.", "UFF working.", "", "",
         "Frontend developer"},
        {"Data governance leadership", "Leads data governance.", "", "", "", "", "Chief data officer"},
    });
    return text;
}

// The role content rows of the small tests, one record per line (the header is line 1).
const std::vector<Cells>& role_rows() {
    static const std::vector<Cells> rows = {
        ddat::kRoleContentColumns,
        // 2
        {"IT operations", "Business relationship manager", "Manages the relationship.", "Business relationship manager",
         "The plain level.", "Relationship management", "Manages relationships.", "Practitioner", "RM practitioner.",
         ""},
        // 3: an exact duplicate of line 2
        {"IT operations", "Business relationship manager", "Manages the relationship.", "Business relationship manager",
         "The plain level.", "Relationship management", "Manages relationships.", "Practitioner", "RM practitioner.",
         ""},
        // 4: the skill description reads MISSING
        {"IT operations", "Business relationship manager", "Manages the relationship.", "Business relationship manager",
         "The plain level.", "Strategic thinking", "MISSING", "Working", "ST working.", ""},
        // 5: white space after the level name; a text of its own for the level
        {"IT operations", "Business relationship manager", "Manages the relationship.",
         "Senior business relationship manager ", "The senior level.", "Relationship management",
         "Manages relationships.", "Expert", "Leads relationships at the senior level.", ""},
        // 6: the same skill again within the level, with other content: the first is kept
        {"IT operations", "Business relationship manager", "Manages the relationship.",
         "Senior business relationship manager", "The senior level.", "Relationship management",
         "Manages relationships.", "Working", "RM working.", ""},
        // 7
        {"IT operations", "Business relationship manager", "Manages the relationship.",
         "Senior business relationship manager", "The senior level.", "Strategic thinking", "Thinks ahead.",
         "Practitioner", "ST practitioner.", ""},
        // 8: a role without levels
        {"Data", "Chief data officer", "Leads on data.", "NOT IN USE", "NOT IN USE", "Data governance leadership",
         "Sets how the organisation governs its data.", "NOT IN USE", "NOT IN USE", "Senior Civil Service"},
        // 9: ... whose skill text reads MISSING
        {"Data", "Chief data officer", "Leads on data.", "NOT IN USE", "NOT IN USE", "Strategic thinking", "MISSING",
         "NOT IN USE", "NOT IN USE", "Senior Civil Service"},
        // 10: a role-qualified skill
        {"Software development", "Frontend developer", "Builds frontends.", "Frontend developer", "The plain FE level.",
         "User focus (frontend developer)", "Users first in the frontend.", "Working", "UFF working.", ""},
        // 11: and the plain skill of the same name
        {"Software development", "Frontend developer", "Builds frontends.", "Frontend developer", "The plain FE level.",
         "User focus", "Users first.", "Awareness", "UF aware.", ""},
        // 12
        {"Software development", "Frontend developer", "Builds frontends.", "Junior frontend developer",
         "The junior FE level.", "User focus (frontend developer)", "Users first in the frontend.", "Awareness",
         "UFF aware.", ""},
    };
    return rows;
}

ImportResult import_small(const ImportOptions& options = {}) {
    return ddat::import_framework_csv(csv(role_rows()), "roles.csv", skill_csv(), "skills.csv", options);
}

// The diagnostics of an import that must fail.
std::vector<ddat::Diagnostic> import_problems(const std::string& role_csv, const std::string& skill_csv,
                                              const ImportOptions& options = {}) {
    try {
        (void)ddat::import_framework_csv(role_csv, "roles.csv", skill_csv, "skills.csv", options);
    } catch (const ddat::InputError& error) {
        return error.diagnostics();
    }
    FAIL_CHECK("the import succeeded, but an InputError was expected");
    return {};
}

const ddat::Requirement* find_requirement(const ddat::RoleLevel& level, std::string_view skill_id) {
    for (const auto& r : level.requirements) {
        if (r.skill_id == skill_id) {
            return &r;
        }
    }
    return nullptr;
}

const ddat::RoleLevel& level_of(const ddat::Framework& framework, std::string_view id) {
    const ddat::RoleLevel* level = framework.find_level(id);
    INFO("role level " << id);
    REQUIRE(level != nullptr);
    return *level;
}

std::vector<std::string> level_ids(const ddat::Role& role) {
    std::vector<std::string> ids;
    for (const auto& level : role.levels) {
        ids.push_back(level.id);
    }
    return ids;
}

int count_notes(const ddat::ImportReport& report, std::string_view kind) {
    return static_cast<int>(std::count_if(report.notes.begin(), report.notes.end(),
                                          [&](const ddat::ImportNote& n) { return n.kind == kind; }));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Small CSV files written here

TEST_CASE("import: the small files give the families, roles and levels in first-seen order", "[import]") {
    const ImportResult result = import_small();
    const ddat::Framework& f = result.framework;
    REQUIRE(f.families().size() == 3);
    CHECK(f.families()[0].id == "it-operations");
    CHECK(f.families()[0].name == "IT operations");
    CHECK(f.families()[1].id == "data");
    CHECK(f.families()[2].id == "software-development");
    REQUIRE(f.roles().size() == 3);
    CHECK(f.roles()[0].id == "business-relationship-manager");
    CHECK(f.roles()[0].family_id == "it-operations");
    CHECK(f.roles()[0].description == "Manages the relationship.");
    CHECK(f.roles()[1].id == "chief-data-officer");
    CHECK(f.roles()[2].id == "frontend-developer");
    CHECK(level_ids(f.roles()[0]) ==
          std::vector<std::string>{"business-relationship-manager", "senior-business-relationship-manager"});
    CHECK(level_ids(f.roles()[1]) == std::vector<std::string>{"chief-data-officer"});
    CHECK(level_ids(f.roles()[2]) == std::vector<std::string>{"junior-frontend-developer", "frontend-developer"});
    CHECK(f.skills().size() == 5);
    CHECK(result.report.role_rows == 11);
    CHECK(result.report.skill_rows == 5);
}

TEST_CASE("import: the metadata records the download's date and release", "[import]") {
    ImportOptions options;
    options.published = "2025-10-01";
    options.version = "2025-10";
    const ImportResult result = import_small(options);
    CHECK(result.framework.metadata().published == "2025-10-01");
    CHECK(result.framework.metadata().version == "2025-10");
    CHECK_FALSE(result.framework.metadata().title.empty());
    CHECK(result.framework.metadata().licence == "Open Government Licence v3.0");
}

TEST_CASE("import: an exact duplicate row is removed and counted", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.duplicate_rows == 1);
    CHECK(count_notes(result.report, "duplicate row") == 1);
    const auto& brm = level_of(result.framework, "business-relationship-manager");
    CHECK(brm.requirements.size() == 2);
    const auto found = std::find_if(result.report.notes.begin(), result.report.notes.end(),
                                    [](const ddat::ImportNote& n) { return n.kind == "duplicate row"; });
    REQUIRE(found != result.report.notes.end());
    CHECK(found->location.file == "roles.csv");
    CHECK(found->location.line == 3);
}

TEST_CASE("import: a skill repeated within a level with other content keeps the first", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.repeated_skills == 1);
    CHECK(count_notes(result.report, "repeated skill") == 1);
    const auto& senior = level_of(result.framework, "senior-business-relationship-manager");
    REQUIRE(senior.requirements.size() == 2);
    const auto* rm = find_requirement(senior, "relationship-management");
    REQUIRE(rm != nullptr);
    CHECK(rm->level == SkillLevel::expert);
    CHECK(rm->location.line == 5);
    CHECK(result.framework.requirement_text(*rm) == "Leads relationships at the senior level.");
}

TEST_CASE("import: white space around names is trimmed and counted", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.trimmed_cells == 2);
    CHECK(count_notes(result.report, "trimmed") == 2);
    const auto* senior = result.framework.find_level("senior-business-relationship-manager");
    REQUIRE(senior != nullptr);
    CHECK(senior->name == "Senior business relationship manager");
    // the trimmed row and the untrimmed rows make one level, not two
    CHECK(result.framework.roles()[0].levels.size() == 2);
    const ddat::Skill* user_focus = result.framework.find_skill("user-focus");
    REQUIRE(user_focus != nullptr);
    CHECK(user_focus->name == "User focus");
}

TEST_CASE("import: a MISSING skill description takes the skill descriptions file's text", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.missing_texts == 2);
    CHECK(count_notes(result.report, "missing text") == 2);
    const ddat::Skill* st = result.framework.find_skill("strategic-thinking");
    REQUIRE(st != nullptr);
    CHECK(st->description == "Thinks ahead.");
    const auto* r = find_requirement(level_of(result.framework, "business-relationship-manager"), "strategic-thinking");
    REQUIRE(r != nullptr);
    CHECK(r->level == SkillLevel::working);
    CHECK(result.framework.requirement_text(*r) == "ST working.");
    // and nothing reads "MISSING" anywhere in what was built
    for (const auto& skill : result.framework.skills()) {
        CHECK(skill.description != "MISSING");
    }
    for (const ddat::RoleLevel* level : result.framework.all_levels()) {
        for (const auto& req : level->requirements) {
            CHECK(req.description != "MISSING");
        }
    }
}

TEST_CASE("import: a NOT IN USE role becomes one whole-role level without stated levels", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.whole_roles == 1);
    CHECK(count_notes(result.report, "whole role") == 1);
    const ddat::Role* cdo = result.framework.find_role("chief-data-officer");
    REQUIRE(cdo != nullptr);
    REQUIRE(cdo->levels.size() == 1);
    const ddat::RoleLevel& level = cdo->levels.front();
    CHECK(level.whole_role);
    CHECK(level.name == "Chief data officer");
    CHECK(level.senior_civil_service);
    CHECK(level.description.empty());
    REQUIRE(level.requirements.size() == 2);
    const auto& governance = level.requirements[0];
    CHECK(governance.skill_id == "data-governance-leadership");
    CHECK_FALSE(governance.level.has_value());
    CHECK(ddat::level_to_meet(governance) == SkillLevel::awareness);
    CHECK(governance.description == "Sets how the organisation governs its data.");
    CHECK(result.framework.requirement_text(governance) == "Sets how the organisation governs its data.");
    CHECK(ddat::required_level_word(governance) == "unspecified");
    const auto& thinking = level.requirements[1];
    CHECK(thinking.skill_id == "strategic-thinking");
    CHECK_FALSE(thinking.level.has_value());
}

TEST_CASE("import: undefined skill level descriptions are left out and counted", "[import]") {
    const ImportResult result = import_small();
    CHECK(result.report.undefined_levels == 7);
    CHECK(count_notes(result.report, "undefined level") == 7);
    const auto levels_of = [&](std::string_view id) {
        std::vector<SkillLevel> levels;
        const ddat::Skill* skill = result.framework.find_skill(id);
        REQUIRE(skill != nullptr);
        for (const auto& d : skill->levels) {
            levels.push_back(d.level);
        }
        return levels;
    };
    CHECK(levels_of("relationship-management") == std::vector<SkillLevel>{SkillLevel::awareness, SkillLevel::working,
                                                                          SkillLevel::practitioner,
                                                                          SkillLevel::expert});
    CHECK(levels_of("strategic-thinking") ==
          std::vector<SkillLevel>{SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner});
    CHECK(levels_of("user-focus-frontend-developer") ==
          std::vector<SkillLevel>{SkillLevel::awareness, SkillLevel::working});
    CHECK(levels_of("data-governance-leadership").empty());
}

TEST_CASE("import: role-qualified skill names are distinct skills", "[import]") {
    const ImportResult result = import_small();
    const ddat::Skill* plain = result.framework.find_skill("user-focus");
    const ddat::Skill* qualified = result.framework.find_skill("user-focus-frontend-developer");
    REQUIRE(plain != nullptr);
    REQUIRE(qualified != nullptr);
    CHECK(qualified->name == "User focus (frontend developer)");
    CHECK(qualified->description == "Users first in the frontend.");
    CHECK(plain->description == "Users first.");
    const auto& fe = level_of(result.framework, "frontend-developer");
    REQUIRE(fe.requirements.size() == 2);
    CHECK(fe.requirements[0].skill_id == "user-focus-frontend-developer");
    CHECK(fe.requirements[0].level == SkillLevel::working);
    CHECK(fe.requirements[1].skill_id == "user-focus");
    CHECK(fe.requirements[1].level == SkillLevel::awareness);
}

TEST_CASE("import: a level text equal to the skill's own is not repeated in the requirement", "[import]") {
    const ImportResult result = import_small();
    const auto* r =
        find_requirement(level_of(result.framework, "business-relationship-manager"), "relationship-management");
    REQUIRE(r != nullptr);
    CHECK(r->description.empty());
    CHECK(result.framework.requirement_text(*r) == "RM practitioner.");
}

TEST_CASE("import: aliases are derived from the role's initials", "[import]") {
    const ImportResult result = import_small();
    const auto aliases = [&](std::string_view id) { return level_of(result.framework, id).aliases; };
    CHECK(aliases("business-relationship-manager") == std::vector<std::string>{"brm"});
    CHECK(aliases("senior-business-relationship-manager") == std::vector<std::string>{"senior-brm"});
    CHECK(aliases("chief-data-officer") == std::vector<std::string>{"cdo"});
    CHECK(aliases("frontend-developer") == std::vector<std::string>{"fd"});
    CHECK(aliases("junior-frontend-developer") == std::vector<std::string>{"junior-fd"});
}

TEST_CASE("import: the report lists each role's chosen order, junior first", "[import]") {
    const ImportResult result = import_small();
    REQUIRE(result.report.orders.size() == 3);
    CHECK(result.report.orders[2].role == "Frontend developer");
    CHECK(result.report.orders[2].levels ==
          std::vector<std::string>{"Junior frontend developer", "Frontend developer"});
    CHECK_FALSE(result.report.orders[2].overridden);
}

TEST_CASE("import: the import reads back as a valid framework", "[import]") {
    const ImportResult result = import_small();
    const auto files = ddat::framework_to_yaml(result.framework);
    CHECK_NOTHROW(ddat::load_framework_sources(files));
}

TEST_CASE("import: a blank line among the rows is skipped", "[import]") {
    std::string roles = csv({role_rows()[0], role_rows()[1]}) + "\r\n" + csv({role_rows()[4]});
    const ImportResult result = ddat::import_framework_csv(roles, "roles.csv", skill_csv(), "skills.csv", {});
    CHECK(result.report.role_rows == 2);
    CHECK(result.framework.all_levels().size() == 2);
}

TEST_CASE("import: the columns may come in another order", "[import]") {
    std::vector<Cells> rows;
    for (const auto& row : role_rows()) {
        Cells reversed(row.rbegin(), row.rend());
        rows.push_back(reversed);
    }
    const ImportResult result = ddat::import_framework_csv(csv(rows), "roles.csv", skill_csv(), "skills.csv", {});
    CHECK(result.framework.all_levels().size() == 5);
    CHECK(result.report.duplicate_rows == 1);
}

TEST_CASE("export: a MISSING text is written out in full from the skill descriptions", "[import][export]") {
    const ImportResult result = import_small();
    const auto records = ddat::parse_csv(ddat::export_role_content_csv(result.framework), "export.csv");
    // Skill Name is column 5, Skill Description column 6.
    std::map<std::pair<std::string, std::string>, std::string> description;  // (role level, skill) -> text
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& cells = records[i].cells;
        REQUIRE(cells.size() == 10);
        description[{cells[3] == "NOT IN USE" ? cells[1] : cells[3], cells[5]}] = cells[6];
    }
    CHECK(description[{"Business relationship manager", "Strategic thinking"}] == "Thinks ahead.");
    CHECK(description[{"Chief data officer", "Data governance leadership"}] ==
          "Sets how the organisation governs its data.");
    // The chief data officer's "Strategic thinking" row read MISSING: the export writes the
    // skill's description instead (the exporter's contract: "texts the download left MISSING are
    // written out in full").
    CHECK(description[{"Chief data officer", "Strategic thinking"}] == "Thinks ahead.");
}

TEST_CASE("export: every line of the CSV ends in CRLF", "[import][export]") {
    for (const std::string& text : {ddat::export_role_content_csv(ddat_test::builtin()),
                                    ddat::export_skill_descriptions_csv(ddat_test::builtin()),
                                    ddat::export_role_content_csv(import_small().framework)}) {
        REQUIRE(text.size() >= 2);
        CHECK(text.substr(text.size() - 2) == "\r\n");
        std::size_t bare = 0;
        bool quoted = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '"') {
                quoted = !quoted;
            } else if (text[i] == '\n' && !quoted && (i == 0 || text[i - 1] != '\r')) {
                ++bare;
            }
        }
        CHECK(bare == 0);
    }
}

TEST_CASE("export: levels without skills are the ones the CSV leaves out", "[import][export]") {
    const auto left_out = ddat::levels_left_out_of_csv(ddat_test::builtin());
    REQUIRE(left_out.size() == 1);
    CHECK(left_out.front()->id == "service-manager");
    const std::string csv = ddat::export_role_content_csv(ddat_test::builtin());
    CHECK_FALSE(contains(csv, left_out.front()->name));
}

TEST_CASE("export: the built-in framework's rows, one per role level and skill", "[import][export]") {
    const auto records = ddat::parse_csv(ddat::export_role_content_csv(ddat_test::builtin()), "export.csv");
    REQUIRE_FALSE(records.empty());
    CHECK(records[0].cells == ddat::kRoleContentColumns);
    std::size_t requirements = 0;
    for (const ddat::RoleLevel* level : ddat_test::builtin().all_levels()) {
        requirements += level->requirements.size();
    }
    CHECK(records.size() == requirements + 1);
    for (std::size_t i = 1; i < records.size(); ++i) {
        REQUIRE(records[i].cells.size() == 10);
        CHECK(ddat::parse_skill_level(records[i].cells[7]).has_value());
    }
}

// ---------------------------------------------------------------------------------------------
// Malformed input

TEST_CASE("import: a missing column is an error naming it", "[import]") {
    Cells header = ddat::kRoleContentColumns;
    header.pop_back();  // no "Role Type"
    const auto problems = import_problems(csv({header}), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "roles.csv");
    CHECK(problems[0].location.line == 1);
    CHECK(contains(problems[0].message, "no column 'Role Type'"));
}

TEST_CASE("import: a missing column of the skill descriptions file is an error naming it", "[import]") {
    const auto problems =
        import_problems(csv(role_rows()), "Skill Name,Skill Description,Awareness,Working,Practitioner\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "skills.csv");
    CHECK(problems[0].location.line == 1);
    CHECK(contains(problems[0].message, "'Expert'"));
}

TEST_CASE("import: a misspelt column is an error suggesting the right name", "[import]") {
    Cells header = ddat::kRoleContentColumns;
    header[7] = "Skill Levle";
    const auto problems = import_problems(csv({header}), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.line == 1);
    CHECK(contains(problems[0].message, "unexpected column 'Skill Levle'"));
    CHECK(contains(problems[0].message, "did you mean 'Skill Level'?"));
}

TEST_CASE("import: an extra column is an error", "[import]") {
    Cells header = ddat::kRoleContentColumns;
    header.emplace_back("Notes");
    const auto problems = import_problems(csv({header}), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].message, "unexpected column 'Notes'"));
}

TEST_CASE("import: the role content file given as the skill descriptions file is an error", "[import]") {
    const auto problems = import_problems(csv(role_rows()), csv(role_rows()));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "skills.csv");
    CHECK(contains(problems[0].message, "this is the role content CSV, where the skill descriptions CSV was expected"));
}

TEST_CASE("import: an empty file is an error", "[import]") {
    const auto problems = import_problems("", skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "roles.csv");
    CHECK(contains(problems[0].message, "empty"));
}

TEST_CASE("import: a row with the wrong number of cells is an error at its line", "[import]") {
    // line 2 holds a cell of three lines, so the short row starts on line 5
    std::string roles = csv({role_rows()[0]});
    Cells multi_line = role_rows()[1];
    multi_line[2] = "Manages\n- one\n- two";
    roles += csv({multi_line});
    Cells short_row = role_rows()[4];
    short_row.pop_back();
    roles += csv({short_row});
    const auto problems = import_problems(roles, skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "roles.csv");
    CHECK(problems[0].location.line == 5);
    CHECK(contains(problems[0].message, "9 cells"));
    CHECK(contains(problems[0].message, "10"));
}

TEST_CASE("import: an unknown skill level word is an error at its line", "[import]") {
    std::vector<Cells> rows = {role_rows()[0], role_rows()[1], role_rows()[4]};
    rows[2][7] = "Expret";
    const auto problems = import_problems(csv(rows), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.line == 3);
    CHECK(contains(problems[0].message, "'Expret' is not a skill level"));
}

TEST_CASE("import: an unclosed quote is reported at the opening quote", "[import]") {
    const std::string roles = csv({role_rows()[0]}) + "IT operations,\"Business relationship manager,x\n";
    const auto problems = import_problems(roles, skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "roles.csv");
    CHECK(problems[0].location.line == 2);
    CHECK(problems[0].location.column == 15);
}

TEST_CASE("import: a row without a role level is an error at its line", "[import]") {
    std::vector<Cells> rows = {role_rows()[0], role_rows()[1]};
    rows[1][3] = "  ";
    const auto problems = import_problems(csv(rows), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.line == 2);
}

TEST_CASE("import: a skill with no description anywhere is an error", "[import]") {
    // "Ownership" is not in the skill descriptions file and its row's description reads MISSING:
    // importer.hpp says the import throws InputError for "a skill no description exists for".
    std::vector<Cells> rows = {role_rows()[0], role_rows()[1]};
    rows[1][5] = "Ownership";
    rows[1][6] = "MISSING";
    const auto problems = import_problems(csv(rows), skill_csv());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "roles.csv");
    CHECK(problems[0].location.line == 2);
    CHECK(contains(problems[0].message, "Ownership"));
}

// ---------------------------------------------------------------------------------------------
// Seniority order and aliases

TEST_CASE("title_rank orders the title words from apprentice to chief", "[import]") {
    const std::string role = "Data scientist";
    const std::vector<std::string> titles = {
        "Apprentice data scientist", "Trainee data scientist",   "Junior data scientist",
        "Associate data scientist",  "Data scientist",           "Senior data scientist",
        "Lead data scientist",       "Principal data scientist", "Head of data science",
        "Chief data scientist"};
    for (std::size_t i = 1; i < titles.size(); ++i) {
        INFO(titles[i - 1] << " < " << titles[i]);
        CHECK(ddat::title_rank(titles[i - 1], role) < ddat::title_rank(titles[i], role));
    }
}

TEST_CASE("title_rank ignores letter case", "[import]") {
    CHECK(ddat::title_rank("SENIOR data scientist", "Data scientist") ==
          ddat::title_rank("Senior data scientist", "Data scientist"));
    CHECK(ddat::title_rank("head of Data Science", "Data scientist") ==
          ddat::title_rank("Head of data science", "Data scientist"));
}

TEST_CASE("title_rank puts an analyst below the manager in a manager role", "[import]") {
    const std::string role = "IT service manager";
    CHECK(ddat::title_rank("IT service analyst", role) < ddat::title_rank("IT service manager", role));
    CHECK(ddat::title_rank("IT service manager", role) < ddat::title_rank("Senior IT service manager", role));
    CHECK(ddat::title_rank("Senior service desk analyst", "Service desk manager") <
          ddat::title_rank("Service desk manager", "Service desk manager"));
    CHECK(ddat::title_rank("Service desk analyst", "Service desk manager") <
          ddat::title_rank("Senior service desk analyst", "Service desk manager"));
    // in a role that is not a manager role, an analyst is the plain title
    CHECK(ddat::title_rank("Data analyst", "Data analyst") == ddat::title_rank("Data scientist", "Data scientist"));
}

TEST_CASE("title_rank puts '- management' after its plain peer and before the next rank", "[import]") {
    const std::string role = "Software developer";
    CHECK(ddat::title_rank("Senior developer", role) < ddat::title_rank("Senior developer - management", role));
    CHECK(ddat::title_rank("Senior developer - management", role) < ddat::title_rank("Lead developer", role));
    CHECK(ddat::title_rank("Lead developer - management", role) < ddat::title_rank("Principal developer", role));
}

TEST_CASE("derive_alias puts the role's initials in place of its name", "[import]") {
    CHECK(ddat::derive_alias("Senior business relationship manager", "Business relationship manager") == "senior-brm");
    CHECK(ddat::derive_alias("Business relationship manager", "Business relationship manager") == "brm");
    CHECK(ddat::derive_alias("IT service manager", "IT service manager") == "itsm");
    CHECK(ddat::derive_alias("Senior IT service manager", "IT service manager") == "senior-itsm");
    CHECK(ddat::derive_alias("Chief data officer", "Chief data officer") == "cdo");
    CHECK(ddat::derive_alias("Lead security architect", "Security architect") == "lead-sa");
}

TEST_CASE("derive_alias reads 'X management' in a level's name as the role 'X manager'", "[import]") {
    CHECK(ddat::derive_alias("Head of IT service management", "IT service manager") == "head-of-itsm");
    CHECK(ddat::derive_alias("Head of business relationship management", "Business relationship manager") ==
          "head-of-brm");
    CHECK(ddat::derive_alias("Head of IT service managements", "IT service manager").empty());
}

TEST_CASE("derive_alias gives no alias when the level's name does not contain the role's", "[import]") {
    CHECK(ddat::derive_alias("IT service analyst", "IT service manager").empty());
    CHECK(ddat::derive_alias("Senior DevOps engineer", "Development operations (DevOps) engineer").empty());
    CHECK(ddat::derive_alias("Data ethics lead", "Data ethicist").empty());
    // "manager" is not a whole word of "managers"
    CHECK(ddat::derive_alias("Head of IT service managers", "IT service manager").empty());
}

TEST_CASE("import: an order override sets a role's order", "[import]") {
    ImportOptions options;
    options.order_overrides = {
        {"Frontend developer", {"Frontend developer", "Junior frontend developer"}, {}, {}, {}, {}}};
    const ImportResult result = import_small(options);
    CHECK(level_ids(result.framework.roles()[2]) ==
          std::vector<std::string>{"frontend-developer", "junior-frontend-developer"});
    REQUIRE(result.report.orders.size() == 3);
    CHECK(result.report.orders[2].overridden);
    CHECK(result.report.orders[2].levels ==
          std::vector<std::string>{"Frontend developer", "Junior frontend developer"});
    CHECK_FALSE(result.report.orders[0].overridden);
}

TEST_CASE("import: an order override may name the role and levels by id, in any letter case", "[import]") {
    ImportOptions options;
    options.order_overrides = {{"business-relationship-manager",
                                {"senior-business-relationship-manager", "business relationship MANAGER"},
                                {},
                                {},
                                {},
                                {}}};
    const ImportResult result = import_small(options);
    CHECK(level_ids(result.framework.roles()[0]) ==
          std::vector<std::string>{"senior-business-relationship-manager", "business-relationship-manager"});
    CHECK(result.report.orders[0].overridden);
}

TEST_CASE("import: an order override naming some levels puts the rest after them", "[import]") {
    ImportOptions options;
    options.order_overrides = {{"Frontend developer", {"Frontend developer"}, {}, {}, {}, {}}};
    const ImportResult result = import_small(options);
    CHECK(level_ids(result.framework.roles()[2]) ==
          std::vector<std::string>{"frontend-developer", "junior-frontend-developer"});
}

TEST_CASE("import: an order override naming an unknown level is an error", "[import]") {
    ImportOptions options;
    options.order_overrides = {
        {"Frontend developer", {"Frontend developer", "Senior frontend developer"}, {}, {}, {}, {}}};
    try {
        (void)import_small(options);
        FAIL("the import succeeded, but an InputError was expected");
    } catch (const ddat::InputError& error) {
        CHECK(contains(error.what(), "Senior frontend developer"));
        CHECK(contains(error.what(), "Frontend developer"));
    }
}

TEST_CASE("import: an order override naming an unknown role is an error", "[import]") {
    // A misspelt role would otherwise be ignored without a word, and the derived order kept.
    ImportOptions options;
    options.order_overrides = {
        {"Frontend develper", {"Frontend developer", "Junior frontend developer"}, {}, {}, {}, {}}};
    CHECK_THROWS_AS(import_small(options), ddat::InputError);
}

TEST_CASE("load_order_overrides reads roles and their levels in file order", "[import]") {
    const auto orders = ddat::load_order_overrides(
        "IT service manager: [IT service analyst, IT service manager]\n"
        "frontend-developer:\n"
        "  - Junior frontend developer\n"
        "  - Frontend developer\n",
        "order.yaml");
    REQUIRE(orders.size() == 2);
    CHECK(orders[0].role == "IT service manager");
    CHECK(orders[0].levels == std::vector<std::string>{"IT service analyst", "IT service manager"});
    CHECK(orders[1].role == "frontend-developer");
    CHECK(orders[1].levels == std::vector<std::string>{"Junior frontend developer", "Frontend developer"});
    CHECK(ddat::load_order_overrides("", "order.yaml").empty());
    CHECK(ddat::load_order_overrides("# nothing yet\n", "order.yaml").empty());
}

TEST_CASE("load_order_overrides reports a file that is not a mapping at its place", "[import]") {
    try {
        (void)ddat::load_order_overrides("- IT service manager\n", "order.yaml");
        FAIL("an InputError was expected");
    } catch (const ddat::InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        const auto& d = error.diagnostics().front();
        CHECK(d.location.file == "order.yaml");
        CHECK(d.location.line == 1);
        CHECK(d.location.column == 1);
        CHECK(contains(d.message, "mapping"));
    }
}

TEST_CASE("load_order_overrides reports levels that are not a list at their place", "[import]") {
    try {
        (void)ddat::load_order_overrides("Role one: [a, b]\nRole two: just text\n", "order.yaml");
        FAIL("an InputError was expected");
    } catch (const ddat::InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        const auto& d = error.diagnostics().front();
        CHECK(d.location.file == "order.yaml");
        CHECK(d.location.line == 2);
        CHECK(d.location.column == 11);
        CHECK(contains(d.message, "list"));
    }
}

TEST_CASE("load_order_overrides reports a role named twice at the second", "[import]") {
    try {
        (void)ddat::load_order_overrides("Role one: [a, b]\nRole one: [b, a]\n", "order.yaml");
        FAIL("an InputError was expected");
    } catch (const ddat::InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        const auto& d = error.diagnostics().front();
        CHECK(d.location.line == 2);
        CHECK(d.location.column == 1);
        CHECK(contains(d.message, "twice"));
    }
}

TEST_CASE("load_order_overrides reports a YAML syntax error at its place", "[import]") {
    try {
        (void)ddat::load_order_overrides("Role one: [a, b\n", "order.yaml");
        FAIL("an InputError was expected");
    } catch (const ddat::InputError& error) {
        REQUIRE_FALSE(error.diagnostics().empty());
        CHECK(error.diagnostics().front().location.file == "order.yaml");
        CHECK(error.diagnostics().front().location.line >= 1);
    }
}

// ---------------------------------------------------------------------------------------------
// The real download, when the reference files are beside the project

namespace {

std::optional<fs::path> csv_dir() {
    const fs::path dir = fs::path(DDAT_SHARED_DIR) / "framework-csv";
    if (!fs::exists(dir / "role-content.csv") || !fs::exists(dir / "skill-descriptions.csv")) {
        return std::nullopt;
    }
    return dir;
}

ImportResult import_real() {
    const fs::path dir = *csv_dir();
    return ddat::import_framework_csv(read_text(dir / "role-content.csv"), "role-content.csv",
                                      read_text(dir / "skill-descriptions.csv"), "skill-descriptions.csv", {});
}

// The import of the real files, made once.
const ImportResult& real() {
    static const ImportResult result = import_real();
    return result;
}

#define DDAT_REQUIRE_CSV()                                                 \
    do {                                                                   \
        if (!csv_dir()) {                                                  \
            WARN("real CSV check skipped: reference files not found at " + \
                 (fs::path(DDAT_SHARED_DIR) / "framework-csv").string());  \
            return;                                                        \
        }                                                                  \
    } while (false)

}  // namespace

TEST_CASE("import of the real download: 8 families, 52 roles, 205 role levels, 188 skills", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::Framework& f = real().framework;
    CHECK(f.families().size() == 8);
    CHECK(f.roles().size() == 52);
    CHECK(f.all_levels().size() == 205);
    CHECK(f.skills().size() == 188);
}

TEST_CASE("import of the real download: the report counts each quirk", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::ImportReport& report = real().report;
    CHECK(report.role_rows == 1825);
    CHECK(report.skill_rows == 188);
    CHECK(report.duplicate_rows == 16);
    CHECK(report.repeated_skills == 0);
    CHECK(report.trimmed_cells == 13);
    CHECK(report.missing_texts == 325);
    CHECK(report.whole_roles == 4);
    CHECK(report.undefined_levels == 148);
    CHECK(count_notes(report, "new skill") == 0);
    CHECK(report.orders.size() == 52);
}

TEST_CASE("import of the real download: requirements by level and skill", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::Framework& f = real().framework;
    const auto required = [&](std::string_view level_id, std::string_view skill_id) -> std::optional<SkillLevel> {
        const auto* r = find_requirement(level_of(f, level_id), skill_id);
        if (r == nullptr) {
            return std::nullopt;
        }
        return r->level;
    };
    CHECK(required("senior-business-relationship-manager", "stakeholder-relationship-management-it-operations") ==
          SkillLevel::practitioner);
    CHECK(required("senior-business-relationship-manager", "strategic-thinking") == SkillLevel::practitioner);
    CHECK(required("business-relationship-manager", "continual-service-improvement") == SkillLevel::awareness);
    CHECK(required("lead-business-relationship-manager", "business-analysis-it-operations") == SkillLevel::expert);
    CHECK(required("it-service-analyst", "it-service-reporting") == SkillLevel::working);
    CHECK(required("head-of-it-service-management", "asset-and-configuration-management") == SkillLevel::expert);
    CHECK(required("lead-data-scientist", "data-science-innovation") == SkillLevel::expert);
    CHECK(required("frontend-developer", "user-focus-frontend-developer") == SkillLevel::working);
    CHECK(required("junior-frontend-developer", "user-focus-frontend-developer") == SkillLevel::awareness);
    CHECK_FALSE(required("business-relationship-manager", "asset-and-configuration-management").has_value());
    CHECK(level_of(f, "senior-business-relationship-manager").requirements.size() == 9);
    CHECK(level_of(f, "it-service-analyst").requirements.size() == 11);
}

TEST_CASE("import of the real download: the chief roles are whole roles without stated levels", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::Framework& f = real().framework;
    for (const char* id : {"chief-data-officer", "chief-digital-and-information-officer",
                           "chief-information-security-officer", "chief-technology-officer"}) {
        const ddat::Role* role = f.find_role(id);
        INFO(id);
        REQUIRE(role != nullptr);
        REQUIRE(role->levels.size() == 1);
        const ddat::RoleLevel& level = role->levels.front();
        CHECK(level.whole_role);
        CHECK(level.senior_civil_service);
        CHECK_FALSE(level.requirements.empty());
        for (const auto& r : level.requirements) {
            CHECK_FALSE(r.level.has_value());
            CHECK_FALSE(f.requirement_text(r).empty());
        }
    }
    const auto& cdo = level_of(f, "chief-data-officer");
    CHECK(cdo.requirements.size() == 6);
    CHECK(find_requirement(cdo, "data-governance-leadership") != nullptr);
}

TEST_CASE("import of the real download: derived orders and aliases", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::Framework& f = real().framework;
    const ddat::Role* itsm = f.find_role("it-service-manager");
    REQUIRE(itsm != nullptr);
    CHECK(level_ids(*itsm) == std::vector<std::string>{"it-service-analyst", "it-service-manager",
                                                       "senior-it-service-manager", "head-of-it-service-management"});
    const ddat::Role* brm = f.find_role("business-relationship-manager");
    REQUIRE(brm != nullptr);
    CHECK(level_ids(*brm) == std::vector<std::string>{"business-relationship-manager",
                                                      "senior-business-relationship-manager",
                                                      "lead-business-relationship-manager"});
    CHECK(level_of(f, "senior-business-relationship-manager").aliases == std::vector<std::string>{"senior-brm"});
    CHECK(level_of(f, "it-service-manager").aliases == std::vector<std::string>{"itsm"});
    CHECK(level_of(f, "head-of-it-service-management").aliases == std::vector<std::string>{"head-of-itsm"});
    // the level whose name had white space around it in 13 rows
    bool trimmed_level_found = false;
    for (const ddat::RoleLevel* level : f.all_levels()) {
        CHECK(level->name == std::string(ddat::trim(level->name)));
        trimmed_level_found = trimmed_level_found || contains(level->name, "end user computing engineer");
    }
    CHECK(trimmed_level_found);
}

TEST_CASE("import of the real download: the YAML written reads back as the same framework", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const ddat::Framework& f = real().framework;
    const auto files = ddat::framework_to_yaml(f);
    CHECK(files.size() == 54);
    ddat::Framework back;
    try {
        back = ddat::load_framework_sources(files);
    } catch (const ddat::InputError& error) {
        FAIL("the written framework does not load:\n" << ddat_test::describe(error.diagnostics()));
    }
    CHECK(back.metadata().title == f.metadata().title);
    CHECK(back.metadata().attribution == f.metadata().attribution);
    REQUIRE(back.families().size() == f.families().size());
    for (std::size_t i = 0; i < f.families().size(); ++i) {
        CHECK(back.families()[i].id == f.families()[i].id);
        CHECK(back.families()[i].name == f.families()[i].name);
    }
    REQUIRE(back.skills().size() == f.skills().size());
    for (std::size_t i = 0; i < f.skills().size(); ++i) {
        const auto& a = f.skills()[i];
        const auto& b = back.skills()[i];
        INFO("skill " << a.id);
        CHECK(b.id == a.id);
        CHECK(b.name == a.name);
        CHECK(b.description == a.description);
        REQUIRE(b.levels.size() == a.levels.size());
        for (std::size_t j = 0; j < a.levels.size(); ++j) {
            CHECK(b.levels[j].level == a.levels[j].level);
            CHECK(b.levels[j].description == a.levels[j].description);
        }
    }
    REQUIRE(back.roles().size() == f.roles().size());
    REQUIRE(back.all_levels().size() == 205);
    for (std::size_t i = 0; i < f.roles().size(); ++i) {
        const auto& a = f.roles()[i];
        const auto& b = back.roles()[i];
        INFO("role " << a.id);
        CHECK(b.id == a.id);
        CHECK(b.name == a.name);
        CHECK(b.family_id == a.family_id);
        CHECK(b.description == a.description);
        REQUIRE(b.levels.size() == a.levels.size());
        for (std::size_t j = 0; j < a.levels.size(); ++j) {
            const auto& la = a.levels[j];
            const auto& lb = b.levels[j];
            INFO("level " << la.id);
            CHECK(lb.id == la.id);
            CHECK(lb.name == la.name);
            CHECK(lb.aliases == la.aliases);
            CHECK(lb.whole_role == la.whole_role);
            CHECK(lb.senior_civil_service == la.senior_civil_service);
            CHECK(lb.description == la.description);
            REQUIRE(lb.requirements.size() == la.requirements.size());
            for (std::size_t k = 0; k < la.requirements.size(); ++k) {
                const auto& ra = la.requirements[k];
                const auto& rb = lb.requirements[k];
                CHECK(rb.skill_id == ra.skill_id);
                CHECK(rb.level == ra.level);
                CHECK(rb.description == ra.description);
                CHECK(back.requirement_text(rb) == f.requirement_text(ra));
            }
        }
    }
}

TEST_CASE("import of the real download: importing twice gives the same bytes", "[import][csv-data]") {
    DDAT_REQUIRE_CSV();
    const auto first = ddat::framework_to_yaml(import_real().framework);
    const auto second = ddat::framework_to_yaml(import_real().framework);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].name == second[i].name);
        CHECK(first[i].text == second[i].text);
    }
}

TEST_CASE("import of the real download: the role content export reproduces the input rows",
          "[import][export][csv-data]") {
    DDAT_REQUIRE_CSV();
    const fs::path dir = *csv_dir();
    const auto input = ddat::parse_csv(read_text(dir / "role-content.csv"), "role-content.csv");
    const auto skill_rows = ddat::parse_csv(read_text(dir / "skill-descriptions.csv"), "skill-descriptions.csv");
    std::map<std::string, std::string> skill_description;
    for (std::size_t i = 1; i < skill_rows.size(); ++i) {
        skill_description[std::string(ddat::trim(skill_rows[i].cells.at(0)))] = skill_rows[i].cells.at(1);
    }
    REQUIRE(input.size() == 1826);
    REQUIRE(input[0].cells == ddat::kRoleContentColumns);

    std::set<Cells> seen;
    std::vector<Cells> expected;
    for (std::size_t i = 1; i < input.size(); ++i) {
        Cells cells = input[i].cells;
        REQUIRE(cells.size() == 10);
        for (const std::size_t name_column : {0U, 1U, 3U, 5U}) {
            cells[name_column] = std::string(ddat::trim(cells[name_column]));
        }
        if (cells[6] == "MISSING") {
            REQUIRE(skill_description.count(cells[5]) == 1);
            cells[6] = skill_description[cells[5]];
        }
        if (seen.insert(cells).second) {
            expected.push_back(cells);
        }
    }
    const std::string exported = ddat::export_role_content_csv(real().framework);
    CHECK(exported.substr(0, ddat::csv_line(ddat::kRoleContentColumns).size()) ==
          ddat::csv_line(ddat::kRoleContentColumns));
    const auto output = ddat::parse_csv(exported, "export.csv");
    REQUIRE_FALSE(output.empty());
    CHECK(output[0].cells == ddat::kRoleContentColumns);
    std::vector<Cells> actual;
    for (std::size_t i = 1; i < output.size(); ++i) {
        actual.push_back(output[i].cells);
    }
    CHECK(actual.size() == 1809);
    CHECK(expected.size() == 1809);
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    std::vector<Cells> only_in_input;
    std::vector<Cells> only_in_export;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::back_inserter(only_in_input));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                        std::back_inserter(only_in_export));
    const auto show = [](const std::vector<Cells>& rows) {
        std::string text;
        for (std::size_t i = 0; i < rows.size() && i < 5; ++i) {
            text += rows[i][1] + " | " + rows[i][3] + " | " + rows[i][5] + " | " + rows[i][7] + "\n";
        }
        return text;
    };
    INFO("rows of the input missing from the export (first 5):\n" << show(only_in_input));
    INFO("rows of the export not in the input (first 5):\n" << show(only_in_export));
    CHECK(only_in_input.empty());
    CHECK(only_in_export.empty());
}

TEST_CASE("import of the real download: the skill descriptions export names every skill once",
          "[import][export][csv-data]") {
    DDAT_REQUIRE_CSV();
    const auto output = ddat::parse_csv(ddat::export_skill_descriptions_csv(real().framework), "export.csv");
    REQUIRE(output.size() == 189);
    CHECK(output[0].cells == ddat::kSkillDescriptionColumns);
    std::set<std::string> names;
    for (std::size_t i = 1; i < output.size(); ++i) {
        REQUIRE(output[i].cells.size() == 7);
        names.insert(output[i].cells[0]);
    }
    CHECK(names.size() == 188);
}
