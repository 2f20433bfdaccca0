// Fuzzes ddat's own reader for plain block mappings against yaml-cpp: wherever the block reader
// reads a text, yaml-cpp must read it to the same tree (values, places, plain or quoted).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "ddat/errors.hpp"
#include "ddat/text.hpp"
#include "parse/yaml_tree.hpp"

namespace {

bool same(const ddat::yaml::Node& a, const ddat::yaml::Node& b) {
    if (a.kind != b.kind || a.value != b.value || a.plain != b.plain || a.line != b.line || a.column != b.column ||
        a.items.size() != b.items.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (!same(a.items[i], b.items[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // parse() hands the readers only UTF-8 text without a byte-order mark or NUL byte.
    if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string_view::npos ||
        ddat::find_invalid_utf8(text) != std::string_view::npos) {
        return 0;
    }
    const ddat::yaml::Limits limits{4U * 1024U * 1024U, 20, 100000};
    const std::optional<ddat::yaml::Node> own = ddat::yaml::parse_block_subset(text, limits);
    if (!own) {
        return 0;
    }
    try {
        const ddat::yaml::Node theirs = ddat::yaml::parse(text, "fuzz.yaml", limits, ddat::yaml::Reader::yaml_cpp);
        if (!same(*own, theirs)) {
            std::abort();  // the two readers made different trees
        }
    } catch (const ddat::InputError&) {
        std::abort();  // the block reader read a text yaml-cpp refuses
    }
    return 0;
}
