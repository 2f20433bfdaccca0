// Reading the self-assessment a command is given with --me.
#pragma once

#include <string>

#include "cli/app.hpp"
#include "ddat/self_assessment.hpp"

namespace ddat::cli {

// Reads the self-assessment at path (- for stdin) and prints its warnings; throws AssessmentError if it is bad.
SelfAssessment read_self_assessment(Session& session, const std::string& path);

}  // namespace ddat::cli
