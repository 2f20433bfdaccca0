// Reading a person's self-assessment from YAML into the typed assessment (ddat/assessment.hpp).
// It is personal data: the core reads it and never writes it anywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddat/assessment.hpp"
#include "ddat/errors.hpp"
#include "ddat/model.hpp"

namespace ddat {

// The largest self-assessment file ddat reads.
inline constexpr std::size_t kMaxAssessmentFileBytes = std::size_t{4} * 1024 * 1024;

// Reads a self-assessment from YAML text; `file` names it in messages. Skills are matched by id or
// by name in any letter case, or by the id an earlier release gave them (the framework's renamed
// skills), which adds a note; an unknown skill or criterion adds a warning (with the nearest
// known id) and is left out; the warnings are added even when the file has errors too. Throws
// InputError for anything else that is wrong. Messages name the place and the key, never the
// values the person wrote.
SelfAssessment parse_self_assessment(std::string_view text, const std::string& file, const Framework& framework,
                                     std::vector<Diagnostic>& warnings);

// Reads the self-assessment file at path ("-" is standard input).
SelfAssessment load_self_assessment(const std::string& path, const Framework& framework,
                                    std::vector<Diagnostic>& warnings);

}  // namespace ddat
