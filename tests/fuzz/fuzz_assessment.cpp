// Fuzzes the self-assessment reader against the built-in framework, then the gap analysis of
// what it read against its target (or the first role level).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/analysis/gap.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/self_assessment.hpp"
#include "ddat/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ddat::Framework framework = ddat::load_builtin_framework("2020-01");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<ddat::Diagnostic> warnings;
    ddat::SelfAssessment person;
    try {
        person = ddat::parse_self_assessment(text, "fuzz.yaml", framework, warnings);
    } catch (const ddat::InputError& error) {
        if (error.diagnostics().empty()) {
            std::abort();
        }
        return 0;
    }
    // Everything read is UTF-8 (yaml-cpp decodes some escapes to bytes that are not).
    bool all_utf8 = ddat::find_invalid_utf8(person.name) == std::string_view::npos;
    for (const auto& skill : person.skills) {
        all_utf8 = all_utf8 && ddat::find_invalid_utf8(skill.evidence) == std::string_view::npos;
    }
    for (const auto& criterion : person.criteria) {
        all_utf8 = all_utf8 && ddat::find_invalid_utf8(criterion.evidence) == std::string_view::npos;
    }
    if (!all_utf8) {
        std::abort();
    }
    const ddat::RoleLevel* target =
        person.target_level_id.empty() ? framework.all_levels().front() : framework.find_level(person.target_level_id);
    if (target == nullptr) {
        std::abort();  // the reader resolved a target the framework does not have
    }
    const ddat::GapReport report = ddat::analyse_gap(framework, person, *target);
    if (report.summary.readiness < 0.0 || report.summary.readiness > 1.0) {
        std::abort();
    }
    return 0;
}
