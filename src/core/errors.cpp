#include "ddat/errors.hpp"

namespace ddat {

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string text = diagnostic.location.file;
    if (diagnostic.location.line > 0) {
        text += ':' + std::to_string(diagnostic.location.line);
        if (diagnostic.location.column > 0) {
            text += ':' + std::to_string(diagnostic.location.column);
        }
    }
    if (!text.empty()) {
        text += ": ";
    }
    return text + diagnostic.message;
}

namespace {
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
    return diagnostics.empty() ? std::string("invalid input") : format_diagnostic(diagnostics.front());
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourceLocation location, std::string message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(location), std::move(message)}}) {}

std::string_view to_string(NameKind kind) {
    switch (kind) {
        case NameKind::role_level: return "role level";
        case NameKind::role: return "role";
        case NameKind::skill: return "skill";
        case NameKind::family: return "family";
        case NameKind::release: return "release";
    }
    return "name";
}

NotFoundError::NotFoundError(NameKind kind, std::string name, std::vector<std::string> suggestions)
    : std::runtime_error("unknown " + std::string(to_string(kind)) + " '" + name + "'"),
      kind_(kind),
      name_(std::move(name)),
      suggestions_(std::move(suggestions)) {}

}  // namespace ddat
