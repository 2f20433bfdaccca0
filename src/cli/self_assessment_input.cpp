#include "cli/self_assessment_input.hpp"

#include <unistd.h>

#include <vector>

#include "ddat/errors.hpp"

namespace ddat::cli {

SelfAssessment read_self_assessment(Session& session, const std::string& path) {
    const Framework& framework = session.framework();
    if (path == "-" && ::isatty(STDIN_FILENO) == 1) {
        session.err() << "ddat: reading the self-assessment from the terminal; end it with Ctrl-D\n";
    }
    std::vector<Diagnostic> warnings;
    SelfAssessment person = [&] {
        try {
            return load_self_assessment(path, framework, warnings);
        } catch (const InputError& error) {
            throw AssessmentError(error);
        }
    }();
    for (const auto& warning : warnings) {
        session.warn(format_diagnostic(warning));
    }
    for (const auto& note : person.notes) {
        session.err() << "ddat: note: " << format_diagnostic(note) << '\n';
    }
    return person;
}

}  // namespace ddat::cli
