// Reading a person's self-assessment against the built-in framework. It is personal data: the
// values a person wrote must never be echoed in a message.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "ddat/errors.hpp"
#include "ddat/load/self_assessment.hpp"
#include "helpers.hpp"

using ddat::CriterionStatus;
using ddat::Diagnostic;
using ddat::SkillLevel;
using ddat_test::builtin;
using ddat_test::check_diagnostic;
using ddat_test::contains;
using ddat_test::describe;
using ddat_test::only;

namespace {

ddat::SelfAssessment parse(const std::string& text, std::vector<Diagnostic>& warnings) {
    return ddat::parse_self_assessment(text, "me.yaml", builtin(), warnings);
}

ddat::SelfAssessment parse(const std::string& text) {
    std::vector<Diagnostic> warnings;
    ddat::SelfAssessment assessment = parse(text, warnings);
    INFO(describe(warnings));
    CHECK(warnings.empty());
    return assessment;
}

// The problems of an assessment that must not parse.
std::vector<Diagnostic> problems(const std::string& text) {
    std::vector<Diagnostic> warnings;
    return ddat_test::input_problems([&] { (void)parse(text, warnings); }, "the self-assessment parsed");
}

}  // namespace

TEST_CASE("a self-assessment reads level words and numbers", "[assessment]") {
    const auto a = parse(R"yaml(skills:
  relationship-management: practitioner
  user-focus: 3
  service-focus: Expert
  strategic-thinking: 0
)yaml");
    REQUIRE(a.skills.size() == 4);
    CHECK(a.file == "me.yaml");
    CHECK(a.find_skill("relationship-management")->level == SkillLevel::practitioner);
    CHECK(a.find_skill("user-focus")->level == SkillLevel::practitioner);
    CHECK(a.find_skill("service-focus")->level == SkillLevel::expert);
    CHECK(a.find_skill("strategic-thinking")->level == SkillLevel::none);
    CHECK(a.find_skill("service-reporting") == nullptr);
}

TEST_CASE("a self-assessment keeps the skills in file order with their places", "[assessment]") {
    const auto a = parse("skills:\n  user-focus: working\n  service-focus: awareness\n");
    REQUIRE(a.skills.size() == 2);
    CHECK(a.skills[0].skill_id == "user-focus");
    CHECK(a.skills[0].location.file == "me.yaml");
    CHECK(a.skills[0].location.line == 2);
    CHECK(a.skills[0].location.column == 3);
    CHECK(a.skills[1].skill_id == "service-focus");
    CHECK(a.skills[1].location.line == 3);
}

TEST_CASE("a skill entry may be a mapping with a level and evidence", "[assessment]") {
    const auto a = parse(R"yaml(skills:
  service-reporting:
    level: Working
    evidence: Wrote the commentary for the quarterly report.
)yaml");
    REQUIRE(a.skills.size() == 1);
    CHECK(a.skills[0].skill_id == "service-reporting");
    CHECK(a.skills[0].level == SkillLevel::working);
    CHECK(a.skills[0].evidence == "Wrote the commentary for the quarterly report.");
}

TEST_CASE("a skill is matched by its name in any letter case", "[assessment]") {
    const auto a = parse("skills:\n  Business analysis (IT operations): working\n  USER FOCUS: awareness\n");
    REQUIRE(a.skills.size() == 2);
    CHECK(a.skills[0].skill_id == "business-analysis-it-operations");
    CHECK(a.skills[1].skill_id == "user-focus");
    CHECK(a.skills[1].level == SkillLevel::awareness);
}

TEST_CASE("name, current and target are read, levels resolved to their ids", "[assessment]") {
    const auto a = parse(
        "name: Sam Example\ncurrent: brm\ntarget: Senior business relationship manager\n"
        "skills:\n  user-focus: working\n");
    CHECK(a.name == "Sam Example");
    CHECK(a.current_level_id == "business-relationship-manager");
    CHECK(a.target_level_id == "senior-business-relationship-manager");
}

TEST_CASE("current and target are empty when not given", "[assessment]") {
    const auto a = parse("skills:\n  user-focus: working\n");
    CHECK(a.name.empty());
    CHECK(a.current_level_id.empty());
    CHECK(a.target_level_id.empty());
}

TEST_CASE("criteria are read by id or name with their status", "[assessment]") {
    const auto a = parse(R"yaml(skills: {}
criteria:
  seeing-the-big-picture: met
  Delivering at pace: partly
  changing-and-improving:
    status: not-met
    evidence: Not yet.
)yaml");
    REQUIRE(a.criteria.size() == 3);
    CHECK(a.find_criterion("seeing-the-big-picture")->status == CriterionStatus::met);
    CHECK(a.find_criterion("delivering-at-pace")->status == CriterionStatus::partly);
    CHECK(a.find_criterion("changing-and-improving")->status == CriterionStatus::not_met);
    CHECK(a.find_criterion("changing-and-improving")->evidence == "Not yet.");
}

TEST_CASE("a file reads every status 'ddat assess' takes, and the reverse", "[assessment]") {
    const auto a = parse(R"yaml(skills: {}
criteria:
  seeing-the-big-picture: y
  Delivering at pace: P
  changing-and-improving: n
)yaml");
    REQUIRE(a.criteria.size() == 3);
    CHECK(a.find_criterion("seeing-the-big-picture")->status == CriterionStatus::met);
    CHECK(a.find_criterion("delivering-at-pace")->status == CriterionStatus::partly);
    CHECK(a.find_criterion("changing-and-improving")->status == CriterionStatus::not_met);
    for (const auto& [word, status] :
         std::vector<std::pair<std::string, CriterionStatus>>{{"met", CriterionStatus::met},
                                                              {"Yes", CriterionStatus::met},
                                                              {"true", CriterionStatus::met},
                                                              {"y", CriterionStatus::met},
                                                              {"partly", CriterionStatus::partly},
                                                              {"partially", CriterionStatus::partly},
                                                              {"p", CriterionStatus::partly},
                                                              {"not-met", CriterionStatus::not_met},
                                                              {"not met", CriterionStatus::not_met},
                                                              {"no", CriterionStatus::not_met},
                                                              {"false", CriterionStatus::not_met},
                                                              {"N", CriterionStatus::not_met}}) {
        CAPTURE(word);
        CHECK(ddat::parse_criterion_status(word) == status);
    }
    CHECK_FALSE(ddat::parse_criterion_status("maybe"));
}

TEST_CASE("a criterion is matched by its name in any letter case", "[assessment]") {
    // As `ddat level show` names it: the specialist-skills criterion is "Specialist skills and
    // expertise", whose slug is not its id.
    const auto a = parse(
        "skills: {}\ncriteria:\n  Specialist skills and expertise: partly\n"
        "  SEEING THE BIG PICTURE: met\n");
    REQUIRE(a.criteria.size() == 2);
    CHECK(a.criteria[0].criterion_id == "specialist-skills");
    CHECK(a.criteria[0].status == CriterionStatus::partly);
    CHECK(a.criteria[1].criterion_id == "seeing-the-big-picture");
}

TEST_CASE("an unknown skill is a warning naming the nearest skill, and the rest is read", "[assessment]") {
    std::vector<Diagnostic> warnings;
    const auto a = parse("skills:\n  relationship-managment: working\n  user-focus: expert\n", warnings);
    const Diagnostic w = only(warnings);
    check_diagnostic(
        w, {.file = "me.yaml",
            .line = 2,
            .message = "unknown skill 'relationship-managment', did you mean 'relationship-management'? (left out)"});
    REQUIRE(a.skills.size() == 1);
    CHECK(a.skills[0].skill_id == "user-focus");
}

TEST_CASE("an unknown criterion is a warning, and the rest is read", "[assessment]") {
    std::vector<Diagnostic> warnings;
    const auto a = parse("skills:\n  user-focus: expert\ncriteria:\n  seeing-the-big-pictur: met\n", warnings);
    const Diagnostic w = only(warnings);
    check_diagnostic(w, {.line = 4, .contains = {"did you mean 'seeing-the-big-picture'?"}});
    CHECK(a.criteria.empty());
    CHECK(a.skills.size() == 1);
}

TEST_CASE("warnings are added to those already collected", "[assessment]") {
    std::vector<Diagnostic> warnings{{{"earlier.yaml", 1, 1}, "an earlier warning"}};
    (void)parse("skills:\n  juggling: expert\n", warnings);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].message == "an earlier warning");
    CHECK(contains(warnings[1].message, "unknown skill 'juggling'"));
}

TEST_CASE("an invalid level is an error listing the valid levels without echoing the value", "[assessment][privacy]") {
    const std::string secret = "guru-level-9000";
    std::vector<Diagnostic> warnings;
    try {
        (void)parse("skills:\n  user-focus: " + secret + "\n", warnings);
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        const Diagnostic d = only(error.diagnostics());
        check_diagnostic(d, {.file = "me.yaml",
                             .line = 2,
                             .column = 15,
                             .contains = {"the level of 'user-focus' is not a skill level",
                                          "awareness, working, practitioner or expert", "0 (none) to 4 (expert)"},
                             .lacks = {secret}});
        CHECK_FALSE(contains(error.what(), secret));
    }
}

TEST_CASE("an invalid level in a mapping entry is not echoed either", "[assessment][privacy]") {
    const std::string secret = "guru-level-9000";
    const auto diagnostics =
        problems("skills:\n  user-focus:\n    level: " + secret + "\n    evidence: private notes\n");
    const Diagnostic d = only(diagnostics);
    check_diagnostic(
        d, {.line = 3, .contains = {"awareness, working, practitioner or expert"}, .lacks = {secret, "private notes"}});
}

TEST_CASE("a list where a level is expected is an error without echoing the list", "[assessment][privacy]") {
    const Diagnostic d = only(problems("skills:\n  user-focus: [guru-level-9000]\n"));
    check_diagnostic(d, {.contains = {"must be a level word or number, not a list"}, .lacks = {"guru-level-9000"}});
}

TEST_CASE("the same skill twice, by id and by name, is an error naming both lines", "[assessment]") {
    const Diagnostic d =
        only(problems("skills:\n  user-focus: working\n  service-focus: working\n  User Focus: expert\n"));
    check_diagnostic(d, {.file = "me.yaml",
                         .line = 4,
                         .message = "the skill 'user-focus' is assessed twice, at lines 2 and 4: keep one"});
}

TEST_CASE("the same key twice in skills is an error naming the first line", "[assessment]") {
    const Diagnostic d = only(problems("skills:\n  user-focus: working\n  user-focus: expert\n"));
    check_diagnostic(d, {.line = 3, .contains = {"(first at line 2)"}});
}

TEST_CASE("an unknown target level is an error without echoing the value", "[assessment][privacy]") {
    const Diagnostic d = only(problems("target: chief-wizard-9000\nskills:\n  user-focus: working\n"));
    check_diagnostic(
        d,
        {.line = 1, .column = 9, .contains = {"'target' names an unknown role level"}, .lacks = {"chief-wizard-9000"}});
}

TEST_CASE("a misspelt target level suggests the nearest level", "[assessment]") {
    const Diagnostic d = only(problems("target: senior-bmr\nskills:\n  user-focus: working\n"));
    CHECK(contains(d.message, "did you mean 'senior-brm'?"));
}

TEST_CASE("an unknown current level is an error", "[assessment]") {
    const Diagnostic d = only(problems("current: nowhere-at-all\nskills:\n  user-focus: working\n"));
    CHECK(contains(d.message, "'current' names an unknown role level"));
}

TEST_CASE("an invalid criterion status is an error without echoing the value", "[assessment][privacy]") {
    const Diagnostic d = only(problems("skills: {}\ncriteria:\n  delivering-at-pace: mostly-9000\n"));
    check_diagnostic(d, {.line = 3, .contains = {"must be met, partly or not-met"}, .lacks = {"mostly-9000"}});
}

TEST_CASE("a self-assessment without skills is an error", "[assessment]") {
    const Diagnostic d = only(problems("name: Sam\n"));
    CHECK(d.message == "a self-assessment has no 'skills': add it");
}

TEST_CASE("an empty self-assessment is an error", "[assessment]") {
    const Diagnostic d = only(problems(""));
    CHECK(contains(d.message, "the self-assessment is empty"));
}

TEST_CASE("an unknown top-level key in a self-assessment suggests the nearest", "[assessment]") {
    const Diagnostic d = only(problems("skills:\n  user-focus: working\ntraget: brm\n"));
    check_diagnostic(d, {.line = 3, .contains = {"did you mean 'target'?"}});
}

TEST_CASE("every problem of a self-assessment is reported, in file order", "[assessment]") {
    const auto diagnostics = problems(R"yaml(target: nowhere-9000
skills:
  user-focus: guru
  service-focus: working
  Service Focus: expert
)yaml");
    INFO(describe(diagnostics));
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].location.line == 1);
    CHECK(diagnostics[1].location.line == 3);
    CHECK(diagnostics[2].location.line == 5);
}

TEST_CASE("a self-assessment nested too deep is rejected", "[assessment]") {
    const Diagnostic d = only(problems("skills:\n  user-focus: " + std::string(30, '[') + std::string(30, ']') + "\n"));
    CHECK(contains(d.message, "nested more than"));
}

TEST_CASE("load_self_assessment reads a file and names it in places", "[assessment]") {
    const auto path = std::filesystem::temp_directory_path() / ("ddat-unit-me-" + std::to_string(::getpid()) + ".yaml");
    {
        std::ofstream out(path, std::ios::binary);
        out << "name: Sam\nskills:\n  user-focus: working\n";
    }
    std::vector<Diagnostic> warnings;
    const auto a = ddat::load_self_assessment(path.string(), builtin(), warnings);
    std::filesystem::remove(path);
    CHECK(a.file == path.string());
    CHECK(a.name == "Sam");
    REQUIRE(a.skills.size() == 1);
    CHECK(a.skills[0].location.file == path.string());
}

TEST_CASE("load_self_assessment of a missing file is an error naming it", "[assessment]") {
    std::vector<Diagnostic> warnings;
    const std::string missing = (std::filesystem::temp_directory_path() / "ddat-unit-no-such-me.yaml").string();
    try {
        (void)ddat::load_self_assessment(missing, builtin(), warnings);
        FAIL("expected an InputError");
    } catch (const ddat::InputError& error) {
        const Diagnostic d = only(error.diagnostics());
        check_diagnostic(d, {.file = missing, .message = "no such file"});
    }
}

TEST_CASE("CriterionStatus words", "[assessment]") {
    CHECK(ddat::to_string(CriterionStatus::not_assessed) == "not-assessed");
    CHECK(ddat::to_string(CriterionStatus::not_met) == "not-met");
    CHECK(ddat::to_string(CriterionStatus::partly) == "partly");
    CHECK(ddat::to_string(CriterionStatus::met) == "met");
}

TEST_CASE("a level left empty is reported at its skill, not at the line after it", "[assessment]") {
    // yaml-cpp places an empty value where the next thing starts: the next key, or the end
    check_diagnostic(only(problems("skills:\n  user-focus:\n  service-focus: working\n")),
                     {.line = 2, .column = 3, .contains = {"the level of 'user-focus'", "not nothing"}});
    check_diagnostic(only(problems("skills:\n  user-focus:\n")),
                     {.line = 2, .column = 3, .contains = {"the level of 'user-focus'", "not nothing"}});
    // an explicit null keeps its own place
    check_diagnostic(only(problems("skills:\n  user-focus: ~\n")), {.line = 2, .column = 15});
}

TEST_CASE("skills written at the left margin under an empty 'skills:' get one clear problem", "[assessment]") {
    check_diagnostic(only(problems("name: Sam\nskills:\nuser-focus: working\nService focus: 2\n")),
                     {.line = 3,
                      .column = 1,
                      .message = "'user-focus' is a skill, but it is not under 'skills:': indent each skill by two "
                                 "spaces under 'skills:'"});
}

TEST_CASE("a skill may carry the level the line manager agreed beside the person's own", "[self-assessment][agreed]") {
    const auto a = parse(R"(date: 2026-03-31
skills:
  relationship-management:
    level: expert
    agreed: working
  user-focus:
    level: working
    agreed: practitioner
  service-reporting: working
)");
    CHECK(a.date == "2026-03-31");
    const ddat::AssessedSkill* relationship = a.find_skill("relationship-management");
    REQUIRE(relationship != nullptr);
    CHECK(relationship->level == SkillLevel::expert);
    REQUIRE(relationship->agreed.has_value());
    CHECK(*relationship->agreed == SkillLevel::working);
    CHECK(relationship->agreed_location.line == 5);
    CHECK(relationship->agreed_location.column == 13);
    // the agreed level by default, the person's own with the self rating
    CHECK(ddat::rated_level(*relationship, ddat::Rating::agreed) == SkillLevel::working);
    CHECK(ddat::rated_level(*relationship, ddat::Rating::self) == SkillLevel::expert);
    // 2 levels apart is worth discussing; 1 is not; no agreed level never is
    CHECK(ddat::worth_discussing(*relationship));
    CHECK_FALSE(ddat::worth_discussing(*a.find_skill("user-focus")));
    const ddat::AssessedSkill* reporting = a.find_skill("service-reporting");
    CHECK_FALSE(reporting->agreed.has_value());
    CHECK_FALSE(ddat::worth_discussing(*reporting));
    CHECK(ddat::rated_level(*reporting, ddat::Rating::agreed) == SkillLevel::working);
}

TEST_CASE("a bad agreed level or date is an error at its place, without its value", "[self-assessment][agreed]") {
    check_diagnostic(only(problems("skills:\n  user-focus:\n    level: working\n    agreed: boss-says-no\n")),
                     {.line = 4, .column = 13, .contains = {"agreed level of 'user-focus'"}, .lacks = {"boss"}});
    check_diagnostic(only(problems("date: 31/03/2026\nskills:\n  user-focus: working\n")),
                     {.line = 1, .column = 7, .contains = {"YYYY-MM-DD"}, .lacks = {"31/03"}});
    check_diagnostic(only(problems("date: 2026-13-01\nskills:\n  user-focus: working\n")), {.line = 1});
}

TEST_CASE("warnings are reported even when the file also has errors", "[self-assessment]") {
    std::vector<Diagnostic> warnings;
    CHECK_THROWS_AS(parse("skills:\n  user-focsu: working\n  user-focus: guru\n", warnings), ddat::InputError);
    REQUIRE(warnings.size() == 1);
    CHECK(contains(warnings.front().message, "unknown skill"));
}
