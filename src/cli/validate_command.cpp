// ddat validate [PATH]
#include <memory>

#include "cli/app.hpp"
#include "cli/self_assessment_input.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/self_assessment.hpp"

namespace ddat::cli {

namespace {

// True when the file at path reads as a self-assessment against the framework in use.
bool looks_like_assessment(Session& session, const std::string& path) {
    try {
        std::vector<Diagnostic> warnings;
        load_self_assessment_input(path, session.framework(), warnings);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

// Every problem of a self-assessment checked against the framework in use.
int validate_assessment(Session& session, const std::string& file) {
    std::vector<Diagnostic> problems;
    std::vector<Diagnostic> warnings;
    try {
        load_self_assessment_input(file, session.framework(), warnings);
    } catch (const InputError& error) {
        problems = error.diagnostics();
    }
    Output output = session.output();
    if (output.format != Format::table) {
        write_data(output,
                   {{"path", file},
                    {"valid", problems.empty()},
                    {"problems", diagnostics_json(problems)},
                    {"warnings", diagnostics_json(warnings)},
                    {"notes", Json::array()}},
                   [](const Json& data) {
                       return flatten(data["problems"], {}, {"file", "line", "column", "message"});
                   });
        return problems.empty() ? kExitOk : kExitInput;
    }
    for (const auto& w : warnings) {
        session.warn(format_diagnostic(w));
    }
    for (const auto& p : problems) {
        session.err() << "ddat: error: " << format_diagnostic(p) << '\n';
    }
    if (!problems.empty()) {
        session.err() << "ddat: " << file << ": " << problems.size()
                      << (problems.size() == 1 ? " problem" : " problems") << '\n';
        return kExitInput;
    }
    output.out << file << ": valid" << '\n';
    return kExitOk;
}

int run_validate(Session& session, const std::string& path_argument, const std::string& assessment) {
    if (!assessment.empty()) {
        return validate_assessment(session, assessment);
    }
    const std::string path = path_argument.empty() ? framework_path(session.options()) : path_argument;
    std::vector<Diagnostic> problems;
    Framework framework;
    try {
        framework = path.empty() ? load_builtin_framework(requested_release(session.options())) : load_framework(path);
    } catch (const InputError& error) {
        problems = error.diagnostics();
    }
    const std::string shown = path.empty() ? "the built-in release " + release_in_use(session.options()) : path;
    Output output = session.output();
    if (output.format != Format::table) {
        const Json list = diagnostics_json(problems);
        Json counts = nullptr;
        if (problems.empty()) {
            counts = {{"families", framework.families().size()},
                      {"roles", framework.roles().size()},
                      {"role_levels", framework.all_levels().size()},
                      {"skills", framework.skills().size()},
                      {"files", framework.files().size()}};
        }
        write_data(output,
                   {{"path", path.empty() ? Json(nullptr) : Json(path)},
                    {"builtin", path.empty()},
                    {"valid", problems.empty()},
                    {"problems", list},
                    {"counts", counts}},
                   [](const Json& data) {
                       return flatten(data["problems"], {}, {"file", "line", "column", "message"});
                   });
        return problems.empty() ? kExitOk : kExitInput;
    }
    if (!problems.empty()) {
        for (const auto& p : problems) {
            session.err() << "ddat: error: " << format_diagnostic(p) << '\n';
        }
        if (looks_like_assessment(session, path)) {
            session.err() << "ddat: " << path << " looks like a self-assessment: check it with 'ddat validate --me "
                          << path << "'\n";
        }
        session.err() << "ddat: " << shown << ": " << problems.size()
                      << (problems.size() == 1 ? " problem" : " problems") << '\n';
        return kExitInput;
    }
    const auto count = count_of;
    output.out << shown << ": valid: " << count(framework.families().size(), "family", "families") << ", "
               << count(framework.roles().size(), "role", "roles") << ", "
               << count(framework.all_levels().size(), "role level", "role levels") << ", "
               << count(framework.skills().size(), "skill", "skills") << " in "
               << count(framework.files().size(), "file", "files") << '\n';
    return kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app, CommandRegistry& registry) {
    auto path = std::make_shared<std::string>();
    auto assessment = std::make_shared<std::string>();
    CLI::App* validate = app.add_subcommand("validate", "Check a framework file or folder for problems");
    if (!registry.builds(*validate)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(validate->add_option("PATH", *path, "Framework file or folder (default: the one in use)"),
              Completion::files);
    completes(
        validate->add_option("--me", *assessment, "Check this self-assessment instead, against the framework in use")
            ->type_name("FILE"),
        Completion::files);
    validate->footer(
        "Examples:\n  ddat validate my-framework/\n  ddat validate roles/local-roles.yaml --format json\n"
        "  ddat validate --me me.yaml\n"
        "\nThe framework format is described in docs/framework-format.md.");
    registry.add(validate, [path, assessment](Session& session) { return run_validate(session, *path, *assessment); });
}

}  // namespace ddat::cli
