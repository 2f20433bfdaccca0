// Finding a team's self-assessment files. analyse_team (ddat/analysis/team.hpp) reads them with
// load_self_assessment (ddat/load/self_assessment.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ddat/errors.hpp"

namespace ddat {

// The self-assessment files that paths name: a file as given; for a folder, every *.yaml, *.yml
// and *.json file in it (any letter case; not hidden files, not in sub-folders), in name order. A
// path that does not exist, or a folder with no such file, adds a problem. A file named again, by
// any path (a symbolic link, say), is listed once, and a note in `duplicates` says so.
std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems,
                                    std::vector<Diagnostic>& duplicates);

// As above, without the notes.
std::vector<std::string> team_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& problems);

}  // namespace ddat
