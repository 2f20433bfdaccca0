// ddat gap --me FILE --target LEVEL

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/analysis/gap.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/resolve.hpp"

namespace ddat::cli {

namespace {

struct GapOptions {
    std::string me;
    std::string target;
    bool exit_code = false;
    Rating rating = Rating::agreed;
};

// A count that may be a half (a partly met criterion): "20" or "20.5".
std::string format_units(double units) {
    const auto whole = static_cast<long>(units);
    return static_cast<double>(whole) == units ? std::to_string(whole) : std::to_string(whole) + ".5";
}

Json gap_json(const Framework& framework, const GapReport& report, const std::vector<Diagnostic>& warnings,
              const std::vector<Diagnostic>& notes) {
    Json skills = Json::array();
    for (const auto& g : report.skills) {
        skills.push_back({{"id", g.skill->id},
                          {"name", g.skill->name},
                          {"required", std::string(required_level_word(*g.requirement))},
                          {"actual", level_json(g.actual)},
                          {"shortfall", g.shortfall},
                          {"status", std::string(to_string(g.status))},
                          {"rating", g.uses_agreed ? "agreed" : "self"},
                          {"self", level_json(g.self)},
                          {"agreed", g.agreed ? level_json(*g.agreed) : Json(nullptr)},
                          {"discuss", g.discuss},
                          {"description", framework.requirement_text(*g.requirement)},
                          {"evidence", g.evidence.empty() ? Json(nullptr) : Json(g.evidence)}});
    }
    Json criteria = Json::array();
    for (const auto& c : report.criteria) {
        criteria.push_back({{"id", c.criterion->id},
                            {"name", c.criterion->name},
                            {"kind", c.criterion->kind},
                            {"status", std::string(to_string(c.status))},
                            {"evidence", c.evidence.empty() ? Json(nullptr) : Json(c.evidence)}});
    }
    const GapSummary& s = report.summary;
    return {{"target", id_and_name(*report.target)},
            {"person", report.person.empty() ? Json(nullptr) : Json(report.person)},
            {"current", report.current == nullptr ? Json(nullptr) : id_and_name(*report.current)},
            {"summary",
             {{"required", s.required},
              {"met", s.met},
              {"exceeds", s.exceeds},
              {"below", s.below},
              {"missing", s.missing},
              {"shortfall", s.shortfall},
              {"criteria", s.criteria},
              {"criteria_met", s.criteria_met},
              {"levels_held", s.held},
              {"levels_required", s.wanted},
              {"readiness", std::round(s.readiness * 1000) / 1000},
              {"disagreements", report.discuss}}},
            {"rating", std::string(to_string(report.rating))},
            {"skills", skills},
            {"criteria", criteria},
            {"warnings", diagnostics_json(warnings)},
            {"notes", diagnostics_json(notes)}};
}

// What the reader should know about the assessment beyond the gap itself: skills read under an
// earlier release's name, and skills the target required in the release before but no longer does.
std::vector<Diagnostic> gap_notes(Session& session, const Framework& framework, const SelfAssessment& person,
                                  const RoleLevel& target) {
    std::vector<Diagnostic> notes = person.notes;
    if (const Framework* earlier = session.earlier_release()) {
        for (const AssessedSkill* skill : skills_no_longer_required(person, target, framework, *earlier)) {
            const Diagnostic note{skill->location, "'" + framework.find_skill(skill->skill_id)->name +
                                                       "' is no longer required for " + target.name + " since " +
                                                       framework.release() + " (left out)"};
            session.err() << "ddat: note: " << format_diagnostic(note) << '\n';
            notes.push_back(note);
        }
    }
    return notes;
}

void write_gap_table(const Framework& framework, const GapReport& report, const Output& output) {
    const Style& style = output.style;
    std::ostream& out = output.out;
    const RoleLevel& target = *report.target;
    out << visible(report.person.empty() ? std::string("Gap") : report.person)
        << visible(report.current == nullptr ? std::string() : " (now " + report.current->name + ")") << " against "
        << style.bold(target.name) << '\n';
    if (!report.skills.empty()) {
        out << '\n';
        TextTable table({"SKILL", "REQUIRED", "YOURS", "SHORT", "STATUS"}, 0);
        bool any_agreed = false;
        for (const auto& g : report.skills) {
            table.add_row({g.skill->name, std::string(required_level_word(*g.requirement)),
                           rated_text(g.actual, g.uses_agreed, g.discuss),
                           g.shortfall == 0 ? "" : std::to_string(g.shortfall), std::string(to_string(g.status))},
                          {Tone::plain, Tone::plain, Tone::plain, Tone::plain, tone_of(g.status)});
            any_agreed = any_agreed || g.uses_agreed;
        }
        table.write(out, style, "  ");
        if (const std::string legend = rated_legend(any_agreed, report.discuss > 0); !legend.empty()) {
            for (const auto& line : wrap(legend, static_cast<std::size_t>(std::max(style.width, 40)) - 2)) {
                out << "  " << style.dim(line) << '\n';
            }
        }
    }
    if (!report.criteria.empty()) {
        out << '\n';
        TextTable table({"COMPETENCE OR SPECIALIST SKILLS", "STATUS"}, 0);
        for (const auto& c : report.criteria) {
            table.add_row({c.criterion->name, std::string(to_string(c.status))}, {Tone::plain, tone_of(c.status)});
        }
        table.write(out, style, "  ");
    }
    const GapSummary& s = report.summary;
    out << '\n'
        << style.bold("Readiness " + percent(s.readiness)) << " (" << format_units(s.held) << " of "
        << format_units(s.wanted) << (s.criteria > 0 ? " points)" : " required levels)") << '\n';
    std::string line;
    if (s.required > 0) {
        line = std::to_string(s.met) + " of " + std::to_string(s.required) + " skills met";
        if (s.exceeds > 0) {
            line += " (" + std::to_string(s.exceeds) + " exceeded)";
        }
        line += ", " + std::to_string(s.below) + " below, " + std::to_string(s.missing) + " missing, " +
                std::to_string(s.shortfall) + (s.shortfall == 1 ? " level" : " levels") + " short";
    }
    if (s.criteria > 0) {
        line += (line.empty() ? "" : "; ") + std::to_string(s.criteria_met) + " of " + std::to_string(s.criteria) +
                " competences and specialist skills met";
    }
    write_wrapped(out, line, style, "");
    bool any = false;
    const auto heading = [&] {
        if (!any) {
            out << '\n' << style.bold("What " + target.name + " asks where you are short") << '\n';
            any = true;
        }
    };
    for (const auto& g : report.skills) {
        if (g.status != GapStatus::below && g.status != GapStatus::missing) {
            continue;
        }
        heading();
        out << "  " << style.bold(g.skill->name) << "  " << required_level_word(*g.requirement) << ", yours "
            << (g.actual == SkillLevel::none ? std::string("none") : std::string(to_string(g.actual))) << '\n';
        if (const std::string& text = framework.requirement_text(*g.requirement); !text.empty()) {
            write_wrapped(out, text, style, "      ");
        }
    }
    for (const auto& c : report.criteria) {
        if (c.status == CriterionStatus::met) {
            continue;
        }
        heading();
        out << "  " << style.bold(c.criterion->name) << "  " << to_string(c.status) << '\n';
        for (const auto& item : c.criterion->essential) {
            const auto lines = wrap(item, static_cast<std::size_t>(std::max(style.width, 40)) - 8);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                out << (i == 0 ? "      • " : "        ") << lines[i] << '\n';
            }
        }
    }
}

// Evidence as a Markdown block quote, keeping the person's line breaks.
void write_quoted(std::ostream& out, std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        out << (line.empty() ? ">" : "> " + std::string(line)) << '\n';
        start = end + 1;
    }
}

// A development-conversation document: the summary, a table of every skill, then for each
// skill below or missing what the target asks and the person's evidence; then the evidence
// given for the skills met.
void write_gap_markdown(const Framework& framework, const GapReport& report, std::ostream& out) {
    const RoleLevel& target = *report.target;
    const GapSummary& s = report.summary;
    out << "# Development conversation: " << (report.person.empty() ? std::string("self-assessment") : report.person)
        << "\n\n";
    out << "- **Target:** " << target.name << " (`" << target.id << "`)\n";
    if (report.current != nullptr) {
        out << "- **Now:** " << report.current->name << " (`" << report.current->id << "`)\n";
    }
    out << "- **Readiness:** " << percent(s.readiness) << " (" << format_units(s.held) << " of "
        << format_units(s.wanted) << (s.criteria > 0 ? " points" : " required levels") << ")\n";
    if (s.required > 0) {
        out << "- **Skills:** " << s.met << " of " << s.required << " met"
            << (s.exceeds > 0 ? " (" + std::to_string(s.exceeds) + " exceeded)" : "") << ", " << s.below << " below, "
            << s.missing << " missing, " << s.shortfall << (s.shortfall == 1 ? " level" : " levels") << " short\n";
    }
    if (s.criteria > 0) {
        out << "- **Competences and specialist skills:** " << s.criteria_met << " of " << s.criteria << " met\n";
    }
    if (!report.skills.empty()) {
        out << "\n## Skills\n\n";
        Records table{{"Skill", "Required", "Yours", "Short", "Status"}, {}};
        for (const auto& g : report.skills) {
            table.rows.push_back({g.skill->name, std::string(required_level_word(*g.requirement)),
                                  g.actual == SkillLevel::none ? std::string("-") : std::string(to_string(g.actual)),
                                  g.shortfall == 0 ? std::string() : std::to_string(g.shortfall),
                                  std::string(to_string(g.status))});
        }
        write_markdown(out, table);
    }
    if (!report.criteria.empty()) {
        out << "\n## Competences and specialist skills\n\n";
        Records table{{"Criterion", "Status"}, {}};
        for (const auto& c : report.criteria) {
            table.rows.push_back({c.criterion->name, std::string(to_string(c.status))});
        }
        write_markdown(out, table);
    }
    const auto evidence = [&](const std::string& text) {
        if (text.empty()) {
            out << "\n*No evidence given yet.*\n";
        } else {
            out << "\nYour evidence:\n\n";
            write_quoted(out, text);
        }
    };
    bool any = false;
    for (const auto& g : report.skills) {
        if (g.status != GapStatus::below && g.status != GapStatus::missing) {
            continue;
        }
        if (!any) {
            out << "\n## Where you are short\n";
            any = true;
        }
        out << "\n### " << g.skill->name << "\n\n"
            << target.name << " asks **" << required_level_word(*g.requirement) << "**; you hold it at **"
            << (g.actual == SkillLevel::none ? std::string("none") : std::string(to_string(g.actual))) << "** ("
            << g.shortfall << (g.shortfall == 1 ? " level" : " levels") << " short).\n";
        if (const std::string& text = framework.requirement_text(*g.requirement); !text.empty()) {
            out << "\nWhat " << target.name << " asks:\n\n" << text << "\n";
        }
        evidence(g.evidence);
    }
    for (const auto& c : report.criteria) {
        if (c.status == CriterionStatus::met) {
            continue;
        }
        if (!any) {
            out << "\n## Where you are short\n";
            any = true;
        }
        out << "\n### " << c.criterion->name << "\n\nStatus: **" << to_string(c.status) << "**.\n";
        if (!c.criterion->essential.empty()) {
            out << "\nEssential:\n\n";
            for (const auto& item : c.criterion->essential) {
                out << "- " << item << "\n";
            }
        }
        evidence(c.evidence);
    }
    bool met_any = false;
    for (const auto& g : report.skills) {
        if ((g.status == GapStatus::met || g.status == GapStatus::exceeds) && !g.evidence.empty()) {
            if (!met_any) {
                out << "\n## Evidence for the skills you meet\n";
                met_any = true;
            }
            out << "\n### " << g.skill->name << " (" << to_string(g.actual) << ")\n\n";
            write_quoted(out, g.evidence);
        }
    }
    for (const auto& c : report.criteria) {
        if (c.status == CriterionStatus::met && !c.evidence.empty()) {
            if (!met_any) {
                out << "\n## Evidence for the skills you meet\n";
                met_any = true;
            }
            out << "\n### " << c.criterion->name << " (met)\n\n";
            write_quoted(out, c.evidence);
        }
    }
    out << "\n## Agreed next steps\n\n- [what you will do, with whose help, by when]\n";
}

int run_gap(Session& session, const GapOptions& options) {
    // the requirements of every level (to read the assessment) and the texts of the target's role
    // alone, in one reading of the built-in copy when the target is on the command line
    if (!options.target.empty()) {
        // a target no level has is reported before anything the file says
        (void)resolve_level(session.framework(LoadScope::requirements_only().with(LoadScope::role_of(options.target))),
                            options.target);
    }
    std::vector<Diagnostic> warnings;
    const SelfAssessment person = read_self_assessment(session, options.me, &warnings);
    std::string target_name = options.target;
    if (target_name.empty()) {
        target_name = person.target_level_id;
    }
    if (target_name.empty()) {
        throw UsageError("no target role level: give --target LEVEL, or 'target:' in " + person.file);
    }
    const Framework& framework =
        session.framework(LoadScope::requirements_only().with(LoadScope::role_of(target_name)));
    const RoleLevel& target = resolve_level(framework, target_name);
    const GapReport report = analyse_gap(framework, person, target, options.rating);
    const std::vector<Diagnostic> notes = gap_notes(session, framework, person, target);
    Output output = session.output();
    if (output.format == Format::markdown) {
        write_gap_markdown(framework, report, output.out);
        return options.exit_code && report.has_gaps() ? kExitDifferences : kExitOk;
    }
    const Picture picture{(report.person.empty() ? std::string("Gap") : report.person) + " against " + target.name,
                          gap_chart};
    if (!write_machine(
            output, [&] { return gap_json(framework, report, warnings, notes); },
            [](const Json& data) { return flatten(data["skills"].empty() ? data["criteria"] : data["skills"]); },
            &picture)) {
        write_gap_table(framework, report, output);
    }
    return options.exit_code && report.has_gaps() ? kExitDifferences : kExitOk;
}

}  // namespace

void add_gap_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<GapOptions>();
    CLI::App* gap = app.add_subcommand("gap", "Where a self-assessment falls short of a level");
    if (!registry.builds(*gap)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(
        gap->add_option("--me", options->me, "Self-assessment YAML file; - reads stdin")->required()->type_name("FILE"),
        Completion::files);
    completes(gap->add_option("--target", options->target, "Target role level (default: 'target:' in the file)")
                  ->type_name("LEVEL"),
              Completion::levels);
    gap->add_flag("--exit-code", options->exit_code, "Exit 1 when any requirement is not met");
    add_rating_option(*gap, options->rating);
    gap->footer(
        "A self-assessment is a YAML file of skills and the level you hold each at:\n"
        "\n"
        "  name: Sam Example                  # optional\n"
        "  target: senior-brm                 # optional: the default for --target\n"
        "  skills:\n"
        "    relationship-management: practitioner   # a skill id or name: a level\n"
        "    Service reporting: 2                    # 0 none ... 4 expert\n"
        "    user-focus:\n"
        "      level: working\n"
        "      evidence: Ran the discovery interviews for the new service\n"
        "      agreed: practitioner                  # optional: the level your line manager agreed\n"
        "\n"
        "Where a skill has an agreed level, gap uses it and marks it *; --rating self uses your own.\n"
        "Own and agreed levels 2 or more apart are marked ! as worth discussing.\n"
        "\n"
        "ddat reads it and writes nothing of it anywhere but this command's output.\n"
        "\n"
        "Examples:\n"
        "  ddat gap --me me.yaml --target senior-brm\n"
        "  ddat gap --me me.yaml --target lead-brm --format json\n"
        "  ddat gap --me me.yaml --target senior-brm --format xlsx -o gap.xlsx\n"
        "  ddat gap --me - --target itsm < me.yaml");
    add_output_file_option(*gap, registry.options());
    registry.add(gap, [options](Session& session) { return run_gap(session, *options); });
}

}  // namespace ddat::cli
