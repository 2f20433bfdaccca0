// Writing a framework in ddat's own YAML format (docs/framework-format.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ddat/files.hpp"
#include "ddat/model.hpp"

namespace ddat {

// The framework as YAML files, by path relative to the framework folder: framework.yaml (the
// metadata and families), skills.yaml (the catalogue) and roles/ROLE-ID.yaml (one per role).
// The same framework always gives the same bytes.
std::vector<SourceFile> framework_to_yaml(const Framework& framework);

// Text as a YAML double-quoted scalar that every YAML reader reads back exactly: quotes,
// backslashes and control characters escaped, and U+0085, U+2028, U+2029 and U+FEFF too, which
// readers would otherwise take for line breaks or drop. ddat's one writer of YAML text.
std::string yaml_double_quoted(std::string_view text);

// Text as a YAML scalar that reads back as exactly this text: a literal block for multi-line
// text where that is exact, else a double-quoted string. `indent` is the block's indentation.
std::string yaml_scalar(const std::string& text, int indent);

}  // namespace ddat
