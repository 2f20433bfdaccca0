#include "cli/self_assessment_input.hpp"

#include <unistd.h>

#include <iostream>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/files.hpp"

namespace ddat::cli {

std::string read_standard_input(std::size_t max_bytes, const std::string& name) {
    std::string text;
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (text.size() > max_bytes) {
            throw InputError(
                SourceLocation{name, 0, 0},
                "the file is larger than " + std::to_string(max_bytes / (std::size_t{1024} * 1024)) + " MiB");
        }
    }
    return text;
}

std::string read_input(const std::string& path, std::size_t max_bytes) {
    return path == "-" ? read_standard_input(max_bytes, "<stdin>") : read_input_file(path, max_bytes);
}

SelfAssessment load_self_assessment_input(const std::string& path, const Framework& framework,
                                          std::vector<Diagnostic>& warnings) {
    if (path == "-") {
        return parse_self_assessment(read_standard_input(kMaxAssessmentFileBytes, "<stdin>"), "<stdin>", framework,
                                     warnings);
    }
    return load_self_assessment(path, framework, warnings);
}

SelfAssessment read_self_assessment(Session& session, const std::string& path) {
    const Framework& framework = session.framework();
    if (path == "-" && ::isatty(STDIN_FILENO) == 1) {
        session.err() << "ddat: reading the self-assessment from the terminal; end it with Ctrl-D\n";
    }
    std::vector<Diagnostic> warnings;
    SelfAssessment person = [&] {
        try {
            return load_self_assessment_input(path, framework, warnings);
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
