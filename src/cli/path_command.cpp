// ddat path FROM TO [--cumulative]
#include <memory>

#include "cli/app.hpp"
#include "ddat/analysis/path.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

struct PathOptions {
    std::string from;
    std::string to;
    bool cumulative = false;
};

// The required level's word at one side of a change, or "-" where that side lacks the skill.
std::string level_word(const Requirement* requirement) {
    return requirement == nullptr ? "-" : std::string(required_level_word(*requirement));
}

Json level_word_json(const Requirement* requirement) {
    return requirement == nullptr ? Json(nullptr) : Json(std::string(required_level_word(*requirement)));
}

std::string signed_levels(int levels) { return levels > 0 ? "+" + std::to_string(levels) : std::to_string(levels); }

bool is_new(const SkillChange& s) { return s.change == LevelChange::added || s.change == LevelChange::raised; }

// The changes of a step that are shown: every skill, or with --cumulative only what is new.
std::vector<const SkillChange*> shown_changes(const LevelDiff& step, bool cumulative) {
    std::vector<const SkillChange*> shown;
    for (const auto& s : step.skills) {
        if (!cumulative || is_new(s)) {
            shown.push_back(&s);
        }
    }
    return shown;
}

Json change_json(const SkillChange& s) {
    return {{"id", s.skill->id},
            {"name", s.skill->name},
            {"from", level_word_json(s.from_requirement)},
            {"to", level_word_json(s.to_requirement)},
            {"change", std::string(to_string(s.change))},
            {"levels", levels_changed(s)}};
}

int total_levels(const std::vector<SkillChange>& changes) {
    int total = 0;
    for (const auto& s : changes) {
        total += levels_changed(s);
    }
    return total;
}

Json path_json(const LevelPath& path, bool cumulative) {
    Json steps = Json::array();
    for (const auto& step : path.steps) {
        Json skills = Json::array();
        for (const SkillChange* s : shown_changes(step, cumulative)) {
            skills.push_back(change_json(*s));
        }
        steps.push_back({{"from", id_and_name(*step.from)}, {"to", id_and_name(*step.to)}, {"skills", skills}});
    }
    Json build = Json::array();
    const auto to_build = path.to_build();
    for (const auto& s : to_build) {
        build.push_back(change_json(s));
    }
    Json dropped = Json::array();
    const auto no_longer = path.no_longer_required();
    for (const auto& s : no_longer) {
        dropped.push_back(change_json(s));
    }
    Json criteria = Json::array();
    for (const auto& c : path.overall.criteria) {
        criteria.push_back({{"id", c.criterion->id},
                            {"name", c.criterion->name},
                            {"kind", c.criterion->kind},
                            {"change", std::string(to_string(c.change))}});
    }
    return {{"from", id_and_name(*path.from)},
            {"to", id_and_name(*path.to)},
            {"direction", std::string(to_string(path.direction))},
            {"role",
             path.role == nullptr || path.direction == PathDirection::across ? Json(nullptr) : id_and_name(*path.role)},
            {"steps", steps},
            {"build", build},
            {"no_longer_required", dropped},
            {"criteria", criteria},
            {"summary",
             {{"steps", path.steps.size()},
              {"skills_to_build", to_build.size()},
              {"levels_to_build", total_levels(to_build)}}}};
}

void write_changes(const std::vector<const SkillChange*>& changes, const Output& output, bool with_levels) {
    std::vector<std::string> headers = {"SKILL", "FROM", "TO", "CHANGE"};
    if (with_levels) {
        headers.emplace_back("LEVELS");
    }
    TextTable table(headers, 0);
    for (const SkillChange* s : changes) {
        std::vector<std::string> cells = {s->skill->name, level_word(s->from_requirement),
                                          level_word(s->to_requirement), std::string(to_string(s->change))};
        if (with_levels) {
            cells.push_back(signed_levels(levels_changed(*s)));
        }
        table.add_row(std::move(cells), {Tone::plain, Tone::plain, Tone::plain, tone_of(s->change)});
    }
    table.write(output.out, output.style, "  ");
}

std::string names_of(const std::vector<SkillChange>& changes) {
    std::string names;
    for (const auto& s : changes) {
        names += (names.empty() ? "" : ", ") + s.skill->name;
    }
    return names;
}

std::string count_levels(int levels) { return std::to_string(levels) + (levels == 1 ? " level" : " levels"); }

// The competences and specialist skills `to` asks that `from` does not: not framework skills, but
// part of the route.
void write_new_criteria(const LevelPath& path, const Output& output) {
    std::string names;
    std::size_t count = 0;
    for (const auto& c : path.overall.criteria) {
        if (c.change == LevelChange::added) {
            names += (names.empty() ? "" : ", ") + c.criterion->name;
            ++count;
        }
    }
    if (count == 0) {
        return;
    }
    output.out << '\n';
    write_wrapped(output.out,
                  path.to->name + " also asks " +
                      count_of(count, "competence or specialist skill", "competences and specialist skills") + " (" +
                      names + "): 'ddat level show " + short_name(*path.to) + "' lists what each asks.",
                  output.style, "");
}

void write_path_table(const LevelPath& path, const Output& output, bool cumulative) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const RoleLevel& from = *path.from;
    const RoleLevel& to = *path.to;
    const std::string ends = style.bold(from.name) + "  →  " + style.bold(to.name);
    if (path.direction == PathDirection::same) {
        out << ends << '\n' << '\n';
        write_wrapped(out, "The same level: nothing to build.", style, "");
        return;
    }
    if (path.direction == PathDirection::across) {
        out << ends << '\n';
        write_wrapped(out,
                      "Across roles, from " + path.overall.from->name + " (" + short_name(from) + ") to " + to.name +
                          " (" + short_name(to) + ").",
                      style, "");
        const auto build = path.to_build();
        out << '\n' << style.bold("What to build") << '\n';
        if (build.empty()) {
            write_wrapped(out,
                          "No framework skill: " + from.name + " already asks every skill " + to.name +
                              " asks, at the level it asks.",
                          style, "  ");
        } else {
            write_wrapped(
                out, "The skills " + to.name + " requires that " + from.name + " does not, or requires lower:", style,
                "  ");
            std::vector<const SkillChange*> rows;
            for (const auto& s : build) {
                rows.push_back(&s);
            }
            write_changes(rows, output, true);
        }
        const auto carried = path.carried_over();
        std::vector<SkillChange> removed;
        for (const auto& s : path.no_longer_required()) {
            if (s.change == LevelChange::removed) {
                removed.push_back(s);
            }
        }
        if (!carried.empty() || !removed.empty()) {
            out << '\n';
        }
        if (!carried.empty()) {
            write_wrapped(
                out,
                "Carried over at the level needed (" + std::to_string(carried.size()) + "): " + names_of(carried) + ".",
                style, "");
        }
        if (!removed.empty()) {
            write_wrapped(
                out,
                "Not asked by " + to.name + " (" + std::to_string(removed.size()) + "): " + names_of(removed) + ".",
                style, "");
        }
        write_new_criteria(path, output);
        out << '\n';
        write_wrapped(out,
                      "In all: " + std::to_string(build.size()) + (build.size() == 1 ? " skill" : " skills") +
                          " to build, " + count_levels(total_levels(build)) + ".",
                      style, "");
        return;
    }
    const std::string& role = path.role->name;
    const std::size_t steps = path.steps.size();
    out << ends << '\n';
    std::string route = short_name(from);
    for (const auto& step : path.steps) {
        route += " → " + short_name(*step.to);
    }
    if (path.direction == PathDirection::down) {
        write_wrapped(out,
                      "Going down " + std::to_string(steps) + (steps == 1 ? " level" : " levels") + " in " + role +
                          ": " + route + ".",
                      style, "");
        const auto dropped = path.no_longer_required();
        out << '\n' << style.bold("No longer required, or required lower, at " + to.name) << '\n';
        if (dropped.empty()) {
            out << "  Nothing: " << to.name << " asks every skill at least as high as " << from.name << ".\n";
        } else {
            std::vector<const SkillChange*> rows;
            for (const auto& s : dropped) {
                rows.push_back(&s);
            }
            write_changes(rows, output, true);
        }
        if (const auto added = path.to_build(); !added.empty()) {
            out << '\n' << style.bold("Asked by " + to.name + " but not, or lower, by " + from.name) << '\n';
            std::vector<const SkillChange*> rows;
            for (const auto& s : added) {
                rows.push_back(&s);
            }
            write_changes(rows, output, true);
        }
        return;
    }
    write_wrapped(out,
                  std::to_string(steps) + (steps == 1 ? " step" : " steps") + " up in " + role + ": " + route +
                      (cumulative ? ". Each level assumes the ones below: only what is new is shown." : "."),
                  style, "");
    for (std::size_t i = 0; i < steps; ++i) {
        const LevelDiff& step = path.steps[i];
        out << '\n'
            << style.bold("Step " + std::to_string(i + 1) + ": " + short_name(*step.from) + " → " +
                          short_name(*step.to) + ", " + step.to->name)
            << '\n';
        const auto changes = shown_changes(step, cumulative);
        if (changes.empty()) {
            out << "  Nothing new: " << step.to->name << " asks no skill higher than " << step.from->name << ".\n";
            continue;
        }
        write_changes(changes, output, false);
        // what is only to build counts the gains alone
        write_wrapped(out, change_counts(step, cumulative), style, "  ");
    }
    const auto build = path.to_build();
    write_new_criteria(path, output);
    out << '\n';
    write_wrapped(out,
                  "In all, from " + short_name(from) + " to " + short_name(to) + ": " + std::to_string(build.size()) +
                      (build.size() == 1 ? " skill" : " skills") + " to build, " + count_levels(total_levels(build)) +
                      ".",
                  style, "");
}

int run_path(Session& session, const PathOptions& options) {
    const Framework& framework = session.framework();
    const RoleLevel& from = resolve_level(framework, options.from);
    const RoleLevel& to = resolve_level(framework, options.to);
    const LevelPath path = find_path(framework, from, to);
    Output output = session.output();
    const Picture picture{"Path from " + from.name + " to " + to.name, path_chart};
    if (!write_machine(
            output, [&] { return path_json(path, options.cumulative); },
            [](const Json& data) { return flatten(data["steps"], "skills"); }, &picture)) {
        write_path_table(path, output, options.cumulative);
    }
    return kExitOk;
}

}  // namespace

void add_path_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<PathOptions>();
    CLI::App* path = app.add_subcommand("path", "The route from one role level to another");
    if (!registry.builds(*path)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(path->add_option("FROM", options->from, "The role level to start from (id, alias or name)")->required(),
              Completion::levels);
    completes(path->add_option("TO", options->to, "The role level to reach; of the same role or another")->required(),
              Completion::levels);
    path->add_flag("--cumulative", options->cumulative,
                   "Show only what is new at each step: each level assumes the ones below");
    path->footer(
        "Within a role, each step from one level to the next and how its skills change; across\n"
        "roles, what to build: each skill TO requires that FROM lacks or asks lower. Going down\n"
        "a role shows what is no longer required.\n"
        "\n"
        "Examples:\n"
        "  ddat path brm lead-brm\n"
        "  ddat path brm lead-brm --cumulative\n"
        "  ddat path senior-brm senior-itsm\n"
        "  ddat path lead-brm brm --format json");
    add_output_file_option(*path, registry.options());
    registry.add(path, [options](Session& session) { return run_path(session, *options); });
}

}  // namespace ddat::cli
