// ddat init --target LEVEL: a blank self-assessment to fill in, on standard output.
#include <memory>

#include "cli/app.hpp"
#include "ddat/resolve.hpp"
#include "ddat/write/assessment_template.hpp"

namespace ddat::cli {

void add_init_command(CLI::App& app, CommandRegistry& registry) {
    auto target = std::make_shared<std::string>();
    CLI::App* init = app.add_subcommand("init", "Print a self-assessment to fill in for a target level");
    if (!registry.builds(*init)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(init->add_option("--target", *target, "The role level to assess yourself against")
                  ->required()
                  ->type_name("LEVEL"),
              Completion::levels);
    init->footer(
        "Prints YAML with your name, current level and the target, every skill the target requires\n"
        "at level 'none' for you to change, and as comments what the target asks of each skill\n"
        "(and what each level of the skill means, where the framework says). Competences and\n"
        "specialist skills are listed as 'not-met'. Save it, fill it in, then run ddat gap.\n"
        "'ddat assess' asks the same questions one by one instead.\n"
        "\n"
        "Examples:\n"
        "  ddat init --target senior-brm > me.yaml\n"
        "  ddat validate --me me.yaml\n"
        "  ddat gap --me me.yaml");
    registry.add(
        init,
        [target](Session& session) {
            const Framework& framework = session.framework();
            const RoleLevel& level = resolve_level(framework, *target);
            session.output().out << write_self_assessment(framework, level, SelfAssessment{});
            return static_cast<int>(kExitOk);
        },
        SingleFormat{"yaml", "prints YAML only"});
}

}  // namespace ddat::cli
