// ddat team FILE|DIR... [--target LEVEL]
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "ddat/errors.hpp"
#include "ddat/team.hpp"

namespace ddat::cli {

namespace {

struct TeamOptions {
    std::vector<std::string> paths;
    std::string target;
};

std::string short_name(const RoleLevel& level) { return level.aliases.empty() ? level.id : level.aliases.front(); }

// One person of the JSON's "people", written straight out: a team can have thousands.
void write_person(JsonWriter& json, const TeamMember& member) {
    json.begin_object();
    json.key("name").text(member.name);
    json.key("file").text(member.file);
    json.key("target").begin_object();
    json.key("id").text(member.gap.target->id);
    json.key("name").text(member.gap.target->name);
    json.end_object();
    json.key("readiness").value(std::round(member.gap.summary.readiness * 1000) / 1000);
    json.key("skills").begin_array();
    for (const auto& g : member.gap.skills) {
        json.begin_object();
        json.key("id").text(g.skill->id);
        json.key("required").text(required_level_word(*g.requirement));
        json.key("actual").text_or_null(g.actual == SkillLevel::none ? "" : to_string(g.actual));
        json.key("shortfall").number(g.shortfall);
        json.key("status").text(to_string(g.status));
        json.key("evidence").text_or_null(g.evidence);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// The JSON's fields after "people", which person_json writes one by one.
Json team_json_after_people(const TeamReport& report) {
    Json skills = Json::array();
    for (const auto& row : report.skills) {
        skills.push_back({{"id", row.skill->id},
                          {"name", row.skill->name},
                          {"required", row.required},
                          {"met", row.met},
                          {"below", row.below},
                          {"missing", row.missing}});
    }
    Json skipped = Json::array();
    for (const auto& problem : report.skipped) {
        skipped.push_back({{"file", problem.location.file},
                           {"line", problem.location.line == 0 ? Json(nullptr) : Json(problem.location.line)},
                           {"column", problem.location.column == 0 ? Json(nullptr) : Json(problem.location.column)},
                           {"message", problem.message}});
    }
    return {{"skills", std::move(skills)},
            {"readiness", std::round(report.readiness * 1000) / 1000},
            {"skipped", std::move(skipped)}};
}

// The whole report as JSON: people, skills, readiness and the assessments left out.
void write_team_json(std::ostream& out, const TeamReport& report) {
    JsonWriter json(out);
    json.begin_object();
    json.key("people").begin_array();
    for (const auto& member : report.people) {
        write_person(json, member);
    }
    json.end_array();
    const Json rest = team_json_after_people(report);
    for (const auto& [key, value] : rest.items()) {
        json.key(key).value(value);
    }
    json.end_object();
    out << '\n';
}

// One row per person and required skill, for CSV, TSV and Markdown: the rows flatten() would make
// of the JSON's people, built directly, which is several times faster for a large team.
Records team_records(const TeamReport& report) {
    Records records;
    records.headers = {"name",
                       "file",
                       "target.id",
                       "target.name",
                       "readiness",
                       "skills.id",
                       "skills.required",
                       "skills.actual",
                       "skills.shortfall",
                       "skills.status",
                       "skills.evidence"};
    for (const auto& member : report.people) {
        const std::string readiness = Json(std::round(member.gap.summary.readiness * 1000) / 1000).dump();
        for (const auto& g : member.gap.skills) {
            records.rows.push_back({member.name, member.file, member.gap.target->id, member.gap.target->name, readiness,
                                    g.skill->id, std::string(required_level_word(*g.requirement)),
                                    g.actual == SkillLevel::none ? std::string() : std::string(to_string(g.actual)),
                                    std::to_string(g.shortfall), std::string(to_string(g.status)), g.evidence});
        }
    }
    return records;
}

// A matrix cell: the shortfall in levels, "-" for met or exceeded, "✗" for missing, blank when
// the person's target does not ask the skill.
std::string cell_text(const SkillGap* gap) {
    if (gap == nullptr) {
        return "";
    }
    switch (gap->status) {
        case GapStatus::met:
        case GapStatus::exceeds: return "-";
        case GapStatus::missing: return "✗";
        case GapStatus::below: return std::to_string(gap->shortfall);
    }
    return "";
}

// The name each person is shown by: their name, and where two people share it, the file too.
std::vector<std::string> shown_names(const TeamReport& report) {
    std::map<std::string, int> count;
    for (const auto& member : report.people) {
        ++count[member.name];
    }
    std::vector<std::string> names;
    for (const auto& member : report.people) {
        names.push_back(count[member.name] == 1
                            ? member.name
                            : member.name + " (" + std::filesystem::path(member.file).filename().string() + ")");
    }
    return names;
}

void write_team_table(const Framework& framework, const TeamReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const std::size_t n = report.people.size();
    const std::vector<std::string> names = shown_names(report);
    out << style.bold("Team of " + count_of(n, "person", "people")) << " against their target levels\n\n";

    TextTable people({"PERSON", "TARGET", "READY", "SHORT", "MISSING"}, 0);
    for (std::size_t p = 0; p < n; ++p) {
        const TeamMember& member = report.people[p];
        const GapSummary& s = member.gap.summary;
        people.add_row({names[p], short_name(*member.gap.target), percent(s.readiness), std::to_string(s.shortfall),
                        std::to_string(s.missing)});
    }
    people.write(out, style, "  ");

    // Each person's gap per row of the matrix.
    const std::size_t rows = report.skills.size();
    std::vector<std::vector<const SkillGap*>> cells(n, std::vector<const SkillGap*>(rows, nullptr));
    for (std::size_t p = 0; p < n; ++p) {
        for (const auto& g : report.people[p].gap.skills) {
            const int row = report.row_of(framework, *g.skill);
            if (row >= 0) {
                cells[p][static_cast<std::size_t>(row)] = &g;
            }
        }
    }
    // The matrix, as many people across as fit, in as many blocks as it takes.
    std::size_t skill_width = 5;
    for (const auto& row : report.skills) {
        skill_width = std::max(skill_width, display_width(row.skill->name));
    }
    const auto available = static_cast<std::size_t>(std::max(style.width, 40));
    for (std::size_t first = 0; rows > 0 && first < n;) {
        std::size_t used = 2 + skill_width;
        std::size_t last = first;
        while (last < n) {
            const std::size_t width = std::max<std::size_t>(display_width(names[last]), 4);
            if (last > first && used + 2 + width > available) {
                break;
            }
            used += 2 + width;
            ++last;
        }
        std::vector<std::string> headers = {"SKILL"};
        for (std::size_t p = first; p < last; ++p) {
            headers.push_back(names[p]);
        }
        TextTable matrix(headers, 0);
        for (std::size_t r = 0; r < rows; ++r) {
            std::vector<std::string> row = {report.skills[r].skill->name};
            std::vector<Heat> heats = {Heat::none};
            for (std::size_t p = first; p < last; ++p) {
                const SkillGap* gap = cells[p][r];
                row.push_back(cell_text(gap));
                heats.push_back(gap == nullptr ? Heat::none : heat_of(*gap));
            }
            matrix.add_row(std::move(row), {}, std::move(heats));
        }
        std::vector<std::string> ready = {"READY"};
        for (std::size_t p = first; p < last; ++p) {
            ready.push_back(percent(report.people[p].gap.summary.readiness));
        }
        matrix.add_row(std::move(ready));
        out << '\n';
        matrix.write(out, style, "  ");
        first = last;
    }
    if (n > 0 && rows > 0) {
        const std::string legend =
            "Cells: levels short of the person's target; - met; ✗ missing; blank: not asked of them.";
        for (const auto& line : wrap(legend, available - 2)) {
            out << "  " << style.dim(line) << '\n';
        }
    }

    if (rows > 0) {
        out << '\n';
        TextTable skills({"SKILL", "ASKED OF", "MET", "BELOW", "MISSING"}, 0);
        for (const auto& row : report.skills) {
            skills.add_row(
                {row.skill->name, std::to_string(row.required), std::to_string(row.met), std::to_string(row.below),
                 std::to_string(row.missing)},
                {Tone::plain, Tone::plain, Tone::plain, row.below > 0 ? tone_of(GapStatus::below) : Tone::plain,
                 row.missing > 0 ? tone_of(GapStatus::missing) : Tone::plain});
        }
        skills.write(out, style, "  ");
    }
    const auto with_criteria = static_cast<std::size_t>(std::count_if(
        report.people.begin(), report.people.end(), [](const TeamMember& m) { return !m.gap.criteria.empty(); }));
    if (with_criteria > 0) {
        out << '\n';
        write_wrapped(out,
                      "The targets of " + count_of(with_criteria, "person", "people") +
                          " also ask competences or specialist skills, which readiness counts; 'ddat gap --me FILE' "
                          "shows each.",
                      style, "");
    }
    out << '\n'
        << style.bold("Team readiness " + percent(report.readiness)) << " (the mean of "
        << count_of(n, "person", "people") << ")\n";
    if (!report.skipped.empty()) {
        out << report.skipped.size() << " of " << count_of(report.files, "assessment", "assessments")
            << " left out: see the warnings on standard error\n";
    }
}

int run_team(Session& session, const TeamOptions& options) {
    const Framework& framework = session.framework();
    std::vector<Diagnostic> path_problems;
    const std::vector<std::string> files = team_files(options.paths, path_problems);
    if (files.empty() && !path_problems.empty()) {
        // Nothing to read at all: the paths' problems are the error, not warnings before it.
        throw InputError(std::move(path_problems));
    }
    for (const auto& problem : path_problems) {
        session.warn(format_diagnostic(problem));
    }
    const TeamReport report = analyse_team(framework, files, options.target);
    for (const auto& warning : report.warnings) {
        session.warn(format_diagnostic(warning));
    }
    if (report.people.empty()) {
        if (files.empty()) {
            throw InputError(SourceLocation{}, "no self-assessment to read: name files, or a folder of *.yaml files");
        }
        if (report.unreadable == files.size()) {
            throw InputError(SourceLocation{}, files.size() == 1 ? std::string("the self-assessment could not be read")
                                                                 : "none of the " + std::to_string(files.size()) +
                                                                       " self-assessments could be read");
        }
        throw InputError(SourceLocation{}, "no self-assessment names a target: give --target LEVEL");
    }
    Output output = session.output();
    switch (output.format) {
        case Format::table: write_team_table(framework, report, output); break;
        case Format::json: write_team_json(output.out, report); break;
        case Format::yaml: {
            // The JSON, read back: one definition of the fields for both formats.
            std::ostringstream json;
            write_team_json(json, report);
            write_yaml(output.out, Json::parse(json.str()));
            break;
        }
        case Format::csv: write_csv(output.out, team_records(report)); break;
        case Format::tsv: write_tsv(output.out, team_records(report)); break;
        case Format::markdown: write_markdown(output.out, team_records(report)); break;
        case Format::html:
        case Format::svg: {
            std::ostringstream json;
            write_team_json(json, report);
            const Picture picture{"Team skills", team_chart};
            write_data(output, Json::parse(json.str()), {}, &picture);
            break;
        }
    }
    return kExitOk;
}

}  // namespace

void add_team_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<TeamOptions>();
    CLI::App* team = app.add_subcommand("team", "A team's skill gaps: people against their target levels");
    team->add_option("PATH", options->paths, "Self-assessment files, or folders of *.yaml / *.yml files")->required();
    team->add_option("--target", options->target, "One target level for everyone (default: each file's 'target:')")
        ->type_name("LEVEL");
    team->footer(
        "Reads every self-assessment and shows, per skill, how far each person is short of their\n"
        "target: the number of levels short, - met, ✗ missing; then per skill how many people are\n"
        "below or missing, and the team's readiness (the mean of everyone's). An assessment that\n"
        "cannot be read, or names no target when --target is not given, is reported on standard\n"
        "error and left out. ddat writes nothing: CSV and JSON are for spreadsheets.\n"
        "\n"
        "Examples:\n"
        "  ddat team assessments/\n"
        "  ddat team assessments/ --target senior-brm\n"
        "  ddat team alex.yaml sam.yaml --format csv > team.csv");
    registry.add(team, [options](Session& session) { return run_team(session, *options); });
}

}  // namespace ddat::cli
