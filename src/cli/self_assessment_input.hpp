// Reading the self-assessment a command is given with --me, and what every command that reads
// self-assessments shares: the --rating option and the warnings and notes of machine output.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "ddat/errors.hpp"
#include "ddat/load/self_assessment.hpp"

namespace ddat::cli {

// The whole of standard input, at most max_bytes; an InputError at `name` when there is more.
std::string read_standard_input(std::size_t max_bytes, const std::string& name);

// The file at path, or standard input for "-", at most max_bytes.
std::string read_input(const std::string& path, std::size_t max_bytes);

// The self-assessment at path, or on standard input for "-" (named <stdin> in messages).
SelfAssessment load_self_assessment_input(const std::string& path, const Framework& framework,
                                          std::vector<Diagnostic>& warnings);

// Reads the self-assessment at path (- for stdin) and prints its warnings; throws AssessmentError if it is bad.
// The warnings are also added to `warnings` when given, for machine output.
SelfAssessment read_self_assessment(Session& session, const std::string& path,
                                    std::vector<Diagnostic>* warnings = nullptr);

// Adds --rating agreed|self to a command that reads self-assessments.
void add_rating_option(CLI::App& command, Rating& rating);

// The text of a person's level for a table: the level compared, with "*" when it is the agreed
// level and "!" when their own and the agreed level are 2 or more apart.
std::string rated_text(SkillLevel actual, bool uses_agreed, bool discuss);

// The legend for rated_text's marks, or empty when no mark was used.
std::string rated_legend(bool any_agreed, bool any_discuss);

}  // namespace ddat::cli
