// Job advert skeletons, and the self-assessment form that ddat init prints and ddat assess writes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ddat/analysis/advert.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/resolve.hpp"
#include "ddat/write/assessment_template.hpp"
#include "helpers.hpp"
#include "imported.hpp"

using ddat::SkillLevel;
using ddat_test::builtin;
using ddat_test::contains;

TEST_CASE("advert for senior-brm: summary, responsibilities and each skill with its text", "[advert]") {
    const auto& f = builtin();
    const ddat::RoleLevel& level = ddat::resolve_level(f, "senior-brm");
    const ddat::Advert advert = ddat::make_advert(f, level);
    CHECK(advert.title == "Senior business relationship manager");
    CHECK(advert.role->id == "business-relationship-manager");
    CHECK(advert.family->id == "it-operations");
    CHECK(contains(advert.summary, "communication plan"));
    REQUIRE(advert.responsibilities.size() == 1);
    CHECK(advert.responsibilities.front().heading.empty());
    REQUIRE(advert.skills.size() == 11);
    for (const auto& s : advert.skills) {
        CHECK(!s.text.empty());
        CHECK(s.text == f.requirement_text(*s.requirement));
    }
    CHECK(advert.levels_used ==
          std::vector<SkillLevel>{SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner});
    CHECK(advert.competences.empty());
    CHECK(advert.specialist_skills.empty());
    for (const auto& detail : advert.details) {
        INFO(detail.key);
        CHECK(detail.placeholder.front() == '[');  // no pay band in the guidance: a placeholder
    }
    REQUIRE(!advert.application.empty());
    CHECK(contains(advert.application.front().placeholder, "[closing date]"));
}

TEST_CASE("advert for the service manager: duty headings, competences and specialist skills", "[advert]") {
    const auto& f = builtin();
    const ddat::Advert advert = ddat::make_advert(f, ddat::resolve_level(f, "service-manager"));
    REQUIRE(advert.responsibilities.size() == 3);
    CHECK(advert.responsibilities[0].heading == "(Re)design");
    CHECK(advert.competences.size() == 10);
    REQUIRE(advert.specialist_skills.size() == 1);
    CHECK(advert.specialist_skills.front()->essential.size() == 8);
    CHECK(advert.skills.empty());
    CHECK(advert.details.front().placeholder == "SCS1");  // the pay band the job description gives
}

TEST_CASE("advert for every imported level", "[advert][csv-data]") {
    DDAT_REQUIRE_IMPORTED();
    const ddat::Framework& f = *ddat_test::imported();
    for (const ddat::RoleLevel* level : f.all_levels()) {
        INFO(level->id);
        const ddat::Advert advert = ddat::make_advert(f, *level);
        CHECK(advert.skills.size() == level->requirements.size());
        CHECK(!advert.summary.empty());
        for (const auto& s : advert.skills) {
            CHECK(&s.skill.get() == f.find_skill(s.requirement->skill_id));
        }
        if (level->whole_role) {
            CHECK(advert.levels_used.empty());  // the chief roles state no levels
        }
    }
}

namespace {

// Reads text as a self-assessment; fails the test on an error or a warning.
ddat::SelfAssessment read_back(const ddat::Framework& f, const std::string& text) {
    std::vector<ddat::Diagnostic> warnings;
    try {
        ddat::SelfAssessment a = ddat::parse_self_assessment(text, "form.yaml", f, warnings);
        CHECK(ddat_test::describe(warnings).empty());
        return a;
    } catch (const ddat::InputError& error) {
        FAIL("the form does not load: " << ddat_test::describe(error.diagnostics()) << "\n" << text);
    }
    return {};
}

}  // namespace

TEST_CASE("the blank form of every level loads back with every skill at none", "[init]") {
    const auto check = [](const ddat::Framework& f) {
        for (const ddat::RoleLevel* level : f.all_levels()) {
            INFO(level->id);
            const std::string text = ddat::write_self_assessment(f, *level, ddat::SelfAssessment{});
            const ddat::SelfAssessment a = read_back(f, text);
            CHECK(a.target_level_id == level->id);
            CHECK(a.name.empty());
            CHECK(a.current_level_id.empty());
            REQUIRE(a.skills.size() == level->requirements.size());
            for (std::size_t i = 0; i < a.skills.size(); ++i) {
                CHECK(a.skills[i].skill_id == level->requirements[i].skill_id);
                CHECK(a.skills[i].level == SkillLevel::none);
            }
            REQUIRE(a.criteria.size() == level->criteria.size());
            for (const auto& c : a.criteria) {
                CHECK(c.status == ddat::CriterionStatus::not_met);
            }
            for (std::size_t start = 0; start < text.size();) {
                const std::size_t end = text.find('\n', start);
                const std::string line = text.substr(start, end - start);
                if (line.rfind("#", 0) == 0 || line.rfind("  #", 0) == 0) {
                    // comment lines are wrapped to 100 characters, except a single long word
                    std::size_t chars = 0;
                    for (const char c : line) {
                        chars += (static_cast<unsigned char>(c) & 0xC0U) == 0x80U ? 0 : 1;
                    }
                    if (chars > 100) {
                        CHECK(line.find(' ', line.find_first_not_of(" #")) == std::string::npos);
                    }
                }
                start = end == std::string::npos ? text.size() : end + 1;
            }
        }
    };
    check(builtin());
    if (const ddat::Framework* f = ddat_test::imported()) {
        check(*f);
    } else {
        WARN("imported framework not checked: the framework CSV files are not at " DDAT_SHARED_DIR "/framework-csv");
    }
}

TEST_CASE("the form says what the target asks of each skill", "[init]") {
    const auto& f = builtin();
    const std::string text = ddat::write_self_assessment(f, ddat::resolve_level(f, "senior-brm"), {});
    CHECK(contains(text, "# Relationship management: Senior business relationship manager asks practitioner."));
    CHECK(contains(text, "#   You know how to influence stakeholders"));
    CHECK(contains(text, "target: senior-business-relationship-manager\n"));
    const std::string criteria = ddat::write_self_assessment(f, ddat::resolve_level(f, "service-manager"), {});
    CHECK(contains(criteria, "skills: {}\n"));
    CHECK(contains(criteria, "  seeing-the-big-picture:\n    status: not-met\n"));
    CHECK(contains(criteria, "#   - develop an in-depth insight"));
}

TEST_CASE("a filled-in form keeps every answer exactly, whatever the evidence says", "[init][assess]") {
    const auto& f = builtin();
    const ddat::RoleLevel& target = ddat::resolve_level(f, "senior-brm");
    ddat::SelfAssessment answers;
    answers.name = "Zoë \"Z\" O'Example: #1";
    answers.current_level_id = "business-relationship-manager";
    const std::vector<std::string> evidence = {"plain",
                                               "with: a colon # and a hash",
                                               "quotes \" and \\ backslash",
                                               "line one\nline two\ttab",
                                               "yes",
                                               "- looks like a list",
                                               "  spaces around  ",
                                               "unicode ✓ \xE2\x80\xA8 separator \xC2\x85 next",
                                               "{not: a map}",
                                               "*not-an-alias",
                                               "\x01 control"};
    for (std::size_t i = 0; i < target.requirements.size(); ++i) {
        ddat::AssessedSkill skill;
        skill.skill_id = target.requirements[i].skill_id;
        skill.level = static_cast<SkillLevel>(i % 5);
        skill.evidence = evidence[i % evidence.size()];
        answers.skills.push_back(skill);
    }
    const ddat::SelfAssessment a = read_back(f, ddat::write_self_assessment(f, target, answers));
    CHECK(a.name == answers.name);
    CHECK(a.current_level_id == "business-relationship-manager");
    REQUIRE(a.skills.size() == answers.skills.size());
    for (std::size_t i = 0; i < a.skills.size(); ++i) {
        INFO(answers.skills[i].evidence);
        CHECK(a.skills[i].level == answers.skills[i].level);
        CHECK(a.skills[i].evidence == answers.skills[i].evidence);
    }
    CHECK(ddat::yaml_double_quoted("a\"b") == "\"a\\\"b\"");
}
