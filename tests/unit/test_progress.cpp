// One person's self-assessments over time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "ddat/analysis/progress.hpp"
#include "ddat/errors.hpp"
#include "ddat/resolve.hpp"
#include "helpers.hpp"
#include "small_framework.hpp"

using ddat::ProgressChange;
using ddat::SkillLevel;
using ddat_test::small_framework;

namespace {

ddat::SelfAssessment read(const std::string& file, const std::string& text) {
    std::vector<ddat::Diagnostic> warnings;
    return ddat::parse_self_assessment(text, file, small_framework(), warnings);
}

const ddat::SkillProgress& row(const ddat::ProgressReport& report, const std::string& id) {
    for (const auto& r : report.skills) {
        if (r.skill->id == id) {
            return r;
        }
    }
    FAIL("no skill " << id);
    return report.skills.front();
}

}  // namespace

TEST_CASE("progress_change names how a level moved", "[progress]") {
    CHECK(ddat::progress_change(SkillLevel::working, SkillLevel::working) == ProgressChange::same);
    CHECK(ddat::progress_change(SkillLevel::working, SkillLevel::expert) == ProgressChange::raised);
    CHECK(ddat::progress_change(SkillLevel::expert, SkillLevel::working) == ProgressChange::lowered);
    CHECK(ddat::progress_change(SkillLevel::none, SkillLevel::working) == ProgressChange::added);
    CHECK(ddat::progress_change(SkillLevel::working, SkillLevel::none) == ProgressChange::dropped);
    CHECK(ddat::to_string(ProgressChange::added) == "new");
}

TEST_CASE("progress orders dated files by date and keeps every level", "[progress]") {
    std::vector<ddat::SelfAssessment> files = {
        read("c.yaml",
             "name: Pat Example\ndate: 2026-04-01\ntarget: senior-analyst\nskills:\n  analysis: 3\n"
             "  data: 3\n  people:\n    level: 4\n    agreed: 2\n"),
        read("a.yaml", "name: Pat\ndate: 2025-04-01\ntarget: analyst\nskills:\n  analysis: 1\n  coding: 2\n"),
        read("b.yaml", "date: 2025-10-01\nskills:\n  analysis: 2\n  data: 2\n  coding: 3\n"),
    };
    const ddat::ProgressReport report = ddat::analyse_progress(small_framework(), files, nullptr);
    REQUIRE(report.points.size() == 3);
    CHECK(report.points[0].file == "a.yaml");
    CHECK(report.points[1].file == "b.yaml");
    CHECK(report.points[2].file == "c.yaml");
    CHECK(report.person == "Pat Example");         // the latest name: the files are one person's
    CHECK(report.target->id == "senior-analyst");  // the latest target
    CHECK(report.notes.empty());
    // readiness at each date against the one target: 1 of 8, then 4 of 8, then 8 of 8 (people agreed 2)
    CHECK(report.points[0].gap.summary.readiness == Approx(1.0 / 8));
    CHECK(report.points[1].gap.summary.readiness == Approx(4.0 / 8));
    CHECK(report.points[2].gap.summary.readiness == Approx(1.0));
    const auto& analysis = row(report, "analysis");
    CHECK(analysis.levels ==
          std::vector<SkillLevel>{SkillLevel::awareness, SkillLevel::working, SkillLevel::practitioner});
    CHECK(analysis.change == ProgressChange::raised);
    const auto& coding = row(report, "coding");  // not asked by the target: listed after its skills
    CHECK(coding.requirement == nullptr);
    CHECK(coding.steps == std::vector<ProgressChange>{ProgressChange::raised, ProgressChange::dropped});
    CHECK(coding.change == ProgressChange::dropped);
    CHECK(row(report, "data").change == ProgressChange::added);
    CHECK(row(report, "people").levels.back() == SkillLevel::working);  // agreed
    CHECK(report.skills.back().skill->id == "coding");

    const auto self = ddat::analyse_progress(small_framework(), files, nullptr, ddat::Rating::self);
    CHECK(row(self, "people").levels.back() == SkillLevel::expert);
}

TEST_CASE("progress keeps the order given when a file has no date, and says so", "[progress]") {
    std::vector<ddat::SelfAssessment> files = {
        read("old.yaml", "skills:\n  analysis: 1\n"),
        read("new.yaml", "date: 2026-01-01\ncurrent: analyst\nskills:\n  analysis: 2\n"),
    };
    const ddat::ProgressReport report = ddat::analyse_progress(small_framework(), files, nullptr);
    CHECK(report.points[0].file == "old.yaml");
    REQUIRE(report.notes.size() == 2);
    CHECK(report.notes[0].location.file == "old.yaml");
    CHECK(ddat_test::contains(report.notes[0].message, "order given"));
    // no target: the level after the latest current level, with a note
    CHECK(report.target->id == "senior-analyst");
    CHECK(report.target_inferred);
    CHECK(report.notes[1].location.file == "new.yaml");

    // several files without a date: one note, at the first, with how many others lack one
    std::vector<ddat::SelfAssessment> undated = {
        read("a.yaml", "current: analyst\nskills:\n  analysis: 1\n"),
        read("b.yaml", "date: 2026-01-01\ncurrent: analyst\nskills:\n  analysis: 1\n"),
        read("c.yaml", "current: analyst\nskills:\n  analysis: 1\n"),
        read("d.yaml", "target: senior-analyst\nskills:\n  analysis: 2\n"),
    };
    const ddat::ProgressReport three = ddat::analyse_progress(small_framework(), undated, nullptr);
    REQUIRE(three.notes.size() == 1);
    CHECK(three.notes[0].location.file == "a.yaml");
    CHECK(three.notes[0].message == "no 'date:', nor in 2 other files: the files are taken in the order given");
    undated.pop_back();
    undated.back().target_level_id = "senior-analyst";
    const ddat::ProgressReport two = ddat::analyse_progress(small_framework(), undated, nullptr);
    REQUIRE(two.notes.size() == 1);
    CHECK(two.notes[0].message == "no 'date:', nor in 1 other file: the files are taken in the order given");

    // the latest file gives neither target nor current: an input error naming it
    std::reverse(files.begin(), files.end());
    const auto problems =
        ddat_test::input_problems([&] { (void)ddat::analyse_progress(small_framework(), files, nullptr); }, "read");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.file == "old.yaml");
    // --target decides
    CHECK(ddat::analyse_progress(small_framework(), files, &ddat::resolve_level(small_framework(), "analyst"))
              .target->id == "analyst");
}
