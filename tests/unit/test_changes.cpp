// What changed between two copies of the framework: levels added, removed and unchanged, skills
// raised, lowered, added and removed, texts changed, and renames matched through a rename file;
// then the built-in (2020) framework against the real 2025 download, when it is beside the project.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ddat/analysis/changes.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/load/renames.hpp"
#include "ddat/model.hpp"
#include "helpers.hpp"

using ddat::FrameworkChanges;
using ddat::LevelChange;
using ddat::LevelChanges;
using ddat::Renames;
using ddat::RequirementChange;
using ddat::SkillLevel;
using ddat_test::check_diagnostic;
using ddat_test::contains;
using ddat_test::read_text;

namespace fs = std::filesystem;

namespace {

// The repository: this file is tests/unit/test_changes.cpp in it.
const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path().parent_path();

const std::string kBefore = R"yaml(framework:
  title: Before
families:
  - id: ops
    name: Operations
skills:
  - id: relationship-management
    name: Relationship management
    levels:
      working: RM working.
      practitioner: RM practitioner.
  - id: strategic-thinking
    name: Strategic thinking
  - id: service-reporting
    name: Service reporting
  - id: user-focus
    name: User focus
  - id: old-only
    name: Old only
roles:
  - id: brm
    name: Business relationship manager
    family: ops
    levels:
      - id: brm
        name: Business relationship manager
        description: The plain level.
        requirements:
          relationship-management:
            level: working
          strategic-thinking:
            level: working
            description: Thinks ahead.
          service-reporting:
            level: working
          user-focus:
            level: practitioner
      - id: senior-brm
        name: Senior business relationship manager
        requirements:
          strategic-thinking:
            level: practitioner
      - id: wordy-brm
        name: Wordy business relationship manager
        description: Old description.
        requirements:
          user-focus:
            level: working
            description: Old text.
      - id: old-name-brm
        name: Old name
        requirements:
          user-focus:
            level: awareness
      - id: gone-brm
        name: Gone
        requirements:
          user-focus:
            level: awareness
)yaml";

const std::string kAfter = R"yaml(framework:
  title: After
families:
  - id: ops
    name: Operations
skills:
  - id: stakeholder-relationship-management
    name: Stakeholder relationship management
    levels:
      working: SRM working.
  - id: strategic-thinking
    name: Strategic thinking
  - id: service-reporting
    name: Service reporting
  - id: user-focus
    name: User focus
  - id: new-skill
    name: New skill
roles:
  - id: brm
    name: Business relationship manager
    family: ops
    levels:
      - id: brm
        name: Business relationship manager
        description: The plain level.
        requirements:
          stakeholder-relationship-management:
            level: working
          strategic-thinking:
            level: practitioner
            description: Thinks ahead.
          user-focus:
            level: working
          new-skill:
            level: awareness
      - id: senior-brm
        name: Senior business relationship manager
        requirements:
          strategic-thinking:
            level: practitioner
      - id: wordy-brm
        name: Wordy business relationship manager
        description: New description.
        requirements:
          user-focus:
            level: working
            description: New text.
      - id: new-name-brm
        name: New name
        requirements:
          user-focus:
            level: awareness
      - id: added-brm
        name: Added
        requirements:
          new-skill:
            level: working
)yaml";

const ddat::Framework& before() {
    static const ddat::Framework framework = ddat::load_framework_sources({{"before.yaml", kBefore}});
    return framework;
}

const ddat::Framework& after() {
    static const ddat::Framework framework = ddat::load_framework_sources({{"after.yaml", kAfter}});
    return framework;
}

Renames renames() {
    Renames r;
    r.skills["relationship-management"] = "stakeholder-relationship-management";
    r.levels["old-name-brm"] = "new-name-brm";
    return r;
}

template <typename T>
std::vector<std::string> ids(const std::vector<ddat::Ref<const T>>& parts) {
    std::vector<std::string> result;
    for (const auto& part : parts) {
        result.push_back(part->id);
    }
    return result;
}

const LevelChanges* changed_level(const FrameworkChanges& changes, std::string_view id) {
    for (const auto& level : changes.levels_changed) {
        if (level.after->id == id) {
            return &level;
        }
    }
    return nullptr;
}

// The change of a skill in a level, by its old id or (when added) its new id.
const RequirementChange* skill_change(const LevelChanges& level, std::string_view id) {
    for (const auto& c : level.skills) {
        if (c.old_skill_id == id || (c.old_skill_id.empty() && c.new_skill_id == id)) {
            return &c;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("compare_frameworks: a copy compared with itself has no changes", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), before(), {});
    CHECK(changes.levels_added.empty());
    CHECK(changes.levels_removed.empty());
    CHECK(changes.levels_changed.empty());
    CHECK(changes.levels_unchanged == 5);
    CHECK(changes.skills_added.empty());
    CHECK(changes.skills_removed.empty());
}

TEST_CASE("compare_frameworks: the built-in framework compared with itself has no changes", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(ddat_test::builtin(), ddat_test::builtin(), {});
    CHECK(changes.levels_changed.empty());
    CHECK(changes.levels_unchanged == 7);
    CHECK(changes.levels_added.empty());
    CHECK(changes.levels_removed.empty());
}

TEST_CASE("compare_frameworks: levels added, removed and unchanged", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), renames());
    CHECK(ids(changes.levels_added) == std::vector<std::string>{"added-brm"});
    CHECK(ids(changes.levels_removed) == std::vector<std::string>{"gone-brm"});
    // senior-brm, and old-name-brm renamed to new-name-brm with the same requirements
    CHECK(changes.levels_unchanged == 2);
    REQUIRE(changes.levels_changed.size() == 2);
    CHECK(changes.levels_changed[0].after->id == "brm");
    CHECK(changes.levels_changed[1].after->id == "wordy-brm");
}

TEST_CASE("compare_frameworks: without the rename file a renamed level is removed and added", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), {});
    CHECK(ids(changes.levels_added) == std::vector<std::string>{"new-name-brm", "added-brm"});
    CHECK(ids(changes.levels_removed) == std::vector<std::string>{"old-name-brm", "gone-brm"});
    CHECK(changes.levels_unchanged == 1);
}

TEST_CASE("compare_frameworks: skills raised, lowered, added and removed within a level", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), renames());
    const LevelChanges* brm = changed_level(changes, "brm");
    REQUIRE(brm != nullptr);
    CHECK(brm->before == before().find_level("brm"));
    CHECK(brm->after == after().find_level("brm"));
    CHECK_FALSE(brm->description_changed);
    REQUIRE(brm->skills.size() == 5);

    const RequirementChange* raised = skill_change(*brm, "strategic-thinking");
    REQUIRE(raised != nullptr);
    CHECK(raised->change == LevelChange::raised);
    CHECK(raised->before->level == SkillLevel::working);
    CHECK(raised->after->level == SkillLevel::practitioner);
    CHECK_FALSE(raised->text_changed);
    CHECK_FALSE(raised->renamed);

    const RequirementChange* lowered = skill_change(*brm, "user-focus");
    REQUIRE(lowered != nullptr);
    CHECK(lowered->change == LevelChange::lowered);
    CHECK(lowered->before->level == SkillLevel::practitioner);
    CHECK(lowered->after->level == SkillLevel::working);

    const RequirementChange* removed = skill_change(*brm, "service-reporting");
    REQUIRE(removed != nullptr);
    CHECK(removed->change == LevelChange::removed);
    CHECK(removed->after == nullptr);
    CHECK(removed->new_skill_id.empty());
    CHECK(removed->name == "Service reporting");

    const RequirementChange* added = skill_change(*brm, "new-skill");
    REQUIRE(added != nullptr);
    CHECK(added->change == LevelChange::added);
    CHECK(added->before == nullptr);
    CHECK(added->old_skill_id.empty());
    CHECK(added->new_skill_id == "new-skill");
    CHECK(added->name == "New skill");
}

TEST_CASE("compare_frameworks: a renamed skill is one change marked renamed", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), renames());
    const LevelChanges* brm = changed_level(changes, "brm");
    REQUIRE(brm != nullptr);
    const auto rows = std::count_if(brm->skills.begin(), brm->skills.end(), [](const RequirementChange& c) {
        return c.old_skill_id == "relationship-management" || c.new_skill_id == "stakeholder-relationship-management";
    });
    CHECK(rows == 1);
    const RequirementChange* renamed = skill_change(*brm, "relationship-management");
    REQUIRE(renamed != nullptr);
    CHECK(renamed->renamed);
    CHECK(renamed->new_skill_id == "stakeholder-relationship-management");
    CHECK(renamed->change == LevelChange::same);
    CHECK(renamed->name == "Stakeholder relationship management");
    // the skill's own working text changed with the rename
    CHECK(renamed->text_changed);
    // and the catalogue shows neither the old skill removed nor the new one added
    CHECK(ids(changes.skills_removed) == std::vector<std::string>{"old-only"});
    CHECK(ids(changes.skills_added) == std::vector<std::string>{"new-skill"});
}

TEST_CASE("compare_frameworks: without the rename file a renamed skill is removed and added", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), {});
    const LevelChanges* brm = changed_level(changes, "brm");
    REQUIRE(brm != nullptr);
    const RequirementChange* removed = skill_change(*brm, "relationship-management");
    REQUIRE(removed != nullptr);
    CHECK(removed->change == LevelChange::removed);
    CHECK_FALSE(removed->renamed);
    const RequirementChange* added = skill_change(*brm, "stakeholder-relationship-management");
    REQUIRE(added != nullptr);
    CHECK(added->change == LevelChange::added);
    CHECK(ids(changes.skills_removed) == std::vector<std::string>{"relationship-management", "old-only"});
    CHECK(ids(changes.skills_added) == std::vector<std::string>{"stakeholder-relationship-management", "new-skill"});
}

TEST_CASE("compare_frameworks: a changed text at the same level is a change of its own", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), renames());
    const LevelChanges* wordy = changed_level(changes, "wordy-brm");
    REQUIRE(wordy != nullptr);
    CHECK(wordy->description_changed);
    REQUIRE(wordy->skills.size() == 1);
    CHECK(wordy->skills[0].old_skill_id == "user-focus");
    CHECK(wordy->skills[0].new_skill_id == "user-focus");
    CHECK(wordy->skills[0].change == LevelChange::same);
    CHECK(wordy->skills[0].text_changed);
    CHECK_FALSE(wordy->skills[0].renamed);
}

TEST_CASE("compare_frameworks: unchanged skills of a changed level are not listed", "[changes]") {
    const FrameworkChanges changes = ddat::compare_frameworks(before(), after(), renames());
    for (const auto& level : changes.levels_changed) {
        for (const auto& c : level.skills) {
            INFO(level.after->id << " " << c.name);
            CHECK((c.change != LevelChange::same || c.text_changed || c.renamed));
        }
    }
}

TEST_CASE("load_renames reads skills and levels", "[changes]") {
    const Renames r = ddat::load_renames(
        "# renamed\n"
        "skills:\n"
        "  relationship-management: stakeholder-relationship-management-it-operations\n"
        "  ownership-and-initiative: ownership-and-topic\n"
        "levels:\n"
        "  old-level: new-level\n",
        "renames.yaml");
    CHECK(r.skills.size() == 2);
    CHECK(r.skills.at("relationship-management") == "stakeholder-relationship-management-it-operations");
    CHECK(r.skills.at("ownership-and-initiative") == "ownership-and-topic");
    CHECK(r.levels.size() == 1);
    CHECK(r.levels.at("old-level") == "new-level");
}

TEST_CASE("load_renames accepts an empty file and empty sections", "[changes]") {
    CHECK(ddat::load_renames("", "renames.yaml").skills.empty());
    const Renames r = ddat::load_renames("skills:\nlevels:\n", "renames.yaml");
    CHECK(r.skills.empty());
    CHECK(r.levels.empty());
}

TEST_CASE("load_renames reads the example rename file", "[changes]") {
    std::ifstream in(kSourceDir / "examples" / "renames-2020-to-2025.yaml");
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    const Renames r = ddat::load_renames(text.str(), "renames-2020-to-2025.yaml");
    CHECK(r.skills.at("ownership-and-initiative") == "ownership-and-topic");
    CHECK(r.skills.at("relationship-management") == "stakeholder-relationship-management-it-operations");
}

namespace {

// The one diagnostic of loading a rename file that must fail.
ddat::Diagnostic renames_problem(const std::string& text) {
    return ddat_test::only(
        ddat_test::input_problems([&] { (void)ddat::load_renames(text, "renames.yaml"); }, "the rename file loaded"));
}

}  // namespace

TEST_CASE("load_renames reports an unknown key with a suggestion", "[changes]") {
    const auto d = renames_problem("skils:\n  a: b\n");
    check_diagnostic(d, {.file = "renames.yaml",
                         .line = 1,
                         .column = 1,
                         .contains = {"unknown key 'skils'", "did you mean 'skills'?"}});
}

TEST_CASE("load_renames reports a name that is not an id, suggesting the id", "[changes]") {
    const auto d = renames_problem("skills:\n  Relationship management: relationship-management\n");
    check_diagnostic(d, {.line = 2,
                         .column = 3,
                         .contains = {"'Relationship management' is not a valid id", "relationship-management"}});
}

TEST_CASE("load_renames reports a new id that is not an id at its place", "[changes]") {
    const auto d = renames_problem("levels:\n  old-level: New Level\n");
    check_diagnostic(d, {.line = 2, .column = 14, .contains = {"'New Level' is not a valid id"}});
}

TEST_CASE("load_renames reports a file that is not a mapping", "[changes]") {
    const auto d = renames_problem("- relationship-management\n");
    check_diagnostic(d, {.line = 1, .contains = {"mapping"}});
}

TEST_CASE("load_renames reports a section that is not a mapping", "[changes]") {
    const auto d = renames_problem("skills:\n  - relationship-management\n");
    check_diagnostic(d, {.line = 2, .contains = {"'skills'", "mapping"}});
}

TEST_CASE("load_renames reports an old id given twice at the second", "[changes]") {
    const auto d = renames_problem("skills:\n  a: b\n  a: c\n");
    check_diagnostic(d, {.line = 3, .column = 3, .contains = {"twice"}});
}

TEST_CASE("load_renames reports a YAML syntax error in the file", "[changes]") {
    try {
        (void)ddat::load_renames("skills: [a\n", "renames.yaml");
        FAIL("an InputError was expected");
    } catch (const ddat::InputError& error) {
        REQUIRE_FALSE(error.diagnostics().empty());
        CHECK(error.diagnostics().front().location.file == "renames.yaml");
    }
}

// ---------------------------------------------------------------------------------------------
// The built-in 2020 framework against the real 2025 download

TEST_CASE("changes from the built-in framework to the real 2025 download", "[changes][csv-data]") {
    const fs::path dir = fs::path(DDAT_SHARED_DIR) / "framework-csv";
    if (!fs::exists(dir / "role-content.csv") || !fs::exists(dir / "skill-descriptions.csv")) {
        WARN("real CSV check skipped: reference files not found at " + dir.string());
        return;
    }
    const ddat::ImportResult imported =
        ddat::import_framework_csv(read_text(dir / "role-content.csv"), "role-content.csv",
                                   read_text(dir / "skill-descriptions.csv"), "skill-descriptions.csv", {});
    const Renames r =
        ddat::load_renames(read_text(kSourceDir / "examples" / "renames-2020-to-2025.yaml"), "renames.yaml");
    const ddat::Framework& old_copy = ddat_test::builtin();
    const ddat::Framework& new_copy = imported.framework;
    const FrameworkChanges changes = ddat::compare_frameworks(old_copy, new_copy, r);

    const LevelChanges* brm = changed_level(changes, "business-relationship-manager");
    REQUIRE(brm != nullptr);
    const RequirementChange* asset = skill_change(*brm, "asset-and-configuration-management");
    REQUIRE(asset != nullptr);
    CHECK(asset->change == LevelChange::removed);
    const RequirementChange* reporting = skill_change(*brm, "service-reporting");
    REQUIRE(reporting != nullptr);
    CHECK(reporting->change == LevelChange::removed);
    const RequirementChange* improvement = skill_change(*brm, "continual-service-improvement");
    REQUIRE(improvement != nullptr);
    CHECK(improvement->change == LevelChange::lowered);
    CHECK(improvement->before->level == SkillLevel::working);
    CHECK(improvement->after->level == SkillLevel::awareness);
    const RequirementChange* ownership = skill_change(*brm, "ownership-and-initiative");
    REQUIRE(ownership != nullptr);
    CHECK(ownership->renamed);
    CHECK(ownership->new_skill_id == "ownership-and-topic");
    CHECK(ownership->change == LevelChange::same);
    const RequirementChange* relationship = skill_change(*brm, "relationship-management");
    REQUIRE(relationship != nullptr);
    CHECK(relationship->renamed);
    CHECK(relationship->new_skill_id == "stakeholder-relationship-management-it-operations");
    CHECK(relationship->change == LevelChange::same);
    // a renamed skill is not also listed as added
    CHECK(skill_change(*brm, "ownership-and-topic") == nullptr);
    CHECK(skill_change(*brm, "stakeholder-relationship-management-it-operations") == nullptr);

    const LevelChanges* senior = changed_level(changes, "senior-business-relationship-manager");
    REQUIRE(senior != nullptr);
    const RequirementChange* thinking = skill_change(*senior, "strategic-thinking");
    REQUIRE(thinking != nullptr);
    CHECK(thinking->change == LevelChange::raised);
    CHECK(thinking->before->level == SkillLevel::working);
    CHECK(thinking->after->level == SkillLevel::practitioner);

    // every 2025 level but those matched in the built-in copy is new
    CHECK(changes.levels_added.size() + changes.levels_changed.size() +
              static_cast<std::size_t>(changes.levels_unchanged) ==
          205);
    const auto skills_removed = ids(changes.skills_removed);
    CHECK(std::find(skills_removed.begin(), skills_removed.end(), "ownership-and-initiative") == skills_removed.end());
    CHECK(std::find(skills_removed.begin(), skills_removed.end(), "relationship-management") == skills_removed.end());
    const auto skills_added = ids(changes.skills_added);
    CHECK(std::find(skills_added.begin(), skills_added.end(), "ownership-and-topic") == skills_added.end());
}
