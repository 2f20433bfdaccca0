// The svg format: a command's chart alone, ready for a slide, drawn from the data it writes as
// JSON. Every chart has a title and a description, and text beside every colour.
#pragma once

#include <string>
#include <string_view>

#include "cli/render/tree.hpp"

namespace ddat::cli {

// The commands that write --format svg, for the message to any other.
inline constexpr std::string_view kSvgCommands = "--format svg is for gap, team, path and progress";

// gap: the level required against the level held, a bar for each skill.
std::string gap_chart(const Json& gap);

// team: a heat map of people by skills: levels short, met, or missing, and each one's readiness.
std::string team_chart(const Json& team);

// path: the steps from one role level to the next, with the levels each step asks to build.
std::string path_chart(const Json& path);

// progress: each skill's level at each assessment against the level required, and the readiness
// at each.
std::string progress_chart(const Json& progress);

}  // namespace ddat::cli
