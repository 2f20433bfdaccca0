// ddat validate [PATH]
#include <memory>

#include "cli/app.hpp"
#include "ddat/errors.hpp"
#include "ddat/framework_loader.hpp"

namespace ddat::cli {

namespace {

int run_validate(Session& session, const std::string& path_argument) {
    const std::string path = path_argument.empty() ? framework_path(session.options()) : path_argument;
    std::vector<Diagnostic> problems;
    Framework framework;
    try {
        framework = path.empty() ? load_builtin_framework() : load_framework(path);
    } catch (const InputError& error) {
        problems = error.diagnostics();
    }
    const std::string shown = path.empty() ? std::string("the built-in framework") : path;
    Output output = session.output();
    if (output.format == Format::json) {
        Json list = Json::array();
        for (const auto& p : problems) {
            list.push_back({{"file", p.location.file},
                            {"line", p.location.line},
                            {"column", p.location.column},
                            {"message", p.message}});
        }
        Json counts = nullptr;
        if (problems.empty()) {
            counts = {{"families", framework.families.size()},
                      {"roles", framework.roles.size()},
                      {"role_levels", framework.all_levels().size()},
                      {"skills", framework.skills.size()},
                      {"files", framework.files.size()}};
        }
        write_json(output.out, {{"path", path.empty() ? Json(nullptr) : Json(path)},
                                {"builtin", path.empty()},
                                {"valid", problems.empty()},
                                {"problems", list},
                                {"counts", counts}});
        return problems.empty() ? kExitOk : kExitInput;
    }
    if (!problems.empty()) {
        for (const auto& p : problems) {
            session.err() << "ddat: error: " << format_diagnostic(p) << '\n';
        }
        session.err() << "ddat: " << shown << ": " << problems.size()
                      << (problems.size() == 1 ? " problem" : " problems") << '\n';
        return kExitInput;
    }
    const auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    output.out << shown << ": valid: " << count(framework.families.size(), "family", "families") << ", "
               << count(framework.roles.size(), "role", "roles") << ", "
               << count(framework.all_levels().size(), "role level", "role levels") << ", "
               << count(framework.skills.size(), "skill", "skills") << " in "
               << count(framework.files.size(), "file", "files") << '\n';
    return kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app, CommandRegistry& registry) {
    auto path = std::make_shared<std::string>();
    CLI::App* validate = app.add_subcommand(
        "validate", "Check a framework file or folder for problems");
    validate->add_option("PATH", *path, "Framework file or folder (default: the one in use)");
    validate->footer("Examples:\n  ddat validate my-framework/\n  ddat validate roles/local-roles.yaml --format json\n"
                     "\nThe format is described in docs/framework-format.md.");
    registry.add(validate, [path](Session& session) { return run_validate(session, *path); });
}

}  // namespace ddat::cli
