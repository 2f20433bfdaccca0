#include "ddat/builtin_framework.hpp"

#include <stdexcept>

#include "ddat/framework_loader.hpp"
#include "ddat/snapshot.hpp"

namespace ddat {

Framework load_builtin_framework() {
    std::optional<Framework> framework = read_snapshot(builtin_framework_snapshot());
    if (!framework) {
        throw std::logic_error("the built-in framework snapshot is damaged");
    }
    return std::move(*framework);
}

}  // namespace ddat
