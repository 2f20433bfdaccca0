// Where something was written in an input file: what every diagnostic and model item carries.
#pragma once

#include <string>

namespace ddat {

// Where something was written: a file and a 1-based line and column (0 when unknown).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

}  // namespace ddat
