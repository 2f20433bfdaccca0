// Loading a framework from YAML: a valid copy, and one test per problem the loader reports, each
// checking the file, line, column and message of the diagnostic.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "ddat/model.hpp"
#include "ddat/write/framework_writer.hpp"
#include "helpers.hpp"

using ddat::Diagnostic;
using ddat::SkillLevel;
using ddat::SourceFile;
using ddat_test::check_diagnostic;
using ddat_test::contains;
using ddat_test::describe;
using ddat_test::load_problems;
using ddat_test::only;
using ddat_test::TempDir;

namespace {

// A complete, valid framework in one file.
const std::string kMinimal = R"yaml(framework:
  title: Test framework
  licence: Open Government Licence v3.0
families:
  - id: ops
    name: Operations
skills:
  - id: relationship-management
    name: Relationship management
    levels:
      awareness: Knows about it.
      expert: Leads it.
  - id: user-focus
    name: User focus
roles:
  - id: brm
    name: Business relationship manager
    family: ops
    levels:
      - id: brm-one
        name: BRM one
        aliases: [b1, first-brm]
        pay_band: SEO
        senior_civil_service: no
        responsibilities:
          - liaise with the business
        requirements:
          relationship-management:
            level: practitioner
            description: Builds relationships.
          user-focus:
            level: Working
      - id: brm-two
        name: BRM two
        senior_civil_service: yes
        responsibilities:
          - heading: Delivery
            items:
              - deliver things
        criteria:
          - id: seeing-the-big-picture
            name: Seeing the big picture
            kind: competence
            essential: [understand the context]
            desirable: [anticipate change]
)yaml";

// The metadata, one family and two skills: the file beside a roles file under test.
const SourceFile kHead{"framework.yaml", R"yaml(framework:
  title: Test framework
families:
  - id: ops
    name: Operations
skills:
  - id: relationship-management
    name: Relationship management
  - id: user-focus
    name: User focus
)yaml"};

// The problems of loading kHead with a roles file "roles.yaml" holding this text.
std::vector<Diagnostic> role_problems(const std::string& roles) {
    return load_problems({kHead, SourceFile{"roles.yaml", roles}});
}

}  // namespace

// --- A valid framework -------------------------------------------------------------------------

TEST_CASE("a minimal framework loads with its metadata, families, skills and roles", "[yaml]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", kMinimal}});
    CHECK(f.metadata().title == "Test framework");
    CHECK(f.metadata().licence == "Open Government Licence v3.0");
    CHECK(f.files() == std::vector<std::string>{"f.yaml"});
    REQUIRE(f.families().size() == 1);
    CHECK(f.families()[0].id == "ops");
    CHECK(f.families()[0].name == "Operations");
    REQUIRE(f.skills().size() == 2);
    CHECK(f.skills()[0].id == "relationship-management");
    CHECK(f.skills()[1].name == "User focus");
    REQUIRE(f.roles().size() == 1);
    CHECK(f.roles()[0].family_id == "ops");
    CHECK(f.roles()[0].levels.size() == 2);
}

TEST_CASE("a minimal framework keeps a skill's level descriptions in ascending order", "[yaml]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", kMinimal}});
    const ddat::Skill* skill = f.find_skill("relationship-management");
    REQUIRE(skill != nullptr);
    REQUIRE(skill->levels.size() == 2);
    CHECK(skill->levels[0].level == SkillLevel::awareness);
    CHECK(skill->levels[0].description == "Knows about it.");
    CHECK(skill->levels[1].level == SkillLevel::expert);
}

TEST_CASE("a minimal framework's role level has its aliases, fields and requirements", "[yaml]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", kMinimal}});
    const ddat::RoleLevel* level = f.find_level("brm-one");
    REQUIRE(level != nullptr);
    CHECK(level->role_id == "brm");
    CHECK(level->name == "BRM one");
    CHECK(level->aliases == std::vector<std::string>{"b1", "first-brm"});
    CHECK(level->pay_band == "SEO");
    CHECK_FALSE(level->senior_civil_service);
    REQUIRE(level->responsibilities.size() == 1);
    CHECK(level->responsibilities[0].heading.empty());
    CHECK(level->responsibilities[0].items == std::vector<std::string>{"liaise with the business"});
    REQUIRE(level->requirements.size() == 2);
    CHECK(level->requirements[0].skill_id == "relationship-management");
    CHECK(level->requirements[0].level == SkillLevel::practitioner);
    CHECK(level->requirements[0].description == "Builds relationships.");
    CHECK(level->requirements[0].location.file == "f.yaml");
    CHECK(level->requirements[0].location.line == 28);
    CHECK(level->requirements[0].location.column == 11);
    CHECK(level->requirements[1].skill_id == "user-focus");
    CHECK(level->requirements[1].level == SkillLevel::working);  // "Working": any letter case
}

TEST_CASE("a minimal framework's role level has its sections and criteria", "[yaml]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", kMinimal}});
    const ddat::RoleLevel* level = f.find_level("brm-two");
    REQUIRE(level != nullptr);
    CHECK(level->senior_civil_service);
    CHECK(level->requirements.empty());
    REQUIRE(level->responsibilities.size() == 1);
    CHECK(level->responsibilities[0].heading == "Delivery");
    CHECK(level->responsibilities[0].items == std::vector<std::string>{"deliver things"});
    REQUIRE(level->criteria.size() == 1);
    CHECK(level->criteria[0].id == "seeing-the-big-picture");
    CHECK(level->criteria[0].kind == ddat::CriterionKind::competence);
    CHECK(level->criteria[0].essential == std::vector<std::string>{"understand the context"});
    CHECK(level->criteria[0].desirable == std::vector<std::string>{"anticipate change"});
}

TEST_CASE("files are merged in the order given", "[yaml]") {
    const ddat::Framework f =
        ddat::load_framework_sources({kHead,
                                      {"roles.yaml",
                                       "roles:\n  - id: brm\n    name: B\n    family: ops\n    levels:\n"
                                       "      - id: brm-one\n        name: One\n"}});
    CHECK(f.files() == std::vector<std::string>{"framework.yaml", "roles.yaml"});
    CHECK(f.skills().size() == 2);
    REQUIRE(f.find_level("brm-one") != nullptr);
    CHECK(f.find_level("brm-one")->location.file == "roles.yaml");
}

// --- Problems in the shape of a file ------------------------------------------------------------

TEST_CASE("a file that is a list, not a mapping, is an error at 1:1", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("- framework\n- skills\n"));
    check_diagnostic(
        d,
        {.file = "f.yaml", .line = 1, .column = 1, .contains = {"a framework file must be a mapping", "not a list"}});
}

TEST_CASE("a file that is plain text, not a mapping, is an error", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("just some words\n"));
    check_diagnostic(d, {.line = 1, .contains = {"must be a mapping", "not text"}});
}

TEST_CASE("an unknown top-level key is an error suggesting the nearest key", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\nskils: []\n"));
    check_diagnostic(
        d, {.file = "f.yaml", .line = 3, .column = 1, .contains = {"unknown key 'skils'", "did you mean 'skills'?"}});
}

TEST_CASE("an unknown key unlike any allowed one lists the allowed keys", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\nzzzzzzzz: 1\n"));
    check_diagnostic(
        d, {.line = 3, .contains = {"unknown key 'zzzzzzzz'", "expected one of: framework, families, skills, roles"}});
}

TEST_CASE("a missing required key is an error at the mapping that lacks it", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    family: ops
    levels:
      - id: brm-one
        name: One
)yaml"));
    check_diagnostic(d, {.file = "roles.yaml", .line = 2, .column = 5, .message = "a role has no 'name': add it"});
}

TEST_CASE("a required key left without a value is an error", "[yaml][errors]") {
    // "Every required key is present and every value has the right type": `name:` with nothing
    // after it is not a name.
    const Diagnostic d = only(load_problems(R"yaml(framework:
  title: T
skills:
  - id: user-focus
    name:
)yaml"));
    check_diagnostic(d, {.file = "f.yaml", .line = 5, .contains = {"name"}});
}

TEST_CASE("a framework without metadata is an error", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("families:\n  - id: ops\n    name: Ops\n"));
    check_diagnostic(d, {.file = "f.yaml", .contains = {"no file of the framework has 'framework:' metadata"}});
}

TEST_CASE("metadata given in two files is an error naming the first", "[yaml][errors]") {
    const Diagnostic d = only(load_problems({kHead, {"more.yaml", "framework:\n  title: Again\n"}}));
    check_diagnostic(d, {.file = "more.yaml",
                         .line = 2,
                         .contains = {"the framework metadata is already given at framework.yaml:2:3"}});
}

TEST_CASE("a list where text is expected is an error naming both", "[yaml][errors]") {
    const Diagnostic d = only(load_problems(R"yaml(framework:
  title: T
skills:
  - id: user-focus
    name: [User, focus]
)yaml"));
    check_diagnostic(d, {.line = 5, .column = 11, .message = "the skill name must be text, not a list"});
}

TEST_CASE("a mapping where a list is expected is an error", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\nskills:\n  id: user-focus\n"));
    check_diagnostic(d, {.line = 4, .column = 3, .contains = {"'skills' must be a list", "not a mapping"}});
}

TEST_CASE("an invalid id is an error suggesting its slug", "[yaml][errors]") {
    const Diagnostic d = only(load_problems(R"yaml(framework:
  title: T
skills:
  - id: User Focus
    name: User focus
)yaml"));
    check_diagnostic(
        d,
        {.line = 4, .column = 9, .contains = {"the skill id 'User Focus' is not a valid id", "such as 'user-focus'"}});
}

TEST_CASE("an invalid level word is an error listing the four levels", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        requirements:
          user-focus:
            level: guru
)yaml"));
    check_diagnostic(d, {.file = "roles.yaml",
                         .line = 10,
                         .column = 20,
                         .message = "'guru' is not a skill level: use awareness, working, practitioner or expert"});
}

TEST_CASE("a required level of none is an error", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        requirements:
          user-focus:
            level: none
)yaml"));
    check_diagnostic(d, {.line = 10, .contains = {"'none' is not a skill level"}});
}

TEST_CASE("an unknown skill in requirements is an error suggesting the nearest skill", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        requirements:
          relationship-managment:
            level: working
)yaml"));
    check_diagnostic(d, {.file = "roles.yaml",
                         .line = 9,
                         .column = 11,
                         .message = "unknown skill 'relationship-managment': did you mean 'relationship-management'?"});
}

TEST_CASE("an unknown skill in a role's skills is an error", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    skills:
      user-focs: What user focus means here.
    levels:
      - id: brm-one
        name: One
)yaml"));
    check_diagnostic(d, {.line = 6, .column = 7, .message = "unknown skill 'user-focs': did you mean 'user-focus'?"});
}

TEST_CASE("an unknown family is an error at the role's family", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: opps
    levels:
      - id: brm-one
        name: One
)yaml"));
    check_diagnostic(
        d, {.file = "roles.yaml", .line = 4, .column = 13, .message = "unknown family 'opps': did you mean 'ops'?"});
}

TEST_CASE("a role without levels is an error", "[yaml][errors]") {
    const Diagnostic d = only(role_problems("roles:\n  - id: brm\n    name: B\n    family: ops\n    levels: []\n"));
    check_diagnostic(d, {.line = 5, .message = "a role needs at least one level"});
}

TEST_CASE("an unknown criterion kind is an error", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        criteria:
          - id: c1
            name: C
            kind: behaviour
)yaml"));
    check_diagnostic(d, {.line = 11, .contains = {"'behaviour' is not a criterion kind"}});
}

TEST_CASE("a criterion id twice in one level is an error naming the first", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        criteria:
          - {id: c1, name: C, kind: competence}
          - {id: c1, name: D, kind: competence}
)yaml"));
    check_diagnostic(
        d, {.line = 10, .message = "criterion id 'c1' is used twice in this role level (first at roles.yaml:9:13)"});
}

// --- Duplicates --------------------------------------------------------------------------------

TEST_CASE("a key twice in a mapping is an error at the second naming the first's line", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\n  title: U\n"));
    check_diagnostic(d, {.file = "f.yaml",
                         .line = 3,
                         .column = 3,
                         .message = "'title' appears twice in 'framework' (first at line 2): keep one"});
}

TEST_CASE("a skill required twice by one level is an error at the second", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        requirements:
          user-focus:
            level: working
          user-focus:
            level: expert
)yaml"));
    check_diagnostic(
        d, {.line = 11, .message = "'user-focus' appears twice in 'requirements' (first at line 9): keep one"});
}

TEST_CASE("a role level id defined in two files is an error naming both places", "[yaml][errors]") {
    const std::vector<Diagnostic> problems = load_problems(
        {kHead,
         {"a.yaml",
          "roles:\n  - id: brm\n    name: B\n    family: ops\n    levels:\n      - id: shared\n        name: S\n"},
         {"b.yaml",
          "roles:\n  - id: itsm\n    name: I\n    family: ops\n    levels:\n      - id: shared\n        name: S\n"}});
    const Diagnostic d = only(problems);
    check_diagnostic(d, {.file = "b.yaml",
                         .line = 6,
                         .column = 9,
                         .message = "role level id 'shared' is already defined at a.yaml:6:9"});
}

TEST_CASE("a skill id defined twice is an error naming the first place", "[yaml][errors]") {
    const Diagnostic d = only(load_problems({kHead, {"more.yaml", "skills:\n  - id: user-focus\n    name: Again\n"}}));
    check_diagnostic(
        d,
        {.file = "more.yaml", .line = 2, .message = "skill id 'user-focus' is already defined at framework.yaml:9:5"});
}

TEST_CASE("an alias that is another level's id is an error", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        aliases: [brm-two]
      - id: brm-two
        name: Two
)yaml"));
    check_diagnostic(d, {.file = "roles.yaml",
                         .line = 8,
                         .column = 19,
                         .message = "alias 'brm-two' is the id of another role level, defined at roles.yaml:9:9"});
}

TEST_CASE("an alias used by two levels is an error naming the first use", "[yaml][errors]") {
    const Diagnostic d = only(role_problems(R"yaml(roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        aliases: [b]
      - id: brm-two
        name: Two
        aliases: [b]
)yaml"));
    check_diagnostic(d, {.line = 11, .column = 19, .message = "alias 'b' is already used at roles.yaml:8:19"});
}

TEST_CASE("an alias equal to its own level's id is allowed", "[yaml]") {
    const auto f =
        ddat::load_framework_sources({kHead,
                                      {"roles.yaml",
                                       "roles:\n  - id: brm\n    name: B\n    family: ops\n    levels:\n"
                                       "      - id: brm-one\n        name: One\n        aliases: [brm-one, b1]\n"}});
    CHECK(f.find_level("brm-one")->aliases.size() == 2);
}

// --- Problems in the YAML itself ----------------------------------------------------------------

TEST_CASE("a YAML alias with its anchor is rejected at the anchor, before anything is expanded", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: &t Test\n  publisher: *t\n"));
    check_diagnostic(d, {.file = "f.yaml", .line = 2, .contains = {"YAML anchors (&name) are not supported"}});
}

TEST_CASE("a YAML alias without an anchor is rejected at the alias", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: Test\n  publisher: *t\n"));
    check_diagnostic(d, {.file = "f.yaml",
                         .line = 3,
                         .column = 14,
                         .contains = {"not valid YAML: the referenced anchor is not defined"}});
}

TEST_CASE("a YAML anchor is rejected, as docs/framework-format.md says", "[yaml][errors]") {
    // "YAML anchors and aliases (&name, *name) are not allowed: write the text out."
    const Diagnostic d = only(load_problems("framework:\n  title: &t Test\n"));
    check_diagnostic(d, {.file = "f.yaml", .line = 2, .contains = {"anchor"}});
}

TEST_CASE("nesting 100 levels deep is allowed", "[yaml][errors]") {
    // A list nested 100 deep parses; the only problem is that the file is a list, not a mapping.
    const Diagnostic d = only(load_problems(std::string(100, '[') + std::string(100, ']') + "\n"));
    check_diagnostic(d, {.contains = {"must be a mapping"}, .lacks = {"nested"}});
}

TEST_CASE("nesting deeper than 100 levels is an error at the level too deep", "[yaml][errors]") {
    const Diagnostic d = only(load_problems(std::string(101, '[') + std::string(101, ']') + "\n"));
    check_diagnostic(d, {.file = "f.yaml", .line = 1, .column = 101, .message = "nested more than 100 levels deep"});
}

TEST_CASE("very deep nesting is rejected without exhausting the stack", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("x: " + std::string(100000, '[')));
    CHECK(contains(d.message, "nested more than 100 levels deep"));
}

TEST_CASE("invalid UTF-8 is an error at the line and column of the bad byte", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: Caf\xC3\xA9 \xFF\n"));
    // The column is in bytes: "  title: Caf" is 12, the e-acute 2, the space 1.
    check_diagnostic(d, {.file = "f.yaml", .line = 2, .column = 16, .contains = {"not valid UTF-8"}});
}

TEST_CASE("an encoded surrogate is invalid UTF-8", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\n  publisher: \xED\xA0\x80\n"));
    check_diagnostic(d, {.line = 3, .column = 14, .contains = {"not valid UTF-8"}});
}

TEST_CASE("a NUL byte is an error", "[yaml][errors]") {
    using namespace std::string_literals;
    const Diagnostic d = only(load_problems("framework:\n  title: T\0x\n"s));
    check_diagnostic(d, {.line = 2, .column = 11, .contains = {"NUL byte"}});
}

TEST_CASE("a byte-order mark is accepted", "[yaml]") {
    const auto f = ddat::load_framework_sources({{"f.yaml", "\xEF\xBB\xBF" + kMinimal}});
    CHECK(f.metadata().title == "Test framework");
    CHECK(f.roles().size() == 1);
}

TEST_CASE("a byte-order mark does not shift the places of problems", "[yaml][errors]") {
    const Diagnostic d =
        only(load_problems("\xEF\xBB\xBF"
                           "framework:\n  title: T\nskils: []\n"));
    check_diagnostic(d, {.line = 3, .column = 1});
}

TEST_CASE("CRLF line ends are accepted and do not end up in the values", "[yaml]") {
    std::string crlf;
    for (const char c : kMinimal) {
        if (c == '\n') {
            crlf += '\r';
        }
        crlf += c;
    }
    const auto f = ddat::load_framework_sources({{"f.yaml", crlf}});
    CHECK(f.metadata().title == "Test framework");
    REQUIRE(f.find_level("brm-one") != nullptr);
    CHECK(f.find_level("brm-one")->name == "BRM one");
    CHECK(f.find_level("brm-one")->requirements[0].description == "Builds relationships.");
    CHECK(f.find_level("brm-one")->requirements[0].location.line == 28);
}

TEST_CASE("CRLF line ends keep the places of problems", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\r\n  title: T\r\nskils: []\r\n"));
    check_diagnostic(d, {.line = 3, .column = 1});
}

TEST_CASE("a YAML syntax error is reported with its line and column", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\n  publisher: a: b\n"));
    check_diagnostic(d, {.file = "f.yaml", .line = 3, .contains = {"not valid YAML"}});
    CHECK(d.location.column > 0);
}

TEST_CASE("an unclosed flow list is a syntax error with a place", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: [unclosed\n"));
    CHECK(d.location.line > 0);
    CHECK(d.location.column > 0);
    CHECK(contains(d.message, "not valid YAML"));
}

TEST_CASE("a quoted text never closed is a syntax error where it starts", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: \"Test\nskills: []\n"));
    check_diagnostic(d, {.line = 2, .column = 10, .contains = {"never closed"}});
}

TEST_CASE("a stray character that starts no document is a syntax error", "[yaml][errors]") {
    const Diagnostic d = only(load_problems(",\n"));
    check_diagnostic(d, {.line = 1, .contains = {"not valid YAML"}});
}

TEST_CASE("an empty file is an error", "[yaml][errors]") {
    const Diagnostic d = only(load_problems(""));
    check_diagnostic(d, {.file = "f.yaml", .contains = {"the file is empty"}});
}

TEST_CASE("a file of comments only is empty", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("# nothing here yet\n\n"));
    CHECK(contains(d.message, "the file is empty"));
}

TEST_CASE("a document start marker before the only document is accepted", "[yaml]") {
    const auto f = ddat::load_framework_sources({{"f.yaml", "---\n" + kMinimal}});
    CHECK(f.metadata().title == "Test framework");
}

TEST_CASE("a file larger than 32 MiB is refused before it is parsed", "[yaml][errors]") {
    const std::string huge = "framework:\n  title: T\n#" + std::string(ddat::kMaxFrameworkFileBytes, 'x') + "\n";
    const Diagnostic d = only(load_problems(huge));
    check_diagnostic(d, {.file = "f.yaml", .contains = {"larger than 32 MiB"}});
}

TEST_CASE("two YAML documents in one file are an error at the second", "[yaml][errors]") {
    const Diagnostic d = only(load_problems("framework:\n  title: T\n---\nskills: []\n"));
    check_diagnostic(d, {.file = "f.yaml", .line = 4, .contains = {"more than one YAML document"}});
}

TEST_CASE("every problem of a file is reported, in file order", "[yaml][errors]") {
    const std::vector<Diagnostic> problems = load_problems(R"yaml(framework:
  title: T
  titel: U
families:
  - id: Ops
    name: Operations
skills:
  - id: user-focus
roles:
  - id: brm
    name: B
    family: ops
    levels:
      - id: brm-one
        name: One
        requirements:
          user-focus:
            level: guru
)yaml");
    INFO(describe(problems));
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].location.line == 3);
    CHECK(contains(problems[0].message, "unknown key 'titel'"));
    CHECK(problems[1].location.line == 5);
    CHECK(contains(problems[1].message, "'Ops' is not a valid id"));
    CHECK(problems[2].location.line == 8);
    CHECK(problems[2].message == "a skill has no 'name': add it");
    CHECK(problems[3].location.line == 12);
    CHECK(contains(problems[3].message, "unknown family 'ops'"));
    CHECK(problems[4].location.line == 18);
    CHECK(contains(problems[4].message, "'guru' is not a skill level"));
}

TEST_CASE("problems of several files are reported file by file", "[yaml][errors]") {
    const std::vector<Diagnostic> problems = load_problems(
        {{"a.yaml", "framework:\n  title: T\n  titel: U\n"}, {"b.yaml", "skils: []\n"}, {"c.yaml", "roles: {}\n"}});
    INFO(describe(problems));
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].location.file == "a.yaml");
    CHECK(problems[1].location.file == "b.yaml");
    CHECK(problems[2].location.file == "c.yaml");
}

TEST_CASE("InputError's what() is the first diagnostic formatted", "[yaml][errors]") {
    try {
        (void)ddat::load_framework_sources({{"f.yaml", "framework:\n  title: T\nskils: []\n"}});
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        CHECK(std::string(error.what()) ==
              "f.yaml:3:1: unknown key 'skils' in a framework file: did you mean 'skills'?");
    }
}

TEST_CASE("format_diagnostic leaves out the parts of a place that are unknown", "[yaml]") {
    CHECK(ddat::format_diagnostic({{"f.yaml", 3, 7}, "bad"}) == "f.yaml:3:7: bad");
    CHECK(ddat::format_diagnostic({{"f.yaml", 3, 0}, "bad"}) == "f.yaml:3: bad");
    CHECK(ddat::format_diagnostic({{"f.yaml", 0, 0}, "bad"}) == "f.yaml: bad");
    CHECK(ddat::format_diagnostic({{"", 0, 0}, "bad"}) == "bad");
}

// --- Files and folders -------------------------------------------------------------------------

TEST_CASE("load_framework reads every YAML file of a folder, in path order", "[yaml][files]") {
    const TempDir dir;
    dir.write("framework.yaml", kHead.text);
    const std::string roles = dir.write("roles/brm.yml",
                                        "roles:\n  - id: brm\n    name: B\n    family: ops\n    levels:\n"
                                        "      - id: brm-one\n        name: One\n");
    dir.write("notes.txt", "not YAML: ignored");
    const ddat::Framework f = ddat::load_framework(dir.path().string());
    REQUIRE(f.files().size() == 2);
    CHECK(f.files()[0] == (dir.path() / "framework.yaml").string());
    CHECK(f.files()[1] == roles);
    CHECK(f.skills().size() == 2);
    REQUIRE(f.find_level("brm-one") != nullptr);
    CHECK(f.find_level("brm-one")->location.file == roles);
}

TEST_CASE("a framework folder is scanned as a team's is: extensions in any case, hidden files left out",
          "[yaml][files]") {
    const TempDir dir;
    dir.write("framework.yaml", kHead.text);
    const std::string roles = dir.write("roles/BRM.YML",
                                        "roles:\n  - id: brm\n    name: B\n    family: ops\n    levels:\n"
                                        "      - id: brm-one\n        name: One\n");
    dir.write("roles/._BRM.YML", std::string("\0\x05\x16\x07", 4));  // what macOS leaves on a copy
    dir.write(".git/config.yaml", "not: [a framework");
    const ddat::Framework f = ddat::load_framework(dir.path().string());
    CHECK(f.files() == std::vector<std::string>{(dir.path() / "framework.yaml").string(), roles});
    CHECK(f.find_level("brm-one") != nullptr);
}

TEST_CASE("load_framework reads a single file", "[yaml][files]") {
    const TempDir dir;
    const std::string file = dir.write("one.yaml", kMinimal);
    const ddat::Framework f = ddat::load_framework(file);
    CHECK(f.files() == std::vector<std::string>{file});
    CHECK(f.all_levels().size() == 2);
}

TEST_CASE("load_framework names the file of a problem in a folder", "[yaml][files]") {
    const TempDir dir;
    dir.write("framework.yaml", kHead.text);
    const std::string bad = dir.write("roles.yaml",
                                      "roles:\n  - id: brm\n    name: B\n    family: opps\n"
                                      "    levels:\n      - id: brm-one\n        name: One\n");
    try {
        (void)ddat::load_framework(dir.path().string());
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        const Diagnostic d = only(error.diagnostics());
        check_diagnostic(d, {.file = bad, .line = 4, .contains = {"unknown family 'opps'"}});
    }
    CHECK(ddat::validate_framework(dir.path().string()).size() == 1);
}

TEST_CASE("validate_framework of a valid framework finds nothing", "[yaml][files]") {
    const TempDir dir;
    const std::string file = dir.write("f.yaml", kMinimal);
    CHECK(ddat::validate_framework(file).empty());
}

TEST_CASE("load_framework of a missing path is an error naming the path", "[yaml][files]") {
    const TempDir dir;
    const std::string missing = (dir.path() / "no-such-framework").string();
    try {
        (void)ddat::load_framework(missing);
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        const Diagnostic d = only(error.diagnostics());
        check_diagnostic(d, {.file = missing, .message = "no such file or folder"});
        CHECK(d.location.line == 0);
    }
}

TEST_CASE("load_framework of a folder without YAML files is an error", "[yaml][files]") {
    const TempDir dir;
    dir.write("readme.txt", "nothing");
    try {
        (void)ddat::load_framework(dir.path().string());
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        CHECK(contains(error.what(), "the folder holds no .yaml or .yml file"));
    }
}

TEST_CASE("framework_files lists a folder's YAML files sorted, sub-folders included", "[yaml][files]") {
    const TempDir dir;
    const std::string b = dir.write("b.yaml", "x: 1\n");
    const std::string a = dir.write("a/z.yml", "x: 1\n");
    dir.write("c.json", "{}");
    CHECK(ddat::framework_files(dir.path().string()) == std::vector<std::string>{a, b});
}

TEST_CASE("the framework writer escapes the characters a YAML reader takes for line breaks", "[yaml][writer]") {
    ddat::Framework f = ddat::load_framework_sources({{"f.yaml", R"yaml(framework:
  title: T
families:
  - {id: ops, name: Ops}
skills:
  - {id: s, name: S}
roles:
  - id: r
    name: R
    family: ops
    levels:
      - id: one
        name: One
        requirements:
          s: {level: working}
)yaml"}});
    // U+0085 (which the reader makes of "\N"), U+2028, U+2029 and U+FEFF, on one line and on several
    const std::string one_line =
        "a\xC2\x85"
        "b\xE2\x80\xA8"
        "c\xE2\x80\xA9"
        "d\xEF\xBB\xBF"
        "e";
    const std::string lines =
        "first line\nsecond\xC2\x85"
        "line\nthird\xE2\x80\xA8"
        "line";
    ddat::FrameworkData parts = f.data();
    parts.skills[0].description = one_line;
    parts.roles[0].description = lines;
    const ddat::Framework back =
        ddat::load_framework_sources(ddat::framework_to_yaml(ddat::finish_framework(std::move(parts))));
    CHECK(back.skills()[0].description == one_line);
    CHECK(back.roles()[0].description == lines);
    CHECK(ddat::yaml_double_quoted("a\xC2\x85"
                                   "b") == "\"a\\u0085b\"");
}

TEST_CASE("a level not stated is empty, met by any level, and stays empty written and read back", "[yaml][model]") {
    const ddat::Framework f = ddat::load_framework_sources({{"f.yaml", R"yaml(framework:
  title: T
families:
  - {id: ops, name: Ops}
skills:
  - id: s
    name: S
    description: The skill as a whole.
    levels:
      awareness: Knows of it.
  - {id: t, name: T}
roles:
  - id: r
    name: R
    family: ops
    levels:
      - id: one
        name: One
        requirements:
          s: {level: unspecified}
          t: {level: awareness}
)yaml"}});
    const auto check = [](const ddat::Framework& framework) {
        const auto& requirements = framework.find_level("one")->requirements;
        REQUIRE(requirements.size() == 2);
        CHECK_FALSE(requirements[0].level.has_value());
        CHECK(requirements[1].level == ddat::SkillLevel::awareness);
        CHECK(ddat::level_to_meet(requirements[0]) == ddat::SkillLevel::awareness);
        CHECK(ddat::required_level_word(requirements[0]) == "unspecified");
        CHECK(ddat::required_level_word(requirements[1]) == "awareness");
        // Not the awareness text: the skill as a whole, since no level is asked.
        CHECK(framework.requirement_text(requirements[0]) == "The skill as a whole.");
    };
    check(f);
    check(ddat::load_framework_sources(ddat::framework_to_yaml(f)));
    const auto snapshot = ddat::read_snapshot(ddat::write_snapshot(f));
    REQUIRE(snapshot.has_value());
    check(*snapshot);
}
