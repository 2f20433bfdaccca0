// A team's self-assessments against their targets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <new>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "ddat/analysis/team.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/load/team_files.hpp"
#include "helpers.hpp"
#include "imported.hpp"
#include "small_framework.hpp"

namespace fs = std::filesystem;
using ddat::GapStatus;
using ddat::SkillLevel;
using ddat_test::builtin;
using ddat_test::contains;
using ddat_test::TempDir;

namespace {

const ddat::TeamMember& member(const ddat::TeamReport& report, const std::string& name) {
    for (const auto& m : report.people) {
        if (m.name == name) {
            return m;
        }
    }
    FAIL("no person " << name);
    return report.people.front();
}

const ddat::TeamSkill& row(const ddat::TeamReport& report, const std::string& id) {
    for (const auto& r : report.skills) {
        if (r.skill->id == id) {
            return r;
        }
    }
    FAIL("no skill " << id);
    return report.skills.front();
}

const std::string kAlex = R"(name: Alex
target: senior-brm
skills:
  relationship-management:
    level: practitioner
    evidence: Ran the portfolio reviews.
  user-focus: awareness
)";

const std::string kBlake = R"(name: Blake
target: itsm
skills:
  relationship-management: working
  service-focus: expert
)";

}  // namespace

TEST_CASE("team_files lists the YAML files of a folder in name order, and files as given", "[team]") {
    TempDir folder;
    (void)folder.write("b.yaml", kAlex);
    (void)folder.write("a.yml", kBlake);
    (void)folder.write("notes.txt", "not an assessment");
    (void)folder.write("sub/c.yaml", kAlex);     // sub-folders are not read
    (void)folder.write("._b.yaml", "\x00\x05");  // nor hidden files, such as those macOS leaves
    (void)folder.write("D.YAML", kBlake);        // an extension in capitals is read
    std::vector<ddat::Diagnostic> problems;
    const auto files = ddat::team_files({folder.str()}, problems);
    CHECK(problems.empty());
    REQUIRE(files.size() == 3);
    CHECK(fs::path(files[0]).filename() == "D.YAML");
    CHECK(fs::path(files[1]).filename() == "a.yml");
    CHECK(fs::path(files[2]).filename() == "b.yaml");

    const std::string single = folder.write("one.txt", kAlex);
    const auto given =
        ddat::team_files({single, single, folder.str() + "/missing.yaml", folder.str() + "/sub"}, problems);
    CHECK(given.size() == 2);  // the file once, and sub/c.yaml
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems.front().message, "no such file or folder"));

    TempDir empty;
    problems.clear();
    CHECK(ddat::team_files({empty.str()}, problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems.front().message, "holds no self-assessment"));
}

TEST_CASE("team compares each person with their own target and counts each skill", "[team]") {
    TempDir folder;
    const std::vector<std::string> files = {folder.write("alex.yaml", kAlex), folder.write("blake.yaml", kBlake)};
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "", ddat::load_self_assessment);
    REQUIRE(report.people.size() == 2);
    CHECK(report.skipped.empty());
    const auto& alex = member(report, "Alex");
    const auto& blake = member(report, "Blake");
    CHECK(alex.gap.target->id == "senior-business-relationship-manager");
    CHECK(blake.gap.target->id == "it-service-manager");
    // the skills of both targets, once each, in catalogue order
    CHECK(report.skills.size() == 11);
    const auto& relationship = row(report, "relationship-management");
    CHECK(relationship.asked_of == 2);
    CHECK(relationship.met == 2);
    const auto& user = row(report, "user-focus");
    CHECK(user.below == 1);
    CHECK(user.missing == 1);
    CHECK(report.readiness == Approx((alex.gap.summary.readiness + blake.gap.summary.readiness) / 2));
    // evidence is carried with each skill
    bool found = false;
    for (const auto& g : alex.gap.skills) {
        if (g.skill->id == "relationship-management") {
            CHECK(g.evidence == "Ran the portfolio reviews.");
            found = true;
        }
    }
    CHECK(found);
    CHECK(report.row_of(builtin(), *relationship.skill) >= 0);
}

TEST_CASE("team --target compares everyone with one level", "[team]") {
    TempDir folder;
    const std::vector<std::string> files = {folder.write("alex.yaml", kAlex), folder.write("blake.yaml", kBlake),
                                            folder.write("none.yaml", "skills: {}\n")};
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "lead-brm", ddat::load_self_assessment);
    REQUIRE(report.people.size() == 3);
    for (const auto& m : report.people) {
        CHECK(m.gap.target->id == "lead-business-relationship-manager");
    }
    CHECK(member(report, "none").gap.summary.readiness == 0.0);  // no name: the file's stem
    CHECK_THROWS_AS(ddat::analyse_team(builtin(), files, "lead-brn", ddat::load_self_assessment), ddat::NotFoundError);
}

TEST_CASE("team reports and leaves out assessments it cannot read or that name no target", "[team]") {
    TempDir folder;
    const std::vector<std::string> files = {
        folder.write("alex.yaml", kAlex),
        folder.write("bad.yaml", "name: Bad\ntarget: brm\nskills:\n  user-focus: guru\n"),
        folder.write("aimless.yaml", "name: Aimless\nskills:\n  user-focus: working\n  user-fokus: working\n"),
        folder.str() + "/gone.yaml"};
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "", ddat::load_self_assessment);
    CHECK(report.people.size() == 1);
    CHECK(report.files == 4);
    CHECK(report.unreadable == 2);
    CHECK(report.without_target == 1);
    REQUIRE(report.skipped.size() == 3);
    CHECK(report.skipped[0].location.line == 4);  // the bad level, with its place
    CHECK(report.skipped[0].location.column == 15);
    CHECK(contains(report.skipped[0].message, "left out"));
    CHECK_FALSE(contains(report.skipped[0].message, "guru"));  // personal data is not echoed
    CHECK(contains(report.skipped[1].message, "no target"));
    // the unknown skill's warning comes before its file's "no target", in file order
    REQUIRE(report.warnings.size() == 4);
    CHECK(contains(report.warnings[1].message, "user-fokus"));
    CHECK(contains(report.warnings[2].message, "no target"));

    const ddat::TeamReport nobody = ddat::analyse_team(builtin(), {files[1]}, "", ddat::load_self_assessment);
    CHECK(nobody.people.empty());
    CHECK(nobody.readiness == 0.0);
}

TEST_CASE("team reads 10,000 assessments in one pass, with the framework loaded once", "[team][scale]") {
    TempDir folder;
    const std::vector<std::string> targets = {"brm", "senior-brm", "lead-brm", "itsm", "senior-itsm", "head-of-itsm"};
    for (int i = 0; i < 10000; ++i) {
        (void)folder.write("p" + std::to_string(100000 + i) + ".yaml",
                           "name: Person " + std::to_string(i) +
                               "\ntarget: " + targets[static_cast<std::size_t>(i) % 6] +
                               "\nskills:\n  relationship-management: " + std::to_string(i % 5) +
                               "\n  user-focus:\n    level: " + std::to_string((i / 5) % 5) +
                               "\n    evidence: Example " + std::to_string(i) + "\n  service-focus: working\n");
    }
    std::vector<ddat::Diagnostic> problems;
    const auto start = std::chrono::steady_clock::now();
    const auto files = ddat::team_files({folder.str()}, problems);
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "", ddat::load_self_assessment);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(report.people.size() == 10000);
    CHECK(row(report, "relationship-management").asked_of == 10000);
    CHECK(row(report, "service-focus").asked_of == 10000 - 10000 / 6);  // head of ITSM does not ask it
    WARN("10,000 assessments read and compared in " << seconds << " s");
    CHECK(seconds < 60);  // generous for sanitizer and debug builds; a release build takes about 1 s
}

TEST_CASE("team on the imported framework", "[team][csv-data]") {
    DDAT_REQUIRE_IMPORTED();
    const ddat::Framework& f = *ddat_test::imported();
    TempDir folder;
    const std::vector<std::string> files = {
        folder.write("a.yaml", "name: A\ntarget: senior-ae\nskills:\n  data-analysis-and-synthesis: practitioner\n"),
        folder.write("b.yaml", "name: B\ntarget: cdo\nskills:\n  data-governance: awareness\n")};
    const ddat::TeamReport report = ddat::analyse_team(f, files, "", ddat::load_self_assessment);
    REQUIRE(report.people.size() == 2);
    CHECK(report.skipped.empty());
    CHECK(member(report, "B").gap.target->whole_role);
    for (const auto& r : report.skills) {
        CHECK(r.asked_of >= 1);
        CHECK(r.met + r.below + r.missing == r.asked_of);
    }
}

namespace {

// 200 files for the threaded reader: the reader below makes each person, never touching a disk.
std::vector<std::string> many_files() {
    std::vector<std::string> files;
    for (int i = 0; i < 200; ++i) {
        files.push_back("p" + std::to_string(1000 + i) + ".yaml");
    }
    return files;
}

ddat::SelfAssessment alex(const std::string& file, const ddat::Framework& framework,
                          std::vector<ddat::Diagnostic>& warnings) {
    return ddat::parse_self_assessment(kAlex, file, framework, warnings);
}

}  // namespace

TEST_CASE("team reads many files on several threads, in file order", "[team][threads]") {
    const auto files = many_files();
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "", alex);
    REQUIRE(report.people.size() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        CHECK(report.people[i].file == files[i]);
    }
    CHECK(row(report, "relationship-management").met == 200);
}

TEST_CASE("a failure other than bad input in any reader is thrown once every thread has ended", "[team][threads]") {
    const auto files = many_files();
    for (const std::size_t failing : {std::size_t{0}, std::size_t{1}, std::size_t{137}, std::size_t{199}}) {
        CAPTURE(failing);
        const auto read = [&](const std::string& file, const ddat::Framework& framework,
                              std::vector<ddat::Diagnostic>& warnings) {
            if (file == files[failing]) {
                throw std::runtime_error("the reader failed");
            }
            return alex(file, framework, warnings);
        };
        CHECK_THROWS_WITH(ddat::analyse_team(builtin(), files, "", read), "the reader failed");
        const auto out_of_memory = [&](const std::string& file, const ddat::Framework& framework,
                                       std::vector<ddat::Diagnostic>& warnings) {
            if (file == files[failing]) {
                throw std::bad_alloc();
            }
            return alex(file, framework, warnings);
        };
        CHECK_THROWS_AS(ddat::analyse_team(builtin(), files, "", out_of_memory), std::bad_alloc);
    }
}

TEST_CASE("a reader's bad input leaves that person out and the others are read", "[team][threads]") {
    const auto files = many_files();
    const auto read = [&](const std::string& file, const ddat::Framework& framework,
                          std::vector<ddat::Diagnostic>& warnings) {
        if (file == files[42]) {
            throw ddat::InputError(ddat::SourceLocation{file, 3, 1}, "broken");
        }
        return alex(file, framework, warnings);
    };
    const ddat::TeamReport report = ddat::analyse_team(builtin(), files, "", read);
    CHECK(report.people.size() == 199);
    REQUIRE(report.skipped.size() == 1);
    CHECK(ddat::format_diagnostic(report.skipped.front()) == files[42] + ":3:1: broken (assessment left out)");
}

TEST_CASE("team: a file named twice counts once, JSON is read, targets come from current, coverage, mentors",
          "[team][coverage]") {
    const ddat::Framework& f = ddat_test::small_framework();
    TempDir folder;
    (void)folder.write("ann.yaml", R"(name: Ann
current: analyst
target: senior-analyst
skills:
  analysis: practitioner
  data:
    level: expert
    agreed: working
  coding: working
)");
    (void)folder.write("ben.json",
                       R"({"name": "Ben", "current": "junior-analyst", "skills": {"analysis": "working", "data": 1}})");
    (void)folder.write("cat.yaml", "name: Cat\ntarget: senior-analyst\nskills:\n  people: expert\n  analysis: 2\n");
    (void)folder.write("empty.yaml", "");
    fs::create_symlink(fs::path(folder.str()) / "ann.yaml", fs::path(folder.str()) / "zz-link.yaml");
    std::vector<ddat::Diagnostic> problems;
    std::vector<ddat::Diagnostic> duplicates;
    const auto files = ddat::team_files({folder.str(), folder.str() + "/./ann.yaml"}, problems, duplicates);
    CHECK(problems.empty());
    REQUIRE(files.size() == 4);  // ann, ben, cat, empty
    REQUIRE(duplicates.size() == 2);
    CHECK(fs::path(duplicates[0].location.file).filename() == "zz-link.yaml");
    CHECK(contains(duplicates[0].message, "counted once"));

    const ddat::TeamReport report = ddat::analyse_team(f, files, ddat::TeamOptions{}, ddat::load_self_assessment);
    REQUIRE(report.people.size() == 3);
    REQUIRE(report.skipped.size() == 1);
    CHECK(fs::path(report.skipped[0].location.file).filename() == "empty.yaml");
    const auto& ben = member(report, "Ben");
    CHECK(ben.target_inferred);
    CHECK(ben.gap.target->id == "analyst");
    REQUIRE(report.notes.size() == 1);
    CHECK(contains(report.notes[0].message, "the level after"));

    // Ann's data is agreed at working, her own expert: worth discussing, once for her and the skill
    const auto& ann = member(report, "Ann");
    CHECK(ann.discuss == 1);
    CHECK(ann.level_of(*f.find_skill("data")) == SkillLevel::working);
    CHECK(ann.level_of(*f.find_skill("coding")) == SkillLevel::working);  // held though not asked

    // Coverage against the highest level any target asks: analysis practitioner, data practitioner
    const auto& analysis = row(report, "analysis");
    CHECK(analysis.level == SkillLevel::practitioner);
    CHECK(analysis.asked_of == 3);
    CHECK(analysis.holders == 1);  // Ann
    CHECK(analysis.holders_below == 2);
    CHECK(analysis.holders_none == 0);
    CHECK(analysis.single_point_of_failure());
    const auto& data = row(report, "data");
    CHECK(data.holders == 0);  // nobody at practitioner by the agreed levels
    CHECK(data.holders_below == 2);
    CHECK(data.holders_none == 1);
    CHECK(data.discuss == 1);
    CHECK(data.single_point_of_failure());
    const auto& people = row(report, "people");
    CHECK(people.holders == 1);
    CHECK(people.asked_of == 2);

    // Mentors: Cat is short of analysis (practitioner), and Ann holds it
    const auto found = std::find_if(report.shortfalls.begin(), report.shortfalls.end(), [&](const auto& s) {
        return report.people[s.person].name == "Cat" && s.gap->skill->id == "analysis";
    });
    REQUIRE(found != report.shortfalls.end());
    CHECK(found->mentor_count == 1);
    REQUIRE(found->mentors.size() == 1);
    CHECK(report.people[found->mentors[0]].name == "Ann");
    // Ann is short of people (working), and Cat holds it at expert
    const auto ann_people = std::find_if(report.shortfalls.begin(), report.shortfalls.end(), [&](const auto& s) {
        return report.people[s.person].name == "Ann" && s.gap->skill->id == "people";
    });
    REQUIRE(ann_people != report.shortfalls.end());
    REQUIRE(ann_people->mentors.size() == 1);
    CHECK(report.people[ann_people->mentors[0]].name == "Cat");

    // With the self rating, Ann's own expert covers data
    ddat::TeamOptions self;
    self.rating = ddat::Rating::self;
    CHECK(row(ddat::analyse_team(f, files, self, ddat::load_self_assessment), "data").holders == 1);
}

TEST_CASE("team names at most a few mentors, most skilled first, and counts them all", "[team][coverage]") {
    const ddat::Framework& f = ddat_test::small_framework();
    TempDir folder;
    std::vector<std::string> files;
    files.push_back(folder.write("a-learner.yaml", "name: Learner\ntarget: analyst\nskills:\n  analysis: 1\n"));
    for (int i = 0; i < 8; ++i) {
        const int level = i == 7 ? 4 : 3;  // the last is the most skilled
        files.push_back(folder.write(
            "m" + std::to_string(i) + ".yaml",
            "name: M" + std::to_string(i) + "\ntarget: analyst\nskills:\n  analysis: " + std::to_string(level) + "\n"));
    }
    const ddat::TeamReport report = ddat::analyse_team(f, files, ddat::TeamOptions{}, ddat::load_self_assessment);
    const auto found = std::find_if(report.shortfalls.begin(), report.shortfalls.end(),
                                    [&](const auto& s) { return s.gap->skill->id == "analysis"; });
    REQUIRE(found != report.shortfalls.end());
    CHECK(found->mentor_count == 8);
    REQUIRE(found->mentors.size() == ddat::kMentorsNamed);
    CHECK(report.people[found->mentors[0]].name == "M7");
    CHECK(report.people[found->mentors[1]].name == "M0");
}
