// The built-in releases: the whole October 2025 download with its corrections, the 2020
// guidance, renamed skills, level orders and the management track.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ddat/analysis/changes.hpp"
#include "ddat/analysis/match.hpp"
#include "ddat/analysis/path.hpp"
#include "ddat/files.hpp"
#include "ddat/load/builtin_framework.hpp"
#include "ddat/load/importer.hpp"
#include "ddat/resolve.hpp"
#include "ddat/write/framework_writer.hpp"
#include "helpers.hpp"

using ddat_test::contains;

namespace {

const ddat::Framework& current() {
    static const ddat::Framework framework = ddat::load_builtin_framework("2025-10");
    return framework;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::filesystem::path kRelease = std::filesystem::path(DDAT_SOURCE_DIR) / "framework" / "2025-10";

std::vector<std::string> level_names(const ddat::Role& role) {
    std::vector<std::string> names;
    for (const auto& level : role.levels) {
        names.push_back(level.name);
    }
    return names;
}

}  // namespace

TEST_CASE("releases: 2025-10 is the default and holds the whole framework, 2020-01 the 2020 guidance", "[releases]") {
    const auto releases = ddat::builtin_releases();
    REQUIRE(releases.size() == 2);
    CHECK(releases[0].name == "2025-10");
    CHECK(releases[1].name == "2020-01");
    const ddat::Framework newest = ddat::load_builtin_framework();
    CHECK(newest.release() == "2025-10");
    CHECK(newest.families().size() == 8);
    CHECK(newest.roles().size() == 52);
    CHECK(newest.all_levels().size() == 205);
    CHECK(newest.skills().size() == 188);
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    CHECK(old.release() == "2020-01");
    CHECK(old.roles().size() == 3);
    CHECK(old.all_levels().size() == 7);
    CHECK(ddat::resolve_level(newest, "lead-data-scientist").name == "Lead data scientist");
}

TEST_CASE("releases: an unknown release name is refused with the nearest names", "[releases]") {
    try {
        (void)ddat::load_builtin_framework("2025-1");
        FAIL("an unknown release loaded");
    } catch (const ddat::NotFoundError& error) {
        CHECK(error.kind() == ddat::NameKind::release);
        REQUIRE_FALSE(error.suggestions().empty());
        CHECK(error.suggestions().front() == "2025-10");
    }
}

TEST_CASE("releases: no built-in text keeps the publisher's 'initiative' to 'topic' error", "[releases]") {
    const ddat::Skill& skill = ddat::resolve_skill(current(), "ownership-and-initiative");
    CHECK(skill.name == "Ownership and initiative");
    CHECK(&ddat::resolve_skill(current(), "ownership-and-topic") == &skill);
    CHECK(&ddat::resolve_skill(current(), "Ownership and topic") == &skill);
    const auto bad = [](const std::string& text) {
        return contains(text, "use your topic") || contains(text, "Ownership and topic") ||
               contains(text, "architectural topics with high levels") || contains(text, "organisation's topics");
    };
    for (const auto& s : current().skills()) {
        CHECK_FALSE(bad(s.name + s.description));
        for (const auto& level : s.levels) {
            CHECK_FALSE(bad(level.description));
        }
    }
    for (const ddat::RoleLevel* level : current().all_levels()) {
        CHECK_FALSE(bad(level->description));
        for (const auto& r : level->requirements) {
            CHECK_FALSE(bad(r.description));
        }
    }
    REQUIRE(current().metadata().corrections.size() == 4);
    CHECK(current().metadata().corrections[0].phrase == "Ownership and topic");
    CHECK(current().metadata().corrections[0].count == 47);
}

TEST_CASE("releases: importing the kept download again gives the committed files byte for byte", "[releases]") {
    ddat::ImportOptions options;
    options.version = "2025-10";
    options.published = "2025-10";
    options.corrections = ddat::load_corrections(read_file(kRelease / "corrections.yaml"), "corrections.yaml");
    options.order_overrides = ddat::load_order_overrides(read_file(kRelease / "level-order.yaml"), "level-order.yaml");
    const ddat::ImportResult result = ddat::import_framework_csv(
        read_file(kRelease / "download" / "role-content.csv"), "role-content.csv",
        read_file(kRelease / "download" / "skill-descriptions.csv"), "skill-descriptions.csv", options);
    const auto files = ddat::framework_to_yaml(result.framework);
    std::size_t committed = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kRelease / "framework")) {
        committed += entry.is_regular_file() ? 1 : 0;
    }
    CHECK(files.size() == committed);
    for (const auto& file : files) {
        INFO(file.name);
        CHECK(file.text == read_file(kRelease / "framework" / file.name));
    }
}

TEST_CASE("releases: every role's level order has a source, and the UCD roles put Associate first", "[releases]") {
    const auto orders = ddat::load_order_overrides(read_file(kRelease / "level-order.yaml"), "level-order.yaml");
    CHECK(orders.size() == 52);
    for (const auto& order : orders) {
        INFO(order.role);
        CHECK_FALSE(order.source.empty());
        const ddat::Role& role = ddat::resolve_role(current(), order.role);
        CHECK(level_names(role) == order.levels);
    }
    for (const char* role :
         {"content-designer", "graphic-designer", "interaction-designer", "service-designer", "user-researcher"}) {
        INFO(role);
        const auto names = level_names(ddat::resolve_role(current(), role));
        REQUIRE(names.size() >= 2);
        CHECK(names[0].starts_with("Associate"));
        CHECK(names[1].starts_with("Junior"));
    }
}

TEST_CASE("releases: management levels are a track that path and match step around", "[releases]") {
    const ddat::Role& role = ddat::resolve_role(current(), "software-developer");
    int on_track = 0;
    for (const auto& level : role.levels) {
        CHECK((level.track == "management") == level.name.ends_with(" - management"));
        on_track += level.track.empty() ? 0 : 1;
    }
    CHECK(on_track == 3);
    const auto path = ddat::find_path(current(), ddat::resolve_level(current(), "senior-developer"),
                                      ddat::resolve_level(current(), "lead-developer"));
    REQUIRE(path.steps.size() == 1);
    CHECK(path.steps[0].to->id == "lead-developer");
    const auto to_track = ddat::find_path(current(), ddat::resolve_level(current(), "developer"),
                                          ddat::resolve_level(current(), "lead-developer-management"));
    REQUIRE(to_track.steps.size() == 3);
    CHECK(to_track.steps[0].to->id == "senior-developer");
    CHECK(to_track.steps[1].to->id == "lead-developer");
    CHECK(to_track.steps[2].to->id == "lead-developer-management");
}

TEST_CASE("releases: 2025-10 knows the skills renamed since 2020-01, and no other 2020 skill is lost", "[releases]") {
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    REQUIRE(current().renamed_skills().size() == 2);
    for (const auto& rename : current().renamed_skills()) {
        CHECK(rename.since == "2025-10");
        CHECK(old.find_skill(rename.old_id) != nullptr);
        CHECK(current().find_skill(rename.new_id) != nullptr);
    }
    for (const auto& skill : old.skills()) {
        INFO(skill.id);
        const bool renamed = std::any_of(current().renamed_skills().begin(), current().renamed_skills().end(),
                                         [&](const ddat::SkillRename& r) { return r.old_id == skill.id; });
        CHECK((current().find_skill(skill.id) != nullptr) != renamed);
    }
    const ddat::Renames known = ddat::renames_known_to(old, current());
    CHECK(known.skills.at("relationship-management") == "stakeholder-relationship-management-it-operations");
    CHECK(known.skills.at("service-reporting") == "it-service-reporting");
}

TEST_CASE("releases: an assessment with 2020 names is read into 2025-10 with a note for each", "[releases]") {
    std::vector<ddat::Diagnostic> warnings;
    const ddat::SelfAssessment person = ddat::parse_self_assessment(
        "skills:\n  Relationship management: practitioner\n  service-reporting: working\n  "
        "asset-and-configuration-management: working\n",
        "me.yaml", current(), warnings);
    CHECK(warnings.empty());
    REQUIRE(person.notes.size() == 2);
    CHECK(person.notes[0].location.line == 2);
    CHECK(person.notes[0].message ==
          "'relationship-management' is 'Stakeholder relationship management (IT operations)' since 2025-10: read "
          "as 'stakeholder-relationship-management-it-operations'");
    REQUIRE(person.find_skill("stakeholder-relationship-management-it-operations") != nullptr);
    CHECK(person.find_skill("it-service-reporting") != nullptr);
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    const auto gone =
        ddat::skills_no_longer_required(person, ddat::resolve_level(current(), "senior-brm"), current(), old);
    REQUIRE(gone.size() == 2);
    CHECK(gone[0]->skill_id == "it-service-reporting");
    CHECK(gone[1]->skill_id == "asset-and-configuration-management");
}

TEST_CASE("changes: renames are detected from names, role levels and texts", "[releases][changes]") {
    const ddat::Framework old = ddat::load_builtin_framework("2020-01");
    const auto detected = ddat::detect_skill_renames(old, current(), ddat::Renames{});
    const auto found = [&](const std::string& from, const std::string& to) {
        return std::any_of(detected.begin(), detected.end(), [&](const ddat::DetectedRename& d) {
            return d.old_id == from && d.new_id == to && d.similarity >= ddat::kMinRenameSimilarity;
        });
    };
    CHECK(found("relationship-management", "stakeholder-relationship-management-it-operations"));
    CHECK(found("service-reporting", "it-service-reporting"));
    CHECK(detected.size() == 2);
    CHECK(ddat::detect_skill_renames(current(), current(), ddat::Renames{}).empty());
    const ddat::Renames known = ddat::renames_known_to(old, current());
    CHECK(ddat::detect_skill_renames(old, current(), known).empty());
}

TEST_CASE("import: a correction whose phrase is found another number of times is refused at its place",
          "[import][releases]") {
    const std::string corrections =
        "corrections:\n"
        "  - phrase: \"Users first\"\n"
        "    replacement: \"Users foremost\"\n"
        "    reason: \"a test\"\n"
        "    expected: {role_content: 99, skill_descriptions: 0}\n";
    const auto rules = ddat::load_corrections(corrections, "c.yaml");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].location.line == 2);
    const auto problems = ddat_test::input_problems(
        [&] {
            const std::string roles =
                "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,"
                "Skill Level,Skill Level Description,Role Type\n"
                "Data,Analyst,Users first.,Analyst,A.,Users first,Users first always.,Working,W.,\n";
            const std::string skills =
                "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n"
                "Users first,Users first always.,a,w,p,e,Analyst\n";
            ddat::ImportOptions options;
            options.corrections = rules;
            (void)ddat::import_framework_csv(roles, "roles.csv", skills, "skills.csv", options);
        },
        "the import succeeded");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].location.line == 2);
    CHECK(contains(problems[0].message, "is in roles.csv 3 times, where the correction expects 99"));
    CHECK(contains(problems[1].message, "is in skills.csv 2 times, where the correction expects 0"));
}

TEST_CASE("import: a skill whose name a correction changed answers to its published id", "[import][releases]") {
    const std::string roles =
        "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,"
        "Skill Level,Skill Level Description,Role Type\n"
        "Data,Analyst,D.,Analyst,A.,Ownership and topic,O.,Working,W.,\n"
        "Data,Analyst,D.,Senior analyst - management,A.,Ownership and topic,O.,Working,W.,\n";
    const std::string skills =
        "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n"
        "Ownership and topic,O.,a,w,p,e,Analyst\n";
    ddat::ImportOptions options;
    options.corrections = ddat::load_corrections(
        "corrections:\n  - phrase: Ownership and topic\n    replacement: Ownership and initiative\n    reason: r\n"
        "    expected: {role_content: 2, skill_descriptions: 1}\n",
        "c.yaml");
    const ddat::ImportResult result = ddat::import_framework_csv(roles, "roles.csv", skills, "skills.csv", options);
    REQUIRE(result.framework.skills().size() == 1);
    CHECK(result.framework.skills()[0].id == "ownership-and-initiative");
    CHECK(result.framework.skills()[0].aliases == std::vector<std::string>{"ownership-and-topic"});
    REQUIRE(result.report.corrections.size() == 1);
    CHECK(result.report.corrections[0].in_role_content == 2);
    CHECK(result.report.corrections[0].in_skill_descriptions == 1);
    CHECK(result.framework.metadata().corrections.at(0).count == 3);
    CHECK(ddat::resolve_level(result.framework, "senior-analyst-management").track == "management");
    CHECK(ddat::resolve_level(result.framework, "analyst").track.empty());
}

TEST_CASE("releases: the built-in releases naming a role or role level, other than the one in use", "[releases]") {
    using ddat::NameKind;
    CHECK(ddat::builtin_releases_naming(NameKind::role_level, "service-manager", "2025-10") ==
          std::vector<std::string>{"2020-01"});
    CHECK(ddat::builtin_releases_naming(NameKind::role, "service-manager", "2025-10") ==
          std::vector<std::string>{"2020-01"});
    CHECK(ddat::builtin_releases_naming(NameKind::role_level, "it-service-manager", "2020-01") ==
          std::vector<std::string>{"2025-10"});
    // The release in use is never named, nor one that does not have it, nor any for a skill.
    CHECK(ddat::builtin_releases_naming(NameKind::role_level, "service-manager", "2020-01").empty());
    CHECK(ddat::builtin_releases_naming(NameKind::role_level, "no-such-level", "2025-10").empty());
    CHECK(ddat::builtin_releases_naming(NameKind::skill, "service-manager", "2025-10").empty());
}
