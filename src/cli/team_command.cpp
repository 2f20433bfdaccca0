// ddat team FILE|DIR... [--target LEVEL]
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/analysis/match.hpp"
#include "ddat/analysis/team.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/team_files.hpp"

namespace ddat::cli {

namespace {

// A flat view in the flat format asked for.
void write_records(std::ostream& out, Format format, const Records& records) {
    switch (format) {
        case Format::csv: write_csv(out, records); break;
        case Format::tsv: write_tsv(out, records); break;
        default: write_markdown(out, records); break;
    }
}

struct TeamCommandOptions {
    std::vector<std::string> paths;
    std::string target;
    Rating rating = Rating::agreed;
    std::string view = "people";
    bool strict = false;
    bool exit_code = false;
};

std::string level_text(SkillLevel level) {
    return level == SkillLevel::none ? std::string() : std::string(to_string(level));
}

// One person of the JSON's "people", written straight out: a team can have thousands. `next` is
// the first of report.shortfalls not yet written: each skill the person falls short of carries
// who could mentor them.
void write_person(JsonWriter& json, const TeamReport& report, const TeamMember& member, std::size_t& next) {
    json.begin_object();
    json.key("name").text(member.name);
    json.key("file").text(member.file);
    if (member.gap.current != nullptr) {
        json.key("current").begin_object();
        json.key("id").text(member.gap.current->id);
        json.key("name").text(member.gap.current->name);
        json.end_object();
    } else {
        json.key("current").null();
    }
    json.key("target").begin_object();
    json.key("id").text(member.gap.target->id);
    json.key("name").text(member.gap.target->name);
    json.key("inferred").boolean(member.target_inferred);
    json.end_object();
    json.key("readiness").value(std::round(member.gap.summary.readiness * 1000) / 1000);
    json.key("disagreements").number(member.discuss);
    json.key("skills").begin_array();
    for (const auto& g : member.gap.skills) {
        json.begin_object();
        json.key("id").text(g.skill->id);
        json.key("required").text(required_level_word(*g.requirement));
        json.key("actual").text_or_null(level_text(g.actual));
        json.key("self").text_or_null(level_text(g.self));
        json.key("agreed").text_or_null(g.agreed ? level_text(*g.agreed) : std::string());
        json.key("rating").text(g.uses_agreed ? "agreed" : "self");
        json.key("discuss").boolean(g.discuss);
        json.key("shortfall").number(g.shortfall);
        json.key("status").text(to_string(g.status));
        json.key("evidence").text_or_null(g.evidence);
        if (next < report.shortfalls.size() && report.shortfalls[next].gap == &g) {
            const TeamShortfall& shortfall = report.shortfalls[next++];
            json.key("mentor_count").number(static_cast<long long>(shortfall.mentor_count));
            json.key("mentors").begin_array();
            for (const std::size_t m : shortfall.mentors) {
                json.text(report.people[m].name);
            }
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
    // The skills the person holds that their target does not ask.
    json.key("other_skills").begin_array();
    for (const auto& h : member.held) {
        const bool asked = std::any_of(member.gap.skills.begin(), member.gap.skills.end(),
                                       [&](const SkillGap& g) { return g.skill == h.skill; });
        if (!asked) {
            json.begin_object();
            json.key("id").text(h.skill->id);
            json.key("actual").text_or_null(level_text(h.level));
            json.key("discuss").boolean(h.discuss);
            json.end_object();
        }
    }
    json.end_array();
    json.end_object();
}

Json skill_json(const TeamSkill& row) {
    return {{"id", row.skill->id},
            {"name", row.skill->name},
            {"required", level_json(row.level)},
            {"asked_of", row.asked_of},
            {"met", row.met},
            {"below", row.below},
            {"missing", row.missing},
            {"holders", row.holders},
            {"holders_below", row.holders_below},
            {"holders_none", row.holders_none},
            {"single_point_of_failure", row.single_point_of_failure()},
            {"disagreements", row.discuss}};
}

// The report's fields after the people: skills with their coverage, single points of failure,
// readiness, the assessments left out, warnings and notes.
Json team_json_rest(const TeamReport& report, const std::vector<Diagnostic>& notes) {
    Json rest = Json::object();
    Json skills = Json::array();
    Json single = Json::array();
    for (const auto& row : report.skills) {
        skills.push_back(skill_json(row));
        if (row.single_point_of_failure()) {
            single.push_back(row.skill->id);
        }
    }
    rest["skills"] = std::move(skills);
    rest["single_points_of_failure"] = std::move(single);
    rest["readiness"] = std::round(report.readiness * 1000) / 1000;
    rest["skipped"] = diagnostics_json(report.skipped);
    std::vector<Diagnostic> warnings;
    for (const auto& w : report.warnings) {
        // The skipped files are listed on their own.
        if (!w.message.ends_with("(assessment left out)")) {
            warnings.push_back(w);
        }
    }
    rest["warnings"] = diagnostics_json(warnings);
    rest["notes"] = diagnostics_json(notes);
    return rest;
}

// The whole report as JSON: people (with the mentors of each shortfall), then team_json_rest.
void write_team_json(std::ostream& out, const TeamReport& report, Rating rating, const std::vector<Diagnostic>& notes) {
    JsonWriter json(out);
    json.begin_object();
    json.key("rating").text(to_string(rating));
    json.key("people").begin_array();
    std::size_t next = 0;
    for (const auto& member : report.people) {
        write_person(json, report, member, next);
    }
    json.end_array();
    const Json rest = team_json_rest(report, notes);
    for (const auto& [key, value] : rest.items()) {
        json.key(key).value(value);
    }
    json.end_object();
    json.flush();
    out << '\n';
}

// The people view as flat rows: one per person and required skill, for CSV and TSV.
Records people_records(const TeamReport& report) {
    Records records;
    records.headers = {"name",           "file",          "current.id",      "target.id",        "target.name",
                       "readiness",      "skills.id",     "skills.required", "skills.actual",    "skills.self",
                       "skills.agreed",  "skills.rating", "skills.discuss",  "skills.shortfall", "skills.status",
                       "skills.evidence"};
    for (const auto& member : report.people) {
        const std::string readiness = Json(std::round(member.gap.summary.readiness * 1000) / 1000).dump();
        const std::string current = member.gap.current == nullptr ? std::string() : member.gap.current->id;
        for (const auto& g : member.gap.skills) {
            records.rows.push_back({member.name, member.file, current, member.gap.target->id, member.gap.target->name,
                                    readiness, g.skill->id, std::string(required_level_word(*g.requirement)),
                                    level_text(g.actual), level_text(g.self),
                                    g.agreed ? level_text(*g.agreed) : std::string(), g.uses_agreed ? "agreed" : "self",
                                    g.discuss ? "true" : "false", std::to_string(g.shortfall),
                                    std::string(to_string(g.status)), g.evidence});
        }
    }
    return records;
}

// The skills view as flat rows: coverage and single points of failure per skill.
Records skills_records(const TeamReport& report) {
    Json rows = Json::array();
    for (const auto& row : report.skills) {
        rows.push_back(skill_json(row));
    }
    return flatten(rows, {},
                   {"id", "name", "required", "asked_of", "met", "below", "missing", "holders", "holders_below",
                    "holders_none", "single_point_of_failure", "disagreements"});
}

// The mentors view as flat rows: one per shortfall, with who could help.
Records mentors_records(const TeamReport& report) {
    Records records;
    records.headers = {"person", "file", "skill.id", "skill.name", "required", "actual", "mentor_count", "mentors"};
    for (const auto& s : report.shortfalls) {
        const TeamMember& member = report.people[s.person];
        std::string mentors;
        for (const std::size_t m : s.mentors) {
            mentors += (mentors.empty() ? "" : "; ") + report.people[m].name;
        }
        records.rows.push_back({member.name, member.file, s.gap->skill->id, s.gap->skill->name,
                                std::string(required_level_word(*s.gap->requirement)), level_text(s.gap->actual),
                                std::to_string(s.mentor_count), mentors});
    }
    return records;
}

// A matrix cell: the shortfall in levels, "-" for met or exceeded, "✗" for missing; for a skill
// the person's target does not ask, the level they hold it at as "(n)", else blank.
std::string cell_text(const SkillGap* gap, SkillLevel held) {
    if (gap == nullptr) {
        return held == SkillLevel::none ? "" : "(" + std::to_string(to_number(held)) + ")";
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

// The people in the order of the matrix: grouped by the role of their target, in the framework's
// order of roles, and in file order within a role.
std::vector<std::size_t> by_role(const Framework& framework, const TeamReport& report) {
    std::vector<std::size_t> order(report.people.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    const auto role_index = [&](std::size_t p) {
        const Role& role = framework.role_of(*report.people[p].gap.target);
        return &role - framework.roles().data();
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return role_index(a) < role_index(b); });
    return order;
}

// The matrix's cells: for each person (by index in people) and row of skills, their gap, or
// nullptr when their target does not ask it.
std::vector<std::vector<const SkillGap*>> matrix_cells(const Framework& framework, const TeamReport& report) {
    std::vector<std::vector<const SkillGap*>> cells(report.people.size(),
                                                    std::vector<const SkillGap*>(report.skills.size(), nullptr));
    for (std::size_t p = 0; p < report.people.size(); ++p) {
        for (const auto& g : report.people[p].gap.skills) {
            const int row = report.row_of(framework, *g.skill);
            if (row >= 0) {
                cells[p][static_cast<std::size_t>(row)] = &g;
            }
        }
    }
    return cells;
}

constexpr std::string_view kMatrixLegend =
    "Cells: levels short of the person's target; - met; ✗ missing; (n): held at level n, not asked of them; "
    "blank: neither.";

// The people view in Markdown: the matrix, skills down and people across, grouped by role.
void write_team_markdown(const Framework& framework, const TeamReport& report, std::ostream& out) {
    const std::vector<std::string> names = shown_names(report);
    const std::vector<std::size_t> order = by_role(framework, report);
    const auto cells = matrix_cells(framework, report);
    Records matrix;
    matrix.headers = {"Skill"};
    for (const std::size_t p : order) {
        matrix.headers.push_back(names[p] + " (" + short_name(*report.people[p].gap.target) + ")");
    }
    for (std::size_t r = 0; r < report.skills.size(); ++r) {
        std::vector<std::string> row = {report.skills[r].skill->name};
        for (const std::size_t p : order) {
            row.push_back(cell_text(cells[p][r], report.people[p].level_of(*report.skills[r].skill)));
        }
        matrix.rows.push_back(std::move(row));
    }
    std::vector<std::string> ready = {"**Readiness**"};
    for (const std::size_t p : order) {
        ready.push_back(percent(report.people[p].gap.summary.readiness));
    }
    matrix.rows.push_back(std::move(ready));
    write_markdown(out, matrix);
    out << '\n' << kMatrixLegend << '\n';
}

// The people view as a sheet: a row per person, grouped by role, with their readiness, then a
// column per skill giving the levels they are short of their target (0 where met, blank where
// their target does not ask it), coloured as a heat map.
Sheet heat_map_sheet(const Framework& framework, const TeamReport& report) {
    const std::vector<std::string> names = shown_names(report);
    const auto cells = matrix_cells(framework, report);
    Sheet sheet{"People", {{"name", "current", "target", "readiness", "shortfall", "missing"}, {}}, 1};
    sheet.heat_from = sheet.records.headers.size();
    for (const auto& row : report.skills) {
        sheet.records.headers.push_back(row.skill->name);
    }
    for (const std::size_t p : by_role(framework, report)) {
        const TeamMember& member = report.people[p];
        const GapSummary& s = member.gap.summary;
        std::vector<std::string> row = {names[p],
                                        member.gap.current == nullptr ? std::string() : short_name(*member.gap.current),
                                        short_name(*member.gap.target),
                                        Json(std::round(s.readiness * 1000) / 1000).dump(),
                                        std::to_string(s.shortfall),
                                        std::to_string(s.missing)};
        for (std::size_t r = 0; r < report.skills.size(); ++r) {
            const SkillGap* gap = cells[p][r];
            row.push_back(gap == nullptr ? std::string() : std::to_string(gap->shortfall));
        }
        sheet.records.rows.push_back(std::move(row));
    }
    return sheet;
}

// Every view as a sheet, the one asked for with --view first: people (the heat map), skills,
// mentors, and each person's gap in each skill with their evidence.
std::vector<Sheet> team_sheets(const Framework& framework, const TeamReport& report, const std::string& view) {
    std::vector<Sheet> sheets;
    sheets.push_back(heat_map_sheet(framework, report));
    sheets.push_back(Sheet{"Skills", skills_records(report), 1});
    sheets.push_back(Sheet{"Mentors", mentors_records(report), 1});
    sheets.push_back(Sheet{"Gaps", people_records(report), 1});
    const std::size_t first = view == "skills" ? 1 : view == "mentors" ? 2 : 0;
    std::rotate(sheets.begin(), sheets.begin() + static_cast<std::ptrdiff_t>(first),
                sheets.begin() + static_cast<std::ptrdiff_t>(first) + 1);
    return sheets;
}

// The skills view as a table: coverage and single points of failure.
void write_skills_table(const TeamReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << style.bold("Coverage of the " + count_of(report.skills.size(), "skill", "skills") +
                      " the team's targets require")
        << " (" << count_of(report.people.size(), "person", "people") << ")\n\n";
    TextTable table({"SKILL", "REQUIRED", "AT OR ABOVE", "BELOW", "NONE", "ASKED OF", "SHORT"}, 0);
    for (const auto& row : report.skills) {
        table.add_row({row.skill->name + (row.single_point_of_failure() ? " !" : ""), level_text(row.level),
                       std::to_string(row.holders), std::to_string(row.holders_below), std::to_string(row.holders_none),
                       std::to_string(row.asked_of), std::to_string(row.below + row.missing)},
                      {Tone::plain, Tone::plain, row.holders <= 1 ? tone_of(GapStatus::missing) : Tone::plain,
                       Tone::plain, Tone::plain, Tone::plain, Tone::plain});
    }
    table.write(out, style, "  ");
    const auto single = static_cast<std::size_t>(std::count_if(
        report.skills.begin(), report.skills.end(), [](const TeamSkill& r) { return r.single_point_of_failure(); }));
    out << '\n';
    write_wrapped(out,
                  single == 0 ? std::string("No single points of failure: every skill is held at the level required "
                                            "by two people or more.")
                              : "! " + count_of(single, "single point of failure", "single points of failure") +
                                    ": held at the level required by one person or nobody.",
                  style, "");
}

// The mentors view as a table: each shortfall and who could help.
void write_mentors_table(const TeamReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const std::vector<std::string> names = shown_names(report);
    out << style.bold("Who could mentor whom") << ": for each shortfall, the people who hold the skill at the level "
        << "required\n\n";
    if (report.shortfalls.empty()) {
        out << "  Nobody is short of their target.\n";
        return;
    }
    TextTable table({"PERSON", "SKILL", "NEEDS", "HAS", "MENTORS"});
    for (const auto& s : report.shortfalls) {
        std::string mentors;
        for (const std::size_t m : s.mentors) {
            mentors += (mentors.empty() ? "" : ", ") + names[m];
        }
        if (s.mentor_count > s.mentors.size()) {
            mentors += " and " + std::to_string(s.mentor_count - s.mentors.size()) + " more";
        }
        table.add_row({names[s.person], s.gap->skill->name, std::string(required_level_word(*s.gap->requirement)),
                       s.gap->actual == SkillLevel::none ? std::string("-") : level_text(s.gap->actual),
                       mentors.empty() ? std::string("nobody in the team") : mentors},
                      {Tone::plain, Tone::plain, Tone::plain, Tone::plain,
                       mentors.empty() ? tone_of(GapStatus::missing) : Tone::plain});
    }
    table.write(out, style, "  ");
}

void write_team_table(const Framework& framework, const TeamReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const std::size_t n = report.people.size();
    const std::vector<std::string> names = shown_names(report);
    const std::vector<std::size_t> order = by_role(framework, report);
    out << style.bold("Team of " + count_of(n, "person", "people")) << " against their target levels\n\n";

    const bool any_discuss =
        std::any_of(report.people.begin(), report.people.end(), [](const TeamMember& m) { return m.discuss > 0; });
    std::vector<std::string> headers = {"PERSON", "CURRENT", "TARGET", "READY", "SHORT", "MISSING"};
    if (any_discuss) {
        headers.emplace_back("DISCUSS");
    }
    TextTable people(headers, 0);
    for (const std::size_t p : order) {
        const TeamMember& member = report.people[p];
        const GapSummary& s = member.gap.summary;
        std::vector<std::string> row = {names[p],
                                        member.gap.current == nullptr ? "-" : short_name(*member.gap.current),
                                        short_name(*member.gap.target) + (member.target_inferred ? "*" : ""),
                                        percent(s.readiness),
                                        std::to_string(s.shortfall),
                                        std::to_string(s.missing)};
        if (any_discuss) {
            row.push_back(member.discuss == 0 ? "" : std::to_string(member.discuss));
        }
        people.add_row(std::move(row));
    }
    people.write(out, style, "  ");
    if (std::any_of(report.people.begin(), report.people.end(),
                    [](const TeamMember& m) { return m.target_inferred; })) {
        out << "  " << style.dim("* no 'target:' in the file: the level after its 'current:'") << '\n';
    }
    if (any_discuss) {
        out << "  " << style.dim("DISCUSS: skills whose own and agreed levels are 2 or more apart") << '\n';
    }

    // Each person's gap per row of the matrix.
    const std::size_t rows = report.skills.size();
    const auto cells = matrix_cells(framework, report);
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
            const std::size_t width = std::max<std::size_t>(display_width(names[order[last]]), 4);
            if (last > first && used + 2 + width > available) {
                break;
            }
            used += 2 + width;
            ++last;
        }
        std::vector<std::string> matrix_headers = {"SKILL"};
        for (std::size_t i = first; i < last; ++i) {
            matrix_headers.push_back(names[order[i]]);
        }
        TextTable matrix(matrix_headers, 0);
        for (std::size_t r = 0; r < rows; ++r) {
            std::vector<std::string> row = {report.skills[r].skill->name};
            std::vector<Heat> heats = {Heat::none};
            for (std::size_t i = first; i < last; ++i) {
                const std::size_t p = order[i];
                const SkillGap* gap = cells[p][r];
                row.push_back(cell_text(gap, report.people[p].level_of(*report.skills[r].skill)));
                heats.push_back(gap == nullptr ? Heat::none : heat_of(*gap));
            }
            matrix.add_row(std::move(row), {}, std::move(heats));
        }
        std::vector<std::string> ready = {"READY"};
        for (std::size_t i = first; i < last; ++i) {
            ready.push_back(percent(report.people[order[i]].gap.summary.readiness));
        }
        matrix.add_row(std::move(ready));
        out << '\n';
        matrix.write(out, style, "  ");
        first = last;
    }
    if (n > 0 && rows > 0) {
        for (const auto& line : wrap(kMatrixLegend, available - 2)) {
            out << "  " << style.dim(line) << '\n';
        }
    }

    if (rows > 0) {
        out << '\n';
        TextTable skills({"SKILL", "ASKED OF", "MET", "BELOW", "MISSING"}, 0);
        for (const auto& row : report.skills) {
            skills.add_row(
                {row.skill->name, std::to_string(row.asked_of), std::to_string(row.met), std::to_string(row.below),
                 std::to_string(row.missing)},
                {Tone::plain, Tone::plain, Tone::plain, row.below > 0 ? tone_of(GapStatus::below) : Tone::plain,
                 row.missing > 0 ? tone_of(GapStatus::missing) : Tone::plain});
        }
        skills.write(out, style, "  ");
        std::string single;
        for (const auto& row : report.skills) {
            if (row.single_point_of_failure()) {
                single += (single.empty() ? "" : ", ") + row.skill->name;
            }
        }
        if (!single.empty()) {
            out << '\n';
            write_wrapped(out,
                          "Single points of failure (held at the level required by one person or nobody): " + single +
                              ". 'ddat team --view skills' shows the coverage, '--view mentors' who could help whom.",
                          style, "");
        }
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
            << " left out: see the warnings on standard error (--strict makes this an error)\n";
    }
}

int run_team(Session& session, const TeamCommandOptions& options) {
    const Framework& framework = session.framework();
    std::vector<Diagnostic> path_problems;
    std::vector<Diagnostic> notes;
    const std::vector<std::string> files = team_files(options.paths, path_problems, notes);
    if (files.empty() && !path_problems.empty()) {
        // Nothing to read at all: the paths' problems are the error, not warnings before it.
        throw InputError(std::move(path_problems));
    }
    if (options.strict && !path_problems.empty()) {
        throw InputError(std::move(path_problems));
    }
    for (const auto& problem : path_problems) {
        session.warn(format_diagnostic(problem));
    }
    TeamOptions team_options;
    team_options.target = options.target;
    team_options.rating = options.rating;
    const TeamReport report = analyse_team(framework, files, team_options, load_self_assessment);
    if (options.strict && !report.skipped.empty()) {
        std::vector<Diagnostic> problems = report.skipped;
        for (auto& problem : problems) {
            const std::string tail = " (assessment left out)";
            if (problem.message.ends_with(tail)) {
                problem.message.resize(problem.message.size() - tail.size());
            }
        }
        problems.front().message += " (--strict: every file must be read)";
        throw InputError(std::move(problems));
    }
    for (const auto& warning : report.warnings) {
        session.warn(format_diagnostic(warning));
    }
    notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    for (const auto& note : notes) {
        session.err() << "ddat: note: " << format_diagnostic(note) << '\n';
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
        case Format::table:
            if (options.view == "skills") {
                write_skills_table(report, output);
            } else if (options.view == "mentors") {
                write_mentors_table(report, output);
            } else {
                write_team_table(framework, report, output);
            }
            break;
        case Format::json: write_team_json(output.out, report, options.rating, notes); break;
        case Format::yaml: {
            // Person by person, as the JSON is written, from the same definition of the fields:
            // a team of thousands is never held whole.
            std::size_t person = 0;
            std::size_t next_shortfall = 0;
            Json rest = team_json_rest(report, notes);
            rest["rating"] = to_string(options.rating);
            write_yaml_streamed(
                output.out, "people",
                [&]() -> std::optional<Json> {
                    if (person == report.people.size()) {
                        return std::nullopt;
                    }
                    std::ostringstream one;
                    JsonWriter json(one);
                    write_person(json, report, report.people[person++], next_shortfall);
                    json.flush();
                    return Json::parse(one.str());
                },
                rest);
            break;
        }
        case Format::html:
        case Format::svg: {
            std::ostringstream json;
            write_team_json(json, report, options.rating, notes);
            const Picture picture{"Team skills", team_chart};
            write_data(output, Json::parse(json.str()), {}, &picture);
            break;
        }
        case Format::xlsx: write_workbook(output, team_sheets(framework, report, options.view)); break;
        default:
            if (options.view == "skills") {
                write_records(output.out, output.format, skills_records(report));
            } else if (options.view == "mentors") {
                write_records(output.out, output.format, mentors_records(report));
            } else if (output.format == Format::markdown) {
                write_team_markdown(framework, report, output.out);
            } else {
                write_records(output.out, output.format, people_records(report));
            }
            break;
    }
    const bool gaps =
        std::any_of(report.people.begin(), report.people.end(), [](const TeamMember& m) { return m.gap.has_gaps(); });
    return options.exit_code && gaps ? kExitDifferences : kExitOk;
}

}  // namespace

void add_team_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<TeamCommandOptions>();
    CLI::App* team = app.add_subcommand("team", "A team's skill gaps: people against their target levels");
    if (!registry.builds(*team)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(team->add_option("PATH", options->paths, "Self-assessment files, or folders of *.yaml / *.yml files")
                  ->required(),
              Completion::files);
    completes(
        team->add_option("--target", options->target, "One target level for everyone (default: each file's 'target:')")
            ->type_name("LEVEL"),
        Completion::levels);
    completes(team->add_option("--view", options->view,
                               "What to show: people (the matrix; the default), skills (coverage and single points of "
                               "failure) or mentors (who could help whom); picks the rows of CSV, TSV and Markdown")
                  ->type_name("people|skills|mentors")
                  ->check(CLI::IsMember({"people", "skills", "mentors"})),
              Completion::none);
    add_rating_option(*team, options->rating);
    team->add_flag("--strict", options->strict,
                   "Make any file that is left out (unreadable, or with no target) an input error (exit 3)");
    team->add_flag("--exit-code", options->exit_code, "Exit 1 when anyone falls short of their target");
    team->footer(
        "Reads every self-assessment (*.yaml, *.yml, *.json; a file named twice, by any path, counts\n"
        "once) and shows, per skill, how far each person is short of their target: the number of\n"
        "levels short, - met, ✗ missing, (n) held at level n though not asked; people are grouped by\n"
        "role. Then per skill how many people are below or missing, the single points of failure\n"
        "(skills held at the level required by one person or nobody), and the team's readiness.\n"
        "--view skills shows the coverage of each skill, --view mentors who could help whom.\n"
        "A file without 'target:' is read against the level after its 'current:', with a note. An\n"
        "assessment that cannot be read, or gives neither, is reported on standard error and in\n"
        "JSON's 'skipped', and left out; --strict makes that an error. ddat writes nothing but its\n"
        "output: --format xlsx -o FILE gives a workbook with a sheet for each view and the heat map\n"
        "in colour (a terminal gets no binary: give -o FILE or redirect it).\n"
        "\n"
        "Examples:\n"
        "  ddat team assessments/\n"
        "  ddat team assessments/ --target senior-brm\n"
        "  ddat team alex.yaml sam.yaml --format csv > team.csv\n"
        "  ddat team assessments/ --format xlsx -o team.xlsx\n"
        "  ddat team assessments/ --view skills --format csv\n"
        "  ddat team assessments/ --view mentors\n"
        "  ddat team assessments/ --strict --format json");
    add_output_file_option(*team, registry.options());
    registry.add(team, [options](Session& session) { return run_team(session, *options); });
}

}  // namespace ddat::cli
