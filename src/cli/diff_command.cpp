// ddat diff FROM TO
#include <algorithm>
#include <memory>

#include "cli/app.hpp"
#include "ddat/analysis/diff.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

struct DiffOptions {
    std::string from;
    std::string to;
    bool text = false;
    bool exit_code = false;
    bool ids = false;
};

// The required level's word at one side of a comparison, or "-" where that side lacks the skill.
std::string level_word(const Requirement* requirement) {
    return requirement == nullptr ? "-" : std::string(required_level_word(*requirement));
}

Json level_word_json(const Requirement* requirement) {
    return requirement == nullptr ? Json(nullptr) : Json(std::string(required_level_word(*requirement)));
}

Json diff_json(const Framework& framework, const LevelDiff& diff) {
    Json skills = Json::array();
    for (const auto& s : diff.skills) {
        skills.push_back({{"id", s.skill->id},
                          {"name", s.skill->name},
                          {"from", level_word_json(s.from_requirement)},
                          {"to", level_word_json(s.to_requirement)},
                          {"change", std::string(to_string(s.change))},
                          {"text_changed", s.text_changed()},
                          {"from_description",
                           s.from_requirement ? Json(framework.requirement_text(*s.from_requirement)) : Json(nullptr)},
                          {"to_description",
                           s.to_requirement ? Json(framework.requirement_text(*s.to_requirement)) : Json(nullptr)}});
    }
    Json criteria = Json::array();
    for (const auto& c : diff.criteria) {
        criteria.push_back(
            {{"id", c.criterion->id}, {"name", c.criterion->name}, {"change", std::string(to_string(c.change))}});
    }
    Json summary;
    for (const LevelChange change : kLevelChanges) {
        summary[std::string(to_string(change))] = diff.count(change);
    }
    return {{"from", id_and_name(*diff.from)},
            {"to", id_and_name(*diff.to)},
            {"summary", summary},
            {"skills", skills},
            {"criteria", criteria}};
}

void write_diff_table(const Framework& framework, const LevelDiff& diff, const Output& output, bool with_text) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    out << style.bold(diff.from->name) << "  →  " << style.bold(diff.to->name) << '\n' << '\n';
    TextTable table({"SKILL", "FROM", "TO", "CHANGE"});
    for (const auto& s : diff.skills) {
        table.add_row({s.skill->name, level_word(s.from_requirement), level_word(s.to_requirement),
                       std::string(to_string(s.change))},
                      {Tone::plain, Tone::plain, Tone::plain, tone_of(s.change)});
    }
    table.write(out, style, "  ");
    if (!diff.criteria.empty()) {
        out << '\n';
        TextTable criteria({"COMPETENCE OR SPECIALIST SKILLS", "CHANGE"});
        for (const auto& c : diff.criteria) {
            criteria.add_row({c.criterion->name, std::string(to_string(c.change))}, {Tone::plain, tone_of(c.change)});
        }
        criteria.write(out, style, "  ");
    }
    out << '\n';
    std::string summary = change_counts(diff);
    if (!diff.criteria.empty()) {
        const auto count = [&](LevelChange change) {
            return std::count_if(diff.criteria.begin(), diff.criteria.end(),
                                 [&](const CriterionChange& c) { return c.change == change; });
        };
        summary = "Skills: " + summary +
                  ". Competences and specialist skills: " + std::to_string(count(LevelChange::added)) + " added, " +
                  std::to_string(count(LevelChange::removed)) + " removed, " +
                  std::to_string(count(LevelChange::same)) + " same.";
    }
    write_wrapped(out, summary, style, "");
    if (!with_text) {
        if (diff.has_differences()) {
            out << style.dim("Add --text to see what " + diff.to->name + " asks of each changed skill.") << '\n';
        }
        return;
    }
    bool any = false;
    for (const auto& s : diff.skills) {
        if (s.change == LevelChange::same) {
            continue;
        }
        if (!any) {
            out << '\n' << style.bold("What changes") << '\n';
            any = true;
        }
        const std::string change(to_string(s.change));
        out << "  " << style.bold(s.skill->name) << "  " << style.tone(tone_of(s.change), change) << " ("
            << level_word(s.from_requirement) << " → " << level_word(s.to_requirement) << ")" << '\n';
        if (s.from_requirement != nullptr) {
            write_wrapped(out, "From: " + framework.requirement_text(*s.from_requirement), style, "      ");
        }
        if (s.to_requirement != nullptr) {
            write_wrapped(out, "To: " + framework.requirement_text(*s.to_requirement), style, "      ");
        }
    }
}

int run_diff(Session& session, const DiffOptions& options) {
    const Framework& framework = session.framework();
    const RoleLevel& from = resolve_level(framework, options.from);
    const RoleLevel& to = resolve_level(framework, options.to);
    const LevelDiff diff = diff_levels(framework, from, to);
    Output output = session.output();
    if (options.ids) {
        std::vector<std::string> changed;
        for (const auto& s : diff.skills) {
            if (s.change != LevelChange::same) {
                changed.push_back(s.skill->id);
            }
        }
        write_ids(output, changed);
        return options.exit_code && diff.has_differences() ? kExitDifferences : kExitOk;
    }
    const Picture picture{"From " + diff.from->name + " to " + diff.to->name, {}};
    if (!write_machine(
            output, [&] { return diff_json(framework, diff); },
            [](const Json& data) { return flatten(data["skills"]); }, &picture)) {
        write_diff_table(framework, diff, output, options.text);
    }
    return options.exit_code && diff.has_differences() ? kExitDifferences : kExitOk;
}

}  // namespace

void add_diff_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* diff = app.add_subcommand("diff", "Compare two role levels, skill by skill");
    if (!registry.builds(*diff)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(diff->add_option("FROM", options->from, "The role level to compare from (id, alias or name)")->required(),
              Completion::levels);
    completes(diff->add_option("TO", options->to, "The role level to compare to; any role's level")->required(),
              Completion::levels);
    diff->add_flag("--text", options->text, "Also show what the levels ask of changed skills");
    diff->add_flag("--exit-code", options->exit_code, "Exit 1 when the levels differ");
    diff->add_flag("--ids", options->ids, "Only the ids of the changed skills, one a line (JSON: a list)");
    diff->footer(
        "Examples:\n  ddat diff brm senior-brm\n  ddat diff senior-itsm head-of-itsm --text\n"
        "  ddat diff senior-brm senior-itsm --format json");
    add_output_file_option(*diff, registry.options());
    registry.add(diff, [options](Session& session) { return run_diff(session, *options); });
}

}  // namespace ddat::cli
