// Reading the self-assessment a command is given with --me.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "ddat/self_assessment.hpp"

namespace ddat::cli {

// The whole of standard input, at most max_bytes; an InputError at `name` when there is more.
std::string read_standard_input(std::size_t max_bytes, const std::string& name);

// The file at path, or standard input for "-", at most max_bytes.
std::string read_input(const std::string& path, std::size_t max_bytes);

// The self-assessment at path, or on standard input for "-" (named <stdin> in messages).
SelfAssessment load_self_assessment_input(const std::string& path, const Framework& framework,
                                          std::vector<Diagnostic>& warnings);

// Reads the self-assessment at path (- for stdin) and prints its warnings; throws AssessmentError if it is bad.
SelfAssessment read_self_assessment(Session& session, const std::string& path);

}  // namespace ddat::cli
