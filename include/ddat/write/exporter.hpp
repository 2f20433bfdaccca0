// Writing a framework back out in the shape of the official CSV download.
#pragma once

#include <string>
#include <vector>

#include "ddat/model.hpp"

namespace ddat {

// The role content CSV: a header, then one row per role level and skill, in framework order,
// with CRLF line ends. A level that stands for a whole role, and a requirement without a stated
// level, are written "NOT IN USE" as the download does; texts the download left "MISSING" are
// written out in full.
std::string export_role_content_csv(const Framework& framework);

// The role levels export_role_content_csv has no row for: those that require no framework skill
// (such as a level of competences only), since the CSV has a row per level and skill.
std::vector<const RoleLevel*> levels_left_out_of_csv(const Framework& framework);

// The skill descriptions CSV: one row per skill with its level descriptions and the roles that
// require it.
std::string export_skill_descriptions_csv(const Framework& framework);

}  // namespace ddat
