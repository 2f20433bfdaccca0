// A person's self-assessment against what a role level requires.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ddat/analysis/gap.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"

using ddat::CriterionStatus;
using ddat::GapStatus;
using ddat::SkillLevel;
using ddat_test::builtin;

namespace {

ddat::AssessedSkill held(std::string id, SkillLevel level, std::string evidence = "") {
    ddat::AssessedSkill skill;
    skill.skill_id = std::move(id);
    skill.level = level;
    skill.evidence = std::move(evidence);
    return skill;
}

ddat::AssessedCriterion stated(std::string id, CriterionStatus status) {
    ddat::AssessedCriterion criterion;
    criterion.criterion_id = std::move(id);
    criterion.status = status;
    return criterion;
}

const ddat::SkillGap& gap_of(const ddat::GapReport& report, std::string_view id) {
    const auto found = std::find_if(report.skills.begin(), report.skills.end(),
                                    [&](const ddat::SkillGap& g) { return g.skill->id == id; });
    INFO("skill " << id);
    REQUIRE(found != report.skills.end());
    return *found;
}

// Someone aiming at senior-brm (required in brackets, 26 levels in all):
//   asset (1) expert  -> exceeds     held 1
//   business analysis (3) working -> below by 1, held 2
//   continual service improvement (2) working -> met, held 2
//   ownership (3) practitioner -> met, held 3
//   relationship (3) practitioner -> met, held 3
//   service focus (2) none, written down -> missing by 2, held 0
//   SMF knowledge (2) awareness -> below by 1, held 1
//   service reporting (2) working -> met, held 2
//   strategic thinking (2) expert -> exceeds, held 2
//   technical understanding (3) not written down -> missing by 3, held 0
//   user focus (3) awareness -> below by 2, held 1
// Held 17 of 26.
ddat::SelfAssessment aiming_at_senior_brm() {
    ddat::SelfAssessment person;
    person.name = "Sam Example";
    person.skills = {
        held("asset-and-configuration-management", SkillLevel::expert, "Ran the asset audit."),
        held("business-analysis-it-operations", SkillLevel::working),
        held("continual-service-improvement", SkillLevel::working),
        held("ownership-and-initiative", SkillLevel::practitioner),
        held("relationship-management", SkillLevel::practitioner),
        held("service-focus", SkillLevel::none),
        held("service-management-framework-knowledge", SkillLevel::awareness),
        held("service-reporting", SkillLevel::working),
        held("strategic-thinking", SkillLevel::expert),
        held("user-focus", SkillLevel::awareness),
    };
    return person;
}

const ddat::RoleLevel& senior_brm() { return ddat::resolve_level(builtin(), "senior-brm"); }

}  // namespace

TEST_CASE("a skill held at the required level is met", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    const auto& g = gap_of(report, "relationship-management");
    CHECK(g.status == GapStatus::met);
    CHECK(g.actual == SkillLevel::practitioner);
    CHECK(g.requirement->level == SkillLevel::practitioner);
    CHECK(g.shortfall == 0);
}

TEST_CASE("a skill held above the required level exceeds it, with no shortfall", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    const auto& g = gap_of(report, "asset-and-configuration-management");
    CHECK(g.status == GapStatus::exceeds);
    CHECK(g.actual == SkillLevel::expert);
    CHECK(g.shortfall == 0);
    CHECK(g.evidence == "Ran the asset audit.");
}

TEST_CASE("a skill held below the required level is below, short by the difference", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    CHECK(gap_of(report, "business-analysis-it-operations").status == GapStatus::below);
    CHECK(gap_of(report, "business-analysis-it-operations").shortfall == 1);
    CHECK(gap_of(report, "user-focus").status == GapStatus::below);
    CHECK(gap_of(report, "user-focus").shortfall == 2);
}

TEST_CASE("a skill not held, or held at none, is missing, short by the whole level", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    const auto& absent = gap_of(report, "technical-understanding");
    CHECK(absent.status == GapStatus::missing);
    CHECK(absent.actual == SkillLevel::none);
    CHECK(absent.shortfall == 3);
    const auto& none = gap_of(report, "service-focus");
    CHECK(none.status == GapStatus::missing);
    CHECK(none.shortfall == 2);
}

TEST_CASE("the skills are reported in the target's order", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    REQUIRE(report.skills.size() == senior_brm().requirements.size());
    for (std::size_t i = 0; i < report.skills.size(); ++i) {
        CHECK(report.skills[i].skill->id == senior_brm().requirements[i].skill_id);
    }
    CHECK(report.target == &senior_brm());
    CHECK(report.person == "Sam Example");
}

TEST_CASE("the summary counts each status and sums the shortfall", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    const auto& s = report.summary;
    CHECK(s.required == 11);
    CHECK(s.met == 6);  // 4 met exactly and 2 exceeding
    CHECK(s.exceeds == 2);
    CHECK(s.below == 3);
    CHECK(s.missing == 2);
    CHECK(s.shortfall == 9);  // 1 + 2 + 1 + 3 + 2
    CHECK(s.criteria == 0);
    CHECK(s.criteria_met == 0);
    CHECK(report.has_gaps());
}

TEST_CASE("readiness is the levels held up to the required ones over those required", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), aiming_at_senior_brm(), senior_brm());
    // Worked out by hand above: 17 of 26 (exceeding a level does not make up for another).
    CHECK(report.summary.readiness == Approx(17.0 / 26.0));
}

TEST_CASE("readiness is 1 and there are no gaps when every skill is met", "[gap]") {
    ddat::SelfAssessment person;
    for (const auto& requirement : senior_brm().requirements) {
        person.skills.push_back(held(requirement.skill_id, ddat::level_to_meet(requirement)));
    }
    const auto report = ddat::analyse_gap(builtin(), person, senior_brm());
    CHECK(report.summary.readiness == Approx(1.0));
    CHECK(report.summary.met == 11);
    CHECK(report.summary.exceeds == 0);
    CHECK(report.summary.shortfall == 0);
    CHECK_FALSE(report.has_gaps());
}

TEST_CASE("readiness is capped at 1 when every skill is exceeded", "[gap]") {
    ddat::SelfAssessment person;
    for (const auto& skill : builtin().skills()) {
        person.skills.push_back(held(skill.id, SkillLevel::expert));
    }
    const auto report = ddat::analyse_gap(builtin(), person, ddat::resolve_level(builtin(), "brm"));
    CHECK(report.summary.readiness == Approx(1.0));
    CHECK(report.summary.exceeds == 11);
    CHECK_FALSE(report.has_gaps());
}

TEST_CASE("readiness is 0 for an empty self-assessment", "[gap]") {
    const auto report = ddat::analyse_gap(builtin(), ddat::SelfAssessment{}, senior_brm());
    CHECK(report.summary.readiness == Approx(0.0));
    CHECK(report.summary.missing == 11);
    CHECK(report.summary.shortfall == 26);
}

TEST_CASE("service manager criteria: met counts 1, partly a half, others nothing", "[gap]") {
    ddat::SelfAssessment person;
    person.criteria = {
        stated("seeing-the-big-picture", CriterionStatus::met),
        stated("changing-and-improving", CriterionStatus::partly),
        stated("making-effective-decisions", CriterionStatus::not_met),
        stated("specialist-skills", CriterionStatus::met),
    };
    const auto& target = ddat::resolve_level(builtin(), "service-manager");
    const auto report = ddat::analyse_gap(builtin(), person, target);
    REQUIRE(report.criteria.size() == 11);
    CHECK(report.skills.empty());
    CHECK(report.criteria[0].criterion->id == "seeing-the-big-picture");
    CHECK(report.criteria[0].status == CriterionStatus::met);
    CHECK(report.criteria[1].status == CriterionStatus::partly);
    CHECK(report.criteria[2].status == CriterionStatus::not_met);
    CHECK(report.criteria[3].status == CriterionStatus::not_assessed);
    CHECK(report.criteria[10].status == CriterionStatus::met);
    CHECK(report.summary.criteria == 11);
    CHECK(report.summary.criteria_met == 2);
    CHECK(report.summary.required == 0);
    // (1 + 0.5 + 0 + 1) of 11.
    CHECK(report.summary.readiness == Approx(2.5 / 11.0));
    CHECK(report.has_gaps());
}

TEST_CASE("service manager with every criterion met has no gaps", "[gap]") {
    const auto& target = ddat::resolve_level(builtin(), "service-manager");
    ddat::SelfAssessment person;
    for (const auto& criterion : target.criteria) {
        person.criteria.push_back(stated(criterion.id, CriterionStatus::met));
    }
    const auto report = ddat::analyse_gap(builtin(), person, target);
    CHECK(report.summary.criteria_met == 11);
    CHECK(report.summary.readiness == Approx(1.0));
    CHECK_FALSE(report.has_gaps());
}

TEST_CASE("a partly met criterion is still a gap", "[gap]") {
    const auto& target = ddat::resolve_level(builtin(), "service-manager");
    ddat::SelfAssessment person;
    for (const auto& criterion : target.criteria) {
        person.criteria.push_back(stated(criterion.id, CriterionStatus::met));
    }
    person.criteria.back().status = CriterionStatus::partly;
    const auto report = ddat::analyse_gap(builtin(), person, target);
    CHECK(report.summary.criteria_met == 10);
    CHECK(report.summary.readiness == Approx(10.5 / 11.0));
    CHECK(report.has_gaps());
}

namespace {

// A level requiring relationship management at practitioner (3) and user focus at working (2),
// with two criteria; and a level requiring nothing.
const ddat::Framework& mixed() {
    static const ddat::Framework framework = ddat::load_framework_sources({{"f.yaml", R"yaml(framework:
  title: T
families:
  - id: ops
    name: Ops
skills:
  - id: relationship-management
    name: Relationship management
  - id: user-focus
    name: User focus
roles:
  - id: r
    name: R
    family: ops
    levels:
      - id: mixed
        name: Mixed
        requirements:
          relationship-management: {level: practitioner}
          user-focus: {level: working}
        criteria:
          - {id: c1, name: C1, kind: competence}
          - {id: c2, name: C2, kind: specialist-skills}
      - id: empty
        name: Empty
)yaml"}});
    return framework;
}

}  // namespace

TEST_CASE("readiness counts skills and criteria together", "[gap]") {
    ddat::SelfAssessment person;
    person.skills = {held("relationship-management", SkillLevel::working), held("user-focus", SkillLevel::expert)};
    person.criteria = {stated("c1", CriterionStatus::partly), stated("c2", CriterionStatus::met)};
    const auto report = ddat::analyse_gap(mixed(), person, *mixed().find_level("mixed"));
    // Skills: min(2, 3) + min(4, 2) = 4 of 5; criteria: 0.5 + 1 of 2. In all 5.5 of 7.
    CHECK(report.summary.readiness == Approx(5.5 / 7.0));
    CHECK(report.summary.shortfall == 1);
    CHECK(report.summary.criteria_met == 1);
}

TEST_CASE("readiness is 1 for a level that requires nothing", "[gap]") {
    const auto report = ddat::analyse_gap(mixed(), ddat::SelfAssessment{}, *mixed().find_level("empty"));
    CHECK(report.skills.empty());
    CHECK(report.criteria.empty());
    CHECK(report.summary.readiness == Approx(1.0));
    CHECK_FALSE(report.has_gaps());
}

TEST_CASE("GapStatus words", "[gap]") {
    CHECK(ddat::to_string(GapStatus::met) == "met");
    CHECK(ddat::to_string(GapStatus::exceeds) == "exceeds");
    CHECK(ddat::to_string(GapStatus::below) == "below");
    CHECK(ddat::to_string(GapStatus::missing) == "missing");
}

TEST_CASE("gap uses the agreed level where there is one, and the person's own with the self rating", "[gap][agreed]") {
    ddat::SelfAssessment person;
    ddat::AssessedSkill relationship = held("relationship-management", SkillLevel::expert);
    relationship.agreed = SkillLevel::working;
    ddat::AssessedSkill focus = held("user-focus", SkillLevel::working);
    focus.agreed = SkillLevel::practitioner;
    person.skills = {relationship, focus, held("service-reporting", SkillLevel::working)};
    const ddat::RoleLevel& target = ddat::resolve_level(builtin(), "senior-brm");

    const auto agreed = ddat::analyse_gap(builtin(), person, target);
    CHECK(agreed.rating == ddat::Rating::agreed);
    const auto& r = gap_of(agreed, "relationship-management");
    CHECK(r.actual == SkillLevel::working);  // practitioner required: below on the agreed level
    CHECK(r.status == GapStatus::below);
    CHECK(r.uses_agreed);
    CHECK(r.self == SkillLevel::expert);
    CHECK(r.discuss);
    CHECK(gap_of(agreed, "user-focus").actual == SkillLevel::practitioner);
    CHECK_FALSE(gap_of(agreed, "user-focus").discuss);
    CHECK_FALSE(gap_of(agreed, "service-reporting").uses_agreed);
    CHECK(agreed.discuss == 1);

    const auto self = ddat::analyse_gap(builtin(), person, target, ddat::Rating::self);
    CHECK(gap_of(self, "relationship-management").actual == SkillLevel::expert);
    CHECK(gap_of(self, "relationship-management").status == GapStatus::exceeds);
    CHECK_FALSE(gap_of(self, "relationship-management").uses_agreed);
    CHECK(gap_of(self, "relationship-management").discuss);  // still worth discussing
    CHECK(gap_of(self, "user-focus").actual == SkillLevel::working);
}
