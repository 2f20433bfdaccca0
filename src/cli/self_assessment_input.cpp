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

SelfAssessment read_self_assessment(Session& session, const std::string& path, std::vector<Diagnostic>* warnings) {
    // skills, renames, and the criteria levels ask for: no texts
    const Framework& framework = session.framework(LoadScope::requirements_only());
    if (path == "-" && ::isatty(STDIN_FILENO) == 1) {
        session.err() << "ddat: reading the self-assessment from the terminal; end it with Ctrl-D\n";
    }
    std::vector<Diagnostic> found;
    SelfAssessment person = [&] {
        try {
            return load_self_assessment_input(path, framework, found);
        } catch (const InputError& error) {
            throw AssessmentError(error);
        }
    }();
    for (const auto& warning : found) {
        session.warn(format_diagnostic(warning));
    }
    for (const auto& note : person.notes) {
        session.err() << "ddat: note: " << format_diagnostic(note) << '\n';
    }
    if (warnings != nullptr) {
        warnings->insert(warnings->end(), found.begin(), found.end());
    }
    return person;
}

void add_rating_option(CLI::App& command, Rating& rating) {
    completes(command
                  .add_option_function<std::string>(
                      "--rating",
                      [&rating](const std::string& value) { rating = value == "self" ? Rating::self : Rating::agreed; },
                      "Whose level of each skill to use: agreed (the level agreed with the line manager, where the "
                      "file gives "
                      "one, else the person's own; the default) or self (the person's own)")
                  ->type_name("agreed|self")
                  ->transform(CLI::IsMember({"agreed", "self"}, CLI::ignore_case)),
              Completion::none);
}

std::string rated_text(SkillLevel actual, bool uses_agreed, bool discuss) {
    std::string text = actual == SkillLevel::none ? std::string("-") : std::string(to_string(actual));
    return text + (uses_agreed ? "*" : "") + (discuss ? "!" : "");
}

std::string rated_legend(bool any_agreed, bool any_discuss) {
    std::string legend;
    if (any_agreed) {
        legend = "* the level agreed with the line manager (--rating self uses your own)";
    }
    if (any_discuss) {
        legend += std::string(legend.empty() ? "" : "; ") +
                  "! your own level and the agreed level are 2 or more apart: worth discussing";
    }
    return legend;
}

}  // namespace ddat::cli
