// Skills and role levels renamed between two copies of the framework, as a typed map.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "ddat/location.hpp"

namespace ddat {

// Skills and role levels renamed between two copies: old id -> new id.
struct Renames {
    std::map<std::string, std::string> skills;
    std::map<std::string, std::string> levels;
    // Where each entry was written, by old id: the old id's place and the new id's.
    std::map<std::string, std::pair<SourceLocation, SourceLocation>> skill_places;
    std::map<std::string, std::pair<SourceLocation, SourceLocation>> level_places;
};

}  // namespace ddat
