#include "ddat/load/builtin_framework.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "ddat/errors.hpp"
#include "ddat/load/framework_loader.hpp"
#include "ddat/load/snapshot.hpp"
#include "ddat/resolve.hpp"
#include "ddat/text.hpp"

namespace ddat {

Framework load_builtin_framework(std::string_view release, const LoadScope& scope) {
    const auto releases = builtin_releases();
    const BuiltinRelease* chosen = releases.empty() ? nullptr : &releases.front();
    if (!release.empty()) {
        chosen = nullptr;
        std::vector<std::string> names;
        for (const auto& candidate : releases) {
            if (candidate.name == release) {
                chosen = &candidate;
            }
            names.emplace_back(candidate.name);
        }
        if (chosen == nullptr) {
            throw NotFoundError(NameKind::release, std::string(release), nearest(std::string(release), names));
        }
    }
    if (chosen == nullptr) {
        throw std::logic_error("ddat was built without a framework release");
    }
    std::string problem;
    std::optional<Framework> framework = read_snapshot(chosen->snapshot, scope, &problem);
    if (!framework) {
        throw std::logic_error("the built-in framework snapshot of release " + std::string(chosen->name) +
                               " is damaged: " + problem);
    }
    return name_release(std::move(*framework), std::string(chosen->name));
}

std::vector<std::string> builtin_releases_naming(NameKind kind, std::string_view name, std::string_view except) {
    std::vector<std::string> found;
    if (kind != NameKind::role_level && kind != NameKind::role) {
        return found;
    }
    for (const auto& release : builtin_releases()) {
        if (release.name == except) {
            continue;
        }
        try {
            const Framework other = load_builtin_framework(release.name, LoadScope::outline());
            if (kind == NameKind::role) {
                resolve_role(other, name);
            } else {
                resolve_level(other, name);
            }
            found.emplace_back(release.name);
        } catch (const NotFoundError&) {
        }
    }
    return found;
}

}  // namespace ddat
