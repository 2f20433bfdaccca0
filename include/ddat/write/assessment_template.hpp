// Writing a self-assessment as YAML that ddat's own loader reads back: the blank form that
// `ddat init` prints, and the file `ddat assess` writes from a person's answers.
#pragma once

#include <string>
#include <string_view>

#include "ddat/assessment.hpp"
#include "ddat/model.hpp"
#include "ddat/write/framework_writer.hpp"

namespace ddat {

// A self-assessment against `target` as YAML text: name, current and target; every skill the
// target requires with the level `answers` gives it (none where it gives nothing) and its
// evidence; every criterion of the target with its status (not-met where none is given). Before
// each skill, comments say what the target asks of it and, where the framework's catalogue has
// them, what each level of the skill means; before each criterion, its essential and desirable
// statements. `answers` is empty for a blank form. Nothing else of `answers` is written.
std::string write_self_assessment(const Framework& framework, const RoleLevel& target, const SelfAssessment& answers);

}  // namespace ddat
