// ddat progress FILE FILE [FILE...] [--target LEVEL] [--rating agreed|self]

#include <algorithm>
#include <cmath>
#include <memory>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/analysis/progress.hpp"
#include "ddat/errors.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

struct ProgressOptions {
    std::vector<std::string> files;
    std::string target;
    Rating rating = Rating::agreed;
};

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100))) + "%"; }

double rounded(double fraction) { return std::round(fraction * 1000) / 1000; }

// A point's label in tables: its date, else its file.
std::string label(const ProgressPoint& point) { return point.date.empty() ? point.file : point.date; }

std::string level_word(SkillLevel level) {
    return level == SkillLevel::none ? std::string("-") : std::string(to_string(level));
}

Json progress_json(const ProgressReport& report, Rating rating, const std::vector<Diagnostic>& warnings,
                   const std::vector<Diagnostic>& notes) {
    Json points = Json::array();
    for (const auto& p : report.points) {
        const GapSummary& s = p.gap.summary;
        points.push_back({{"file", p.file},
                          {"date", p.date.empty() ? Json(nullptr) : Json(p.date)},
                          {"current", p.gap.current == nullptr ? Json(nullptr) : id_and_name(*p.gap.current)},
                          {"readiness", rounded(s.readiness)},
                          {"met", s.met},
                          {"below", s.below},
                          {"missing", s.missing},
                          {"shortfall", s.shortfall}});
    }
    Json skills = Json::array();
    for (const auto& row : report.skills) {
        Json levels = Json::array();
        for (const SkillLevel level : row.levels) {
            levels.push_back(level_json(level));
        }
        Json steps = Json::array();
        for (const ProgressChange step : row.steps) {
            steps.push_back(std::string(to_string(step)));
        }
        skills.push_back(
            {{"id", row.skill->id},
             {"name", row.skill->name},
             {"required",
              row.requirement == nullptr ? Json(nullptr) : Json(std::string(required_level_word(*row.requirement)))},
             {"levels", levels},
             {"steps", steps},
             {"change", std::string(to_string(row.change))}});
    }
    return {
        {"person", report.person.empty() ? Json(nullptr) : Json(report.person)},
        {"target", {{"id", report.target->id}, {"name", report.target->name}, {"inferred", report.target_inferred}}},
        {"rating", std::string(to_string(rating))},
        {"points", points},
        {"skills", skills},
        {"short", shortfalls_json(report.points.back().gap)},
        {"warnings", diagnostics_json(warnings)},
        {"notes", diagnostics_json(notes)}};
}

// One row per skill for CSV, TSV and Markdown: its level at each point, then the change.
Records progress_records(const ProgressReport& report) {
    Records records;
    records.headers = {"id", "name", "required"};
    for (const auto& p : report.points) {
        records.headers.push_back(label(p));
    }
    records.headers.emplace_back("change");
    for (const auto& row : report.skills) {
        std::vector<std::string> cells = {
            row.skill->id, row.skill->name,
            row.requirement == nullptr ? std::string() : std::string(required_level_word(*row.requirement))};
        for (const SkillLevel level : row.levels) {
            cells.push_back(level == SkillLevel::none ? std::string() : std::string(to_string(level)));
        }
        cells.emplace_back(to_string(row.change));
        records.rows.push_back(std::move(cells));
    }
    std::vector<std::string> ready = {"readiness", "Readiness", std::string(short_name(*report.target))};
    for (const auto& p : report.points) {
        ready.push_back(Json(rounded(p.gap.summary.readiness)).dump());
    }
    ready.emplace_back("");
    records.rows.push_back(std::move(ready));
    return records;
}

// A required skill's gap at one point, or nullptr for a skill the target does not ask.
const SkillGap* find_gap(const GapReport& gap, const Skill& skill) {
    for (const auto& g : gap.skills) {
        if (&*g.skill == &skill) {
            return &g;
        }
    }
    return nullptr;
}

// The change from the first point to the last; when that is none, the changes on the way
// ("new, dropped"), so that nothing moves unseen.
std::string change_text(const SkillProgress& row) {
    if (row.change != ProgressChange::same) {
        return std::string(to_string(row.change));
    }
    std::string text;
    for (const ProgressChange step : row.steps) {
        if (step != ProgressChange::same) {
            text += (text.empty() ? "" : ", ") + std::string(to_string(step));
        }
    }
    return text;
}

void write_progress_table(const ProgressReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << (report.person.empty() ? std::string("Progress") : "Progress of " + report.person) << " against "
        << style.bold(report.target->name) << (report.target_inferred ? " (the level after 'current:')" : "") << '\n'
        << '\n';
    std::vector<std::string> headers = {"SKILL", "REQUIRED"};
    for (const auto& p : report.points) {
        headers.push_back(label(p));
    }
    headers.emplace_back("CHANGE");
    TextTable table(headers, 0);
    bool any_agreed = false;
    bool any_discuss = false;
    for (const auto& row : report.skills) {
        std::vector<std::string> cells = {row.skill->name, row.requirement == nullptr
                                                               ? std::string("-")
                                                               : std::string(required_level_word(*row.requirement))};
        for (std::size_t i = 0; i < row.levels.size(); ++i) {
            const SkillGap* gap = find_gap(report.points[i].gap, *row.skill);
            cells.push_back(gap == nullptr ? level_word(row.levels[i])
                                           : rated_text(gap->actual, gap->uses_agreed, gap->discuss));
            any_agreed = any_agreed || (gap != nullptr && gap->uses_agreed);
            any_discuss = any_discuss || (gap != nullptr && gap->discuss);
        }
        cells.push_back(change_text(row));
        std::vector<Tone> colors(cells.size(), Tone::plain);
        colors.back() = row.change == ProgressChange::lowered || row.change == ProgressChange::dropped
                            ? tone_of(GapStatus::below)
                        : row.change == ProgressChange::same ? Tone::plain
                                                             : tone_of(GapStatus::met);
        table.add_row(std::move(cells), std::move(colors));
    }
    std::vector<std::string> ready = {"READY", ""};
    for (const auto& p : report.points) {
        ready.push_back(percent(p.gap.summary.readiness));
    }
    ready.emplace_back("");
    table.add_row(std::move(ready));
    table.write(out, style, "  ");
    if (const std::string legend = rated_legend(any_agreed, any_discuss); !legend.empty()) {
        for (const auto& line : wrap(legend, static_cast<std::size_t>(std::max(style.width, 40)) - 2)) {
            out << "  " << style.dim(line) << '\n';
        }
    }
    out << '\n';
    std::string short_now;
    for (const auto& g : report.points.back().gap.skills) {
        if (g.status == GapStatus::below || g.status == GapStatus::missing) {
            short_now += (short_now.empty() ? "" : "; ") + g.skill->name + " (" +
                         std::string(required_level_word(*g.requirement)) + ", now " +
                         std::string(to_string(g.actual)) + ")";
        }
    }
    write_wrapped(out,
                  short_now.empty()
                      ? "Nothing is short now: every skill " + short_name(*report.target) + " requires is met."
                      : "Still short now: " + short_now + ".",
                  style, "");
}

int run_progress(Session& session, const ProgressOptions& options) {
    // levels and skills by name, and what each level requires: no texts are shown
    const Framework& framework = session.framework(LoadScope::requirements_only());
    const RoleLevel* target = options.target.empty() ? nullptr : &resolve_level(framework, options.target);
    std::vector<Diagnostic> warnings;
    std::vector<SelfAssessment> assessments;
    std::vector<Diagnostic> notes;  // of reading the files (a skill under an earlier release's name, say)
    for (const auto& file : options.files) {
        assessments.push_back(read_self_assessment(session, file, &warnings));
        notes.insert(notes.end(), assessments.back().notes.begin(), assessments.back().notes.end());
    }
    const ProgressReport report = [&] {
        try {
            return analyse_progress(framework, std::move(assessments), target, options.rating);
        } catch (const InputError& error) {
            throw AssessmentError(error);
        }
    }();
    for (const auto& note : report.notes) {
        session.err() << "ddat: note: " << format_diagnostic(note) << '\n';
    }
    notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    Output output = session.output();
    const Picture picture{(report.person.empty() ? std::string("Progress") : "Progress of " + report.person) +
                              " against " + report.target->name,
                          progress_chart};
    if (!write_machine(
            output, [&] { return progress_json(report, options.rating, warnings, notes); },
            [&](const Json&) { return progress_records(report); }, &picture)) {
        write_progress_table(report, output);
    }
    return kExitOk;
}

}  // namespace

void add_progress_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<ProgressOptions>();
    CLI::App* progress = app.add_subcommand("progress", "One person's self-assessments over time");
    if (!registry.builds(*progress)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(progress->add_option("FILE", options->files, "Two or more self-assessments of the same person")
                  ->required()
                  ->expected(2, -1),
              Completion::files);
    completes(
        progress->add_option("--target", options->target, "Target role level (default: the latest file's 'target:')")
            ->type_name("LEVEL"),
        Completion::levels);
    add_rating_option(*progress, options->rating);
    progress->footer(
        "Shows each skill's level at each assessment, what changed (raised, lowered, new, dropped),\n"
        "readiness against the target at each, and what is still short now. Each file keeps its\n"
        "own levels: nothing is overwritten. Files are ordered by 'date: YYYY-MM-DD' when every one\n"
        "gives it, else taken as given. The target is --target, else the latest file's 'target:',\n"
        "else the level after its 'current:'. The files may have different names: they are read\n"
        "as one person's.\n"
        "\n"
        "Examples:\n"
        "  ddat progress reviews/2025-04.yaml reviews/2025-10.yaml reviews/2026-04.yaml\n"
        "  ddat progress reviews/*.yaml --target lead-brm --format json");
    add_output_file_option(*progress, registry.options());
    registry.add(progress, [options](Session& session) { return run_progress(session, *options); });
}

}  // namespace ddat::cli
