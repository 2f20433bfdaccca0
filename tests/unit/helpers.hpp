// Small helpers shared by the unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/framework_loader.hpp"
#include "ddat/model.hpp"

namespace ddat_test {

// The built-in framework, loaded once for the whole run.
inline const ddat::Framework& builtin() {
    static const ddat::Framework framework = ddat::load_builtin_framework();
    return framework;
}

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The diagnostics of loading these files, which must fail; empty (and a failed check) if it loads.
inline std::vector<ddat::Diagnostic> load_problems(const std::vector<ddat::SourceFile>& files) {
    try {
        (void)ddat::load_framework_sources(files);
    } catch (const ddat::InputError& error) {
        return error.diagnostics();
    }
    FAIL_CHECK("the framework loaded, but an InputError was expected");
    return {};
}

// The diagnostics of loading one file named "f.yaml" with this text.
inline std::vector<ddat::Diagnostic> load_problems(const std::string& text) {
    return load_problems({ddat::SourceFile{"f.yaml", text}});
}

// Every diagnostic as "FILE:LINE:COL: message", one a line, for failure messages.
inline std::string describe(const std::vector<ddat::Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        text += ddat::format_diagnostic(d) + "\n";
    }
    return text;
}

}  // namespace ddat_test
